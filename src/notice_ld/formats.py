"""Output formats: a closed enum carrying each format's name, media type and file extension.

>>> Format.TURTLE.media_type, Format.TURTLE.extension
('text/turtle', 'ttl')
>>> Format.from_name("schema-jsonld")
<Format.SCHEMA_JSON_LD: 'schema-jsonld'>
>>> Format.from_media_type("text/turtle; charset=utf-8")
<Format.TURTLE: 'turtle'>
>>> Format.from_extension("out.nt")
<Format.N_TRIPLES: 'ntriples'>
>>> Format.from_extension("refs.bib"), Format.BIBTEX.is_rdf
(<Format.BIBTEX: 'bibtex'>, False)

RDF notice_ld reads (to validate it, or shapes files) is an :class:`RdfFormat`:

>>> RdfFormat.from_path("shapes/core.ttl"), RdfFormat.from_path("dump.nt.gz"), RdfFormat.from_path("n.jsonl")
(<RdfFormat.TURTLE: 'turtle'>, <RdfFormat.N_TRIPLES: 'ntriples'>, None)
>>> RdfFormat.TRIG.media_type, RdfFormat.RDF_XML.extensions
('application/trig', ('rdf', 'xml', 'owl', 'rdfxml'))
"""

from __future__ import annotations

import enum
from pathlib import PurePath
from typing import TYPE_CHECKING

from notice_ld.enums import member_named
from notice_ld.errors import UnknownFormatError

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["Format", "RdfFormat"]


class Format(enum.Enum):
    """A serialization notice_ld writes. The value is the name the CLI uses."""

    TURTLE = "turtle"
    N_TRIPLES = "ntriples"
    N_QUADS = "nquads"
    RDF_XML = "rdfxml"
    JSON_LD = "jsonld"
    SCHEMA_JSON_LD = "schema-jsonld"
    BIBTEX = "bibtex"
    RIS = "ris"
    CSL_JSON = "csl-json"

    @property
    def media_type(self) -> str:
        """The IANA media type."""
        return _INFO[self][0]

    @property
    def extension(self) -> str:
        """The usual file extension, without the dot."""
        return _INFO[self][1]

    @property
    def is_rdf(self) -> bool:
        """Whether the output is the full RDF graph (the schema.org web view and citation exports are not)."""
        return self is not Format.SCHEMA_JSON_LD and self not in _CITATION_EXPORTS

    @classmethod
    def from_name(cls, name: str) -> Format:
        """Parse a CLI name (``turtle``, ``ttl``, ``nt``, ``json-ld``…)."""
        key = name.strip().lower()
        key = _ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            known = ", ".join(f.value for f in cls)
            raise UnknownFormatError(f"unknown format {name!r}; use one of: {known}") from None

    @classmethod
    def from_media_type(cls, media_type: str) -> Format:
        """The RDF format or citation export for a media type (parameters such as ``charset`` are ignored)."""
        base = media_type.split(";", 1)[0].strip().lower()
        for fmt in cls:
            if (fmt.is_rdf or fmt in _CITATION_EXPORTS) and fmt.media_type == base:
                return fmt
        raise UnknownFormatError(f"no format has media type {media_type!r}")

    @classmethod
    def from_extension(cls, path_or_extension: str) -> Format:
        """The RDF format or citation export for a file name or extension (``.json`` is JSON-LD)."""
        ext = path_or_extension.rsplit(".", 1)[-1].lower()
        ext = _ALIASES.get(ext, ext)
        for fmt in cls:
            if (fmt.is_rdf or fmt in _CITATION_EXPORTS) and (fmt.extension == ext or fmt.value == ext):
                return fmt
        raise UnknownFormatError(f"no format uses the extension {path_or_extension!r}")


_INFO: dict[Format, tuple[str, str]] = {
    Format.TURTLE: ("text/turtle", "ttl"),
    Format.N_TRIPLES: ("application/n-triples", "nt"),
    Format.N_QUADS: ("application/n-quads", "nq"),
    Format.RDF_XML: ("application/rdf+xml", "rdf"),
    Format.JSON_LD: ("application/ld+json", "jsonld"),
    Format.SCHEMA_JSON_LD: ("application/ld+json", "jsonld"),
    Format.BIBTEX: ("application/x-bibtex", "bib"),
    Format.RIS: ("application/x-research-info-systems", "ris"),
    Format.CSL_JSON: ("application/vnd.citationstyles.csl+json", "json"),
}
_CITATION_EXPORTS = frozenset({Format.BIBTEX, Format.RIS, Format.CSL_JSON})
_ALIASES = {
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "nq": "nquads",
    "n-quads": "nquads",
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
    "json-ld": "jsonld",
    "json": "jsonld",
    "schema": "schema-jsonld",
    "bib": "bibtex",
    "csl": "csl-json",
    "csljson": "csl-json",
}


class RdfFormat(enum.Enum):
    """An RDF syntax notice_ld reads (with pyoxigraph). The value is the name the CLI uses.

    >>> RdfFormat.from_name("N3"), RdfFormat.JSON_LD.extensions
    (<RdfFormat.N3: 'n3'>, ('jsonld', 'json-ld'))
    >>> RdfFormat.from_name("csv")
    Traceback (most recent call last):
    ...
    notice_ld.errors.UnknownFormatError: unknown RDF format 'csv'; use one of: turtle, ...
    """

    TURTLE = "turtle"
    N_TRIPLES = "ntriples"
    N_QUADS = "nquads"
    TRIG = "trig"
    RDF_XML = "rdfxml"
    JSON_LD = "jsonld"
    N3 = "n3"

    @property
    def media_type(self) -> str:
        """The IANA media type."""
        return _RDF_INFO[self][0]

    @property
    def extensions(self) -> tuple[str, ...]:
        """The file extensions (without the dot) that name this format, the usual one first."""
        return _RDF_INFO[self][1]

    @property
    def ox_format(self) -> pyoxigraph.RdfFormat:
        """The pyoxigraph format that parses it."""
        import pyoxigraph as ox

        return {
            RdfFormat.TURTLE: ox.RdfFormat.TURTLE,
            RdfFormat.N_TRIPLES: ox.RdfFormat.N_TRIPLES,
            RdfFormat.N_QUADS: ox.RdfFormat.N_QUADS,
            RdfFormat.TRIG: ox.RdfFormat.TRIG,
            RdfFormat.RDF_XML: ox.RdfFormat.RDF_XML,
            RdfFormat.JSON_LD: ox.RdfFormat.JSON_LD,
            RdfFormat.N3: ox.RdfFormat.N3,
        }[self]

    @classmethod
    def from_name(cls, name: str) -> RdfFormat:
        """Parse a CLI name (``turtle``, ``rdfxml``…; case-insensitive)."""
        return member_named(cls, name, "RDF format", UnknownFormatError)

    @classmethod
    def from_path(cls, path: str | PurePath) -> RdfFormat | None:
        """The RDF format of a file name by its extension (``.gz`` looked through), or ``None``
        when the extension is not an RDF one."""
        name = str(path).lower()
        name = name.removesuffix(".gz")
        if "." not in name:
            return None
        return _RDF_BY_EXTENSION.get(name.rsplit(".", 1)[-1])


_RDF_INFO: dict[RdfFormat, tuple[str, tuple[str, ...]]] = {
    RdfFormat.TURTLE: ("text/turtle", ("ttl", "turtle")),
    RdfFormat.N_TRIPLES: ("application/n-triples", ("nt", "ntriples")),
    RdfFormat.N_QUADS: ("application/n-quads", ("nq", "nquads")),
    RdfFormat.TRIG: ("application/trig", ("trig",)),
    RdfFormat.RDF_XML: ("application/rdf+xml", ("rdf", "xml", "owl", "rdfxml")),
    RdfFormat.JSON_LD: ("application/ld+json", ("jsonld", "json-ld")),
    RdfFormat.N3: ("text/n3", ("n3",)),
}
_RDF_BY_EXTENSION = {ext: fmt for fmt, (_, exts) in _RDF_INFO.items() for ext in exts}
