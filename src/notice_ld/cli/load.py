"""``notice-ld load``: load notices into a triple store (the embedded one by default).

One named graph per notice, replace semantics; only notices whose content changed are sent.
Prints added / changed / unchanged / removed. Exit status: 0 all loaded, 1 some records were
rejected (unreadable, not valid, or refused by the server), 2 usage or store error.
"""

from __future__ import annotations

import argparse
import json
import sys

from notice_ld.cli._common import EXIT_OK, EXIT_REJECTED, atomic_output
from notice_ld.cli._registry import add_registry_options, premint
from notice_ld.cli._store import add_store_options, open_from, resume_path
from notice_ld.cli.convert import add_mapping_options, check_inputs, pipeline_from
from notice_ld.errors import StoreError

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``load`` subcommand."""
    parser = commands.add_parser("load", help="load notices into a triple store (one named graph each)")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="JSON Lines / JSON files ('-' for stdin)")
    parser.add_argument("--sync", action="store_true", help="also remove graphs of notices not in the input")
    parser.add_argument("--no-validate", action="store_true", help="do not validate before loading")
    parser.add_argument("--batch", type=int, default=500, help="notices per batch (default: 500)")
    parser.add_argument("--resume", default=None, help="resume file of a server load (default: per endpoint)")
    parser.add_argument("--report", default=None, help="write a JSON report here")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    add_mapping_options(parser)
    add_registry_options(parser, prefix=True)
    add_store_options(parser, iris=False)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``load``."""
    pipeline = pipeline_from(args, validate=not args.no_validate)
    check_inputs(args.inputs)
    premint(pipeline, args.inputs, quiet=args.quiet)
    resume = args.resume or (resume_path(args.endpoint) if args.endpoint else None)
    try:
        store = open_from(args, resume=resume)
        try:
            report = pipeline.load(args.inputs, store, sync=args.sync, batch=args.batch)
        finally:
            store.close()
    except StoreError as exc:
        if args.report:  # what was loaded before the store gave up (nothing, if it never opened)
            from notice_ld.stores.load import LoadReport

            data = exc.report or {**LoadReport().as_dict(), "completed": False, "error": str(exc)}
            with atomic_output(args.report) as fh:
                fh.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
        raise
    for warning in report.warnings:
        print(f"notice-ld: warning: {warning}", file=sys.stderr)
    for error in report.rejected + report.invalid + report.refused:
        print(f"notice-ld: rejected {error}", file=sys.stderr)
    if report.sync_skipped:
        print(f"notice-ld: --sync removed nothing: {report.sync_skipped}", file=sys.stderr)
    if args.report:
        with atomic_output(args.report) as fh:
            fh.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    if not args.quiet:
        where = args.endpoint or args.store
        c = report.counts()
        print(
            f"notice-ld: {c['added']} added, {c['changed']} changed, {c['unchanged']} unchanged, "
            f"{c['removed']} removed, {c['rejected'] + c['invalid'] + c['refused']} rejected — {where}",
            file=sys.stderr,
        )
    failed = report.rejected or report.invalid or report.refused
    return EXIT_REJECTED if failed else EXIT_OK
