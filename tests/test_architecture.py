"""The layout shows the architecture: no package reaches into another's private names or modules."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "notice_ld"

# Cross-package imports of private names still to be replaced by a public API, with the reason.
# The list can only shrink: the test fails when an entry is no longer needed.
PENDING: dict[tuple[str, str], str] = {}


def _package(path: Path, root: Path) -> str:
    """The top-level package (or module) of a source file: ``web``, ``graph``…"""
    return path.relative_to(root).parts[0].removesuffix(".py")


def private_imports(root: Path = SRC) -> set[tuple[str, str]]:
    """``(imported private module or module of a private name, importing file)`` across packages."""
    found: set[tuple[str, str]] = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            parts = node.module.split(".")
            if parts[0] != "notice_ld" or len(parts) < 2 or parts[1] == _package(path, root):
                continue
            private_module = any(p.startswith("_") for p in parts[1:])
            private_name = any(a.name.startswith("_") for a in node.names)
            private_submodule = any(
                a.name.startswith("_") and (root.joinpath(*parts[1:], a.name + ".py")).exists()
                for a in node.names
            )
            if private_module or private_name or private_submodule:
                found.add(("/".join(parts[1:]), path.relative_to(root).as_posix()))
    return found


def test_no_package_imports_another_packages_private_names() -> None:
    unexpected = private_imports() - PENDING.keys()
    assert not unexpected, f"private names imported across packages (add a public API): {sorted(unexpected)}"


def test_the_pending_list_only_shrinks() -> None:
    stale = PENDING.keys() - private_imports()
    assert not stale, f"no longer needed, remove from PENDING: {sorted(stale)}"


def test_the_scan_sees_each_kind_of_private_import(tmp_path: Path) -> None:
    (tmp_path / "writers").mkdir()
    (tmp_path / "writers" / "_text.py").write_text("")
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "a.py").write_text("from notice_ld.writers._text import x\n")
    (tmp_path / "web" / "b.py").write_text("from notice_ld.writers.jsonld import _Curie\n")
    (tmp_path / "web" / "c.py").write_text("from notice_ld.writers import _text\n")
    (tmp_path / "web" / "d.py").write_text(
        "from notice_ld.web._own import _fine\nfrom notice_ld.writers import codec\n"
    )
    assert private_imports(tmp_path) == {
        ("writers/_text", "web/a.py"),
        ("writers/jsonld", "web/b.py"),
        ("writers", "web/c.py"),
    }
