"""Serialize notices: Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD and schema.org JSON-LD.

The citation exports BibTeX, RIS and CSL-JSON are writers in the same registry (``docs/citations.md``).

Each :class:`~notice_ld.formats.Format` has a streaming :func:`codec` (header, one item per
notice, footer; parts and their merge: :mod:`notice_ld.writers.stream`), its module imported
only when used. Every writer streams (one notice at a time, flat memory) and is
deterministic: the same notices give the same bytes on every run, process and hash seed.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "article",
...                       "titles": [{"value": "Vie sociale", "lang": "fr"}]})
>>> text = serialize([n], Format.N_TRIPLES).decode()
>>> '<https://hdl.handle.net/10670/1.jt89mr> <http://purl.org/dc/terms/title> "Vie sociale"@fr .' in text
True
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TypeAlias

from notice_ld.config import Config
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.writers.stream import Codec, NoticeWriter

__all__ = ["Codec", "NoticeWriter", "Writer", "codec", "serialize", "write", "writer"]

Writer: TypeAlias = Callable[[Iterable[NoticeGraph], IO[bytes], "str | None"], None]
"""A writer: ``(notice graphs, binary output, page language) -> None``."""


def codec(fmt: Format, lang: str | None = None) -> Codec:
    """The streaming codec of a format (its module imported on first use); ``lang`` is the page
    language of the schema.org view and the citation exports.

    >>> from notice_ld.model import Notice
    >>> from notice_ld.mapping import map_notice
    >>> graph = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}))
    >>> c = codec(Format.N_TRIPLES)
    >>> c.document([graph]) == c.header() + c.first_lead + c.item(graph) + c.footer(False)
    True
    """
    match fmt:
        case Format.TURTLE:
            from notice_ld.writers.text import TurtleCodec

            return TurtleCodec()
        case Format.N_TRIPLES:
            from notice_ld.writers.text import NTriplesCodec

            return NTriplesCodec()
        case Format.N_QUADS:
            from notice_ld.writers.text import NQuadsCodec

            return NQuadsCodec()
        case Format.RDF_XML:
            from notice_ld.writers.rdfxml import RdfXmlCodec

            return RdfXmlCodec()
        case Format.JSON_LD:
            from notice_ld.writers.jsonld import JsonLdCodec

            return JsonLdCodec()
        case Format.SCHEMA_JSON_LD:
            from notice_ld.writers.schema_jsonld import SchemaJsonLdCodec

            return SchemaJsonLdCodec(lang)
        case Format.BIBTEX:
            from notice_ld.writers.bibtex import BibtexCodec

            return BibtexCodec()
        case Format.RIS:
            from notice_ld.writers.ris import RisCodec

            return RisCodec(lang)
        case Format.CSL_JSON:
            from notice_ld.writers.csl_json import CslJsonCodec

            return CslJsonCodec(lang)
    raise TypeError(f"not a Format: {fmt!r}")


def writer(fmt: Format) -> Writer:
    """The writer function of a format: ``(graphs, out, lang)`` through its :func:`codec`."""

    def write_all(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
        codec(fmt, lang).write(graphs, out)

    return write_all


def _graphs(items: Iterable[Notice | NoticeGraph], config: Config) -> Iterator[NoticeGraph]:
    for item in items:
        if isinstance(item, NoticeGraph):
            yield item
        elif isinstance(item, Notice):
            yield map_notice(item, config)
        else:
            raise TypeError(
                f"expected a notice (notice_ld.Notice or NoticeGraph), got {type(item).__name__}: "
                "build notices with Notice.from_dict() or read them with notice_ld.read()"
            )


def serialize(
    notices: Iterable[Notice | NoticeGraph],
    fmt: Format | str,
    *,
    config: Config | None = None,
    lang: str | None = None,
) -> bytes:
    """The bytes of ``notices`` in ``fmt`` (see :func:`write` to stream them into a file).

    ``lang`` chooses the page language of the schema.org view (titles, abstracts, keywords).
    An rdflib ``Graph`` is not a list of notices: it is refused with a ``TypeError`` (read its
    triples back into notices with :func:`notice_ld.mapping.reverse.notice_from_graph`, or
    serialize it with rdflib).
    """
    buffer = io.BytesIO()
    write(notices, fmt, buffer, config=config, lang=lang)
    return buffer.getvalue()


def write(
    notices: Iterable[Notice | NoticeGraph],
    fmt: Format | str,
    out: IO[bytes],
    *,
    config: Config | None = None,
    lang: str | None = None,
) -> int:
    """Stream ``notices`` in ``fmt`` into the binary stream ``out``; returns how many were written.

    >>> import io
    >>> from notice_ld.model import Notice
    >>> out = io.BytesIO()
    >>> write([Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]})], "ntriples", out)
    1
    """
    _refuse_foreign(notices)
    chosen = fmt if isinstance(fmt, Format) else Format.from_name(fmt)
    return codec(chosen, lang).write(_graphs(notices, config or Config()), out)


def _refuse_foreign(notices: object) -> None:
    """A clear ``TypeError`` for inputs that are not notices (an rdflib graph, a string, bytes)."""
    kind = type(notices)
    if kind.__module__.startswith("rdflib"):
        raise TypeError(
            f"serialize() takes notices (notice_ld.Notice or NoticeGraph), not an rdflib {kind.__name__}: "
            "serialize the graph with rdflib, or read each notice back first with "
            "notice_ld.mapping.reverse.notice_from_graph()"
        )
    if isinstance(notices, str | bytes):
        raise TypeError(
            "serialize() takes an iterable of notices, not text: read it with notice_ld.read() first"
        )
