"""Content negotiation: pick the representation of a notice a client asks for.

A notice has an HTML page and one representation per :class:`~notice_ld.formats.Format`.
:func:`negotiate` reads the ``Accept`` header (RFC 9110 §12.5.1: media ranges, ``q`` values,
the most specific range wins) and an optional ``?format=`` override, and returns the
:class:`Variant` to send, or ``None`` when nothing the client accepts is available (answer
``406 Not Acceptable``). Without an ``Accept`` header the page is HTML; at equal quality the
server's order of preference (:data:`VARIANTS`: HTML, Turtle, JSON-LD, N-Triples, RDF/XML…)
decides.

>>> negotiate("text/turtle;q=0.9, application/ld+json").name
'jsonld'
>>> negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").name
'html'
>>> negotiate("application/n-triples, */*;q=0").media_type
'application/n-triples'
>>> negotiate("image/png") is None
True
>>> negotiate("text/html", format_param="ttl").name
'turtle'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notice_ld.errors import UnknownFormatError
from notice_ld.formats import Format

__all__ = ["HTML", "VARIANTS", "MediaRange", "Variant", "negotiate", "parse_accept", "variant_named"]


@dataclass(frozen=True, slots=True)
class Variant:
    """One representation: its name (``html`` or a format name), media type and format."""

    name: str
    media_type: str
    format: Format | None
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value (text types and JSON carry ``charset=utf-8``).

        >>> HTML.content_type
        'text/html; charset=utf-8'
        """
        return f"{self.media_type}; charset=utf-8"

    @property
    def extension(self) -> str:
        """The file name suffix of this representation in a static site (``html``, ``ttl``…).

        >>> variant_named("schema-jsonld").extension
        'schema.jsonld'
        """
        if self.format is None:
            return "html"
        if self.format is Format.SCHEMA_JSON_LD:
            return "schema.jsonld"
        return self.format.extension


HTML = Variant("html", "text/html", None, aliases=("application/xhtml+xml",))
"""The landing page."""

_ORDER = (
    Format.TURTLE,
    Format.JSON_LD,
    Format.N_TRIPLES,
    Format.RDF_XML,
    Format.N_QUADS,
    Format.BIBTEX,
    Format.RIS,
    Format.CSL_JSON,
    Format.SCHEMA_JSON_LD,
)
_ALIASES = {Format.JSON_LD: ("application/json",)}
"""JSON-LD is JSON: a client that asks for ``application/json`` gets it (JSON-LD 1.1, §C)."""

VARIANTS: tuple[Variant, ...] = (
    HTML,
    *(Variant(f.value, f.media_type, f, aliases=_ALIASES.get(f, ())) for f in _ORDER),
)
"""Every representation, in the server's order of preference.

``schema-jsonld`` shares ``application/ld+json`` with the full JSON-LD, which ``Accept`` gets;
the schema.org view is reached with ``?format=schema-jsonld``. ``application/json`` gets the
full JSON-LD too (``Content-Type: application/ld+json``).
"""


def variant_named(name: str) -> Variant:
    """The variant a ``?format=`` value names: ``html`` or any format name or alias (``ttl``, ``nt``…).

    >>> variant_named("NT").name
    'ntriples'
    >>> variant_named("pdf")
    Traceback (most recent call last):
    ...
    notice_ld.errors.UnknownFormatError: unknown format 'pdf'; use one of: html, turtle, ntriples, ...
    """
    key = name.strip().lower()
    if key in ("html", "htm"):
        return HTML
    try:
        fmt = Format.from_name(key)
    except UnknownFormatError:
        known = ", ".join(["html", *(f.value for f in Format)])
        raise UnknownFormatError(f"unknown format {name!r}; use one of: {known}") from None
    return next(v for v in VARIANTS if v.format is fmt)


@dataclass(frozen=True, slots=True)
class MediaRange:
    """One element of an ``Accept`` header: ``type/subtype``, its parameters and its quality."""

    type: str
    subtype: str
    params: tuple[tuple[str, str], ...]
    q: float

    def specificity(self, media_type: str) -> int | None:
        """How specifically this range matches ``media_type`` (higher is more), or ``None``.

        >>> MediaRange("text", "*", (), 1.0).specificity("text/turtle")
        1
        """
        kind, _, sub = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 0
        if self.type != kind:
            return None
        if self.subtype == "*":
            return 1
        if self.subtype != sub:
            return None
        # parameters other than charset must match ours; we have none, so a range that
        # demands one (a JSON-LD profile, say) is less specific than a bare one but still fits
        return 2 if not self.params else 3


_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"  # noqa: S105 (RFC 9110 token)
_RANGE = re.compile(rf"^\s*({_TOKEN})/({_TOKEN})\s*$")
_PARAM = re.compile(rf'^\s*({_TOKEN})\s*=\s*("(?:[^"\\]|\\.)*"|{_TOKEN})\s*$')
_QVALUE = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")


def _split(header: str) -> list[str]:
    """Split on commas that are not inside a quoted string."""
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in header:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def parse_accept(header: str) -> list[MediaRange]:
    """Parse an ``Accept`` header; malformed elements are ignored (as RFC 9110 allows).

    >>> [(r.type, r.subtype, r.q) for r in parse_accept('text/*;q=0.5, application/ld+json')]
    [('text', '*', 0.5), ('application', 'ld+json', 1.0)]
    >>> parse_accept("text/turtle;q=2, nonsense, */*;q=0.1")[0].subtype
    '*'
    """
    ranges: list[MediaRange] = []
    for element in _split(header[:4096]):
        if not element.strip():
            continue
        head, *rest = element.split(";")
        match = _RANGE.match(head)
        if match is None:
            continue
        kind, sub = match.group(1).lower(), match.group(2).lower()
        if kind == "*" and sub != "*":
            continue
        q, params, ok = 1.0, [], True
        for raw in rest:
            param = _PARAM.match(raw)
            if param is None:
                ok = False
                break
            name, value = param.group(1).lower(), param.group(2)
            if name == "q":
                if not _QVALUE.match(value):
                    ok = False
                    break
                q = float(value)
            elif name != "charset":
                params.append((name, value.strip('"')))
        if ok:
            ranges.append(MediaRange(kind, sub, tuple(params), q))
    return ranges


def _quality(ranges: list[MediaRange], variant: Variant) -> float:
    best_q, best_spec = 0.0, -1
    for media_type in (variant.media_type, *variant.aliases):
        alias = media_type != variant.media_type
        for media_range in ranges:
            spec = media_range.specificity(media_type)
            if alias and spec is not None and spec < 2:
                continue  # an alias answers only to its exact name, not to a wildcard
            if spec is not None and spec > best_spec:
                best_q, best_spec = media_range.q, spec
            elif spec is not None and spec == best_spec:
                best_q = max(best_q, media_range.q)
    return best_q


def negotiate(
    accept: str | None,
    *,
    format_param: str | None = None,
    variants: tuple[Variant, ...] = VARIANTS,
) -> Variant | None:
    """The variant to send for an ``Accept`` header, or ``None`` (406).

    ``format_param`` (the ``?format=`` query value) wins over ``Accept``; an unknown name
    raises :class:`~notice_ld.errors.UnknownFormatError`.
    """
    if format_param is not None:
        chosen = variant_named(format_param)
        return chosen if chosen in variants else None
    if accept is None or not accept.strip():
        return variants[0]
    ranges = parse_accept(accept)
    if not ranges:
        return variants[0]
    best: Variant | None = None
    best_q = 0.0
    for variant in variants:
        q = _quality(ranges, variant)
        if q > best_q:
            best, best_q = variant, q
    return best
