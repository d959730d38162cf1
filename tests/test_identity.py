"""Identity: what names each node, what changes an IRI and what never does; the person policy;
homonym co-authors; the link an earlier IRI keeps when a person gains an identifier; IRIs whose
host mixes scripts."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from notice_ld import cli
from notice_ld.config import Config, PersonIdentity
from notice_ld.errors import ConfigError
from notice_ld.formats import Format
from notice_ld.iris import IriRules
from notice_ld.mapping import map_notice
from notice_ld.mapping.reverse import notice_from_graph
from notice_ld.model import Notice
from notice_ld.pipeline import Pipeline
from notice_ld.terms import Literal
from notice_ld.vocabulary import DCTERMS

from .conftest import generated_records

RDF_SEQ_MEMBER = "http://www.w3.org/1999/02/22-rdf-syntax-ns#_"
POLICIES = list(PersonIdentity)


def _iris(notice: Notice, config: Config) -> tuple[set[str], set[str]]:
    """The IRIs notice_ld names in the notice's graph — every node it describes — and the node
    IRIs it links to (objects that are also nodes, e.g. people, journals, concepts; not classes
    or vocabulary terms)."""
    triples = map_notice(notice, config).triples
    subjects = {s for s, _, _ in triples}
    return subjects, {str(o) for _, _, o in triples if not isinstance(o, Literal) and str(o) in subjects}


def _subjects(notice: Notice, config: Config) -> set[str]:
    return _iris(notice, config)[0]


def _mutated(record: dict[str, Any], seed: int) -> dict[str, Any]:
    """``record`` with every field that identifies nothing changed: titles, abstracts, type and
    its label, date, languages, keywords, source, citation, landing page, licence label, pages,
    "et al.", the labels of concepts after the one that names them, the display names of people
    named by an identifier."""
    out = copy.deepcopy(record)
    tag = f"changed {seed}"
    out["titles"] = [{"value": f"{tag} {t['value']}", "lang": "de"} for t in out["titles"]]
    out["abstracts"] = [{"value": f"{tag} abstract", "lang": "it"}]
    out["type"] = "book" if out.get("type") != "book" else "report"
    out["type_label"] = tag
    out["issued"] = "1901-02-03"
    out["languages"] = ["de"]
    out["keywords"] = [{"value": tag, "lang": "de"}]
    out["source"] = tag
    out["citation"] = tag
    out["landing_page"] = f"https://example.org/changed/{seed}"
    licence = out.get("license")
    if licence is not None:
        licence["label"] = tag
    container = out.get("container")
    if container is not None:
        container["pages"] = "1-2"
    if out.get("creators"):
        out["creators_et_al"] = not out.get("creators_et_al", False)
    for field in ("subjects", "disciplines"):
        for concept in out.get(field, []):
            if concept.get("iri") or concept.get("notation"):
                concept["labels"] = [{"value": tag, "lang": "de"}]
            else:  # the first label names it: keep it, change the others
                concept["labels"] = [*concept["labels"][:1], {"value": tag, "lang": "de"}]
    for agent in out.get("creators", []):
        if agent.get("identifiers") and agent.get("type", "person") == "person":
            agent["name"] = f"{tag} {agent.get('family', '')}"
    return out


@pytest.mark.parametrize(("policy", "count"), [(PersonIdentity.NAME, 500), *((p, 150) for p in POLICIES[1:])])
def test_changing_no_identifying_field_of_500_notices_changes_no_iri(
    policy: PersonIdentity, count: int
) -> None:
    config = Config(person_identity=policy)
    records = generated_records(count, seed=3)
    changed_fields = 0
    for number, record in enumerate(records):
        before = Notice.from_dict(record)
        after = Notice.from_dict(_mutated(record, number))
        changed_fields += sum(
            1 for name in type(before).model_fields if getattr(before, name) != getattr(after, name)
        )
        assert _iris(after, config) == _iris(before, config), record["id"]
    assert changed_fields > count * 8  # the mutation really changed the notices


def test_identifying_fields_do_change_iris() -> None:
    """The converse, as a check of the test above: the fields that name nodes do change them."""
    record = generated_records(1, seed=3)[0]
    config = Config()
    before = _subjects(Notice.from_dict(record), config)
    for change in (
        lambda r: r.update(id="10670/1.zzzzzz"),
        lambda r: r["creators"][0].update(family="Autre", identifiers=[]),
        lambda r: r["collection"].update(name="Autre collection"),
    ):
        other = copy.deepcopy(record)
        change(other)
        assert _subjects(Notice.from_dict(other), config) != before


def _notice(creators: list[dict[str, Any]], ident: str = "10670/1.aaaaaa", **more: Any) -> Notice:
    return Notice.from_dict({"id": ident, "titles": [{"value": "T"}], "creators": creators, **more})


JEAN = {"family": "Martin", "given": "Jean"}
ORCID = "0000-0002-1825-0097"


@pytest.mark.parametrize("policy", POLICIES)
def test_two_co_authors_of_the_same_name_are_two_people(policy: PersonIdentity) -> None:
    config = Config(person_identity=policy)
    notice = _notice([JEAN, {"family": "Durand", "given": "Ana"}, dict(JEAN)])
    graph = map_notice(notice, config)
    seq = [(p, str(o)) for s, p, o in graph.triples if p.startswith(RDF_SEQ_MEMBER)]
    members = [o for _, o in sorted(seq)]
    assert len(set(members)) == 3
    creators = {str(o) for s, p, o in graph.triples if s == graph.iri and p == DCTERMS.creator}
    assert len(creators) == 3
    # and the notice still comes back from its graph, both Jean Martin in place
    assert notice_from_graph(graph.triples, graph.iri, config) == notice


def test_an_identifier_says_two_entries_are_one_person() -> None:
    with_id = {**JEAN, "identifiers": [{"scheme": "orcid", "value": ORCID}]}
    graph = map_notice(_notice([with_id, dict(with_id)]))
    creators = {str(o) for s, p, o in graph.triples if s == graph.iri and p == DCTERMS.creator}
    assert creators == {f"https://orcid.org/{ORCID}"}


def test_homonyms_in_one_list_only_one_person_may_hold_several_roles() -> None:
    notice = _notice([JEAN], contributors=[{"role": "editor", "agent": JEAN}])
    nodes = IriRules().agents(notice)
    assert nodes.creators[0].iri == nodes.contributors[0].iri
    two_editors = _notice(
        [], contributors=[{"role": "editor", "agent": JEAN}, {"role": "editor", "agent": JEAN}]
    )
    first, second = IriRules().agents(two_editors).contributors
    assert first.iri != second.iri
    graph = map_notice(two_editors)
    # before, the two editors were one node and the notice came back with one editor
    assert notice_from_graph(graph.triples, graph.iri, graph.config) == two_editors


def test_name_policy_one_node_per_name_across_notices() -> None:
    rules = IriRules(Config())
    one = rules.agents(_notice([JEAN], "10670/1.aaaaaa")).creators[0].iri
    two = rules.agents(_notice([{"family": "MARTIN", "given": "JEAN"}], "10670/1.bbbbbb")).creators[0].iri
    assert one == two == rules.minted_person("Martin", "Jean", None)  # the IRI of every earlier run


def test_name_and_collection_policy() -> None:
    rules = IriRules(Config(person_identity=PersonIdentity.NAME_AND_COLLECTION))

    def iri(ident: str, collection: str | None) -> str:
        more = {"collection": {"name": collection}} if collection else {}
        return rules.agents(_notice([JEAN], ident, **more)).creators[0].iri

    assert iri("10670/1.aaaaaa", "Cairn") == iri("10670/1.bbbbbb", "Cairn")
    assert iri("10670/1.aaaaaa", "Cairn") != iri("10670/1.bbbbbb", "HAL-SHS")
    # without a collection: by name alone
    assert iri("10670/1.aaaaaa", None) == IriRules().minted_person("Martin", "Jean", None)


def test_per_notice_policy() -> None:
    rules = IriRules(Config(person_identity=PersonIdentity.PER_NOTICE))
    ana = {"family": "Durand", "given": "Ana"}
    a = rules.agents(_notice([JEAN, ana], "10670/1.aaaaaa")).creators
    b = rules.agents(_notice([JEAN], "10670/1.bbbbbb")).creators
    assert a[0].iri != b[0].iri
    # the order of co-authors and a co-author added later change no one's IRI
    again = rules.agents(_notice([{"family": "Neuf", "given": "Léa"}, ana, JEAN], "10670/1.aaaaaa")).creators
    assert (again[2].iri, again[1].iri) == (a[0].iri, a[1].iri)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_person_who_gains_an_orcid_keeps_a_link_from_the_earlier_iri(policy: PersonIdentity) -> None:
    config = Config(person_identity=policy)
    collection = {"collection": {"name": "Cairn"}}
    earlier = map_notice(_notice([dict(JEAN), dict(JEAN)], **collection), config)
    earlier_iris = [str(o) for s, p, o in sorted(earlier.triples) if p.startswith(RDF_SEQ_MEMBER)]
    orcids = [ORCID, "0000-0001-5109-3700"]
    later_notice = _notice(
        [{**JEAN, "identifiers": [{"scheme": "orcid", "value": o}]} for o in orcids], **collection
    )
    later = map_notice(later_notice, config)
    replaces = {(s, str(o)) for s, p, o in later.triples if p == DCTERMS.replaces}
    assert replaces == {(f"https://orcid.org/{o}", e) for o, e in zip(orcids, earlier_iris, strict=True)}
    # only the Dublin Core profile says it
    from notice_ld.config import Profile

    schema_only = Config(person_identity=policy, profiles=frozenset({Profile.SCHEMA}))
    assert not any(p == DCTERMS.replaces for _, p, _ in map_notice(later_notice, schema_only).triples)
    assert notice_from_graph(later.triples, later.iri, config) == later_notice


@pytest.mark.parametrize("policy", POLICIES)
def test_notices_come_back_from_their_graphs_under_every_policy(policy: PersonIdentity) -> None:
    config = Config(person_identity=policy)
    for record in generated_records(60, seed=11):
        graph = map_notice(Notice.from_dict(record), config)
        rebuilt = notice_from_graph(graph.triples, graph.iri, config)
        # what test_reverse checks: the rebuilt notice maps to exactly the same triples
        assert map_notice(rebuilt, config).triples == graph.triples, record["id"]


def test_the_embedded_schema_org_uses_the_same_nodes() -> None:
    from notice_ld.writers.schema_jsonld import schema_object

    graph = map_notice(_notice([JEAN, dict(JEAN)]))
    authors = [a["@id"] for a in schema_object(graph)["author"]]
    assert authors == [n.iri for n in IriRules().agents(graph.notice).creators] and len(set(authors)) == 2


def test_the_option_on_the_command_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    records = [
        {"id": f"10670/1.{i}aaaaa", "titles": [{"value": "T"}], "creators": [JEAN], "issued": "2020"}
        for i in range(2)
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    people = {}
    for policy in ("name", "per-notice"):
        out = tmp_path / f"{policy}.nt"
        assert (
            cli.main(["convert", str(src), "-f", "nt", "-o", str(out), "-q", "--person-identity", policy])
            == 0
        )
        people[policy] = {
            line.split()[0] for line in out.read_text().splitlines() if "/person/" in line.split()[0]
        }
    assert len(people["name"]) == 1 and len(people["per-notice"]) == 2
    with pytest.raises(SystemExit):
        cli.main(["convert", str(src), "--person-identity", "by-email"])
    with pytest.raises(ConfigError):
        PersonIdentity.parse("by-email")


def test_the_policy_travels_with_the_config_to_parts(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": f"10670/1.{i:06d}", "titles": [{"value": "T"}], "creators": [JEAN]}) + "\n"
            for i in range(40)
        ),
        encoding="utf-8",
    )
    from notice_ld.pipeline.parallel import SerialExecutor, convert_parallel

    pipeline = Pipeline(config=Config(person_identity=PersonIdentity.PER_NOTICE), validation=None)
    whole, parted = io.BytesIO(), io.BytesIO()
    pipeline.convert([src], {Format.N_TRIPLES: whole})
    convert_parallel(
        pipeline, [src], {Format.N_TRIPLES: parted}, jobs=2, executor=SerialExecutor(), min_bytes=64
    )
    assert whole.getvalue() == parted.getvalue()
    assert whole.getvalue().count(b"/person/martin-jean-1-handle-10670-1") >= 40


HOMOGLYPH = "https://ex\u0430mple.org/record/1"  # a Cyrillic а among Latin letters


def test_an_iri_whose_host_mixes_scripts_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    records = [
        {"id": "10670/1.aaaaaa", "titles": [{"value": "T"}], "landing_page": HOMOGLYPH},
        {
            "id": "10670/1.bbbbbb",
            "titles": [{"value": "T"}],
            "creators": [
                {"family": "X", "identifiers": [{"scheme": "url", "value": "https://xn--exmple-4nf.org/p"}]}
            ],
        },
        {"id": "10670/1.cccccc", "titles": [{"value": "T"}], "landing_page": "https://пример.рф/1"},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    report = Pipeline(validation=None).convert([src], {Format.N_TRIPLES: io.BytesIO()})
    assert report.converted == 3  # a warning: nothing is lost
    assert [(w.record, w.problem.split(":")[0]) for w in report.warnings] == [
        (f"10670/1.aaaaaa ({src}:1)", "field landing_page"),
        (f"10670/1.bbbbbb ({src}:2)", "field creators[0].identifiers[0]"),
    ]
    assert "CYRILLIC and LATIN" in report.warnings[0].problem
    out = tmp_path / "out.nt"
    assert cli.main(["convert", str(src), "-f", "nt", "-o", str(out), "--no-validate"]) == 0
    assert f"warning: 10670/1.aaaaaa ({src}:1): field landing_page: the host of {HOMOGLYPH} mixes" in (
        capsys.readouterr().err
    )
