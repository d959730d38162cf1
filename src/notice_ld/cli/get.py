"""``notice-ld get``: a notice's graph from the store, in any format, or the notice rebuilt from it."""

from __future__ import annotations

import argparse
import json
import sys

from notice_ld.cli._common import EXIT_OK, EXIT_REJECTED, atomic_output
from notice_ld.cli._store import add_store_options, config_for, open_from
from notice_ld.formats import Format

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``get`` subcommand."""
    parser = commands.add_parser("get", help="a notice's graph from the store (or the notice rebuilt)")
    parser.add_argument("identifier", metavar="ID", help="the notice's identifier, e.g. 10670/1.jt89mr")
    parser.add_argument(
        "-f",
        "--format",
        default="turtle",
        help=f"{', '.join(f.value for f in Format)}, or 'notice' for the notice's JSON (default: turtle)",
    )
    parser.add_argument("--lang", default=None, help="page language of the schema-jsonld view")
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``get``; exit 1 when the store has no such notice."""
    from notice_ld.stores.queries import get
    from notice_ld.writers import writer

    fmt = None if args.format == "notice" else Format.from_name(args.format)
    store = open_from(args)
    try:
        graph = get(store, args.identifier, config=config_for(args))
    finally:
        store.close()
    if graph is None:
        print(f"notice-ld: the store has no notice {args.identifier}", file=sys.stderr)
        return EXIT_REJECTED
    with atomic_output(args.output) as out:
        if fmt is None:
            text = json.dumps(graph.notice.to_dict(), ensure_ascii=False, indent=2) + "\n"
            out.write(text.encode("utf-8"))
        else:
            writer(fmt)([graph], out, args.lang)
    return EXIT_OK
