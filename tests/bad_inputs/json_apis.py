"""Bad inputs of the JSON readers of the scholarly APIs: Crossref, OpenAlex, CSL-JSON, DataCite, HAL.

Each case puts a broken record between good ones (JSON Lines, an API page, an array); values a
reader cannot use but that do not stop a record (a date that does not exist, a bad ISSN, an
unknown type) go to the residue and the record is kept: those cases list it among the good ones.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

from notice_ld.readers import InputFormat

from .case import Case, Rejected, jsonl

__all__ = ["CASES"]

CROSSREF, OPENALEX, CSL, DATACITE, HAL = (
    InputFormat.CROSSREF,
    InputFormat.OPENALEX,
    InputFormat.CSL_JSON,
    InputFormat.DATACITE,
    InputFormat.HAL,
)
_HUGE = "9" * 5000
_DEEP = "[" * 3000 + "]" * 3000


def _raw(record: dict[str, Any], **raw: str) -> bytes:
    """``record`` as a JSON line with ``raw`` keys whose values are written as is (not JSON)."""
    text = json.dumps(record, ensure_ascii=False)[:-1]
    return (text + "".join(f', "{k}": {v}' for k, v in raw.items()) + "}\n").encode("utf-8")


def _latin1(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("latin-1") + b"\n"


# Crossref ----------------------------------------------------------------------------------------


def _cr(doi: str, **fields: Any) -> dict[str, Any]:
    return {
        "DOI": doi,
        "type": "journal-article",
        "title": ["Les revues savantes"],
        "issued": {"date-parts": [[2020, 3, 1]]},
        "author": [{"given": "Ada", "family": "Lovelace", "sequence": "first"}],
        "container-title": ["Revue française"],
        **fields,
    }


_CR_GOOD = ("10.1234/cr.good1", "10.1234/cr.good2")
_CR_A, _CR_B = _cr(_CR_GOOD[0]), _cr(_CR_GOOD[1])


def _crossref(name: str, data: bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    suffix = kw.pop("suffix", ".jsonl")
    good = kw.pop("good", _CR_GOOD)
    return Case(f"crossref-{name}", suffix, data, good, rejected, reader=CROSSREF, **kw)


_CR_PAGE = {
    "status": "ok",
    "message-type": "work-list",
    "message": {"items": [_CR_A, "a string", None, _cr("10.1234/cr.bad5", title=[]), _CR_B]},
}
_CR_MANY = b"".join(json.dumps(_cr(f"10.1234/cr.gz{i}")).encode() + b"\n" for i in range(40))
_CR_GZ = gzip.compress(_CR_MANY, mtime=0)

CROSSREF_CASES = (
    _crossref(
        "truncated-line",
        jsonl(_CR_A, b'{"DOI": "10.1234/cr.bad1", "title": ["cut\n', _CR_B),
        (Rejected("crossref-truncated-line.jsonl:2"),),
        args=("--from", "crossref"),
    ),
    _crossref(
        "latin1-title",
        jsonl(_CR_A, _latin1(_cr("10.1234/cr.bad2", title=["Société"])), _CR_B),
        (Rejected("10.1234/cr.bad2", "title[0]"),),
        absent=("cr.bad2",),
    ),
    _crossref(
        "no-title",
        jsonl(_CR_A, _cr("10.1234/cr.bad3", title=[]), _CR_B),
        (Rejected("10.1234/cr.bad3", "title"),),
        absent=("cr.bad3",),
    ),
    _crossref(
        "malformed-doi",
        jsonl(_CR_A, _cr("doi:not a doi at all"), _CR_B),
        (Rejected("not a doi at all (crossref-malformed-doi.jsonl:2)"),),
    ),
    _crossref(
        "huge-integer",
        jsonl(_CR_A, _raw(_cr("10.1234/cr.bad4"), volume=_HUGE), _CR_B),
        (Rejected("10.1234/cr.bad4", "volume"),),
        absent=("cr.bad4",),
    ),
    _crossref(
        "deep-nesting",
        jsonl(_CR_A, _raw(_cr("10.1234/cr.bad6"), subtitle=_DEEP), _CR_B),
        (Rejected("10.1234/cr.bad6", "subtitle[0]"),),
        absent=("cr.bad6",),
    ),
    _crossref(
        "api-error-between-works",
        jsonl(
            _CR_A,
            {"status": "failed", "message-type": "validation-failure", "message": [{"type": "x"}]},
            _CR_B,
        ),
        (Rejected("crossref-api-error-between-works.jsonl:2"),),
    ),
    _crossref(
        "page-with-bad-items",
        json.dumps(_CR_PAGE, indent=1).encode(),
        (
            Rejected("crossref-page-with-bad-items.json[1]"),
            Rejected("crossref-page-with-bad-items.json[2]"),
            Rejected("10.1234/cr.bad5", "title"),
        ),
        suffix=".json",
        absent=("cr.bad5",),
    ),
    _crossref(
        "page-cut-short",
        json.dumps(_CR_PAGE, indent=1).encode()[:-120],
        (
            Rejected("crossref-page-cut-short.json[1]"),
            Rejected("crossref-page-cut-short.json[2]"),
            Rejected("10.1234/cr.bad5", "title"),
            Rejected("crossref-page-cut-short.json"),
        ),
        suffix=".json",
        good=_CR_GOOD[:1],
        absent=("cr.bad5",),
    ),
    _crossref(
        "abstract-10mb",
        jsonl(_CR_A, _cr("10.1234/cr.bad7", abstract="<jats:p>" + "mot " * 2_700_000 + "</jats:p>"), _CR_B),
        (Rejected("crossref-abstract-10mb.jsonl:2"),),
        absent=("cr.bad7",),
    ),
    _crossref(
        "bad-values-to-residue",
        jsonl(
            _CR_A,
            _cr(
                "10.1234/cr.kept1",
                issued={"date-parts": [[2020, 13, 45]]},
                ISSN=["1234-567X"],
                type="weird-thing",
                author=[{"family": "Nul\u0000l", "ORCID": "https://orcid.org/0000-0000-0000-0000"}],
            ),
            _CR_B,
        ),
        (),
        good=(*_CR_GOOD, "10.1234/cr.kept1"),
    ),
    _crossref(
        "gzip-cut-short",
        _CR_GZ[:-40],
        (Rejected("crossref-gzip-cut-short.jsonl.gz"), Rejected("crossref-gzip-cut-short.jsonl.gz:")),
        suffix=".jsonl.gz",
        good=tuple(f"10.1234/cr.gz{i}" for i in range(29)),  # the 30th is cut
    ),
)

# OpenAlex ----------------------------------------------------------------------------------------


def _oa(n: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": f"https://openalex.org/W{abs(hash(n)) % 10**9}",
        "doi": f"https://doi.org/10.1234/oa.{n}",
        "title": "Villes en transition",
        "publication_year": 2019,
        "type": "article",
        "authorships": [{"author": {"display_name": "Anne Leroy"}, "institutions": []}],
        **fields,
    }


_OA_GOOD = ("10.1234/oa.good1", "10.1234/oa.good2")
_OA_A, _OA_B = _oa("good1"), _oa("good2")


def _openalex(name: str, data: bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    suffix = kw.pop("suffix", ".jsonl")
    good = kw.pop("good", _OA_GOOD)
    return Case(f"openalex-{name}", suffix, data, good, rejected, reader=OPENALEX, **kw)


def _oa_page(*results: Any) -> bytes:
    return json.dumps({"meta": {"count": len(results), "page": 1}, "results": list(results)}).encode()


OPENALEX_CASES = (
    _openalex(
        "no-title",
        jsonl(_OA_A, _oa("bad1", title=None, display_name=None), _OA_B),
        (Rejected("10.1234/oa.bad1", "title"),),
        absent=("oa.bad1",),
    ),
    _openalex(
        "no-id",
        jsonl(_OA_A, {"title": "Sans identifiant", "type": "article", "publication_year": 2020}, _OA_B),
        (Rejected("openalex-no-id.jsonl:2"),),
    ),
    _openalex(
        "latin1-title",
        jsonl(_OA_A, _latin1(_oa("bad2", title="Économie")), _OA_B),
        (Rejected("10.1234/oa.bad2", "title"),),
        absent=("oa.bad2",),
    ),
    _openalex(
        "huge-integer",
        jsonl(_OA_A, _raw(_oa("bad3"), cited_by_count=_HUGE), _OA_B),
        (Rejected("10.1234/oa.bad3", "cited_by_count"),),
        absent=("oa.bad3",),
    ),
    _openalex(
        "deep-nesting-in-page",
        b'{"meta": {}, "results": ['
        + json.dumps(_OA_A).encode()
        + b","
        + _raw(_oa("bad4"), concepts=_DEEP).rstrip(b"\n")
        + b","
        + json.dumps(_OA_B).encode()
        + b"]}",
        (Rejected("10.1234/oa.bad4 (openalex-deep-nesting-in-page.json:1[1])", "concepts"),),
        suffix=".json",
        absent=("oa.bad4",),
    ),
    _openalex(
        "page-cut-short",
        _oa_page(_OA_A, _OA_B, _oa("bad5"))[:-60],
        (Rejected("openalex-page-cut-short.json"),),
        suffix=".json",
        absent=("oa.bad5",),
    ),
    _openalex(
        "broken-inverted-index",
        jsonl(
            _OA_A,
            _oa("kept1", abstract_inverted_index={"mots": ["zéro"], "en": [-3, 10**6]}, authorships="x"),
            _OA_B,
        ),
        (),
        good=(*_OA_GOOD, "10.1234/oa.kept1"),
    ),
    _openalex(
        "malformed-doi",
        jsonl(_OA_A, _oa("x", doi="https://doi.org/not-a-doi", id="not an openalex id"), _OA_B),
        (Rejected("openalex-malformed-doi.jsonl:2"),),
    ),
    _openalex(
        "api-error",
        jsonl(_OA_A, {"error": "Invalid query parameters error.", "message": "bad filter"}, _OA_B),
        (Rejected("openalex-api-error.jsonl:2"),),
    ),
    _openalex(
        "twenty-thousand-authors-over-limit",
        jsonl(
            _OA_A,
            _oa("bad6", authorships=[{"author": {"display_name": f"Auteur {i}"}} for i in range(20_000)]),
            _OA_B,
        ),
        (Rejected("openalex-twenty-thousand-authors-over-limit.jsonl:2"),),
        args=("--max-record-bytes", "100000"),
        absent=("oa.bad6",),
    ),
)

# CSL-JSON ----------------------------------------------------------------------------------------


def _csl(n: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": f"10.1234/csl.{n}",
        "type": "article-journal",
        "title": "Habiter la ville dense",
        "DOI": f"10.1234/csl.{n}",
        "issued": {"date-parts": [[2021, 6, 1]]},
        "author": [{"family": "Dupont", "given": "Claire"}],
        **fields,
    }


_CSL_GOOD = ("10.1234/csl.good1", "10.1234/csl.good2")
_CSL_A, _CSL_B = _csl("good1"), _csl("good2")


def _csl_case(name: str, data: bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    suffix = kw.pop("suffix", ".json")
    good = kw.pop("good", _CSL_GOOD)
    kw.setdefault("args", ("--from", "csl-json"))
    return Case(f"csl-{name}", suffix, data, good, rejected, reader=CSL, **kw)


def _csl_array(*items: bytes | dict[str, Any]) -> bytes:
    return (
        b"[\n"
        + b",\n".join(
            i if isinstance(i, bytes) else json.dumps(i, ensure_ascii=False).encode() for i in items
        )
        + b"\n]\n"
    )


CSL_CASES = (
    _csl_case(
        "non-object-items",
        _csl_array(_CSL_A, b"42", b'"key"', b"null", _CSL_B),
        (Rejected("csl-non-object-items.json[1]"), Rejected("[2]"), Rejected("[3]")),
    ),
    _csl_case(
        "no-title",
        _csl_array(_CSL_A, _csl("bad1", title=""), _CSL_B),
        (Rejected("10.1234/csl.bad1", "title"),),
        absent=("csl.bad1",),
    ),
    _csl_case(
        "latin1-author",
        _csl_array(_CSL_A, _latin1(_csl("bad2", author=[{"family": "Lefèvre"}])).rstrip(b"\n"), _CSL_B),
        (Rejected("10.1234/csl.bad2", "author[0].family"),),
        absent=("csl.bad2",),
    ),
    _csl_case(
        "array-cut-short",
        _csl_array(_CSL_A, _CSL_B, _csl("bad3"))[:-40],
        (Rejected("csl-array-cut-short.json[2]"),),
        absent=("csl.bad3",),
    ),
    _csl_case(
        "huge-integer-issue",
        _csl_array(_CSL_A, _raw(_csl("bad4"), issue=_HUGE).rstrip(b"\n"), _CSL_B),
        (Rejected("csl-huge-integer-issue.json[1]"),),
        absent=("csl.bad4",),
    ),
    _csl_case(
        "deep-nesting",
        jsonl(_CSL_A, _raw(_csl("bad5"), note=_DEEP), _CSL_B),
        (Rejected("10.1234/csl.bad5", "note"),),
        suffix=".jsonl",
        absent=("csl.bad5",),
    ),
    _csl_case(
        "no-identifier",
        jsonl(_CSL_A, {"id": "key-only", "type": "book", "title": "Sans DOI"}, _CSL_B),
        (Rejected("csl-no-identifier.jsonl:2"),),
        suffix=".jsonl",
    ),
    _csl_case(
        "bad-dates-and-names-kept",
        jsonl(
            _CSL_A,
            _csl(
                "kept1",
                issued={"date-parts": [["deux mille", 13]]},
                author="Dupont",
                editor=[{"given": ""}, 7],
                ISSN="1234-567",
                type="no-such-type",
            ),
            _CSL_B,
        ),
        (),
        suffix=".jsonl",
        good=(*_CSL_GOOD, "10.1234/csl.kept1"),
    ),
    _csl_case(
        "lone-surrogate",
        jsonl(_CSL_A, b'{"id": "b", "DOI": "10.1234/csl.bad6", "title": "x\\udc80y"}\n', _CSL_B),
        (Rejected("10.1234/csl.bad6", "titles[0].value"),),
        suffix=".jsonl",
        absent=("csl.bad6",),
    ),
    _csl_case(
        "bom-and-crlf",
        b"\xef\xbb\xbf" + _csl_array(_CSL_A, _CSL_B).replace(b"\n", b"\r\n"),
        (),
    ),
)

# DataCite REST JSON ------------------------------------------------------------------------------


def _dc_attrs(n: str, **fields: Any) -> dict[str, Any]:
    return {
        "doi": f"10.1234/dc.{n}",
        "titles": [{"title": "Mosquito counts in Senegal"}],
        "creators": [{"name": "Ndiaye, Awa", "nameType": "Personal"}],
        "publisher": "Dryad",
        "publicationYear": 2019,
        "types": {"resourceTypeGeneral": "Dataset"},
        **fields,
    }


def _dc(n: str, **fields: Any) -> dict[str, Any]:
    return {"id": f"10.1234/dc.{n}", "type": "dois", "attributes": _dc_attrs(n, **fields)}


_DC_GOOD = ("10.1234/dc.good1", "10.1234/dc.good2")
_DC_A, _DC_B = _dc("good1"), _dc("good2")


def _datacite(name: str, data: bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    suffix = kw.pop("suffix", ".json")
    good = kw.pop("good", _DC_GOOD)
    return Case(f"datacite-{name}", suffix, data, good, rejected, reader=DATACITE, **kw)


def _dc_page(*items: Any) -> bytes:
    return json.dumps({"data": list(items), "meta": {"total": len(items)}}, ensure_ascii=False).encode()


DATACITE_CASES = (
    _datacite(
        "no-title",
        _dc_page(_DC_A, _dc("bad1", titles=[]), _DC_B),
        (Rejected("10.1234/dc.bad1", "titles"),),
        absent=("dc.bad1",),
    ),
    _datacite(
        "attributes-not-object",
        _dc_page(_DC_A, {"id": "10.1234/dc.bad2", "type": "dois", "attributes": ["x"]}, _DC_B),
        (Rejected("10.1234/dc.bad2 (datacite-attributes-not-object.json:1[1])", "attributes"),),
        absent=("dc.bad2",),
    ),
    _datacite(
        "latin1-creator",
        jsonl(
            {"data": _DC_A},
            _latin1({"data": _dc("bad3", creators=[{"name": "Lefèvre, Zoé"}])}),
            {"data": _DC_B},
        ),
        (Rejected("10.1234/dc.bad3", "creators[0].name"),),
        suffix=".jsonl",
        absent=("dc.bad3",),
    ),
    _datacite(
        "huge-integer-year",
        jsonl(
            {"data": _DC_A},
            b'{"data": {"id": "10.1234/dc.bad4", "attributes": {"doi": "10.1234/dc.bad4", '
            b'"titles": [{"title": "T"}], "publicationYear": ' + _HUGE.encode() + b"}}}\n",
            {"data": _DC_B},
        ),
        (Rejected("10.1234/dc.bad4", "publicationYear"),),
        suffix=".jsonl",
        absent=("dc.bad4",),
    ),
    _datacite(
        "no-doi",
        _dc_page(_DC_A, {"type": "dois", "attributes": {"titles": [{"title": "Sans DOI"}]}}, _DC_B),
        (Rejected("datacite-no-doi.json:1[1]", "doi"),),
    ),
    _datacite(
        "api-errors-line",
        jsonl({"data": _DC_A}, {"errors": [{"status": "404", "title": "Not found"}]}, {"data": _DC_B}),
        (Rejected("datacite-api-errors-line.jsonl:2"),),
        suffix=".jsonl",
    ),
    _datacite(
        "page-cut-short",
        _dc_page(_DC_A, _DC_B, _dc("bad5"))[:-50],
        (Rejected("datacite-page-cut-short.json"),),
        absent=("dc.bad5",),
    ),
    _datacite(
        "bad-values-kept",
        _dc_page(
            _DC_A,
            _dc(
                "kept1",
                publicationYear="MMXIX",
                dates=[{"date": "2019-02-30", "dateType": "Issued"}, {"date": 7}],
                types={"resourceTypeGeneral": "Nonsense"},
                creators=[
                    {"name": "X", "nameIdentifiers": [{"nameIdentifier": "0000-0000-0000-0001"}]},
                    {
                        "name": "Y",
                        "nameIdentifiers": [{"nameIdentifierScheme": "ORCID", "nameIdentifier": "x"}],
                    },
                ],
                rightsList=[{"rightsUri": "not a uri"}],
                relatedIdentifiers="x",
            ),
            _DC_B,
        ),
        (),
        good=(*_DC_GOOD, "10.1234/dc.kept1"),
    ),
    _datacite(
        "deep-nesting",
        jsonl(
            {"data": _DC_A},
            b'{"data": {"id": "10.1234/dc.bad6", "attributes": {"doi": "10.1234/dc.bad6", '
            b'"titles": ' + _DEEP.encode() + b"}}}\n",
            {"data": _DC_B},
        ),
        (Rejected("10.1234/dc.bad6", "titles"),),
        suffix=".jsonl",
        absent=("dc.bad6",),
    ),
    _datacite(
        "malformed-doi",
        _dc_page(_DC_A, {"id": "nope", "type": "dois", "attributes": _dc_attrs("x", doi="nope")}, _DC_B),
        (Rejected("nope"),),
    ),
)

# HAL search API ----------------------------------------------------------------------------------


def _hal(n: int, **fields: Any) -> dict[str, Any]:
    return {
        "halId_s": f"halshs-0310{n:04d}",
        "docType_s": "ART",
        "title_s": ["Les revues savantes face à l'accès ouvert"],
        "authFullName_s": ["Claire Fontaine", "Marc Leroy"],
        "publicationDate_s": "2021-03",
        "journalTitle_s": "Revue française",
        **fields,
    }


_HAL_GOOD = ("halshs-03100001", "halshs-03100002")
_HAL_A, _HAL_B = _hal(1), _hal(2)


def _hal_case(name: str, data: bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    suffix = kw.pop("suffix", ".json")
    good = kw.pop("good", _HAL_GOOD)
    kw.setdefault("args", ("--from", "hal"))
    return Case(f"hal-{name}", suffix, data, good, rejected, reader=HAL, **kw)


def _hal_response(*docs: Any) -> bytes:
    response = {"numFound": len(docs), "start": 0, "docs": list(docs)}
    return json.dumps({"responseHeader": {"status": 0}, "response": response}, ensure_ascii=False).encode()


HAL_CASES = (
    _hal_case(
        "no-identifier",
        _hal_response(_HAL_A, {"docid": "9", "docType_s": "ART", "title_s": ["Sans identifiant"]}, _HAL_B),
        (Rejected("hal-no-identifier.json:1[1]", "halId_s"),),
    ),
    _hal_case(
        "no-title",
        _hal_response(_HAL_A, _hal(90, title_s=[]), _HAL_B),
        (Rejected("halshs-03100090", "title_s"),),
        absent=("halshs-03100090",),
    ),
    _hal_case(
        "latin1-title",
        jsonl(_HAL_A, _latin1(_hal(91, title_s=["Société"])), _HAL_B),
        (Rejected("halshs-03100091", "title_s[0]"),),
        suffix=".jsonl",
        absent=("halshs-03100091",),
    ),
    _hal_case(
        "huge-integer",
        jsonl(_HAL_A, _raw(_hal(92), docid=_HUGE), _HAL_B),
        (Rejected("halshs-03100092", "docid"),),
        suffix=".jsonl",
        absent=("halshs-03100092",),
    ),
    _hal_case(
        "truncated-line",
        jsonl(_HAL_A, b'{"halId_s": "halshs-03100093", "title_s": ["cut\n', _HAL_B),
        (Rejected("hal-truncated-line.jsonl:2"),),
        suffix=".jsonl",
        absent=("halshs-03100093",),
    ),
    _hal_case(
        "api-error-response",
        jsonl(
            {"response": {"docs": [_HAL_A]}},
            {"error": {"msg": "undefined field foo_s", "code": 400}},
            {"response": {"docs": [_HAL_B]}},
        ),
        (Rejected("hal-api-error-response.jsonl:2"),),
        suffix=".jsonl",
    ),
    _hal_case(
        "misaligned-author-lists",
        _hal_response(
            _HAL_A,
            _hal(
                94,
                authFullName_s=["A B", "C D"],
                authIdHal_s=["a-b", "c-d", "e-f"],
                authORCIDIdExt_s=["0000-0000-0000-0000", "xx"],
                authQuality_s=["aut"],
                publicationDate_s="2021-02-30",
                docType_s="NOPE",
                issn_s=["1234-567"],
            ),
            _HAL_B,
        ),
        (),
        good=(*_HAL_GOOD, "halshs-03100094"),
    ),
    _hal_case(
        "deep-nesting",
        jsonl(_HAL_A, _raw(_hal(95), structure_s=_DEEP), _HAL_B),
        (Rejected("halshs-03100095", "structure_s"),),
        suffix=".jsonl",
        absent=("halshs-03100095",),
    ),
    _hal_case(
        "response-cut-short",
        _hal_response(_HAL_A, _HAL_B, _hal(96))[:-80],
        (Rejected("hal-response-cut-short.json"),),
        absent=("halshs-03100096",),
    ),
    _hal_case(
        "docs-not-objects",
        _hal_response(_HAL_A, ["halshs-1"], 3.5, _HAL_B),
        (Rejected("hal-docs-not-objects.json:1[1]"), Rejected("hal-docs-not-objects.json:1[2]")),
    ),
)

CASES: tuple[Case, ...] = (*CROSSREF_CASES, *OPENALEX_CASES, *CSL_CASES, *DATACITE_CASES, *HAL_CASES)
