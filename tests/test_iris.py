"""The IRI rules (notice_ld.iris): round trips, agreement with the mapping, one place that mints."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld import identifiers as ids
from notice_ld.config import Config
from notice_ld.errors import RecordError
from notice_ld.iris import (
    IriRules,
    document_iri,
    document_of_graph,
    graph_iri,
    identifier_of_document,
    identifier_of_graph,
    iri_rules,
)
from notice_ld.mapping import map_notice
from notice_ld.model import Notice

from .strategies import dois, handles, notices

SRC = Path(__file__).resolve().parents[1] / "src" / "notice_ld"
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CONFIGS = (
    Config(),
    Config(base_iri="https://data.example.org/id#"),
    Config(document_iri_template="https://isidore.science/document/{id}"),
    Config(document_iri_template="https://example.org/doc/{id}/about"),
)
configs = st.sampled_from(CONFIGS)
identifiers = st.one_of(handles, dois).map(ids.parse)


@SETTINGS
@given(identifiers, configs)
def test_identifier_to_document_iri_and_back(identifier: ids.Identifier, config: Config) -> None:
    iri = document_iri(identifier, config)
    assert identifier_of_document(iri, config) == identifier
    assert document_iri(identifier.value, config) == iri  # text is parsed to the same identifier
    if config.document_iri_template is None:  # a resolver IRI is itself a form of the identifier
        assert document_iri(iri, config) == iri


@SETTINGS
@given(identifiers, identifiers, configs)
def test_graph_iri_and_document_iri_round_trip(a: ids.Identifier, b: ids.Identifier, config: Config) -> None:
    doc_a, doc_b = document_iri(a, config), document_iri(b, config)
    graph = graph_iri(a, config)
    assert graph == IriRules(config).graph(doc_a)
    assert document_of_graph(graph, [doc_b, doc_a, doc_b], config) == doc_a
    assert identifier_of_graph(graph, [doc_b, doc_a], config) == a
    if doc_a != doc_b:
        assert graph != graph_iri(b, config)
        assert document_of_graph(graph, [doc_b], config) is None
        assert identifier_of_graph(graph, iter([doc_b]), config) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices(), configs)
def test_the_rules_name_the_nodes_of_the_mapping(data: dict[str, Any], config: Config) -> None:
    notice = Notice.from_dict(data)
    graph = map_notice(notice, config)
    rules = iri_rules(config)
    assert graph.iri == document_iri(notice.id, config)
    assert graph.graph == graph_iri(notice.id, config) == rules.graph(graph.iri)
    subjects = {s for s, _, _ in graph.triples}
    named = [rules.agent(a) for a in notice.creators]
    named += [rules.concept(c) for c in (*notice.subjects, *notice.disciplines)]
    named += [rules.identifier_node(i) for i in (notice.id, *notice.identifiers)]
    if notice.container is not None:
        named.append(rules.container(notice.container))
    if notice.creators:
        named.append(rules.author_list(graph.iri))
    assert set(named) <= subjects
    uncached = IriRules(config, cached=False)
    assert [uncached.agent(a) for a in notice.creators] == [rules.agent(a) for a in notice.creators]
    assert document_of_graph(graph.graph, subjects, config) == graph.iri


def test_iri_rules_are_kept_per_configuration() -> None:
    assert iri_rules(Config()) is iri_rules(Config())
    assert iri_rules(Config(), cached=False) is not iri_rules(Config())
    assert iri_rules(Config()) == IriRules()


def test_a_text_identifier_is_checked_like_a_record_id() -> None:
    with pytest.raises(RecordError) as caught:
        document_iri("0000-0002-1825-0098")
    assert (caught.value.record, caught.value.field) == ("0000-0002-1825-0098", "id")
    assert "check digit" in caught.value.problem


def test_an_iri_outside_the_template_has_no_identifier() -> None:
    config = Config(document_iri_template="https://isidore.science/document/{id}")
    assert identifier_of_document("https://hdl.handle.net/10670/1.jt89mr", config) is None
    assert identifier_of_document("https://isidore.science/document/", config) is None
    assert identifier_of_document("https://isidore.science/document/no identifier", config) is None


@pytest.mark.parametrize(
    ("text", "templated"),
    [
        ("ark:/12148/bpt6k5619759j", "ark:/12148/bpt6k5619759j"),
        ("https://gallica.bnf.fr/ark:/12148/bpt6k5619759j", "ark:/12148/bpt6k5619759j"),
        ("10.1000/x%y#z", "10.1000/x%25y%23z"),
        (
            "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI3>3.0.CO;2-0",
            "10.1002/%28sici%291097-4571%28199806%2949:8%3C693::aid-asi3%3E3.0.co%3B2-0",
        ),
        ("urn:nbn:de:1234-5678", "urn:nbn:de:1234-5678"),
        ("https://example.org/a?b=c#d", "https://example.org/a%3Fb%3Dc%23d"),
    ],
)
def test_other_schemes_round_trip_and_template_values_are_percent_encoded(text: str, templated: str) -> None:
    identifier = ids.parse(text)
    config = Config(document_iri_template="https://example.org/doc/{id}")
    iri = document_iri(identifier, config)
    assert iri == f"https://example.org/doc/{templated}"
    assert identifier_of_document(iri, config) == identifier
    assert identifier_of_document(document_iri(identifier)) == identifier


# -- one place mints IRIs ---------------------------------------------------------------------------

_MINTING = "mint_iri"


def _allowed(relative: str) -> bool:
    """Where ``mint_iri`` is defined (and re-exported), and the one module that calls it."""
    return relative == "iris.py" or relative.split("/", 1)[0] in ("identifiers", "identifiers.py")


def _uses_of(name: str, tree: ast.AST) -> list[int]:
    """Lines that call, reference or import ``name`` (``mint_iri(…)``, ``ids.mint_iri``, imports)."""
    lines = []
    for node in ast.walk(tree):
        if (
            (isinstance(node, ast.Name) and node.id == name)
            or (isinstance(node, ast.Attribute) and node.attr == name)
            or (isinstance(node, ast.ImportFrom) and any(a.name == name for a in node.names))
        ):
            lines.append(node.lineno)
    return lines


def test_the_iri_module_is_the_only_place_that_mints_iris() -> None:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        lines = _uses_of(_MINTING, ast.parse(path.read_text(encoding="utf-8")))
        if lines and not _allowed(relative):
            found[relative] = lines
    assert not found, f"mint IRIs through notice_ld.iris, not {_MINTING}: {found}"
    assert _uses_of(_MINTING, ast.parse((SRC / "iris.py").read_text(encoding="utf-8")))


def test_the_scan_sees_calls_references_and_imports() -> None:
    code = (
        "from notice_ld.identifiers import mint_iri\n"
        "ids.mint_iri(a, b, c)\n"
        "f = lru_cache()(ids.mint_iri)\n"
        "mint_iri(a, b, c)\n"
        "mint(a, b)\n"
    )
    assert sorted(set(_uses_of(_MINTING, ast.parse(code)))) == [1, 2, 3, 4]
