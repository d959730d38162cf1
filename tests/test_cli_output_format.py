"""``convert -o FILE`` writes the format the file's extension names, unless ``-f`` says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_ld import cli

from .conftest import EXAMPLES


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("out.nt", b"<https://"),
        ("out.ttl", b"@prefix"),
        ("out.jsonld", b"{"),
        ("out.rdf", b"<?xml"),
        ("refs.bib", b"@"),
        ("out.txt", b"@prefix"),  # an extension no format uses: Turtle
    ],
)
def test_the_output_extension_names_the_format(tmp_path: Path, name: str, starts: bytes) -> None:
    out = tmp_path / name
    assert cli.main(["convert", str(EXAMPLES), "-o", str(out), "-q"]) == 0
    assert out.read_bytes().lstrip().startswith(starts)


def test_format_option_wins_over_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "out.nt"
    assert cli.main(["convert", str(EXAMPLES), "-o", str(out), "-f", "turtle", "-q"]) == 0
    assert out.read_bytes().startswith(b"@prefix")
