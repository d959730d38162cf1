"""A static site from notices: one page per notice, an index, full dumps, VoID/DCAT, a sitemap.

:func:`build_site` streams the notices (one at a time, nothing but a compact index kept) and
writes, under the output folder::

    index.html                         every notice, linked (streamed, in input order)
    .notice-ld-site                    marks the folder as a site notice_ld may replace
    notice/{scheme}/{value}.html       the landing page (see notice_ld.web.pages)
    notice/{scheme}/{value}.ttl|.nt|.jsonld|.rdf|.nq|.bib|.ris|.json|.schema.jsonld
    dump/notices.ttl, dump/notices.nt.gz, dump/notices.jsonld   the whole dataset
    void.ttl, void.nt, .well-known/void   VoID + DCAT description of the dataset
    sitemap.xml (a sitemap index and sitemap-N.xml past 50,000 pages), robots.txt

Bytes are deterministic: the same input and options give the same files on every run
(dumps are byte-identical to ``notice-ld convert`` of the same input; the gzip header carries
no time or name). The site is built in a temporary sibling folder and moved into place at the
end, so a failure leaves the previous site untouched. Bad records are reported and skipped,
the others go through; a second record with the same identifier is reported, not written.

Related links ("by the same authors / subjects / disciplines") come from the notices of the
input (:class:`~notice_ld.web.related.InputRelated`, a first pass over the input), or are
left out with ``related=False`` (one pass).

>>> import tempfile, os
>>> from notice_ld.model import Notice
>>> notices = [Notice.from_dict({"id": "10670/1.jt89mr", "type": "article",
...     "titles": [{"value": "Vie sociale", "lang": "fr"}], "issued": "2019"})]
>>> out = os.path.join(tempfile.mkdtemp(), "site")
>>> report = build_site(lambda: notices, out, base_url="https://example.org/")
>>> report.pages, report.triples
(1, 17)
>>> print(*sorted(os.listdir(out)))
.notice-ld-site .well-known dump index.html notice robots.txt sitemap.xml void.nt void.ttl
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape as xml_escape

from notice_ld.citation import citation_language
from notice_ld.config import Config
from notice_ld.errors import ConfigError, RecordError
from notice_ld.formats import Format
from notice_ld.iris import document_iri
from notice_ld.languages import Language
from notice_ld.model import Notice
from notice_ld.terms import IRI, RDF_TYPE, Literal, Triple, triple_key
from notice_ld.vocabulary import DCAT, DCTERMS, FORMATS, IANA_MEDIA_TYPES, VOID, XSD
from notice_ld.web._disk import DistinctCounter, SeenIRIs
from notice_ld.web._notice_files import NoticeFiles, Written, write_notice
from notice_ld.web._output import SiteFolder
from notice_ld.web.conneg import VARIANTS
from notice_ld.web.pages import check_iri, environment, labels
from notice_ld.web.paths import MAX_PATH, notice_path
from notice_ld.web.related import InputRelated
from notice_ld.writers.stream import SharedTriples

__all__ = ["DUMPS", "GZIP_LEVEL", "SITEMAP_LIMIT", "SiteReport", "build_site", "dataset_triples"]

DUMPS: tuple[tuple[str, Format, str], ...] = (
    ("dump/notices.ttl", Format.TURTLE, "text/turtle"),
    ("dump/notices.nt.gz", Format.N_TRIPLES, "application/n-triples"),
    ("dump/notices.jsonld", Format.JSON_LD, "application/ld+json"),
)
"""The full dumps: path in the site, format, media type (the N-Triples dump is gzipped)."""

SITEMAP_LIMIT = 50_000
"""URLs per sitemap file (the sitemaps.org limit)."""

_DEFAULT = Config()
GZIP_LEVEL = 3
"""zlib level of the gzipped N-Triples dump: 2.5 times faster than level 6, about 20 % larger."""
_IANA = IANA_MEDIA_TYPES.NS
_FORMATS_NS = FORMATS.NS


@dataclass
class SiteReport:
    """What :func:`build_site` did: pages written, records rejected, triples in the dump."""

    pages: int = 0
    triples: int = 0
    distinct_triples: int = 0
    vocabularies: tuple[str, ...] = ()
    errors: list[RecordError] = field(default_factory=list)
    files: int = 0

    @property
    def rejected(self) -> int:
        """How many records were rejected."""
        return len(self.errors)


class _Stats:
    """Dataset statistics for VoID: triples, distinct triples, vocabularies used.

    Distinct triples are counted in bounded memory: the digests of the triples of shared nodes
    (people, journals, concepts — repeated in every notice that uses them) go to a
    :class:`~notice_ld.web._disk.DistinctCounter` spilled to ``spill``.
    """

    def __init__(self, spill: Path) -> None:
        self.triples = 0
        self.documents = 0
        self.first: str | None = None
        self._shared = DistinctCounter(spill)
        self._own = 0
        self.vocabularies: set[str] = set()
        self._distinct: int | None = None

    def add(self, written: Written) -> None:
        self.documents += 1
        self.first = self.first or written.iri
        self.triples += written.triples
        self._own += written.own
        self.vocabularies.update(written.vocabularies)
        self._shared.add_bytes(written.digests)

    @property
    def distinct(self) -> int:
        if self._distinct is None:
            self._distinct = self._own + self._shared.count()
        return self._distinct

    def close(self) -> None:
        self._shared.close()


def dataset_triples(
    base_url: str,
    *,
    stats: Any,
    dumps: Sequence[tuple[str, Format, str, int]],
    title: str = "notice_ld dataset",
    sparql_endpoint: str | None = None,
    license_iri: str | None = None,
) -> list[Triple]:
    """The VoID + DCAT description of a site's dataset, as sorted triples (no blank node).

    ``stats`` has ``distinct``, ``documents``, ``vocabularies`` and ``first``; ``dumps`` are
    ``(path, format, media type, byte size)``.

    >>> from types import SimpleNamespace
    >>> stats = SimpleNamespace(distinct=18, documents=1, vocabularies={"http://schema.org/"},
    ...                         first="https://hdl.handle.net/10670/1.jt89mr")
    >>> ts = dataset_triples("https://example.org/", stats=stats,
    ...                      dumps=[("dump/notices.ttl", Format.TURTLE, "text/turtle", 100)])
    >>> ("https://example.org/void.ttl#dataset", "http://rdfs.org/ns/void#triples",
    ...  Literal("18", "http://www.w3.org/2001/XMLSchema#integer")) in ts
    True
    """
    base = base_url.rstrip("/") + "/"
    dataset = f"{base}void.ttl#dataset"
    out: list[Triple] = []

    def add(s: str, p: str, o: IRI | Literal) -> None:
        out.append((s, p, o))

    for cls in (VOID.Dataset, DCAT.Dataset):
        add(dataset, RDF_TYPE, IRI(cls))
    add(dataset, DCTERMS.title, Literal(title))
    # DCAT-AP 3.0 requires a description of the dataset and an access URL for each distribution
    description = (
        f"{stats.documents} bibliographic records (notices) published as linked data in Dublin Core "
        "terms, BIBO and schema.org, one landing page and one set of exports per notice."
    )
    add(dataset, DCTERMS.description, Literal.tagged(description, "en"))
    add(dataset, VOID.triples, Literal(str(stats.distinct), XSD.integer))
    add(dataset, VOID.entities, Literal(str(stats.documents), XSD.integer))
    for vocabulary in sorted(stats.vocabularies):
        add(dataset, VOID.vocabulary, IRI(vocabulary))
    if stats.first:
        add(dataset, VOID.exampleResource, IRI(stats.first))
    add(dataset, DCAT.landingPage, IRI(f"{base}index.html"))
    for name in ("Turtle", "N-Triples", "JSON-LD"):
        add(dataset, VOID.feature, IRI(_FORMATS_NS + name.replace("-", "_")))
    if license_iri:
        add(dataset, DCTERMS.license, IRI(license_iri))
    for path, fmt, media_type, size in dumps:
        url = f"{base}{path}"
        distribution = f"{base}void.ttl#dump-{fmt.value}"
        add(dataset, VOID.dataDump, IRI(url))
        add(dataset, DCAT.distribution, IRI(distribution))
        add(distribution, RDF_TYPE, IRI(DCAT.Distribution))
        add(distribution, DCAT.downloadURL, IRI(url))
        add(distribution, DCAT.accessURL, IRI(f"{base}index.html"))
        add(distribution, DCAT.mediaType, IRI(_IANA + media_type))
        add(distribution, DCAT.byteSize, Literal(str(size), XSD.decimal))  # DCAT-AP 3.0's datatype
        if path.endswith(".gz"):
            add(distribution, DCAT.compressFormat, IRI(_IANA + "application/gzip"))
    if sparql_endpoint:
        service = f"{base}void.ttl#sparql"
        add(dataset, VOID.sparqlEndpoint, IRI(sparql_endpoint))
        add(dataset, DCAT.accessService, IRI(service))
        add(service, RDF_TYPE, IRI(DCAT.DataService))
        add(service, DCAT.endpointURL, IRI(sparql_endpoint))
        add(service, DCAT.servesDataset, IRI(dataset))
    return sorted(set(out), key=triple_key)


def _write_rdf(triples: Sequence[Triple], out: IO[bytes], fmt: Any, namespaces: dict[str, str]) -> None:
    import pyoxigraph as ox

    from notice_ld.writers.rdfxml import to_oxigraph_term

    quads = [ox.Triple(ox.NamedNode(s), ox.NamedNode(p), to_oxigraph_term(o)) for s, p, o in triples]
    ox.serialize(quads, out, fmt, prefixes=namespaces)


class _Writer:
    """Writes the site-wide files of one site into a folder (see the module docs), from what
    :class:`~notice_ld.web._notice_files.NoticeFiles` returns for each notice, in input order."""

    def __init__(self, root: Path, options: dict[str, Any], scratch: Path) -> None:
        from notice_ld.crosswalk import prefixes
        from notice_ld.writers import codec

        self.root = root
        self.o = options
        self.lang: str = options["lang"]
        self.namespaces = dict(prefixes())
        self.stats = _Stats(scratch / "digests.bin")
        self.files = 0
        self.notice_files = NoticeFiles(
            root, lang=self.lang, variants=options["variants"], base_url=options["base_url"]
        )
        (root / "dump").mkdir(parents=True)
        self.turtle = open(root / "dump/notices.ttl", "wb")  # noqa: SIM115 (closed in close())
        self.jsonld = open(root / "dump/notices.jsonld", "wb")  # noqa: SIM115
        self.nt_file = open(root / "dump/notices.nt.gz", "wb")  # noqa: SIM115
        self.nt = gzip.GzipFile(
            filename="", mode="wb", fileobj=self.nt_file, mtime=0, compresslevel=GZIP_LEVEL
        )
        self.rows = open(root / ".index-rows.part", "wb")  # noqa: SIM115
        self.sitemaps: list[str] = []
        self.sitemap: IO[bytes] | None = None
        self.in_sitemap = 0
        self.turtle_codec, self.jsonld_codec = codec(Format.TURTLE), codec(Format.JSON_LD)
        self.turtle.write(self.turtle_codec.header())
        self.jsonld.write(self.jsonld_codec.header())
        self.jsonld_first = True
        # the dumps are sets: shared nodes' triples once, after the notices (notice_ld.writers.stream)
        self.shared = SharedTriples()

    def _file(self, relative: str, data: bytes) -> None:
        self.notice_files.file(relative, data)
        self.files += 1

    def add(self, written: Written) -> None:
        """Add one notice's share of the site-wide files (its own files are written)."""
        self.files += written.files
        # a notice's blocks hold its document first (its ``own`` lines, its first Turtle block)
        cut = 0
        for _ in range(written.own):
            cut = written.ntriples.index(b"\n", cut) + 1
        self.nt.write(written.ntriples[:cut])
        self.shared.add(written.ntriples[cut:].splitlines(keepends=True))
        end = written.turtle.find(b"\n\n") + 1 or len(written.turtle)
        self.turtle.write(self.turtle_codec.lead + written.turtle[:end])
        if written.jsonld:
            codec = self.jsonld_codec
            self.jsonld.write((codec.first_lead if self.jsonld_first else codec.lead) + written.jsonld)
            self.jsonld_first = False
        self.stats.add(written)
        self.rows.write(written.row)
        self._sitemap_url(f"{written.path}.html")

    def _sitemap_url(self, path: str) -> None:
        if self.sitemap is None or self.in_sitemap >= SITEMAP_LIMIT:
            self._close_sitemap()
            name = f"sitemap-{len(self.sitemaps) + 1}.xml"
            self.sitemaps.append(name)
            self.sitemap = open(self.root / name, "wb")  # noqa: SIM115
            self.sitemap.write(
                b'<?xml version="1.0" encoding="UTF-8"?>\n'
                b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            )
            self.in_sitemap = 0
        url = xml_escape(f"{self.o['base']}{path}")
        self.sitemap.write(f"<url><loc>{url}</loc></url>\n".encode())
        self.in_sitemap += 1

    def _close_sitemap(self) -> None:
        if self.sitemap is not None:
            self.sitemap.write(b"</urlset>\n")
            self.sitemap.close()
            self.files += 1
            self.sitemap = None

    def _finish_sitemaps(self) -> None:
        self._close_sitemap()
        base = self.o["base"]
        if len(self.sitemaps) == 1:
            os.replace(self.root / self.sitemaps[0], self.root / "sitemap.xml")
            return
        with open(self.root / "sitemap.xml", "wb") as fh:
            fh.write(
                b'<?xml version="1.0" encoding="UTF-8"?>\n'
                b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            )
            for name in self.sitemaps:
                fh.write(f"<sitemap><loc>{xml_escape(base + name)}</loc></sitemap>\n".encode())
            fh.write(b"</sitemapindex>\n")
        self.files += 1

    def close(self) -> None:
        """Finish every file (empty dumps are still valid documents)."""
        self.jsonld.write(self.jsonld_codec.footer(self.jsonld_first))
        try:
            for chunk in self.turtle_codec.shared_section(self.shared):
                self.turtle.write(chunk)
            for record in self.shared:
                self.nt.write(record)
        finally:
            self.shared.close()
        self.nt.close()
        for fh in (self.turtle, self.jsonld, self.nt_file, self.rows):
            fh.close()
        self.files += 3
        if self.sitemap is None and not self.sitemaps:
            self.sitemaps.append("sitemap-1.xml")
            with open(self.root / "sitemap-1.xml", "wb") as fh:
                fh.write(
                    b'<?xml version="1.0" encoding="UTF-8"?>\n'
                    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n'
                )
        self._finish_sitemaps()
        self._index()
        self._void()
        self.stats.close()
        self._file("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {self.o['base']}sitemap.xml\n".encode())

    def _index(self) -> None:
        env = environment()
        t = labels(self.lang)
        downloads = [
            {"href": path, "media_type": media_type, "label": path.rsplit("/", 1)[-1]}
            for path, _, media_type in DUMPS
        ] + [{"href": "void.ttl", "media_type": "text/turtle", "label": "VoID / DCAT (void.ttl)"}]
        alternates = [{"href": "void.ttl", "media_type": "text/turtle", "label": "VoID"}]
        head = env.get_template("index_head.html").render(
            lang=citation_language(self.lang),
            title=self.o["title"],
            t=t,
            downloads=downloads,
            alternates=alternates,
        )
        tail = env.get_template("index_tail.html").render(t=t, next_href=None)
        with open(self.root / "index.html", "wb") as out:
            out.write(head.encode("utf-8") + b"\n")
            with open(self.root / ".index-rows.part", "rb") as rows:
                shutil.copyfileobj(rows, out)
            out.write(tail.encode("utf-8"))
        os.unlink(self.root / ".index-rows.part")
        self.files += 1

    def _void(self) -> None:
        import pyoxigraph as ox

        dumps = [(p, f, m, (self.root / p).stat().st_size) for p, f, m in DUMPS]
        triples = dataset_triples(
            self.o["base"],
            stats=self.stats,
            dumps=dumps,
            title=self.o["title"],
            sparql_endpoint=self.o["sparql_endpoint"],
            license_iri=self.o["license"],
        )
        namespaces = {**self.namespaces, "void": VOID.NS, "dcat": DCAT.NS}
        buffer = io.BytesIO()
        _write_rdf(triples, buffer, ox.RdfFormat.TURTLE, namespaces)
        self._file("void.ttl", buffer.getvalue())
        self._file(".well-known/void", buffer.getvalue())
        buffer = io.BytesIO()
        _write_rdf(triples, buffer, ox.RdfFormat.N_TRIPLES, {})
        self._file("void.nt", buffer.getvalue())


def _too_long(notice: Notice) -> RecordError | None:
    if len(notice_path(notice.id).encode()) <= MAX_PATH:
        return None
    return RecordError(
        record=str(notice.id)[:200],
        field="id",
        problem=f"the identifier is too long to name a file (path over {MAX_PATH} bytes)",
        fix="shorten it, or give the notice a persistent identifier (Handle, DOI…)",
    )


def _index_pass(
    source: Callable[[], Iterable[object]],
    index: InputRelated,
    on_progress: Callable[[str, int], None] | None,
) -> set[int]:
    """Index every notice for related links; the positions of duplicates (refused later)."""
    duplicates: set[int] = set()
    position = -1
    for outcome in source():
        if not isinstance(outcome, Notice):
            continue
        position += 1
        if _too_long(outcome) is not None:
            continue  # refused in the second pass: never a related link
        try:
            if not index.add(outcome):
                duplicates.add(position)
        except RecordError:
            continue  # reported in the second pass, where it fails again
        if on_progress is not None and position % 1000 == 999:
            on_progress("index", position + 1)
    if on_progress is not None:
        on_progress("index", position + 1)
    return duplicates


def _accepted(
    source: Callable[[], Iterable[object]],
    config: Config,
    duplicates: set[int],
    seen: SeenIRIs | None,
    reject: Callable[[RecordError], None],
) -> Iterator[Notice]:
    """The notices to publish, in input order; bad records, duplicates and unwritable ones rejected."""
    position = -1
    for outcome in source():
        if isinstance(outcome, RecordError):
            reject(outcome)
            continue
        if not isinstance(outcome, Notice):
            continue
        position += 1
        too_long = _too_long(outcome)
        if too_long is not None:
            reject(too_long)
            continue
        duplicate = position in duplicates if seen is None else not seen.add(document_iri(outcome.id, config))
        if duplicate:
            iri = document_iri(outcome.id, config)
            reject(
                RecordError(
                    record=str(outcome.id),
                    field="id",
                    problem=f"another record already has this identifier ({iri}); only the first is kept",
                    fix="merge the two records or give this one its own identifier",
                )
            )
            continue
        yield outcome


def build_site(
    source: Callable[[], Iterable[object]],
    out_dir: str | os.PathLike[str],
    *,
    base_url: str = "http://127.0.0.1:8080/",
    lang: str = Language.FR,
    config: Config = _DEFAULT,
    formats: Sequence[Format] | None = None,
    related: bool = True,
    related_limit: int = 10,
    title: str = "notice_ld dataset",
    sparql_endpoint: str | None = None,
    license_iri: str | None = None,
    on_error: Callable[[RecordError], None] | None = None,
    jobs: int = 1,
    on_progress: Callable[[str, int], None] | None = None,
) -> SiteReport:
    """Write the static site of the notices ``source()`` yields into ``out_dir`` (replaced).

    ``source`` is called once per pass (twice when ``related`` is on) and yields notices and
    :class:`~notice_ld.errors.RecordError` objects (what :func:`notice_ld.readers.read_path`
    yields; other outcomes are ignored). ``base_url`` is where the site will be published
    (absolute URLs of the sitemap, VoID and canonical links); ``formats`` chooses the
    per-notice files (every format by default); ``on_error`` is called for each rejected record
    as it is found. ``jobs`` above 1 writes the notices' pages and files in that many worker
    processes (:mod:`notice_ld.web._parallel`): the same bytes, sooner on several cores.
    ``on_progress(stage, count)`` is called as the build goes: ``("index", n)`` every 1,000
    notices of the first pass, ``("pages", n)`` every 100 pages written (and once at the end of each).

    ``out_dir`` is replaced only if it is a site notice_ld wrote (or an empty folder): see
    :mod:`notice_ld.web._output`. Options are checked before anything is read: ``ConfigError``.
    """
    if jobs < 1:
        raise ConfigError(f"jobs must be at least 1, not {jobs}")
    check_iri("site's base URL", base_url)
    if sparql_endpoint is not None:
        check_iri("SPARQL endpoint", sparql_endpoint)
    if license_iri is not None:
        check_iri("licence", license_iri, http=False)
    citation_language(lang)
    chosen = tuple(formats) if formats is not None else tuple(v.format for v in VARIANTS[1:] if v.format)
    variants = (VARIANTS[0], *(v for v in VARIANTS[1:] if v.format in chosen))
    options = {
        "lang": lang,
        "variants": variants,
        "base_url": base_url,
        "base": base_url.rstrip("/") + "/",
        "title": title,
        "sparql_endpoint": sparql_endpoint,
        "license": license_iri,
    }
    report = SiteReport()

    def reject(error: RecordError) -> None:
        report.errors.append(error)
        if on_error is not None:
            on_error(error)

    def published(written: Written | RecordError) -> None:
        if isinstance(written, RecordError):
            reject(written)
            return
        writer.add(written)
        report.pages += 1
        if on_progress is not None and report.pages % 100 == 0:
            on_progress("pages", report.pages)

    index: InputRelated | None = None
    seen: SeenIRIs | None = None
    # what grows with the notices (related-links index, duplicate check, VoID digests) is kept
    # on disk in the scratch folder, never in the site
    with SiteFolder(out_dir) as folder:
        try:
            duplicates: set[int] = set()
            if related:
                index = InputRelated(config, lang, path=folder.scratch / "related.sqlite")
                duplicates = _index_pass(source, index, on_progress)
            else:
                seen = SeenIRIs(folder.scratch / "seen.sqlite")
            writer = _Writer(folder.work, options, folder.scratch)
            notices = _accepted(source, config, duplicates, seen, reject)
            if jobs > 1:
                from notice_ld.web._parallel import Workers

                if index is not None:
                    index.freeze()
                related_path = folder.scratch / "related.sqlite" if index is not None else None
                with Workers(
                    jobs,
                    folder.work,
                    lang=lang,
                    variants=variants,
                    base_url=base_url,
                    config=config,
                    related=related_path,
                    related_limit=related_limit,
                ) as workers:
                    for written in workers.write(notices):
                        published(written)
            else:
                for notice in notices:
                    published(write_notice(writer.notice_files, notice, config, index, related_limit))
            if on_progress is not None:
                on_progress("pages", report.pages)
            writer.close()
        finally:
            for done in (index, seen):
                if done is not None:
                    done.close()
        report.triples = writer.stats.triples
        report.distinct_triples = writer.stats.distinct
        report.vocabularies = tuple(sorted(writer.stats.vocabularies))
        report.files = writer.files + 1  # and the marker
        folder.commit()
    return report
