"""OAI-PMH harvesting: ``ListRecords`` with resumption tokens, retries, incremental state, sinks.

:class:`Harvester` pages through ``ListRecords`` (``metadataPrefix``, ``set``, ``from``,
``until``), streams each page through the safe record splitter of
:mod:`notice_ld.readers.xmlsafe` and the reader of its metadata format (:class:`MetadataPrefix`:
``oai_dc``, ``qdc``, ``mods``, ``oai_datacite``), and yields the same outcomes as the file readers
(notices, residues, deletions, record errors).

* **Retries** are bounded: connection errors, time-outs, HTTP 5xx and a connection cut in the
  middle of a page are retried with exponential backoff; ``503``/``429`` with ``Retry-After``
  wait what the server asks (capped). A page retried after records were already yielded skips
  them, so no record is yielded twice. ``max_requests`` bounds the whole harvest, and a
  resumption token that comes back unchanged stops it (a loop).
* **OAI-PMH errors** become :class:`~notice_ld.errors.HarvestError` with a message and a fix
  (``noRecordsMatch`` is not an error: the harvest is just empty).
* **Incremental harvesting:** :class:`HarvestState` remembers the latest datestamp seen per
  endpoint, set and metadata prefix; the next harvest starts ``from`` it.
* **Sinks:** :func:`harvest_into` sends notices and deletions to a :class:`Sink` —
  :class:`JsonlSink` writes JSON Lines; a triple-store sink plugs in the same way.

The HTTP session is injectable (``session=``) and every query parameter goes through
``requests``' own encoding; nothing is built by string concatenation.
"""

from __future__ import annotations

import contextlib
import email.utils
import enum
import functools
import json
import os
import tempfile
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, Protocol

from notice_ld.errors import HarvestError, RecordError
from notice_ld.model import Notice
from notice_ld.oai_formats import MetadataPrefix
from notice_ld.readers import Deletion, ReaderOptions, ReadWarning, Residue
from notice_ld.readers.oai import read_header, record_outcomes
from notice_ld.readers.xmlsafe import Envelope, XMLDocumentError, split_records

if TYPE_CHECKING:
    import requests

    from notice_ld.readers import Outcome

__all__ = [
    "HarvestReport",
    "HarvestState",
    "Harvester",
    "JsonlSink",
    "MetadataPrefix",
    "PageResult",
    "PageUse",
    "RetryPolicy",
    "Sink",
    "harvest_into",
    "harvest_parallel",
    "map_page",
]

_OAI_FIXES: Final = {
    "badResumptionToken": "the token expired or is unknown: harvest again, from the last datestamp (--from) "
    "or with --state so the harvest resumes where it stopped",
    "cannotDisseminateFormat": "the repository does not offer this metadata format: use one it lists "
    "(verb=ListMetadataFormats), usually oai_dc",
    "badArgument": "check --from/--until (YYYY-MM-DD, or YYYY-MM-DDThh:mm:ssZ if the repository "
    "supports it) and --set",
    "noSetHierarchy": "the repository has no sets: harvest without --set",
    "badVerb": "the URL is probably not an OAI-PMH base URL",
    "idDoesNotExist": "check the identifier",
}
_MESSAGE_LIMIT: Final = 300


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: retries per request, backoff, waits, time-outs and a bound on requests.

    >>> RetryPolicy().delay(3)
    8.0
    """

    max_retries: int = 5
    backoff: float = 1.0
    max_wait: float = 120.0
    timeout: float = 60.0
    max_requests: int = 100_000

    def delay(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` (0-based): ``backoff * 2**attempt``, capped."""
        return float(min(self.max_wait, self.backoff * 2**attempt))


def _retry_after(value: str | None, policy: RetryPolicy, attempt: int) -> float:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), capped by the policy."""
    if value:
        text = value.strip()
        if text.isdigit():
            return float(min(policy.max_wait, int(text)))
        with contextlib.suppress(TypeError, ValueError):
            when = email.utils.parsedate_to_datetime(text)
            return float(min(policy.max_wait, max(0.0, when.timestamp() - time.time())))
    return policy.delay(attempt)


@dataclass
class Harvester:
    """Harvest one OAI-PMH endpoint; iterate :meth:`outcomes` for the stream.

    After (or during) the harvest, ``pages``, ``records``, ``last_datestamp`` and
    ``complete_list_size`` describe what was seen.
    """

    endpoint: str
    metadata_prefix: MetadataPrefix = MetadataPrefix.OAI_DC
    set_spec: str | None = None
    from_date: str | None = None
    until: str | None = None
    options: ReaderOptions = field(default_factory=ReaderOptions)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    session: requests.Session | None = None
    sleep: Callable[[float], None] = time.sleep
    pages: int = 0
    requests_made: int = 0
    records: int = 0
    last_datestamp: str | None = None
    complete_list_size: int | None = None
    _wait: float = field(default=0.0, init=False, repr=False)
    _problem: str = field(default="", init=False, repr=False)

    def _params(self) -> dict[str, str]:
        params = {"verb": "ListRecords", "metadataPrefix": self.metadata_prefix.value}
        for key, value in (("set", self.set_spec), ("from", self.from_date), ("until", self.until)):
            if value:
                params[key] = value
        return params

    def outcomes(self) -> Iterator[Outcome]:
        """Yield every outcome of the harvest, page after page; raises :class:`HarvestError`."""
        import requests

        session = self.session or requests.Session()
        params = self._params()
        previous_token: str | None = None
        while True:
            envelope = yield from self._page(session, params)
            self.pages += 1
            if envelope.complete_list_size is not None:
                self.complete_list_size = envelope.complete_list_size
            for code, message in envelope.errors:
                if code == "noRecordsMatch":
                    return
                raise HarvestError(
                    f"the repository answered with an OAI-PMH error: {message[:_MESSAGE_LIMIT] or code}",
                    endpoint=self.endpoint,
                    code=code,
                    fix=_OAI_FIXES.get(code, "check the harvest arguments"),
                )
            token = envelope.resumption_token
            if not token:
                return
            if token == previous_token:
                raise HarvestError(
                    "the repository returned the same resumption token twice; stopping to avoid a loop",
                    endpoint=self.endpoint,
                    fix="report it to the repository; resume later with --from",
                )
            previous_token = token
            params = {"verb": "ListRecords", "resumptionToken": token}

    def raw_pages(self) -> Iterator[bytes]:
        """Each page of the harvest as bytes, fetched in order (one request at a time, each
        retried as a whole), for :func:`harvest_parallel`, which maps them on worker processes.

        The page is read here as :meth:`outcomes` reads it — same envelope, counts, datestamps
        and errors (raised as the same :class:`HarvestError`, at the same page) — before it is
        yielded; records are mapped by the caller (:func:`map_page`).
        """
        import requests

        session = self.session or requests.Session()
        params = self._params()
        previous_token: str | None = None
        while True:
            page = self._whole_page(session, params)
            envelope = self._scan(page)
            self.pages += 1
            if envelope.complete_list_size is not None:
                self.complete_list_size = envelope.complete_list_size
            for code, message in envelope.errors:
                if code == "noRecordsMatch":
                    return
                raise HarvestError(
                    f"the repository answered with an OAI-PMH error: {message[:_MESSAGE_LIMIT] or code}",
                    endpoint=self.endpoint,
                    code=code,
                    fix=_OAI_FIXES.get(code, "check the harvest arguments"),
                )
            yield page
            token = envelope.resumption_token
            if not token:
                return
            if token == previous_token:
                raise HarvestError(
                    "the repository returned the same resumption token twice; stopping to avoid a loop",
                    endpoint=self.endpoint,
                    fix="report it to the repository; resume later with --from",
                )
            previous_token = token
            params = {"verb": "ListRecords", "resumptionToken": token}

    def _whole_page(self, session: requests.Session, params: dict[str, str]) -> bytes:
        """One page's bytes, the request retried as :meth:`outcomes` retries it."""
        import requests

        last_problem = ""
        for attempt in range(self.retry.max_retries + 1):
            if attempt:
                self.sleep(self._wait)
            response = self._get(session, params, attempt)
            if response is None:
                last_problem = self._problem
                continue
            try:
                with response:
                    return b"".join(response.iter_content(chunk_size=1 << 16))
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
            ) as exc:
                last_problem = f"the connection broke during the page ({type(exc).__name__})"
                self._wait = self.retry.delay(attempt)
        raise HarvestError(
            f"gave up after {self.retry.max_retries + 1} attempts: {last_problem}",
            endpoint=self.endpoint,
            code="retries",
            fix="try again later, or raise --max-retries",
        )

    def _scan(self, page: bytes) -> Envelope:
        """Read a whole page's envelope, count its records and keep their latest datestamp."""
        envelope = Envelope()
        try:
            for raw in split_records(
                [page], envelope=envelope, max_record_bytes=self.options.max_record_bytes
            ):
                self.records += 1
                if raw.element is not None and not raw.bare:
                    stamp = read_header(raw.element).datestamp
                    if stamp and (self.last_datestamp is None or stamp > self.last_datestamp):
                        self.last_datestamp = stamp
        except XMLDocumentError as exc:
            raise HarvestError(
                f"page {self.pages + 1} is not usable XML: {exc}",
                endpoint=self.endpoint,
                code="malformed",
                fix=(exc.fix or "the repository sent a broken page")
                + (f"; resume with --from {self.last_datestamp}" if self.last_datestamp else ""),
            ) from None
        return envelope

    def _page(self, session: requests.Session, params: dict[str, str]) -> Generator[Outcome, None, Envelope]:
        """Fetch and stream one page (retrying); returns its envelope."""
        import requests

        mapper = self.metadata_prefix.mapper()  # the reader of the page's metadata format
        done = 0  # records of this page already yielded (a retried page skips them)
        last_problem = ""
        for attempt in range(self.retry.max_retries + 1):
            if attempt:
                self.sleep(self._wait)
            response = self._get(session, params, attempt)
            if response is None:
                last_problem = self._problem
                continue
            envelope = Envelope()
            seen = 0
            try:
                with response:
                    chunks = response.iter_content(chunk_size=1 << 16)
                    for raw in split_records(
                        chunks, envelope=envelope, max_record_bytes=self.options.max_record_bytes
                    ):
                        seen += 1
                        if seen <= done:
                            continue
                        done = seen
                        self.records += 1
                        if raw.element is not None and not raw.bare:
                            stamp = read_header(raw.element).datestamp
                            if stamp and (self.last_datestamp is None or stamp > self.last_datestamp):
                                self.last_datestamp = stamp
                        yield from record_outcomes(raw, self.endpoint, self.options.minter, mapper)
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
            ) as exc:
                last_problem = f"the connection broke during the page ({type(exc).__name__})"
                self._wait = self.retry.delay(attempt)
                continue
            except XMLDocumentError as exc:
                raise HarvestError(
                    f"page {self.pages + 1} is not usable XML: {exc}",
                    endpoint=self.endpoint,
                    code="malformed",
                    fix=(exc.fix or "the repository sent a broken page")
                    + (f"; resume with --from {self.last_datestamp}" if self.last_datestamp else ""),
                ) from None
            return envelope
        raise HarvestError(
            f"gave up after {self.retry.max_retries + 1} attempts: {last_problem}",
            endpoint=self.endpoint,
            code="retries",
            fix="try again later, or raise --max-retries",
        )

    def _get(
        self, session: requests.Session, params: dict[str, str], attempt: int
    ) -> requests.Response | None:
        """One GET; ``None`` (with ``_wait``/``_problem`` set) when it should be retried."""
        import requests

        if self.requests_made >= self.retry.max_requests:
            raise HarvestError(
                f"stopped after {self.requests_made} requests (the max_requests bound)",
                endpoint=self.endpoint,
                code="max-requests",
                fix="raise the bound if the repository is that large",
            )
        self.requests_made += 1
        try:
            response = session.get(self.endpoint, params=params, stream=True, timeout=self.retry.timeout)
        except (requests.ConnectionError, requests.Timeout) as exc:
            self._problem = f"cannot reach the repository ({type(exc).__name__})"
            self._wait = self.retry.delay(attempt)
            return None
        if response.status_code == 200:
            return response
        status = response.status_code
        body = response.text[:_MESSAGE_LIMIT] if status >= 400 else ""
        response.close()
        if status in (429, 503):
            self._wait = _retry_after(response.headers.get("Retry-After"), self.retry, attempt)
            self._problem = f"HTTP {status} (the repository asked to wait {self._wait:g} s)"
            return None
        if status >= 500:
            self._problem = f"HTTP {status}"
            self._wait = self.retry.delay(attempt)
            return None
        raise HarvestError(
            f"HTTP {status} for {response.url}: {' '.join(body.split())}",
            endpoint=self.endpoint,
            code=str(status),
            fix="check the base URL of the OAI-PMH endpoint",
        )


class Sink(Protocol):
    """Where harvested notices go: ``add`` each notice, ``delete`` each deletion, ``close`` at the end.

    ``close`` is called only when the harvest completed; a store sink commits there.
    """

    def add(self, notice: Notice) -> None: ...

    def delete(self, deletion: Deletion) -> None: ...

    def close(self) -> None: ...


class JsonlSink:
    """Writes each notice as one line of its JSON form (what ``--from jsonl`` reads back).

    >>> import io
    >>> out = io.BytesIO()
    >>> sink = JsonlSink(out)
    >>> sink.add(Notice.from_dict({"id": "10.1234/x", "titles": [{"value": "T"}]}))
    >>> out.getvalue()
    b'{"id": {"scheme": "doi", "value": "10.1234/x"}, "titles": [{"value": "T"}]}\\n'
    """

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.deletions: list[Deletion] = []

    def add(self, notice: Notice) -> None:
        """Write one notice."""
        self.out.write(json.dumps(notice.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")

    def delete(self, deletion: Deletion) -> None:
        """A JSON Lines file of notices has no place for deletions: they go to the report."""
        self.deletions.append(deletion)

    def close(self) -> None:
        """Flush the output."""
        self.out.flush()


@dataclass
class HarvestReport:
    """Counts and details of a harvest, as the CLI summary and the JSON report show them."""

    notices: int = 0
    errors: list[RecordError] = field(default_factory=list)
    residues: list[Residue] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON report."""
        return {
            "harvested": self.notices,
            "rejected": len(self.errors),
            "deleted": len(self.deletions),
            "errors": [e.as_dict() for e in self.errors],
            "residue": [item for r in self.residues for item in r.as_dicts()],
            "deletions": [d.as_dict() for d in self.deletions],
            "warnings": [w.as_dict() for w in self.warnings],
        }


def harvest_into(
    stream: Iterator[Outcome],
    sink: Sink,
    report: HarvestReport | None = None,
    *,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> HarvestReport:
    """Send a stream of outcomes into ``sink``; returns the report. ``sink.close()`` runs on success.

    >>> import io
    >>> n = Notice.from_dict({"id": "10.1234/x", "titles": [{"value": "T"}]})
    >>> harvest_into(iter([n, Deletion("oai:x:2")]), JsonlSink(io.BytesIO())).as_dict()["deleted"]
    1
    """
    result = report if report is not None else HarvestReport()
    for outcome in stream:
        if isinstance(outcome, Notice):
            sink.add(outcome)
            result.notices += 1
        elif isinstance(outcome, Deletion):
            sink.delete(outcome)
            result.deletions.append(outcome)
        elif isinstance(outcome, Residue):
            result.residues.append(outcome)
        elif isinstance(outcome, ReadWarning):
            result.warnings.append(outcome)
        else:
            result.errors.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    sink.close()
    return result


class PageUse(enum.Enum):
    """What a worker makes of a page: JSON Lines (``harvest -o``) or notices prepared for the
    loader (``harvest --load``: mapped, hashed and validated)."""

    JSONL = "jsonl"
    LOAD = "load"


@dataclass(frozen=True)
class PageResult:
    """What one page gave a worker: its notices as JSON Lines (:attr:`PageUse.JSONL`) or
    prepared for the loader (:attr:`PageUse.LOAD`: notices and deletions, in order), and every
    outcome but the notices, in order, for the report."""

    jsonl: bytes
    prepared: tuple[Any, ...]
    notices: int
    others: tuple[Outcome, ...]

    def add_to(self, report: HarvestReport) -> None:
        """Count the page in ``report`` as :func:`harvest_into` counts the same outcomes."""
        report.notices += self.notices
        harvest_into(iter(self.others), _NoSink(), report)


class _NoSink:
    def add(self, notice: Notice) -> None:
        pass

    def delete(self, deletion: Deletion) -> None:
        pass

    def close(self) -> None:
        pass


def map_page(
    page: bytes, endpoint: str, options: ReaderOptions, prefix: MetadataPrefix, use: PageUse
) -> PageResult:
    """Map one page of a harvest (what a worker of :func:`harvest_parallel` does).

    >>> page = (b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header>'
    ...         b'<identifier>oai:x:1</identifier></header><metadata><oai_dc:dc '
    ...         b'xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    ...         b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>'
    ...         b'<dc:identifier>https://doi.org/10.1234/x</dc:identifier></oai_dc:dc></metadata>'
    ...         b'</record></ListRecords></OAI-PMH>')
    >>> options = ReaderOptions()
    >>> result = map_page(page, "https://example.org/oai", options, MetadataPrefix.OAI_DC, PageUse.JSONL)
    >>> result.notices, result.jsonl.count(b"\\n")
    (1, 1)
    """
    mapper = prefix.mapper()
    lines: list[bytes] = []
    kept: list[Notice | Deletion] = []
    others: list[Outcome] = []
    notices = 0
    with contextlib.suppress(XMLDocumentError):  # the page was scanned first: the error is raised there
        for raw in split_records([page], envelope=Envelope(), max_record_bytes=options.max_record_bytes):
            for outcome in record_outcomes(raw, endpoint, options.minter, mapper):
                if isinstance(outcome, Notice):
                    notices += 1
                    if use is PageUse.JSONL:
                        lines.append(
                            json.dumps(outcome.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n"
                        )
                    else:
                        kept.append(outcome)
                    continue
                if isinstance(outcome, Deletion):
                    kept.append(outcome)
                others.append(outcome)
    prepared: tuple[Any, ...] = ()
    if use is PageUse.LOAD:
        from notice_ld.stores.load import prepare_outcomes

        prepared = tuple(prepare_outcomes(kept))
    return PageResult(b"".join(lines), prepared, notices, tuple(others))


def harvest_parallel(harvester: Harvester, use: PageUse, *, jobs: int) -> Iterator[PageResult]:
    """The harvest's pages mapped on ``jobs`` worker processes, in page order: this process
    fetches the pages one after the other (:meth:`Harvester.raw_pages`), at most two per worker
    ahead of the results taken.

    The JSON Lines of the results, joined, are the bytes :class:`JsonlSink` writes for the same
    harvest, and :meth:`PageResult.add_to` gives the same report as :func:`harvest_into`. A
    minter with a Handle prefix mints in record order: harvest with it on one core.
    """
    from notice_ld.stores.parallel import bounded_map

    task = functools.partial(_map_page, harvester.endpoint, harvester.options, harvester.metadata_prefix, use)
    return bounded_map(task, harvester.raw_pages(), jobs=jobs)


def _map_page(
    endpoint: str, options: ReaderOptions, prefix: MetadataPrefix, use: PageUse, page: bytes
) -> PageResult:
    return map_page(page, endpoint, options, prefix, use)


class HarvestState:
    """The latest datestamp harvested per endpoint, set and metadata prefix, kept in a JSON file.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "state.json"
    >>> state = HarvestState(path)
    >>> state.set("https://example.org/oai", "journal:vs", "oai_dc", "2024-01-02")
    >>> state.save()
    >>> HarvestState(path).get("https://example.org/oai", "journal:vs", "oai_dc")
    '2024-01-02'
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.entries: dict[str, dict[str, str]] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                entries = data["endpoints"]
                if not isinstance(entries, dict):
                    raise TypeError
            except (ValueError, KeyError, TypeError):
                raise HarvestError(
                    f"the state file {self.path} is not a notice-ld harvest state",
                    endpoint=str(self.path),
                    fix="delete it (the next harvest is then a full one) or point --state elsewhere",
                ) from None
            self.entries = {str(k): dict(v) for k, v in entries.items() if isinstance(v, dict)}

    @staticmethod
    def key(endpoint: str, set_spec: str | None, metadata_prefix: str) -> str:
        """The entry name of one harvest: endpoint, set and metadata prefix."""
        return f"{endpoint} set={set_spec or '*'} metadataPrefix={metadata_prefix}"

    def get(self, endpoint: str, set_spec: str | None, metadata_prefix: str) -> str | None:
        """The last datestamp harvested, if any."""
        return self.entries.get(self.key(endpoint, set_spec, metadata_prefix), {}).get("last_datestamp")

    def set(self, endpoint: str, set_spec: str | None, metadata_prefix: str, datestamp: str) -> None:
        """Remember ``datestamp`` (kept only if later than the stored one)."""
        key = self.key(endpoint, set_spec, metadata_prefix)
        current = self.entries.get(key, {}).get("last_datestamp")
        if current is None or datestamp > current:
            self.entries[key] = {"last_datestamp": datestamp}

    def save(self) -> None:
        """Write the file atomically (sorted keys: the same state gives the same bytes)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": 1, "endpoints": self.entries}, indent=2, sort_keys=True) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
