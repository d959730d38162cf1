"""The RDF terms notice_ld builds internally: plain, hashable, ordered, cheap.

The mapping produces triples ``(subject, predicate, object)`` where subject and predicate are IRI
strings and the object is an :class:`IRI` or a :class:`Literal`. No blank node ever exists: every
node has an IRI (see :mod:`notice_ld.mapping`). Writers turn these tuples into bytes directly;
:func:`notice_ld.graph.to_rdflib` and :func:`notice_ld.graph.to_oxigraph` convert them for the
reference libraries.

>>> t = ("https://hdl.handle.net/10670/1.jt89mr", DCTERMS_TITLE, Literal("Vie sociale", lang="fr"))
>>> sorted([t, (t[0], t[1], IRI("http://example.org/x"))], key=triple_key)[0][2]
'http://example.org/x'
"""

from __future__ import annotations

from typing import NamedTuple, TypeAlias

from notice_ld.vocabulary import DCTERMS
from notice_ld.vocabulary import RDF as _RDF
from notice_ld.vocabulary import XSD as _XSD

__all__ = [
    "IRI",
    "RDF",
    "RDF_LANGSTRING",
    "RDF_TYPE",
    "XSD",
    "XSD_STRING",
    "Literal",
    "Object",
    "Triple",
    "triple_key",
]

RDF = _RDF.NS
XSD = _XSD.NS
RDF_TYPE = _RDF.type
RDF_LANGSTRING = _RDF.langString
XSD_STRING = _XSD.string
DCTERMS_TITLE = DCTERMS.title


class IRI(str):
    """An IRI used as an object (subjects and predicates are plain ``str``)."""

    __slots__ = ()


class Literal(NamedTuple):
    """An RDF literal: lexical form, datatype IRI, and language tag (``""`` when none).

    >>> Literal("2019", "http://www.w3.org/2001/XMLSchema#gYear").lang
    ''
    """

    value: str
    datatype: str = XSD_STRING
    lang: str = ""

    @classmethod
    def tagged(cls, value: str, lang: str | None) -> Literal:
        """A language-tagged string, or a plain ``xsd:string`` when ``lang`` is ``None``.

        Tags are written in lower case, the canonical form of RDF's value space ("zh-Hant" and
        "zh-hant" are the same tag), so every RDF library reads the same literal back.

        >>> Literal.tagged("Titre", "zh-Hant").lang
        'zh-hant'
        """
        if lang:
            return cls(value, RDF_LANGSTRING, lang.lower())
        return cls(value)


Object: TypeAlias = IRI | Literal
Triple: TypeAlias = tuple[str, str, Object]


def triple_key(triple: Triple) -> tuple[str, str, bool, Object]:
    """Total order on triples: subject, predicate, then IRIs before literals."""
    obj = triple[2]
    return (triple[0], triple[1], isinstance(obj, Literal), obj)
