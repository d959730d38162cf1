"""RIS export: one record per notice, UTF-8, CRLF line ends, deterministic, streaming.

Tags follow the RIS specification and the way Zotero reads them back:

- ``TY`` by document type: ``JOUR`` article, ``BOOK``, ``CHAP`` chapter, ``THES`` thesis,
  ``RPRT`` report and working paper (``M3  - Working paper``), ``CPAPER`` conference paper,
  ``DATA`` data set, ``GEN`` other.
- ``AU`` one line per author (``Family, Given``; organisations by name); ``A2`` editors (``A3``
  for the editors of a whole book), ``A4`` translators. RIS has no "et al." marker: only the
  named authors are written, none is invented.
- ``TI`` the title as published, ``TT`` each other title (translations); ``T2`` the journal,
  book, proceedings or series; ``PY`` year, ``DA`` ``2022/03/15`` (the precision kept);
  ``VL``, ``IS``, ``SP``/``EP`` (or ``SP`` alone when the pages are not a range);
  ``SN`` the ISSN (articles), the ISBN (books, chapters…) or the report number (reports);
  ``PB`` publisher / university / institution; ``M3`` type of work; ``DO`` DOI; ``UR`` link;
  ``LA`` language; ``KW`` one line per keyword; ``AB`` the abstract, one line per paragraph
  (continuation lines without a tag); ``DP`` the collection (e.g. Cairn.info); ``ID`` the
  notice's identifier; ``ER`` ends the record, a blank line separates records.

``lang`` chooses the abstract and the keywords (those in that language, else all).

>>> from notice_ld.model import Notice
>>> from notice_ld.writers import serialize
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "article",
...     "titles": [{"value": "Produire des savoirs", "lang": "fr"}],
...     "creators": [{"family": "Jouet", "given": "Emmanuelle"}], "creators_et_al": True,
...     "abstracts": [{"value": "Premier paragraphe.\\n\\nSecond paragraphe.", "lang": "fr"}],
...     "issued": "2019", "container": {"title": "Vie sociale"}})
>>> print(serialize([n], "ris").decode().replace("\\r\\n", "\\n"))
TY  - JOUR
ID  - 10670/1.jt89mr
AU  - Jouet, Emmanuelle
TI  - Produire des savoirs
T2  - Vie sociale
PY  - 2019
DA  - 2019
UR  - https://hdl.handle.net/10670/1.jt89mr
AB  - Premier paragraphe.
Second paragraphe.
ER  -
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

from notice_ld.citation import fields as f
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.model import ContainerType, DocumentType, Notice, Organization, Person, Role
from notice_ld.writers.stream import Codec

__all__ = ["RisCodec", "ris_record", "write_ris"]

EOL = "\r\n"
_TYPES = {
    DocumentType.ARTICLE: "JOUR",
    DocumentType.BOOK: "BOOK",
    DocumentType.CHAPTER: "CHAP",
    DocumentType.THESIS: "THES",
    DocumentType.REPORT: "RPRT",
    DocumentType.CONFERENCE_PAPER: "CPAPER",
    DocumentType.WORKING_PAPER: "RPRT",
    DocumentType.DATASET: "DATA",
    DocumentType.OTHER: "GEN",
}
_TAG_LINE = re.compile(r"^[A-Z][A-Z0-9]  -")


def _name(agent: Person | Organization) -> str:
    if isinstance(agent, Organization) or agent.family is None:
        return agent.name or ""
    return f"{agent.family}, {agent.given}" if agent.given else agent.family


def _block(text: str) -> str:
    """A multi-paragraph value: one line per paragraph; no line may look like a tag line."""
    lines = [line for line in text.split("\n") if line.strip()]
    return EOL.join(" " + line if _TAG_LINE.match(line) else line for line in lines)


def ris_record(notice: Notice, lang: str | None = None) -> str:
    """The RIS record of ``notice``, ``TY`` to ``ER``, with CRLF line ends."""
    kind = _TYPES[notice.type]
    container = notice.container
    lines: list[tuple[str, str]] = [("TY", kind), ("ID", notice.id.value)]

    def add(tag: str, value: str | None) -> None:
        if value:
            lines.append((tag, value))

    for agent in notice.creators:
        add("AU", _name(agent))
    for agent in f.contributors(notice, Role.EDITOR):
        add("A3" if kind == "BOOK" else "A2", _name(agent))
    for agent in f.contributors(notice, Role.TRANSLATOR):
        add("A4", _name(agent))
    add("TI", f.title(notice))
    for other in notice.titles[1:]:
        add("TT", other.value)
    if container is not None:
        add("T2", container.title)
    elif notice.type is DocumentType.ARTICLE:
        add("T2", notice.source)
    parts = f.date_parts(notice)
    if parts:
        add("PY", f"{parts[0]:04d}")  # year 999 is 0999, as in the notice
        add("DA", "/".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts)))
    if container is not None:
        series_report = kind == "RPRT" and container.type is ContainerType.SERIES
        if not series_report:
            add("VL", container.volume)
            add("IS", container.issue)
        span = container.page_range
        if span:
            add("SP", span[0])
            add("EP", span[1])
        else:
            add("SP", container.pages)
        if series_report:
            add("SN", container.issue or container.volume)
    if kind == "JOUR":
        add("SN", f.issn(container))
    elif kind != "RPRT":
        add("SN", f.isbn(notice))
    add("PB", f.publisher(notice))
    label = notice.type_label
    if label is None and notice.type is DocumentType.WORKING_PAPER:
        label = "Working paper"
    add("M3", label)
    add("DO", f.doi(notice))
    add("UR", f.link(notice))
    if notice.languages:
        add("LA", notice.languages[0])
    for keyword in f.keywords(notice, lang):
        add("KW", keyword)
    summary = f.abstract(notice, lang)
    add("AB", _block(summary) if summary else None)
    if notice.collection is not None:
        add("DP", notice.collection.name)
    body = "".join(f"{tag}  - {value}{EOL}" for tag, value in lines)
    return f"{body}ER  - {EOL}"


class RisCodec(Codec):
    """RIS: one record per notice, a blank line (CRLF) between records."""

    format = Format.RIS
    lead = EOL.encode("ascii")

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    def item(self, graph: NoticeGraph) -> bytes:
        return ris_record(graph.notice, self.lang).encode("utf-8")


def write_ris(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None) -> None:
    """Write one RIS record per notice, separated by a blank line."""
    RisCodec(lang).write(graphs, out)
