"""Serialize notices: Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD and schema.org JSON-LD.

The citation exports BibTeX, RIS and CSL-JSON are writers in the same registry (``docs/citations.md``).

One immutable registry maps each :class:`~notice_ld.formats.Format` to its writer; writers are
imported only when used. Every writer streams (one notice at a time, flat memory) and is
deterministic: the same notices give the same bytes on every run, process and hash seed.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "article",
...                       "titles": [{"value": "Vie sociale", "lang": "fr"}]})
>>> text = serialize([n], Format.N_TRIPLES).decode()
>>> '<https://hdl.handle.net/10670/1.jt89mr> <http://purl.org/dc/terms/title> "Vie sociale"@fr .' in text
True
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable, Iterable, Iterator
from types import MappingProxyType
from typing import IO, Final, TypeAlias

from notice_ld.config import Config
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice

__all__ = ["Writer", "serialize", "writer"]

Writer: TypeAlias = Callable[[Iterable[NoticeGraph], IO[bytes], "str | None"], None]
"""A writer: ``(notice graphs, binary output, page language) -> None``."""

_WRITERS: Final = MappingProxyType(
    {
        Format.TURTLE: "notice_ld.writers._text:write_turtle",
        Format.N_TRIPLES: "notice_ld.writers._text:write_ntriples",
        Format.N_QUADS: "notice_ld.writers._text:write_nquads",
        Format.RDF_XML: "notice_ld.writers.rdfxml:write_rdfxml",
        Format.JSON_LD: "notice_ld.writers.jsonld:write_jsonld",
        Format.SCHEMA_JSON_LD: "notice_ld.writers.schema_jsonld:write_schema_jsonld",
        Format.BIBTEX: "notice_ld.writers.bibtex:write_bibtex",
        Format.RIS: "notice_ld.writers.ris:write_ris",
        Format.CSL_JSON: "notice_ld.writers.csl_json:write_csl_json",
    }
)


def writer(fmt: Format) -> Writer:
    """The writer function of a format (imported on first use)."""
    module, _, name = _WRITERS[fmt].partition(":")
    function: Writer = getattr(importlib.import_module(module), name)
    return function


def _graphs(items: Iterable[Notice | NoticeGraph], config: Config) -> Iterator[NoticeGraph]:
    for item in items:
        yield item if isinstance(item, NoticeGraph) else map_notice(item, config)


def serialize(
    notices: Iterable[Notice | NoticeGraph],
    fmt: Format | str,
    out: IO[bytes] | None = None,
    *,
    config: Config | None = None,
    lang: str | None = None,
) -> bytes | None:
    """Write ``notices`` in ``fmt`` to ``out``, or return the bytes when ``out`` is ``None``.

    ``lang`` chooses the page language of the schema.org view (titles, abstracts, keywords).
    """
    fmt = fmt if isinstance(fmt, Format) else Format.from_name(fmt)
    write = writer(fmt)
    graphs = _graphs(notices, config or Config())
    if out is not None:
        write(graphs, out, lang)
        return None
    buffer = io.BytesIO()
    write(graphs, buffer, lang)
    return buffer.getvalue()
