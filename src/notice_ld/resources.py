"""Locate the data files (``vocab/``, ``shapes/``) that ship inside the wheel.

In an installed wheel they live in ``notice_ld/_data/``; in a source checkout they are the
top-level ``vocab/`` and ``shapes/`` folders, which stay the single source of truth.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["data_dir"]


@cache
def data_dir(name: str) -> Path:
    """Return the folder holding the shipped data files called ``name`` (``"vocab"`` or ``"shapes"``).

    >>> (data_dir("vocab") / "crosswalk.csv").is_file()
    True
    """
    packaged = Path(__file__).parent / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"notice_ld data folder {name!r} is missing from this installation")
