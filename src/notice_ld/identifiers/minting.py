"""Deterministic Handle-style identifiers for records: :class:`HandleMinter`, :func:`mint_handle`.

>>> mint_handle("10670", "oai:cairn.info:VSOC_191_0123")
'10670/1.3fjowm'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from notice_ld.errors import ConfigError, RecordError
from notice_ld.identifiers._text import ascii_lower

__all__ = ["HandleMinter", "mint_handle"]

_HANDLE_PREFIX_RE = re.compile(r"^\d+(?:\.\d+)*$")


def _base36(number: int, length: int) -> str:
    digits = []
    for _ in range(length):
        number, rest = divmod(number, 36)
        digits.append("0123456789abcdefghijklmnopqrstuvwxyz"[rest])
    return "".join(reversed(digits))


class HandleMinter:
    """Mint Handle-style identifiers ``PREFIX/NAMESPACE.xxxxxx`` from stable source keys.

    The rule, fixed forever so that re-running a conversion gives the same handles:

    1. the key is NFC-normalised; if it already owns a handle of this series (``PREFIX/NAMESPACE.``),
       in ``issued`` or minted earlier by this minter, that handle is returned (the smallest in
       code-point order if it owns several);
    2. otherwise, for n = 0, 1, 2…: ``h = sha256(NFC(f"{prefix}\\x1f{key}\\x1f{n}").encode("utf-8"))``,
       read as a big-endian integer; the suffix is ``h mod 36**length`` written with ``length``
       base-36 digits ``0-9a-z`` (zero-padded); the candidate is ``f"{prefix}/{namespace}.{suffix}"``;
    3. the first candidate not already taken (compared ignoring ASCII case, as the Handle System
       does) is recorded and returned.

    ``issued`` maps handles already issued to the key they were issued for.

    >>> minter = HandleMinter("10670")
    >>> minter.mint("oai:cairn.info:VSOC_191_0123")
    '10670/1.3fjowm'
    >>> minter.mint("oai:cairn.info:VSOC_191_0123")  # idempotent
    '10670/1.3fjowm'
    >>> HandleMinter("10670", issued={"10670/1.3fjowm": "another key"}).mint("oai:cairn.info:VSOC_191_0123")
    '10670/1.4few7j'
    """

    _MAX_ATTEMPTS = 100_000

    def __init__(
        self,
        prefix: str,
        *,
        issued: Mapping[str, str] | None = None,
        length: int = 6,
        namespace: str = "1",
    ) -> None:
        if not isinstance(prefix, str) or not _HANDLE_PREFIX_RE.match(prefix):
            raise ConfigError(
                f"Handle prefix {prefix!r} is not valid: write digits and dots, e.g. 10670 or 20.500.12345"
            )
        if not isinstance(namespace, str) or not re.fullmatch(r"[0-9a-z]+", namespace):
            raise ConfigError(
                f"Handle namespace {namespace!r} is not valid: use lowercase letters and digits, e.g. 1"
            )
        if not isinstance(length, int) or not 4 <= length <= 40:
            raise ConfigError(
                f"Handle suffix length {length!r} is not valid: use a whole number from 4 to 40"
            )
        self.prefix = prefix
        self.namespace = namespace
        self.length = length
        self._series = f"{prefix}/{namespace}."
        self._issued: dict[str, str] = {}
        self._taken: dict[str, str] = {}
        self._by_key: dict[str, str] = {}
        for handle in sorted(issued or {}):
            self._record(handle, (issued or {})[handle])

    def _record(self, handle: str, key: str) -> None:
        key = unicodedata.normalize("NFC", key)
        self._issued[handle] = key
        self._taken[ascii_lower(handle)] = key
        if ascii_lower(handle).startswith(self._series):
            self._by_key.setdefault(key, handle)

    def candidate(self, key: str, attempt: int) -> str:
        """The ``attempt``-th candidate handle for ``key`` (step 2 of the rule), taken or not.

        >>> HandleMinter("10670").candidate("oai:cairn.info:VSOC_191_0123", 0)
        '10670/1.3fjowm'
        """
        material = unicodedata.normalize("NFC", f"{self.prefix}\x1f{key}\x1f{attempt}").encode("utf-8")
        number = int.from_bytes(hashlib.sha256(material).digest(), "big")
        return f"{self._series}{_base36(number % 36**self.length, self.length)}"

    def mint(self, key: str) -> str:
        """Return the handle for ``key``, minting and recording it if needed.

        >>> HandleMinter("20.500.12345", length=8).mint("record-1")
        '20.500.12345/1.fttge69m'
        """
        if not isinstance(key, str) or not key.strip():
            raise RecordError(
                problem="cannot mint a Handle from an empty source key",
                fix="give every record a stable identifier, such as its OAI identifier",
            )
        key = unicodedata.normalize("NFC", key)
        existing = self._by_key.get(key)
        if existing is not None:
            return existing
        for attempt in range(self._MAX_ATTEMPTS):
            handle = self.candidate(key, attempt)
            if ascii_lower(handle) not in self._taken:
                self._record(handle, key)
                return handle
        raise ConfigError(
            f"no free Handle after {self._MAX_ATTEMPTS} attempts: use a suffix longer than {self.length}"
        )

    @property
    def issued(self) -> Mapping[str, str]:
        """Read-only view: every handle known to this minter (given or minted) -> its source key.

        >>> m = HandleMinter("10670", issued={"10670/1.aaaaaa": "k0"})
        >>> _ = m.mint("k1")
        >>> sorted(m.issued.values())
        ['k0', 'k1']
        """
        return MappingProxyType(self._issued)


def mint_handle(prefix: str, key: str) -> str:
    """Mint the handle of ``key`` under ``prefix`` with default settings (``HandleMinter(prefix).mint(key)``).

    >>> mint_handle("10670", "oai:cairn.info:VSOC_191_0123")
    '10670/1.3fjowm'
    """
    return HandleMinter(prefix).mint(key)
