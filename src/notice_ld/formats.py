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
"""

from __future__ import annotations

import enum

from notice_ld.errors import UnknownFormatError

__all__ = ["Format"]


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
