"""`import notice_ld` stays light: no pyshacl, no pyld, no rdflib — and, as its names are imported on
first use, no pydantic, langcodes, stdnum or pyoxigraph either (benchmarks/import_time.py measures
the time; no test here is timed)."""

import subprocess
import sys

import pytest

from .conftest import ROOT


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter importing notice_ld from src/; return its stdout."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    return result.stdout.strip()


def _loaded_after(statements: str, modules: tuple[str, ...]) -> str:
    return _run(f"import sys; {statements}; print(','.join(m for m in {modules!r} if m in sys.modules))")


def test_import_is_light() -> None:
    assert _loaded_after("import notice_ld", ("pyshacl", "pyld", "rdflib", "requests")) == ""


def test_import_loads_no_dependency() -> None:
    heavy = ("pydantic", "pydantic_core", "langcodes", "stdnum", "rdflib", "pyoxigraph", "anyascii")
    assert _loaded_after("import notice_ld", heavy) == ""
    own = _run("import sys, notice_ld; print(','.join(sorted(m for m in sys.modules if 'notice_ld' in m)))")
    assert own == "notice_ld"


def test_exports_are_imported_on_first_use() -> None:
    loaded = _loaded_after(
        "import notice_ld; notice_ld.Format; notice_ld.Profile",
        ("notice_ld.formats", "notice_ld.config", "notice_ld.model", "pydantic"),
    )
    assert loaded == "notice_ld.formats,notice_ld.config"


def test_langcodes_is_imported_by_the_first_language_tag() -> None:
    build = (
        "from notice_ld.model import Notice; "
        "Notice.from_dict({'id': '10.1234/x', 'titles': [{'value': 'T'%s}]})"
    )
    assert _loaded_after(build % "", ("langcodes",)) == ""
    assert _loaded_after(build % ", 'lang': 'FR'", ("langcodes",)) == "langcodes"


def test_lazy_exports_are_the_modules_objects() -> None:
    import importlib

    import notice_ld

    for name in notice_ld.__all__:
        module_name, attribute = notice_ld._EXPORTS[name]
        assert getattr(notice_ld, name) is getattr(importlib.import_module(module_name), attribute)
    assert sorted(notice_ld._EXPORTS) == sorted(notice_ld.__all__)
    assert set(notice_ld.__all__) <= set(dir(notice_ld))
    with pytest.raises(AttributeError, match="no attribute 'Nottice'"):
        notice_ld.Nottice  # noqa: B018


def test_public_api_is_small() -> None:
    import notice_ld

    assert 10 <= len(notice_ld.__all__) <= 15  # 15th: Pipeline (one pipeline in the library)
