"""Check and normalise identifiers: :func:`parse`, and :func:`isbn10` for the ISBN-10 form.

>>> parse("https://dx.doi.org/10.3917/VSOC.191.0123").value
'10.3917/vsoc.191.0123'
"""

from __future__ import annotations

import re

from notice_ld.errors import IdentifierError
from notice_ld.identifiers._checkdigits import isbn10_hyphenated
from notice_ld.identifiers._identifier import SCHEME_OF, SPECS, Identifier, Scheme
from notice_ld.identifiers._spec import Refusal
from notice_ld.identifiers._text import bad_char, clean, refuse
from notice_ld.identifiers.detection import detect

__all__ = ["isbn10", "parse"]

_ANY_URI_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


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
    cleaned = clean(text, None if wanted is None else wanted.value)
    if wanted is None:
        wanted = detect(cleaned)
        if wanted is None and _ANY_URI_SCHEME.match(cleaned):
            wanted = Scheme.URL  # "javascript:…", "ftp://…": let the URL check explain what is wrong
        if wanted is None:
            raise refuse(
                None,
                text,
                "cannot tell which kind of identifier this is",
                "give the scheme (doi, handle, orcid, issn…) or write the identifier as a resolver URL "
                "such as https://doi.org/…",
            )
        return _read(wanted, text, cleaned)
    try:
        return _read(wanted, text, cleaned)
    except IdentifierError:
        other = detect(cleaned)
        if other is None or other is wanted or other is Scheme.URL:
            raise
        if isinstance(other.spec.examine(cleaned), Refusal):
            raise
        raise refuse(
            wanted.value,
            text,
            f"this is {other.a_label}, not {wanted.a_label}",
            f'declare it with the scheme "{other.value}"',
        ) from None


def _read(scheme: Scheme, text: str, cleaned: str) -> Identifier:
    """Read ``cleaned`` with the spec of ``scheme``; errors name ``text``, what the user gave."""
    reading = scheme.spec.examine(cleaned)
    if isinstance(reading, Refusal):
        raise reading.error(text)
    ident = Identifier(SCHEME_OF[reading.spec], reading.canonical, reading.resolver)
    bad = bad_char(ident.value)  # "%07" in a resolver URL is only seen once decoded
    if bad:
        raise refuse(
            ident.scheme.value,
            text,
            f"contains the percent-encoded control character {bad}",
            f"remove it; {ident.scheme.a_label} contains no control characters",
        )
    return ident


def _coerce_scheme(scheme: Scheme | str, text: str) -> Scheme:
    """The :class:`Scheme` named by its value or label, in any case (``"ISSN_L"``, ``"IdRef"``)."""
    if isinstance(scheme, Scheme):
        return scheme
    name = str(scheme).strip().lower().replace("_", "-")
    for member, spec in SPECS.items():
        if name in {spec.name, spec.label.lower()}:
            return member
    known = ", ".join(member.value for member in Scheme)
    raise IdentifierError(
        scheme=str(scheme),
        value=text,
        problem=f"unknown identifier scheme {scheme!r}",
        fix=f"use one of: {known}",
    )


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
        raise refuse(ident.scheme.value, ident.value, f"{ident.scheme.a_label} has no ISBN-10 form")
    return isbn10_hyphenated(ident.value)
