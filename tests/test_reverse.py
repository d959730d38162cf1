"""The reverse mapping: notice → RDF → notice is lossless (notice_ld.mapping.reverse)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld.config import Config
from notice_ld.errors import RecordError
from notice_ld.graph import to_rdflib
from notice_ld.mapping import map_notice
from notice_ld.mapping.reverse import notice_from_graph
from notice_ld.model import Notice

from .conftest import EXAMPLES
from .strategies import _ALPHABET, _issn, _orcid, relations

# ------------------------------------------------------------------------------ a notice strategy
# Every field of the model, with awkward text. Agents, concepts and containers are distinct by
# construction (a numbered prefix): the mapping gives one IRI to one thing, so two *different*
# descriptions sharing an IRI would be merged — that is tested separately below.

_text = st.text(_ALPHABET, min_size=1, max_size=30).map(lambda s: " ".join(s.split())).filter(bool)
_langs = st.sampled_from([None, "fr", "en", "de", "zh-Hant", "el", "pt-BR"])


def _isbn13(body: int) -> str:
    digits = f"978{body:09d}"
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


_issns = st.integers(0, 9_999_999).map(_issn)


@st.composite
def _texts(draw: st.DrawFn, max_size: int = 3) -> list[dict[str, Any]]:
    items = draw(
        st.lists(st.tuples(_text, _langs), min_size=1, max_size=max_size, unique_by=lambda t: (t[0], t[1]))
    )
    return [{"value": v} if lang is None else {"value": v, "lang": lang} for v, lang in items]


@st.composite
def notices(draw: st.DrawFn) -> dict[str, Any]:
    counter = iter(range(1, 1000))
    orcid_base = draw(st.integers(1_000_000_000, 3_999_000_000))

    def unique(text: str) -> str:
        return f"{next(counter)} {text}"

    def person() -> dict[str, Any]:
        kind = draw(st.sampled_from(["family", "family+given", "name", "name+family"]))
        p: dict[str, Any] = {}
        if "family" in kind:
            p["family"] = unique(draw(_text))
        if "given" in kind:
            p["given"] = draw(_text)
        if "name" in kind:
            p["name"] = unique(draw(_text))
        if draw(st.booleans()):  # distinct people have distinct ORCIDs
            p["identifiers"] = [{"scheme": "orcid", "value": _orcid(orcid_base + next(counter))}]
        return p

    def organization() -> dict[str, Any]:
        o: dict[str, Any] = {"type": "organization", "name": unique(draw(_text))}
        if draw(st.booleans()):
            o["identifiers"] = [{"scheme": "url", "value": f"https://example.org/org/{next(counter)}"}]
        return o

    def agent() -> dict[str, Any]:
        return person() if draw(st.booleans()) else organization()

    def concept() -> dict[str, Any]:
        c: dict[str, Any] = {
            "labels": [
                {"value": unique(t["value"]), **({"lang": t["lang"]} if "lang" in t else {})}
                for t in draw(_texts(max_size=2))
            ]
        }
        shape = draw(st.sampled_from(["labels", "iri", "notation", "iri+notation"]))
        if "iri" in shape:
            c["iri"] = f"http://aurehal.archives-ouvertes.fr/subject/c{next(counter)}"
        if "notation" in shape:
            c["notation"] = f"n{next(counter)}"
        return c

    handle = draw(st.from_regex(r"10670/1\.[a-z0-9]{6}", fullmatch=True))
    doi = draw(st.from_regex(r"10\.[1-9][0-9]{3,4}/[a-z0-9][a-z0-9.\-]{0,12}", fullmatch=True))
    ids = draw(st.permutations([handle, doi]))
    notice: dict[str, Any] = {
        "id": ids[0],
        "type": draw(
            st.sampled_from(
                [
                    "article",
                    "book",
                    "chapter",
                    "thesis",
                    "report",
                    "conference_paper",
                    "working_paper",
                    "dataset",
                    "other",
                ]
            )
        ),
        "titles": draw(_texts()),
    }
    day = draw(st.dates())
    optional: dict[str, Any] = {
        "type_label": lambda: draw(_text),
        "abstracts": lambda: [
            {"value": t["value"] + "\n\n" + t["value"], **({"lang": t["lang"]} if "lang" in t else {})}
            for t in draw(_texts(max_size=2))
        ],
        "creators": lambda: [agent() for _ in range(draw(st.integers(1, 4)))],
        "contributors": lambda: [
            {"role": role, "agent": person()}
            for role in draw(
                st.lists(
                    st.sampled_from(["editor", "translator", "thesis_advisor", "contributor"]),
                    min_size=1,
                    max_size=3,
                )
            )
        ],
        "issued": lambda: draw(
            st.sampled_from([f"{day.year:04d}", f"{day.year:04d}-{day.month:02d}", day.isoformat()])
        ),
        "languages": lambda: draw(
            st.lists(
                st.sampled_from(["fr", "en", "de", "zh-Hant", "pt-BR"]), min_size=1, max_size=2, unique=True
            )
        ),
        "keywords": lambda: draw(_texts()),
        "subjects": lambda: [concept() for _ in range(draw(st.integers(1, 2)))],
        "disciplines": lambda: [concept() for _ in range(draw(st.integers(1, 2)))],
        "scope": concept,
        "source": lambda: draw(_text),
        "container": lambda: {
            "type": draw(st.sampled_from(["journal", "series", "book", "proceedings"])),
            "title": unique(draw(_text)),
            **draw(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "issn": _issns,
                        "eissn": _issns,
                        "issn_l": _issns.map(lambda v: {"scheme": "issn-l", "value": v}),
                        "isbn": st.integers(0, 10**9 - 1).map(_isbn13),
                        "iri": st.just("https://example.org/journal/x"),
                        "volume": st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True),
                        "issue": st.from_regex(r"[1-9][0-9]?", fullmatch=True),
                        "pages": st.sampled_from(["1-20", "123–145", "e1234"]),
                    },
                )
            ),
        },
        "collection": lambda: draw(
            st.sampled_from(
                [{"name": unique("Cairn.info")}, {"name": unique("HAL"), "iri": "https://hal.science/"}]
            )
        ),
        "organization": organization,
        "publisher": agent,
        "license": lambda: draw(
            st.sampled_from(
                [
                    {"iri": "https://creativecommons.org/licenses/by/4.0/"},
                    {"label": "Cairn"},
                    {"iri": "https://creativecommons.org/licenses/by-nc/4.0/", "label": "CC BY-NC 4.0"},
                ]
            )
        ),
        "landing_page": lambda: "https://example.org/notice/1",
        "citation": lambda: unique(draw(_text)),
        "identifiers": lambda: [{"scheme": "doi" if ids[1] == doi else "handle", "value": ids[1]}],
        "access_rights": lambda: draw(st.sampled_from(["open", "embargoed", "restricted", "closed"])),
        "relations": lambda: draw(relations()),
    }
    for key, make in optional.items():
        if draw(st.booleans()):
            notice[key] = make()
    if notice.get("creators") and draw(st.booleans()):
        notice["creators_et_al"] = True
    if notice.get("access_rights") == "embargoed" and draw(st.booleans()):
        notice["embargo_end"] = day.isoformat()
    return notice


# ------------------------------------------------------------------------------ comparison

_UNORDERED = {
    "titles",
    "abstracts",
    "keywords",
    "languages",
    "subjects",
    "disciplines",
    "identifiers",
    "contributors",
    "relations",
}


def canonical(data: Any, key: str = "") -> Any:
    """The JSON form with the lists RDF does not order sorted (creators keep their order)."""
    if isinstance(data, dict):
        return {k: canonical(v, k) for k, v in sorted(data.items())}
    if isinstance(data, list):
        items = [canonical(x) for x in data]
        if key in _UNORDERED or key == "labels" or key == "identifiers":
            items.sort(key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
        return items
    return data


def assert_round_trip(notice: Notice, config: Config | None = None) -> Notice:
    graph = map_notice(notice, config) if config else map_notice(notice)
    rebuilt = notice_from_graph(graph.triples, graph.iri, config)
    again = map_notice(rebuilt, config) if config else map_notice(rebuilt)
    assert again.triples == graph.triples, "mapping the rebuilt notice must give the same triples"
    return rebuilt


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(notices())
def test_every_field_survives_notice_rdf_notice(data: dict[str, Any]) -> None:
    notice = Notice.from_dict(data)
    rebuilt = assert_round_trip(notice)
    assert canonical(rebuilt.to_dict()) == canonical(notice.to_dict())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices())
def test_round_trip_with_a_document_iri_template_and_an_rdflib_graph(data: dict[str, Any]) -> None:
    config = Config(
        base_iri="https://data.example.org/", document_iri_template="https://isidore.science/document/{id}"
    )
    notice = Notice.from_dict(data)
    graph = map_notice(notice, config)
    rebuilt = notice_from_graph(to_rdflib([graph]), graph.iri, config)
    assert canonical(rebuilt.to_dict()) == canonical(notice.to_dict())


def test_every_example_round_trips() -> None:
    with EXAMPLES.open(encoding="utf-8") as fh:
        examples = [Notice.from_dict(json.loads(line)) for line in fh if line.strip()]
    assert len(examples) >= 23
    for notice in examples:
        rebuilt = assert_round_trip(notice)
        expected = notice.to_dict()
        if str(notice.id) == "10670/1.jt89mr":
            # the seed's citation is exactly the one the mapping generates: the RDF cannot say it was given
            assert rebuilt.citation is None
            expected.pop("citation")
        if str(notice.id) == "10670/1.ktwo1q":
            # the publisher is the creator (same ROR IRI) described with fewer identifiers: one node in RDF
            assert rebuilt.publisher == rebuilt.creators[0]
            expected["publisher"] = expected["creators"][0]
        assert canonical(rebuilt.to_dict()) == canonical(expected), notice.id


def test_creators_keep_their_order_and_et_al() -> None:
    names = [{"family": f"Auteur {i}"} for i in (3, 1, 2)]
    notice = Notice.from_dict(
        {"id": "10670/1.abcdef", "titles": [{"value": "T"}], "creators": names, "creators_et_al": True}
    )
    rebuilt = assert_round_trip(notice)
    assert [c.family for c in rebuilt.creators] == ["Auteur 3", "Auteur 1", "Auteur 2"]
    assert rebuilt.creators_et_al


def test_roles_sharing_a_person_are_told_apart() -> None:
    anne = {"family": "Dupont", "given": "Anne"}
    notice = Notice.from_dict(
        {
            "id": "10670/1.abcdef",
            "titles": [{"value": "T"}],
            "contributors": [
                {"role": "editor", "agent": anne},
                {"role": "contributor", "agent": anne},
                {"role": "thesis_advisor", "agent": {"family": "Martin"}},
            ],
        }
    )
    rebuilt = assert_round_trip(notice)
    assert sorted((c.role.value, c.agent.display_name) for c in rebuilt.contributors) == [
        ("contributor", "Anne Dupont"),
        ("editor", "Anne Dupont"),
        ("thesis_advisor", "Martin"),
    ]


def test_issn_l_equal_to_the_print_issn_is_kept() -> None:
    notice = Notice.from_dict(
        {
            "id": "10670/1.abcdef",
            "titles": [{"value": "T"}],
            "container": {
                "title": "Vie sociale",
                "iri": "https://example.org/vs",
                "issn": "1950-4667",
                "issn_l": {"scheme": "issn-l", "value": "1950-4667"},
            },
        }
    )
    rebuilt = assert_round_trip(notice)
    assert rebuilt.container == notice.container


def test_a_graph_without_the_notice_is_a_clear_error() -> None:
    graph = map_notice(Notice.from_dict({"id": "10670/1.abcdef", "titles": [{"value": "T"}]}))
    with pytest.raises(RecordError, match="says nothing about this document IRI"):
        notice_from_graph(graph.triples, "https://hdl.handle.net/10670/1.zzzzzz")
