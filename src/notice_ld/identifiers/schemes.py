"""The registry: one :class:`SchemeSpec` per identifier scheme, built once, in :data:`SCHEMES`.

:func:`~notice_ld.identifiers.detect` tries the specs in the order of :data:`SCHEMES`, so the order
settles what two specs would both accept: ARK URLs first (any host), a DOI before a Handle (a DOI
has the shape of a Handle), ORCID before ISNI (a 16-digit number that is no ORCID is an ISNI),
ISSN-L before ISSN (``ISSN-L`` starts with ``ISSN``), IdRef before ROR, and URN last of the labels
(``urn:isbn:`` is an ISBN).

>>> " ".join(spec.name for spec in SCHEMES)
'ark doi handle orcid isni issn-l issn isbn idref ror hal nnt urn url'
>>> DOI.examine("doi:10.3917/VSOC.191.0123").canonical, DOI.iri("10.1000/a b")
('10.3917/vsoc.191.0123', 'https://doi.org/10.1000/a%20b')
"""

from __future__ import annotations

from notice_ld.identifiers._agents import IDREF, ISNI, ORCID, ROR
from notice_ld.identifiers._documents import ARK, DOI, HAL, HANDLE, NNT
from notice_ld.identifiers._numbers import ISBN, ISSN, ISSN_L
from notice_ld.identifiers._spec import SchemeSpec
from notice_ld.identifiers._web import URL, URN

__all__ = [
    "ARK", "DOI", "HAL", "HANDLE", "IDREF", "ISBN", "ISNI", "ISSN", "ISSN_L", "NNT", "ORCID", "ROR",
    "SCHEMES", "URL", "URN", "SchemeSpec",
]  # fmt: skip

SCHEMES: tuple[SchemeSpec, ...] = (
    ARK, DOI, HANDLE, ORCID, ISNI, ISSN_L, ISSN, ISBN, IDREF, ROR, HAL, NNT, URN, URL,
)  # fmt: skip
"""Every scheme, in the order :func:`~notice_ld.identifiers.detect` tries them (see above)."""
