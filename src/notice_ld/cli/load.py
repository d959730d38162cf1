"""``notice-ld load``: load notices into a triple store (the embedded one by default).

One named graph per notice, replace semantics; only notices whose content changed are sent.
Prints added / changed / unchanged / removed. ``--jobs N`` reads, maps and validates on N
worker processes while this one writes (the same store content and report as one process);
``--connections N`` sends up to N batches at once to a server. Exit status: 0 all loaded, 1 some records were
rejected (unreadable, not valid, or refused by the server), 2 usage or store error.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from notice_ld.cli._common import EXIT_OK, EXIT_REJECTED, add_jobs, atomic_output, jobs_from
from notice_ld.cli._registry import add_registry_options, premint
from notice_ld.cli._store import add_store_options, open_from, resume_path
from notice_ld.cli.convert import add_mapping_options, check_inputs, pipeline_from
from notice_ld.errors import NoticeLdError, StoreError

if TYPE_CHECKING:
    from notice_ld.pipeline import Pipeline
    from notice_ld.stores import Store
    from notice_ld.stores.load import LoadReport

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
    parser.add_argument(
        "--connections",
        type=int,
        default=1,
        metavar="N",
        help="with --endpoint: send up to N batches at once, one connection each (default: 1)",
    )
    add_jobs(parser, engines=False)
    add_mapping_options(parser)
    add_registry_options(parser, prefix=True)
    add_store_options(parser, iris=False)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``load``."""
    pipeline = pipeline_from(args, validate=not args.no_validate)
    check_inputs(args.inputs)
    premint(pipeline, args.inputs, quiet=args.quiet)
    jobs = jobs_from(args)
    if jobs > 1 and "-" in args.inputs:
        print("notice-ld: note: running on one core (standard input is read once)", file=sys.stderr)
        jobs = 1
    if args.connections < 1:
        raise NoticeLdError("--connections must be 1 or more")
    resume = args.resume or (resume_path(args.endpoint) if args.endpoint else None)
    try:
        store = open_from(args, resume=resume)
        try:
            report = _load(args, pipeline, store, jobs)
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


def _load(args: argparse.Namespace, pipeline: Pipeline, store: Store, jobs: int) -> LoadReport:
    """Read, map and validate on ``jobs`` worker processes (``--jobs``), write from this one."""
    if jobs > 1:
        from notice_ld.stores.parallel import load_parallel

        return load_parallel(
            pipeline,
            args.inputs,
            store,
            jobs=jobs,
            sync=args.sync,
            batch=args.batch,
            connections=args.connections,
        )
    from notice_ld.stores.load import load

    return load(
        store,
        pipeline.outcomes(args.inputs),
        config=pipeline.config,
        sync=args.sync,
        validate=pipeline.validation is not None,
        max_notices=max(1, args.batch),
        connections=args.connections,
    )
