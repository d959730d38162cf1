"""The files of one notice in a static site, and what the site-wide files need from it.

:class:`NoticeFiles` writes a notice's landing page and its per-notice exports
(``notice/{scheme}/{value}.html``, ``.ttl``…) and returns a :class:`Written`: the notice's
blocks of the dumps, its index row and its VoID statistics. The site-wide files (dumps, index,
sitemap, VoID) are written from these by :mod:`notice_ld.web.site`, in input order — in the same
process, or from worker processes when a site is built with several jobs
(:mod:`notice_ld.web._parallel`). Everything here depends on the notice only, so the bytes are
the same whichever process writes them.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from notice_ld.config import Config
from notice_ld.errors import RecordError
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.model import Notice
from notice_ld.related import RelatedBy
from notice_ld.terms import RDF_TYPE
from notice_ld.web.conneg import VARIANTS, Variant
from notice_ld.web.pages import Links, environment, render_page
from notice_ld.web.paths import notice_path
from notice_ld.web.related import InputRelated, RelatedLink

__all__ = ["NoticeFiles", "Written"]

# the work folder is new: a file that exists already belongs to another notice (never overwritten)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


class Written(NamedTuple):
    """What the site-wide files need from one notice (plain values: it crosses processes)."""

    path: str
    """The notice's path in the site, without extension."""
    iri: str
    turtle: bytes
    """Its Turtle block, without the prefix table."""
    ntriples: bytes
    jsonld: bytes
    """Its JSON-LD node objects, joined as in the dump."""
    row: bytes
    """Its line of the index."""
    triples: int
    own: int
    """Triples of the document itself (unique to this notice)."""
    digests: bytes
    """8-byte digests (``array("Q")``) of the other triples: shared nodes, counted once by VoID."""
    vocabularies: tuple[str, ...]
    files: int


class NoticeFiles:
    """Writes the per-notice files of a site under ``root`` (see the module docs)."""

    def __init__(
        self, root: str | os.PathLike[str], *, lang: str, variants: Sequence[Variant], base_url: str
    ) -> None:
        from notice_ld.crosswalk import prefixes
        from notice_ld.writers import codec

        self.root = os.fspath(root)
        self.lang = lang
        self.variants = tuple(variants)
        self.base_url = base_url
        # one codec per format for the whole site: vocabulary terms are looked up once
        self.codecs = {v.format: codec(v.format, lang) for v in VARIANTS if v.format is not None}
        self.namespaces = sorted(dict(prefixes()).values(), key=len, reverse=True)
        self.row_template = environment().get_template("index_row.html")
        self._vocab_of: dict[str, str | None] = {}

    # -- files ----------------------------------------------------------------------------------
    def file(self, relative: str, data: bytes) -> None:
        """Write ``data`` at ``relative`` under the root (folders made on first need); never
        over another file (``FileExistsError``)."""
        path = os.path.join(self.root, relative)
        try:
            fd = os.open(path, _CREATE, 0o644)
        except FileNotFoundError:  # the folder is new (nothing remembered: memory stays flat)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(path, _CREATE, 0o644)
        try:  # three system calls a file, not Python's buffered file object
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)

    def _one(self, fmt: Format, graph: NoticeGraph) -> bytes:
        one = self.codecs[fmt]
        return one.wrap(one.item(graph))

    def _rdf(self, graph: NoticeGraph) -> dict[Format, bytes]:
        """Turtle, N-Triples, N-Quads and JSON-LD of one notice, byte for byte what the writers
        give for it alone, from the block functions (with the site-wide term memos)."""
        from notice_ld.writers.text import NQuadsCodec, ntriples_block

        ttl = self.codecs[Format.TURTLE].item(graph)
        nt_text = ntriples_block(graph)
        nq_text = NQuadsCodec.from_ntriples(nt_text, graph.graph)
        nodes = self.codecs[Format.JSON_LD].item(graph)
        return {
            Format.TURTLE: ttl,
            Format.N_TRIPLES: nt_text.encode("utf-8"),
            Format.N_QUADS: nq_text.encode("utf-8"),
            Format.JSON_LD: nodes,
        }

    def write(self, graph: NoticeGraph, related: Mapping[RelatedBy, Sequence[RelatedLink]]) -> Written:
        """Write the page and the exports of one notice; what the site-wide files need from it.

        All or nothing: if one file cannot be written (or the notice cannot be serialized), the
        files already written for it are removed and :class:`~notice_ld.errors.RecordError` raised.
        """
        done: list[str] = []
        file = self.file

        def record(relative: str, data: bytes) -> None:
            file(relative, data)
            done.append(relative)

        try:
            return self._write(graph, related, record)
        except (ValueError, OSError) as error:  # RecordError is a ValueError
            for relative in done:
                os.unlink(os.path.join(self.root, relative))
            if isinstance(error, RecordError):
                raise
            if isinstance(error, OSError) and not isinstance(error, _CLASHES):
                raise  # a full disk, a permission: the build stops (nothing is half written)
            raise RecordError(
                record=str(graph.notice.id)[:200],
                field="id" if isinstance(error, OSError) else "",
                problem=f"cannot be published: {error}",
                fix="give the notice an identifier no other notice's files use"
                if isinstance(error, OSError)
                else "check the record's text fields",
            ) from error

    def _write(
        self,
        graph: NoticeGraph,
        related: Mapping[RelatedBy, Sequence[RelatedLink]],
        record: Callable[[str, bytes], None],
    ) -> Written:
        path = notice_path(graph.notice.id)
        links = Links(
            root="../" * path.count("/"), page_suffix=".html", exports="files", base_url=self.base_url
        )
        html = render_page(graph, self.lang, links=links, related=related, exports=self.variants[1:])
        record(f"{path}.html", html.encode("utf-8"))
        parts = self._rdf(graph)
        ttl, nt, nodes = parts[Format.TURTLE], parts[Format.N_TRIPLES], parts[Format.JSON_LD]
        whole = {
            Format.TURTLE: self.codecs[Format.TURTLE].wrap(ttl),
            Format.N_TRIPLES: nt,
            Format.N_QUADS: parts[Format.N_QUADS],
            Format.JSON_LD: self.codecs[Format.JSON_LD].wrap(nodes),
        }
        for variant in self.variants[1:]:
            assert variant.format is not None
            data = whole.get(variant.format)
            record(
                f"{path}.{variant.extension}", data if data is not None else self._one(variant.format, graph)
            )
        own, digests = _digests(graph.iri, nt)
        return Written(
            path=path,
            iri=graph.iri,
            turtle=ttl,
            ntriples=nt,
            jsonld=nodes,
            row=self._row(graph, path),
            triples=len(graph.triples),
            own=own,
            digests=digests,
            vocabularies=self._vocabularies(graph),
            files=len(self.variants),
        )

    # -- what the site-wide files need ----------------------------------------------------------
    def _row(self, graph: NoticeGraph, path: str) -> bytes:
        from notice_ld.model import pick_text

        n = graph.notice
        title = pick_text(n.titles, self.lang) or n.titles[0]
        names = [a.display_name for a in n.creators[:3]]
        if len(n.creators) > 3 or n.creators_et_al:
            names.append("et al.")
        byline = ", ".join(names) + (f" ({n.issued[:4]})" if n.issued else "")
        row = self.row_template.render(href=f"{path}.html", title=title.value, lang=title.lang, byline=byline)
        return row.encode("utf-8") + b"\n"

    def _vocabulary(self, iri: str) -> str | None:
        if iri in self._vocab_of:
            return self._vocab_of[iri]
        found = next((ns for ns in self.namespaces if iri.startswith(ns)), None)
        if found is None:
            cut = max(iri.rfind("#"), iri.rfind("/"))
            found = iri[: cut + 1] if cut > 8 else None
        if len(self._vocab_of) < 4096:  # predicates and classes recur; bounded all the same
            self._vocab_of[iri] = found
        return found

    def _vocabularies(self, graph: NoticeGraph) -> tuple[str, ...]:
        """The vocabularies of the notice's predicates and classes."""
        terms: Iterable[str] = {p for _, p, _ in graph.triples} | {
            str(o) for _, p, o in graph.triples if p == RDF_TYPE
        }
        return tuple(sorted({v for v in map(self._vocabulary, terms) if v is not None}))


_CLASHES = (FileExistsError, IsADirectoryError, NotADirectoryError)


def write_notice(
    files: NoticeFiles, notice: Notice, config: Config, index: InputRelated | None, limit: int
) -> Written | RecordError:
    """Map one notice and write its files (:meth:`NoticeFiles.write`), or say why it cannot be."""
    from notice_ld.mapping import map_notice

    try:
        graph = map_notice(notice, config)
        links = {by: index.related(graph, by, limit) for by in RelatedBy} if index is not None else {}
        return files.write(graph, links)
    except RecordError as error:
        return error if error.record else error.with_context(record=str(notice.id)[:200])


def _digests(iri: str, ntriples: bytes) -> tuple[int, bytes]:
    """How many lines are the document's own, and the digests of the others (see :class:`Written`)."""
    own_prefix = f"<{iri}> ".encode()
    own = 0
    digests = array("Q")
    add = digests.append
    blake2b = hashlib.blake2b
    for line in ntriples.splitlines():
        if line.startswith(own_prefix):
            own += 1
        else:
            add(int.from_bytes(blake2b(line, digest_size=8).digest(), "little"))
    return own, digests.tobytes()
