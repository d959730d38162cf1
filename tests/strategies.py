"""Hypothesis strategies for notices (valid ones), shared by property tests.

``notices()`` draws notice dicts in the JSON form covering every field, with awkward text
(accents, quotes, backslashes, non-Latin scripts, typographic spaces), and valid identifiers
(check digits computed, never guessed).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# text that survives the model's cleaning unchanged: no control characters, no leading/trailing
# or repeated ordinary spaces
_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S"),
    include_characters=" \u00a0\u202f\"'\\<>&{}#%_",
    exclude_characters="\u2028\u2029",
)
text = st.text(_ALPHABET, min_size=1, max_size=40).map(lambda s: " ".join(s.split())).filter(bool)
langs = st.sampled_from([None, "fr", "en", "de", "es", "zh-Hant", "ar", "el"])


def _orcid(body: int) -> str:
    digits = f"{body:015d}"
    total = 0
    for ch in digits:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    full = digits + ("X" if check == 10 else str(check))
    return "-".join(full[i : i + 4] for i in range(0, 16, 4))


def _issn(body: int) -> str:
    digits = f"{body:07d}"
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return f"{digits[:4]}-{digits[4:]}{'X' if check == 10 else check}"


orcids = st.integers(1_000_000_000, 3_999_999_999).map(lambda n: _orcid(n))
issns = st.integers(0, 9_999_999).map(_issn)
handles = st.from_regex(r"10670/1\.[a-z0-9]{6}", fullmatch=True)
dois = st.from_regex(r"10\.[1-9][0-9]{3,4}/[a-z0-9][a-z0-9.\-]{0,20}", fullmatch=True)


@st.composite
def texts(draw: st.DrawFn, max_size: int = 3) -> list[dict[str, Any]]:
    items = draw(st.lists(st.tuples(text, langs), min_size=1, max_size=max_size))
    return [{"value": v} if lang is None else {"value": v, "lang": lang} for v, lang in items]


@st.composite
def persons(draw: st.DrawFn) -> dict[str, Any]:
    person: dict[str, Any] = {"family": draw(text)}
    if draw(st.booleans()):
        person["given"] = draw(text)
    if draw(st.booleans()):
        person["identifiers"] = [{"scheme": "orcid", "value": draw(orcids)}]
    return person


@st.composite
def organizations(draw: st.DrawFn) -> dict[str, Any]:
    return {"type": "organization", "name": draw(text)}


agents = st.one_of(persons(), organizations())


@st.composite
def concepts(draw: st.DrawFn) -> dict[str, Any]:
    concept: dict[str, Any] = {"labels": draw(texts(max_size=2))}
    if draw(st.booleans()):
        concept["iri"] = "http://aurehal.archives-ouvertes.fr/subject/shs." + draw(
            st.from_regex(r"[a-z]{3,8}", fullmatch=True)
        )
    return concept


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(st.dates())
    return draw(st.sampled_from([f"{day.year:04d}", f"{day.year:04d}-{day.month:02d}", day.isoformat()]))


access_rights = st.sampled_from(["open", "embargoed", "restricted", "closed"])
relation_types = st.sampled_from(
    [
        "is_version_of",
        "has_version",
        "is_part_of",
        "has_part",
        "references",
        "is_referenced_by",
        "is_format_of",
        "has_format",
        "replaces",
        "is_replaced_by",
        "is_supplement_to",
        "is_supplemented_by",
        "related",
    ]
)
# related resources: never the notice's own identifiers (10670/1.… Handles, 10.NNNN/… DOIs drawn
# above use other prefixes than these) nor its container
related_identifiers = st.one_of(
    st.integers(1, 10**7).map(lambda n: {"scheme": "doi", "value": f"10.5281/zenodo.{n}"}),
    st.integers(1, 10**7).map(lambda n: f"https://hal.science/hal-{n:08d}"),
    st.integers(1, 10**7).map(lambda n: {"scheme": "url", "value": f"https://example.org/related/{n}"}),
    st.from_regex(r"20\.500\.12345/[a-z0-9]{4}", fullmatch=True).map(
        lambda h: {"scheme": "handle", "value": h}
    ),
)


@st.composite
def relations(draw: st.DrawFn) -> list[dict[str, Any]]:
    """1 to 3 relations (a type and a related resource's identifier)."""
    items = draw(st.lists(st.tuples(relation_types, related_identifiers), min_size=1, max_size=3))
    return [{"type": kind, "identifier": identifier} for kind, identifier in items]


@st.composite
def notices(draw: st.DrawFn) -> dict[str, Any]:
    notice: dict[str, Any] = {
        "id": draw(st.one_of(handles, dois)),
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
        "titles": draw(texts()),
    }
    optional: dict[str, Any] = {
        "abstracts": texts(max_size=2),
        "creators": st.lists(agents, min_size=1, max_size=4),
        "issued": dates(),
        "languages": st.lists(
            st.sampled_from(["fr", "en", "de", "zh-Hant"]), min_size=1, max_size=2, unique=True
        ),
        "keywords": texts(),
        "subjects": st.lists(concepts(), min_size=1, max_size=2),
        "disciplines": st.lists(concepts(), min_size=1, max_size=2),
        "source": text,
        "container": st.fixed_dictionaries(
            {"type": st.sampled_from(["journal", "series", "book", "proceedings"]), "title": text},
            optional={
                "issn": issns,
                "volume": st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True),
                "issue": st.from_regex(r"[1-9][0-9]?", fullmatch=True),
                "pages": st.sampled_from(["1-20", "123-145", "e1234"]),
            },
        ),
        "collection": st.fixed_dictionaries({"name": text}),
        "organization": organizations(),
        "publisher": agents,
        "license": st.one_of(
            st.just({"iri": "https://creativecommons.org/licenses/by/4.0/"}),
            st.fixed_dictionaries({"label": text}),
        ),
        "landing_page": st.just("https://example.org/notice/1"),
        "citation": text,
        "identifiers": st.lists(dois.map(lambda d: {"scheme": "doi", "value": d}), max_size=1),
        "access_rights": access_rights,
        "relations": relations(),
        "contributors": st.lists(
            st.fixed_dictionaries(
                {
                    "role": st.sampled_from(["editor", "translator", "thesis_advisor", "contributor"]),
                    "agent": persons(),
                }
            ),
            max_size=2,
        ),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            notice[key] = draw(strategy)
    if notice.get("creators") and draw(st.booleans()):
        notice["creators_et_al"] = True
    if notice.get("access_rights") == "embargoed" and draw(st.booleans()):
        notice["embargo_end"] = draw(dates())
    return notice
