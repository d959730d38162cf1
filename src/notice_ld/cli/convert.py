"""``notice-ld convert``: stream notices through the mapping into one serialization.

Rejected records are reported on stderr (record, field, problem, fix) and, with ``--report``,
in a JSON file. Exit status: 0 all notices went through, 1 some were rejected, 2 usage error.
The output file is written atomically.

Every notice is validated against the SHACL shapes of the profiles it is mapped to (the fast
engine, on the notice's own triples): a notice with violations is not written and its report is
(stderr and ``--report``); warnings are reported and the notice goes through. ``--no-validate``
skips validation, ``--keep-invalid`` writes notices with violations anyway (still reported, exit
status 1), ``--shapes FILE`` and ``--shapes-profile google-article`` add shapes, ``--report-lang fr``
gives the messages in French.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from notice_ld.cli._common import (
    EXIT_OK,
    EXIT_REJECTED,
    RunEngine,
    add_jobs,
    add_record_limit,
    atomic_output,
    input_format_names,
    jobs_from,
    reader_options,
)
from notice_ld.cli._identity import add_person_identity_option, person_identity_from
from notice_ld.cli._registry import add_registry_options, minter_from, mints_in_order, premint
from notice_ld.config import DEFAULT_BASE_IRI, Config, Profile
from notice_ld.errors import NoticeLdError, UnknownFormatError
from notice_ld.formats import Format
from notice_ld.languages import Language
from notice_ld.pipeline import Pipeline, RunReport, Validation
from notice_ld.readers import InputFormat

if TYPE_CHECKING:
    from notice_ld.mapping import NoticeGraph
    from notice_ld.pipeline.parallel import Executor

__all__ = ["register"]


def add_mapping_options(parser: argparse.ArgumentParser) -> None:
    """Options every command that maps notices shares (profiles, IRIs, input format)."""
    parser.add_argument(
        "--from",
        dest="input_format",
        choices=input_format_names(),
        help="input format (default: found from the content)",
    )
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        help="dcterms, bibo, schema or all; repeat or comma-separate (default: all)",
    )
    parser.add_argument(
        "--base-iri", default=DEFAULT_BASE_IRI, help=f"base of minted IRIs (default: {DEFAULT_BASE_IRI})"
    )
    parser.add_argument(
        "--document-iri-template",
        default=None,
        help="document IRIs from a template with {id}, e.g. https://isidore.science/document/{id}",
    )
    add_person_identity_option(parser)
    add_record_limit(parser)


def config_from(args: argparse.Namespace) -> Config:
    """The mapping configuration named by :func:`add_mapping_options`."""
    profiles = Profile.parse_many(args.profile or ["all"])
    return Config(
        base_iri=args.base_iri,
        document_iri_template=args.document_iri_template,
        profiles=profiles,
        person_identity=person_identity_from(args),
    )


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``convert`` subcommand."""
    parser = commands.add_parser("convert", help="map notices to RDF and write one serialization")
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="JSON Lines, JSON, OAI-PMH XML or CSV ('-': stdin)"
    )
    parser.add_argument(
        "-f",
        "--format",
        default=None,
        help=f"{', '.join(f.value for f in Format)} (default: from the -o file's extension, else turtle)",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        help="output file (default: stdout), or a folder (ending with /) for part files, a manifest and "
        "the report; rerun to resume, `notice-ld merge` to join",
    )
    parser.add_argument(
        "--compress", action="store_true", help="with -o FOLDER/: gzip the part files (zcat joins them)"
    )
    parser.add_argument("--lang", default=None, help="page language of the schema-jsonld view (e.g. fr)")
    add_mapping_options(parser)
    parser.add_argument(
        "--prefix", default=None, help="Handle prefix: mint ids from OAI identifiers for records without one"
    )
    add_registry_options(parser)
    parser.add_argument("--report", default=None, help="write a JSON report of rejected records here")
    parser.add_argument("--no-validate", dest="validate", action="store_false", help="skip SHACL validation")
    parser.add_argument(
        "--keep-invalid",
        action="store_true",
        help="write notices with violations too (still reported, exit 1)",
    )
    parser.add_argument(
        "--shapes", action="append", default=[], metavar="FILE", help="also validate with this shapes file"
    )
    parser.add_argument(
        "--shapes-profile",
        action="append",
        default=[],
        metavar="NAME",
        help="also validate with a shipped profile, e.g. google-article",
    )
    parser.add_argument(
        "--report-lang",
        default=Language.EN.value,
        choices=[lang.value for lang in Language],
        help="language of validation messages (default: en)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    add_jobs(parser)
    parser.set_defaults(handler=run)


def echo(line: str) -> None:
    """Print one line of a run (a rejected record, a warning) on standard error."""
    print(f"notice-ld: {line}", file=sys.stderr)


def check_inputs(inputs: list[str]) -> None:
    """Fail early (usage error) when an input file does not exist."""
    for name in inputs:
        if name != "-" and not Path(name).is_file():
            raise NoticeLdError(f"input file not found: {name}")


def pipeline_from(args: argparse.Namespace, *, validate: bool = True) -> Pipeline:
    """The pipeline the arguments of a command describe (mapping, reading, validation)."""
    minter = minter_from(args, getattr(args, "store", None))
    validation = None
    if validate:
        validation = Validation(
            extra_profiles=tuple(getattr(args, "shapes_profile", ())),
            shapes=tuple(getattr(args, "shapes", ())),
            lang=getattr(args, "report_lang", Language.EN),
            keep_invalid=getattr(args, "keep_invalid", False),
        )
    return Pipeline(
        config=config_from(args),
        validation=validation,
        reader_options=reader_options(args, minter),
        input_format=InputFormat.from_name(args.input_format) if args.input_format else None,
        keep_results=bool(getattr(args, "report", None)),
        quiet=getattr(args, "quiet", False),
        echo=echo,
    )


def _output_format(name: str | None, output: str) -> Format:
    """``-f``, else the format the output file's extension names (``out.nt``), else Turtle."""
    if name is not None:
        return Format.from_name(name)
    if output != "-" and not output.endswith(("/", os.sep)) and "." in Path(output).name:
        try:
            return Format.from_extension(output)
        except UnknownFormatError:
            pass
    return Format.TURTLE


def run(args: argparse.Namespace) -> int:
    """Run ``convert``."""
    fmt = _output_format(args.format, args.output)
    pipeline = pipeline_from(args, validate=args.validate)
    check_inputs(args.inputs)
    jobs = jobs_from(args)
    in_order = mints_in_order(pipeline)  # --prefix --no-registry: key by key, in input order
    if jobs > 1 and (in_order or "-" in args.inputs):
        why = "--no-registry mints in input order" if in_order else "standard input is read once"
        print(f"notice-ld: note: running on one core ({why})", file=sys.stderr)
        jobs = 1
    dask = args.run_engine is RunEngine.DASK or args.scheduler is not None
    spark = args.run_engine is RunEngine.SPARK and args.scheduler is None
    if (dask or spark) and (in_order or "-" in args.inputs):
        engine = "spark" if spark else "dask"
        raise NoticeLdError(f"--engine {engine} reads files in parts: give files, and no --no-registry")
    if dask and args.prefix and args.scheduler is not None:
        raise NoticeLdError("--prefix with --scheduler: a remote cluster cannot read this machine's registry")
    premint(pipeline, args.inputs, jobs=jobs, quiet=args.quiet)
    with ExitStack() as stack:
        executor: Executor | None = None
        if dask:
            from notice_ld.pipeline.on_dask import dask_executor

            executor = stack.enter_context(dask_executor(jobs, args.scheduler))
        elif spark:
            from notice_ld.pipeline.on_spark import SparkExecutor, spark_session

            executor = SparkExecutor(stack.enter_context(spark_session(jobs)))
        if args.output.endswith(("/", os.sep)) or Path(args.output).is_dir():
            return to_directory(args, pipeline, fmt, jobs, executor)
        if args.compress:
            raise NoticeLdError("--compress writes part files: give a folder with -o FOLDER/")
        if jobs > 1 or executor is not None:
            from notice_ld.pipeline.parallel import convert_parallel

            with atomic_output(args.output) as out:
                report = convert_parallel(
                    pipeline, args.inputs, {fmt: out}, jobs=jobs, lang=args.lang, executor=executor
                )
            return finish(args, fmt, report)
    with atomic_output(args.output) as out:
        progress = None
        if not args.quiet and sys.stderr.isatty():
            from tqdm import tqdm

            def progress(graphs: Iterator[NoticeGraph]) -> Iterator[NoticeGraph]:
                with tqdm(graphs, unit=" notices", file=sys.stderr, leave=False) as bar:
                    yield from bar

        report = pipeline.convert(args.inputs, {fmt: out}, lang=args.lang, progress=progress)
    return finish(args, fmt, report)


def to_directory(
    args: argparse.Namespace, pipeline: Pipeline, fmt: Format, jobs: int, executor: Executor | None = None
) -> int:
    """``convert -o FOLDER/``: part files, manifest and report (see :mod:`notice_ld.pipeline.directory`)."""
    from notice_ld.pipeline.directory import convert_to_directory

    if "-" in args.inputs:
        raise NoticeLdError(
            "a folder output is resumable, and standard input cannot be read again: give files"
        )
    report = convert_to_directory(
        pipeline,
        args.inputs,
        args.output,
        fmt,
        jobs=jobs,
        lang=args.lang,
        compress=args.compress,
        executor=executor,
    )
    if args.report:
        with atomic_output(args.report) as fh:
            fh.write(json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    if not args.quiet:
        print(
            f"notice-ld: {report['converted']} notices written as {fmt.value} to {args.output} "
            f"(part files, manifest.json, report.json), {report['rejected']} rejected"
            + (f", {report['deleted']} deleted records skipped" if report["deleted"] else ""),
            file=sys.stderr,
        )
    return EXIT_REJECTED if report["rejected"] or report["invalid"] else EXIT_OK


def finish(args: argparse.Namespace, fmt: Format, report: RunReport) -> int:
    """Write the report, print the summary, give the exit status."""
    if args.report:
        with atomic_output(args.report) as fh:
            fh.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    if not args.quiet:
        summary(args, fmt, report)
    return EXIT_REJECTED if report.failed else EXIT_OK


def summary(args: argparse.Namespace, fmt: Format, report: RunReport) -> None:
    """The closing lines of ``convert`` on standard error."""
    where = "" if args.output == "-" else f" to {args.output}"
    print(
        f"notice-ld: {report.converted} notices written as {fmt.value}{where}, "
        f"{report.rejected} rejected"
        + (f", {len(report.deletions)} deleted records skipped" if report.deletions else "")
        + (
            f"; validation ({report.engine}): {report.invalid} with violations"
            + (" (written anyway)" if args.keep_invalid else " (not written)")
            + f", {report.severities['Warning']} warnings"
            if args.validate
            else "; not validated"
        ),
        file=sys.stderr,
    )
    from notice_ld.readers.outcomes import residue_summary

    for line in residue_summary(report.residues):
        print(f"notice-ld: {line}", file=sys.stderr)
