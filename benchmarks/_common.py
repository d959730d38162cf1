"""Helpers shared by the benchmark scripts: the environment line and a fingerprint of the sources."""

from __future__ import annotations

import hashlib
import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def source_fingerprint() -> str:
    """First 12 hex digits of SHA-256 over ``src/notice_ld/**/*.py`` and ``vocab/`` (path + bytes).

    Figures are only comparable between runs with the same fingerprint; no git command is run.
    """
    digest = hashlib.sha256()
    files = sorted((ROOT / "src" / "notice_ld").rglob("*.py")) + sorted(
        p for p in (ROOT / "vocab").rglob("*") if p.is_file()
    )
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def environment() -> str:
    """Python, library versions, machine and CPUs, and the source fingerprint."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 0
    return (
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"rdflib {_version('rdflib')}, pyld {_version('PyLD')}, pyoxigraph {_version('pyoxigraph')}, "
        f"pydantic {_version('pydantic')}; {platform.machine()} {platform.system()}, "
        f"os.cpu_count()={os.cpu_count()}, usable CPUs={usable}; sources {source_fingerprint()}"
    )
