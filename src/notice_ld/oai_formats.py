"""The OAI-PMH metadata formats notice_ld harvests (``harvest --metadata-prefix``), each with its reader.

A closed set: :class:`MetadataPrefix`. Each member knows the input format whose reader reads its
records (:attr:`MetadataPrefix.input_format`) and the function that maps one record's metadata
(:meth:`MetadataPrefix.mapper`, the :data:`~notice_ld.readers.oai.RecordMapper` the harvester
calls record by record). The module itself imports nothing heavy (the CLI lists the names at
start-up); readers are imported when a mapper is asked for.

>>> MetadataPrefix.from_name("QDC"), MetadataPrefix.MODS.input_format.value
(<MetadataPrefix.QDC: 'qdc'>, 'mods')
>>> MetadataPrefix.OAI_DATACITE.mapper().__name__
'datacite_mapper'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from notice_ld.enums import member_named

if TYPE_CHECKING:
    from notice_ld.readers import InputFormat
    from notice_ld.readers.oai import RecordMapper

__all__ = ["MetadataPrefix"]


class MetadataPrefix(enum.StrEnum):
    """An OAI-PMH ``metadataPrefix`` notice_ld reads: ``oai_dc``, ``qdc``, ``mods``, ``oai_datacite``."""

    OAI_DC = "oai_dc"
    QDC = "qdc"
    MODS = "mods"
    OAI_DATACITE = "oai_datacite"

    @classmethod
    def from_name(cls, name: str) -> MetadataPrefix:
        """Parse a ``--metadata-prefix`` value (any case); an unknown one says which are known.

        >>> MetadataPrefix.from_name("marc21")
        Traceback (most recent call last):
        ...
        ValueError: unknown metadata prefix 'marc21'; use one of: oai_dc, qdc, mods, oai_datacite
        """
        return member_named(cls, name, "metadata prefix")

    @property
    def input_format(self) -> InputFormat:
        """The input format (``--from`` name) of files holding responses in this metadata format."""
        from notice_ld.readers import InputFormat

        return InputFormat.DATACITE_XML if self is MetadataPrefix.OAI_DATACITE else InputFormat(self.value)

    def mapper(self) -> RecordMapper:
        """The function that maps one record's metadata in this format (its reader's module is
        imported on first use)."""
        return _MAPPERS[self]()


def _oai_dc() -> RecordMapper:
    from notice_ld.readers.oai_dc import OAI_DC

    return OAI_DC.map_record


def _qdc() -> RecordMapper:
    from notice_ld.readers.qdc import QDC

    return QDC.map_record


def _mods() -> RecordMapper:
    from notice_ld.readers.mods import map_mods

    return map_mods


def _oai_datacite() -> RecordMapper:
    from notice_ld.readers.datacite_xml import datacite_mapper

    return datacite_mapper


_MAPPERS: Final[Mapping[MetadataPrefix, Callable[[], RecordMapper]]] = MappingProxyType(
    {
        MetadataPrefix.OAI_DC: _oai_dc,
        MetadataPrefix.QDC: _qdc,
        MetadataPrefix.MODS: _mods,
        MetadataPrefix.OAI_DATACITE: _oai_datacite,
    }
)
