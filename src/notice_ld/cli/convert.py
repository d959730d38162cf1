"""``notice-ld convert``: stream notices through the mapping into one serialization.

Rejected records are reported on stderr (record, field, problem, fix) and, with ``--report``,
in a JSON file. Exit status: 0 all notices went through, 1 some were rejected, 2 usage error.
The output file is written atomically.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from notice_ld.cli._common import EXIT_OK, EXIT_REJECTED, atomic_output
from notice_ld.config import DEFAULT_BASE_IRI, Config, Profile
from notice_ld.errors import NoticeLdError, RecordError
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.readers import InputFormat, read_path

__all__ = ["register"]


def add_mapping_options(parser: argparse.ArgumentParser) -> None:
    """Options every command that maps notices shares (profiles, IRIs, input format)."""
    parser.add_argument(
        "--from",
        dest="input_format",
        choices=[f.value for f in InputFormat],
        help="input format (default: from the file name)",
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


def config_from(args: argparse.Namespace) -> Config:
    """The mapping configuration named by :func:`add_mapping_options`."""
    profiles = Profile.parse_many(args.profile or ["all"])
    return Config(base_iri=args.base_iri, document_iri_template=args.document_iri_template, profiles=profiles)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``convert`` subcommand."""
    parser = commands.add_parser("convert", help="map notices to RDF and write one serialization")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="JSON Lines / JSON files ('-' for stdin)")
    parser.add_argument(
        "-f", "--format", default="turtle", help=f"{', '.join(f.value for f in Format)} (default: turtle)"
    )
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    parser.add_argument("--lang", default=None, help="page language of the schema-jsonld view (e.g. fr)")
    add_mapping_options(parser)
    parser.add_argument("--report", default=None, help="write a JSON report of rejected records here")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    parser.set_defaults(handler=run)


class Tally:
    """Counts notices and keeps the rejected records for the summary and the report."""

    def __init__(self) -> None:
        self.converted = 0
        self.errors: list[RecordError] = []

    def reject(self, error: RecordError) -> None:
        """Record and print one rejected record."""
        self.errors.append(error)
        print(f"notice-ld: rejected {error}", file=sys.stderr)

    def report(self) -> dict[str, object]:
        """The JSON report."""
        return {
            "converted": self.converted,
            "rejected": len(self.errors),
            "errors": [e.as_dict() for e in self.errors],
        }


def mapped(
    inputs: list[str], input_format: InputFormat | None, config: Config, tally: Tally
) -> Iterator[NoticeGraph]:
    """Read every input and map each good notice; bad records go to ``tally``."""
    for name in inputs:
        for outcome in read_path(name, input_format):
            if isinstance(outcome, RecordError):
                tally.reject(outcome)
                continue
            try:
                graph = map_notice(outcome, config)
            except (NoticeLdError, ValueError) as exc:
                tally.reject(RecordError(record=str(outcome.id), problem=f"cannot be mapped: {exc}"))
                continue
            tally.converted += 1
            yield graph


def check_inputs(inputs: list[str]) -> None:
    """Fail early (usage error) when an input file does not exist."""
    for name in inputs:
        if name != "-" and not Path(name).is_file():
            raise NoticeLdError(f"input file not found: {name}")


def run(args: argparse.Namespace) -> int:
    """Run ``convert``."""
    from notice_ld.writers import writer

    fmt = Format.from_name(args.format)
    config = config_from(args)
    input_format = InputFormat.from_name(args.input_format) if args.input_format else None
    check_inputs(args.inputs)
    tally = Tally()
    stream = mapped(args.inputs, input_format, config, tally)
    with atomic_output(args.output) as out:
        if not args.quiet and sys.stderr.isatty():
            from tqdm import tqdm

            with tqdm(stream, unit=" notices", file=sys.stderr, leave=False) as bar:
                writer(fmt)(bar, out, args.lang)
        else:
            writer(fmt)(stream, out, args.lang)
    if args.report:
        with atomic_output(args.report) as fh:
            fh.write(json.dumps(tally.report(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    if not args.quiet:
        where = "" if args.output == "-" else f" to {args.output}"
        print(
            f"notice-ld: {tally.converted} notices written as {fmt.value}{where}, "
            f"{len(tally.errors)} rejected",
            file=sys.stderr,
        )
    return EXIT_REJECTED if tally.errors else EXIT_OK
