"""Streaming writers: parts merged in order are byte for byte the one-shot output, every format."""

from __future__ import annotations

import io
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.writers import codec, serialize

from .strategies import notices


def _parts(graphs: list[NoticeGraph], fmt: Format, cuts: list[int]) -> bytes:
    bounds = [0, *sorted(cuts), len(graphs)]
    parts = []
    for start, end in itertools.pairwise(bounds):
        buffer = io.BytesIO()
        with codec(fmt, "fr").open(buffer, part=True) as writer:
            for graph in graphs[start:end]:
                writer.add(graph)
        parts.append(io.BytesIO(buffer.getvalue()))
    merged = io.BytesIO()
    codec(fmt, "fr").merge(parts, merged)
    return merged.getvalue()


@pytest.mark.parametrize("fmt", list(Format), ids=[f.value for f in Format])
def test_examples_cut_anywhere_merge_to_the_one_shot_bytes(
    example_notices: list[Notice], fmt: Format
) -> None:
    graphs = [map_notice(n) for n in example_notices]
    whole = serialize(graphs, fmt, lang="fr")
    for cut in range(len(graphs) + 1):
        assert _parts(graphs, fmt, [cut]) == whole
    assert _parts(graphs, fmt, [0, 0, 1, len(graphs), len(graphs)]) == whole  # empty parts too


@settings(max_examples=40, deadline=None)
@given(
    records=st.lists(notices(), min_size=0, max_size=6, unique_by=lambda r: r["id"]),
    cuts=st.lists(st.integers(0, 6), max_size=4),
    fmt=st.sampled_from(list(Format)),
)
def test_random_notices_random_cuts(records: list[dict[str, object]], cuts: list[int], fmt: Format) -> None:
    graphs = [map_notice(Notice.from_dict(r)) for r in records]
    cuts = [min(c, len(graphs)) for c in cuts]
    assert _parts(graphs, fmt, cuts) == serialize(graphs, fmt, lang="fr")


def test_bibtex_keys_stay_unique_across_parts() -> None:
    same = [
        map_notice(
            Notice.from_dict(
                {
                    "id": f"10670/1.abc00{i}",
                    "titles": [{"value": "Même titre"}],
                    "creators": [{"family": "Jouet"}],
                    "issued": "2019",
                }
            )
        )
        for i in range(3)
    ]
    merged = _parts(same, Format.BIBTEX, [1, 2]).decode()
    assert [line.split("{")[1] for line in merged.splitlines() if line.startswith("@")] == [
        "jouet2019meme,",
        "jouet2019memea,",
        "jouet2019memeb,",
    ]


def test_a_part_of_another_format_is_refused() -> None:
    graph = map_notice(Notice.from_dict({"id": "10670/1.abc001", "titles": [{"value": "T"}]}))
    part = io.BytesIO()
    with codec(Format.N_TRIPLES).open(part, part=True) as writer:
        writer.add(graph)
    with pytest.raises(ValueError, match="not a part"):
        codec(Format.JSON_LD).merge([io.BytesIO(part.getvalue())], io.BytesIO())
