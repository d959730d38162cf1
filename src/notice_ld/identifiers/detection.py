"""Guess the scheme of an identifier from its shape: :func:`detect`.

Every decision comes from the specs of :data:`~notice_ld.identifiers.schemes.SCHEMES`, tried in
their order: the resolver URLs they read, their markers (labels such as ``doi:``), their bare
shapes, and :meth:`~notice_ld.identifiers.schemes.SchemeSpec.fits` (the spec's own rules, without
the check digit) for resolver URLs.

>>> detect("doi:10.1000/182"), detect("https://orcid.org/about")
(<Scheme.DOI: 'doi'>, <Scheme.URL: 'url'>)
"""

from __future__ import annotations

from functools import lru_cache

from notice_ld.identifiers._identifier import SCHEME_OF, Scheme
from notice_ld.identifiers._spec import SchemeSpec
from notice_ld.identifiers._text import URL_START, bad_char, host
from notice_ld.identifiers.schemes import SCHEMES

__all__ = ["detect"]

# What detect() looks at, taken from the specs once, in the order of SCHEMES.
_ELSEWHERE = tuple((spec.resolver, SCHEME_OF[spec]) for spec in SCHEMES if spec.resolver.elsewhere)
_MARKERS = tuple((spec.marker, SCHEME_OF[spec]) for spec in SCHEMES if spec.marker is not None)
_SHAPES = tuple((spec.shape, SCHEME_OF[spec]) for spec in SCHEMES if spec.shape is not None)
_FORMS = tuple(form for spec in SCHEMES for form in spec.urls)
_EXACT_HOSTS = frozenset(name for form in _FORMS if not form.host_suffixes for name in form.hosts)
_HOST_FAMILIES = tuple(form for form in _FORMS if form.host_suffixes)


def detect(text: str) -> Scheme | None:
    """Guess the scheme of an identifier from its shape, without checking its check digit.

    Resolver URLs map to their scheme (``doi.org``, ``hdl.handle.net``, ``orcid.org``, ``ror.org``,
    ``idref.fr``, ``isni.org``, ``portal.issn.org``, ``hal.science``, ``theses.fr``, ``…/ark:/…``);
    other http(s) URLs are :attr:`Scheme.URL`. A 16-digit number written in four hyphenated groups is
    an ORCID when it lies in an ORCID block (``0000-0001``…``0000-0003``, ``0009``), an ISNI otherwise;
    an unseparated one is an ORCID only if it is also a valid ORCID. Returns ``None`` when nothing fits.

    >>> detect("10.3917/vsoc.191.0123"), detect("10670/1.jt89mr"), detect("0317-8471")
    (<Scheme.DOI: 'doi'>, <Scheme.HANDLE: 'handle'>, <Scheme.ISSN: 'issn'>)
    >>> detect("https://example.org/page"), detect("hello") is None
    (<Scheme.URL: 'url'>, True)
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or bad_char(text):
        return None
    if URL_START.match(text):
        return _detect_url(text)
    if "/" in text and _on_resolver_host(text):
        scheme = _detect_url(f"https://{text}")  # a resolver URL written without https://
        return None if scheme is Scheme.URL else scheme
    for marker, scheme in _MARKERS:
        if marker.match(text):
            return scheme
    for shape, scheme in _SHAPES:
        if shape.fits(text):
            return scheme
    return None


def _on_resolver_host(text: str) -> bool:
    """Whether ``text``, a URL written without ``https://``, is on the host of a spec's resolver URLs."""
    return text.split("/", 1)[0].lower() in _EXACT_HOSTS or any(form.claims(text) for form in _HOST_FAMILIES)


def _detect_url(url: str) -> Scheme:
    """The scheme of an http(s) URL: the first spec that reads it, else :attr:`Scheme.URL`.

    A spec reads a URL of another resolver it recognises (ARK), or a URL on one of its resolver
    hosts whose identifier has its shape (a wrong check digit still counts).
    """
    for resolver, scheme in _ELSEWHERE:
        if resolver.read_elsewhere(url) is not None:
            return scheme
    for spec, scheme in _host_owners(host(url)):
        if spec.fits(url):
            return scheme
    return Scheme.URL


@lru_cache(maxsize=1024)
def _host_owners(name: str) -> tuple[tuple[SchemeSpec, Scheme], ...]:
    """The specs (in registry order) with resolver URLs on host ``name``; a batch has few hosts."""
    return tuple((spec, SCHEME_OF[spec]) for spec in SCHEMES if any(form.owns(name) for form in spec.urls))
