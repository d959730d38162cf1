"""``notice-ld mint``: Handle-style identifiers ``PREFIX/1.xxxxxx`` from stable keys, recorded in the
Handle registry (``--registry FILE``, default ``./notice-ld-handles.sqlite``), which also imports
and exports the ``HANDLE<TAB>KEY`` TSV (``--import``, ``--export``)."""

from __future__ import annotations

import argparse
import io
import sys

from notice_ld.cli._common import EXIT_OK, EXIT_REJECTED
from notice_ld.cli._registry import add_registry_options, default_registry
from notice_ld.errors import NoticeLdError, RecordError

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``mint`` subcommand."""
    parser = commands.add_parser(
        "mint", help="mint Handle-style identifiers PREFIX/1.xxxxxx from stable keys"
    )
    parser.add_argument(
        "keys",
        nargs="*",
        metavar="KEY",
        help="stable source keys (e.g. OAI identifiers); '-' reads lines from stdin",
    )
    parser.add_argument("--prefix", required=True, help="the Handle prefix, e.g. 10670")
    parser.add_argument(
        "--issued",
        default=None,
        help="TSV file of identifiers already issued: HANDLE<TAB>KEY per line (checked for collisions; "
        "imported into the registry when --registry is given, else used without a registry)",
    )
    add_registry_options(parser)
    parser.add_argument(
        "--import",
        dest="import_tsv",
        default=None,
        metavar="TSV",
        help="record the HANDLE<TAB>KEY lines of this file in the registry first",
    )
    parser.add_argument(
        "--export",
        dest="export_tsv",
        default=None,
        metavar="TSV",
        help="write the whole registry as HANDLE<TAB>KEY lines here ('-': stdout) at the end",
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
    keys: list[str] = []
    for key in args.keys:
        if key == "-":
            keys.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            keys.append(key)
    if args.no_registry and args.registry:
        raise NoticeLdError("--registry and --no-registry contradict each other: give one")
    if args.no_registry or (args.issued and not args.registry):
        if args.import_tsv or args.export_tsv:
            raise NoticeLdError("--import and --export work on the registry: leave out --no-registry")
        from notice_ld.identifiers import HandleMinter

        minter = HandleMinter(args.prefix, issued=read_issued(args.issued) if args.issued else None)
        for key in keys:
            print(minter.mint(key))
        return EXIT_OK
    return _with_registry(args, keys)


def _with_registry(args: argparse.Namespace, keys: list[str]) -> int:
    """``mint`` with the registry: import, mint the keys as one batch, export."""
    from notice_ld.cli._common import atomic_output
    from notice_ld.identifiers.registry import HandleRegistry, check_key

    failed = False
    with HandleRegistry(args.registry or default_registry(), args.prefix) as registry:
        for name in (args.issued, args.import_tsv):
            if name:
                with open(name, encoding="utf-8-sig") as fh:
                    report = registry.import_tsv(fh, name)
                for error in report.errors:
                    print(f"notice-ld: rejected {error}", file=sys.stderr)
                failed = failed or bool(report.errors)
        good: list[str] = []
        for key in keys:
            try:
                check_key(key)
            except RecordError as error:
                print(f"notice-ld: rejected {error}", file=sys.stderr)
                failed = True
            else:
                good.append(key)
        handles = registry.mint_many(good)
        for key in good:
            print(handles[key])
        if args.export_tsv:
            with atomic_output(args.export_tsv) as out:
                text = io.StringIO()
                registry.export_tsv(text)
                out.write(text.getvalue().encode("utf-8"))
    return EXIT_REJECTED if failed else EXIT_OK
