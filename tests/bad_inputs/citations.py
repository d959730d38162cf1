"""Bad inputs of the reference-manager readers: BibTeX/BibLaTeX and RIS.

Unbalanced braces, duplicate fields, LaTeX the decoder does not know, RIS records without ``ER``
or ``TY``, Latin-1 bytes, control characters, huge values, 20,000 authors over the size limit,
files cut short or in UTF-16; values that only go to the residue keep their record.
"""

from __future__ import annotations

from typing import Any

from notice_ld.readers import InputFormat

from .case import Case, Rejected

__all__ = ["CASES"]

_TEN_MB = "mot " * 2_700_000

# BibTeX ------------------------------------------------------------------------------------------

_BIB_A = (
    "@article{good1,\n  title = {Les revues savantes},\n  author = {Doe, Jane and Roe, Richard},\n"
    "  doi = {10.1234/bib.good1},\n  year = {2020},\n  journal = {Revue},\n}\n\n"
)
_BIB_B = (
    "@book{good2,\n  title = {Un bon livre},\n  author = {Roe, Richard},\n  doi = {10.1234/bib.good2},\n"
    "  year = {2021},\n  publisher = {Presses},\n}\n"
)
_BIB_GOOD = ("10.1234/bib.good1", "10.1234/bib.good2")


def _bib(key: str, body: str) -> str:
    return f"@article{{{key},\n{body}}}\n\n"


def _bibtex(name: str, middle: str | bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    data = (
        _BIB_A.encode() + middle + _BIB_B.encode()
        if isinstance(middle, bytes)
        else (_BIB_A + middle + _BIB_B).encode("utf-8")
    )
    good = kw.pop("good", _BIB_GOOD)
    kw.setdefault("args", ("--from", "bibtex"))
    return Case(f"bibtex-{name}", ".bib", data, good, rejected, reader=InputFormat.BIBTEX, **kw)


BIBTEX_CASES = (
    _bibtex(
        "unbalanced-braces",
        _bib("bad1", "  title = {Un {titre,\n  doi = {10.1234/bib.bad1},\n"),
        (Rejected("bad1 (bibtex-unbalanced-braces.bib:9)"),),
        absent=("bib.bad1",),
    ),
    _bibtex(
        "extra-closing-brace",
        _bib("bad2", "  title = {Un} titre}},\n  doi = {10.1234/bib.bad2},\n"),
        (Rejected("bad2 (bibtex-extra-closing-brace.bib:9)"),),
        absent=("bib.bad2",),
    ),
    _bibtex(
        "duplicate-field",
        _bib("bad3", "  title = {A},\n  title = {B},\n  doi = {10.1234/bib.bad3},\n"),
        (Rejected("bad3 (bibtex-duplicate-field.bib:9)"),),
        absent=("bib.bad3",),
    ),
    _bibtex(
        "missing-equals",
        _bib("bad4", "  title {Sans signe égal},\n  doi = {10.1234/bib.bad4},\n"),
        (Rejected("bad4 (bibtex-missing-equals.bib:9)"),),
        absent=("bib.bad4",),
    ),
    _bibtex(
        "latin1-title",
        _bib("bad5", "  title = {Soci\xe9t\xe9},\n  doi = {10.1234/bib.bad5},\n").encode("latin-1"),
        (Rejected("bad5 (bibtex-latin1-title.bib:9)", "title"),),
        absent=("bib.bad5",),
    ),
    _bibtex(
        "malformed-doi",
        _bib("bad6", "  title = {DOI},\n  doi = {not a doi},\n"),
        (Rejected("bad6 (bibtex-malformed-doi.bib:9)"),),
    ),
    _bibtex(
        "control-character",
        _bib("bad7", "  title = {Nul\x00l},\n  doi = {10.1234/bib.bad7},\n"),
        (Rejected("bad7 (bibtex-control-character.bib:9)", "titles[0].value"),),
        absent=("bib.bad7",),
    ),
    _bibtex(
        "abstract-10mb",
        _bib("bad8", "  title = {Long},\n  abstract = {" + _TEN_MB + "},\n  doi = {10.1234/bib.bad8},\n"),
        (Rejected("bibtex-abstract-10mb.bib:9"),),
        absent=("bib.bad8",),
    ),
    _bibtex(
        "twenty-thousand-authors-over-limit",
        _bib(
            "bad9",
            "  title = {Many},\n  author = {"
            + " and ".join(f"Auteur{i}, A." for i in range(20_000))
            + "},\n  doi = {10.1234/bib.bad9},\n",
        ),
        (Rejected("bibtex-twenty-thousand-authors-over-limit.bib:9"),),
        args=("--from", "bibtex", "--max-record-bytes", "65536"),
        absent=("bib.bad9",),
    ),
    _bibtex(
        "latex-macros-and-bad-values-kept",
        "@string{rev = {Revue des macros}}\n@comment{ @article{fake, title={x}} }\n"
        '@preamble{"\\newcommand"}\n'
        + _bib(
            "kept1",
            "  title = {\\\"{E}t\\'{e} \\& {\\`a} \\textbf{gras} $x^2$ \\unknowncmd{z} "
            + "{" * 300
            + "x"
            + "}" * 300
            + '},\n  author = {M{\\"u}ller, J. and and and},\n  journal = rev,\n  year = {deux mille},\n'
            "  month = {13},\n  issn = {1234-567X},\n  doi = {10.1234/bib.kept1},\n"
            "  note = undefinedmacro,\n",
        )
        + "@weirdtype{kept2,\n  title = {Type inconnu},\n  doi = {10.1234/bib.kept2},\n}\n\n",
        (),
        good=(*_BIB_GOOD, "10.1234/bib.kept1", "10.1234/bib.kept2"),
    ),
    Case(
        "bibtex-cut-short",
        ".bib",
        (_BIB_A + _BIB_B + "\n@article{bad10,\n  title = {Coup").encode(),
        _BIB_GOOD,
        (Rejected("bad10 (bibtex-cut-short.bib:"),),
        reader=InputFormat.BIBTEX,
    ),
    Case(
        "bibtex-utf16-file",
        ".bib",
        (_BIB_A + _BIB_B).encode("utf-16"),
        (),
        (Rejected("bibtex-utf16-file.bib"),),
        args=("--from", "bibtex"),
        reader=InputFormat.BIBTEX,
        absent=_BIB_GOOD,
    ),
)

# RIS ---------------------------------------------------------------------------------------------

_RIS_A = (
    "TY  - JOUR\nTI  - Un bon article\nAU  - Doe, Jane\nDO  - 10.1234/ris.good1\nPY  - 2020\n"
    "JO  - Revue\nER  - \n\n"
)
_RIS_B = "TY  - BOOK\nTI  - Un bon livre\nAU  - Roe, Richard\nDO  - 10.1234/ris.good2\nPY  - 2021\nER  - \n"
_RIS_GOOD = ("10.1234/ris.good1", "10.1234/ris.good2")


def _ris(name: str, middle: str | bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    data = (
        _RIS_A.encode() + middle + _RIS_B.encode()
        if isinstance(middle, bytes)
        else (_RIS_A + middle + _RIS_B).encode("utf-8")
    )
    good = kw.pop("good", _RIS_GOOD)
    return Case(f"ris-{name}", ".ris", data, good, rejected, reader=InputFormat.RIS, **kw)


RIS_CASES = (
    _ris(
        "without-er",
        "TY  - JOUR\nTI  - Sans ER\nDO  - 10.1234/ris.kept1\nPY  - 2020\n\n",
        (),
        good=(*_RIS_GOOD, "10.1234/ris.kept1"),
        warns="the record has no 'ER  - ' line",
    ),
    _ris(
        "without-ty",
        "TI  - Sans TY\nDO  - 10.1234/ris.lost1\nER  - \n\n",
        (),
        warns="text outside any record was skipped",
        absent=("ris.lost1",),
    ),
    _ris(
        "latin1-title",
        "TY  - JOUR\nTI  - Soci\xe9t\xe9\nDO  - 10.1234/ris.bad1\nER  - \n\n".encode("latin-1"),
        (Rejected("10.1234/ris.bad1 (ris-latin1-title.ris:9)", "line 10"),),
        absent=("ris.bad1",),
    ),
    _ris(
        "malformed-doi",
        "TY  - JOUR\nTI  - DOI\nDO  - not a doi\nER  - \n\n",
        (Rejected("not a doi (ris-malformed-doi.ris:9)"),),
    ),
    _ris(
        "no-title",
        "TY  - JOUR\nDO  - 10.1234/ris.bad2\nPY  - 2020\nER  - \n\n",
        (Rejected("10.1234/ris.bad2 (ris-no-title.ris:9)", "titles"),),
        absent=("ris.bad2",),
    ),
    _ris(
        "control-character",
        "TY  - JOUR\nTI  - Nul\x00l\nDO  - 10.1234/ris.bad3\nER  - \n\n",
        (Rejected("10.1234/ris.bad3", "titles[0].value"),),
        absent=("ris.bad3",),
    ),
    _ris(
        "abstract-10mb",
        "TY  - JOUR\nTI  - Long\nAB  - " + _TEN_MB + "\nDO  - 10.1234/ris.bad4\nER  - \n\n",
        (Rejected("ris-abstract-10mb.ris:9"),),
        absent=("ris.bad4",),
    ),
    _ris(
        "twenty-thousand-authors-over-limit",
        "TY  - JOUR\nTI  - Many\n"
        + "".join(f"AU  - Auteur{i}, A.\n" for i in range(20_000))
        + "DO  - 10.1234/ris.bad5\nER  - \n\n",
        (Rejected("ris-twenty-thousand-authors-over-limit.ris:9"),),
        args=("--max-record-bytes", "65536"),
        absent=("ris.bad5",),
    ),
    _ris(
        "two-ty-lines",
        "TY  - JOUR\nTY  - BOOK\nTI  - Deux TY\nDO  - 10.1234/ris.kept2\nER  - \n\n",
        (Rejected("ris-two-ty-lines.ris:9"),),
        good=(*_RIS_GOOD, "10.1234/ris.kept2"),
    ),
    _ris(
        "bad-values-and-lines-kept",
        "TY  - ZZZZ\nTI  - Valeurs\nthis is not a tag line\nXX- broken\nDO  - 10.1234/ris.kept3\r\n"
        "PY  - 2020/13/45/\nDA  - yesterday\nSN  - 1234-567X\nAU  - ,,,\nLA  - klingon?\nER  - \n\n"
        "ER  - \n\n",
        (),
        good=(*_RIS_GOOD, "10.1234/ris.kept3"),
        warns="text outside any record was skipped",
    ),
    Case(
        "ris-cut-short",
        ".ris",
        (_RIS_A + _RIS_B + "\nTY  - JOUR\nTI  - Coupé\nDO  - 10.1234/ris.bad6").encode(),
        _RIS_GOOD,
        (Rejected("10.1234/ris.bad6 (ris-cut-short.ris:"),),
        reader=InputFormat.RIS,
        absent=("ris.bad6",),
    ),
    Case(
        "ris-utf16-file",
        ".ris",
        (_RIS_A + _RIS_B).encode("utf-16"),
        (),
        (Rejected("ris-utf16-file.ris"),),
        args=("--from", "ris"),
        reader=InputFormat.RIS,
        absent=_RIS_GOOD,
    ),
)

CASES: tuple[Case, ...] = (*BIBTEX_CASES, *RIS_CASES)
