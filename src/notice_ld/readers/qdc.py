"""Qualified Dublin Core reader: OAI-PMH ``qdc`` responses and bare ``qualifieddc`` documents.

Qualified DC (OpenEdition's ``qdc:qualifieddc``, DSpace's and EPrints' ``qdc``) writes the DCMI
terms (``dcterms:*``): the fifteen elements and their refinements, with encoding schemes given
as ``xsi:type`` (``dcterms:W3CDTF``, ``dcterms:URI``, ``dcterms:ISO639-2``, ``dcterms:LCSH``…)
or as a plain ``scheme`` attribute (``scheme="URN"``, ``scheme="keywords"``). It is read by the
same code as ``oai_dc`` (:mod:`notice_ld.readers.oai_dc`, and the OAI-PMH envelope of
:mod:`notice_ld.readers.oai`); only its element table, :data:`QDC`, is its own.

>>> import io
>>> from notice_ld.readers import InputFormat, read
>>> doc = b'''<qdc:qualifieddc xmlns:qdc="http://www.bl.uk/namespaces/oai_dcq/"
...   xmlns:dcterms="http://purl.org/dc/terms/"
...   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
...  <dcterms:title>Les emeutes</dcterms:title>
...  <dcterms:alternative xml:lang="en">Riots</dcterms:alternative>
...  <dcterms:identifier scheme="URN">urn:doi:10.4000/conflits.756</dcterms:identifier>
...  <dcterms:issued xsi:type="dcterms:W3CDTF">2003-01-02T00:00:00Z</dcterms:issued>
...  <dcterms:language xsi:type="dcterms:ISO639-2">fre</dcterms:language>
...  <dcterms:isPartOf scheme="URN">urn:issn:1157-996X</dcterms:isPartOf>
...  <dcterms:bibliographicCitation>Conflits, 2003, 5, pp. 12-30</dcterms:bibliographicCitation>
...  <dcterms:spatial>Inde</dcterms:spatial>
... </qdc:qualifieddc>'''
>>> notice, residue = read(io.BytesIO(doc), InputFormat.QDC)
>>> notice.id.value, notice.issued, notice.languages, [t.value for t in notice.titles]
('10.4000/conflits.756', '2003-01-02', ('fr',), ['Les emeutes', 'Riots'])
>>> [(i.element, i.value) for i in residue.items]
[('dcterms:isPartOf', '1157-996X'), ('dcterms:spatial', 'Inde')]
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Final

from notice_ld.readers.oai import byte_chunks, read_records
from notice_ld.readers.oai_dc import DC_FIELDS, DC_NS, DCTERMS_NS, DCDialect

if TYPE_CHECKING:
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["QDC", "read_qdc"]

QDC: Final = DCDialect(
    "qdc",
    MappingProxyType({DCTERMS_NS: DC_FIELDS, DC_NS: DC_FIELDS}),
    "not a DCMI term: nothing in the notice model for it",
    "dcterms:identifier",
)
"""Qualified DC: the DCMI terms (refinements included) and the fifteen elements in either namespace."""


def read_qdc(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read an OAI-PMH ``qdc`` response, a bare ``<record>`` or a bare qualified-DC document.

    Yields notices (each followed by its residue), deletions, record errors and warnings, in
    input order (see :mod:`notice_ld.readers.oai`).
    """
    return read_records(byte_chunks(stream), name, options, QDC.map_record)
