"""`import notice_ld` stays light: no pyshacl, no pyld, no rdflib."""

import subprocess
import sys

from .conftest import ROOT


def test_import_is_light() -> None:
    code = (
        "import sys, notice_ld; "
        "heavy = [m for m in ('pyshacl', 'pyld', 'rdflib', 'requests') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    assert result.stdout.strip() == ""


def test_public_api_is_small() -> None:
    import notice_ld

    assert 10 <= len(notice_ld.__all__) <= 14
