"""Fidelity on real oai_dc/qdc records (the Readers issue, item 6), one fixture record per point,
modelled on HAL, Zenodo, DOAJ and OpenEdition; and the real records of ../shared/realdata when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, Residue, dc, read_path

from .conftest import ROOT

FIDELITY = Path(__file__).with_name("data") / "readers" / "oai_dc" / "fidelity.xml"
REAL = ROOT.parent / "shared" / "realdata" / "oai_dc"


def items() -> list[object]:
    return list(read_path(FIDELITY, InputFormat.OAI_DC))


def notice(notice_id: str) -> Notice:
    return next(i for i in items() if isinstance(i, Notice) and i.id.value == notice_id)


def residue(notice_id: str) -> list[tuple[str, str, str]]:
    for item in items():
        if isinstance(item, Residue) and item.record == notice_id:
            return [(i.element, i.value, i.reason) for i in item.items]
    return []


def names(n: Notice) -> list[str]:
    return [a.display_name for a in n.creators]


def test_several_people_in_one_creator_are_split() -> None:
    assert names(notice("10.1234/fid.1")) == [
        "Marie Curie",
        "Pierre Curie",  # "A and B"
        "Jean Dupont",
        "Anne Martin",  # "Family, Given; Family, Given"
        "Jean Roux",
        "Anne Petit",
        "Paul Blanc",  # "A, B and C"
        "J. Smith",
        "A. Doe",  # "Family, G. and Family, G."
        "David Martínez Muñoz",  # "Family, Given": one person
        "Cultures & conflits",  # not two people: an organisation's name
    ]
    assert notice("10.1234/fid.1").creators[-1].type == "organization"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Laurel and Hardy", ["Laurel and Hardy"]),
        ("Société des amis et des lecteurs", ["Société des amis et des lecteurs"]),
        ("Ortega y Gasset, José", ["Ortega y Gasset, José"]),
        ("Smith, J., Doe, A. and Roe, B.", ["Smith, J.", "Doe, A.", "Roe, B."]),
        ("A. Martin & B. Durand", ["A. Martin", "B. Durand"]),
    ],
)
def test_split_rules(value: str, expected: list[str]) -> None:
    assert dc.split_agents(value)[0] == expected


def test_account_names_and_remarks_are_people_not_organisations() -> None:
    n = notice("10.1234/fid.2")
    assert [(a.type, a.display_name) for a in n.creators] == [
        ("person", "jdupont"),
        ("person", "user123"),
        ("person", "Claire Morel"),
        ("organization", "INSERM"),
    ]
    reasons = {value: reason for _, value, reason in residue("10.1234/fid.2")}
    assert reasons["user123"] == "an account name rather than a person's name; kept as the name of a person"
    assert reasons["Claire Morel (Université de Lyon)"].startswith("'Université de Lyon' after the name")


def test_thesis_advisors_are_contributors_with_their_role() -> None:
    n = notice("2018MONTT090")
    assert [(c.role.value, c.agent.display_name) for c in n.contributors] == [
        ("thesis_advisor", "Thierry Chardès"),  # "(Directeur de thèse)"
        ("thesis_advisor", "Lucie Bernard"),  # ", co-directrice de thèse"
        ("contributor", "Université de Montpellier"),
        ("thesis_advisor", "Anne Legrand"),  # a thesis's person contributor, reported
    ]
    assert ("dc:contributor", "Anne Legrand") in [(e, v) for e, v, _ in residue("2018MONTT090")]


def test_journal_from_source_and_relation_is_the_container() -> None:
    n = notice("10.1234/fid.4")
    assert n.container is not None
    assert (n.container.title, str(n.container.issn), str(n.container.eissn)) == (
        "Nature",
        "0028-0836",
        "1476-4687",
    )
    assert n.publisher is not None and n.publisher.display_name == "Springer Nature"
    assert n.type.value == "conference_paper" and n.type_label == "conferenceProceedings"


def test_concept_doi_access_rights_and_date_fallback() -> None:
    n = notice("10.5281/zenodo.10357859")
    assert n.issued == "2023-02-28"  # dc:date 2023-02-30 does not exist: dcterms:created is used
    assert n.type.value == "conference_paper"  # info:eu-repo/semantics/conferenceProceedings
    found = {value: reason for _, value, reason in residue("10.5281/zenodo.10357859")}
    assert found["2023-02-28"] == "used as the date of issue (2023-02-28) ('2023-02-30' is not a usable date)"
    # the concept DOI (same DOI series): a version of it; another link: a relation of no precise kind
    assert [(r.type.value, r.iri) for r in n.relations] == [
        ("is_version_of", "https://doi.org/10.5281/zenodo.596581"),
        ("related", "https://github.com/rdmorganiser/rdmo/tree/2.1.0"),
    ]
    # the first access status is the notice's; the others, which contradict it, are reported
    assert n.access_rights is not None and n.access_rights.value == "embargoed"
    assert "info:eu-repo/semantics/embargoedAccess" not in found
    for status in ("restrictedAccess", "closedAccess"):
        assert (
            found[f"info:eu-repo/semantics/{status}"]
            == "a second access status; the notice holds one (embargoed)"
        )
    assert [
        dc.access_rights(f"info:eu-repo/semantics/{s}Access") for s in ("open", "embargoed", "closed")
    ] == [
        "open",
        "embargoed",
        "closed",
    ]


@pytest.mark.parametrize(
    ("value", "role"),
    [
        ("Dupont, Jean (Directeur de thèse)", "thesis_advisor"),
        ("Thesis advisor: Jean Dupont", "thesis_advisor"),
        ("Jean Dupont (dir.)", "editor"),
        ("Dupont, Jean, trad.", "translator"),
        ("Dupont, Jean (Supervisor)", "thesis_advisor"),
        ("Dupont, Jean", None),
    ],
)
def test_roles_written_with_names(value: str, role: str | None) -> None:
    assert dc.read_agent(value).role == role


@pytest.mark.skipif(not REAL.exists(), reason="../shared/realdata is not here")
def test_real_records() -> None:
    hal = list(read_path(REAL / "hal_tel-02955615_listrecords.xml"))
    thesis = hal[0]
    assert isinstance(thesis, Notice) and thesis.type.value == "thesis"
    assert ("thesis_advisor", "Thierry Chardès") in [
        (c.role.value, c.agent.display_name) for c in thesis.contributors
    ]
    assert [c.agent.type for c in thesis.contributors].count("organization") == 3  # lab ; parent, university
    zenodo = list(read_path(REAL / "zenodo_10357859_getrecord_oai_dc.xml"))
    record = zenodo[0]
    assert isinstance(record, Notice) and record.id.value == "10.5281/zenodo.10357859"
    assert [a.family for a in record.creators][:2] == ["Klar", "Michaelis"]  # type: ignore[union-attr]
    assert ("is_version_of", "https://doi.org/10.5281/zenodo.596581") in [  # the concept DOI
        (r.type.value, r.iri) for r in record.relations
    ]
    assert record.access_rights is not None and record.access_rights.value == "open"
    broken = list(read_path(REAL / "gotriple_doaj_eebc19b7_record_NOT_WELLFORMED.xml", InputFormat.OAI_DC))
    assert len(broken) == 1 and isinstance(broken[0], RecordError)
