"""The specs of web names: URN (``urn:isbn:``/``urn:issn:`` are an ISBN/ISSN), URL (http and https).

>>> URN.examine("URN:NBN:de:101:1-2019052101").canonical
'urn:nbn:de:101:1-2019052101'
>>> URL.examine("ftp://x.org/").problem
'only http and https web addresses are accepted; "ftp:" addresses are not accepted'
"""

from __future__ import annotations

import re
from types import MappingProxyType

from notice_ld.identifiers._numbers import ISBN, ISSN
from notice_ld.identifiers._parts import Matches, NoDotSegments, Problem, Resolver, ValidIri
from notice_ld.identifiers._spec import SchemeSpec
from notice_ld.identifiers._text import URL_START, host

_I = re.IGNORECASE

_URN_RE = re.compile(r"^urn:([a-z0-9][a-z0-9-]{0,30}[a-z0-9]):(\S+)$", _I)
_URN_EMBEDS = MappingProxyType({"isbn": ISBN, "issn": ISSN})


def _urn_embedded(value: str) -> tuple[SchemeSpec, str] | None:
    """``urn:isbn:…`` is an ISBN, ``urn:issn:…`` an ISSN: their spec and text.

    >>> _urn_embedded("URN:ISBN:2070360245"), _urn_embedded("urn:nbn:de:101:1-2019052101")
    (('isbn', '2070360245'), None)
    """
    match = _URN_RE.match(value)
    spec = _URN_EMBEDS.get(match.group(1).lower()) if match else None
    return (spec, match.group(2)) if spec is not None and match else None


def _urn_normalise(value: str) -> str:
    """``urn:`` and the namespace in lowercase, the rest as given.

    >>> _urn_normalise("URN:NBN:de:101:1-2019052101")
    'urn:nbn:de:101:1-2019052101'
    """
    match = _URN_RE.match(value)
    return f"urn:{match.group(1).lower()}:{match.group(2)}" if match else value


URN = SchemeSpec(
    name="urn",
    label="URN",
    article="a",
    fix="write the URN as urn:NID:rest, e.g. urn:nbn:de:101:1-2019052101",
    resolver=Resolver(),
    embedded=_urn_embedded,
    normalise=_urn_normalise,
    refuse_spaces=True,
    rules=(
        Matches(_URN_RE, "is not a URN: it starts with urn:, a namespace, :, then a name"),
        ValidIri("a URN"),
    ),
    marker=re.compile(r"^urn:", _I),
)


def _web_scheme(value: str) -> Problem | None:
    """Only ``http:`` and ``https:`` addresses are web addresses.

    >>> _web_scheme("ftp://x.org/f").text
    'only http and https web addresses are accepted; "ftp:" addresses are not accepted'
    """
    scheme_name = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme_name in {"http", "https"}:
        return None
    shown = f'"{scheme_name}:" addresses are not accepted' if scheme_name else "no http:// or https://"
    return Problem(f"only http and https web addresses are accepted; {shown}")


def _has_host(value: str) -> Problem | None:
    """A web address names a host after ``http(s)://``.

    >>> _has_host("https:///x").text
    'the web address has no host name after http(s)://'
    """
    if URL_START.match(value) and host(value):
        return None
    return Problem("the web address has no host name after http(s)://")


URL = SchemeSpec(
    name="url",
    label="URL",
    article="a",
    fix="give a complete web address starting with https:// or http://",
    resolver=Resolver(),
    rules=(_web_scheme, ValidIri("a URL"), _has_host, NoDotSegments("a URL")),
)
