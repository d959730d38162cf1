"""The public value types: :class:`Scheme` (which scheme) and :class:`Identifier` (a checked identifier).

What a scheme *is* lives in its :class:`~notice_ld.identifiers.schemes.SchemeSpec`; :data:`SPECS`
maps every :class:`Scheme` to it.

>>> SPECS[Scheme.DOI].label, Scheme.DOI.spec is SPECS[Scheme.DOI], SCHEME_OF[SPECS[Scheme.DOI]]
('DOI', True, <Scheme.DOI: 'doi'>)
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from notice_ld.identifiers._spec import SchemeSpec
from notice_ld.identifiers.schemes import SCHEMES


class Scheme(enum.Enum):
    """The identifier schemes notice_ld knows; the value is the name used in JSON records.

    >>> Scheme("issn-l").label, Scheme.IDREF.label
    ('ISSN-L', 'IdRef')
    """

    HANDLE = "handle"
    DOI = "doi"
    ARK = "ark"
    HAL = "hal"
    NNT = "nnt"
    ISBN = "isbn"
    ISSN = "issn"
    ISSN_L = "issn-l"
    ORCID = "orcid"
    IDREF = "idref"
    ISNI = "isni"
    ROR = "ror"
    URN = "urn"
    URL = "url"

    @property
    def spec(self) -> SchemeSpec:
        """The specification of this scheme (patterns, rules, check digit, resolver…).

        >>> Scheme.ISNI.spec.resolver.base
        'https://isni.org/isni/'
        """
        return _BY_VALUE[self._value_]

    @property
    def a_label(self) -> str:
        """The label with its English article, for messages: ``"an ORCID"``, ``"a DOI"``.

        >>> Scheme.ISSN.a_label, Scheme.ROR.a_label
        ('an ISSN', 'a ROR')
        """
        return _BY_VALUE[self._value_].a_label

    @property
    def label(self) -> str:
        """The name people write, e.g. ``"DOI"``, ``"ISSN-L"``, ``"IdRef"``.

        >>> Scheme.HANDLE.label
        'Handle'
        """
        return _BY_VALUE[self._value_].label


SPECS: Mapping[Scheme, SchemeSpec] = MappingProxyType({Scheme(spec.name): spec for spec in SCHEMES})
"""Every :class:`Scheme` -> its spec (in the order of :data:`~notice_ld.identifiers.schemes.SCHEMES`)."""
assert len(SPECS) == len(SCHEMES) == len(Scheme), "one spec per scheme, and one scheme per spec"
SCHEME_OF: Mapping[SchemeSpec, Scheme] = MappingProxyType({spec: scheme for scheme, spec in SPECS.items()})
"""Every spec -> its :class:`Scheme`."""
_BY_VALUE = {scheme.value: spec for scheme, spec in SPECS.items()}  # str keys: faster than enum keys


@dataclass(frozen=True, slots=True)
class Identifier:
    """A checked identifier: its scheme and its canonical value.

    Build it with :func:`~notice_ld.identifiers.parse`; the constructor itself checks nothing.
    ``resolver`` is only used by ARKs given as a URL (``https://gallica.bnf.fr/``): the IRI keeps that
    resolver. It takes no part in equality or hashing, so ``parse(x) == parse(parse(x).value)``.

    >>> from notice_ld.identifiers import parse
    >>> ark = parse("https://gallica.bnf.fr/ark:/12148/bpt6k5619759j")
    >>> ark.value, ark.iri
    ('ark:/12148/bpt6k5619759j', 'https://gallica.bnf.fr/ark:/12148/bpt6k5619759j')
    >>> ark == parse("ark:/12148/bpt6k5619759j")
    True
    """

    scheme: Scheme
    value: str
    resolver: str | None = field(default=None, compare=False, repr=False)

    @property
    def iri(self) -> str:
        """The IRI naming the identified thing (``urn:isbn:`` for ISBNs, the URN/URL itself).

        >>> from notice_ld.identifiers import parse
        >>> parse("0000-0002-1825-0097").iri
        'https://orcid.org/0000-0002-1825-0097'
        >>> parse("ISBN 2-07-036024-5").iri
        'urn:isbn:9782070360246'
        """
        return _BY_VALUE[self.scheme._value_].resolver.iri(self.value, self.resolver)

    @property
    def literal(self) -> str:
        """The text to put in a literal (``bibo:doi``, ``bibo:issn``…): the canonical value.

        >>> Identifier(Scheme.ISSN, "1050-124X").literal
        '1050-124X'
        """
        return self.value

    def __str__(self) -> str:
        """The canonical value.

        >>> str(Identifier(Scheme.HANDLE, "10670/1.jt89mr"))
        '10670/1.jt89mr'
        """
        return self.value
