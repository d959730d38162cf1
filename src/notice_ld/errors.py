"""Exceptions raised by notice_ld.

The whole tree::

    NoticeLdError                      base of everything notice_ld raises on purpose
    ├── RecordError (ValueError)       one input record is unusable: .record, .field, .problem, .fix
    │   └── IdentifierError            a persistent identifier is malformed or fails its checksum
    ├── ConfigError (ValueError)       a configuration value (base IRI, template, profile) is wrong
    └── UnknownFormatError (ValueError) a format name / media type / extension is not supported

Non-conformance to shapes (a later issue) is a *result*, never one of these.
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

__all__ = ["ConfigError", "IdentifierError", "NoticeLdError", "RecordError", "UnknownFormatError"]


class NoticeLdError(Exception):
    """Base class of every error notice_ld raises on purpose."""


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
        """The error as a JSON-ready mapping (used by reports)."""
        return {"record": self.record, "field": self.field, "problem": self.problem, "fix": self.fix}

    def __str__(self) -> str:
        where = []
        if self.record is not None:
            where.append(f"record {self.record}")
        if self.field:
            where.append(f"field {self.field}")
        head = ", ".join(where)
        text = f"{head}: {self.problem}" if head else self.problem
        return f"{text} (fix: {self.fix})" if self.fix else text


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
