"""Text helpers shared by every scheme: cleaning, ASCII case folding, URL pieces, IRI escaping.

>>> clean("  10.1000/182 ", "doi"), ascii_lower("10.3917/VSOC"), iri_path("a b?")
('10.1000/182', '10.3917/vsoc', 'a%20b%3F')
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit

from notice_ld.errors import IdentifierError

URL_START = re.compile(r"^https?://", re.IGNORECASE)
FORBIDDEN_IN_IRI = frozenset(' <>"{}|^`\\')
_IRI_PATH_SAFE = "/:;()@!$&'*+,=-._~"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def iri_path(text: str) -> str:
    """Percent-encode what may not appear in an IRI path (space, ``<>"{}|^`\\``, ``%``, ``?``, ``#``…).

    >>> iri_path("10.1002/(SICI)1097<x>")
    '10.1002/(SICI)1097%3Cx%3E'
    """
    return quote(text, safe=_IRI_PATH_SAFE)


def ascii_lower(text: str) -> str:
    """Lowercase ASCII letters only (DOIs and Handles ignore ASCII case, not Unicode case).

    >>> ascii_lower("10.1000/ÉCOLE-X")
    '10.1000/École-x'
    """
    return text.translate(_ASCII_LOWER)


def bad_char(text: str) -> str | None:
    """Describe the first control / invisible / unassigned character of ``text``, if any.

    >>> bad_char("0317\\u00ad8471"), bad_char("0317-8471") is None
    ('U+00AD (soft hyphen)', True)
    """
    if text.isascii() and text.isprintable():
        return None  # the common case, without a per-character lookup
    for char in text:
        if unicodedata.category(char).startswith("C"):
            name = unicodedata.name(char, "control character")
            return f"U+{ord(char):04X} ({name.lower()})"
    return None


def refuse(scheme: str | None, text: str, problem: str, fix: str = "") -> IdentifierError:
    """The :class:`~notice_ld.errors.IdentifierError` saying that ``text`` is wrong, and why.

    >>> refuse("issn", "0317-8472", "bad check digit").problem
    "'0317-8472': bad check digit"
    """
    return IdentifierError(scheme=scheme, value=text, problem=problem, fix=fix)


def clean(text: str, scheme: str | None) -> str:
    """Strip surrounding whitespace; reject non-text, empty text and control characters.

    ``scheme`` is the name of the scheme the error is about (``None`` when it is not known yet).

    >>> try:
    ...     clean("  ", "doi")
    ... except IdentifierError as err:
    ...     print(err.scheme, "|", err.problem)
    doi | '  ': the identifier is empty
    """
    if not isinstance(text, str):
        raise refuse(
            scheme,
            repr(text),
            f"an identifier must be text, found {type(text).__name__}",
            "write the identifier as a JSON string, in quotes",
        )
    cleaned = text.strip()
    if not cleaned:
        raise refuse(scheme, text, "the identifier is empty", "remove the empty identifier or fill it in")
    bad = bad_char(cleaned)
    if bad:
        raise refuse(
            scheme,
            text,
            f"contains the invisible or control character {bad}",
            "retype the identifier; copy-paste from PDF or Word often adds such characters",
        )
    return cleaned


def compact_upper(text: str) -> str:
    """``text`` without whitespace and hyphens, uppercase (ISBN, ORCID, ISNI).

    >>> compact_upper("0000-0002-1694-233x")
    '000000021694233X'
    """
    return re.sub(r"[\s-]", "", text).upper()


def url_path(candidate: str) -> str | None:
    """The percent-decoded path (without the leading ``/``) of an http(s) URL, else ``None``.

    >>> url_path("https://doi.org/10.1000/a%20b?x=1"), url_path("doi:10.1000/182") is None
    ('10.1000/a b', True)
    """
    if not URL_START.match(candidate):
        return None
    return unquote(urlsplit(candidate).path.lstrip("/"))


def host(candidate: str) -> str:
    """The lowercase host name of a URL (``""`` when there is none or the URL does not parse).

    >>> host("https://DX.DOI.org/10.1000/182"), host("https://[bad/x")
    ('dx.doi.org', '')
    """
    try:
        return (urlsplit(candidate).hostname or "").lower()
    except ValueError:
        return ""


def strip_label(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` without the label ``pattern`` matches at its start (``doi:``, ``ISSN``…), if any.

    >>> strip_label("doi: 10.1000/182", re.compile(r"doi\\s*:"))
    '10.1000/182'
    """
    match = pattern.match(text)
    return text[match.end() :].strip() if match else text
