"""The specification of one identifier scheme, and how a text is read against it.

A :class:`SchemeSpec` says everything notice_ld knows about a scheme: its name and label, the forms
it is written in (resolver URLs, labels such as ``doi:``), how a value is normalised and checked
(rules, then check digit), its canonical form and its IRI, and the marker and shape
:func:`~notice_ld.identifiers.detect` recognises it by. :meth:`SchemeSpec.examine` reads a text
and returns a :class:`Reading` or a :class:`Refusal`: structured data, never an exception.

>>> import re
>>> from notice_ld.identifiers._parts import Matches, Resolver
>>> spec = SchemeSpec(
...     name="demo", label="Demo", article="a", fix="write four digits",
...     resolver=Resolver("https://demo.example/"), prefix=re.compile(r"^demo:\\s*"),
...     rules=(Matches(re.compile(r"^\\d{4}$"), "is not a Demo number"),))
>>> spec.examine("demo: 1234")
Reading(spec='demo', value='1234', resolver=None)
>>> spec.examine("12345")
Refusal(spec='demo', problem='is not a Demo number', fix='write four digits')
>>> spec.iri("1234")
'https://demo.example/1234'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from notice_ld.errors import IdentifierError
from notice_ld.identifiers._parts import CheckDigit, Resolver, Rule, Shape, UrlForm, same
from notice_ld.identifiers._text import refuse, strip_label


@dataclass(frozen=True, slots=True, eq=False)
class SchemeSpec:
    """Everything about one identifier scheme; the registry is :data:`~notice_ld.identifiers.schemes.SCHEMES`.

    * ``name``: the :class:`~notice_ld.identifiers.Scheme` value (``"issn-l"``); ``label`` and
      ``article``: how people write it (``"ISSN-L"``, ``"an"``); ``fix``: the advice given with
      every problem unless a rule gives its own.
    * ``resolver``: how the canonical value becomes an IRI; ``urls``: the resolver URLs read;
      ``prefix``: the labels written before the value (``doi:``, ``ISSN``…), removed.
    * ``embedded``: for a scheme that can hold another one (``urn:isbn:…``), the other scheme's
      spec and text, else ``None``.
    * ``normalise`` (case, separators), then ``refuse_spaces``, then the ``rules`` in order, then the
      ``check`` digit, then ``canonical``, the value to keep.
    * ``marker`` (a label such as ``orcid``) and ``shape`` (the bare form) let
      :func:`~notice_ld.identifiers.detect` recognise the scheme.

    Specs are singletons of the registry: equal only to themselves (hashed by identity).

    >>> from notice_ld.identifiers import Scheme
    >>> Scheme.ISSN_L.spec.a_label, Scheme.ISSN_L.spec.examine("ISSN-L 0317-8471").value
    ('an ISSN-L', '0317-8471')
    """

    name: str
    label: str
    article: str
    fix: str
    resolver: Resolver
    urls: tuple[UrlForm, ...] = ()
    prefix: re.Pattern[str] | None = None
    embedded: Callable[[str], tuple[SchemeSpec, str] | None] | None = None
    normalise: Callable[[str], str] = same
    refuse_spaces: bool = False
    rules: tuple[Rule, ...] = ()
    check: CheckDigit | None = None
    canonical: Callable[[str], str] = same
    marker: re.Pattern[str] | None = None
    shape: Shape | None = None

    def __repr__(self) -> str:
        return repr(self.name)

    @property
    def a_label(self) -> str:
        """The label with its English article, for messages: ``"an ORCID"``, ``"a DOI"``.

        >>> from notice_ld.identifiers import Scheme
        >>> Scheme.ROR.spec.a_label
        'a ROR'
        """
        return f"{self.article} {self.label}"

    def locate(self, text: str) -> tuple[str, str | None]:
        """``(value, resolver)``: the value in a resolver URL or after a label, else ``text`` itself.

        ``resolver`` is only given for another resolver's URL that the identifier keeps (ARKs).

        >>> from notice_ld.identifiers import Scheme
        >>> Scheme.DOI.spec.locate("https://hdl.handle.net/10.1000/182")
        ('10.1000/182', None)
        >>> Scheme.ARK.spec.locate("https://gallica.bnf.fr/ark:/12148/x")
        ('ark:/12148/x', 'https://gallica.bnf.fr/')
        """
        if self.resolver.elsewhere is not None:
            elsewhere = self.resolver.read_elsewhere(text)
            if elsewhere is not None:
                return elsewhere
        for form in self.urls:
            path = form.read(text)
            if path is not None:
                return path, None
        return (strip_label(text, self.prefix) if self.prefix is not None else text), None

    def examine(self, text: str, *, verify: bool = True) -> Reading | Refusal:
        """Read ``text`` (stripped, no control characters) as an identifier of this scheme.

        With ``verify=False`` the check digit is not checked: a :class:`Reading` then means "has the
        shape of this scheme".

        >>> from notice_ld.identifiers import Scheme
        >>> orcid = Scheme.ORCID.spec
        >>> orcid.examine("0000-0002-1825-0098")
        Refusal(spec='orcid', problem='ORCID check digit is wrong (expected 7, found 8)', fix=...)
        >>> orcid.examine("0000-0002-1825-0098", verify=False).canonical
        '0000-0002-1825-0098'
        """
        value, resolver = self.locate(text)
        inner = self.embedded(value) if self.embedded is not None else None
        if inner is not None:
            spec, inner_text = inner
            return spec.examine(inner_text, verify=verify)
        value = self.normalise(value)
        if self.refuse_spaces and any(char.isspace() for char in value):
            return Refusal(self, f"{self.a_label} cannot contain spaces", self.fix)
        for rule in self.rules:
            problem = rule(value)
            if problem is not None:
                return Refusal(self, problem.text, self.fix if problem.fix is None else problem.fix)
        if verify and self.check is not None:
            problem = self.check.problem(self.label, value)
            if problem is not None:
                return Refusal(self, problem.text, self.fix)
        return Reading(self, value, resolver)

    def fits(self, text: str) -> bool:
        """Whether ``text`` has the shape of this scheme (a wrong check digit still fits).

        >>> from notice_ld.identifiers import Scheme
        >>> Scheme.ORCID.spec.fits("https://orcid.org/0000-0002-1825-0098")
        True
        >>> Scheme.ORCID.spec.fits("https://orcid.org/about")
        False
        """
        return isinstance(self.examine(text, verify=False), Reading)

    def iri(self, value: str, resolver: str | None = None) -> str:
        """The IRI of a canonical value (at ``resolver``, for schemes that keep it).

        >>> from notice_ld.identifiers import Scheme
        >>> Scheme.HANDLE.spec.iri("10670/1.jt89mr")
        'https://hdl.handle.net/10670/1.jt89mr'
        """
        return self.resolver.iri(value, resolver)


@dataclass(frozen=True, slots=True)
class Reading:
    """A text read as an identifier: its scheme's spec, normalised ``value``, and kept resolver.

    >>> from notice_ld.identifiers import Scheme
    >>> Scheme.ISBN.spec.examine("ISBN 2-07-036024-5")
    Reading(spec='isbn', value='2070360245', resolver=None)
    """

    spec: SchemeSpec
    value: str
    resolver: str | None = None

    @property
    def canonical(self) -> str:
        """The canonical value (the one an :class:`~notice_ld.identifiers.Identifier` keeps).

        >>> from notice_ld.identifiers import Scheme
        >>> Scheme.ISBN.spec.examine("ISBN 2-07-036024-5").canonical
        '978-2-07-036024-6'
        """
        return self.spec.canonical(self.value)


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a text is not an identifier of ``spec`` (for ``urn:isbn:…``, the spec of the ISBN).

    >>> from notice_ld.identifiers import Scheme
    >>> refusal = Scheme.URN.spec.examine("urn:isbn:2070360240")
    >>> refusal.spec, refusal.problem
    ('isbn', 'ISBN-10 check digit is wrong (expected 5, found 0)')
    """

    spec: SchemeSpec
    problem: str
    fix: str

    def error(self, text: str) -> IdentifierError:
        """The :class:`~notice_ld.errors.IdentifierError` to raise for the text the user gave.

        >>> from notice_ld.identifiers import Scheme
        >>> err = Scheme.NNT.spec.examine("2019 PA10").error(" nnt: 2019 PA10")
        >>> err.scheme, err.value, err.problem
        ('nnt', ' nnt: 2019 PA10', "' nnt: 2019 PA10': an NNT cannot contain spaces")
        """
        return refuse(self.spec.name, text, self.problem, self.fix)
