"""Helpers shared by the ``notice-ld`` subcommands: atomic output and exit codes."""

from __future__ import annotations

import contextlib
import enum
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from notice_ld.errors import NoticeLdError

if TYPE_CHECKING:
    import argparse

    from notice_ld.identifiers.registry import Minter
    from notice_ld.readers import ReaderOptions

__all__ = [
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_USAGE",
    "RunEngine",
    "add_jobs",
    "add_record_limit",
    "atomic_output",
    "jobs_from",
    "reader_options",
]

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


def input_format_names() -> list[str]:
    """The ``--from`` choices: every input format's name (``csl_json`` also as ``csl-json``)."""
    from notice_ld.readers import InputFormat

    names = [f.value for f in InputFormat]
    return names + [name.replace("_", "-") for name in names if "_" in name]


def add_record_limit(parser: argparse.ArgumentParser) -> None:
    """``--max-record-bytes``: the per-record size limit of every reader."""
    from notice_ld.readers import DEFAULT_MAX_RECORD_BYTES

    parser.add_argument(
        "--max-record-bytes",
        type=int,
        default=DEFAULT_MAX_RECORD_BYTES,
        metavar="N",
        help=f"refuse a record (JSON Lines line, JSON item, CSV row, XML record) over N bytes "
        f"(default: {DEFAULT_MAX_RECORD_BYTES:,})",
    )


def reader_options(args: argparse.Namespace, minter: Minter | None = None) -> ReaderOptions:
    """The reader options the arguments name (see :func:`add_record_limit`)."""
    from notice_ld.readers import ReaderOptions

    return ReaderOptions(minter=minter, max_record_bytes=args.max_record_bytes)


class RunEngine(enum.StrEnum):
    """What runs the parts of a run (``--engine``): worker processes here, a Dask cluster, or Spark."""

    PROCESSES = "processes"
    DASK = "dask"
    SPARK = "spark"


def add_jobs(parser: argparse.ArgumentParser, *, engines: bool = True) -> None:
    """``--jobs N``: worker processes (the output is the same bytes whatever N); with ``engines``,
    also ``--engine processes|dask`` and ``--scheduler``."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (0: one per CPU); the output is byte for byte the same (default: 1)",
    )
    if not engines:
        return
    parser.add_argument(
        "--engine",
        dest="run_engine",
        choices=list(RunEngine),
        default=RunEngine.PROCESSES,
        type=RunEngine,
        help="what runs the parts: processes on this machine, Dask (pip install notice-ld[dask]) or "
        "Spark (pip install notice-ld[spark]; local[N], or Spark Connect at $SPARK_REMOTE)",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        help="with --engine dask: join this cluster (default: start a local one with --jobs workers)",
    )


def jobs_from(args: argparse.Namespace) -> int:
    """The number of workers ``--jobs`` asks for (0: one per usable CPU)."""
    if args.jobs < 0:
        raise NoticeLdError("--jobs must be 0 (one per CPU) or more")
    if args.jobs == 0:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return int(args.jobs)
