"""``notice-ld site``: a static web site of notices (pages, index, dumps, VoID/DCAT, sitemap)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from notice_ld.cli._common import (
    EXIT_OK,
    EXIT_REJECTED,
    add_record_limit,
    atomic_output,
    input_format_names,
    reader_options,
)
from notice_ld.cli._identity import add_person_identity_option, person_identity_from
from notice_ld.cli._registry import add_registry_options, minter_from, premint
from notice_ld.config import DEFAULT_BASE_IRI, Config
from notice_ld.errors import NoticeLdError, RecordError
from notice_ld.formats import Format
from notice_ld.languages import Language
from notice_ld.readers import InputFormat

if TYPE_CHECKING:
    from notice_ld.web.site import SiteReport

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``site`` subcommand."""
    parser = commands.add_parser("site", help="write a static web site of the notices")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="JSON Lines / JSON / oai_dc / CSV files")
    parser.add_argument("-o", "--output", required=True, help="the site folder (replaced when done)")
    parser.add_argument(
        "--from",
        dest="input_format",
        choices=input_format_names(),
        help="input format (default: found from the content)",
    )
    add_record_limit(parser)
    add_registry_options(parser, prefix=True)
    parser.add_argument(
        "--base-url",
        default="http://127.0.0.1:8080/",
        help="where the site is published (sitemap, VoID, canonical links; default: http://127.0.0.1:8080/)",
    )
    parser.add_argument(
        "--lang",
        default=Language.FR.value,
        choices=[lang.value for lang in Language],
        help="page language (default: fr)",
    )
    parser.add_argument(
        "--formats",
        default="all",
        help="per-notice files besides the page: comma-separated format names, or all (default)",
    )
    parser.add_argument(
        "--no-related",
        dest="related",
        action="store_false",
        help="no 'same authors/subjects' links (one pass)",
    )
    parser.add_argument("--related-limit", type=int, default=10, help="links per related list (default: 10)")
    parser.add_argument("--title", default="notice_ld dataset", help="the dataset's title (index, VoID)")
    parser.add_argument("--sparql-endpoint", default=None, help="SPARQL endpoint URL to announce in VoID")
    parser.add_argument("--license", default=None, help="the dataset's licence IRI (VoID/DCAT)")
    parser.add_argument("--base-iri", default=DEFAULT_BASE_IRI, help="base of minted IRIs")
    add_person_identity_option(parser)
    parser.add_argument(
        "--document-iri-template", default=None, help="document IRIs from a template with {id}"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        help="worker processes writing the pages (0: one per CPU; default: 1); same bytes",
    )
    parser.add_argument("--report", default=None, help="write a JSON report of rejected records here")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    parser.set_defaults(handler=run)


def _formats(text: str) -> list[Format] | None:
    if text.strip().lower() == "all":
        return None
    return [Format.from_name(name) for name in text.split(",") if name.strip()]


def _usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the OS says, else the count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run(args: argparse.Namespace) -> int:
    """Run ``site``."""
    from notice_ld.cli.convert import check_inputs

    check_inputs(args.inputs)
    if args.related and "-" in args.inputs:
        raise NoticeLdError("standard input can be read only once: give a file, or use --no-related")
    if args.related_limit < 1:
        raise NoticeLdError("--related-limit must be at least 1")
    if args.jobs < 0:
        raise NoticeLdError("--jobs must be 0 (one per CPU) or more")
    jobs = args.jobs or _usable_cpus()
    from notice_ld.pipeline import Pipeline

    config = Config(
        base_iri=args.base_iri,
        document_iri_template=args.document_iri_template,
        person_identity=person_identity_from(args),
    )
    pipeline = Pipeline(
        config=config,
        reader_options=reader_options(args, minter_from(args)),
        input_format=InputFormat.from_name(args.input_format) if args.input_format else None,
    )
    premint(pipeline, args.inputs, jobs=jobs, quiet=args.quiet)

    def source() -> Iterable[object]:
        return pipeline.outcomes(args.inputs)

    def rejected(error: RecordError) -> None:
        print(f"notice-ld: rejected {error}", file=sys.stderr)

    bars: dict[str, Any] = {}

    def progress(stage: str, count: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            from tqdm import tqdm

            label = "related-links index" if stage == "index" else "pages"
            bar = bars[stage] = tqdm(desc=label, unit=" notices", file=sys.stderr, leave=False)
        bar.update(count - bar.n)

    show = not args.quiet and sys.stderr.isatty()
    try:
        report = _build(args, source, rejected, config, jobs, progress if show else None)
    finally:
        for bar in bars.values():
            bar.close()
    return _summary(args, report)


def _build(
    args: argparse.Namespace,
    source: Callable[[], Iterable[object]],
    rejected: Callable[[RecordError], None],
    config: Config,
    jobs: int,
    progress: Callable[[str, int], None] | None,
) -> SiteReport:
    from notice_ld.web.site import build_site

    return build_site(
        source,
        args.output,
        base_url=args.base_url,
        lang=args.lang,
        config=config,
        formats=_formats(args.formats),
        related=args.related,
        related_limit=args.related_limit,
        title=args.title,
        sparql_endpoint=args.sparql_endpoint,
        license_iri=args.license,
        on_error=rejected,
        jobs=jobs,
        on_progress=progress,
    )


def _summary(args: argparse.Namespace, report: SiteReport) -> int:
    if args.report:
        data = {
            "pages": report.pages,
            "rejected": report.rejected,
            "errors": [e.as_dict() for e in report.errors],
        }
        with atomic_output(args.report) as out:
            out.write((json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    if not args.quiet:
        print(
            f"notice-ld: site {args.output}: {report.pages} pages, {report.files} files, "
            f"{report.distinct_triples} triples, {report.rejected} rejected",
            file=sys.stderr,
        )
    return EXIT_REJECTED if report.errors else EXIT_OK
