"""CSL-JSON export: the input format of citation processors (citeproc-js, citeproc-py, Pandoc, Zotero).

A JSON array with one item per notice, written item by item (streaming), UTF-8, keys in a
fixed order; valid against the CSL-JSON schema (``csl-data.json``, CSL 1.0.2).

- ``type`` by document type: ``article-journal``, ``book``, ``chapter``, ``thesis``,
  ``report``, ``paper-conference``, ``article`` (working papers — CSL's type for preprints
  and working papers), ``dataset``, ``document``.
- ``id`` the notice's identifier; ``title`` as published; ``author``, ``editor``,
  ``translator`` as ``{"family", "given"}`` (``{"literal"}`` for organisations and single
  names; CSL has no "et al." marker, so only the named authors are written).
- ``issued`` as ``{"date-parts": [[2022, 3, 15]]}`` with the record's precision.
- ``container-title`` (journal, book, proceedings) or ``collection-title`` and
  ``collection-number`` (series); ``volume``, ``issue``, ``page`` (``87-112``);
  ``publisher``; ``genre`` (the source's type label); ``ISBN``, ``ISSN``, ``DOI``, ``URL``;
  ``language``; ``abstract`` and ``keyword`` in ``lang`` (else the first / all);
  ``source`` the collection (e.g. Cairn.info).

>>> import json
>>> from notice_ld.model import Notice
>>> from notice_ld.writers import serialize
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "article",
...     "titles": [{"value": "Produire des savoirs", "lang": "fr"}],
...     "creators": [{"family": "Jouet", "given": "Emmanuelle"}], "issued": "2019",
...     "container": {"title": "Vie sociale"}})
>>> item = json.loads(serialize([n], "csl-json"))[0]
>>> item["type"], item["author"], item["issued"], item["container-title"]
('article-journal', [{'family': 'Jouet', 'given': 'Emmanuelle'}], {'date-parts': [[2019]]}, 'Vie sociale')
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from notice_ld.citation import fields as f
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.model import ContainerType, DocumentType, Notice, Organization, Person, Role
from notice_ld.writers.stream import Codec

__all__ = ["CslJsonCodec", "csl_item", "write_csl_json"]

_TYPES = {
    DocumentType.ARTICLE: "article-journal",
    DocumentType.BOOK: "book",
    DocumentType.CHAPTER: "chapter",
    DocumentType.THESIS: "thesis",
    DocumentType.REPORT: "report",
    DocumentType.CONFERENCE_PAPER: "paper-conference",
    DocumentType.WORKING_PAPER: "article",
    DocumentType.DATASET: "dataset",
    DocumentType.OTHER: "document",
}


def _name(agent: Person | Organization) -> dict[str, str]:
    if isinstance(agent, Organization) or agent.family is None:
        return {"literal": agent.name or ""}
    if agent.given is None:
        return {"family": agent.family}
    return {"family": agent.family, "given": agent.given}


def csl_item(notice: Notice, lang: str | None = None) -> dict[str, Any]:
    """The CSL-JSON item of ``notice`` (a dict ready for :func:`json.dumps`)."""
    item: dict[str, Any] = {"id": notice.id.value, "type": _TYPES[notice.type], "title": f.title(notice)}
    for key, role in (("author", None), ("editor", Role.EDITOR), ("translator", Role.TRANSLATOR)):
        agents = list(notice.creators) if role is None else f.contributors(notice, role)
        if agents:
            item[key] = [_name(agent) for agent in agents]
    parts = f.date_parts(notice)
    if parts:
        item["issued"] = {"date-parts": [list(parts)]}
    container = notice.container
    if container is not None and container.type is ContainerType.SERIES:
        item["collection-title"] = container.title
        number = container.volume or container.issue
        if number:
            item["collection-number"] = number
    elif container is not None:
        item["container-title"] = container.title
        if container.volume:
            item["volume"] = container.volume
        if container.issue:
            item["issue"] = container.issue
    elif notice.type is DocumentType.ARTICLE and notice.source is not None:
        item["container-title"] = notice.source
    if container is not None and container.pages:
        span = container.page_range
        item["page"] = f"{span[0]}-{span[1]}" if span else container.pages
    optional = {
        "publisher": f.publisher(notice),
        "genre": notice.type_label,
        "ISBN": f.isbn(notice),
        "ISSN": f.issn(container),
        "DOI": f.doi(notice),
        "URL": f.link(notice),
        "language": notice.languages[0] if notice.languages else None,
        "abstract": f.abstract(notice, lang),
        "keyword": ", ".join(f.keywords(notice, lang)),
        "source": notice.collection.name if notice.collection is not None else None,
    }
    item.update((key, value) for key, value in optional.items() if value)
    return item


class CslJsonCodec(Codec):
    """CSL-JSON: a JSON array of CSL items, one key per line (``[]`` for none)."""

    format = Format.CSL_JSON
    lead = b","

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang
        self._encode = json.JSONEncoder(ensure_ascii=False).encode  # keys are CSL names: ASCII

    def header(self) -> bytes:
        return b"["

    def item(self, graph: NoticeGraph) -> bytes:
        encode = self._encode
        fields = ",\n".join(
            f'    "{key}": {encode(value)}' for key, value in csl_item(graph.notice, self.lang).items()
        )
        return f"\n  {{\n{fields}\n  }}".encode()

    def footer(self, empty: bool) -> bytes:
        return b"]\n" if empty else b"\n]\n"


def write_csl_json(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None) -> None:
    """Write a JSON array of CSL items, one item at a time, one key per line (``[]`` for none)."""
    CslJsonCodec(lang).write(graphs, out)
