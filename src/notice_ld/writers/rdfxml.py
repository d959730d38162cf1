"""RDF/XML, written as text directly from the sorted triples (streamed notice by notice).

The document declares the fixed prefix table on ``rdf:RDF`` (sorted by prefix); each notice is
one ``rdf:Description`` per subject, the document first and the other subjects in IRI order,
``rdf:type`` first and the other properties in triple order. IRIs are ``rdf:resource``, literals
carry ``xml:lang`` or ``rdf:datatype`` (none for ``xsd:string``). Bytes depend only on the input.

A property element needs a QName: a prefix and an XML NCName local part. When the predicate is
not a table namespace plus such a name (say its last segment starts with a digit or holds a
``%``), the longest NCName at its end is the local part and the rest is declared on the element
itself as ``xmlns:ns1``, which RDF/XML allows. Local parts are kept to the name characters every
XML parser agrees on (ASCII and Latin-1 letters, digits, ``_``, ``-``, ``.``, ``·``). A predicate
with no such name at its end (it ends with ``/``, ``#``…), or one of the ``rdf:`` syntax terms,
cannot be written in RDF/XML: the writer raises :class:`~notice_ld.errors.RecordError`, as it does
for text that XML 1.0 cannot carry at all (C0 controls other than tab, newline and carriage return).

>>> import io
>>> from notice_ld import Notice, map_notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "Vie & <société>", "lang": "fr"}]})
>>> out = io.BytesIO()
>>> write_rdfxml([map_notice(n)], out)
>>> print(next(line for line in out.getvalue().decode().splitlines() if "dcterms:title" in line))
    <dcterms:title xml:lang="fr">Vie &amp; &lt;société&gt;</dcterms:title>
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import groupby
from operator import itemgetter
from typing import IO, TYPE_CHECKING, TypeVar

from notice_ld.crosswalk import prefixes
from notice_ld.errors import RecordError
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import RDF, RDF_LANGSTRING, RDF_TYPE, XSD_STRING, Literal, Object
from notice_ld.writers.stream import Codec

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["RdfXmlCodec", "to_oxigraph_term", "write_rdfxml"]

_T = TypeVar("_T")


def to_oxigraph_term(term: Object) -> ox.NamedNode | ox.Literal:
    """Convert an object term to pyoxigraph."""
    import pyoxigraph as ox

    if isinstance(term, Literal):
        if term.lang:
            return ox.Literal(term.value, language=term.lang)
        if term.datatype == XSD_STRING:
            return ox.Literal(term.value)
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.NamedNode(term)


# Characters XML 1.0 cannot carry at all, not even as a character reference.
_NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_TEXT_SPECIAL = re.compile(f"[&<>\r{_NOT_XML}]")
_ATTR_SPECIAL = re.compile(f'[&<>"\t\n\r{_NOT_XML}]')
_NOT_XML_CHAR = re.compile(f"[{_NOT_XML}]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}

# The longest XML NCName at the end of an IRI, in the name characters that XML 1.0 4th and 5th
# editions (expat, libxml2, oxrdfxml) all accept.
_LOCAL_NAME = re.compile(
    r"[A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff][\w.\-\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]*\Z",
    re.ASCII,
)
# rdf: names that RDF/XML reads as syntax, never as a property element (RDF/XML 1.1 §7.2.5).
_RDF_SYNTAX_TERMS = frozenset(
    {"RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "Description", "li"}
    | {"aboutEach", "aboutEachPrefix", "bagID"}
)
_MEMO_SIZE = 4096  # vocabulary terms recur; bounded so memory stays flat


def _unwritable(text: str) -> RecordError:
    bad = _NOT_XML_CHAR.search(text)
    where = f"U+{ord(bad.group(0)):04X}" if bad else "a character"
    return RecordError(
        problem=f"{text[:60]!r} holds {where}, which XML 1.0 cannot carry",
        fix="remove the character, or write this notice as Turtle, N-Triples or JSON-LD",
    )


def _escape(text: str, special: re.Pattern[str]) -> str:
    if special.search(text) is None:
        return text
    if _NOT_XML_CHAR.search(text):
        raise _unwritable(text)
    return special.sub(lambda m: _ESCAPES[m.group(0)], text)


def _text(text: str) -> str:
    """Character data: ``&``, ``<``, ``>`` and ``\\r`` escaped (``]]>`` and CR survive parsing)."""
    return _escape(text, _TEXT_SPECIAL)


def _attr(text: str) -> str:
    """An attribute value: also ``"`` and tab / newline / CR, which attribute normalisation would eat."""
    return _escape(text, _ATTR_SPECIAL)


class _Names:
    """Memoised markup, bounded so memory stays flat: property element tags, language and datatype
    attributes (vocabulary terms, tags and datatypes recur from notice to notice)."""

    def __init__(self, table: dict[str, str]) -> None:
        self._by_namespace = {ns: prefix for prefix, ns in table.items()}
        self._spare = next(f"ns{i}" for i in range(1, len(table) + 2) if f"ns{i}" not in table)
        self.known_tags: dict[str, tuple[str, str]] = {}
        self.known_langs: dict[str, str] = {}
        self.known_datatypes: dict[str, str] = {}

    def tags(self, predicate: str) -> tuple[str, str]:
        """``("    <qname[ xmlns:…]", "</qname>\\n")`` for the predicate's property elements."""
        return _remember(self.known_tags, predicate, self._split(predicate))

    def lang(self, tag: str) -> str:
        """`` xml:lang="tag">``."""
        return _remember(self.known_langs, tag, f' xml:lang="{_attr(tag)}">')

    def datatype(self, iri: str) -> str:
        """`` rdf:datatype="iri">``."""
        return _remember(self.known_datatypes, iri, f' rdf:datatype="{_attr(iri)}">')

    def _split(self, predicate: str) -> tuple[str, str]:
        cut = max(predicate.rfind("#"), predicate.rfind("/")) + 1
        if _LOCAL_NAME.match(predicate, cut):
            namespace, local = predicate[:cut], predicate[cut:]
        else:
            found = _LOCAL_NAME.search(predicate, cut)
            if found is None:
                raise RecordError(
                    problem=f"the property <{predicate}> cannot be written in RDF/XML: no XML name ends it",
                    fix="write this notice as Turtle, N-Triples or JSON-LD",
                )
            namespace, local = predicate[: found.start()], found.group(0)
        if namespace == RDF and local in _RDF_SYNTAX_TERMS:
            raise RecordError(
                problem=f"the property rdf:{local} cannot be written in RDF/XML: it is a syntax term",
                fix="write this notice as Turtle, N-Triples or JSON-LD",
            )
        prefix = self._by_namespace.get(namespace)
        if prefix is not None:
            return f"    <{prefix}:{local}", f"</{prefix}:{local}>\n"
        qname = f"{self._spare}:{local}"
        return f'    <{qname} xmlns:{self._spare}="{_attr(namespace)}"', f"</{qname}>\n"


def _remember(memo: dict[str, _T], key: str, value: _T) -> _T:
    if len(memo) < _MEMO_SIZE:
        memo[key] = value
    return value


def _description(subject: str, lines: list[str]) -> str:
    return f'  <rdf:Description rdf:about="{_attr(subject)}">\n{"".join(lines)}  </rdf:Description>\n'


def _notice_block(graph: NoticeGraph, names: _Names) -> str:
    """One notice's ``rdf:Description`` elements, the document first, then the other subjects."""
    known_tags = names.known_tags
    known_langs = names.known_langs
    known_datatypes = names.known_datatypes
    text_special = _TEXT_SPECIAL.search
    attr_special = _ATTR_SPECIAL.search
    blocks: list[str] = []
    first = ""
    try:
        for subject, triples in groupby(graph.triples, key=itemgetter(0)):  # sorted: contiguous
            types: list[str] = []
            lines: list[str] = []
            for _, p, o in triples:
                tag = known_tags.get(p) or names.tags(p)
                if isinstance(o, Literal):
                    value, datatype, lang = o
                    text = value if text_special(value) is None else _text(value)
                    if lang:
                        lines.append(f"{tag[0]}{known_langs.get(lang) or names.lang(lang)}{text}{tag[1]}")
                    elif datatype in (XSD_STRING, RDF_LANGSTRING):
                        lines.append(f"{tag[0]}>{text}{tag[1]}")
                    else:
                        dt = known_datatypes.get(datatype) or names.datatype(datatype)
                        lines.append(f"{tag[0]}{dt}{text}{tag[1]}")
                else:
                    iri = o if attr_special(o) is None else _attr(o)
                    if p == RDF_TYPE:
                        types.append(f'{tag[0]} rdf:resource="{iri}"/>\n')
                    else:
                        lines.append(f'{tag[0]} rdf:resource="{iri}"/>\n')
            block = _description(subject, types + lines)
            if subject == graph.iri:
                first = block
            else:
                blocks.append(block)
    except RecordError as err:
        raise err.with_context(record=graph.iri) from None
    return first + "".join(blocks)


@cache
def _shared() -> tuple[str, _Names]:
    """The header and the memo, shared by every call (the prefix table is fixed)."""
    table = dict(prefixes())
    declarations = "".join(f'\n    xmlns:{p}="{_attr(ns)}"' for p, ns in sorted(table.items()))
    return f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{declarations}>\n', _Names(table)


class RdfXmlCodec(Codec):
    """RDF/XML: one ``rdf:RDF`` element declaring the fixed prefixes, a description per node."""

    format = Format.RDF_XML

    def __init__(self) -> None:
        header, self.names = _shared()
        self._header = header.encode("utf-8")

    def header(self) -> bytes:
        return self._header

    def item(self, graph: NoticeGraph) -> bytes:
        return _notice_block(graph, self.names).encode("utf-8")

    def footer(self, empty: bool) -> bytes:
        return b"</rdf:RDF>\n"


def write_rdfxml(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
    """Write notices as one RDF/XML document."""
    RdfXmlCodec().write(graphs, out)
