"""Property tests over generated notices: every serialization is the reference graph."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from rdflib import Graph
from rdflib.compare import isomorphic

from notice_ld import Format, Notice, map_notice, serialize
from notice_ld.graph import to_rdflib

from .conftest import offline_loader
from .strategies import notices

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(notices())
def test_generated_notices_load_and_round_trip_as_json(data: dict[str, Any]) -> None:
    notice = Notice.from_dict(data)
    assert Notice.from_dict(notice.to_dict()) == notice
    assert Notice.from_dict(json.loads(json.dumps(notice.to_dict(), ensure_ascii=False))) == notice


@SETTINGS
@given(notices())
def test_turtle_ntriples_jsonld_are_one_graph(data: dict[str, Any]) -> None:
    notice = Notice.from_dict(data)
    reference = to_rdflib([notice])
    turtle = serialize([notice], Format.TURTLE)
    ntriples = serialize([notice], Format.N_TRIPLES)
    jsonld_bytes = serialize([notice], Format.JSON_LD)
    assert turtle and ntriples and jsonld_bytes
    assert isomorphic(reference, Graph().parse(data=turtle, format="turtle"))
    from_ox = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(turtle, ox.RdfFormat.TURTLE)]
    assert isomorphic(
        reference, Graph().parse(data=ox.serialize(from_ox, format=ox.RdfFormat.N_TRIPLES), format="nt")
    )
    assert isomorphic(reference, Graph().parse(data=ntriples, format="nt"))
    from pyld import jsonld

    loader: Callable[..., Any] = offline_loader
    nquads = jsonld.to_rdf(
        json.loads(jsonld_bytes), {"format": "application/n-quads", "documentLoader": loader}
    )
    assert isomorphic(reference, Graph().parse(data=nquads, format="nt"))


@SETTINGS
@given(notices())
def test_mapping_is_a_pure_function(data: dict[str, Any]) -> None:
    a = map_notice(Notice.from_dict(data))
    b = map_notice(Notice.from_dict(json.loads(json.dumps(data))))
    assert a.triples == b.triples and a.iri == b.iri and a.graph == b.graph
