"""The specs of identifiers of documents: ARK, DOI, Handle, HAL, NNT (theses.fr).

>>> DOI.examine("doi:10.3917/VSOC.191.0123").canonical, HANDLE.iri("10670/1.jt89mr")
('10.3917/vsoc.191.0123', 'https://hdl.handle.net/10670/1.jt89mr')
"""

from __future__ import annotations

import re

from notice_ld.identifiers._parts import Matches, NoDotSegments, Problem, Resolver, Shape, UrlForm
from notice_ld.identifiers._spec import SchemeSpec
from notice_ld.identifiers._text import ascii_lower

_I = re.IGNORECASE

# --------------------------------------------------------------------------- ARK

_ARK_RE = re.compile(r"^ark:/?([0-9bcdfghjkmnpqrstvwxz]{5,})/([A-Za-z0-9=~*+@_$./%-]+)$", _I)


def _ark_canonical(value: str) -> str:
    """``ark:/`` + lowercase NAAN + ``/`` + name (``ark:12148/x`` → ``ark:/12148/x``).

    >>> _ark_canonical("ARK:12148/bpt6k5619759j")
    'ark:/12148/bpt6k5619759j'
    """
    match = _ARK_RE.match(value)
    return f"ark:/{match.group(1).lower()}/{match.group(2)}" if match else value


ARK = SchemeSpec(
    name="ark",
    label="ARK",
    article="an",
    fix="write the ARK as ark:/NAAN/name (e.g. ark:/12148/bpt6k5619759j), or as a resolver URL",
    resolver=Resolver(
        "https://n2t.net/",
        elsewhere=re.compile(r"^(https?://[^\s/?#]+/(?:[^\s?#]*?/)?)(ark:.*)$", _I),
    ),
    refuse_spaces=True,
    rules=(
        Matches(_ARK_RE, "is not an ARK: an ARK is ark:/, a 5-character NAAN, /, then a name"),
        NoDotSegments("an ARK"),
    ),
    canonical=_ark_canonical,
    marker=re.compile(r"^ark:", _I),
)

# --------------------------------------------------------------------------- DOI and Handle

_HANDLE_URLS = UrlForm(("hdl.handle.net", "handle.net", "www.handle.net"))

DOI = SchemeSpec(
    name="doi",
    label="DOI",
    article="a",
    fix="write the DOI as 10.NNNN/suffix (e.g. 10.3917/vsoc.191.0123), or as https://doi.org/10.NNNN/suffix",
    resolver=Resolver("https://doi.org/", escape=True),
    urls=(UrlForm(("doi.org", "dx.doi.org", "www.doi.org")), _HANDLE_URLS),  # DOIs are Handles too
    prefix=re.compile(r"^(?:doi\s*:\s*|doi\s+|info:doi/|urn:doi:)", _I),
    refuse_spaces=True,
    rules=(
        Matches(
            re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$"),
            "is not a DOI: a DOI starts with 10., 4 to 9 digits, then /",
        ),
        NoDotSegments("a DOI"),
    ),
    canonical=ascii_lower,
    marker=re.compile(r"^(?:doi\s*:|info:doi/|urn:doi:)", _I),
    shape=Shape(re.compile(r"^10\.\d{4,9}(?:\.\d+)*/.")),
)


def _not_a_doi(value: str) -> Problem | None:
    """A Handle whose prefix starts with ``10.`` is a DOI.

    >>> _not_a_doi("10.1000/182").fix, _not_a_doi("10670/1.jt89mr") is None
    ('declare it with the scheme "doi"', True)
    """
    if value.startswith("10."):
        return Problem(
            "a Handle whose prefix starts with 10. is a DOI", f'declare it with the scheme "{DOI.name}"'
        )
    return None


HANDLE = SchemeSpec(
    name="handle",
    label="Handle",
    article="a",
    fix="write the Handle as prefix/suffix (e.g. 10670/1.jt89mr), or as https://hdl.handle.net/prefix/suffix",
    resolver=Resolver("https://hdl.handle.net/", escape=True),
    urls=(_HANDLE_URLS,),
    prefix=re.compile(r"^(?:hdl\s*:\s*|handle\s*:\s*|info:hdl/)", _I),
    refuse_spaces=True,
    rules=(
        Matches(
            re.compile(r"^\d+(?:\.\d+)*/\S+$"),
            "is not a Handle: a Handle is a numeric prefix, /, then a suffix",
        ),
        _not_a_doi,
        NoDotSegments("a Handle"),
    ),
    marker=re.compile(r"^(?:hdl\s*:|handle\s*:|info:hdl/)", _I),
    shape=Shape(re.compile(r"^\d+(?:\.\d+)*/.")),
)


# --------------------------------------------------------------------------- HAL, NNT

_HAL_RE = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[-_]\d{8}(?:v[1-9]\d*)?$")


def _hal_tidy(path: str) -> str:
    """The HAL identifier in a HAL URL path (``hal-01234567/document``, ``…/file/x.pdf``).

    >>> _hal_tidy("tel-02955615v2/document"), _hal_tidy("search/index")
    ('tel-02955615v2', 'search/index')
    """
    first, _, rest = path.strip("/").partition("/")
    return first if rest in {"", "document"} or rest.startswith("file/") else path


HAL = SchemeSpec(
    name="hal",
    label="HAL",
    article="a",
    fix="write the HAL identifier as portal-NNNNNNNN with 8 digits, e.g. hal-01234567 or tel-02955615v2",
    resolver=Resolver("https://hal.science/"),
    urls=(
        UrlForm(
            ("hal.science", "hal.archives-ouvertes.fr"),
            host_suffixes=(".hal.science", ".archives-ouvertes.fr"),
            tidy=_hal_tidy,
        ),
    ),
    prefix=re.compile(r"^hal\s*:\s*", _I),
    normalise=str.lower,
    refuse_spaces=True,
    rules=(Matches(_HAL_RE, "is not a HAL identifier"),),
    marker=re.compile(r"^hal\s*:", _I),
    shape=Shape(_HAL_RE, fold=str.lower),
)

_NNT_RE = re.compile(r"^(?:19|20)\d{2}[A-Z0-9]{4}[A-Z0-9]{3,6}$")


def _nnt_tidy(path: str) -> str:
    """The first segment of a theses.fr path.

    >>> _nnt_tidy("/2019PA100123/document")
    '2019PA100123'
    """
    return path.strip("/").split("/")[0]


def _lettered_establishment(text: str) -> bool:
    """A bare NNT is recognised only if its establishment code is not all digits.

    >>> _lettered_establishment("2019PA100123"), _lettered_establishment("20191234567")
    (True, False)
    """
    return not text[4:8].isdigit()


NNT = SchemeSpec(
    name="nnt",
    label="NNT",
    article="an",
    fix="write the national thesis number as year + establishment code + number, e.g. 2019PA100123",
    resolver=Resolver("https://theses.fr/"),
    urls=(UrlForm(("theses.fr", "www.theses.fr"), tidy=_nnt_tidy),),
    prefix=re.compile(r"^nnt\s*:?\s*", _I),
    normalise=str.upper,
    refuse_spaces=True,
    rules=(
        Matches(
            _NNT_RE,
            "is not a national thesis number (NNT): it has a 4-digit year, a 4-character "
            "establishment code, then 3 to 6 letters or digits",
        ),
    ),
    marker=re.compile(r"^nnt\b", _I),
    shape=Shape(_NNT_RE, fold=str.upper, accept=_lettered_establishment),
)
