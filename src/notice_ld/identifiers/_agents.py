"""The specs of identifiers of people and organisations: ORCID, ISNI, IdRef, ROR.

>>> ORCID.examine("https://orcid.org/0000-0002-1825-0097").canonical, ISNI.iri("0000000121032683")
('0000-0002-1825-0097', 'https://isni.org/isni/0000000121032683')
"""

from __future__ import annotations

import re

from notice_ld.identifiers._checkdigits import idref_check, mod_11_2_check, ror_checksum
from notice_ld.identifiers._parts import CheckDigit, Matches, Resolver, Shape, UrlForm
from notice_ld.identifiers._spec import SchemeSpec
from notice_ld.identifiers._text import compact_upper

_I = re.IGNORECASE

# --------------------------------------------------------------------------- ORCID and ISNI

_SIXTEEN_RE = re.compile(r"^\d{15}[\dX]$")
_SIXTEEN_PROBLEM = "{} has 16 characters (15 digits and a check digit 0-9 or X), found {{length}}"
_MOD_11_2 = CheckDigit(mod_11_2_check)
_ORCID_BLOCKS = ("00000001", "00000002", "00000003", "0009")


def _orcid_shaped(text: str) -> bool:
    """In an ORCID block; unseparated, the check digit must also be right (else it is an ISNI).

    >>> _orcid_shaped("0000-0002-1825-0098"), _orcid_shaped("0000000218250098")
    (True, False)
    """
    compact = text.replace("-", "")
    return compact.startswith(_ORCID_BLOCKS) and ("-" in text or _MOD_11_2.holds(text.upper()))


def _orcid_canonical(value: str) -> str:
    """Four groups of four characters, hyphenated.

    >>> _orcid_canonical("0000000218250097")
    '0000-0002-1825-0097'
    """
    return "-".join(value[i : i + 4] for i in range(0, 16, 4))


ORCID = SchemeSpec(
    name="orcid",
    label="ORCID",
    article="an",
    fix="check the ORCID on https://orcid.org; it has 16 characters, the last one a check digit",
    resolver=Resolver("https://orcid.org/"),
    urls=(UrlForm(("orcid.org", "www.orcid.org")),),
    prefix=re.compile(r"^orcid(?:\s*id)?\s*[:=]?\s*", _I),
    normalise=compact_upper,
    rules=(Matches(_SIXTEEN_RE, _SIXTEEN_PROBLEM.format("an ORCID")),),
    check=_MOD_11_2,
    canonical=_orcid_canonical,
    marker=re.compile(r"^orcid\b", _I),
    shape=Shape(re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dXx]$|^\d{15}[\dXx]$"), accept=_orcid_shaped),
)

ISNI = SchemeSpec(
    name="isni",
    label="ISNI",
    article="an",
    fix="check the ISNI on https://isni.org; it has 16 characters, the last one a check digit",
    resolver=Resolver("https://isni.org/isni/"),
    urls=(UrlForm(("isni.org", "www.isni.org"), path="isni/"),),
    prefix=re.compile(r"^isni\s*[:=]?\s*", _I),
    normalise=compact_upper,
    rules=(Matches(_SIXTEEN_RE, _SIXTEEN_PROBLEM.format("an ISNI")),),
    check=_MOD_11_2,
    marker=re.compile(r"^isni\b", _I),
    shape=Shape(
        re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dXx]$|^\d{4} \d{4} \d{4} \d{3}[\dXx]$|^\d{15}[\dXx]$")
    ),
)


# --------------------------------------------------------------------------- IdRef, ROR

_IDREF_RE = re.compile(r"^\d{8}[\dX]$")


def _idref_tidy(path: str) -> str:
    """The PPN in the path of an IdRef URL (``026927608/id``, ``026927608.rdf``…).

    >>> _idref_tidy("026927608/id"), _idref_tidy("/026927608.RDF/")
    ('026927608', '026927608')
    """
    return re.sub(r"(?:/id|\.rdf|\.xml|\.json)?/?$", "", path.strip("/"), flags=re.IGNORECASE)


IDREF = SchemeSpec(
    name="idref",
    label="IdRef",
    article="an",
    fix=(
        "check the IdRef number (PPN) on https://www.idref.fr; it has 9 characters, "
        "the last a check digit or X"
    ),
    resolver=Resolver("https://www.idref.fr/"),
    urls=(UrlForm(("www.idref.fr", "idref.fr"), tidy=_idref_tidy),),
    prefix=re.compile(r"^(?:idref|ppn)\s*[:=]?\s*", _I),
    normalise=str.upper,
    rules=(Matches(_IDREF_RE, "is not an IdRef number: it has 8 digits then a check digit or X"),),
    check=CheckDigit(idref_check, start=8, stop=9),
    marker=re.compile(r"^(?:idref|ppn)\b", _I),
    shape=Shape(_IDREF_RE, fold=str.upper),
)

_ROR_RE = re.compile(r"^0[0-9a-hjkmnp-tv-z]{6}\d{2}$")


def _ror_normalise(value: str) -> str:
    """Lowercase, without surrounding slashes.

    >>> _ror_normalise("/05F82E368/")
    '05f82e368'
    """
    return value.strip("/").lower()


ROR = SchemeSpec(
    name="ror",
    label="ROR",
    article="a",
    fix="check the ROR identifier on https://ror.org; it has 9 characters, starts with 0, ends with 2 digits",
    resolver=Resolver("https://ror.org/"),
    urls=(UrlForm(("ror.org", "www.ror.org")),),
    prefix=re.compile(r"^ror\s*[:=]?\s*", _I),
    normalise=_ror_normalise,
    rules=(
        Matches(
            _ROR_RE, "is not a ROR identifier: 0, then 6 letters or digits (no i, l, o, u), then 2 digits"
        ),
    ),
    check=CheckDigit(ror_checksum, start=7, noun="checksum"),
    marker=re.compile(r"^ror\s*:", _I),
    shape=Shape(_ROR_RE, fold=str.lower),
)
