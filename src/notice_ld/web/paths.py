"""Where a notice lives on the web site: ``notice/{scheme}/{value}``, and back.

The path of a notice is its identifier scheme then its canonical value, so it is readable and
stable: ``notice/handle/10670/1.jt89mr``, ``notice/doi/10.4000/tes.2841``. A value that would
not make a safe path on every static host — characters outside letters, digits and
``.-_~:;@+=,``, an empty, ``.`` or ``..`` segment, a very long segment, a folder named like a
notice file (``x.html/``) or a last segment ending in ``.schema`` (``x.schema.jsonld`` is a
file of notice ``x``) — is written as ``~``
followed by its base64url form instead (cut into segments of at most 200 characters, so no
file name exceeds the 255 bytes file systems allow), so no identifier can climb out of the site
folder or collide with another. :func:`identifier_from_path` reverses it and **checks the identifier**
(:func:`notice_ld.identifiers.parse`), so a server only ever looks up a valid identifier.

>>> from notice_ld.identifiers import parse
>>> notice_path(parse("10670/1.jt89mr"))
'notice/handle/10670/1.jt89mr'
>>> notice_path(parse("https://www.persee.fr/doc/rha_0035"))
'notice/url/~aHR0cHM6Ly93d3cucGVyc2VlLmZyL2RvYy9yaGFfMDAzNQ'
>>> identifier_from_path("handle/10670/1.jt89mr").iri
'https://hdl.handle.net/10670/1.jt89mr'
>>> identifier_from_path("url/~aHR0cHM6Ly93d3cucGVyc2VlLmZyL2RvYy9yaGFfMDAzNQ").value
'https://www.persee.fr/doc/rha_0035'
"""

from __future__ import annotations

import base64
import binascii
import re

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError

__all__ = ["MAX_PATH", "NOTICE_PREFIX", "identifier_from_path", "notice_path"]

NOTICE_PREFIX = "notice"
"""The first path segment of every notice page."""

_SAFE = re.compile(r"^[A-Za-z0-9._~:;@+=,-]{1,120}$")
_SEGMENT = 200  # characters of base64url per path segment (a file name has at most 255 bytes)

MAX_PATH = 3000
"""The longest notice path a site writes (bytes); longer identifiers are refused per record."""


# a notice's files are PATH.html, PATH.ttl… PATH.schema.jsonld: a folder named like one of them, or
# a last segment ending in ".schema", would make two notices' files meet (encoded instead)
_FILE_SUFFIXES = (".html", ".ttl", ".nt", ".nq", ".rdf", ".jsonld", ".bib", ".ris", ".json")


def _safe_segments(value: str) -> bool:
    segments = value.split("/")
    if not all(_SAFE.match(s) and s not in (".", "..") and not s.startswith("~") for s in segments):
        return False
    if any(s.lower().endswith(_FILE_SUFFIXES) for s in segments[:-1]):
        return False
    return not segments[-1].lower().endswith(".schema")


def notice_path(identifier: ids.Identifier) -> str:
    """The site path of the notice whose own identifier is ``identifier`` (no leading ``/``)."""
    value = identifier.value
    if not _safe_segments(value):
        token = base64.urlsafe_b64encode(value.encode("utf-8")).decode("ascii").rstrip("=")
        value = "~" + "/".join(token[i : i + _SEGMENT] for i in range(0, len(token), _SEGMENT))
    return f"{NOTICE_PREFIX}/{identifier.scheme.value}/{value}"


def identifier_from_path(rest: str) -> ids.Identifier:
    """The identifier of a notice path (``{scheme}/{value}``, after ``notice/``), checked.

    Raises :class:`~notice_ld.errors.IdentifierError` when the scheme is unknown or the value
    is not a valid identifier of that scheme.

    >>> identifier_from_path("doi/10.4000/TES.2841").value
    '10.4000/tes.2841'
    >>> identifier_from_path("isbn/978-2-87678-412-0")
    Traceback (most recent call last):
    ...
    notice_ld.errors.IdentifierError: '978-2-87678-412-0': ISBN-13 check digit is wrong ...
    """
    scheme, _, value = rest.partition("/")
    known = {s.value for s in ids.Scheme}
    if scheme not in known or not value:
        raise IdentifierError(
            scheme=None,
            value=rest[:200],
            problem="this is not the path of a notice",
            fix=f"use notice/SCHEME/IDENTIFIER with a scheme among {', '.join(sorted(known))}",
        )
    if value.startswith("~"):
        token = value[1:].replace("/", "")  # base64url has no "/": the segments join back
        try:
            value = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("utf-8")
        except (binascii.Error, ValueError):
            raise IdentifierError(
                scheme=scheme,
                value=rest[:200],
                problem="the encoded identifier in the path is damaged",
                fix="follow the link from the site's index or sitemap",
            ) from None
    try:
        return ids.parse(value, scheme)
    except IdentifierError as exc:
        if len(value) <= 200:
            raise
        # an error page must not echo kilobytes of the request back
        problem = exc.problem.removeprefix(f"{exc.value!r}: ")
        raise IdentifierError(scheme=scheme, value=value[:200] + "…", problem=problem, fix=exc.fix) from None
