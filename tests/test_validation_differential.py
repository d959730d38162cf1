"""The differential proof: the fast engine gives the same results as pySHACL.

Same focus nodes, paths, values, constraint components, severities and source shapes, over every
example notice, every broken-record fixture in ``tests/data/shacl/`` (RDF that notice_ld did not
write), and 1,000 hypothesis-generated broken notices: valid notice graphs whose triples are
dropped, duplicated, retyped, relanguaged, retargeted or turned into blank nodes.
Values are compared as rdflib reads them (rdflib rewrites some lexical forms when it loads data).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.terms import IRI, RDF_LANGSTRING, RDF_TYPE, XSD, XSD_STRING, Literal
from notice_ld.validation import Validator
from notice_ld.validation.fast import FastEngine, RawResult
from notice_ld.validation.rdf import BNode, Node, RDFTriple, parse_rdf_path, to_rdflib_node
from notice_ld.validation.reference import ReferenceEngine
from notice_ld.validation.shapes import load_shapes

from .conftest import ROOT

FIXTURES = sorted((ROOT / "tests" / "data" / "shacl").iterdir())
SHAPES = load_shapes(["all"])
FAST = FastEngine(SHAPES)
REFERENCE = ReferenceEngine(SHAPES)


def _norm(results: list[RawResult]) -> set[tuple[object, ...]]:
    return {tuple(to_rdflib_node(x) if isinstance(x, Literal) else x for x in r) for r in results}


def _assert_same(triples: list[RDFTriple], *, indexed: bool = False) -> set[tuple[object, ...]]:
    fast = _norm(FAST.validate(triples, indexed=indexed))
    reference = _norm(REFERENCE.validate(triples))
    assert fast == reference, {"fast only": fast - reference, "pySHACL only": reference - fast}
    return fast


def test_every_example_notice(example_notices: list[Notice]) -> None:
    components = set()
    for notice in example_notices:
        found = _assert_same(list(map_notice(notice).triples), indexed=True)
        components.update(str(r[3]) for r in found)
    assert components  # the examples do produce warnings and infos, so the comparison is not empty


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_every_broken_fixture(path: Path) -> None:
    found = _assert_same(parse_rdf_path(path))
    assert any(str(r[4]).endswith("#Violation") for r in found), "a broken fixture must break something"


# -- hypothesis: broken notices -------------------------------------------------------------------

_DATATYPES = (
    XSD_STRING,
    XSD + "gYear",
    XSD + "gYearMonth",
    XSD + "date",
    XSD + "integer",
    XSD + "anyURI",
    RDF_LANGSTRING,
)
_LANGS = ("", "fr", "en", "de", "zh-hant", "fr-ca")


@pytest.fixture(scope="module")
def pool(example_notices: list[Notice]) -> list[tuple[RDFTriple, ...]]:
    return [map_notice(n).triples for n in example_notices]


def _mutate(triples: list[RDFTriple], kind: str, i: int, j: int) -> list[RDFTriple]:
    if not triples:
        return triples
    s, p, o = triples[i % len(triples)]
    nodes = sorted({t[0] for t in triples})
    out = list(triples)
    if kind == "drop":
        del out[i % len(out)]
    elif kind == "duplicate":
        if isinstance(o, Literal):
            out.append((s, p, Literal(o.value + " (bis)", o.datatype, o.lang)))
        else:
            # keep a blank node a blank node: an IRI spelled "_:m0" is not an IRI at all
            target = nodes[j % len(nodes)]
            out.append((s, p, target if isinstance(target, BNode) else IRI(target)))
    elif kind == "retype":
        if isinstance(o, Literal):
            datatype = _DATATYPES[j % len(_DATATYPES)]
            replacement: Node = Literal(o.value, datatype, "fr" if datatype == RDF_LANGSTRING else "")
        elif j % 2:
            replacement = Literal(str(o))
        else:
            replacement = Literal(str(o), XSD + "anyURI")
        out[i % len(out)] = (s, p, replacement)
    elif kind == "relanguage" and isinstance(o, Literal):
        lang = _LANGS[j % len(_LANGS)]
        out[i % len(out)] = (s, p, Literal(o.value, RDF_LANGSTRING, lang) if lang else Literal(o.value))
    elif kind == "to-iri" and isinstance(o, Literal):
        out[i % len(out)] = (s, p, IRI("https://example.org/v/" + quote(o.value[:30], safe="")))
    elif kind == "retarget":
        target = nodes[j % len(nodes)] if j % 3 else "https://example.org/nowhere"
        out[i % len(out)] = (s, p, target if isinstance(target, BNode) else IRI(target))
    elif kind == "blank":
        blank = BNode(f"_:m{j % 5}")
        out = [(blank if t[0] == s else t[0], t[1], blank if t[2] == s else t[2]) for t in out]
    elif kind == "untype":
        out = [t for t in out if not (t[0] == s and t[1] == RDF_TYPE)]
    return out


_MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            ["drop", "duplicate", "retype", "relanguage", "to-iri", "retarget", "blank", "untype"]
        ),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, 25), mutations=_MUTATIONS)
def test_broken_notices(
    pool: list[tuple[RDFTriple, ...]], index: int, mutations: list[tuple[str, int, int]]
) -> None:
    triples = list(pool[index % len(pool)])
    for kind, i, j in mutations:
        triples = _mutate(triples, kind, i, j)
    _assert_same(triples)


def test_validators_agree_on_reports(example_notices: list[Notice]) -> None:
    """The user-facing reports of both engines hold the same results (engine name aside)."""
    fast, reference = Validator(["all"], engine="fast"), Validator(["all"], engine="pyshacl")
    for notice in example_notices[:6]:
        graph = map_notice(notice)
        a, b = fast.validate_graph(graph), reference.validate_graph(graph)
        assert [(r.key, r.record, r.field, r.message, r.shape) for r in a.results] == [
            (r.key, r.record, r.field, r.message, r.shape) for r in b.results
        ]
        assert (a.engine, b.engine) == ("fast", "pyshacl")
