"""The wheel ships vocab/ and shapes/ and works without the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("notice_ld-*.whl")
    return path


def test_wheel_contains_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for source in sorted((ROOT / "vocab").rglob("*")) + sorted((ROOT / "shapes").rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            top = source.relative_to(ROOT)
            assert f"notice_ld/_data/{top.as_posix()}" in names, top
    assert "notice_ld/py.typed" in names


def test_installed_wheel_converts_without_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import notice_ld, notice_ld.resources as r, sys;"
        "assert str(r.data_dir('vocab')).startswith(sys.argv[1]), r.data_dir('vocab');"
        "from notice_ld.cli import main; sys.exit(main(['convert', sys.argv[2], '-f', 'jsonld', '-q']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(site), str(EXAMPLES)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": ""},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert '"@context"' in result.stdout
