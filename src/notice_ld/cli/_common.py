"""Helpers shared by the ``notice-ld`` subcommands: atomic output and exit codes."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "atomic_output"]

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[IO[bytes]]:
    """Yield a binary stream; a file appears at ``path`` only if the block finishes.

    ``-`` is standard output. Files are written to a temporary file in the same folder, synced,
    then renamed over ``path``: a failure leaves the previous file untouched and no partial file.
    Special files (``/dev/null``, a named pipe) are written directly: they cannot be replaced
    and hold no previous content to protect.
    """
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    if target.exists() and not target.is_file():
        with target.open("wb") as fh:
            yield fh
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
