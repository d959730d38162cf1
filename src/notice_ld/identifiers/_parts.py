"""The parts a scheme specification is built from: rules, check digits, shapes, resolvers, URL forms.

All are frozen values; the callables they hold are plain functions of one string.

>>> rule = Matches(re.compile(r"^\\d{4}$"), "has 4 digits, found {length} characters")
>>> rule("123"), rule("1234") is None
(Problem(text='has 4 digits, found 3 characters', fix=None), True)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from notice_ld.identifiers._text import FORBIDDEN_IN_IRI, URL_START, ascii_lower, host, iri_path, url_path


def same(text: str) -> str:
    """The identity: the default normaliser and canonical form.

    >>> same("Ab")
    'Ab'
    """
    return text


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with a value, and how to fix it (``fix=None``: the scheme's usual advice).

    >>> Problem("a Handle whose prefix starts with 10. is a DOI", 'declare it with the scheme "doi"').fix
    'declare it with the scheme "doi"'
    """

    text: str
    fix: str | None = None


Rule = Callable[[str], Problem | None]
"""A condition on a normalised value: the :class:`Problem` when it fails, else ``None``."""


_DOT_SEGMENT = re.compile(r"(?:^|/)(?:\.|%2e){1,2}(?=/|$|[?#])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NoDotSegments:
    """The rule "no ``.`` or ``..`` path segment": an RFC 3986 client removes them, so the
    identifier's IRI would name something else (``10670/../../etc/passwd`` becomes
    ``https://hdl.handle.net/etc/passwd``). Percent-encoded dots (``%2e``) count: clients decode them.

    >>> NoDotSegments("a Handle")("10670/../../etc/passwd").text
    "a Handle cannot have '.' or '..' path segments: a web client would resolve them away"
    >>> NoDotSegments("a DOI")("10.1234/a..b/.c") is None
    True
    """

    what: str

    def __call__(self, value: str) -> Problem | None:
        path = value.split("?", 1)[0].split("#", 1)[0]
        if "://" in path:
            path = "/" + path.split("://", 1)[1].partition("/")[2]
        if _DOT_SEGMENT.search(path):
            return Problem(
                f"{self.what} cannot have '.' or '..' path segments: a web client would resolve them away",
                "check the identifier at its source (a dot segment is never part of a real one)",
            )
        return None


@dataclass(frozen=True, slots=True)
class Matches:
    """The rule "``pattern`` matches at the start of the value"; ``problem`` may name ``{length}``.

    >>> Matches(re.compile(r"^\\d+$"), "is not a number")("12a")
    Problem(text='is not a number', fix=None)
    """

    pattern: re.Pattern[str]
    problem: str
    fix: str | None = None

    def __call__(self, value: str) -> Problem | None:
        if self.pattern.match(value):
            return None
        return Problem(self.problem.format(length=len(value)), self.fix)


@dataclass(frozen=True, slots=True)
class ValidIri:
    """The rule "the value is a valid IRI" (checked by pyoxigraph, imported on first use).

    ``what`` names the identifier in messages, with its article (``"a URL"``).

    >>> ValidIri("a URN")("urn:x:a b")
    Problem(text='a URN cannot contain space', fix=None)
    >>> ValidIri("a URL")("https://example.org/") is None
    True
    """

    what: str

    def __call__(self, value: str) -> Problem | None:
        bad = sorted({char for char in value if char in FORBIDDEN_IN_IRI or char.isspace()})
        if bad:
            shown = ", ".join("space" if char == " " else repr(char) for char in bad)
            return Problem(f"{self.what} cannot contain {shown}")
        import pyoxigraph  # lazy: heavy native module, only needed for URL/URN checks

        try:
            pyoxigraph.NamedNode(value)
        except ValueError as exc:
            return Problem(f"is not a valid IRI ({exc})")
        return None


@dataclass(frozen=True, slots=True)
class CheckDigit:
    """How the check character(s) of a normalised value are computed and where they are.

    ``compute`` gives the expected check characters of a value; the value holds them at
    ``value[start:stop]``. Messages read ``"{name} {noun} is wrong (expected …, found …)"``, where
    ``name`` is the scheme's label unless ``names`` gives one for the value's length (ISBN-10/-13).

    >>> ror = CheckDigit(lambda value: "68", start=7, noun="checksum")
    >>> ror.holds("05f82e368"), ror.problem("ROR", "05f82e367")
    (True, Problem(text='ROR checksum is wrong (expected 68, found 67)', fix=None))
    """

    compute: Callable[[str], str]
    start: int = -1
    stop: int | None = None
    noun: str = "check digit"
    names: tuple[tuple[int, str], ...] = ()

    def holds(self, value: str) -> bool:
        """Whether the check characters of ``value`` are right.

        >>> CheckDigit(lambda value: "0").holds("1230")
        True
        """
        return self.compute(value) == value[self.start : self.stop]

    def problem(self, label: str, value: str) -> Problem | None:
        """The problem to report when the check characters of ``value`` are wrong, else ``None``.

        >>> CheckDigit(lambda value: "0", names=((4, "ISBN-4"),)).problem("ISBN", "1231")
        Problem(text='ISBN-4 check digit is wrong (expected 0, found 1)', fix=None)
        """
        expected, found = self.compute(value), value[self.start : self.stop]
        if expected == found:
            return None
        name = dict(self.names).get(len(value), label)
        return Problem(f"{name} {self.noun} is wrong (expected {expected}, found {found})")


@dataclass(frozen=True, slots=True)
class Shape:
    """The bare shape :func:`~notice_ld.identifiers.detect` recognises a scheme by.

    ``pattern`` must match (at the start of) the text folded by ``fold`` (if given: ``str.upper``…),
    and ``accept``, if given, must accept that folded text too.

    >>> Shape(re.compile(r"^\\d{8}[\\dX]$"), fold=str.upper).fits("02705123x")
    True
    """

    pattern: re.Pattern[str]
    fold: Callable[[str], str] | None = None
    accept: Callable[[str], bool] | None = None

    def fits(self, text: str) -> bool:
        """Whether ``text`` (already stripped) has this shape.

        >>> Shape(re.compile(r"^\\d+$"), accept=lambda text: len(text) > 2).fits("12")
        False
        """
        folded = text if self.fold is None else self.fold(text)
        return bool(self.pattern.match(folded)) and (self.accept is None or self.accept(folded))


@dataclass(frozen=True, slots=True)
class Resolver:
    """How a canonical value becomes an IRI: ``base`` + the value.

    ``escape`` percent-encodes the value, ``drop`` removes characters from it. ``elsewhere``
    recognises URLs of other resolvers that serve the scheme (ARKs: ``https://gallica.bnf.fr/ark:/…``):
    group 1 is the resolver, group 2 the identifier; an identifier read from one keeps its resolver.

    >>> Resolver("https://doi.org/", escape=True).iri("10.1000/a b")
    'https://doi.org/10.1000/a%20b'
    >>> Resolver("urn:isbn:", drop="-").iri("978-2-07-036024-6")
    'urn:isbn:9782070360246'
    """

    base: str = ""
    escape: bool = False
    drop: str = ""
    elsewhere: re.Pattern[str] | None = None

    def iri(self, value: str, resolver: str | None = None) -> str:
        """The IRI of ``value``, at ``resolver`` if the scheme keeps resolvers (see ``elsewhere``).

        >>> ark = Resolver("https://n2t.net/", elsewhere=re.compile(r"(https?://.+/)(ark:.*)"))
        >>> ark.iri("ark:/12148/x"), ark.iri("ark:/12148/x", "https://gallica.bnf.fr/")
        ('https://n2t.net/ark:/12148/x', 'https://gallica.bnf.fr/ark:/12148/x')
        """
        if self.drop:
            value = value.replace(self.drop, "")
        if self.escape:
            value = iri_path(value)
        base = resolver if resolver and self.elsewhere is not None else self.base
        return f"{base}{value}"

    def read_elsewhere(self, text: str) -> tuple[str, str | None] | None:
        """``(identifier, resolver)`` of a URL of another resolver (``None``: not such a URL).

        The resolver is ``None`` when it is this one (with http or https), so that it is not kept.

        >>> ark = Resolver("https://n2t.net/", elsewhere=re.compile(r"(https?://.+/)(ark:.*)"))
        >>> ark.read_elsewhere("http://N2T.net/ark:/12148/x?y"), ark.read_elsewhere("ark:/12148/x")
        (('ark:/12148/x', None), None)
        """
        match = self.elsewhere.match(text) if self.elsewhere is not None else None
        if match is None:
            return None
        identifier = re.split(r"[?#]", match.group(2), maxsplit=1)[0]
        resolver: str = match.group(1)
        if ascii_lower(resolver).partition("://")[2] == self.base.partition("://")[2]:
            return identifier, None
        return identifier, resolver


@dataclass(frozen=True, slots=True)
class UrlForm:
    """Resolver URLs an identifier is read from: on which hosts, where in the path.

    ``hosts`` are matched exactly, ``host_suffixes`` by the end of the host name (a family of hosts:
    ``.hal.science``). ``path`` is the path prefix before the identifier (case ignored); ``tidy``
    keeps what is the identifier in what follows it (IdRef drops ``/id``, ``.rdf``…).

    >>> issn = UrlForm(("portal.issn.org",), path="resource/ISSN/")
    >>> issn.read("https://portal.issn.org/resource/issn/0317-8471/"), issn.read("doi.org/10.1/x")
    ('0317-8471', None)
    """

    hosts: tuple[str, ...]
    path: str = ""
    host_suffixes: tuple[str, ...] = ()
    tidy: Callable[[str], str] | None = None

    def owns(self, name: str) -> bool:
        """Whether ``name`` (a lowercase host name) is one of these resolver hosts.

        >>> UrlForm(("hal.science",), host_suffixes=(".hal.science",)).owns("shs.hal.science")
        True
        """
        return name in self.hosts or (bool(self.host_suffixes) and name.endswith(self.host_suffixes))

    def claims(self, text: str) -> bool:
        """Whether ``text``, a URL written without ``http(s)://``, is on one of these hosts.

        >>> UrlForm(("orcid.org",)).claims("ORCID.org/0000-0002-1825-0097")
        True
        """
        if self.host_suffixes:  # a family of hosts: parse the host name
            return self.owns(host(f"https://{text}"))
        return text.split("/", 1)[0].lower() in self.hosts

    def read(self, text: str) -> str | None:
        """The identifier in ``text`` if it is a URL (with or without ``https://``) of this form.

        >>> UrlForm(("doi.org",)).read("doi.org/10.1000/%C3%A9"), UrlForm(("doi.org",)).read("10.1/x")
        ('10.1000/é', None)
        """
        lowered = text.lower()
        if not any(name in lowered for name in self.hosts + self.host_suffixes):
            return None  # the common case (a bare identifier): no URL parsing at all
        candidate = text if URL_START.match(text) else f"https://{text}"
        if not self.owns(host(candidate)):
            return None
        path = url_path(candidate)
        if path is None:
            return None
        if self.path:
            if not path.lower().startswith(self.path.lower()):
                return None
            path = path[len(self.path) :].strip("/")
        return self.tidy(path) if self.tidy is not None else path
