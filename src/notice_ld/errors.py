"""Exceptions raised by notice_ld.

The whole tree::

    NoticeLdError                      base of everything notice_ld raises on purpose
    ├── RecordError (ValueError)       one input record is unusable: .record, .field, .problem, .fix
    │   └── IdentifierError            a persistent identifier is malformed or fails its checksum
    ├── ConfigError (ValueError)       a configuration value (base IRI, template, profile) is wrong
    ├── UnknownFormatError (ValueError) a format name / media type / extension is not supported
    │   └── UnsupportedInputError      an input file is in none of the formats notice_ld reads:
    │                                  .path, .looks_like
    ├── ShapesError (ValueError)       SHACL shapes cannot be used (unparsable, or the linter refused
    │                                  them): .problems (each cites the SHACL spec section), .source
    ├── HarvestError                   an OAI-PMH harvest cannot go on: .endpoint, .code, .fix
    └── StoreError                     a triple store cannot be opened, reached or written
        ├── StoreConnectionError       the server cannot be reached (refused, reset, timed out; retries spent)
        ├── StoreAuthError             the server refused the credentials (HTTP 401 / 403)
        └── StoreResponseError         the server answered with an error, or not like a SPARQL server:
                                       .url, .status, .body

Non-conformance to shapes is a *result* (``notice_ld.validation.ValidationReport``), never one of these.
Errors keep their structured data as attributes and build their message in ``__str__``,
so a caller can report ``(record, field, problem, fix)`` without parsing text.

>>> err = RecordError(record="10670/1.jt89mr", field="issued", problem="month 13 does not exist",
...                   fix="write YYYY, YYYY-MM or YYYY-MM-DD")
>>> str(err)
'record 10670/1.jt89mr, field issued: month 13 does not exist (fix: write YYYY, YYYY-MM or YYYY-MM-DD)'
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "ConfigError",
    "HarvestError",
    "IdentifierError",
    "NoticeLdError",
    "RecordError",
    "ShapesError",
    "StoreAuthError",
    "StoreConnectionError",
    "StoreError",
    "StoreResponseError",
    "UnknownFormatError",
    "UnsupportedInputError",
]


class NoticeLdError(Exception):
    """Base class of every error notice_ld raises on purpose.

    Errors pickle with all their data (they cross process boundaries in parallel runs), whatever
    their constructor's keyword-only arguments:

    >>> import pickle
    >>> error = pickle.loads(pickle.dumps(RecordError(record="r", field="f", problem="p", fix="x")))
    >>> (error.record, error.field, str(error))
    ('r', 'f', 'record r, field f: p (fix: x)')
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), dict(self.__dict__), self.args))


def _restore(cls: type[NoticeLdError], state: dict[str, Any], args: tuple[Any, ...]) -> NoticeLdError:
    """Rebuild a pickled error without calling its constructor."""
    error = cls.__new__(cls)
    error.__dict__.update(state)
    error.args = args
    return error


class RecordError(NoticeLdError, ValueError):
    """An input record (or one of its fields) cannot be used.

    ``record`` names the record (its identifier, or ``"line 12"`` when it has none), ``field`` is a
    path into the record such as ``creators[2].identifiers[0]``, ``problem`` says what is wrong and
    ``fix`` what the user can do about it.
    """

    def __init__(self, *, record: str | None = None, field: str = "", problem: str, fix: str = "") -> None:
        self.record = record
        self.field = field
        self.problem = problem
        self.fix = fix
        super().__init__(problem)

    def with_context(self, *, record: str | None = None, field_prefix: str = "") -> RecordError:
        """Return a copy that names ``record`` and nests ``field`` under ``field_prefix``."""
        field = self.field
        if field_prefix:
            field = (
                f"{field_prefix}.{field}" if field and not field.startswith("[") else f"{field_prefix}{field}"
            )
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.record = record if record is not None else self.record
        clone.field = field
        clone.args = self.args
        return clone

    def as_dict(self) -> dict[str, str | None]:
        """The error as a JSON-ready mapping (used by reports); always encodable as UTF-8.

        >>> RecordError(record="caf" + chr(0xDCE9), problem="p").as_dict()["record"]
        'caf\\\\udce9'
        """
        return {
            "record": None if self.record is None else _encodable(self.record),
            "field": _encodable(self.field),
            "problem": _encodable(self.problem),
            "fix": _encodable(self.fix),
        }

    def __str__(self) -> str:
        where = []
        if self.record is not None:
            where.append(f"record {self.record}")
        if self.field:
            where.append(f"field {self.field}")
        head = ", ".join(where)
        text = f"{head}: {self.problem}" if head else self.problem
        return _encodable(f"{text} (fix: {self.fix})" if self.fix else text)


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (bytes that were not UTF-8) written as ``\\udcXX``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class IdentifierError(RecordError):
    """A persistent identifier is malformed, or its check digit / checksum is wrong.

    ``scheme`` is the scheme that was expected or detected (``"orcid"``, ``"issn"``…),
    ``value`` the text that was given.

    >>> e = IdentifierError(scheme="issn", value="0317-8472", problem="bad check digit")
    >>> (e.scheme, e.value)
    ('issn', '0317-8472')
    """

    def __init__(
        self,
        *,
        scheme: str | None,
        value: str,
        problem: str,
        fix: str = "",
        record: str | None = None,
        field: str = "",
    ) -> None:
        self.scheme = scheme
        self.value = value
        super().__init__(record=record, field=field, problem=f"{value!r}: {problem}", fix=fix)


class ConfigError(NoticeLdError, ValueError):
    """A configuration value is wrong (base IRI, IRI template, profile name…)."""


class UnknownFormatError(NoticeLdError, ValueError):
    """A format name, media type or file extension is not one notice_ld supports."""


class UnsupportedInputError(UnknownFormatError):
    """An input is in none of the formats notice_ld reads (one error for the file, never one per line).

    ``path`` names the input, ``looks_like`` what it seems to be (``"Markdown"``, ``"plain text"``…),
    ``known`` the ``--from`` names that can be given.

    >>> print(UnsupportedInputError(path="notes.md", looks_like="Markdown", known=("jsonl", "csv")))
    notes.md: not a supported input (it looks like Markdown); use --from jsonl|csv if it is one of them
    """

    def __init__(self, *, path: str, looks_like: str, known: tuple[str, ...]) -> None:
        self.path = path
        self.looks_like = looks_like
        self.known = known
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"{self.path}: not a supported input (it looks like {self.looks_like}); "
            f"use --from {'|'.join(self.known)} if it is one of them"
        )


class ShapesError(NoticeLdError, ValueError):
    """SHACL shapes cannot be used: a file does not parse, or the shape linter found problems.

    ``problems`` holds every problem found (each has ``where``, ``problem`` and ``spec``, the URL
    of the SHACL specification section that defines the rule); ``source`` names the file(s).
    """

    def __init__(self, problems: Iterable[object], *, source: str = "") -> None:
        self.problems: tuple[object, ...] = tuple(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the shapes"
        head += f" ({self.source})" if self.source else ""
        if count == 1:
            return f"{head}: {self.problems[0]}"
        return head + ":" + "".join(f"\n  - {p}" for p in self.problems)


class StoreError(NoticeLdError):
    """A triple store cannot be opened, reached or written (the message says which and what to do).

    ``report``, when a load gave up, is what it had done until then (the load report as JSON-ready
    data: what was loaded and committed, what was rejected), so that it can still be written.
    """

    report: dict[str, Any] | None = None


class StoreConnectionError(StoreError):
    """The server cannot be reached: connection refused or reset, or timed out, after the retries."""


class StoreAuthError(StoreError):
    """The server refused the credentials (HTTP 401 or 403)."""


class StoreResponseError(StoreError):
    """The server answered with an error, or not like a SPARQL server.

    ``url`` is the request's address, ``status`` the HTTP status, ``body`` the start of the answer.

    >>> e = StoreResponseError("no SPARQL endpoint here", url="http://127.0.0.1:1/x", status=404, body="")
    >>> (e.status, str(e))
    (404, 'no SPARQL endpoint here')
    """

    def __init__(self, message: str, *, url: str, status: int, body: str) -> None:
        super().__init__(message)
        self.url = url
        self.status = status
        self.body = body


class HarvestError(NoticeLdError):
    """An OAI-PMH harvest cannot go on: an OAI error, an HTTP error, a broken page, retries spent.

    ``endpoint`` is the repository's base URL, ``code`` the OAI-PMH error code
    (``badResumptionToken``…) or HTTP status, ``fix`` what to do.

    >>> print(HarvestError("the token was refused", endpoint="http://127.0.0.1/oai",
    ...                    code="badResumptionToken", fix="harvest again with --from"))
    http://127.0.0.1/oai: the token was refused [badResumptionToken] (fix: harvest again with --from)
    """

    def __init__(self, problem: str, *, endpoint: str, code: str = "", fix: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.endpoint = endpoint
        self.code = code
        self.fix = fix

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        fix = f" (fix: {self.fix})" if self.fix else ""
        return f"{self.endpoint}: {self.problem}{code}{fix}"
