"""The specs of standard numbers of serials and books: ISSN, ISSN-L, ISBN.

>>> ISSN.examine("issn 1050-124x").canonical, ISBN.iri("978-2-07-036024-6")
('1050-124X', 'urn:isbn:9782070360246')
"""

from __future__ import annotations

import re

from notice_ld.identifiers._checkdigits import isbn_check, isbn_hyphenated, issn_check
from notice_ld.identifiers._parts import CheckDigit, Matches, Resolver, Shape, UrlForm
from notice_ld.identifiers._spec import SchemeSpec
from notice_ld.identifiers._text import compact_upper

_I = re.IGNORECASE

_ISSN_RE = re.compile(r"^(\d{4})-?(\d{3})([\dX])$")
_ISSN_LABEL = re.compile(r"^(?:urn:issn:|e-?issn\s*[:=]?\s*|p-?issn\s*[:=]?\s*|issn\s*[:=]?\s*)", _I)
_ISSN_L_LABEL = re.compile(r"^(?:issn-?l\s*[:=]?\s*|linking\s+issn\s*[:=]?\s*)", _I)


def _issn_normalise(value: str) -> str:
    """Uppercase, written ``NNNN-NNNC`` when it has the shape of an ISSN.

    >>> _issn_normalise("1050124x"), _issn_normalise("1050 124x")
    ('1050-124X', '1050 124X')
    """
    upper = value.upper()
    match = _ISSN_RE.match(upper)
    return f"{match.group(1)}-{match.group(2)}{match.group(3)}" if match else upper


def _issn_spec(
    name: str, label: str, prefix: re.Pattern[str], marker: re.Pattern[str], shape: Shape | None
) -> SchemeSpec:
    """The spec of the ISSN or of the ISSN-L: same rules; own label, labels, resolver path and shape.

    >>> _issn_spec("issn-l", "ISSN-L", _ISSN_L_LABEL, _ISSN_L_LABEL, None).iri("0317-8471")
    'https://portal.issn.org/resource/ISSN-L/0317-8471'
    """
    return SchemeSpec(
        name=name,
        label=label,
        article="an",
        fix=(
            f"check the {label} on https://portal.issn.org; it has 8 characters written NNNN-NNNC, "
            "the last one a check digit (0-9 or X)"
        ),
        resolver=Resolver(f"https://portal.issn.org/resource/{label}/"),
        urls=(UrlForm(("portal.issn.org",), path=f"resource/{label}/"),),
        prefix=prefix,
        normalise=_issn_normalise,
        rules=(Matches(_ISSN_RE, f"is not an {label}: an {label} is 8 characters, NNNN-NNNC"),),
        check=CheckDigit(issn_check),
        marker=marker,
        shape=shape,
    )


ISSN_L = _issn_spec("issn-l", "ISSN-L", _ISSN_L_LABEL, _ISSN_L_LABEL, None)
ISSN = _issn_spec(
    "issn",
    "ISSN",
    _ISSN_LABEL,
    re.compile(r"^(?:urn:issn:|[ep]-?issn\b|issn\b)", _I),
    Shape(re.compile(r"^\d{4}-\d{3}[\dXx]$")),
)


def _isbn_shaped(text: str) -> bool:
    """10 digits, or 13 starting with 978/979, once single spaces and hyphens are removed.

    >>> _isbn_shaped("2-07-036024-5"), _isbn_shaped("2--07-036024-5"), _isbn_shaped("1234567890123")
    (True, False, False)
    """
    if "  " in text or "--" in text:
        return False
    compact = re.sub(r"[ -]", "", text)
    return len(compact) == 10 or (len(compact) == 13 and compact[:3] in {"978", "979"})


ISBN = SchemeSpec(
    name="isbn",
    label="ISBN",
    article="an",
    fix=(
        "check the ISBN on the book or in a library catalogue; it has 10 or 13 digits, the last a check digit"
    ),
    resolver=Resolver("urn:isbn:", drop="-"),
    prefix=re.compile(r"^(?:urn:isbn:|isbn(?:-?1[03]|\s1[03](?=\s*:))?\s*[:=]?\s*)", _I),
    normalise=compact_upper,
    rules=(
        Matches(
            re.compile(r"(?:\d{9}[\dX]|\d{13})\Z"),
            "an ISBN has 10 or 13 digits (the ISBN-10 may end with X), found {length} characters",
        ),
        Matches(re.compile(r"97[89]|.{10}\Z"), "an ISBN-13 starts with 978 or 979"),
    ),
    check=CheckDigit(isbn_check, names=((10, "ISBN-10"), (13, "ISBN-13"))),
    canonical=isbn_hyphenated,
    marker=re.compile(r"^urn:isbn:|^isbn(?:\b|1[03])", _I),
    shape=Shape(re.compile(r"^\d[\d -]{8,15}[\dXx]$"), accept=_isbn_shaped),
)
