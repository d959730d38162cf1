"""Tests of the example records in examples/: notices.jsonl (good) and bad_notices.jsonl (error demo).

notices.jsonl is the project's showcase: line 1 is the ISIDORE seed notice with only what the seed
says, the other lines cover every document type, identifier scheme, contributor role, date
precision and several languages and scripts. bad_notices.jsonl holds one problem per broken line.
The expected seed values are written out here so that the tests do not need shared/.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from notice_ld import identifiers as ids
from notice_ld.errors import RecordError
from notice_ld.model import (
    Container,
    ContainerType,
    DocumentType,
    Notice,
    Organization,
    Person,
    Role,
    Text,
)
from notice_ld.readers import read_path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTICES = EXAMPLES / "notices.jsonl"
BAD = EXAMPLES / "bad_notices.jsonl"

NNBSP = "\u202f"  # NARROW NO-BREAK SPACE, the French space before ":" in the seed

SEED_ID = "10670/1.jt89mr"
SEED_TITLE = (
    "Produire des savoirs, construire de nouvelles identités et… partager le pouvoir"
    + NNBSP
    + ": quand les personnes accompagnées forment les professionnels"
)
SEED_CITATION = f"Emmanuelle Jouet et al., « {SEED_TITLE} », Vie sociale, ID : 10670/1.jt89mr"
# (lang, length, first 40 characters, last 40 characters) of the seed's two abstracts
SEED_ABSTRACTS = [
    ("fr", 1186, "Les politiques publiques invitent les pr", "ravers de la voix des acteurs impliqués."),
    ("en", 882, "Public policies encourage professionals ", "rough the voices of the actors involved."),
]
SEED_KEYS = {
    "id", "type", "titles", "abstracts", "creators", "creators_et_al", "issued", "source",
    "container", "collection", "organization", "license", "citation",
}  # fmt: skip

NON_LATIN_LANGUAGES = {"ar", "el", "zh", "ja", "ko", "ru", "uk", "bg", "he", "fa", "hy", "ka"}


def _lines(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]


NOTICE_LINES = _lines(NOTICES)


@pytest.fixture(scope="module")
def raw() -> list[dict[str, Any]]:
    return [json.loads(line) for _, line in NOTICE_LINES]


@pytest.fixture(scope="module")
def notices(raw: list[dict[str, Any]]) -> list[Notice]:
    return [Notice.from_dict(data) for data in raw]


# --------------------------------------------------------------------------- every line loads


def test_file_is_utf8_jsonl_without_bom_or_crlf() -> None:
    data = NOTICES.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert data.endswith(b"\n")
    assert len(NOTICE_LINES) >= 23


@pytest.mark.parametrize(("number", "line"), NOTICE_LINES, ids=[f"line{n}" for n, _ in NOTICE_LINES])
def test_every_line_loads(number: int, line: str) -> None:
    data = json.loads(line)
    assert isinstance(data, dict), f"line {number} is not a JSON object"
    Notice.from_dict(data)
    # keys are written in the model's field order
    assert list(data) == [name for name in Notice.model_fields if name in data]


def test_json_form_round_trips(notices: list[Notice]) -> None:
    for notice in notices:
        assert Notice.from_dict(notice.to_dict()) == notice, notice.id.value


def test_read_path_yields_only_notices() -> None:
    outcomes = list(read_path(NOTICES))
    errors = [o for o in outcomes if isinstance(o, RecordError)]
    assert errors == []
    assert len(outcomes) == len(NOTICE_LINES)


def test_ids_are_unique(notices: list[Notice]) -> None:
    iris = [n.id.iri for n in notices]
    assert len(iris) == len(set(iris))


# --------------------------------------------------------------------------- line 1: the seed


def test_seed_line_has_exactly_the_seed_fields(raw: list[dict[str, Any]]) -> None:
    seed = raw[0]
    assert set(seed) == SEED_KEYS
    assert seed["id"] == SEED_ID
    assert seed["type"] == "article"
    assert seed["titles"] == [{"value": SEED_TITLE, "lang": "fr"}]
    assert seed["creators"] == [{"family": "Jouet", "given": "Emmanuelle"}]
    assert seed["creators_et_al"] is True
    assert seed["issued"] == "2019"
    assert seed["source"] == "Vie sociale"
    assert seed["container"] == {"type": "journal", "title": "Vie sociale"}
    assert seed["collection"] == {"name": "Cairn.info"}
    assert seed["organization"] == {"type": "organization", "name": "Cairn"}
    assert seed["license"] == {"label": "Cairn"}
    assert seed["citation"] == SEED_CITATION
    assert [a["lang"] for a in seed["abstracts"]] == ["fr", "en"]
    for (lang, length, head, tail), abstract in zip(SEED_ABSTRACTS, seed["abstracts"], strict=True):
        value = abstract["value"]
        assert (abstract["lang"], len(value), value[:40], value[-40:]) == (lang, length, head, tail)


def test_seed_notice_values(notices: list[Notice]) -> None:
    seed = notices[0]
    assert seed.id.scheme is ids.Scheme.HANDLE
    assert seed.id.value == SEED_ID
    assert seed.id.iri == "https://hdl.handle.net/10670/1.jt89mr"
    assert seed.type is DocumentType.ARTICLE
    assert seed.type_label is None
    assert len(seed.titles) == 1 and seed.titles[0].lang == "fr"
    # the narrow no-break space is checked separately (test_seed_keeps_french_spacing)
    assert seed.titles[0].value.replace(NNBSP, " ") == SEED_TITLE.replace(NNBSP, " ")
    assert seed.citation is not None
    assert seed.citation.replace(NNBSP, " ") == SEED_CITATION.replace(NNBSP, " ")
    for (lang, length, head, tail), abstract in zip(SEED_ABSTRACTS, seed.abstracts, strict=True):
        assert (abstract.lang, len(abstract.value), abstract.value[:40], abstract.value[-40:]) == (
            lang, length, head, tail,
        )  # fmt: skip
    assert seed.creators == (Person(family="Jouet", given="Emmanuelle"),)
    assert seed.creators[0].display_name == "Emmanuelle Jouet"
    assert seed.creators_et_al is True
    assert seed.contributors == ()
    assert (seed.issued, seed.date_precision) == ("2019", "year")
    assert seed.source == "Vie sociale"
    assert seed.container == Container(type=ContainerType.JOURNAL, title="Vie sociale")
    assert seed.collection is not None and (seed.collection.name, seed.collection.iri) == ("Cairn.info", None)
    assert seed.organization == Organization(type="organization", name="Cairn")
    assert seed.license is not None and (seed.license.label, seed.license.iri) == ("Cairn", None)
    # the seed shows Discipline, Type de document, Périmètre, Langue with no value: nothing is invented
    assert seed.languages == ()
    assert seed.disciplines == ()
    assert seed.subjects == ()
    assert seed.keywords == ()
    assert seed.scope is None
    assert seed.publisher is None
    assert seed.landing_page is None
    assert seed.identifiers == ()


def test_seed_keeps_french_spacing(notices: list[Notice]) -> None:
    assert notices[0].titles[0].value == SEED_TITLE
    assert notices[0].citation == SEED_CITATION


# --------------------------------------------------------------------------- coverage helpers


def _agents(notice: Notice) -> Iterator[tuple[str, Person | Organization]]:
    for agent in notice.creators:
        yield "creator", agent
    for contributor in notice.contributors:
        yield contributor.role.value, contributor.agent
    for place, agent in (("organization", notice.organization), ("publisher", notice.publisher)):
        if agent is not None:
            yield place, agent


def _identifiers(notice: Notice) -> Iterator[tuple[str, ids.Identifier]]:
    yield "id", notice.id
    for identifier in notice.identifiers:
        yield "identifiers", identifier
    for _, agent in _agents(notice):
        for identifier in agent.identifiers:
            yield agent.type, identifier
    if notice.container is not None:
        for name in ("issn", "eissn", "issn_l", "isbn"):
            value = getattr(notice.container, name)
            if value is not None:
                yield f"container.{name}", value


def _texts(notice: Notice) -> Iterator[Text]:
    yield from notice.titles
    yield from (Text(value=a.value, lang=a.lang) for a in notice.abstracts)
    yield from notice.keywords
    for concept in (*notice.subjects, *notice.disciplines, *((notice.scope,) if notice.scope else ())):
        yield from concept.labels


_IDENTIFIER_KEYS = {"id", "identifiers", "isbn"}


def _isbn_texts(value: Any, key: str = "") -> Iterator[str]:
    """Raw texts of ISBNs anywhere in a JSON notice (ids, identifiers, container.isbn)."""
    if isinstance(value, list):
        for child in value:
            yield from _isbn_texts(child, key)
    elif isinstance(value, dict) and key in _IDENTIFIER_KEYS:
        if ids.parse(value["value"], value.get("scheme")).scheme is ids.Scheme.ISBN:
            yield value["value"]
    elif isinstance(value, dict):
        for child_key, child in value.items():
            yield from _isbn_texts(child, child_key)
    elif isinstance(value, str) and key in _IDENTIFIER_KEYS and ids.parse(value).scheme is ids.Scheme.ISBN:
        yield value


# --------------------------------------------------------------------------- coverage


def test_every_document_type(notices: list[Notice]) -> None:
    assert {n.type for n in notices} == set(DocumentType)


def test_every_identifier_scheme(notices: list[Notice]) -> None:
    used = {identifier.scheme for n in notices for _, identifier in _identifiers(n)}
    assert used >= set(ids.Scheme), sorted(s.value for s in set(ids.Scheme) - used)


def test_identifiers_in_every_place(notices: list[Notice]) -> None:
    places: dict[str, set[str]] = {}
    for n in notices:
        for place, identifier in _identifiers(n):
            places.setdefault(place, set()).add(identifier.scheme.value)
    assert places["id"] >= {"handle", "doi", "hal", "ark", "url", "nnt", "urn", "isbn"}
    assert places["identifiers"] >= {"doi", "hal", "isbn", "ark", "url"}
    assert places["person"] >= {"orcid", "idref", "isni", "url"}
    assert places["organization"] >= {"ror", "isni", "idref", "url"}
    assert places["container.issn"] == {"issn"}
    assert places["container.eissn"] == {"issn"}
    assert places["container.issn_l"] == {"issn-l"}
    assert places["container.isbn"] == {"isbn"}


def test_isbn10_and_isbn13_forms(raw: list[dict[str, Any]]) -> None:
    lengths = {
        len(text.upper().replace("-", "").replace(" ", "")) for data in raw for text in _isbn_texts(data)
    }
    assert lengths >= {10, 13}


def test_languages(notices: list[Notice]) -> None:
    tags = {t.lang for n in notices for t in _texts(n)} | {tag for n in notices for tag in n.languages}
    assert {"fr", "en", "de", "es", "it", "pt"} <= tags
    non_latin = [
        t
        for n in notices
        for t in n.titles
        if t.lang in NON_LATIN_LANGUAGES
        and any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in t.value)
    ]
    assert {t.lang for t in non_latin} & NON_LATIN_LANGUAGES
    assert any(kw.lang is not None for n in notices for kw in n.keywords)


def test_every_contributor_role(notices: list[Notice]) -> None:
    assert {c.role for n in notices for c in n.contributors} == set(Role)


def test_organisation_creators(notices: list[Notice]) -> None:
    assert any(isinstance(a, Organization) for n in notices for a in n.creators)
    # a report written by an organisation alone
    assert any(n.creators and all(isinstance(a, Organization) for a in n.creators) for n in notices)


def test_minimal_notice(raw: list[dict[str, Any]]) -> None:
    assert any(set(data) == {"id", "titles"} for data in raw)


def test_concepts(notices: list[Notice]) -> None:
    disciplines = [c for n in notices for c in n.disciplines]
    hal = [
        c for c in disciplines if c.iri and c.iri.startswith("http://aurehal.archives-ouvertes.fr/subject/")
    ]
    assert any(c.iri == "http://aurehal.archives-ouvertes.fr/subject/shs.socio" for c in hal)
    assert any({label.lang for label in c.labels} >= {"fr", "en"} for c in hal)
    concepts = [*disciplines, *(c for n in notices for c in n.subjects)]
    assert any(c.iri is None and c.labels for c in concepts)  # a concept with labels only
    assert any(c.iri is not None for n in notices for c in n.subjects)
    assert any(n.scope is not None for n in notices)


def test_containers(notices: list[Notice]) -> None:
    containers = [(n, n.container) for n in notices if n.container is not None]
    assert {c.type for _, c in containers} == set(ContainerType)
    assert any(c.volume and c.issue and c.page_range for _, c in containers)
    assert any(
        n.type is DocumentType.CHAPTER and c.type is ContainerType.BOOK and c.isbn for n, c in containers
    )
    assert any(c.type is ContainerType.PROCEEDINGS and c.isbn for _, c in containers)
    assert any(c.type is ContainerType.SERIES and c.issn for _, c in containers)


def test_licences_and_landing_pages(notices: list[Notice]) -> None:
    licences = [n.license for n in notices if n.license is not None]
    assert "https://creativecommons.org/licenses/by/4.0/" in {lic.iri for lic in licences}
    assert any(lic.iri is None and lic.label for lic in licences)
    assert any(lic.iri and lic.label for lic in licences)
    assert sum(n.landing_page is not None for n in notices) >= 10


def test_date_precisions(notices: list[Notice]) -> None:
    assert {n.date_precision for n in notices} >= {"year", "month", "day"}


def test_long_multi_paragraph_abstract(notices: list[Notice]) -> None:
    assert any(a.value.count("\n\n") >= 2 and len(a.value) > 1000 for n in notices for a in n.abstracts)


def test_typography(notices: list[Notice]) -> None:
    text = "\n".join(t.value for n in notices for t in _texts(n))
    for char in "«»’—…œ":
        assert char in text, char


# --------------------------------------------------------------------------- bad_notices.jsonl

# line number -> (expected field path, a word the problem or fix must contain); None: a good notice
BAD_EXPECTED: dict[int, tuple[str, str] | None] = {
    1: None,
    2: ("creators[0].identifiers[0]", "orcid check digit"),
    3: ("issued", "month 13"),
    4: ("titles", "required"),
    5: ("titel", "did you mean 'titles'"),
    6: ("languages[0]", "bcp 47"),
    7: None,
    8: ("titles[0].value", "empty"),
    9: ("container.issn", "issn check digit"),
    10: ("", "not valid json"),
    11: ("creators[1]", "'family'"),
    12: ("license.iri", "http"),
}


def test_bad_notices_lines() -> None:
    assert [number for number, _ in _lines(BAD)] == sorted(BAD_EXPECTED)
    assert not any(line.lstrip().startswith("#") for _, line in _lines(BAD))


def test_bad_notices_outcomes() -> None:
    outcomes = list(read_path(BAD))
    assert len(outcomes) == len(BAD_EXPECTED)
    assert sum(isinstance(o, Notice) for o in outcomes) == 2
    assert sum(isinstance(o, RecordError) for o in outcomes) == len(BAD_EXPECTED) - 2
    raw_lines = dict(_lines(BAD))
    for (number, expected), outcome in zip(sorted(BAD_EXPECTED.items()), outcomes, strict=True):
        if expected is None:
            assert isinstance(outcome, Notice), f"line {number}: {outcome}"
            continue
        field, word = expected
        assert isinstance(outcome, RecordError), f"line {number} should fail"
        assert outcome.record is not None
        assert f"bad_notices.jsonl:{number}" in outcome.record
        try:
            ident = json.loads(raw_lines[number])["id"]
        except json.JSONDecodeError:
            ident = None
        if ident is not None:
            assert outcome.record.startswith(ident), outcome.record
        assert outcome.field == field, f"line {number}: {outcome}"
        assert outcome.problem.strip(), f"line {number}: empty problem"
        assert word in f"{outcome.problem} {outcome.fix}".lower(), f"line {number}: {outcome}"
        assert str(outcome).startswith(f"record {outcome.record}")
        if field:
            assert f"field {field}:" in str(outcome)


def test_bad_notices_messages_speak_to_cataloguers() -> None:
    jargon = ("Field required", "Extra inputs", "Tuple should", "after validation", "Input should")
    for outcome in read_path(BAD):
        if isinstance(outcome, RecordError):
            assert outcome.fix.strip(), str(outcome)
            assert not any(word in outcome.problem for word in jargon), str(outcome)
