"""Persistent identifiers: recognise, check, normalise, and mint them.

:func:`parse` turns the text of an identifier (bare, prefixed such as ``doi:…``, or a resolver URL)
into an :class:`Identifier` with one canonical value and one IRI, or raises
:class:`~notice_ld.errors.IdentifierError` with a problem and a fix a cataloguer can act on.
:func:`detect` guesses the scheme from the shape of the text.

>>> doi = parse("https://dx.doi.org/10.3917/VSOC.191.0123")
>>> doi.scheme, doi.value, doi.iri
(<Scheme.DOI: 'doi'>, '10.3917/vsoc.191.0123', 'https://doi.org/10.3917/vsoc.191.0123')

Each scheme is one :class:`~notice_ld.identifiers.schemes.SchemeSpec` (``Scheme.DOI.spec``): its
resolver URLs and labels, normaliser, rules, check digit, canonical form, IRI, and the marker and
shape :func:`detect` recognises it by. :data:`~notice_ld.identifiers.schemes.SCHEMES` is the
registry every function here iterates over.

>>> Scheme.ORCID.spec.resolver.base, Scheme.ORCID.spec.check is not None
('https://orcid.org/', True)

Minting is deterministic (same key, same result on every run and machine):
:class:`HandleMinter` / :func:`mint_handle` for Handle-style record identifiers, :func:`mint_iri`
(with :func:`slug`) for IRIs of people, journals and organisations that have no identifier.
:class:`HandleRegistry` remembers minted Handles across runs and processes (SQLite), with a
collision rule that depends only on the keys (:mod:`~notice_ld.identifiers.registry`).

Modules: :mod:`~notice_ld.identifiers.schemes` (the registry), :mod:`~notice_ld.identifiers.parsing`
and :mod:`~notice_ld.identifiers.detection`, :mod:`~notice_ld.identifiers.minting` (Handles),
:mod:`~notice_ld.identifiers.iri` (IRIs of things without identifier).
"""

from notice_ld.identifiers._identifier import Identifier, Scheme
from notice_ld.identifiers.detection import detect
from notice_ld.identifiers.iri import mint_iri, slug
from notice_ld.identifiers.minting import HandleMinter, mint_handle
from notice_ld.identifiers.parsing import isbn10, parse
from notice_ld.identifiers.registry import HandleRegistry, HandleSeries, Minter, MintPlan, plan_handles

__all__ = [
    "HandleMinter",
    "HandleRegistry",
    "HandleSeries",
    "Identifier",
    "MintPlan",
    "Minter",
    "Scheme",
    "detect",
    "isbn10",
    "mint_handle",
    "mint_iri",
    "parse",
    "plan_handles",
    "slug",
]
