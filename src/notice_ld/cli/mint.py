"""``notice-ld mint``: Handle-style identifiers ``PREFIX/1.xxxxxx`` from stable keys."""

from __future__ import annotations

import argparse
import sys

from notice_ld.cli._common import EXIT_OK
from notice_ld.errors import NoticeLdError

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``mint`` subcommand."""
    parser = commands.add_parser(
        "mint", help="mint Handle-style identifiers PREFIX/1.xxxxxx from stable keys"
    )
    parser.add_argument(
        "keys",
        nargs="+",
        metavar="KEY",
        help="stable source keys (e.g. OAI identifiers); '-' reads lines from stdin",
    )
    parser.add_argument("--prefix", required=True, help="the Handle prefix, e.g. 10670")
    parser.add_argument(
        "--issued",
        default=None,
        help="TSV file of identifiers already issued: HANDLE<TAB>KEY per line (checked for collisions)",
    )
    parser.set_defaults(handler=run)


def read_issued(path: str) -> dict[str, str]:
    """Read a ``HANDLE<TAB>KEY`` file (``#`` comments and blank lines allowed)."""
    issued: dict[str, str] = {}
    with open(path, encoding="utf-8-sig") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            handle, sep, key = line.rstrip("\n").partition("\t")
            if not sep:
                raise NoticeLdError(f"{path}:{number}: expected HANDLE<TAB>KEY")
            issued[handle.strip()] = key
    return issued


def run(args: argparse.Namespace) -> int:
    """Run ``mint``."""
    from notice_ld.identifiers import HandleMinter

    minter = HandleMinter(args.prefix, issued=read_issued(args.issued) if args.issued else None)
    keys: list[str] = []
    for key in args.keys:
        if key == "-":
            keys.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            keys.append(key)
    for key in keys:
        print(minter.mint(key))
    return EXIT_OK
