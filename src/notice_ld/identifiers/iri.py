"""Stable IRIs for people, journals and organisations without an identifier: :func:`mint_iri`, :func:`slug`.

>>> mint_iri("https://data.example.org/", "org", "!!!")
'https://data.example.org/org/x-e84c538e7f'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from notice_ld.errors import ConfigError, RecordError

__all__ = ["mint_iri", "slug"]


def slug(text: str, *, max_length: int = 60) -> str:
    """ASCII, lowercase, hyphen-separated form of ``text`` (``""`` when nothing is left).

    Letters are transliterated with anyascii, runs of anything but ``a-z0-9`` become one ``-``, and a
    slug longer than ``max_length`` is cut at the last ``-`` that fits (or hard-cut if there is none).

    >>> slug("Émile Durkheim"), slug("Ἀριστοτέλης"), slug("!!!")
    ('emile-durkheim', 'aristotelis', '')
    >>> slug("Revue française de sociologie", max_length=15)
    'revue-francaise'
    """
    if max_length < 1:
        raise ConfigError(f"slug max_length must be at least 1, not {max_length}")
    from anyascii import anyascii  # lazy: its tables cost milliseconds to import; few callers slug

    folded = anyascii(unicodedata.normalize("NFC", text)).lower()
    result = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(result) > max_length:
        if result[max_length] == "-":
            result = result[:max_length]
        else:
            cut = result.rfind("-", 0, max_length)
            result = result[:cut] if cut > 0 else result[:max_length]
    return result.strip("-")


_IRI_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_KIND_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def mint_iri(base: str, kind: str, key: str) -> str:
    """A stable IRI for a thing without identifier: ``{base}{kind}/{slug(key) or 'x'}-{hash}``.

    ``hash`` is the first 10 hex digits of ``sha256(NFC(key).casefold())``. Two keys share an IRI
    only if their NFC-normalised, case-folded texts are identical; spellings that fold to the same
    slug (``Müller`` / ``Muller``) still get different IRIs through the hash.

    >>> mint_iri("https://data.example.org/", "person", "Durkheim, Émile")
    'https://data.example.org/person/durkheim-emile-172c8b526a'
    >>> mint_iri("https://data.example.org/", "person", "DURKHEIM, Émile")
    'https://data.example.org/person/durkheim-emile-172c8b526a'
    """
    if not isinstance(base, str) or not base.endswith(("/", "#")) or not _IRI_SCHEME_RE.match(base):
        raise ConfigError(f'base IRI {base!r} must be an absolute IRI ending with "/" or "#"')
    if not isinstance(kind, str) or not _KIND_RE.match(kind):
        raise ConfigError(
            f"IRI kind {kind!r} must be a word of letters, digits, '.', '_' or '-', e.g. person"
        )
    if not isinstance(key, str) or not key.strip():
        raise RecordError(
            problem=f"cannot mint a {kind} IRI from an empty name",
            fix="fill in the name, or give the entity an identifier",
        )
    digest = hashlib.sha256(unicodedata.normalize("NFC", key).casefold().encode("utf-8")).hexdigest()
    return f"{base}{kind}/{slug(key) or 'x'}-{digest[:10]}"
