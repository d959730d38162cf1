"""``notice-ld harvest``: OAI-PMH ``ListRecords`` into a JSON Lines file of notices.

Records stream page after page (resumption tokens) into the output, which is written
atomically: a harvest that fails leaves no partial file and does not move the incremental state.
Rejected records, deleted records and unmapped values are summarised on stderr and listed in
the ``--report`` JSON file. Exit status: 0 success, 1 some records rejected, 2 usage error or a
harvest that could not complete.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from notice_ld.cli._common import EXIT_OK, EXIT_REJECTED, add_jobs, atomic_output, jobs_from
from notice_ld.cli._registry import add_registry_options, minter_from
from notice_ld.oai_formats import MetadataPrefix

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``harvest`` subcommand."""
    parser = commands.add_parser("harvest", help="harvest an OAI-PMH repository (ListRecords) into notices")
    parser.add_argument("endpoint", metavar="URL", help="the repository's OAI-PMH base URL")
    parser.add_argument("--set", dest="set_spec", default=None, help="harvest only this set (setSpec)")
    parser.add_argument(
        "--from", dest="from_date", default=None, help="records changed on or after this date"
    )
    parser.add_argument("--until", default=None, help="records changed on or before this date")
    parser.add_argument(
        "--metadata-prefix",
        type=_metadata_prefix,
        choices=list(MetadataPrefix),
        default=MetadataPrefix.OAI_DC,
        metavar="{" + ",".join(MetadataPrefix) + "}",
        help="metadata format, each read by its reader (default: oai_dc)",
    )
    parser.add_argument(
        "--prefix", default=None, help="Handle prefix: mint ids from OAI identifiers for records without one"
    )
    add_registry_options(parser)
    parser.add_argument("-o", "--output", default="-", help="JSON Lines output file (default: stdout)")
    parser.add_argument(
        "--load",
        action="store_true",
        help="load the notices straight into the embedded store (--store) instead of writing JSON Lines; "
        "deleted records remove their notice's graph",
    )
    parser.add_argument(
        "--store", default="notice-ld-store", help="embedded store for --load (default: ./notice-ld-store)"
    )
    parser.add_argument(
        "--state",
        default=None,
        help="incremental state file: --from defaults to the last datestamp harvested, updated on success",
    )
    parser.add_argument(
        "--report", default=None, help="write a JSON report (errors, deletions, residue) here"
    )
    parser.add_argument("--max-retries", type=int, default=5, help="retries per request (default: 5)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request (default: 60)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    add_jobs(parser, engines=False)  # pages fetched in order here, mapped on N workers
    parser.set_defaults(handler=run)


def _metadata_prefix(text: str) -> MetadataPrefix:
    try:
        return MetadataPrefix.from_name(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    """Run ``harvest``."""
    from notice_ld.harvest import Harvester, HarvestReport, HarvestState, JsonlSink, RetryPolicy, harvest_into
    from notice_ld.readers import ReaderOptions
    from notice_ld.readers.outcomes import residue_summary

    state = HarvestState(args.state) if args.state else None
    from_date = args.from_date
    if from_date is None and state is not None:
        from_date = state.get(args.endpoint, args.set_spec, args.metadata_prefix)
    # the records come once, in the repository's order: each new key is minted as it comes
    options = ReaderOptions(minter=minter_from(args, args.store if args.load else None))
    harvester = Harvester(
        args.endpoint,
        metadata_prefix=args.metadata_prefix,
        set_spec=args.set_spec,
        from_date=from_date,
        until=args.until,
        options=options,
        retry=RetryPolicy(max_retries=max(0, args.max_retries), timeout=args.timeout),
    )
    report = HarvestReport()
    jobs = jobs_from(args)
    if jobs > 1 and options.minter is not None:
        print("notice-ld: note: running on one core (--prefix mints in record order)", file=sys.stderr)
        jobs = 1
    if args.load:
        return _load(args, harvester, report, from_date, state, jobs)
    show = not args.quiet and sys.stderr.isatty()
    with atomic_output(args.output) as out:
        if jobs > 1:
            from notice_ld.harvest import PageUse, harvest_parallel

            for page in harvest_parallel(harvester, PageUse.JSONL, jobs=jobs):
                out.write(page.jsonl)
                page.add_to(report)
            out.flush()
        elif show:
            from tqdm import tqdm

            with tqdm(unit=" records", file=sys.stderr, leave=False) as bar:

                def tick(outcome: object) -> None:
                    if harvester.complete_list_size is not None and bar.total is None:
                        bar.total = harvester.complete_list_size
                    if type(outcome).__name__ != "Residue":
                        bar.update()

                harvest_into(harvester.outcomes(), JsonlSink(out), report, on_outcome=tick)
        else:
            harvest_into(harvester.outcomes(), JsonlSink(out), report)
    if state is not None and harvester.last_datestamp is not None:
        state.set(args.endpoint, args.set_spec, args.metadata_prefix, harvester.last_datestamp)
        state.save()
    if args.report:
        with atomic_output(args.report) as fh:
            fh.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    for error in report.errors:
        print(f"notice-ld: rejected {error}", file=sys.stderr)
    if not args.quiet:
        where = "" if args.output == "-" else f" to {args.output}"
        since = f" (from {from_date})" if from_date else ""
        print(
            f"notice-ld: harvested {report.notices} notices{since}{where} in {harvester.pages} pages, "
            f"{len(report.errors)} rejected, {len(report.deletions)} deleted",
            file=sys.stderr,
        )
        for line in residue_summary(report.residues):
            print(f"notice-ld: {line}", file=sys.stderr)
    return EXIT_REJECTED if report.errors else EXIT_OK


def _load(
    args: argparse.Namespace, harvester: Any, report: Any, from_date: str | None, state: Any, jobs: int = 1
) -> int:
    """``harvest --load``: stream the harvest into the embedded store (validated, incremental)."""
    from notice_ld.harvest import harvest_into
    from notice_ld.pipeline import Pipeline
    from notice_ld.stores import EmbeddedOptions, StoreKind, open_store

    outcomes: list[Any] = []

    class _Tee:
        """A sink that hands every notice and deletion on to the store loader (the report counts)."""

        def add(self, notice: Any) -> None:
            outcomes.append(notice)

        def delete(self, deletion: Any) -> None:
            outcomes.append(deletion)

        def close(self) -> None:
            pass

    def stream() -> Any:
        if jobs > 1:  # pages mapped, hashed and validated on workers, loaded in page order
            from notice_ld.harvest import PageUse, harvest_parallel

            for page in harvest_parallel(harvester, PageUse.LOAD, jobs=jobs):
                page.add_to(report)
                yield from page.prepared
            return
        # harvest page by page: each page's outcomes go to the loader before the next is fetched
        for outcome in harvester.outcomes():
            harvest_into(iter([outcome]), _Tee(), report)
            yield from outcomes
            outcomes.clear()

    store = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(args.store))
    try:
        loaded = Pipeline().load_outcomes(stream(), store)
    finally:
        store.close()
    if state is not None and harvester.last_datestamp is not None:
        state.set(args.endpoint, args.set_spec, args.metadata_prefix, harvester.last_datestamp)
        state.save()
    if args.report:
        with atomic_output(args.report) as fh:
            data = {**report.as_dict(), "load": loaded.as_dict()}
            fh.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    for error in report.errors + loaded.invalid + loaded.refused:
        print(f"notice-ld: rejected {error}", file=sys.stderr)
    if not args.quiet:
        since = f" (from {from_date})" if from_date else ""
        counts = loaded.counts()
        print(
            f"notice-ld: harvested {report.notices} notices{since} into {args.store}: "
            f"{counts['added']} added, {counts['changed']} changed, {counts['unchanged']} unchanged, "
            f"{counts['removed']} removed; {len(report.errors) + len(loaded.invalid)} rejected, "
            f"{len(report.deletions)} deleted at the source",
            file=sys.stderr,
        )
    return EXIT_REJECTED if report.errors or loaded.invalid or loaded.refused else EXIT_OK
