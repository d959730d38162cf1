"""The ``notice-ld`` command line: one module per subcommand, listed in :data:`COMMANDS`.

Each subcommand module has ``register(subparsers)``, which adds its parser and sets
``handler`` to the function that runs it. Exit status: 0 success, 1 some records rejected (or,
for ``validate``, violations), 2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from notice_ld.cli._common import EXIT_USAGE
from notice_ld.errors import NoticeLdError

__all__ = ["COMMANDS", "main"]

COMMANDS: tuple[str, ...] = (
    "convert",
    "merge",
    "validate",
    "mint",
    "cite",
    "harvest",
    "load",
    "related",
    "query",
    "get",
    "site",
    "serve",
)
"""Subcommand modules under ``notice_ld.cli``, in the order ``--help`` lists them."""


def _version() -> str:
    try:
        return version("notice-ld")
    except PackageNotFoundError:  # running from a source checkout
        return "0+unknown"


def parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    top = argparse.ArgumentParser(
        prog="notice-ld", description="Publish bibliographic records (notices) as linked data."
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"notice_ld.cli.{name}").register(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    if argv is None:  # the notice-ld process itself (not a library caller): tune the collector
        # Notices make few reference cycles; the default collector spends 13-18 % of a convert
        # scanning long-lived imports and caches. Freeze what is loaded, collect less often.
        gc.freeze()
        gc.set_threshold(50_000, 20, 20)
    try:
        status: int = args.handler(args)
        return status
    except (NoticeLdError, OSError) as exc:
        print(f"notice-ld: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("notice-ld: interrupted; no output file was written", file=sys.stderr)
        return 130
