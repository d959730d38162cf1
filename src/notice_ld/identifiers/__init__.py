"""Persistent identifiers: recognise, check, normalise, and mint them.

:func:`parse` turns the text of an identifier (bare, prefixed such as ``doi:…``, or a resolver URL)
into an :class:`Identifier` with one canonical value and one IRI, or raises
:class:`~notice_ld.errors.IdentifierError` with a problem and a fix a cataloguer can act on.
:func:`detect` guesses the scheme from the shape of the text.

>>> doi = parse("https://dx.doi.org/10.3917/VSOC.191.0123")
>>> doi.scheme, doi.value, doi.iri
(<Scheme.DOI: 'doi'>, '10.3917/vsoc.191.0123', 'https://doi.org/10.3917/vsoc.191.0123')

Minting is deterministic (same key, same result on every run and machine):
:class:`HandleMinter` / :func:`mint_handle` for Handle-style record identifiers, :func:`mint_iri`
(with :func:`slug`) for IRIs of people, journals and organisations that have no identifier.
"""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import quote, unquote, urlsplit

from anyascii import anyascii
from stdnum import isbn as _stdnum_isbn
from stdnum import issn as _stdnum_issn
from stdnum.iso7064 import mod_11_2 as _mod_11_2

from notice_ld.errors import ConfigError, IdentifierError, RecordError

__all__ = [
    "HandleMinter",
    "Identifier",
    "Scheme",
    "detect",
    "isbn10",
    "mint_handle",
    "mint_iri",
    "parse",
    "slug",
]


class Scheme(enum.Enum):
    """The identifier schemes notice_ld knows; the value is the name used in JSON records.

    >>> Scheme("issn-l").label, Scheme.IDREF.label
    ('ISSN-L', 'IdRef')
    """

    HANDLE = "handle"
    DOI = "doi"
    ARK = "ark"
    HAL = "hal"
    NNT = "nnt"
    ISBN = "isbn"
    ISSN = "issn"
    ISSN_L = "issn-l"
    ORCID = "orcid"
    IDREF = "idref"
    ISNI = "isni"
    ROR = "ror"
    URN = "urn"
    URL = "url"

    @property
    def a_label(self) -> str:
        """The label with its English article, for messages: ``"an ORCID"``, ``"a DOI"``.

        >>> Scheme.ISSN.a_label, Scheme.ROR.a_label
        ('an ISSN', 'a ROR')
        """
        article = "an" if self in _AN else "a"
        return f"{article} {self.label}"

    @property
    def label(self) -> str:
        """The name people write, e.g. ``"DOI"``, ``"ISSN-L"``, ``"IdRef"``.

        >>> Scheme.HANDLE.label
        'Handle'
        """
        return _LABELS[self]


_LABELS: dict[Scheme, str] = {
    Scheme.HANDLE: "Handle",
    Scheme.DOI: "DOI",
    Scheme.ARK: "ARK",
    Scheme.HAL: "HAL",
    Scheme.NNT: "NNT",
    Scheme.ISBN: "ISBN",
    Scheme.ISSN: "ISSN",
    Scheme.ISSN_L: "ISSN-L",
    Scheme.ORCID: "ORCID",
    Scheme.IDREF: "IdRef",
    Scheme.ISNI: "ISNI",
    Scheme.ROR: "ROR",
    Scheme.URN: "URN",
    Scheme.URL: "URL",
}

_AN = frozenset(
    {Scheme.ARK, Scheme.NNT, Scheme.ISBN, Scheme.ISSN, Scheme.ISSN_L, Scheme.ORCID, Scheme.IDREF, Scheme.ISNI}
)
_DEFAULT_ARK_RESOLVER = "https://n2t.net/"


@dataclass(frozen=True, slots=True)
class Identifier:
    """A checked identifier: its scheme and its canonical value.

    Build it with :func:`parse`; the constructor itself checks nothing. ``resolver`` is only used by
    ARKs given as a URL (``https://gallica.bnf.fr/``): the IRI keeps that resolver. It takes no part
    in equality or hashing, so ``parse(x) == parse(parse(x).value)``.

    >>> ark = parse("https://gallica.bnf.fr/ark:/12148/bpt6k5619759j")
    >>> ark.value, ark.iri
    ('ark:/12148/bpt6k5619759j', 'https://gallica.bnf.fr/ark:/12148/bpt6k5619759j')
    >>> ark == parse("ark:/12148/bpt6k5619759j")
    True
    """

    scheme: Scheme
    value: str
    resolver: str | None = field(default=None, compare=False, repr=False)

    @property
    def iri(self) -> str:
        """The IRI naming the identified thing (``urn:isbn:`` for ISBNs, the URN/URL itself).

        >>> parse("0000-0002-1825-0097").iri
        'https://orcid.org/0000-0002-1825-0097'
        >>> parse("ISBN 2-07-036024-5").iri
        'urn:isbn:9782070360246'
        """
        return _IRI_BUILDERS[self.scheme](self)

    @property
    def literal(self) -> str:
        """The text to put in a literal (``bibo:doi``, ``bibo:issn``…): the canonical value.

        >>> parse("issn 1050-124x").literal
        '1050-124X'
        """
        return self.value

    def __str__(self) -> str:
        """The canonical value.

        >>> str(parse("hdl:10670/1.jt89mr"))
        '10670/1.jt89mr'
        """
        return self.value


# --------------------------------------------------------------------------- helpers


# every "check digit / checksum is wrong" problem contains this; detect() relies on it
_CHECK_WRONG = "is wrong (expected"
_FORBIDDEN_IN_IRI = set(' <>"{}|^`\\')
_IRI_PATH_SAFE = "/:;()@!$&'*+,=-._~"


def _iri_path(text: str) -> str:
    """Percent-encode what may not appear in an IRI path (space, ``<>"{}|^`\\``, ``%``, ``?``, ``#``…)."""
    return quote(text, safe=_IRI_PATH_SAFE)


def _ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _bad_char(text: str) -> str | None:
    """Describe the first control / invisible / unassigned character of ``text``, if any."""
    if text.isascii() and text.isprintable():
        return None  # the common case, without a per-character lookup
    for char in text:
        if unicodedata.category(char).startswith("C"):
            name = unicodedata.name(char, "control character")
            return f"U+{ord(char):04X} ({name.lower()})"
    return None


def _error(scheme: Scheme | None, text: str, problem: str, fix: str = "") -> IdentifierError:
    return IdentifierError(scheme=scheme.value if scheme else None, value=text, problem=problem, fix=fix)


def _clean(text: str, scheme: Scheme | None) -> str:
    """Strip surrounding whitespace; reject non-text, empty text and control characters."""
    if not isinstance(text, str):
        raise _error(
            scheme,
            repr(text),
            f"an identifier must be text, found {type(text).__name__}",
            "write the identifier as a JSON string, in quotes",
        )
    cleaned = text.strip()
    if not cleaned:
        raise _error(scheme, text, "the identifier is empty", "remove the empty identifier or fill it in")
    bad = _bad_char(cleaned)
    if bad:
        raise _error(
            scheme,
            text,
            f"contains the invisible or control character {bad}",
            "retype the identifier; copy-paste from PDF or Word often adds such characters",
        )
    return cleaned


def _no_space(scheme: Scheme, text: str, value: str, fix: str) -> None:
    if any(char.isspace() for char in value):
        raise _error(scheme, text, f"{scheme.a_label} cannot contain spaces", fix)


_URL_START = re.compile(r"^https?://", re.IGNORECASE)


def _url_path(candidate: str) -> str | None:
    """The percent-decoded path (without the leading ``/``) of an http(s) URL, else ``None``."""
    if not _URL_START.match(candidate):
        return None
    parts = urlsplit(candidate)
    return unquote(parts.path.lstrip("/"))


def _host(candidate: str) -> str:
    try:
        return (urlsplit(candidate).hostname or "").lower()
    except ValueError:
        return ""


def _strip_label(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.match(text)
    return text[match.end() :].strip() if match else text


def _strip_resolver(text: str, hosts: tuple[str, ...], path_prefix: str = "") -> str | None:
    """If ``text`` is a URL (with or without ``https://``) on one of ``hosts``, return its decoded path."""
    lowered = text.lower()
    if not any(host in lowered for host in hosts):
        return None  # the common case (a bare identifier): no URL parsing at all
    candidate = text if _URL_START.match(text) else f"https://{text}"
    host = _host(candidate)
    if host not in hosts:
        return None
    path = _url_path(candidate)
    if path is None:
        return None
    if path_prefix:
        if not path.lower().startswith(path_prefix.lower()):
            return None
        path = path[len(path_prefix) :]
    return path.strip("/") if path_prefix else path


# --------------------------------------------------------------------------- DOI and Handle

_DOI_RE = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")
_DOI_LABEL = re.compile(r"^(?:doi\s*:\s*|doi\s+|info:doi/|urn:doi:)", re.IGNORECASE)
_DOI_HOSTS = ("doi.org", "dx.doi.org", "www.doi.org")
_DOI_FIX = (
    "write the DOI as 10.NNNN/suffix (e.g. 10.3917/vsoc.191.0123), or as https://doi.org/10.NNNN/suffix"
)

_HANDLE_PREFIX_RE = re.compile(r"^\d+(?:\.\d+)*$")
_HANDLE_RE = re.compile(r"^\d+(?:\.\d+)*/\S+$")
_HANDLE_LABEL = re.compile(r"^(?:hdl\s*:\s*|handle\s*:\s*|info:hdl/)", re.IGNORECASE)
_HANDLE_HOSTS = ("hdl.handle.net", "handle.net", "www.handle.net")
_HANDLE_FIX = (
    "write the Handle as prefix/suffix (e.g. 10670/1.jt89mr), or as https://hdl.handle.net/prefix/suffix"
)


def _doi(text: str, cleaned: str) -> Identifier:
    value = _strip_resolver(cleaned, _DOI_HOSTS + _HANDLE_HOSTS)
    if value is None:
        value = _strip_label(cleaned, _DOI_LABEL)
    _no_space(Scheme.DOI, text, value, _DOI_FIX)
    if not _DOI_RE.match(value):
        raise _error(Scheme.DOI, text, "is not a DOI: a DOI starts with 10., 4 to 9 digits, then /", _DOI_FIX)
    return Identifier(Scheme.DOI, _ascii_lower(value))


def _handle(text: str, cleaned: str) -> Identifier:
    value = _strip_resolver(cleaned, _HANDLE_HOSTS)
    if value is None:
        value = _strip_label(cleaned, _HANDLE_LABEL)
    _no_space(Scheme.HANDLE, text, value, _HANDLE_FIX)
    if not _HANDLE_RE.match(value):
        raise _error(
            Scheme.HANDLE,
            text,
            "is not a Handle: a Handle is a numeric prefix, /, then a suffix",
            _HANDLE_FIX,
        )
    if value.startswith("10."):
        raise _error(
            Scheme.HANDLE,
            text,
            "a Handle whose prefix starts with 10. is a DOI",
            'declare it with the scheme "doi"',
        )
    return Identifier(Scheme.HANDLE, value)


# --------------------------------------------------------------------------- ARK

_ARK_RE = re.compile(r"^ark:/?([0-9bcdfghjkmnpqrstvwxz]{5,})/([A-Za-z0-9=~*+@_$./%-]+)$", re.IGNORECASE)
_ARK_URL_RE = re.compile(r"^(https?://[^\s/?#]+/(?:[^\s?#]*?/)?)(ark:.*)$", re.IGNORECASE)
_ARK_FIX = "write the ARK as ark:/NAAN/name (e.g. ark:/12148/bpt6k5619759j), or as a resolver URL"


def _ark(text: str, cleaned: str) -> Identifier:
    resolver: str | None = None
    value = cleaned
    url = _ARK_URL_RE.match(cleaned)
    if url:
        resolver = url.group(1)
        value = re.split(r"[?#]", url.group(2), maxsplit=1)[0]
    _no_space(Scheme.ARK, text, value, _ARK_FIX)
    match = _ARK_RE.match(value)
    if not match:
        raise _error(
            Scheme.ARK, text, "is not an ARK: an ARK is ark:/, a 5-character NAAN, /, then a name", _ARK_FIX
        )
    canonical = f"ark:/{match.group(1).lower()}/{match.group(2)}"
    if resolver is not None and _ascii_lower(resolver) in {"https://n2t.net/", "http://n2t.net/"}:
        resolver = None
    return Identifier(Scheme.ARK, canonical, resolver)


# --------------------------------------------------------------------------- HAL and NNT

_HAL_RE = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[-_]\d{8}(?:v[1-9]\d*)?$")
_HAL_LABEL = re.compile(r"^hal\s*:\s*", re.IGNORECASE)
_HAL_FIX = "write the HAL identifier as portal-NNNNNNNN with 8 digits, e.g. hal-01234567 or tel-02955615v2"


def _hal_path(cleaned: str) -> str | None:
    candidate = cleaned if _URL_START.match(cleaned) else f"https://{cleaned}"
    host = _host(candidate)
    if host not in {"hal.science", "hal.archives-ouvertes.fr"} and not host.endswith(
        (".hal.science", ".archives-ouvertes.fr")
    ):
        return None
    path = _url_path(candidate) or ""
    first, _, rest = path.strip("/").partition("/")
    return first if rest in {"", "document"} or rest.startswith("file/") else path


def _hal(text: str, cleaned: str) -> Identifier:
    value = _hal_path(cleaned)
    if value is None:
        value = _strip_label(cleaned, _HAL_LABEL)
    value = value.lower()
    _no_space(Scheme.HAL, text, value, _HAL_FIX)
    if not _HAL_RE.match(value):
        raise _error(Scheme.HAL, text, "is not a HAL identifier", _HAL_FIX)
    return Identifier(Scheme.HAL, value)


_NNT_RE = re.compile(r"^(?:19|20)\d{2}[A-Z0-9]{4}[A-Z0-9]{3,6}$")
_NNT_LABEL = re.compile(r"^nnt\s*:?\s*", re.IGNORECASE)
_NNT_HOSTS = ("theses.fr", "www.theses.fr")
_NNT_FIX = "write the national thesis number as year + establishment code + number, e.g. 2019PA100123"


def _nnt(text: str, cleaned: str) -> Identifier:
    path = _strip_resolver(cleaned, _NNT_HOSTS)
    value = path.strip("/").split("/")[0] if path is not None else _strip_label(cleaned, _NNT_LABEL)
    value = value.upper()
    _no_space(Scheme.NNT, text, value, _NNT_FIX)
    if not _NNT_RE.match(value):
        raise _error(
            Scheme.NNT,
            text,
            "is not a national thesis number (NNT): it has a 4-digit year, a 4-character "
            "establishment code, then 3 to 6 letters or digits",
            _NNT_FIX,
        )
    return Identifier(Scheme.NNT, value)


# --------------------------------------------------------------------------- ISBN, ISSN

_ISBN_LABEL = re.compile(r"^(?:urn:isbn:|isbn(?:-?1[03]|\s1[03](?=\s*:))?\s*[:=]?\s*)", re.IGNORECASE)
_ISBN_FIX = (
    "check the ISBN on the book or in a library catalogue; it has 10 or 13 digits, the last a check digit"
)


def _isbn10_check(digits: str) -> str:
    total = sum((10 - pos) * int(digit) for pos, digit in enumerate(digits[:9]))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def _isbn13_check(digits: str) -> str:
    total = sum(int(digit) * (3 if pos % 2 else 1) for pos, digit in enumerate(digits[:12]))
    return str((10 - total % 10) % 10)


def _isbn(text: str, cleaned: str) -> Identifier:
    value = _strip_label(cleaned, _ISBN_LABEL)
    compact = re.sub(r"[\s-]", "", value).upper()
    if not re.fullmatch(r"\d{9}[\dX]|\d{13}", compact):
        raise _error(
            Scheme.ISBN,
            text,
            f"an ISBN has 10 or 13 digits (the ISBN-10 may end with X), found {len(compact)} characters",
            _ISBN_FIX,
        )
    if len(compact) == 13 and compact[:3] not in {"978", "979"}:
        raise _error(Scheme.ISBN, text, "an ISBN-13 starts with 978 or 979", _ISBN_FIX)
    expected = _isbn10_check(compact) if len(compact) == 10 else _isbn13_check(compact)
    if expected != compact[-1]:
        kind = "ISBN-10" if len(compact) == 10 else "ISBN-13"
        raise _error(
            Scheme.ISBN,
            text,
            f"{kind} check digit is wrong (expected {expected}, found {compact[-1]})",
            _ISBN_FIX,
        )
    return Identifier(Scheme.ISBN, str(_stdnum_isbn.format(compact, convert=True)))


def isbn10(ident: Identifier | str) -> str | None:
    """The hyphenated ISBN-10 form of an ISBN, or ``None`` for 979- ISBNs that have none.

    >>> isbn10(parse("978-2-07-036024-6"))
    '2-07-036024-5'
    >>> isbn10("979-10-90636-07-1") is None
    True
    """
    if isinstance(ident, str):
        ident = parse(ident, Scheme.ISBN)
    if ident.scheme is not Scheme.ISBN:
        raise _error(ident.scheme, ident.value, f"{ident.scheme.a_label} has no ISBN-10 form")
    compact = str(_stdnum_isbn.compact(ident.value, convert=True))
    if not compact.startswith("978"):
        return None
    return str(_stdnum_isbn.format(_stdnum_isbn.to_isbn10(compact)))


_ISSN_RE = re.compile(r"^(\d{4})-?(\d{3})([\dX])$")
_ISSN_LABEL = re.compile(
    r"^(?:urn:issn:|e-?issn\s*[:=]?\s*|p-?issn\s*[:=]?\s*|issn\s*[:=]?\s*)", re.IGNORECASE
)
_ISSN_L_LABEL = re.compile(r"^(?:issn-?l\s*[:=]?\s*|linking\s+issn\s*[:=]?\s*)", re.IGNORECASE)
_ISSN_HOSTS = ("portal.issn.org",)


def _issn_any(text: str, cleaned: str, scheme: Scheme) -> Identifier:
    label = "ISSN-L" if scheme is Scheme.ISSN_L else "ISSN"
    value = _strip_resolver(cleaned, _ISSN_HOSTS, f"resource/{label}/")
    if value is None:
        value = _strip_label(cleaned, _ISSN_L_LABEL if scheme is Scheme.ISSN_L else _ISSN_LABEL)
    fix = (
        f"check the {label} on https://portal.issn.org; it has 8 characters written NNNN-NNNC, "
        "the last one a check digit (0-9 or X)"
    )
    match = _ISSN_RE.match(value.upper())
    if not match:
        raise _error(scheme, text, f"is not an {label}: an {label} is 8 characters, NNNN-NNNC", fix)
    body, check = match.group(1) + match.group(2), match.group(3)
    expected = str(_stdnum_issn.calc_check_digit(body))
    if expected != check:
        raise _error(scheme, text, f"{label} check digit is wrong (expected {expected}, found {check})", fix)
    return Identifier(scheme, f"{match.group(1)}-{match.group(2)}{check}")


# --------------------------------------------------------------------------- ORCID, ISNI

_SIXTEEN_RE = re.compile(r"^\d{15}[\dX]$")
_ORCID_LABEL = re.compile(r"^orcid(?:\s*id)?\s*[:=]?\s*", re.IGNORECASE)
_ORCID_HOSTS = ("orcid.org", "www.orcid.org")
_ISNI_LABEL = re.compile(r"^isni\s*[:=]?\s*", re.IGNORECASE)
_ISNI_HOSTS = ("isni.org", "www.isni.org")


def _sixteen(text: str, cleaned: str, scheme: Scheme) -> Identifier:
    if scheme is Scheme.ORCID:
        value = _strip_resolver(cleaned, _ORCID_HOSTS)
        if value is None:
            value = _strip_label(cleaned, _ORCID_LABEL)
        fix = "check the ORCID on https://orcid.org; it has 16 characters, the last one a check digit"
    else:
        value = _strip_resolver(cleaned, _ISNI_HOSTS, "isni/")
        if value is None:
            value = _strip_label(cleaned, _ISNI_LABEL)
        fix = "check the ISNI on https://isni.org; it has 16 characters, the last one a check digit"
    compact = re.sub(r"[\s-]", "", value).upper()
    if not _SIXTEEN_RE.match(compact):
        raise _error(
            scheme,
            text,
            f"{scheme.a_label} has 16 characters (15 digits and a check digit 0-9 or X), "
            f"found {len(compact)}",
            fix,
        )
    expected = str(_mod_11_2.calc_check_digit(compact[:15]))
    if expected != compact[15]:
        raise _error(
            scheme,
            text,
            f"{scheme.label} check digit is wrong (expected {expected}, found {compact[15]})",
            fix,
        )
    if scheme is Scheme.ORCID:
        return Identifier(scheme, "-".join(compact[i : i + 4] for i in range(0, 16, 4)))
    return Identifier(scheme, compact)


# --------------------------------------------------------------------------- ROR, IdRef

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
_ROR_RE = re.compile(r"^0[0-9a-hjkmnp-tv-z]{6}\d{2}$")
_ROR_LABEL = re.compile(r"^ror\s*[:=]?\s*", re.IGNORECASE)
_ROR_HOSTS = ("ror.org", "www.ror.org")
_ROR_FIX = (
    "check the ROR identifier on https://ror.org; it has 9 characters, starts with 0, ends with 2 digits"
)


def _ror_checksum(body: str) -> str:
    number = 0
    for char in body:
        number = number * 32 + _CROCKFORD.index(char)
    return f"{98 - (number * 100) % 97:02d}"


def _ror(text: str, cleaned: str) -> Identifier:
    value = _strip_resolver(cleaned, _ROR_HOSTS)
    if value is None:
        value = _strip_label(cleaned, _ROR_LABEL)
    value = value.strip("/").lower()
    if not _ROR_RE.match(value):
        raise _error(
            Scheme.ROR,
            text,
            "is not a ROR identifier: 0, then 6 letters or digits (no i, l, o, u), then 2 digits",
            _ROR_FIX,
        )
    expected = _ror_checksum(value[:7])
    if expected != value[7:]:
        raise _error(
            Scheme.ROR, text, f"ROR checksum is wrong (expected {expected}, found {value[7:]})", _ROR_FIX
        )
    return Identifier(Scheme.ROR, value)


_IDREF_RE = re.compile(r"^\d{8}[\dX]$")
_IDREF_LABEL = re.compile(r"^(?:idref|ppn)\s*[:=]?\s*", re.IGNORECASE)
_IDREF_HOSTS = ("www.idref.fr", "idref.fr")
_IDREF_FIX = (
    "check the IdRef number (PPN) on https://www.idref.fr; it has 9 characters, the last a check digit or X"
)


def _idref_check(digits: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def _idref(text: str, cleaned: str) -> Identifier:
    value = _strip_resolver(cleaned, _IDREF_HOSTS)
    if value is not None:
        value = re.sub(r"(?:/id|\.rdf|\.xml|\.json)?/?$", "", value.strip("/"), flags=re.IGNORECASE)
    else:
        value = _strip_label(cleaned, _IDREF_LABEL)
    value = value.upper()
    if not _IDREF_RE.match(value):
        raise _error(
            Scheme.IDREF, text, "is not an IdRef number: it has 8 digits then a check digit or X", _IDREF_FIX
        )
    expected = _idref_check(value)
    if expected != value[8]:
        raise _error(
            Scheme.IDREF,
            text,
            f"IdRef check digit is wrong (expected {expected}, found {value[8]})",
            _IDREF_FIX,
        )
    return Identifier(Scheme.IDREF, value)


# --------------------------------------------------------------------------- URN, URL

_URN_RE = re.compile(r"^urn:([a-z0-9][a-z0-9-]{0,30}[a-z0-9]):(\S+)$", re.IGNORECASE)
_URN_FIX = "write the URN as urn:NID:rest, e.g. urn:nbn:de:101:1-2019052101"
_URL_FIX = "give a complete web address starting with https:// or http://"


def _check_iri(scheme: Scheme, text: str, value: str, fix: str) -> None:
    bad = sorted({char for char in value if char in _FORBIDDEN_IN_IRI or char.isspace()})
    if bad:
        shown = ", ".join("space" if char == " " else repr(char) for char in bad)
        raise _error(scheme, text, f"{scheme.a_label} cannot contain {shown}", fix)
    import pyoxigraph  # lazy: heavy native module, only needed for URL/URN checks

    try:
        pyoxigraph.NamedNode(value)
    except ValueError as exc:
        raise _error(scheme, text, f"is not a valid IRI ({exc})", fix) from None


def _urn(text: str, cleaned: str) -> Identifier:
    _no_space(Scheme.URN, text, cleaned, _URN_FIX)
    match = _URN_RE.match(cleaned)
    if not match:
        raise _error(
            Scheme.URN, text, "is not a URN: it starts with urn:, a namespace, :, then a name", _URN_FIX
        )
    nid, nss = match.group(1).lower(), match.group(2)
    if nid == "isbn":
        return _isbn(text, nss)
    if nid == "issn":
        return _issn_any(text, nss, Scheme.ISSN)
    value = f"urn:{nid}:{nss}"
    _check_iri(Scheme.URN, text, value, _URN_FIX)
    return Identifier(Scheme.URN, value)


def _url(text: str, cleaned: str) -> Identifier:
    scheme_name = cleaned.split(":", 1)[0].lower() if ":" in cleaned else ""
    if scheme_name not in {"http", "https"}:
        shown = f'"{scheme_name}:" addresses are not accepted' if scheme_name else "no http:// or https://"
        raise _error(Scheme.URL, text, f"only http and https web addresses are accepted; {shown}", _URL_FIX)
    _check_iri(Scheme.URL, text, cleaned, _URL_FIX)
    if not _URL_START.match(cleaned) or not _host(cleaned):
        raise _error(Scheme.URL, text, "the web address has no host name after http(s)://", _URL_FIX)
    return Identifier(Scheme.URL, cleaned)


# --------------------------------------------------------------------------- dispatch


_PARSERS: dict[Scheme, Callable[[str, str], Identifier]] = {
    Scheme.HANDLE: _handle,
    Scheme.DOI: _doi,
    Scheme.ARK: _ark,
    Scheme.HAL: _hal,
    Scheme.NNT: _nnt,
    Scheme.ISBN: _isbn,
    Scheme.ISSN: lambda text, cleaned: _issn_any(text, cleaned, Scheme.ISSN),
    Scheme.ISSN_L: lambda text, cleaned: _issn_any(text, cleaned, Scheme.ISSN_L),
    Scheme.ORCID: lambda text, cleaned: _sixteen(text, cleaned, Scheme.ORCID),
    Scheme.IDREF: _idref,
    Scheme.ISNI: lambda text, cleaned: _sixteen(text, cleaned, Scheme.ISNI),
    Scheme.ROR: _ror,
    Scheme.URN: _urn,
    Scheme.URL: _url,
}

_IRI_BUILDERS: dict[Scheme, Callable[[Identifier], str]] = {
    Scheme.HANDLE: lambda i: f"https://hdl.handle.net/{_iri_path(i.value)}",
    Scheme.DOI: lambda i: f"https://doi.org/{_iri_path(i.value)}",
    Scheme.ARK: lambda i: f"{i.resolver or _DEFAULT_ARK_RESOLVER}{i.value}",
    Scheme.HAL: lambda i: f"https://hal.science/{i.value}",
    Scheme.NNT: lambda i: f"https://theses.fr/{i.value}",
    Scheme.ISBN: lambda i: f"urn:isbn:{i.value.replace('-', '')}",
    Scheme.ISSN: lambda i: f"https://portal.issn.org/resource/ISSN/{i.value}",
    Scheme.ISSN_L: lambda i: f"https://portal.issn.org/resource/ISSN-L/{i.value}",
    Scheme.ORCID: lambda i: f"https://orcid.org/{i.value}",
    Scheme.IDREF: lambda i: f"https://www.idref.fr/{i.value}",
    Scheme.ISNI: lambda i: f"https://isni.org/isni/{i.value}",
    Scheme.ROR: lambda i: f"https://ror.org/{i.value}",
    Scheme.URN: lambda i: i.value,
    Scheme.URL: lambda i: i.value,
}


def _coerce_scheme(scheme: Scheme | str, text: str) -> Scheme:
    if isinstance(scheme, Scheme):
        return scheme
    name = str(scheme).strip().lower().replace("_", "-")
    for member in Scheme:
        if name in {member.value, member.label.lower()}:
            return member
    known = ", ".join(member.value for member in Scheme)
    raise IdentifierError(
        scheme=str(scheme),
        value=text,
        problem=f"unknown identifier scheme {scheme!r}",
        fix=f"use one of: {known}",
    )


_ANY_URI_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _checked(ident: Identifier, text: str) -> Identifier:
    """Refuse control characters that only appear after percent-decoding a resolver URL (``%07``)."""
    bad = _bad_char(ident.value)
    if bad:
        raise _error(
            ident.scheme,
            text,
            f"contains the percent-encoded control character {bad}",
            f"remove it; {ident.scheme.a_label} contains no control characters",
        )
    return ident


def parse(text: str, scheme: Scheme | str | None = None) -> Identifier:
    """Check and normalise an identifier; with ``scheme=None`` the scheme is guessed by :func:`detect`.

    Bare, prefixed (``doi:``, ``hdl:``, ``ISSN``, ``urn:isbn:``…) and resolver-URL forms are accepted.
    Raises :class:`~notice_ld.errors.IdentifierError` when the text is empty, holds control characters,
    is malformed, fails its check digit, or (without ``scheme``) has no recognisable shape.

    >>> parse("0000000218250097", "orcid").value
    '0000-0002-1825-0097'
    >>> parse("https://www.idref.fr/026927608/id").iri
    'https://www.idref.fr/026927608'
    >>> try:
    ...     parse("0000-0002-1825-0098")
    ... except IdentifierError as err:
    ...     print(err.problem, "|", err.fix)
    '0000-0002-1825-0098': ORCID check digit is wrong (expected 7, found 8) | check the ORCID on
    https://orcid.org; it has 16 characters, the last one a check digit
    """
    wanted = None if scheme is None else _coerce_scheme(scheme, str(text))
    cleaned = _clean(text, wanted)
    if wanted is None:
        wanted = detect(cleaned)
        if wanted is None and _ANY_URI_SCHEME.match(cleaned):
            wanted = Scheme.URL  # "javascript:…", "ftp://…": let the URL check explain what is wrong
        if wanted is None:
            raise _error(
                None,
                text,
                "cannot tell which kind of identifier this is",
                "give the scheme (doi, handle, orcid, issn…) or write the identifier as a resolver URL "
                "such as https://doi.org/…",
            )
        return _checked(_PARSERS[wanted](text, cleaned), text)
    try:
        return _checked(_PARSERS[wanted](text, cleaned), text)
    except IdentifierError:
        other = detect(cleaned)
        if other is None or other is wanted or other is Scheme.URL:
            raise
        try:
            _PARSERS[other](text, cleaned)
        except IdentifierError:
            pass
        else:
            raise _error(
                wanted,
                text,
                f"this is {other.a_label}, not {wanted.a_label}",
                f'declare it with the scheme "{other.value}"',
            ) from None
        raise


# --------------------------------------------------------------------------- detection

_DOI_SHAPE = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/.")
_HANDLE_SHAPE = re.compile(r"^\d+(?:\.\d+)*/.")
_ISSN_SHAPE = re.compile(r"^\d{4}-\d{3}[\dXx]$")
_FOUR_BY_FOUR_HYPHEN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dXx]$")
_FOUR_BY_FOUR_SPACE = re.compile(r"^\d{4} \d{4} \d{4} \d{3}[\dXx]$")
_SIXTEEN_BARE = re.compile(r"^\d{15}[\dXx]$")
_ISBN_SHAPE = re.compile(r"^\d[\d -]{8,15}[\dXx]$")
_ORCID_BLOCKS = ("00000001", "00000002", "00000003", "0009")

_LABELLED: tuple[tuple[re.Pattern[str], Scheme], ...] = (
    (re.compile(r"^(?:doi\s*:|info:doi/|urn:doi:)", re.IGNORECASE), Scheme.DOI),
    (re.compile(r"^(?:hdl\s*:|handle\s*:|info:hdl/)", re.IGNORECASE), Scheme.HANDLE),
    (re.compile(r"^urn:isbn:|^isbn(?:\b|1[03])", re.IGNORECASE), Scheme.ISBN),
    (_ISSN_L_LABEL, Scheme.ISSN_L),
    (re.compile(r"^(?:urn:issn:|[ep]-?issn\b|issn\b)", re.IGNORECASE), Scheme.ISSN),
    (re.compile(r"^urn:", re.IGNORECASE), Scheme.URN),
    (re.compile(r"^ark:", re.IGNORECASE), Scheme.ARK),
    (re.compile(r"^orcid\b", re.IGNORECASE), Scheme.ORCID),
    (re.compile(r"^isni\b", re.IGNORECASE), Scheme.ISNI),
    (re.compile(r"^(?:idref|ppn)\b", re.IGNORECASE), Scheme.IDREF),
    (re.compile(r"^ror\s*:", re.IGNORECASE), Scheme.ROR),
    (re.compile(r"^hal\s*:", re.IGNORECASE), Scheme.HAL),
    (re.compile(r"^nnt\b", re.IGNORECASE), Scheme.NNT),
)

_RESOLVER_HOSTS: dict[str, Scheme] = {
    **dict.fromkeys(_DOI_HOSTS, Scheme.DOI),
    **dict.fromkeys(_HANDLE_HOSTS, Scheme.HANDLE),
    **dict.fromkeys(_ORCID_HOSTS, Scheme.ORCID),
    **dict.fromkeys(_ISNI_HOSTS, Scheme.ISNI),
    **dict.fromkeys(_ROR_HOSTS, Scheme.ROR),
    **dict.fromkeys(_IDREF_HOSTS, Scheme.IDREF),
    **dict.fromkeys(_NNT_HOSTS, Scheme.NNT),
}


def _has_shape(scheme: Scheme, text: str) -> bool:
    """Whether ``text`` has the shape of ``scheme`` (a wrong check digit still counts as the shape)."""
    try:
        _PARSERS[scheme](text, text)
    except IdentifierError as err:
        return _CHECK_WRONG in err.problem
    return True


def _detect_url(text: str) -> Scheme:
    if _ARK_URL_RE.match(text):
        return Scheme.ARK
    host = _host(text)
    scheme = _RESOLVER_HOSTS.get(host)
    if host == "portal.issn.org":
        path = (_url_path(text) or "").lower()
        scheme = Scheme.ISSN_L if path.startswith("resource/issn-l/") else Scheme.ISSN
    elif _hal_path(text) is not None:
        scheme = Scheme.HAL
    if scheme is Scheme.HANDLE and (_url_path(text) or "").startswith("10."):
        scheme = Scheme.DOI
    if scheme is not None and _has_shape(scheme, text):
        return scheme
    return Scheme.URL


def detect(text: str) -> Scheme | None:
    """Guess the scheme of an identifier from its shape, without checking its check digit.

    Resolver URLs map to their scheme (``doi.org``, ``hdl.handle.net``, ``orcid.org``, ``ror.org``,
    ``idref.fr``, ``isni.org``, ``portal.issn.org``, ``hal.science``, ``theses.fr``, ``…/ark:/…``);
    other http(s) URLs are :attr:`Scheme.URL`. A 16-digit number written in four hyphenated groups is
    an ORCID when it lies in an ORCID block (``0000-0001``…``0000-0003``, ``0009``), an ISNI otherwise;
    an unseparated one is an ORCID only if it is also a valid ORCID. Returns ``None`` when nothing fits.

    >>> detect("10.3917/vsoc.191.0123"), detect("10670/1.jt89mr"), detect("0317-8471")
    (<Scheme.DOI: 'doi'>, <Scheme.HANDLE: 'handle'>, <Scheme.ISSN: 'issn'>)
    >>> detect("https://example.org/page"), detect("hello") is None
    (<Scheme.URL: 'url'>, True)
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or _bad_char(text):
        return None
    if _URL_START.match(text):
        return _detect_url(text)
    first = text.split("/", 1)[0].lower()
    if "/" in text and (
        first in _RESOLVER_HOSTS or first == "portal.issn.org" or _hal_path(text) is not None
    ):
        scheme = _detect_url(f"https://{text}")
        return None if scheme is Scheme.URL else scheme
    for pattern, scheme in _LABELLED:
        if pattern.match(text):
            return scheme
    if _DOI_SHAPE.match(text):
        return Scheme.DOI
    if _HANDLE_SHAPE.match(text):
        return Scheme.HANDLE
    if _FOUR_BY_FOUR_HYPHEN.match(text):
        return Scheme.ORCID if text.replace("-", "").startswith(_ORCID_BLOCKS) else Scheme.ISNI
    if _FOUR_BY_FOUR_SPACE.match(text):
        return Scheme.ISNI
    if _SIXTEEN_BARE.match(text):
        if text.startswith(_ORCID_BLOCKS) and _mod_11_2.is_valid(text.upper()):
            return Scheme.ORCID
        return Scheme.ISNI
    if _ISSN_SHAPE.match(text):
        return Scheme.ISSN
    if _ISBN_SHAPE.match(text) and "  " not in text and "--" not in text:
        compact = re.sub(r"[ -]", "", text)
        if len(compact) == 10 or (len(compact) == 13 and compact[:3] in {"978", "979"}):
            return Scheme.ISBN
    if _IDREF_RE.match(text.upper()):
        return Scheme.IDREF
    lowered = text.lower()
    if _ROR_RE.match(lowered):
        return Scheme.ROR
    if _HAL_RE.match(lowered):
        return Scheme.HAL
    upper = text.upper()
    if _NNT_RE.match(upper) and not upper[4:8].isdigit():
        return Scheme.NNT
    return None


# --------------------------------------------------------------------------- minting


def _base36(number: int, length: int) -> str:
    digits = []
    for _ in range(length):
        number, rest = divmod(number, 36)
        digits.append("0123456789abcdefghijklmnopqrstuvwxyz"[rest])
    return "".join(reversed(digits))


class HandleMinter:
    """Mint Handle-style identifiers ``PREFIX/NAMESPACE.xxxxxx`` from stable source keys.

    The rule, fixed forever so that re-running a conversion gives the same handles:

    1. the key is NFC-normalised; if it already owns a handle of this series (``PREFIX/NAMESPACE.``),
       in ``issued`` or minted earlier by this minter, that handle is returned (the smallest in
       code-point order if it owns several);
    2. otherwise, for n = 0, 1, 2…: ``h = sha256(NFC(f"{prefix}\\x1f{key}\\x1f{n}").encode("utf-8"))``,
       read as a big-endian integer; the suffix is ``h mod 36**length`` written with ``length``
       base-36 digits ``0-9a-z`` (zero-padded); the candidate is ``f"{prefix}/{namespace}.{suffix}"``;
    3. the first candidate not already taken (compared ignoring ASCII case, as the Handle System
       does) is recorded and returned.

    ``issued`` maps handles already issued to the key they were issued for.

    >>> minter = HandleMinter("10670")
    >>> minter.mint("oai:cairn.info:VSOC_191_0123")
    '10670/1.3fjowm'
    >>> minter.mint("oai:cairn.info:VSOC_191_0123")  # idempotent
    '10670/1.3fjowm'
    >>> HandleMinter("10670", issued={"10670/1.3fjowm": "another key"}).mint("oai:cairn.info:VSOC_191_0123")
    '10670/1.4few7j'
    """

    _MAX_ATTEMPTS = 100_000

    def __init__(
        self,
        prefix: str,
        *,
        issued: Mapping[str, str] | None = None,
        length: int = 6,
        namespace: str = "1",
    ) -> None:
        if not isinstance(prefix, str) or not _HANDLE_PREFIX_RE.match(prefix):
            raise ConfigError(
                f"Handle prefix {prefix!r} is not valid: write digits and dots, e.g. 10670 or 20.500.12345"
            )
        if not isinstance(namespace, str) or not re.fullmatch(r"[0-9a-z]+", namespace):
            raise ConfigError(
                f"Handle namespace {namespace!r} is not valid: use lowercase letters and digits, e.g. 1"
            )
        if not isinstance(length, int) or not 4 <= length <= 40:
            raise ConfigError(
                f"Handle suffix length {length!r} is not valid: use a whole number from 4 to 40"
            )
        self.prefix = prefix
        self.namespace = namespace
        self.length = length
        self._series = f"{prefix}/{namespace}."
        self._issued: dict[str, str] = {}
        self._taken: dict[str, str] = {}
        self._by_key: dict[str, str] = {}
        for handle in sorted(issued or {}):
            self._record(handle, (issued or {})[handle])

    def _record(self, handle: str, key: str) -> None:
        key = unicodedata.normalize("NFC", key)
        self._issued[handle] = key
        self._taken[_ascii_lower(handle)] = key
        if _ascii_lower(handle).startswith(self._series):
            self._by_key.setdefault(key, handle)

    def candidate(self, key: str, attempt: int) -> str:
        """The ``attempt``-th candidate handle for ``key`` (step 2 of the rule), taken or not.

        >>> HandleMinter("10670").candidate("oai:cairn.info:VSOC_191_0123", 0)
        '10670/1.3fjowm'
        """
        material = unicodedata.normalize("NFC", f"{self.prefix}\x1f{key}\x1f{attempt}").encode("utf-8")
        number = int.from_bytes(hashlib.sha256(material).digest(), "big")
        return f"{self._series}{_base36(number % 36**self.length, self.length)}"

    def mint(self, key: str) -> str:
        """Return the handle for ``key``, minting and recording it if needed.

        >>> HandleMinter("20.500.12345", length=8).mint("record-1")
        '20.500.12345/1.fttge69m'
        """
        if not isinstance(key, str) or not key.strip():
            raise RecordError(
                problem="cannot mint a Handle from an empty source key",
                fix="give every record a stable identifier, such as its OAI identifier",
            )
        key = unicodedata.normalize("NFC", key)
        existing = self._by_key.get(key)
        if existing is not None:
            return existing
        for attempt in range(self._MAX_ATTEMPTS):
            handle = self.candidate(key, attempt)
            if _ascii_lower(handle) not in self._taken:
                self._record(handle, key)
                return handle
        raise ConfigError(
            f"no free Handle after {self._MAX_ATTEMPTS} attempts: use a suffix longer than {self.length}"
        )

    @property
    def issued(self) -> Mapping[str, str]:
        """Read-only view: every handle known to this minter (given or minted) -> its source key.

        >>> m = HandleMinter("10670", issued={"10670/1.aaaaaa": "k0"})
        >>> _ = m.mint("k1")
        >>> sorted(m.issued.values())
        ['k0', 'k1']
        """
        return MappingProxyType(self._issued)


def mint_handle(prefix: str, key: str) -> str:
    """Mint the handle of ``key`` under ``prefix`` with default settings (``HandleMinter(prefix).mint(key)``).

    >>> mint_handle("10670", "oai:cairn.info:VSOC_191_0123")
    '10670/1.3fjowm'
    """
    return HandleMinter(prefix).mint(key)


def slug(text: str, *, max_length: int = 60) -> str:
    """ASCII, lowercase, hyphen-separated form of ``text`` (``""`` when nothing is left).

    Letters are transliterated with anyascii, runs of anything but ``a-z0-9`` become one ``-``, and a
    slug longer than ``max_length`` is cut at the last ``-`` that fits (or hard-cut if there is none).

    >>> slug("Émile Durkheim"), slug("Ἀριστοτέλης"), slug("!!!")
    ('emile-durkheim', 'aristotelis', '')
    >>> slug("Revue française de sociologie", max_length=15)
    'revue-francaise'
    """
    if max_length < 1:
        raise ConfigError(f"slug max_length must be at least 1, not {max_length}")
    folded = anyascii(unicodedata.normalize("NFC", text)).lower()
    result = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(result) > max_length:
        if result[max_length] == "-":
            result = result[:max_length]
        else:
            cut = result.rfind("-", 0, max_length)
            result = result[:cut] if cut > 0 else result[:max_length]
    return result.strip("-")


_IRI_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_KIND_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def mint_iri(base: str, kind: str, key: str) -> str:
    """A stable IRI for a thing without identifier: ``{base}{kind}/{slug(key) or 'x'}-{hash}``.

    ``hash`` is the first 10 hex digits of ``sha256(NFC(key).casefold())``. Two keys share an IRI
    only if their NFC-normalised, case-folded texts are identical; spellings that fold to the same
    slug (``Müller`` / ``Muller``) still get different IRIs through the hash.

    >>> mint_iri("https://data.example.org/", "person", "Durkheim, Émile")
    'https://data.example.org/person/durkheim-emile-172c8b526a'
    >>> mint_iri("https://data.example.org/", "person", "DURKHEIM, Émile")
    'https://data.example.org/person/durkheim-emile-172c8b526a'
    """
    if not isinstance(base, str) or not base.endswith(("/", "#")) or not _IRI_SCHEME_RE.match(base):
        raise ConfigError(f'base IRI {base!r} must be an absolute IRI ending with "/" or "#"')
    if not isinstance(kind, str) or not _KIND_RE.match(kind):
        raise ConfigError(
            f"IRI kind {kind!r} must be a word of letters, digits, '.', '_' or '-', e.g. person"
        )
    if not isinstance(key, str) or not key.strip():
        raise RecordError(
            problem=f"cannot mint a {kind} IRI from an empty name",
            fix="fill in the name, or give the entity an identifier",
        )
    digest = hashlib.sha256(unicodedata.normalize("NFC", key).casefold().encode("utf-8")).hexdigest()
    return f"{base}{kind}/{slug(key) or 'x'}-{digest[:10]}"
