"""The minting registry: key -> Handle, kept in SQLite, transactional and safe for concurrent processes.

A :class:`HandleRegistry` remembers every Handle it issued, so a key keeps its Handle from run to
run and a Handle is never issued to a second key, even when two keys want the same candidate in
two different runs. It is one SQLite file (write-ahead log, ``BEGIN IMMEDIATE`` transactions, a
busy timeout), shared safely by several processes; it imports and exports the ``HANDLE<TAB>KEY``
TSV of ``notice-ld mint --issued``.

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "handles.sqlite")
>>> with HandleRegistry(path, "10670") as registry:
...     registry.mint("oai:cairn.info:VSOC_191_0123")
'10670/1.3fjowm'

**The rule.** The candidates of a key are those of :class:`~notice_ld.identifiers.HandleMinter`
(``candidate(key, 0)``, ``candidate(key, 1)``…, from the SHA-256 of the key). One *batch* of keys
(a run: every key of every input and partition, or the keys given to :meth:`HandleRegistry.mint_many`)
is minted as follows:

1. a key already in the registry keeps its Handle;
2. a candidate already issued (in the registry, compared ignoring ASCII case) is never given again;
3. the other keys of the batch take their candidates in turn; when several want the same free
   candidate, it goes to the key that wants it at the *lowest attempt number*, ties broken by the
   key in code-point order (after NFC); the others move on to their next candidate.

Step 3 is deferred acceptance (Gale and Shapley): its result is unique, and depends only on the
set of keys and on the registry — not on their order, on how the batch is cut into parts, nor on
the number of workers. :func:`plan_handles` computes it for a part, :meth:`MintPlan.merge`
reconciles the plans of several parts (the result is that of one plan over all the keys), and
:meth:`HandleRegistry.commit` records a plan in one transaction. History is kept on purpose: a key
minted in an earlier batch keeps its Handle even if a key of a later batch would have won it.

>>> series = HandleSeries("10670", length=4)
>>> keys = [f"k{i}" for i in range(400)]
>>> whole = plan_handles(series, keys)
>>> parts = [plan_handles(series, keys[i::3]) for i in range(3)]
>>> MintPlan.merge(parts).handles == whole.handles == plan_handles(series, reversed(keys)).handles
True
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Final, Protocol

from notice_ld.errors import ConfigError, IdentifierError, NoticeLdError, RecordError
from notice_ld.identifiers._text import ascii_lower
from notice_ld.identifiers.minting import HandleMinter

if TYPE_CHECKING:
    import sqlite3

__all__ = [
    "DEFAULT_REGISTRY_NAME",
    "HandleRegistry",
    "HandleSeries",
    "ImportReport",
    "KeyCollector",
    "MintPlan",
    "Minter",
    "RegistryError",
    "check_key",
    "plan_handles",
]

DEFAULT_REGISTRY_NAME: Final = "notice-ld-handles.sqlite"
"""The registry's file name when none is given: beside the embedded store (``./notice-ld-handles.sqlite``
next to ``./notice-ld-store``)."""

_APPLICATION_ID: Final = 0x6E6C6472  # "nldr": marks the SQLite file as a notice-ld registry
_FORMAT: Final = 1  # PRAGMA user_version of the tables below
_MAX_ATTEMPTS: Final = 100_000
_HANDLE_RE: Final = re.compile(r"^(\d+(?:\.\d+)*/[0-9a-z]+\.)([^\s]+)$", re.IGNORECASE)
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS series (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE                   -- 'PREFIX/NAMESPACE.', lowercase
);
CREATE TABLE IF NOT EXISTS handles (
    fold TEXT PRIMARY KEY,                      -- the Handle, ASCII lowercase: one Handle, one key
    handle TEXT,                                -- the Handle as issued, when it is not 'fold'
    series INTEGER NOT NULL REFERENCES series(id),
    key TEXT NOT NULL,
    UNIQUE (series, key)                        -- one Handle per key in a series
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS handles_never_change BEFORE UPDATE ON handles
BEGIN SELECT RAISE(ABORT, 'an issued Handle never changes'); END;
CREATE TRIGGER IF NOT EXISTS handles_never_go BEFORE DELETE ON handles
BEGIN SELECT RAISE(ABORT, 'an issued Handle is never withdrawn'); END;
"""


class RegistryError(NoticeLdError):
    """The registry file cannot be used: not a registry, from a newer notice_ld, busy too long, unreadable.

    >>> str(RegistryError("handles.sqlite is busy"))
    'handles.sqlite is busy'
    """


class Minter(Protocol):
    """What mints record identifiers for the readers (:class:`~notice_ld.readers.ReaderOptions`):
    :class:`~notice_ld.identifiers.HandleMinter`, :class:`HandleRegistry`, :class:`KeyCollector`.

    >>> def first(minter: Minter) -> str:
    ...     return minter.mint("oai:cairn.info:VSOC_191_0123")
    >>> first(HandleMinter("10670"))
    '10670/1.3fjowm'
    """

    def mint(self, key: str) -> str:
        """The identifier of ``key``."""
        ...


def check_key(key: object) -> str:
    """``key`` NFC-normalised, or a :class:`~notice_ld.errors.RecordError` saying why it cannot be a key
    (empty, or with a control character other than tab, which the ``HANDLE<TAB>KEY`` file could not hold).

    >>> check_key("oai:x:1")
    'oai:x:1'
    >>> check_key("oai:x:1\\n2")
    Traceback (most recent call last):
    ...
    notice_ld.errors.RecordError: record 'oai:x:1\\n2': the source key has the control character U+000A; ...
    """
    return _clean_key(key)


def _clean_key(key: object) -> str:
    """``key`` NFC-normalised, or a :class:`RecordError` saying why it cannot be a key."""
    if not isinstance(key, str) or not key.strip():
        raise RecordError(
            problem="cannot mint a Handle from an empty source key",
            fix="give every record a stable identifier, such as its OAI identifier",
        )
    for char in "" if key.isprintable() else key:  # printable: no control character, no surrogate
        if char != "\t" and unicodedata.category(char) in ("Cc", "Cs"):
            raise RecordError(
                record=repr(key),
                problem=f"the source key has the control character U+{ord(char):04X}; "
                "the registry's HANDLE<TAB>KEY file could not hold it",
                fix="clean the key (an OAI identifier has no control characters)",
            )
    return unicodedata.normalize("NFC", key)


@dataclass(frozen=True)
class HandleSeries:
    """Handles ``PREFIX/NAMESPACE.xxxxxx`` with ``length`` base-36 characters, and their candidates.

    >>> series = HandleSeries("10670")
    >>> series.name, series.candidate("oai:cairn.info:VSOC_191_0123", 0)
    ('10670/1.', '10670/1.3fjowm')
    >>> HandleSeries("not a prefix")
    Traceback (most recent call last):
    ...
    notice_ld.errors.ConfigError: Handle prefix 'not a prefix' is not valid: write digits and dots, ...
    """

    prefix: str
    namespace: str = "1"
    length: int = 6
    _minter: HandleMinter = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # HandleMinter checks the three values and owns the candidate function
        object.__setattr__(
            self, "_minter", HandleMinter(self.prefix, namespace=self.namespace, length=self.length)
        )

    @property
    def name(self) -> str:
        """``PREFIX/NAMESPACE.``: a key has at most one Handle starting with it.

        >>> HandleSeries("20.500.12345", namespace="2").name
        '20.500.12345/2.'
        """
        return f"{self.prefix}/{self.namespace}."

    def candidate(self, key: str, attempt: int) -> str:
        """The ``attempt``-th candidate of ``key`` (:meth:`HandleMinter.candidate`).

        >>> HandleSeries("10670").candidate("oai:cairn.info:VSOC_191_0123", 1)
        '10670/1.4few7j'
        """
        return self._minter.candidate(key, attempt)


def _nothing_taken(fold: str) -> bool:
    return False


@dataclass(frozen=True)
class MintPlan:
    """The Handles a batch of new keys gets by the registry's rule (see the module docs), not yet recorded.

    ``handles`` maps each NFC key to its Handle, ``attempts`` to the number of its candidate.

    >>> plan = plan_handles(HandleSeries("10670"), ["oai:cairn.info:VSOC_191_0123"])
    >>> dict(plan.handles), dict(plan.attempts)
    ({'oai:cairn.info:VSOC_191_0123': '10670/1.3fjowm'}, {'oai:cairn.info:VSOC_191_0123': 0})
    """

    series: HandleSeries
    handles: Mapping[str, str]
    attempts: Mapping[str, int]

    @staticmethod
    def merge(plans: Sequence[MintPlan], taken: Callable[[str], bool] = _nothing_taken) -> MintPlan:
        """One plan for the keys of all ``plans`` (the parts of a run): the plan of all the keys at once.

        Each key starts from the furthest candidate any part took it to (the candidates before were
        lost to a key with priority, or taken, and stay so); keys of different parts wanting the
        same candidate are settled by the rule. ``taken(fold)`` says whether an ASCII-lowercased
        Handle is already issued; it must include what the parts were planned against.

        >>> series = HandleSeries("10670", length=4)
        >>> a, b = plan_handles(series, ["x1", "x2"]), plan_handles(series, ["x2", "x3"])
        >>> MintPlan.merge([a, b]).handles == plan_handles(series, ["x1", "x2", "x3"]).handles
        True
        """
        if not plans:
            raise ConfigError("merge needs at least one plan")
        series = plans[0].series
        if any(p.series != series for p in plans):
            raise ConfigError("plans of different Handle series cannot be merged")
        start: dict[str, int] = {}
        for plan in plans:
            for key, attempt in plan.attempts.items():
                start[key] = max(start.get(key, 0), attempt)
        return _settle(series, start, taken)


def plan_handles(
    series: HandleSeries, keys: Iterable[str], taken: Callable[[str], bool] = _nothing_taken
) -> MintPlan:
    """The Handles of new ``keys`` by the registry's rule, ``taken(fold)`` telling which are already issued.

    Keys are NFC-normalised (and deduplicated); an empty key, or one with a control character,
    raises :class:`~notice_ld.errors.RecordError`.

    >>> series = HandleSeries("10670")
    >>> pair = ["oai:cairn.info:VSOC_83064", "oai:cairn.info:VSOC_135108"]  # the same candidate 0
    >>> series.candidate(pair[0], 0) == series.candidate(pair[1], 0)
    True
    >>> dict(plan_handles(series, pair).attempts)  # code-point order: '1' < '8', VSOC_135108 keeps it
    {'oai:cairn.info:VSOC_135108': 0, 'oai:cairn.info:VSOC_83064': 1}
    """
    return _settle(series, dict.fromkeys(map(_clean_key, keys), 0), taken)


def _settle(series: HandleSeries, start: Mapping[str, int], taken: Callable[[str], bool]) -> MintPlan:
    """Deferred acceptance: every key proposes its candidates from ``start[key]`` on; a free candidate
    holds the proposer with the lowest ``(attempt, key)``; the others move on. The result does not
    depend on the order the keys are taken in (they are taken sorted, for reproducible work)."""
    attempt = dict(start)
    holder: dict[str, str] = {}  # candidate -> key holding it
    handle: dict[str, str] = {}
    for first in sorted(attempt):
        key: str | None = first
        while key is not None:
            n = attempt[key]
            if n >= _MAX_ATTEMPTS:
                raise ConfigError(
                    f"no free Handle after {_MAX_ATTEMPTS} attempts: use a suffix longer than {series.length}"
                )
            candidate = series.candidate(key, n)  # lowercase already: its own fold
            if taken(candidate):
                attempt[key] = n + 1
                continue
            rival = holder.get(candidate)
            if rival is None:
                holder[candidate], handle[key] = key, candidate
                key = None
            elif (n, key) < (attempt[rival], rival):
                holder[candidate], handle[key] = key, candidate
                attempt[rival] += 1
                key = rival
            else:
                attempt[key] = n + 1
    keys = sorted(attempt)
    return MintPlan(
        series,
        MappingProxyType({k: handle[k] for k in keys}),
        MappingProxyType({k: attempt[k] for k in keys}),
    )


@dataclass(frozen=True)
class ImportReport:
    """What :meth:`HandleRegistry.import_tsv` did: lines recorded, lines already there, lines refused.

    >>> ImportReport(imported=2, present=1, errors=()).as_dict()
    {'imported': 2, 'present': 1, 'errors': []}
    """

    imported: int
    present: int
    errors: tuple[RecordError, ...]

    def as_dict(self) -> dict[str, object]:
        """The report as a JSON-ready mapping.

        >>> ImportReport(0, 0, (RecordError(record="a.tsv:3", problem="p"),)).as_dict()["errors"][0]["record"]
        'a.tsv:3'
        """
        return {
            "imported": self.imported,
            "present": self.present,
            "errors": [e.as_dict() for e in self.errors],
        }


class KeyCollector:
    """A minter that only records the keys it is asked for (the first pass of a run), answering with
    their first candidate.

    >>> collector = KeyCollector(HandleSeries("10670"))
    >>> collector.mint("oai:cairn.info:VSOC_191_0123"), collector.keys
    ('10670/1.3fjowm', ['oai:cairn.info:VSOC_191_0123'])
    """

    def __init__(self, series: HandleSeries) -> None:
        self.series = series
        self.keys: list[str] = []

    @property
    def prefix(self) -> str:
        """The Handle prefix.

        >>> KeyCollector(HandleSeries("10670")).prefix
        '10670'
        """
        return self.series.prefix

    def mint(self, key: str) -> str:
        """Record ``key``; its first candidate.

        >>> KeyCollector(HandleSeries("1")).mint("k")
        '1/1.fdj8ac'
        """
        key = _clean_key(key)
        self.keys.append(key)
        return self.series.candidate(key, 0)


class HandleRegistry:
    """The Handles of one series kept in a SQLite file (created if needed; one file may hold several series).

    :meth:`mint` / :meth:`mint_many` give each key its Handle, minting and recording the new ones
    (one transaction per call: a batch of :meth:`mint_many` follows the rule of the module docs
    whatever its order); :meth:`lookup` only reads. The registry is also a minter for the readers
    (:class:`~notice_ld.readers.ReaderOptions`): it pickles as its path and series and reopens the
    file in the process that uses it, so the workers of a parallel run share it.

    Several processes may mint into one file at once: each batch is settled and written inside one
    ``BEGIN IMMEDIATE`` transaction (others wait up to ``timeout`` seconds), a Handle is unique
    ignoring ASCII case and a key has one Handle per series (SQLite constraints), and issued rows
    can be neither changed nor deleted (triggers). Commits are synchronous (``synchronous=FULL``):
    a Handle reported as minted survives a power cut.

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "handles.sqlite")
    >>> registry = HandleRegistry(path, "10670")
    >>> registry.mint_many(["oai:cairn.info:VSOC_83064", "oai:cairn.info:VSOC_135108"])
    {'oai:cairn.info:VSOC_83064': '10670/1.50msqa', 'oai:cairn.info:VSOC_135108': '10670/1.bynxx1'}
    >>> registry.lookup("oai:cairn.info:VSOC_83064"), registry.lookup("unknown") is None, len(registry)
    ('10670/1.50msqa', True, 2)
    >>> registry.close()
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        prefix: str,
        *,
        namespace: str = "1",
        length: int = 6,
        timeout: float = 60.0,
    ) -> None:
        self.series = HandleSeries(prefix, namespace, length)
        self.path = os.path.abspath(os.fspath(path))
        self.timeout = timeout
        self._connections: dict[int, sqlite3.Connection] = {}  # thread -> its connection
        self._pid = os.getpid()
        self._series_id: int | None = None
        self._db()  # open (and create) now: a bad file is reported before any work

    # -- the file --------------------------------------------------------------------------------
    def __getstate__(self) -> dict[str, object]:
        return {"series": self.series, "path": self.path, "timeout": self.timeout}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.series = state["series"]  # type: ignore[assignment]
        self.path = state["path"]  # type: ignore[assignment]
        self.timeout = state["timeout"]  # type: ignore[assignment]
        self._connections, self._pid, self._series_id = {}, os.getpid(), None

    def _db(self) -> sqlite3.Connection:
        """This thread's connection (a connection never crosses a fork, nor a thread)."""
        if self._pid != os.getpid():  # a forked child: the parent's connections are not ours
            self._connections, self._pid, self._series_id = {}, os.getpid(), None
        thread = threading.get_ident()
        known = self._connections.get(thread)
        if known is not None:
            return known
        import sqlite3

        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(
                self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise RegistryError(f"cannot open the Handle registry {self.path}: {exc}") from None
        try:
            with self._errors("open"):
                app = db.execute("PRAGMA application_id").fetchone()[0]
                tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if app != _APPLICATION_ID and (app or tables):
                    raise RegistryError(
                        f"{self.path} is not a notice-ld Handle registry: give another file with --registry"
                    )
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > _FORMAT:
                    raise RegistryError(
                        f"{self.path} was written by a newer notice-ld (registry format {version}): "
                        "upgrade notice-ld"
                    )
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=FULL")
                db.execute("PRAGMA cache_size=-65536")  # up to 64 MiB: a batch of 1 M keys stays in cache
                if app != _APPLICATION_ID or version < _FORMAT:  # create it (idempotent, one transaction)
                    db.executescript(
                        f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA application_id={_APPLICATION_ID};"
                        f"PRAGMA user_version={_FORMAT};COMMIT;"
                    )
        except BaseException:
            db.close()
            raise
        self._connections[thread] = db
        return db

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """SQLite errors as :class:`RegistryError` with a fix."""
        import sqlite3

        try:
            yield
        except sqlite3.IntegrityError:
            raise  # a constraint said no: the caller settles again
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise RegistryError(
                    f"the Handle registry {self.path} stayed busy for {self.timeout:g} s ({doing}): "
                    "another process holds it; try again when it is done"
                ) from None
            raise RegistryError(f"the Handle registry {self.path} cannot be used ({doing}): {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise RegistryError(f"{self.path} is not a usable Handle registry ({doing}): {exc}") from None

    @contextlib.contextmanager
    def _transaction(self, doing: str, *, write: bool) -> Iterator[sqlite3.Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` (the write lock, waiting up to ``timeout``) or a read
        snapshot; committed if the block ends normally, else rolled back."""
        db = self._db()
        with self._errors(doing):
            db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _series_row(self, db: sqlite3.Connection, name: str, *, create: bool) -> int | None:
        row = db.execute("SELECT id FROM series WHERE name = ?", (name,)).fetchone()
        if row is None and create:
            return int(db.execute("INSERT INTO series (name) VALUES (?) RETURNING id", (name,)).fetchone()[0])
        return None if row is None else int(row[0])

    def close(self) -> None:
        """Close this process's connections (the registry reopens if used again).

        >>> import os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "1")
        >>> registry.close(); registry.close()
        """
        if self._pid == os.getpid():
            for db in self._connections.values():
                db.close()
        self._connections = {}

    def __enter__(self) -> HandleRegistry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"HandleRegistry({self.path!r}, {self.series.prefix!r}, namespace={self.series.namespace!r})"

    @property
    def prefix(self) -> str:
        """The Handle prefix this registry mints under.

        >>> import os, tempfile
        >>> HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670").prefix
        '10670'
        """
        return self.series.prefix

    def __len__(self) -> int:
        with self._transaction("count", write=False) as db:
            return int(db.execute("SELECT count(*) FROM handles").fetchone()[0])

    # -- reading ---------------------------------------------------------------------------------
    def _lookup(self, db: sqlite3.Connection, series_id: int | None, key: str) -> str | None:
        if series_id is None:
            return None
        row = db.execute(
            "SELECT coalesce(handle, fold) FROM handles WHERE series = ? AND key = ?", (series_id, key)
        ).fetchone()
        return None if row is None else str(row[0])

    def lookup(self, key: str) -> str | None:
        """The Handle issued to ``key`` in this series, or ``None`` (nothing is minted).

        >>> import os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670")
        >>> registry.lookup("oai:x:1") is None, registry.mint("oai:x:1") == registry.lookup("oai:x:1")
        (True, True)
        """
        key = _clean_key(key)
        with self._transaction("lookup", write=False) as db:
            return self._lookup(db, self._series_row(db, self.series.name, create=False), key)

    def issued(self, handle: str) -> bool:
        """Whether ``handle`` was issued (to any key, in any series), ignoring ASCII case: the
        ``taken`` of :func:`plan_handles` and :meth:`MintPlan.merge` against this registry.

        >>> import os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670")
        >>> registry.issued(registry.mint("a").upper()), registry.issued("10670/1.zzzzzz")
        (True, False)
        """
        with self._transaction("lookup", write=False) as db:
            return self._taken(db)(ascii_lower(handle))

    # -- minting ---------------------------------------------------------------------------------
    def mint(self, key: str) -> str:
        """The Handle of ``key``: its own if it has one, else a new one, recorded (a batch of one).

        >>> import os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670")
        >>> registry.mint("oai:cairn.info:VSOC_83064"), registry.mint("oai:cairn.info:VSOC_135108")
        ('10670/1.bynxx1', '10670/1.oygjiq')
        """
        clean = _clean_key(key)
        db = self._connections.get(threading.get_ident()) if self._pid == os.getpid() else None
        if db is not None and self._series_id is not None:
            known = self._lookup(db, self._series_id, clean)  # autocommit read: no snapshot needed
            if known is not None:
                return known
        return self.mint_many([clean])[clean]

    def mint_many(self, keys: Iterable[str]) -> dict[str, str]:
        """The Handles of ``keys`` (in their order, duplicates once), the new ones minted as one batch.

        The batch is planned on a snapshot of the registry, then written in one ``BEGIN IMMEDIATE``
        transaction; if another process recorded one of these keys or Handles meanwhile, the batch
        is settled again inside the transaction. An empty key, or one with a control character,
        raises :class:`~notice_ld.errors.RecordError` and mints nothing.

        >>> import os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670")
        >>> registry.mint_many(["b", "a", "b"])
        {'b': '10670/1.it6d30', 'a': '10670/1.a5j1jp'}
        """
        clean = {key: _clean_key(key) for key in keys}
        done = self.commit(self.plan(clean.values()))
        result: dict[str, str] = {}
        with self._transaction("lookup", write=False) as db:
            series_id = self._series_row(db, self.series.name, create=False)
            for key, nfc in clean.items():
                found = done.get(nfc) or self._lookup(db, series_id, nfc)
                if found is None:  # cannot happen: a key is planned, or known (and stays known)
                    raise RegistryError(f"{self.path}: the key {nfc!r} has no Handle after minting")
                result[key] = found
        self._series_id = series_id
        return result

    def plan(self, keys: Iterable[str]) -> MintPlan:
        """The plan of the keys of ``keys`` not yet in the registry, on a snapshot of it (nothing is written).

        >>> import os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670")
        >>> _ = registry.mint("a")
        >>> sorted(registry.plan(["a", "b"]).handles)
        ['b']
        """
        wanted = list(dict.fromkeys(map(_clean_key, keys)))
        with self._transaction("plan", write=False) as db:
            series_id = self._series_row(db, self.series.name, create=False)
            new = [key for key in wanted if self._lookup(db, series_id, key) is None]
            return _settle(self.series, dict.fromkeys(new, 0), self._taken(db))

    @staticmethod
    def _taken(db: sqlite3.Connection) -> Callable[[str], bool]:
        def taken(fold: str) -> bool:
            return db.execute("SELECT 1 FROM handles WHERE fold = ?", (fold,)).fetchone() is not None

        return taken

    def commit(self, plan: MintPlan) -> dict[str, str]:
        """Record ``plan`` (from :meth:`plan`, :func:`plan_handles` or :meth:`MintPlan.merge`) in one
        transaction; the Handle of each of its keys.

        Keys recorded meanwhile keep their Handle; if a planned Handle was issued meanwhile, or a
        planned key recorded, the batch is settled again against the registry as it now is (inside
        the transaction): a Handle is never issued twice, whatever the plan says.

        >>> import os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670")
        >>> plan = plan_handles(registry.series, ["oai:cairn.info:VSOC_135108"])
        >>> _ = registry.mint("oai:cairn.info:VSOC_83064")  # another run takes the candidate first
        >>> registry.commit(plan)
        {'oai:cairn.info:VSOC_135108': '10670/1.oygjiq'}
        """
        import sqlite3

        if plan.series != self.series:
            raise ConfigError(f"a plan of {plan.series.name} cannot be recorded under {self.series.name}")
        if not plan.attempts:
            return {}
        try:
            with self._transaction("mint", write=True) as db:
                self._insert(db, self._series_row(db, self.series.name, create=True), plan)
                return dict(plan.handles)
        except sqlite3.IntegrityError:
            pass
        with self._transaction("mint", write=True) as db:  # settled again, holding the write lock
            series_id = self._series_row(db, self.series.name, create=True)
            done: dict[str, str] = {}
            for key in plan.attempts:
                known = self._lookup(db, series_id, key)
                if known is not None:
                    done[key] = known
            rest = {key: n for key, n in plan.attempts.items() if key not in done}
            # a key recorded meanwhile may have pushed others on: then every key starts again
            again = _settle(self.series, rest if not done else dict.fromkeys(rest, 0), self._taken(db))
            self._insert(db, series_id, again)
            done.update(again.handles)
            return done

    def _insert(self, db: sqlite3.Connection, series_id: int | None, plan: MintPlan) -> None:
        db.executemany(
            "INSERT INTO handles (fold, handle, series, key) VALUES (?, NULL, ?, ?)",
            sorted((handle, series_id, key) for key, handle in plan.handles.items()),  # B-tree order
        )

    # -- the TSV file ----------------------------------------------------------------------------
    def import_tsv(self, lines: Iterable[str], name: str = "<tsv>") -> ImportReport:
        """Record the ``HANDLE<TAB>KEY`` lines of ``lines`` (``#`` comments and blank lines skipped) in
        one transaction; a line that would break a rule is refused (and reported), the others go in.

        Any series may be imported (a Handle ``PREFIX/NAMESPACE.SUFFIX``, compared ignoring ASCII
        case); a line is refused when its Handle belongs to another key, or its key already has
        another Handle of that series.

        >>> import os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670")
        >>> lines = ["10670/1.JT89MR\\toai:a:1\\n", "10670/1.jt89mr\\toai:a:2\\n"]
        >>> report = registry.import_tsv(lines, "old.tsv")
        >>> report.imported, report.errors[0].record, report.errors[0].problem
        (1, 'old.tsv:2', "the Handle 10670/1.jt89mr was issued to another key: 'oai:a:1'")
        >>> registry.lookup("oai:a:1")
        '10670/1.JT89MR'
        """
        from notice_ld.identifiers._identifier import Scheme
        from notice_ld.identifiers.parsing import parse

        imported = present = 0
        errors: list[RecordError] = []
        with self._transaction("import", write=True) as db:
            series_ids: dict[str, int | None] = {}
            for number, line in enumerate(lines, start=1):
                text = line.rstrip("\r\n")
                if number == 1:
                    text = text.removeprefix("\ufeff")
                if not text.strip() or text.startswith("#"):
                    continue
                where = f"{name}:{number}"
                handle, sep, raw_key = text.partition("\t")
                handle = handle.strip()
                match = _HANDLE_RE.match(handle)
                if not sep or not match:
                    errors.append(
                        RecordError(
                            record=where,
                            field="handle",
                            problem="expected HANDLE<TAB>KEY with a Handle PREFIX/NAMESPACE.SUFFIX, "
                            f"got {text[:80]!r}",
                            fix="write one Handle, a tab and its key per line",
                        )
                    )
                    continue
                try:
                    parse(handle, Scheme.HANDLE)  # dot segments, control characters: refused
                except IdentifierError as err:
                    errors.append(RecordError(record=where, field="handle", problem=err.problem, fix=err.fix))
                    continue
                try:
                    key = _clean_key(raw_key)
                except RecordError as err:
                    errors.append(RecordError(record=where, field="key", problem=err.problem, fix=err.fix))
                    continue
                fold, series_name = ascii_lower(handle), ascii_lower(match.group(1))
                if series_name not in series_ids:
                    series_ids[series_name] = self._series_row(db, series_name, create=True)
                series_id = series_ids[series_name]
                owner = db.execute("SELECT key FROM handles WHERE fold = ?", (fold,)).fetchone()
                if owner is not None:
                    if owner[0] == key:
                        present += 1
                        continue
                    errors.append(
                        RecordError(
                            record=where,
                            field="handle",
                            problem=f"the Handle {handle} was issued to another key: {owner[0]!r}",
                            fix="an issued Handle never changes: drop this line or correct its key",
                        )
                    )
                    continue
                own = self._lookup(db, series_id, key)
                if own is not None:
                    errors.append(
                        RecordError(
                            record=where,
                            field="key",
                            problem=f"the key {key!r} already has the Handle {own}",
                            fix="a key has one Handle per series: drop this line",
                        )
                    )
                    continue
                db.execute(
                    "INSERT INTO handles (fold, handle, series, key) VALUES (?, ?, ?, ?)",
                    (fold, None if handle == fold else handle, series_id, key),
                )
                imported += 1
        return ImportReport(imported, present, tuple(errors))

    def export_tsv(self, out: IO[str]) -> int:
        """Write every Handle of the file (all series) as ``HANDLE<TAB>KEY`` lines in Handle order; how many.

        >>> import io, os, tempfile
        >>> registry = HandleRegistry(os.path.join(tempfile.mkdtemp(), "h.sqlite"), "10670")
        >>> _ = registry.mint_many(["oai:a:2", "oai:a:1"])
        >>> out = io.StringIO(); registry.export_tsv(out)
        2
        >>> print(out.getvalue(), end="")
        10670/1.mk1078	oai:a:2
        10670/1.vdej6p	oai:a:1
        """
        count = 0
        with self._transaction("export", write=False) as db:
            for handle, key in db.execute("SELECT coalesce(handle, fold), key FROM handles ORDER BY fold"):
                out.write(f"{handle}\t{key}\n")
                count += 1
        return count
