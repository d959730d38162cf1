"""Third-party schema.org JSON-LD against the ``schema`` profile (robustness item 8).

Valid schema.org is no violation: schema.org requires no property, so what a page leaves out is a
warning or an info; a value outside its property's schema.org range, or malformed for it, stays a
violation. The fixtures under ``tests/data/schema_pages/`` are our own, modelled on real pages
(a Ghost blog, a WordPress/Yoast ``@graph``, a Zenodo-like and a DataCite-like dataset); the
publishers' own JSON-LD is read from ``../shared/realdata/schema_org/`` when it is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_ld.formats import RdfFormat
from notice_ld.validation import Engine, ValidationReport, validate

from .conftest import ROOT

PAGES = ROOT / "tests" / "data" / "schema_pages"
REALDATA = ROOT.parent / "shared" / "realdata" / "schema_org"

# publishers' files that are not valid schema.org, with the reason (none so far)
NOT_VALID_SCHEMA_ORG: dict[str, str] = {}


def _check(path: Path, engine: Engine = Engine.FAST) -> ValidationReport:
    return validate(path, profiles=["schema"], engine=engine, rdf_format=RdfFormat.JSON_LD, lang="en")


def _shapes(report: ValidationReport) -> set[tuple[str, str]]:
    return {(r.severity.value, r.shape.rsplit("#", 1)[1]) for r in report.results}


EXPECTED: dict[str, set[tuple[str, str]]] = {
    # an Article without @id, a headline and no name, a date-time with milliseconds
    "blog_article.jsonld": {
        ("Warning", "DocumentBlank"),
        ("Warning", "Document-identifier-present"),
        ("Info", "Document-name"),
    },
    # an @graph: the Article (headline) and its WebPage (name), author by @id reference, en-US
    "wordpress_graph.jsonld": {
        ("Warning", "Document-identifier-present"),
        ("Info", "Document-name"),
        ("Info", "Document-headline"),
    },
    # inLanguage as a schema:Language, identifier as a URL, no headline
    "repository_dataset.jsonld": {("Info", "Document-headline")},
    # PropertyValue identifiers, datePublished "2017", a cited dataset given by @id and type only
    "datacite_dataset.json": {
        ("Info", "Document-headline"),
        ("Info", "Document-name"),
        ("Warning", "Document-title"),
        ("Warning", "Document-identifier-present"),
        ("Warning", "Document-datePublished-present"),
    },
    # author as a text and as an untyped @id, publisher as a text, an xsd:dateTime, pages as text,
    # a licence as a CreativeWork without IRI (which, being a CreativeWork, is checked as a document)
    "loose_values.jsonld": {
        ("Warning", "Document-author-entity"),
        ("Warning", "Document-license-iri"),
        ("Warning", "DocumentBlank"),
        ("Warning", "Document-identifier-present"),
        ("Warning", "Document-datePublished-present"),
        ("Info", "Document-headline"),
    },
}


@pytest.mark.parametrize("engine", [Engine.FAST, Engine.PYSHACL])
@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_valid_schema_org_pages_conform_with_warnings_at_most(page: str, engine: Engine) -> None:
    report = _check(PAGES / page, engine)
    assert report.conforms, report.to_text()
    assert _shapes(report) == EXPECTED[page]


def test_what_a_page_leaves_out_is_said_as_valid_schema_org() -> None:
    report = _check(PAGES / "blog_article.jsonld")
    messages = {r.shape.rsplit("#", 1)[1]: r.message for r in report.results}
    assert messages["DocumentBlank"] == (
        "The document is a blank node (no @id): valid schema.org, but it needs an IRI to be "
        "published or linked, given by its identifier (field id)."
    )
    assert "valid schema.org" in messages["Document-identifier-present"]
    loose = _check(PAGES / "loose_values.jsonld")
    authors = [r for r in loose.results if r.shape.endswith("#Document-author-entity")]
    assert sorted(str(getattr(r.value, "value", r.value)) for r in authors) == [
        "Jane Doe",
        "https://orcid.org/0000-0001-5109-3700",
    ]
    assert all(r.field == "creators" for r in authors)


def test_values_outside_the_schema_org_range_stay_violations() -> None:
    report = _check(PAGES / "wrong_values.jsonld")
    assert not report.conforms
    violations = {(r.shape.rsplit("#", 1)[1], r.field, r.message) for r in report.violations}
    assert violations == {
        (
            "Document-author",
            "creators",
            "An author must be a schema:Person or a schema:Organization, not a thing of another type "
            "(field creators).",
        ),
        (
            "Document-datePublished",
            "issued",
            "The date of publication must be one ISO 8601 date: YYYY (xsd:gYear), YYYY-MM (xsd:gYearMonth) "
            "or YYYY-MM-DD (xsd:date), its datatype matching its precision, or a schema:Date / "
            "schema:DateTime / xsd:dateTime / text written YYYY[-MM[-DD[Thh:mm[:ss]]]] (field issued).",
        ),
        (
            "Document-inLanguage",
            "languages",
            "A language must be a BCP 47 tag such as fr, en or de-CH, or a schema:Language "
            "(field languages).",
        ),
    }


def test_the_same_page_reports_in_french() -> None:
    report = validate(
        PAGES / "wrong_values.jsonld", profiles=["schema"], rdf_format=RdfFormat.JSON_LD, lang="fr"
    )
    assert any(r.message.startswith("Une langue doit être une étiquette BCP 47") for r in report.violations)


def _realdata() -> list[Path]:
    if not REALDATA.is_dir():
        return []
    return sorted(p for p in REALDATA.iterdir() if p.suffix in {".json", ".jsonld"})


@pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is absent")
@pytest.mark.parametrize("path", _realdata(), ids=lambda p: p.name)
def test_publishers_schema_org_has_no_violation(path: Path) -> None:
    report = _check(path)
    if path.name in NOT_VALID_SCHEMA_ORG:
        assert not report.conforms, NOT_VALID_SCHEMA_ORG[path.name]
    else:
        assert report.violations == (), report.to_text()
