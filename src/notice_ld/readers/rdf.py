"""RDF reader: Turtle, TriG, N-Triples, N-Quads, RDF/XML and JSON-LD, in any of the vocabularies
scholarly RDF comes in (Dublin Core, BIBO, schema.org, FOAF, PRISM, FaBiO).

The syntax is found from the content (``<rdf:RDF``/``<?xml`` → RDF/XML, ``{``/``[`` → JSON-LD,
``@prefix``/``PREFIX`` → Turtle, lines of ``<s> <p> <o> .`` → N-Triples/N-Quads) or forced with
``syntax=`` (a :class:`~notice_ld.formats.RdfFormat`). pyoxigraph parses every syntax; nothing is
ever fetched: a JSON-LD ``@context`` naming schema.org gets the copy bundled with notice_ld, any
other remote context is an error; an RDF/XML document with a DTD (``<!DOCTYPE``, entities) is
refused before parsing.

Each *bibliographic resource* of the graph becomes one notice: a subject typed as a BIBO, FaBiO,
schema.org or Dublin Core bibliographic class, or, untyped, one with a title and a creator, a date
or an identifier. notice_ld's own RDF (any of its profiles) is read back through the reverse
mapping (:func:`notice_ld.mapping.reverse.notice_from_graph`) and gives back exactly the notice
that was written; other RDF goes through a tolerant mapping (``docs/readers.md``) and what it
cannot place is listed in the notice's :class:`~notice_ld.readers.outcomes.Residue`. One resource
that cannot be mapped is one :class:`~notice_ld.errors.RecordError` naming its IRI.

Memory: N-Triples and N-Quads are read as a stream — by named graph (N-Quads) or by runs of
subjects that belong together (a resource and the nodes it refers to), each group bounded by
``max_record_bytes``. A group of N-Triples whose resources refer to nodes not described yet (a
dump that is a set, as notice_ld writes: the documents first, then every shared node once) is
held on disk with the groups after it, and the nodes met later are kept in a temporary database;
at the end of the file each held group gets the nodes it refers to and gives its notices, in
order — the same notices, memory still bounded by one group. Turtle, TriG, RDF/XML and JSON-LD
are parsed as one graph: the whole file is held, and ``max_record_bytes`` applies to the file as
a whole.

>>> import io
>>> ttl = b'''@prefix dcterms: <http://purl.org/dc/terms/> . @prefix bibo: <http://purl.org/ontology/bibo/> .
... <http://data.example.org/doc/1> a bibo:AcademicArticle ; dcterms:title "Vie sociale"@fr ;
...     bibo:doi "10.1234/abc" ; dcterms:issued "2019" ; dcterms:spatial "Lyon" .'''
>>> notice, residue = read_rdf(io.BytesIO(ttl), "in.ttl", ReaderOptions())
>>> notice.id.value, notice.type.value, notice.titles[0].lang, notice.issued
('10.1234/abc', 'article', 'fr', '2019')
>>> residue.items[0].element, residue.items[0].value
('dcterms:spatial', 'Lyon')
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld import vocabulary as V
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.formats import RdfFormat
from notice_ld.model import Notice
from notice_ld.readers import ReaderOptions, dc, text
from notice_ld.readers.outcomes import ReadWarning, Residue, ResidueItem
from notice_ld.terms import IRI, RDF_LANGSTRING, RDF_TYPE, XSD_STRING, Literal
from notice_ld.validation.rdf import BNode

if TYPE_CHECKING:
    from notice_ld.readers import Outcome

__all__ = ["RdfGraph", "notices_from_triples", "read_rdf", "sniff_syntax"]

# -- vocabularies -------------------------------------------------------------------------------

RDF_NS: Final = V.RDF.NS
RDFS: Final = V.RDFS.NS
DC: Final = V.DC.NS
DCT: Final = V.DCTERMS.NS
DCMITYPE: Final = V.DCMITYPE.NS
BIBO: Final = V.BIBO.NS
SDO: Final = V.SDO.NS
SDO_S: Final = "https://schema.org/"
FOAF: Final = V.FOAF.NS
FABIO: Final = "http://purl.org/spar/fabio/"
FRBR: Final = "http://purl.org/vocab/frbr/core#"
OWL: Final = V.OWL.NS
SKOS: Final = V.SKOS.NS
MARCREL: Final = "http://id.loc.gov/vocabulary/relators/"
RDAU: Final = "http://rdaregistry.info/Elements/u/"
RDAM: Final = "http://rdaregistry.info/Elements/m/"
CC: Final = "http://creativecommons.org/ns#"
NLD: Final = V.NLD.NS
SIOC: Final = "http://rdfs.org/sioc/ns#"
PERSEE: Final = "http://data.persee.fr/ontology/persee-ontology/"
PRISMS: Final = tuple(f"http://prismstandard.org/namespaces/basic/{v}/" for v in ("2.0", "2.1", "3.0"))

_PREFIXES: Final = (
    ("rdf", RDF_NS),
    ("rdfs", RDFS),
    ("dc", DC),
    ("dcterms", DCT),
    ("bibo", BIBO),
    ("schema", SDO),
    ("schema", SDO_S),
    ("foaf", FOAF),
    ("fabio", FABIO),
    ("frbr", FRBR),
    ("owl", OWL),
    ("skos", SKOS),
    ("marcrel", MARCREL),
    ("rdau", RDAU),
    ("rdam", RDAM),
    ("cc", CC),
    ("nld", NLD),
    ("sioc", SIOC),
    ("persee", PERSEE),
    *(("prism", ns) for ns in PRISMS),
)


def _curie(iri: str) -> str:
    """``dcterms:title`` for a known namespace, else ``<iri>`` (for residue and error messages)."""
    for prefix, ns in _PREFIXES:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def _terms(*curies: str) -> tuple[str, ...]:
    """Full IRIs of CURIEs; ``schema:`` gives both schema.org namespaces, ``prism:`` every version."""
    table = dict(_PREFIXES)
    out: list[str] = []
    for curie in curies:
        prefix, local = curie.split(":", 1)
        if prefix == "schema":
            out += [SDO + local, SDO_S + local]
        elif prefix == "prism":
            out += [ns + local for ns in PRISMS]
        else:
            out.append(table[prefix] + local)
    return tuple(out)


P_TYPE: Final = (RDF_TYPE,)
P_TITLE: Final = _terms("dcterms:title", "dc:title", "schema:headline", "schema:name")
P_ALT_TITLE: Final = _terms("dcterms:alternative", "schema:alternateName", "bibo:shortTitle")
P_ABSTRACT: Final = _terms(
    "dcterms:abstract",
    "schema:abstract",
    "bibo:abstract",
    "dcterms:description",
    "dc:description",
    "schema:description",
)
P_CREATOR: Final = _terms(
    "dcterms:creator", "dc:creator", "schema:author", "schema:creator", "foaf:maker", "marcrel:aut"
)
P_AUTHOR_LIST: Final = _terms("bibo:authorList")
P_EDITOR_LIST: Final = _terms("bibo:editorList")
P_ROLES: Final = (
    (_terms("schema:editor", "bibo:editor", "marcrel:edt"), "editor"),
    (_terms("schema:translator", "bibo:translator", "marcrel:trl"), "translator"),
    (_terms("marcrel:ths", "nld:thesisAdvisor"), "thesis_advisor"),
    (
        _terms("dcterms:contributor", "dc:contributor", "schema:contributor", "bibo:contributor"),
        "contributor",
    ),
)
P_ISSUED: Final = _terms(
    "dcterms:issued",
    "prism:publicationDate",
    "prism:coverDate",
    "schema:datePublished",
    "persee:dateOfPrintPublication",
    "dcterms:date",
    "dc:date",
    "rdam:dateOfPublication",
)
P_OTHER_DATES: Final = _terms(
    "dcterms:created",
    "schema:dateCreated",
    "dcterms:modified",
    "schema:dateModified",
    "dcterms:available",
    "dcterms:dateAccepted",
    "dcterms:dateSubmitted",
    "dcterms:dateCopyrighted",
    "prism:creationDate",
    "prism:modificationDate",
)
P_LANGUAGE: Final = _terms("dcterms:language", "dc:language", "schema:inLanguage")
P_SUBJECT: Final = _terms("dcterms:subject", "dc:subject", "schema:about", "foaf:topic")
P_KEYWORDS: Final = _terms("schema:keywords", "prism:keyword")
P_DISCIPLINE: Final = _terms("nld:discipline", "sioc:topic")
P_IDENTIFIER: Final = _terms(
    "dcterms:identifier", "dc:identifier", "schema:identifier", "prism:doi", "bibo:uri"
)
P_SCHEMED: Final = (
    (_terms("bibo:doi"), "doi"),
    (_terms("bibo:handle"), "handle"),
    (_terms("bibo:isbn", "bibo:isbn10", "bibo:isbn13", "schema:isbn", "prism:isbn"), "isbn"),
)
P_SAME_AS: Final = _terms("owl:sameAs", "schema:sameAs")
P_PAGE: Final = _terms("foaf:page", "schema:url", "prism:url")
P_PART_OF: Final = _terms("dcterms:isPartOf", "schema:isPartOf", "frbr:partOf")
P_PUBLICATION_NAME: Final = _terms("prism:publicationName")
P_ISSN: Final = _terms("bibo:issn", "prism:issn", "schema:issn")
P_EISSN: Final = _terms("bibo:eissn", "prism:eIssn")
P_ISSN_L: Final = _terms("nld:issnL")
P_VOLUME: Final = _terms("bibo:volume", "prism:volume", "schema:volumeNumber")
P_ISSUE: Final = _terms("bibo:issue", "prism:number", "prism:issueIdentifier", "schema:issueNumber")
P_PAGES: Final = _terms("bibo:pages", "prism:pageRange", "schema:pagination")
P_PAGE_START: Final = _terms("bibo:pageStart", "prism:startingPage", "schema:pageStart")
P_PAGE_END: Final = _terms("bibo:pageEnd", "prism:endingPage", "schema:pageEnd")
P_PUBLISHER: Final = _terms("dcterms:publisher", "dc:publisher", "schema:publisher")
P_PROVIDER: Final = _terms("nld:provider", "schema:provider")
P_LICENSE: Final = _terms("dcterms:license", "schema:license", "cc:license")
P_RIGHTS: Final = _terms("dcterms:rights", "dc:rights", "schema:copyrightNotice")
P_ACCESS: Final = _terms("dcterms:accessRights", "schema:isAccessibleForFree")
P_CITATION: Final = _terms("dcterms:bibliographicCitation")
P_SOURCE: Final = _terms("dc:source", "dcterms:source", "nld:sourceName")
P_TYPE_LITERAL: Final = _terms("dcterms:type", "dc:type", "schema:additionalType", "nld:typeLabel")
P_REPRODUCTION_OF: Final = _terms("rdau:electronicReproductionOf", "rdau:P60251")
# agents
P_NAME: Final = _terms("foaf:name", "schema:name", "rdfs:label", "skos:prefLabel")
P_FAMILY: Final = _terms(
    "foaf:familyName", "foaf:family_name", "foaf:lastName", "foaf:surname", "schema:familyName"
)
P_GIVEN: Final = _terms("foaf:givenName", "foaf:givenname", "foaf:firstName", "schema:givenName")
P_AGENT_ID: Final = _terms("dcterms:identifier", "schema:identifier", "owl:sameAs", "schema:sameAs")
# concepts
P_LABEL: Final = _terms("skos:prefLabel", "rdfs:label", "schema:name", "dcterms:title", "foaf:name")
P_NOTATION: Final = _terms("skos:notation", "schema:termCode")
RDF_FIRST: Final = RDF_NS + "first"
RDF_REST: Final = RDF_NS + "rest"
RDF_NIL: Final = RDF_NS + "nil"

# -- classes -------------------------------------------------------------------------------------

# local names of bibliographic classes (BIBO, FaBiO, schema.org, Persée…) -> notice type
_DOCUMENT_CLASSES: Final = {
    "academicarticle": "article",
    "scholarlyarticle": "article",
    "journalarticle": "article",
    "article": "article",
    "researchpaper": "article",
    "book": "book",
    "monograph": "book",
    "editedbook": "book",
    "chapter": "chapter",
    "booksection": "chapter",
    "bookchapter": "chapter",
    "thesis": "thesis",
    "doctoralthesis": "thesis",
    "mastersthesis": "thesis",
    "report": "report",
    "reportdocument": "report",
    "techreport": "report",
    "conferencepaper": "conference_paper",
    "workingpaper": "working_paper",
    "preprint": "working_paper",
    "dataset": "dataset",
    "datafile": "dataset",
    "document": "other",
    "creativework": "other",
    "bibliographicresource": "other",
    "text": "other",
    "expression": "other",
    "work": "other",
    "manuscript": "other",
    "letter": "other",
    "webpage": None,
}
_BIBLIOGRAPHIC_NAMESPACES: Final = (BIBO, FABIO, SDO, SDO_S, DCT, DCMITYPE, PERSEE, FRBR)
# container classes: never a notice of their own
_CONTAINER_CLASSES: Final = {
    "journal": "journal",
    "periodical": "journal",
    "publicationvolume": "journal",
    "publicationissue": "journal",
    "issue": "journal",
    "journalissue": "journal",
    "journalvolume": "journal",
    "series": "series",
    "bookseries": "series",
    "creativeworkseries": "series",
    "collection": "series",
    "proceedings": "proceedings",
    "conferenceproceedings": "proceedings",
    "website": None,
    "datacatalog": None,
}
_PERSON_CLASSES: Final = frozenset(_terms("foaf:Person", "schema:Person"))
_ORGANIZATION_CLASSES: Final = frozenset(
    (
        *_terms(
            "foaf:Organization",
            "foaf:Group",
            "schema:Organization",
            "schema:CollegeOrUniversity",
            "schema:ResearchOrganization",
            "schema:Corporation",
            "schema:GovernmentOrganization",
            "schema:NGO",
            "schema:EducationalOrganization",
            "schema:Library",
        ),
        "http://www.w3.org/ns/org#Organization",
    )
)
_AGENT_CLASSES: Final = _PERSON_CLASSES | _ORGANIZATION_CLASSES | frozenset(_terms("foaf:Agent"))

_PID_ORDER: Final = (
    ids.Scheme.DOI,
    ids.Scheme.HANDLE,
    ids.Scheme.ARK,
    ids.Scheme.HAL,
    ids.Scheme.NNT,
    ids.Scheme.URN,
)
_AGENT_SCHEMES: Final = frozenset({ids.Scheme.ORCID, ids.Scheme.IDREF, ids.Scheme.ISNI, ids.Scheme.ROR})


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1].lower()


def _class_kind(iri: str) -> tuple[str, str | None] | None:
    """``("document", type)`` or ``("container", kind)`` for a bibliographic class, else ``None``."""
    if not iri.startswith(_BIBLIOGRAPHIC_NAMESPACES):
        kind, how = dc.document_type(iri)  # COAR and info:eu-repo IRIs
        return ("document", kind) if kind is not None and how == "uri" else None
    local = _local_name(iri)
    if local in _CONTAINER_CLASSES:
        return "container", _CONTAINER_CLASSES[local]
    if local in _DOCUMENT_CLASSES:
        found = _DOCUMENT_CLASSES[local]
        return ("document", found) if found is not None else None
    return None


# -- syntax ----------------------------------------------------------------------------------------

_XML_START: Final = re.compile(rb"\A(?:<\?xml|<!--|<!DOCTYPE|<[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?[\s/>])")
_TURTLE_DIRECTIVE: Final = re.compile(rb"(?im)^\s*(?:@prefix|@base|prefix\s|base\s)")
_TURTLE_TRIPLE: Final = re.compile(
    rb"(?m)^\s*(?:<[^>\s]*>|[\w-]*:[\w.-]*|_:\S+)\s+(?:a|<[^>\s]*>|[\w-]*:[\w.-]*)\s"
)
_TRIG_GRAPH: Final = re.compile(rb"(?m)^\s*(?:GRAPH\s+)?(?:<[^>\s]*>|[\w-]*:[\w.-]*)?\s*\{")
_NT_TERM: Final = rb'(?:<[^>\s]*>|_:[^\s<>"]+|"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>\s]*>)?)'
_NT_LINE: Final = re.compile(
    rb"^\s*(?:<[^>\s]*>|_:[^\s<>\"]+)\s*<[^>\s]*>\s*"
    + _NT_TERM
    + rb"\s*("
    + _NT_TERM
    + rb")?\s*\.\s*(?:#.*)?$"
)


def sniff_syntax(head: bytes) -> RdfFormat | None:
    """The RDF syntax of a document from its first bytes, or ``None`` when it is none of them.

    >>> sniff_syntax(b'<?xml version="1.0"?><rdf:RDF>'), sniff_syntax(b'  [{"@id": "x"}]')
    (<RdfFormat.RDF_XML: 'rdfxml'>, <RdfFormat.JSON_LD: 'jsonld'>)
    >>> sniff_syntax(b'<http://e.org/a> <http://e.org/p> "x"@fr .\\n')
    <RdfFormat.N_TRIPLES: 'ntriples'>
    >>> sniff_syntax(b'<http://e.org/a> <http://e.org/p> "x" <http://e.org/g> .\\n')
    <RdfFormat.N_QUADS: 'nquads'>
    >>> sniff_syntax(b'PREFIX dct: <http://purl.org/dc/terms/>\\n<a> dct:title "T" .')
    <RdfFormat.TURTLE: 'turtle'>
    """
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith((b"{", b"[")):
        return RdfFormat.JSON_LD
    if _XML_START.match(stripped):
        return RdfFormat.RDF_XML
    lines = [line for line in stripped.split(b"\n") if line.strip() and not line.lstrip().startswith(b"#")]
    # the last line may be cut by the head's end
    whole = len(stripped) == len(head.lstrip()) or head.endswith(b"\n")
    complete = (lines if whole else lines[:-1])[:200]
    matches = [_NT_LINE.match(line) for line in complete]
    # line-based when the lines are statements (a few broken lines are the reader's to report)
    if matches and matches[0] is not None and sum(m is not None for m in matches) * 5 >= len(matches) * 4:
        quads = any(m is not None and m.group(1) for m in matches)
        return RdfFormat.N_QUADS if quads else RdfFormat.N_TRIPLES
    if (_TRIG_GRAPH.search(stripped[:65536]) and not stripped.startswith(b"<")) or b"GRAPH " in stripped[
        :65536
    ]:
        return RdfFormat.TRIG
    if _TURTLE_DIRECTIVE.search(stripped[:65536]) or _TURTLE_TRIPLE.search(stripped[:65536]):
        return RdfFormat.TURTLE
    return None


# -- the graph ---------------------------------------------------------------------------------------

Node = str  # an IRI, or a BNode ("_:…")
Value = IRI | BNode | Literal


@dataclass
class RdfGraph:
    """Triples indexed by subject then predicate, in the order they were read (deterministic).

    ``lines`` gives, for streamed inputs, the line where each subject was first described.

    >>> g = RdfGraph()
    >>> g.add("http://e.org/a", "http://purl.org/dc/terms/title", Literal("T"))
    >>> g.values("http://e.org/a", "http://purl.org/dc/terms/title")
    [Literal(value='T', datatype='http://www.w3.org/2001/XMLSchema#string', lang='')]
    """

    index: dict[str, dict[str, list[Value]]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    size: int = 0

    def add(self, subject: str, predicate: str, obj: Value, line: int | None = None) -> None:
        """Add one triple (a triple already there is not added twice)."""
        node = self.index.get(subject)
        if node is None:
            node = self.index[subject] = {}
            if line is not None:
                self.lines[subject] = line
        values = node.get(predicate)
        if values is None:
            node[predicate] = [obj]
        elif obj not in values:
            values.append(obj)
        else:
            return
        self.size += 1

    def values(self, subject: str, *predicates: str) -> list[Value]:
        """Objects of ``subject`` for the predicates, in predicate order then reading order."""
        node = self.index.get(subject)
        if not node:
            return []
        out: list[Value] = []
        for predicate in predicates:
            found = node.get(predicate)
            if found:
                out.extend(v for v in found if v not in out)
        return out

    def types(self, subject: str) -> list[str]:
        """The ``rdf:type`` IRIs of ``subject``."""
        return [str(v) for v in self.values(subject, RDF_TYPE) if not isinstance(v, Literal)]


def _is_resource(graph: RdfGraph, subject: str) -> bool:
    """Whether ``subject`` is a bibliographic resource (typed, or titled with a creator, date or id)."""
    kinds = [_class_kind(t) for t in graph.types(subject)]
    if any(k is not None and k[0] == "container" for k in kinds):
        return False
    if any(k is not None and k[0] == "document" for k in kinds):
        return True
    if set(graph.types(subject)) & _AGENT_CLASSES:
        return False
    node = graph.index.get(subject, {})
    has_title = any(p in node for p in _terms("dcterms:title", "dc:title"))
    return has_title and any(
        p in node for p in P_CREATOR + P_ISSUED + _terms("bibo:doi", "dcterms:identifier", "dc:identifier")
    )


def _has_own_description(graph: RdfGraph, subject: str) -> bool:
    """Whether a node other resources are part of (a book, an issue) is also described as a
    document of its own (creators, a date, an abstract): then it is a notice too."""
    node = graph.index.get(subject, {})
    return any(p in node for p in P_CREATOR + P_ISSUED + P_ABSTRACT + P_AUTHOR_LIST)


def _print_originals(graph: RdfGraph, resources: list[str]) -> dict[str, str]:
    """``{reproduction: original}`` for resources described as the electronic reproduction of
    another resource of the graph (Persée's ``#Web`` of a ``#Print``): one notice for both."""
    chosen = set(resources)
    out: dict[str, str] = {}
    for resource in resources:
        for original in graph.values(resource, *P_REPRODUCTION_OF):
            if not isinstance(original, Literal) and str(original) in chosen and original != resource:
                out[resource] = str(original)
                break
    return out


# -- reading ------------------------------------------------------------------------------------------

_LINE_SYNTAXES: Final = (RdfFormat.N_TRIPLES, RdfFormat.N_QUADS)


def read_rdf(
    stream: IO[bytes], name: str, options: ReaderOptions, *, syntax: RdfFormat | None = None
) -> Iterator[Outcome]:
    """Read notices from RDF; the syntax is found from the content unless ``syntax`` is given.

    >>> import io
    >>> nt = (b'<https://doi.org/10.1234/x> <http://purl.org/dc/terms/title> "T" .\\n'
    ...       b'<https://doi.org/10.1234/x> <http://purl.org/dc/terms/creator> "Jouet, Emmanuelle" .\\n')
    >>> [n.creators[0].family for n in read_rdf(io.BytesIO(nt), "a.nt", ReaderOptions(),
    ...                                          syntax=RdfFormat.N_TRIPLES)]
    ['Jouet']
    """
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[type-var]
    head = stream.peek(65536)[:65536]
    wide = text.wide_encoding(head[:4])
    if wide is not None:
        yield text.encoding_error(name, wide)
        return
    chosen = syntax or sniff_syntax(head)
    if chosen is None:
        yield RecordError(
            record=name,
            problem="the input is not in an RDF syntax notice_ld recognises",
            fix="give the syntax (Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD): "
            "read_rdf(..., syntax=RdfFormat.TURTLE)",
        )
        return
    if chosen in _LINE_SYNTAXES:
        yield from _read_lines(stream, name, options, chosen)
    else:
        yield from _read_whole(stream, name, options, chosen)


# -- whole documents ------------------------------------------------------------------------------------

_DECLARED: Final = re.compile(rb"""\A(\xef\xbb\xbf)?\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_DTD: Final = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _xml_utf8(data: bytes, name: str) -> bytes | RecordError:
    """RDF/XML as UTF-8 (pyoxigraph reads nothing else), its DTD refused."""
    root = re.search(rb"<[A-Za-z_]", data)
    prolog = data[: root.start()] if root else data
    if _DTD.search(prolog):
        return RecordError(
            record=name,
            field="<!DOCTYPE>",
            problem="the RDF/XML document declares a DTD (<!DOCTYPE> or <!ENTITY>); notice_ld never expands "
            "entities nor reads DTDs (they can fetch files or blow up in memory)",
            fix="remove the DOCTYPE and write the entities' values in full",
        )
    declared = _DECLARED.match(data)
    if declared is None or declared.group(2).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
        return data
    encoding = declared.group(2).decode("ascii", "replace")
    try:
        decoded = data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        return RecordError(
            record=name,
            problem=f"the document declares the encoding {encoding!r} but cannot be read in it ({exc})",
            fix="save the document as UTF-8",
        )
    recoded = decoded.encode("utf-8")
    return re.sub(rb"""(encoding\s*=\s*)["'][^"']*["']""", rb'\1"UTF-8"', recoded, count=1)


_SCHEMA_CONTEXTS: Final = frozenset(
    {
        "https://schema.org",
        "https://schema.org/",
        "http://schema.org",
        V.SDO.NS,
        "https://schema.org/docs/jsonldcontext.jsonld",
        V.SDO.NS + "docs/jsonldcontext.jsonld",
        "https://schema.org/docs/jsonldcontext.json",
    }
)


def schema_context() -> dict[str, Any]:
    """The schema.org JSON-LD context bundled with notice_ld (never downloaded).

    >>> schema_context()["@vocab"]
    'http://schema.org/'
    """
    from notice_ld.resources import data_dir

    path = data_dir("vocab") / "contexts" / "schema.org.jsonld"
    context: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["@context"]
    return context


def _inline_contexts(value: Any, name: str) -> Any:
    """Remote ``@context`` references replaced by the bundled copies; others refused."""
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, inner in list(item.items()):
                if key == "@context":
                    contexts = inner if isinstance(inner, list) else [inner]
                    resolved = []
                    for context in contexts:
                        if isinstance(context, str):
                            if context.strip() not in _SCHEMA_CONTEXTS:
                                raise RecordError(
                                    record=name,
                                    field="@context",
                                    problem=f"the remote JSON-LD context {context!r} is not bundled "
                                    "with notice_ld (it never downloads anything)",
                                    fix="inline the context in the document, or use the schema.org context",
                                )
                            resolved.append(schema_context())
                        else:
                            resolved.append(context)
                    item[key] = resolved if isinstance(inner, list) else resolved[0]
                else:
                    stack.append(inner)
    return value


def _read_whole(stream: IO[bytes], name: str, options: ReaderOptions, syntax: RdfFormat) -> Iterator[Outcome]:
    limit = options.max_record_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        size = len(data)
        while chunk := stream.read(1 << 20):
            size += len(chunk)
        yield RecordError(
            record=name,
            problem=f"the {syntax.value} document is {size:,} bytes, over the limit of {limit:,} bytes: "
            f"{syntax.value} is read as one graph, held whole in memory",
            fix="convert it to N-Triples or N-Quads (read as a stream, e.g. riot --output=nt), or raise "
            "the limit with --max-record-bytes (ReaderOptions.max_record_bytes)",
        )
        return
    data = data.removeprefix(b"\xef\xbb\xbf")
    if syntax is RdfFormat.RDF_XML:
        checked = _xml_utf8(data, name)
        if isinstance(checked, RecordError):
            yield checked
            return
        data = checked
    elif syntax is RdfFormat.JSON_LD:
        try:
            document = json.loads(data.decode("utf-8"))
            data = json.dumps(_inline_contexts(document, name)).encode("utf-8")
        except RecordError as err:
            yield err
            return
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            yield RecordError(record=name, problem=f"not valid JSON-LD: {exc}", fix="check the JSON syntax")
            return
    graph = RdfGraph()
    relabel = _Relabel()
    try:
        import pyoxigraph as ox

        for quad in ox.parse(data, syntax.ox_format):
            _add_quad(graph, quad, relabel, None)
    except SyntaxError as exc:
        where = f"{name}:{exc.lineno}" if exc.lineno else name
        yield RecordError(
            record=where,
            problem=f"not valid {syntax.value}: {exc.msg}; nothing of the document was read",
            fix=f"fix the {syntax.value} syntax (a graph is read whole: one error stops it)",
        )
        return
    except (ValueError, OSError) as exc:
        yield RecordError(
            record=name, problem=f"not valid {syntax.value}: {exc}", fix=f"fix the {syntax.value} syntax"
        )
        return
    found = 0
    for outcome in notices_from_triples(graph, name, options):
        found += isinstance(outcome, Notice | RecordError)
        yield outcome
    if not found:
        yield _nothing_found(name, graph)


def _nothing_found(name: str, graph: RdfGraph) -> RecordError:
    return RecordError(
        record=name,
        problem=f"no bibliographic resource among the {len(graph.index):,} subjects of the graph "
        "(a subject typed bibo:Document, fabio:Expression, schema:CreativeWork or one of their "
        "subclasses, or one with dcterms:title and a creator, date or identifier)",
        fix="check the file describes documents; notice_ld reads Dublin Core, BIBO, FaBiO and schema.org",
    )


class _Relabel:
    """Blank-node labels in order of appearance (pyoxigraph's are random): ``_:b1``, ``_:b2``…"""

    def __init__(self) -> None:
        self.labels: dict[str, BNode] = {}

    def __call__(self, label: str) -> BNode:
        known = self.labels.get(label)
        if known is None:
            if len(self.labels) > 1_000_000:  # a stream of fresh blank nodes: forget the old ones
                self.labels.clear()
            known = self.labels[label] = BNode(f"_:b{len(self.labels) + 1}")
        return known


def _term(term: Any, relabel: _Relabel) -> Value | None:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.BlankNode):
        return relabel(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, RDF_LANGSTRING, term.language.lower())
        return Literal(term.value, term.datatype.value)
    return None  # RDF-star triple terms: not bibliographic data


def _add_quad(graph: RdfGraph, quad: Any, relabel: _Relabel, line: int | None) -> None:
    subject = _term(quad.subject, relabel)
    obj = _term(quad.object, relabel)
    if subject is None or obj is None or isinstance(subject, Literal):
        return
    graph.add(str(subject), quad.predicate.value, obj, line)


# -- N-Triples and N-Quads: a stream of groups ---------------------------------------------------------

_BATCH_BYTES: Final = 1 << 18
_CACHE_SUBJECTS: Final = 4096
_SEEN_RESOURCES: Final = 1 << 16


@dataclass
class _Group:
    graph: RdfGraph = field(default_factory=RdfGraph)
    referenced: set[str] = field(default_factory=set)
    graph_name: str | None = None
    last_subject: str | None = None
    ascending: bool = True
    has_resource: bool = False
    size: int = 0

    def empty(self) -> bool:
        return not self.graph.index


_RESOURCE_HINTS: Final = frozenset(P_TITLE)


def _hints_resource(predicate: str, obj: Value) -> bool:
    if predicate == RDF_TYPE:
        kind = _class_kind(str(obj))
        return kind is not None and kind[0] == "document"
    return predicate in _RESOURCE_HINTS


class _Held:
    """Groups held back on disk (a temporary file) and the descriptions of every subject met
    since (a temporary SQLite database, removed when closed): see :meth:`_Streamer.finish`."""

    def __init__(self) -> None:
        import sqlite3
        import tempfile

        self.spool = tempfile.TemporaryFile(prefix="notice-ld-rdf-")  # noqa: SIM115 (closed in close())
        self.count = 0
        self.db = sqlite3.connect("")  # "": a temporary database on disk
        self.db.execute("CREATE TABLE node (subject TEXT PRIMARY KEY, data BLOB)")

    def keep(self, subject: str, node: Mapping[str, list[Value]]) -> None:
        import pickle

        row = self.db.execute("SELECT data FROM node WHERE subject = ?", (subject,)).fetchone()
        merged: dict[str, list[Value]] = pickle.loads(row[0]) if row else {}  # noqa: S301 (our own database)
        for predicate, values in node.items():
            known = merged.setdefault(predicate, [])
            known.extend(v for v in values if v not in known)
        self.db.execute("INSERT OR REPLACE INTO node VALUES (?, ?)", (subject, pickle.dumps(merged)))

    def hold(self, group: _Group) -> None:
        import pickle

        pickle.dump(group, self.spool, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def groups(self) -> Iterator[_Group]:
        import pickle

        self.spool.seek(0)
        for _ in range(self.count):
            yield pickle.load(self.spool)  # noqa: S301 (our own temporary file)

    def complete(self, group: _Group) -> None:
        """Add to the group the nodes it refers to (and those they refer to) that it lacks."""
        import pickle

        graph = group.graph
        pending = [iri for iri in group.referenced if iri not in graph.index]
        while pending:
            iri = pending.pop()
            if iri in graph.index:
                continue
            row = self.db.execute("SELECT data FROM node WHERE subject = ?", (iri,)).fetchone()
            if row is None:
                continue
            node: dict[str, list[Value]] = pickle.loads(row[0])  # noqa: S301 (our own database)
            for predicate, values in node.items():
                for value in values:
                    graph.add(iri, predicate, value)
                    if isinstance(value, IRI) and value not in graph.index:
                        pending.append(str(value))

    def close(self) -> None:
        self.spool.close()
        self.db.close()


class _Streamer:
    """Cuts a stream of quads into groups that each hold whole resources with their nodes.

    A group ends when the named graph changes (N-Quads: notice_ld writes one graph per notice), or,
    once it holds a resource, when a subject starts that nothing in the group refers to and that
    either breaks the subjects' sorted order (notice_ld's N-Triples blocks are sorted) or follows an
    unsorted group (dumps written resource by resource); or, between subjects, when it is over the
    size limit (a subject whose own triples are over it is one error, and dropped). The
    descriptions of the last subjects of earlier groups are kept (a bounded cache) for the nodes a
    group refers to without describing them (shared people, journals).
    """

    def __init__(self, name: str, options: ReaderOptions) -> None:
        self.name = name
        self.options = options
        self.group = _Group()
        self.cache: OrderedDict[str, dict[str, list[Value]]] = OrderedDict()
        self.seen: OrderedDict[str, None] = OrderedDict()
        self.found = 0
        self.run = 0  # bytes of the current subject's run
        self.oversized: str | None = None
        self.held: _Held | None = None  # groups waiting for nodes described later (see finish)

    def add(
        self, subject: str, predicate: str, obj: Value, graph_name: str | None, line: int, size: int
    ) -> Iterator[Outcome]:
        group = self.group
        limit = self.options.max_record_bytes
        if subject == self.oversized:
            return  # the rest of a subject already over the limit
        if subject == group.last_subject:
            self.run += size
            if self.run > limit:  # one subject's own triples are over the limit: it is dropped
                self.oversized = subject
                group.graph.index.pop(subject, None)
                yield text.long_record_error(
                    f"<{subject}> ({self.name}:{group.graph.lines.get(subject, line)})", self.run, limit
                )
                return
        else:
            self.run = size
        if not group.empty():
            new_subject = subject not in group.graph.index
            # the size limit cuts between subjects only (never through a resource's triples)
            cut = graph_name != group.graph_name or (new_subject and group.size + size > limit)
            if not cut and new_subject and group.has_resource and graph_name is None:
                unreferenced = subject not in group.referenced
                if unreferenced and (
                    not group.ascending or (group.last_subject is not None and subject < group.last_subject)
                ):
                    cut = True
            elif (
                not cut
                and not new_subject
                and group.ascending
                and group.has_resource
                and subject != group.last_subject
            ):
                cut = graph_name is None  # a subject again in a sorted group: the next sorted block
            if cut:
                yield from self.flush()
                group = self.group
        if subject not in group.graph.index and group.last_subject is not None:
            group.ascending = group.ascending and subject > group.last_subject
        if subject != group.last_subject:
            group.last_subject = subject
        group.graph.add(subject, predicate, obj, line)
        group.graph_name = graph_name
        group.size += size
        if not isinstance(obj, Literal):
            group.referenced.add(str(obj))
        if not group.has_resource and _hints_resource(predicate, obj):
            group.has_resource = True

    def flush(self) -> Iterator[Outcome]:
        group, self.group = self.group, _Group()
        if group.empty():
            return
        if self.held is None and group.has_resource and group.graph_name is None and self._unresolved(group):
            self.held = _Held()
            for subject, node in self.cache.items():
                self.held.keep(subject, node)
        if self.held is not None:
            graph = group.graph
            for subject in group.graph.lines:
                self.held.keep(subject, graph.index.get(subject, {}))
            if group.has_resource:
                self.held.hold(group)
            return
        yield from self._emit(group)

    def finish(self) -> Iterator[Outcome]:
        """The last group, then the groups held back, each with the nodes it refers to."""
        yield from self.flush()
        held, self.held = self.held, None
        if held is None:
            return
        try:
            for group in held.groups():
                held.complete(group)
                yield from self._emit(group)
        finally:
            held.close()

    def _unresolved(self, group: _Group) -> bool:
        """Whether the group refers (other than by ``rdf:type``) to a node neither it nor the
        cache describes."""
        index = group.graph.index
        for node in index.values():
            for predicate, values in node.items():
                if predicate == RDF_TYPE:
                    continue
                for value in values:
                    if isinstance(value, IRI) and value not in index and value not in self.cache:
                        return True
        return False

    def _emit(self, group: _Group) -> Iterator[Outcome]:
        graph = group.graph
        # subjects met again with neither type nor title (the rest of a description begun in an
        # earlier group, kept in the bounded cache), and nodes referred to but described only in
        # earlier groups
        for subject in list(group.graph.lines):
            node = graph.index.get(subject, {})
            untyped = RDF_TYPE not in node and not any(p in node for p in P_TITLE)
            if untyped and subject in self.cache and subject not in self.seen:
                for predicate, values in self.cache[subject].items():
                    for value in values:
                        graph.add(subject, predicate, value)
        for referenced in list(group.referenced):
            if referenced not in graph.index and referenced in self.cache:
                for predicate, values in self.cache[referenced].items():
                    for value in values:
                        graph.add(referenced, predicate, value)
        for outcome in notices_from_triples(graph, self.name, self.options, described=set(group.graph.lines)):
            if isinstance(outcome, Notice | RecordError):
                self.found += 1
            yield outcome
        for subject in group.graph.lines:
            if subject in self.seen:
                yield ReadWarning(
                    f"{self.name}:{graph.lines[subject]}",
                    f"triples about <{subject}> come again after other resources (a duplicate, or a "
                    "resource whose triples are not together): its notice was built from the first ones",
                    "write each resource's triples together (as notice_ld does), or read the file as Turtle",
                )
        for subject, node in graph.index.items():
            if subject in group.graph.lines:
                self.cache[subject] = node
                self.cache.move_to_end(subject)
                if _is_resource(graph, subject):
                    self.seen[subject] = None
                    self.seen.move_to_end(subject)
        while len(self.cache) > _CACHE_SUBJECTS:
            self.cache.popitem(last=False)
        while len(self.seen) > _SEEN_RESOURCES:
            self.seen.popitem(last=False)


def _statement(line: bytes) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(b"#")


def _read_lines(stream: IO[bytes], name: str, options: ReaderOptions, syntax: RdfFormat) -> Iterator[Outcome]:
    import pyoxigraph as ox

    # N-Quads' parser reads N-Triples too; a forced N-Triples refuses graph names
    ox_format = ox.RdfFormat.N_QUADS if syntax is RdfFormat.N_QUADS else ox.RdfFormat.N_TRIPLES
    streamer = _Streamer(name, options)
    relabel = _Relabel()
    batch: list[tuple[int, bytes]] = []
    size = 0
    number = 0

    def parse_batch() -> Iterator[Outcome]:
        lines = [(n, raw) for n, raw in batch if _statement(raw)]
        if not lines:
            return
        try:
            quads = list(ox.parse(b"".join(raw for _, raw in lines), ox_format))
            if len(quads) != len(lines):
                raise SyntaxError("statements and lines do not match")
            parsed: list[tuple[int, bytes, list[Any]]] = [
                (n, raw, [q]) for (n, raw), q in zip(lines, quads, strict=True)
            ]
        except SyntaxError:
            parsed = []
            for n, raw in lines:
                try:
                    parsed.append((n, raw, list(ox.parse(raw, ox_format))))
                except SyntaxError as exc:
                    parsed.append((n, raw, []))
                    yield RecordError(
                        record=f"{name}:{n}",
                        problem=f"not valid {syntax.value}: {exc.msg}; the line was skipped",
                        fix="fix the line (one statement per line, as N-Triples and N-Quads require)",
                    )
        for n, raw, line_quads in parsed:
            for quad in line_quads:
                subject = _term(quad.subject, relabel)
                obj = _term(quad.object, relabel)
                if subject is None or obj is None or isinstance(subject, Literal):
                    continue
                graph_name = (
                    None
                    if quad.graph_name.__class__.__name__ == "DefaultGraph"
                    else str(_term(quad.graph_name, relabel))
                )
                yield from streamer.add(str(subject), quad.predicate.value, obj, graph_name, n, len(raw))

    while True:
        raw = text.read_line(stream, options.max_record_bytes, first=number == 0)
        if raw is None:
            break
        number += 1
        if isinstance(raw, text.LongLine):
            yield from parse_batch()
            batch, size = [], 0
            yield text.long_record_error(f"{name}:{number}", raw.size, options.max_record_bytes)
            continue
        batch.append((number, raw))
        size += len(raw)
        if size >= _BATCH_BYTES:
            yield from parse_batch()
            batch, size = [], 0
    yield from parse_batch()
    yield from streamer.finish()
    if not streamer.found and number:
        yield _nothing_found(name, streamer.group.graph)


# -- graph -> notices ---------------------------------------------------------------------------------


def notices_from_triples(
    graph: RdfGraph, name: str, options: ReaderOptions | None = None, *, described: set[str] | None = None
) -> Iterator[Outcome]:
    """The notices of the bibliographic resources of ``graph`` (each followed by its residue), in
    the order their subjects were first read; ``described`` limits them to those subjects.

    >>> g = RdfGraph()
    >>> doc = "https://doi.org/10.1234/x"
    >>> g.add(doc, "http://purl.org/dc/terms/title", Literal("T", RDF_LANGSTRING, "fr"))
    >>> g.add(doc, "http://purl.org/dc/elements/1.1/creator", Literal("Jouet, E."))
    >>> [n.id.value for n in notices_from_triples(g, "g")]
    ['10.1234/x']
    """
    chosen = options or ReaderOptions()
    containers = {
        str(v)
        for node in graph.index.values()
        for p in P_PART_OF
        for v in node.get(p, ())
        if not isinstance(v, Literal)
    }
    resources = [
        s
        for s in graph.index
        if (described is None or s in described)
        and _is_resource(graph, s)
        and (s not in containers or _has_own_description(graph, s))
    ]
    originals = _print_originals(graph, resources)
    merged_away = set(originals.values())
    for resource in resources:
        if resource in merged_away and resource not in originals:
            continue
        where = f"{name}:{graph.lines[resource]}" if resource in graph.lines else name
        label = f"<{resource}> ({where})" if not resource.startswith("_:") else where
        try:
            own = _own_notice(graph, resource)
            if own is not None:
                yield own
                continue
            yield from _mapped(graph, resource, originals.get(resource), label, chosen)
        except RecordError as err:
            yield err.with_context(record=label) if err.record is None or err.record == resource else err
        except (ValueError, TypeError, KeyError, RecursionError) as exc:  # a value no rule foresaw
            yield RecordError(
                record=label,
                problem=f"the resource could not be mapped ({type(exc).__name__}: {exc})",
                fix="report this resource to notice_ld with its triples",
            )


# -- notice_ld's own RDF: the reverse mapping --------------------------------------------------------


def _closure(graph: RdfGraph, start: str) -> list[str] | None:
    """The subjects reachable from ``start`` (``None`` when a blank node is among them)."""
    seen = [start]
    known = {start}
    position = 0
    while position < len(seen):
        subject = seen[position]
        position += 1
        for values in graph.index.get(subject, {}).values():
            for value in values:
                if isinstance(value, Literal):
                    continue
                if isinstance(value, BNode):
                    return None
                target = str(value)
                if target not in known and target in graph.index:
                    known.add(target)
                    seen.append(target)
        if len(seen) > 10_000:
            return None
    return seen


_MINTED: Final = "https://w3id.org/notice-ld/"


def _own_notice(graph: RdfGraph, resource: str) -> Notice | None:
    """The notice notice_ld wrote as these triples, if they are exactly its mapping; else ``None``."""
    if resource.startswith("_:"):
        return None
    node = graph.index[resource]
    # notice_ld's mapping always writes a citation (dcterms), an nld: term or a minted node
    if (
        not any(p.startswith(NLD) for p in node)
        and not any(isinstance(v, IRI) and v.startswith(_MINTED) for vs in node.values() for v in vs)
        and _terms("dcterms:bibliographicCitation")[0] not in node
    ):
        return None
    closure = _closure(graph, resource)
    if closure is None:
        return None
    from notice_ld.config import Config, Profile
    from notice_ld.mapping import map_notice
    from notice_ld.mapping.reverse import notice_from_graph

    triples = [
        (s, p, v if isinstance(v, Literal) else IRI(str(v)))
        for s in closure
        for p, values in graph.index[s].items()
        for v in values
    ]
    present = set(triples)
    profiles: set[Profile] = set()
    for predicate, values in node.items():
        for iri in [predicate, *(str(v) for v in values if predicate == RDF_TYPE)]:
            if iri.startswith(DCT):
                profiles.add(Profile.DCTERMS)
            elif iri.startswith(BIBO):
                profiles.add(Profile.BIBO)
            elif iri.startswith(SDO):
                profiles.add(Profile.SCHEMA)
    candidates = [frozenset(profiles)] if profiles else []
    if frozenset(Profile) not in candidates:
        candidates.append(frozenset(Profile))
    own_triples = {t for t in triples if t[0] == resource}
    for chosen in candidates:
        config = Config(profiles=chosen)
        try:
            notice = notice_from_graph(triples, resource, config)
            mapped = set(map_notice(notice, config).triples)
        except (RecordError, ValueError, KeyError, IndexError, TypeError):
            continue
        if mapped <= present and own_triples <= mapped:
            return notice
    return None


# -- third-party RDF: the tolerant mapping -------------------------------------------------------------


def _text(value: Value) -> str:
    return value.value if isinstance(value, Literal) else str(value)


def _lang(value: Value) -> str | None:
    return value.lang or None if isinstance(value, Literal) else None


class _Mapper:
    """Builds one notice's dict from a resource's triples; collects the residue."""

    def __init__(self, graph: RdfGraph, resource: str) -> None:
        self.graph = graph
        self.resource = resource
        self.used: set[str] = {RDF_TYPE}
        self.residue: list[ResidueItem] = []

    def note(self, predicate: str, value: Value | str, reason: str) -> None:
        shown = value if isinstance(value, str) else _text(value)
        self.residue.append(ResidueItem(_curie(predicate), shown, reason))

    def values(self, *predicates: str) -> list[tuple[str, Value]]:
        """``(predicate, value)`` pairs of the resource, marking the predicates as used."""
        self.used.update(predicates)
        node = self.graph.index.get(self.resource, {})
        return [(p, v) for p in predicates for v in node.get(p, ())]

    # -- texts --------------------------------------------------------------------------------
    def texts(self, predicates: tuple[str, ...], *, block: bool = False) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        seen: set[tuple[str, str | None]] = set()
        for predicate, value in self.values(*predicates):
            if not isinstance(value, Literal):
                self.note(predicate, value, "a node where a text was expected")
                continue
            cleaned, notes = dc.clean_text(value.value, block=block)
            for note in notes:
                self.note(predicate, cleaned, note)
            if not cleaned:
                continue
            lang = self.tag(predicate, value)
            if (cleaned, lang) in seen:
                continue
            seen.add((cleaned, lang))
            out.append({"value": cleaned, "lang": lang} if lang else {"value": cleaned})
        return out

    def tag(self, predicate: str, value: Literal) -> str | None:
        if not value.lang:
            return None
        tag, why = dc.language_tag(value.lang)
        if tag is None:
            self.note(
                predicate,
                value.value,
                f"language tag {value.lang!r} is not a language ({why}); kept without it",
            )
        return tag

    # -- agents -------------------------------------------------------------------------------
    def agent(self, predicate: str, value: Value, default: str = "person") -> dict[str, Any] | None:
        graph = self.graph
        if isinstance(value, Literal):
            cleaned, _ = dc.clean_text(value.value)
            if not cleaned:
                return None
            return dc.parse_agent(cleaned, default="organization" if default == "organization" else "person")
        node = str(value)
        types = set(graph.types(node))
        kind = (
            "organization" if types & _ORGANIZATION_CLASSES else "person" if types & _PERSON_CLASSES else None
        )
        names = [v for v in graph.values(node, *P_NAME) if isinstance(v, Literal)]
        family = next((v.value for v in graph.values(node, *P_FAMILY) if isinstance(v, Literal)), None)
        given = next((v.value for v in graph.values(node, *P_GIVEN) if isinstance(v, Literal)), None)
        name = names[0].value if names else None
        agent: dict[str, Any]
        if kind == "organization" or (kind is None and family is None and default == "organization"):
            if name is None:
                self.note(predicate, value, "an organisation with no name in the data")
                return None
            agent = {"type": "organization", "name": " ".join(name.split())}
        elif family is not None:
            agent = {"type": "person", "family": family}
            if given is not None:
                agent["given"] = given
            shown = " ".join(p for p in (given, family) if p)
            if name is not None and " ".join(name.split()) not in (shown, f"{family}, {given}", family):
                agent["name"] = name
        elif name is not None:
            agent = dc.parse_agent(" ".join(name.split()), default="person")
            if kind == "person" and agent["type"] == "organization":
                agent = {"type": "person", "name": agent["name"]}
            agent.pop("identifiers", None)
        else:
            self.note(predicate, value, "a person or organisation with no name in the data")
            return None
        allowed = (
            ("ror", "isni", "idref", "url")
            if agent["type"] == "organization"
            else ("orcid", "idref", "isni", "url")
        )
        found: list[str] = []
        candidates: list[Value] = [] if node.startswith("_:") else [IRI(node)]
        candidates += graph.values(node, *P_AGENT_ID)
        for candidate in candidates:
            for text_value in self._id_texts(node, candidate):
                try:
                    ident = ids.parse(text_value)
                except IdentifierError:
                    continue
                if ident.scheme.value in allowed and ident.iri not in found:
                    found.append(ident.iri)
        if found:
            agent["identifiers"] = sorted(
                found, key=lambda i: ("orcid.org" not in i and "idref" not in i, found.index(i))
            )
        return agent

    def _id_texts(self, owner: str, value: Value) -> list[str]:
        """The identifier texts of a value: a literal, an IRI, or a schema:PropertyValue node."""
        if isinstance(value, Literal):
            return [value.value]
        node = str(value)
        if node in self.graph.index and node != owner:
            inner = [
                v for v in self.graph.values(node, *_terms("schema:url", "schema:value")) if v is not None
            ]
            texts = [_text(v) for v in inner]
            if texts:
                return texts
        return [] if node.startswith("_:") else [node]

    def ordered(self, predicates: tuple[str, ...]) -> list[Value] | None:
        """Members of an rdf:Seq (``rdf:_1``…) or an rdf:List, for ``bibo:authorList``."""
        for _, holder in self.values(*predicates):
            if isinstance(holder, Literal):
                continue
            node = self.graph.index.get(str(holder), {})
            members: list[tuple[int, Value]] = []
            for predicate, values in node.items():
                if predicate.startswith(RDF_NS + "_") and predicate[len(RDF_NS) + 1 :].isdigit():
                    members.extend((int(predicate[len(RDF_NS) + 1 :]), v) for v in values)
            if members:
                return [v for _, v in sorted(members, key=lambda m: m[0])]
            out: list[Value] = []
            current: Value = holder
            for _ in range(10_000):
                first = self.graph.values(str(current), RDF_FIRST)
                if not first:
                    break
                out.append(first[0])
                rest = self.graph.values(str(current), RDF_REST)
                if not rest or rest[0] == RDF_NIL:
                    break
                current = rest[0]
            if out:
                return out
        return None

    # -- building -----------------------------------------------------------------------------
    def build(self, minter_key: str | None, options: ReaderOptions) -> dict[str, Any]:
        data: dict[str, Any] = {}
        kind = self._type(data)
        titles = self.texts(P_TITLE) + [t for t in self.texts(P_ALT_TITLE) if True]
        unique: list[dict[str, str]] = []
        for title in titles:
            if title not in unique:
                unique.append(title)
        if not unique:
            labels = self.texts(_terms("rdfs:label"))
            if labels:
                unique = labels[:1]
        if unique:
            data["titles"] = unique
        abstracts = self.texts(P_ABSTRACT, block=True)
        if abstracts:
            data["abstracts"] = abstracts
        for _, value in self.values(*_terms("dcterms:tableOfContents")):
            self.note(
                _terms("dcterms:tableOfContents")[0],
                dc.clean_text(_text(value), block=True)[0],
                "a table of contents; the notice model has no field for it",
            )
        self._agents(data)
        self._date(data)
        self._languages(data)
        self._subjects(data)
        self._rights(data)
        self._citation(data)
        container = self._container(data, kind)
        self._identifiers(data, container, kind, minter_key, options)
        self._rest()
        return data

    def _type(self, data: dict[str, Any]) -> str | None:
        found: list[tuple[int, str]] = []  # (precision rank, type)
        for predicate, value in self.values(RDF_TYPE, *_terms("schema:additionalType", "dcterms:type")):
            if isinstance(value, Literal):
                continue
            iri = str(value)
            known = _class_kind(iri)
            if known is None or known[0] != "document" or known[1] is None:
                kind, how = dc.document_type(iri)
                local = _DOCUMENT_CLASSES.get(_local_name(iri))
                if kind is not None:
                    found.append((0 if how == "uri" else 1, kind))
                elif local is not None and local != "other" and known is None:
                    found.append((1, local))  # a class of another ontology named like a known one
                elif not (
                    iri.startswith(_BIBLIOGRAPHIC_NAMESPACES) and _local_name(iri) in _DOCUMENT_CLASSES
                ):
                    self.note(predicate, iri, "a class notice_ld does not map to a document type")
                continue
            found.append((2 if known[1] == "other" else 1, known[1]))
        label: str | None = None
        for predicate, value in self.values(
            *_terms("dcterms:type", "dc:type", "schema:additionalType", "nld:typeLabel")
        ):
            if not isinstance(value, Literal):
                continue
            kind, how = dc.document_type(value.value)
            if kind is not None and predicate != NLD + "typeLabel":
                found.append((0 if how == "uri" else 1, kind))
            elif how == "version":
                self.note(predicate, value, "a version status; the notice model has no version field")
            elif label is None and not value.value.startswith(("info:", "http")):
                label = " ".join(value.value.split())
            else:
                self.note(predicate, value, "a type notice_ld does not recognise")
        chosen = min(found)[1] if found else None
        if chosen is not None:
            data["type"] = chosen
        if label is not None:
            data["type_label"] = label
        return chosen

    def _agents(self, data: dict[str, Any]) -> None:
        ordered = self.ordered(P_AUTHOR_LIST)
        creators: list[dict[str, Any]] = []
        nodes: list[Value] = []
        et_al = False
        if ordered is not None:
            for member in ordered:
                if member == NLD + "etAl":
                    et_al = True
                    continue
                nodes.append(member)
        seen_nodes = {str(n) for n in nodes}
        for _, value in self.values(*P_CREATOR):
            if str(value) in seen_nodes:
                continue
            seen_nodes.add(str(value))
            nodes.append(value)
        for value in nodes:
            agent = self.agent(P_CREATOR[0], value)
            if agent is not None and agent not in creators:
                creators.append(agent)
        if creators:
            data["creators"] = creators
            if et_al:
                data["creators_et_al"] = True
        contributors: list[dict[str, Any]] = []
        editors = self.ordered(P_EDITOR_LIST) or []
        for predicates, role in P_ROLES:
            values = [v for _, v in self.values(*predicates)]
            if role == "editor":
                values = editors + [v for v in values if v not in editors]
            for value in values:
                if role == "contributor" and str(value) in seen_nodes:
                    continue
                agent = self.agent(predicates[0], value)
                if agent is None:
                    continue
                entry = {"role": role, "agent": agent}
                if entry not in contributors and agent not in creators:
                    contributors.append(entry)
                seen_nodes.add(str(value))
        if contributors:
            data["contributors"] = contributors
        for key, predicates in (("publisher", P_PUBLISHER), ("organization", P_PROVIDER)):
            chosen: dict[str, Any] | None = None
            for predicate, value in self.values(*predicates):
                agent = self.agent(predicate, value, default="organization")
                if agent is None:
                    continue
                if chosen is None:
                    chosen = agent
                elif agent != chosen:
                    self.note(predicate, value, f"a second {key}; the notice holds one")
            if chosen is not None:
                data[key] = chosen

    def _date(self, data: dict[str, Any]) -> None:
        issued: str | None = None
        for predicate, value in self.values(*P_ISSUED):
            date, note = dc.parse_date(_text(value))
            if date is None:
                self.note(predicate, value, note or "not a date")
            elif issued is None:
                issued = date
                if note:
                    self.note(predicate, value, note)
            elif not (issued.startswith(date) or date.startswith(issued)):
                self.note(predicate, value, f"a second date; the notice holds one (issued {issued})")
        for predicate, value in self.values(*P_OTHER_DATES):
            date, _ = dc.parse_date(_text(value))
            if (
                issued is None
                and date is not None
                and predicate in _terms("dcterms:created", "schema:dateCreated")
            ):
                issued = date
                self.note(
                    predicate, value, "no date of issue: the date of creation is used as the date of issue"
                )
            else:
                self.note(predicate, value, "the notice holds only the date of issue")
        if issued is not None:
            data["issued"] = issued

    def _languages(self, data: dict[str, Any]) -> None:
        tags: list[str] = []
        for predicate, value in self.values(*P_LANGUAGE):
            if isinstance(value, Literal):
                candidates = [value.value]
            else:
                node = str(value)
                candidates = [
                    _text(v)
                    for v in self.graph.values(
                        node, *_terms("schema:alternateName", "schema:name", "rdfs:label")
                    )
                ]
                if not node.startswith("_:"):
                    candidates.insert(0, _local_name(node))
            tag = None
            why = None
            for candidate in candidates:
                tag, why = dc.language_tag(candidate)
                if tag is not None:
                    break
            if tag is None:
                self.note(predicate, value, why or "not a language")
            elif tag not in tags:
                tags.append(tag)
        if tags:
            data["languages"] = tags

    def concept(self, predicate: str, value: Value) -> dict[str, Any] | None:
        node = str(value)
        labels = []
        for label in self.graph.values(node, *P_LABEL):
            if isinstance(label, Literal):
                cleaned = " ".join(label.value.split())
                lang = dc.language_tag(label.lang)[0] if label.lang else None
                entry = {"value": cleaned, "lang": lang} if lang else {"value": cleaned}
                if cleaned and entry not in labels:
                    labels.append(entry)
        concept: dict[str, Any] = {}
        if node.startswith(("http://", "https://")):
            concept["iri"] = node
        if labels:
            concept["labels"] = labels
        notation = next(
            (v.value for v in self.graph.values(node, *P_NOTATION) if isinstance(v, Literal)), None
        )
        if notation:
            concept["notation"] = notation
        if "iri" not in concept and not labels:
            self.note(predicate, value, "a subject with neither an http IRI nor a label")
            return None
        return concept

    def _subjects(self, data: dict[str, Any]) -> None:
        keywords: list[dict[str, str]] = []
        subjects: list[dict[str, Any]] = []
        disciplines: list[dict[str, Any]] = []
        keyword_values = self.values(*P_KEYWORDS)
        split = len(keyword_values) == 1 and isinstance(keyword_values[0][1], Literal)
        for predicate, value in [*self.values(*P_SUBJECT), *keyword_values]:
            if isinstance(value, Literal):
                parts = value.value.split(",") if split and predicate in P_KEYWORDS else [value.value]
                lang = self.tag(predicate, value)
                for part in parts:
                    cleaned = " ".join(part.split())
                    entry = {"value": cleaned, "lang": lang} if lang else {"value": cleaned}
                    if cleaned and entry not in keywords:
                        keywords.append(entry)
                continue
            concept = self.concept(predicate, value)
            if concept is not None and concept not in subjects:
                subjects.append(concept)
        for predicate, value in self.values(*P_DISCIPLINE):
            if isinstance(value, Literal):
                self.note(predicate, value, "a discipline given as text, not as a concept")
                continue
            concept = self.concept(predicate, value)
            if concept is not None and concept not in disciplines:
                disciplines.append(concept)
        subjects = [s for s in subjects if s not in disciplines]
        if keywords:
            data["keywords"] = keywords
        if subjects:
            data["subjects"] = subjects
        if disciplines:
            data["disciplines"] = disciplines

    def _rights(self, data: dict[str, Any]) -> None:
        licences: list[tuple[str, Value, dc.Rights]] = []
        for predicate, value in self.values(*P_LICENSE, *P_RIGHTS):
            found = dc.rights(_text(value))
            if found.kind == "access":
                self.note(predicate, value, "an access status; the notice model has no access-rights field")
                continue
            if found.iri is None and not isinstance(value, Literal) and str(value).startswith("_:"):
                labels = [v for v in self.graph.values(str(value), *P_LABEL) if isinstance(v, Literal)]
                if not labels:
                    self.note(predicate, value, "a licence with neither an http IRI nor a label")
                    continue
                found = dc.rights(labels[0].value)
            licences.append((predicate, value, found))
        for predicate, value in self.values(*P_ACCESS):
            self.note(predicate, value, "an access status; the notice model has no access-rights field")
        if not licences:
            return
        with_iri = [entry for entry in licences if entry[2].iri]
        _, chosen_value, chosen = (with_iri or licences)[0]
        licence: dict[str, str] = {}
        if chosen.iri:
            licence["iri"] = chosen.iri
            titled = [
                v
                for v in self.graph.values(str(chosen_value), *_terms("dcterms:title", "rdfs:label"))
                if isinstance(v, Literal)
            ]
            label = titled[0].value if titled else chosen.label
        else:
            label = chosen.label
        if label is None:
            label = next((r.label for _, _, r in licences if r.label and r.iri in (None, chosen.iri)), None)
        if label:
            licence["label"] = " ".join(label.split())
        data["license"] = licence
        for predicate, value, other in licences:
            if (
                value is chosen_value
                or other.iri == chosen.iri
                or (other.iri is None and other.label == label)
            ):
                continue
            self.note(predicate, value, f"a second licence; the notice holds one ({chosen.iri or label})")

    def _citation(self, data: dict[str, Any]) -> None:
        for predicate, value in self.values(*P_CITATION):
            cleaned, _ = dc.clean_text(_text(value))
            if not cleaned:
                continue
            if "citation" not in data:
                data["citation"] = cleaned
            elif cleaned != data["citation"]:
                self.note(predicate, cleaned, "a second citation; the notice holds one")
        for predicate, value in self.values(*P_SOURCE):
            if not isinstance(value, Literal):
                self.note(predicate, value, "a source resource; the notice model has no relation field")
            elif "source" not in data:
                data["source"] = " ".join(value.value.split())
            else:
                self.note(predicate, value, "a second source; the notice holds one")

    # -- container ----------------------------------------------------------------------------
    def _container(self, data: dict[str, Any], kind: str | None) -> dict[str, Any]:
        graph = self.graph
        container: dict[str, Any] = {}
        chain: list[str] = []
        literal_titles: list[str] = []
        for predicate, value in self.values(*P_PART_OF):
            if isinstance(value, Literal):
                literal_titles.append(" ".join(value.value.split()))
                continue
            node = str(value)
            if node in graph.index and _is_resource(graph, node):
                self.note(
                    predicate,
                    value,
                    "a part-of link to another document; the notice model has no relation field",
                )
                continue
            if not chain:
                current: str | None = node
                while current is not None and current not in chain and len(chain) < 6:
                    chain.append(current)
                    ups = [v for v in graph.values(current, *P_PART_OF) if not isinstance(v, Literal)]
                    current = str(ups[0]) if ups else None
            else:
                self.note(predicate, value, "a second container; the notice holds one")
        nodes = [self.resource, *chain]
        for field_name, predicates in (
            ("issn", P_ISSN),
            ("eissn", P_EISSN),
            ("issn_l", P_ISSN_L),
            ("volume", P_VOLUME),
            ("issue", P_ISSUE),
        ):
            for node in nodes:
                found = [v for v in graph.values(node, *predicates) if isinstance(v, Literal)]
                if node == self.resource:
                    self.used.update(predicates)
                if found and field_name not in container:
                    container[field_name] = " ".join(found[0].value.split())
        titled: str | None = None
        for node in reversed(chain):
            names = [
                v
                for v in graph.values(
                    node,
                    *_terms(
                        "dcterms:title", "dc:title", "schema:name", "prism:publicationName", "rdfs:label"
                    ),
                )
                if isinstance(v, Literal)
            ]
            if names:
                container["title"] = " ".join(names[0].value.split())
                titled = node
                break
        publication = [v for _, v in self.values(*P_PUBLICATION_NAME) if isinstance(v, Literal)]
        if "title" not in container and (publication or literal_titles):
            container["title"] = " ".join(
                (publication[0].value if publication else literal_titles[0]).split()
            )
        if titled is not None and titled.startswith(("http://", "https://")):
            kinds = [_class_kind(t) for t in graph.types(titled)]
            container_kind = next(
                (k[1] for k in kinds if k is not None and k[0] == "container" and k[1]), None
            )
            if container_kind is None and any(
                k is not None and k[0] == "document" and k[1] == "book" for k in kinds
            ):
                container_kind = "book"
            container["type"] = container_kind or ("book" if kind == "chapter" else "journal")
            if not _derived_container_iri(titled):
                container["iri"] = titled
            for isbn in graph.values(
                titled, *_terms("bibo:isbn", "bibo:isbn13", "bibo:isbn10", "schema:isbn")
            ):
                container.setdefault("isbn", _text(isbn))
        elif "title" in container:
            container["type"] = "book" if kind == "chapter" else "journal"
        pages = [v for _, v in self.values(*P_PAGES) if isinstance(v, Literal)]
        start = [v for _, v in self.values(*P_PAGE_START) if isinstance(v, Literal)]
        end = [v for _, v in self.values(*P_PAGE_END) if isinstance(v, Literal)]
        if start and end:
            container["pages"] = f"{start[0].value.strip()}-{end[0].value.strip()}"
        elif pages:
            container["pages"] = " ".join(pages[0].value.split())
        elif start:
            container["pages"] = start[0].value.strip()
        return container

    # -- identifiers ----------------------------------------------------------------------------
    def _identifiers(
        self,
        data: dict[str, Any],
        container: dict[str, Any],
        kind: str | None,
        minter_key: str | None,
        options: ReaderOptions,
    ) -> None:
        pids: list[ids.Identifier] = []
        urls: list[ids.Identifier] = []
        isbns: list[str] = []
        own = None if self.resource.startswith("_:") else self.resource
        candidates: list[tuple[str, Value, str | None]] = []
        if own is not None:
            candidates.append((RDF_TYPE, IRI(own), None))
        for predicates, hint in P_SCHEMED:
            candidates += [(p, v, hint) for p, v in self.values(*predicates)]
        candidates += [(p, v, None) for p, v in self.values(*P_IDENTIFIER, *P_SAME_AS)]
        for predicate, value, scheme in candidates:
            texts = (
                self._id_texts(self.resource, value)
                if not isinstance(value, Literal) or scheme is None
                else [value.value]
            )
            if isinstance(value, IRI) and str(value) in self.graph.index and not texts:
                continue
            for text_value in texts:
                try:
                    found = ids.parse(text_value, scheme)
                except IdentifierError as exc:
                    if predicate != RDF_TYPE:
                        self.note(predicate, text_value, f"not a usable identifier: {exc.problem}")
                    continue
                if found.scheme in _AGENT_SCHEMES:
                    self.note(
                        predicate,
                        text_value,
                        f"{found.scheme.a_label} identifies a person or an organisation, not the document",
                    )
                elif found.scheme in (ids.Scheme.ISSN, ids.Scheme.ISSN_L):
                    container.setdefault("issn", found.value)
                elif found.scheme is ids.Scheme.ISBN:
                    if found.value not in isbns:
                        isbns.append(found.value)
                elif found.scheme is ids.Scheme.URL:
                    if found not in urls:
                        urls.append(found)
                elif found not in pids:
                    pids.append(found)
        page: str | None = None
        for predicate, value in self.values(*P_PAGE):
            try:
                found = ids.parse(_text(value), ids.Scheme.URL)
            except IdentifierError as exc:
                self.note(predicate, value, f"not a usable web address: {exc.problem}")
                continue
            if page is None:
                page = found.value
            if found not in urls and found.iri not in {p.iri for p in pids}:
                urls.append(found)
        # the identifier the resource's own IRI resolves (its DOI, Handle…) first, then by kind
        pids.sort(
            key=lambda i: (
                i.iri != own,
                _PID_ORDER.index(i.scheme) if i.scheme in _PID_ORDER else len(_PID_ORDER),
            )
        )
        if own is not None and own in {u.value for u in urls} and len(urls) > 1:
            # the RDF node's own IRI comes after the web pages the data gives
            urls = [u for u in urls if u.value != own] + [u for u in urls if u.value == own]
        if kind == "chapter" and isbns and "title" in container:
            container.setdefault("isbn", isbns.pop(0))
        others: list[ids.Identifier] = []
        if pids:
            data["id"] = pids[0]
            others = pids[1:] + urls
        elif urls:
            data["id"] = urls[0]
            others = urls[1:]
        elif options.minter is not None and minter_key is not None:
            data["id"] = ids.Identifier(ids.Scheme.HANDLE, options.minter.mint(minter_key))
        else:
            raise RecordError(
                field="id",
                problem="the resource has no usable identifier (a DOI, Handle, ARK, HAL id, URN or http IRI) "
                "and is a blank node",
                fix="give the resource an IRI or a dcterms:identifier, "
                "or pass a Handle prefix (--prefix) to mint one",
            )
        others += [ids.Identifier(ids.Scheme.ISBN, value) for value in isbns]
        if others:
            data["identifiers"] = [o for o in others if o != data["id"]]
        if page is not None:
            data["landing_page"] = page
        elif urls and urls[0].value != own:
            data["landing_page"] = urls[0].value
        if container:
            if "title" in container:
                data["container"] = container
            else:
                for key, value in container.items():
                    if key != "type":
                        self.residue.append(
                            ResidueItem(
                                key,
                                str(value),
                                "identifies the journal or book, but no title for it was given",
                            )
                        )

    def _rest(self) -> None:
        for predicate, values in self.graph.index.get(self.resource, {}).items():
            if predicate in self.used or predicate.startswith(RDF_NS + "_"):
                continue
            for value in values:
                self.note(predicate, value, "no notice field for this property")


def _derived_container_iri(iri: str) -> bool:
    return iri.startswith(("https://portal.issn.org/resource/ISSN/", "urn:isbn:"))


def _minter_key(graph: RdfGraph, resource: str) -> str:
    """A key that depends only on the resource's literal values (for a blank node)."""
    if not resource.startswith("_:"):
        return resource
    pairs = sorted(
        (p, v.value, v.lang)
        for p, values in graph.index.get(resource, {}).items()
        for v in values
        if isinstance(v, Literal)
    )
    return "rdf:" + hashlib.sha256(json.dumps(pairs, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def _mapped(
    graph: RdfGraph, resource: str, original: str | None, label: str, options: ReaderOptions
) -> Iterator[Outcome]:
    mapper = _Mapper(graph, resource)
    if original is not None:
        mapper.used.update(P_REPRODUCTION_OF)
    data = mapper.build(_minter_key(graph, resource), options)
    if original is not None:
        first = _Mapper(graph, original)
        try:
            earlier = first.build(None, ReaderOptions(max_record_bytes=options.max_record_bytes))
        except RecordError:
            earlier = {}
        _merge_original(data, earlier, mapper)
        mapper.residue.append(
            ResidueItem(
                "rdau:electronicReproductionOf",
                original,
                "the original this resource reproduces: read into the same notice",
            )
        )
    if "titles" not in data:
        raise RecordError(
            field="dcterms:title",
            problem="the resource has no title (dcterms:title, dc:title, schema:name or schema:headline)",
            fix="give the resource a title",
        )
    record = f"{data['id'].value if isinstance(data['id'], ids.Identifier) else data['id']} ({label})"
    notice = Notice.from_dict(data, record=record)
    yield notice
    if mapper.residue:
        yield Residue(record=str(notice.id), source=label, items=tuple(mapper.residue))


def _merge_original(data: dict[str, Any], original: Mapping[str, Any], mapper: _Mapper) -> None:
    """Fill a reproduction's notice from its original: the original's date and publisher win
    (the reproduction's are those of the digitisation)."""
    for key in ("issued", "publisher"):
        if key in original:
            if key in data and data[key] != original[key]:
                mapper.residue.append(
                    ResidueItem(
                        key,
                        json.dumps(data[key], ensure_ascii=False)
                        if not isinstance(data[key], str)
                        else data[key],
                        "the electronic reproduction's value; the original's is kept",
                    )
                )
            data[key] = original[key]
    for key, value in original.items():
        if key in ("id", "identifiers"):
            continue
        if key not in data:
            data[key] = value
        elif key == "container" and isinstance(value, Mapping):
            for inner, item in value.items():
                data[key].setdefault(inner, item)


_ = (Iterable, XSD_STRING)
