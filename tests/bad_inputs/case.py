"""What a bad-input case is: a file, the records that go through, the ones that must not."""

from __future__ import annotations

import json
from dataclasses import dataclass

from notice_ld.readers import InputFormat

__all__ = ["Case", "Rejected", "jsonl"]


@dataclass(frozen=True)
class Rejected:
    """A record that must be rejected: text its error names (record and field, when known)."""

    record: str
    field: str = ""


@dataclass(frozen=True)
class Case:
    """One bad input: its file, the records that go through and the ones that must not.

    ``reader`` is the reader the case exercises (the per-reader figures count by it);
    ``absent`` holds text no output may contain (the rejected records' ids: nothing of a rejected
    record is written); ``refused`` is the text of the one error of an input refused as a whole
    (exit status 2, no output at all).
    """

    name: str
    suffix: str
    data: bytes
    good: tuple[str, ...]
    rejected: tuple[Rejected, ...] = ()
    args: tuple[str, ...] = ()
    warns: str = ""  # text of a warning the commands print (stderr)
    reader: InputFormat | None = None
    absent: tuple[str, ...] = ()
    refused: str = ""

    @property
    def filename(self) -> str:
        return f"{self.name}{self.suffix}"

    @property
    def status(self) -> int:
        """The exit status every command that reads the file must give."""
        if self.refused:
            return 2
        return 1 if self.rejected else 0


def jsonl(*records: object) -> bytes:
    """JSON Lines of ``records`` (bytes are kept as they are: a broken line)."""
    return b"".join(
        r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n"
        for r in records
    )
