"""notice_ld's own RDF read back by the RDF reader gives back the notices it was written from.

Every syntax ``convert`` writes (Turtle, N-Triples, N-Quads, JSON-LD, RDF/XML), every profile
set: the notice read is the reverse mapping's (:func:`notice_from_graph`), which equals the
original up to the order of the fields RDF does not order (``canonical``) and the data the
reverse mapping documents as redundant (a citation equal to the generated one…). Files holding
several notices read them all, in order, N-Triples and N-Quads as a stream. An N-Triples or
Turtle file of several notices is a set (each shared node described once): its notices are
those of the union of their graphs (N-Quads keeps one graph per notice).
"""

from __future__ import annotations

import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld.config import Config, Profile
from notice_ld.formats import Format
from notice_ld.mapping import map_notice
from notice_ld.mapping.reverse import notice_from_graph
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, ReaderOptions, read
from notice_ld.writers import serialize

from .test_reverse import canonical, notices

SYNTAXES = [Format.TURTLE, Format.N_TRIPLES, Format.N_QUADS, Format.JSON_LD, Format.RDF_XML]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_back(data: bytes, name: str) -> list[Any]:
    return list(read(io.BytesIO(data), InputFormat.RDF, name=name, options=ReaderOptions()))


@SETTINGS
@given(data=notices(), fmt=st.sampled_from(SYNTAXES))
def test_one_notice_comes_back_exactly(data: dict[str, Any], fmt: Format) -> None:
    notice = Notice.from_dict(data)
    graph = map_notice(notice)
    expected = notice_from_graph(graph.triples, graph.iri)
    out = read_back(serialize([notice], fmt), f"n.{fmt.extension}")
    assert out == [expected], [str(o) for o in out if not isinstance(o, Notice)]
    assert canonical(out[0].to_dict()) == canonical(expected.to_dict())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=notices(),
    profiles=st.sets(st.sampled_from(list(Profile)), min_size=1),
    fmt=st.sampled_from([Format.TURTLE, Format.N_TRIPLES]),
)
def test_any_profile_set_comes_back(data: dict[str, Any], profiles: set[Profile], fmt: Format) -> None:
    config = Config(profiles=frozenset(profiles))
    notice = Notice.from_dict(data)
    graph = map_notice(notice, config)
    try:
        expected = notice_from_graph(graph.triples, graph.iri, config)
    except Exception:  # a profile set the reverse mapping cannot rebuild from: nothing to compare
        return
    out = read_back(serialize([notice], fmt, config=config), "n")
    if out and isinstance(out[0], Notice) and out[0] == expected:
        return
    # without the reverse mapping's exact match the tolerant mapping still reads the notice
    assert out and isinstance(out[0], Notice) and out[0].id == notice.id


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(notices(), min_size=2, max_size=5), st.sampled_from([Format.N_TRIPLES, Format.N_QUADS]))
def test_a_stream_of_notices_comes_back_in_order(items: list[dict[str, Any]], fmt: Format) -> None:
    written = {}
    for item in items:
        notice = Notice.from_dict(item)
        written.setdefault(str(notice.id), notice)  # the strategy may draw one id twice
    originals = list(written.values())
    graphs = [map_notice(n) for n in originals]
    union = {t for g in graphs for t in g.triples}
    expected = [notice_from_graph(g.triples if fmt is Format.N_QUADS else union, g.iri) for g in graphs]
    out = read_back(serialize(originals, fmt), "dump")
    got = [o for o in out if isinstance(o, Notice)]
    assert [str(n.id) for n in got] == [str(n.id) for n in expected]
    for mine, theirs in zip(got, expected, strict=True):
        assert canonical(mine.to_dict()) == canonical(theirs.to_dict())


def test_every_example_comes_back_from_every_syntax(example_notices: list[Notice]) -> None:
    expected = [notice_from_graph(map_notice(n).triples, map_notice(n).iri) for n in example_notices]
    for fmt in SYNTAXES:
        for notice, wanted in zip(example_notices, expected, strict=True):
            assert read_back(serialize([notice], fmt), "x") == [wanted], (fmt, notice.id)
        # a whole file of them: N-Quads gives every notice exactly; the others are one graph, a
        # set, and merge the nodes the notices share (a licence IRI labelled by one notice is
        # labelled in all) — N-Triples, streamed, gives what the union of the graphs gives
        together = [o for o in read_back(serialize(example_notices, fmt), "all") if isinstance(o, Notice)]
        assert [n.id for n in together] == [n.id for n in expected]
        if fmt is Format.N_QUADS:
            assert together == expected
        if fmt is Format.N_TRIPLES:
            graphs = [map_notice(n) for n in example_notices]
            union = {t for g in graphs for t in g.triples}
            assert together == [notice_from_graph(union, g.iri) for g in graphs]
