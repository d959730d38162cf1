"""``notice-ld related``: notices by the same authors, on the same subjects or disciplines."""

from __future__ import annotations

import argparse
import json

from notice_ld.cli._common import EXIT_OK
from notice_ld.cli._store import add_store_options, config_for, open_from
from notice_ld.related import RelatedBy

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``related`` subcommand."""
    parser = commands.add_parser("related", help="notices sharing creators, subjects or disciplines")
    parser.add_argument("identifier", metavar="ID", help="the notice's identifier, e.g. 10670/1.jt89mr")
    parser.add_argument("--by", choices=[by.value for by in RelatedBy], default=RelatedBy.CREATORS.value)
    parser.add_argument("--limit", type=int, default=20, help="at most this many (default: 20)")
    parser.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``related``: one line per notice, ``shared<TAB>IRI<TAB>title``."""
    from notice_ld.stores.queries import related

    store = open_from(args)
    try:
        found = related(store, args.identifier, RelatedBy(args.by), limit=args.limit, config=config_for(args))
    finally:
        store.close()
    for item in found:
        if args.json:
            print(
                json.dumps({"iri": item.iri, "shared": item.shared, "title": item.title}, ensure_ascii=False)
            )
        else:
            print(f"{item.shared}\t{item.iri}\t{item.title or ''}")
    return EXIT_OK
