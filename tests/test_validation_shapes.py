"""The shipped shapes and the shape linter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notice_ld.config import Config, Profile
from notice_ld.errors import ShapesError
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.validation import Validator, validate
from notice_ld.validation.fast import DataGraph, FastEngine
from notice_ld.validation.shapes import SH, ShapeProfile, lint, lint_text, load_shapes

from .conftest import EXAMPLES, ROOT

SHAPES_DIR = ROOT / "shapes"
HEAD = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://example.org/> .\n"


def test_shipped_shapes_pass_the_linter_with_messages_in_french_and_english() -> None:
    shapes = load_shapes(["all"], check=False)
    assert lint(shapes, strict_sources=[p.file for p in ShapeProfile]) == []
    for shape in shapes.shape_nodes():
        if shape.startswith("_:"):
            continue  # anonymous members of sh:or lists: never the source of a result
        langs = {m.lang for m in shapes.objects(shape, SH + "message")}
        assert {"fr", "en"} <= langs, shape


def test_every_shipped_shape_file_is_one_profile_and_the_readme_documents_it() -> None:
    assert sorted(p.name for p in SHAPES_DIR.glob("*.ttl")) == sorted(p.file for p in ShapeProfile)
    readme = (SHAPES_DIR / "README.md").read_text(encoding="utf-8")
    for profile in ShapeProfile:
        assert profile.file in readme


def test_severities_are_all_used() -> None:
    shapes = load_shapes(["all"])
    used = {o for s, p, o in shapes.triples if p == SH + "severity"}
    assert {SH + "Warning", SH + "Info"} <= used
    google = load_shapes(["google-article"])
    article = "https://w3id.org/notice-ld/shapes/google-article#Article"
    for shape in google.objects(article, SH + "property"):
        assert google.objects(shape, SH + "severity") == (SH + "Warning",), shape


@pytest.fixture(scope="module")
def example_dicts() -> list[dict[str, object]]:
    with EXAMPLES.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_all_examples_have_no_violation(example_dicts: list[dict[str, object]], engine: str) -> None:
    report = validate(example_dicts, engine=engine)
    assert report.checked == 26
    assert report.violations == ()
    assert report.conforms
    # what is left is known and intended: label-only licences, URN document IRIs, a notice without a date
    assert {(r.severity.value, r.shape.rsplit("#", 1)[1]) for r in report.results} == {
        ("Info", "Document-license-known"),
        ("Info", "Document-creator-present"),
        ("Warning", "DocumentIRI"),
        ("Warning", "Document-issued-present"),
        ("Warning", "Document-datePublished-present"),
    }
    urns = {r.record for r in report.results if r.shape.endswith("#DocumentIRI")}
    assert urns == {"urn:nbn:se:su:diva-134521", "978-2-87678-412-3"}


def test_shapes_target_what_the_mapping_emits(example_notices: list[Notice]) -> None:
    """Every targeted shape of the three mapping profiles finds focus nodes in the examples' graphs."""
    shapes = load_shapes()
    engine = FastEngine(shapes)
    focused: set[str] = set()
    for notice in example_notices:
        graph = DataGraph(map_notice(notice).triples, indexed=True)
        for shape in engine._top:
            assert shape.targets is not None
            if shape.targets(graph):
                focused.add(shape.node)
    targeted = {shape.node for shape in engine._top}
    assert targeted - focused == set()


@pytest.mark.parametrize("profile", ["dcterms", "bibo", "schema"])
def test_one_profile_output_has_no_violation_against_its_shapes(
    example_notices: list[Notice], profile: str
) -> None:
    config = Config(profiles=frozenset({Profile(profile)}))
    validator = Validator([profile])
    for notice in example_notices:
        assert validator.validate_graph(map_notice(notice, config)).violations == (), notice.id


def test_parse_profiles_aliases_and_errors() -> None:
    assert ShapeProfile.parse_many(["core", "google"]) == ("dcterms", "google-article")
    with pytest.raises(
        ValueError,
        match="unknown validation profile 'dublin'; use dcterms, bibo, schema, google-article, core or all",
    ):
        ShapeProfile.parse_many(["dublin"])


# -- the linter -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("snippet", "expected", "spec"),
    [
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minValue 1 ] .",
            "sh:minValue is not a SHACL term (did you mean sh:minInclusive?)",
            "#MinInclusiveConstraintComponent",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ;"
            " sh:classIn ( ex:A ex:B ) ] .",
            "sh:classIn is not a SHACL term (did you mean sh:or?)",
            "#OrConstraintComponent",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:shape ex:T ] .",
            "sh:shape is not a SHACL term (did you mean sh:node?)",
            "#NodeConstraintComponent",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:maxcount 1 ] .",
            "sh:maxcount is not a SHACL term (did you mean sh:maxCount?)",
            "#MaxCountConstraintComponent",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p, ex:q ] .",
            "has 2 values of sh:path",
            "#property-paths",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:P .\n"
            "ex:P sh:path ex:p ; sh:minCount 1 .\nex:P sh:path ex:q ; sh:minCount 2 .",
            "ex:P: has 2 values of sh:path, SHACL allows one (is the shape IRI used for two shapes?)",
            "#property-paths",
        ),
        (
            'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount "one" ] .',
            "sh:minCount must be a non-negative xsd:integer",
            "#MinCountConstraintComponent",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:nodeKind sh:URI .",
            "sh:URI is not a SHACL term",
            "#core-components",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:Missing .",
            "sh:node refers to ex:Missing, which is not defined in the shapes",
            "#NodeConstraintComponent",
        ),
        (
            'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:pattern "[a-" ] .',
            "is not a regular expression",
            "#PatternConstraintComponent",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:p ; "
            "sh:zeroOrMorePath ex:q ] ] .",
            "its sh:path is malformed",
            "#property-paths",
        ),
        ('ex:S a sh:NodeShape ; sh:targetClass "ex:C" .', "sh:targetClass must be an IRI", "#targetClass"),
    ],
)
def test_linter_rejects_with_the_spec_section(snippet: str, expected: str, spec: str) -> None:
    with pytest.raises(ShapesError) as caught:
        lint_text(HEAD + snippet)
    message = str(caught.value)
    assert expected in message
    assert f"See https://www.w3.org/TR/shacl/{spec}" in message


def test_linter_rejects_a_shape_defined_in_two_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one.ttl", tmp_path / "two.ttl"
    one.write_text(HEAD + "ex:S a sh:NodeShape ; sh:targetClass ex:C .\n", encoding="utf-8")
    two.write_text(HEAD + "ex:S sh:property [ sh:path ex:p ; sh:minCount 1 ] .\n", encoding="utf-8")
    with pytest.raises(ShapesError, match=r"ex:S is defined in .*one\.ttl and .*two\.ttl"):
        load_shapes((), [one, two])
    # a user file may not redefine a shipped shape either
    clash = tmp_path / "clash.ttl"
    clash.write_text(
        "@prefix core: <https://w3id.org/notice-ld/shapes/core#> .\n"
        + HEAD
        + "core:Document sh:closed true .\n",
        encoding="utf-8",
    )
    with pytest.raises(ShapesError, match=r"core:Document is defined in core\.ttl and"):
        load_shapes(["dcterms"], [clash])


def test_linter_reports_every_problem_and_unparsable_files(tmp_path: Path) -> None:
    with pytest.raises(ShapesError) as caught:
        lint_text(HEAD + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:minValue 1 ; sh:maxValue 2 .")
    assert len(caught.value.problems) == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text(HEAD + "ex:S a sh:NodeShape sh:targetClass ex:C .", encoding="utf-8")
    with pytest.raises(ShapesError, match=r"broken\.ttl.*cannot be parsed \(line 3\)"):
        load_shapes((), [broken])


def test_user_shapes_without_messages_are_accepted_and_get_generic_messages(tmp_path: Path) -> None:
    mine = tmp_path / "mine.ttl"
    mine.write_text(
        HEAD + "@prefix schema: <http://schema.org/> .\n"
        "ex:NeedsAbstract a sh:NodeShape ; sh:targetClass schema:ScholarlyArticle ;\n"
        "  sh:property [ sh:path schema:abstract ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    report = validate(
        [{"id": "10670/1.jt89mr", "type": "article", "titles": [{"value": "T", "lang": "fr"}]}],
        profiles=[],
        shapes=[mine],
        lang="fr",
    )
    assert [(r.field, r.message) for r in report.results] == [("abstracts", "Trop peu de valeurs.")]
