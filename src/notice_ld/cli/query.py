"""``notice-ld query``: run a SPARQL query against the store."""

from __future__ import annotations

import argparse
import json
import sys

from notice_ld.cli._common import EXIT_OK
from notice_ld.cli._store import add_store_options, open_from

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``query`` subcommand."""
    parser = commands.add_parser("query", help="run a SPARQL query against the store")
    parser.add_argument("sparql", help="the query text ('-' reads it from stdin)")
    parser.add_argument(
        "--json", action="store_true", help="SELECT rows as JSON Lines (default: tab-separated terms)"
    )
    add_store_options(parser, iris=False)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``query``: SELECT → a header and rows of N-Triples terms; ASK → true/false; graphs → N-Triples."""
    text = sys.stdin.read() if args.sparql == "-" else args.sparql
    store = open_from(args)
    try:
        result = store.query(text)
    finally:
        store.close()
    if result.kind == "ask":
        print("true" if result.boolean else "false")
    elif result.kind == "graph":
        for line in result.triples:
            print(line)
    elif args.json:
        for row in result.rows:
            print(json.dumps(dict(zip(result.variables, row, strict=True)), ensure_ascii=False))
    else:
        print("\t".join(f"?{v}" for v in result.variables))
        for row in result.rows:
            print("\t".join("" if cell is None else cell for cell in row))
    return EXIT_OK
