"""Every format is the same graph (rdflib, pyoxigraph and pyld agree) and the same bytes every run."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, to_isomorphic

from notice_ld import Format, Notice, serialize
from notice_ld.graph import to_rdflib, to_rdflib_dataset
from notice_ld.mapping import map_notice
from notice_ld.writers import write

from .conftest import EXAMPLES, ROOT

RDFLIB_FORMATS = {
    Format.TURTLE: "turtle",
    Format.N_TRIPLES: "nt",
    Format.RDF_XML: "xml",
    Format.JSON_LD: "json-ld",
}
OX_FORMATS = {
    Format.TURTLE: ox.RdfFormat.TURTLE,
    Format.N_TRIPLES: ox.RdfFormat.N_TRIPLES,
    Format.RDF_XML: ox.RdfFormat.RDF_XML,
    Format.JSON_LD: ox.RdfFormat.JSON_LD,
}


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if to_isomorphic(expected) == to_isomorphic(actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = ["graphs differ", "only in expected:"]
    lines += sorted(f"  {t}" for t in only_expected)[:20]
    lines += ["only in actual:", *sorted(f"  {t}" for t in only_actual)[:20]]
    pytest.fail("\n".join(lines))


def oxigraph_to_rdflib(data: bytes, fmt: ox.RdfFormat) -> Graph:
    """Parse with pyoxigraph, hand the triples to rdflib as N-Triples for comparison."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, fmt)]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")


@pytest.mark.parametrize("fmt", list(RDFLIB_FORMATS), ids=lambda f: f.value)
def test_every_format_is_the_reference_graph(example_notices: list[Notice], fmt: Format) -> None:
    expected = to_rdflib(example_notices)
    data = serialize(example_notices, fmt)
    assert data is not None
    assert_isomorphic(expected, Graph().parse(data=data, format=RDFLIB_FORMATS[fmt]))
    assert_isomorphic(expected, oxigraph_to_rdflib(data, OX_FORMATS[fmt]))


def test_nquads_has_one_named_graph_per_notice(example_notices: list[Notice]) -> None:
    data = serialize(example_notices, Format.N_QUADS)
    assert data is not None
    parsed = Dataset()
    parsed.parse(data=data, format="nquads")
    expected = to_rdflib_dataset(example_notices)
    names = {g.identifier for g in parsed.graphs() if len(g)}
    assert names == {g.identifier for g in expected.graphs() if len(g)}
    assert len(names) == len(example_notices)
    for name in names:
        assert_isomorphic(expected.graph(name), parsed.graph(name))
    quads = list(ox.parse(data, ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {str(n) for n in names}


def test_jsonld_is_the_turtle_graph_for_pyld(
    example_notices: list[Notice], loader: Callable[..., Any]
) -> None:
    from pyld import jsonld

    data = serialize(example_notices, Format.JSON_LD)
    assert data is not None
    nquads = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads", "documentLoader": loader})
    turtle = serialize(example_notices, Format.TURTLE)
    assert turtle is not None
    assert_isomorphic(Graph().parse(data=turtle, format="turtle"), Graph().parse(data=nquads, format="nt"))


def test_jsonld_matches_pyld_compaction(seed: Notice, loader: Callable[..., Any]) -> None:
    """Our streamed JSON-LD nodes are what pyld itself gives when compacting the graph."""
    from pyld import jsonld

    data = serialize([seed], Format.JSON_LD)
    assert data is not None
    ours = json.loads(data)
    nquads = serialize([seed], Format.N_TRIPLES)
    assert nquads is not None
    expanded = jsonld.from_rdf(nquads.decode(), {"format": "application/n-quads"})
    compacted = jsonld.compact(expanded, {"@context": ours["@context"]}, {"documentLoader": loader})

    def by_id(nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        out = {}
        for node in nodes:
            out[node["@id"]] = {
                k: sorted(v, key=json.dumps) if isinstance(v, list) else v for k, v in node.items()
            }
        return out

    assert by_id(ours["@graph"]) == by_id(compacted["@graph"])


def test_schema_jsonld_expands_to_schema_org_terms(
    example_notices: list[Notice], loader: Callable[..., Any]
) -> None:
    from pyld import jsonld

    data = serialize(example_notices, Format.SCHEMA_JSON_LD, lang="fr")
    assert data is not None
    doc = json.loads(data)
    assert doc["@context"] == "https://schema.org"
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    graph = Graph().parse(data=nquads, format="nt")
    full = to_rdflib(example_notices)
    predicates = {str(p) for p in graph.predicates()}
    assert predicates, "schema-jsonld produced no triples"
    assert all(p.startswith("http://schema.org/") or p.endswith("#type") for p in predicates)
    # one @id shared with the full graph: every notice IRI appears as a subject in both views
    for notice in example_notices:
        iri = map_notice(notice).iri
        assert any(str(s) == iri for s in graph.subjects()), iri
        assert any(str(s) == iri for s in full.subjects()), iri


FORMATS = list(Format)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.value)
def test_bytes_identical_across_processes_and_hash_seeds(fmt: Format) -> None:
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "notice_ld",
                "convert",
                str(EXAMPLES),
                "--format",
                fmt.value,
                "--lang",
                "fr",
                "-q",
            ],
            env=env,
            capture_output=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert outputs.pop()


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        (Format.TURTLE, "seed.ttl"),
        (Format.JSON_LD, "seed.jsonld"),
        (Format.N_TRIPLES, "seed.nt"),
        (Format.SCHEMA_JSON_LD, "seed.schema.jsonld"),
    ],
    ids=lambda x: getattr(x, "value", x),
)
def test_seed_golden_bytes(
    seed: Notice, golden: Callable[[str, bytes], None], fmt: Format, name: str
) -> None:
    data = serialize([seed], fmt, lang="fr")
    assert data is not None
    golden(name, data)


def test_golden_turtle_is_the_seed_graph(seed: Notice) -> None:
    path = ROOT / "tests" / "golden" / "seed.ttl"
    assert_isomorphic(to_rdflib([seed]), Graph().parse(path, format="turtle"))


def test_writers_stream_to_a_binary_file(seed: Notice) -> None:
    for fmt in Format:
        buffer = io.BytesIO()
        assert write([seed, seed], fmt, buffer) == 2
        assert buffer.getvalue() == serialize([seed, seed], fmt)


def test_serialize_refuses_what_is_not_notices_with_a_clear_type_error(seed: Notice) -> None:
    import rdflib

    with pytest.raises(TypeError, match="not an rdflib Graph"):
        serialize(rdflib.Graph(), Format.TURTLE)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a notice"):
        serialize([{"id": "10670/1.x"}], Format.TURTLE)  # type: ignore[list-item]


def test_empty_input_is_still_a_valid_document() -> None:
    for fmt, name in RDFLIB_FORMATS.items():
        data = serialize([], fmt)
        assert data is not None
        assert len(Graph().parse(data=data, format=name)) == 0
    assert json.loads(serialize([], Format.SCHEMA_JSON_LD) or b"") == {
        "@context": "https://schema.org",
        "@graph": [],
    }
