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
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from notice_ld.cli._common import EXIT_OK, EXIT_REJECTED, add_record_limit, atomic_output, reader_options
from notice_ld.config import DEFAULT_BASE_IRI, Config, Profile
from notice_ld.errors import NoticeLdError, RecordError
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.readers import Deletion, InputFormat, ReaderOptions, ReadWarning, Residue, read_path

if TYPE_CHECKING:
    from notice_ld.validation import ValidationReport, ValidationResult, Validator

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
    add_record_limit(parser)


def config_from(args: argparse.Namespace) -> Config:
    """The mapping configuration named by :func:`add_mapping_options`."""
    profiles = Profile.parse_many(args.profile or ["all"])
    return Config(base_iri=args.base_iri, document_iri_template=args.document_iri_template, profiles=profiles)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``convert`` subcommand."""
    parser = commands.add_parser("convert", help="map notices to RDF and write one serialization")
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="JSON Lines, JSON, OAI-PMH XML or CSV ('-': stdin)"
    )
    parser.add_argument(
        "-f", "--format", default="turtle", help=f"{', '.join(f.value for f in Format)} (default: turtle)"
    )
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    parser.add_argument("--lang", default=None, help="page language of the schema-jsonld view (e.g. fr)")
    add_mapping_options(parser)
    parser.add_argument(
        "--prefix", default=None, help="Handle prefix: mint ids from OAI identifiers for records without one"
    )
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
        default="en",
        choices=("en", "fr"),
        help="language of validation messages (default: en)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    parser.set_defaults(handler=run)


class Tally:
    """Counts notices and keeps the rejected records for the summary and the report."""

    def __init__(self) -> None:
        self.converted = 0
        self.errors: list[RecordError] = []
        self.residues: list[Residue] = []  # values of converted notices that were not mapped
        self.deletions: list[Deletion] = []  # OAI-PMH deleted records: skipped, reported
        self.invalid = 0  # notices with SHACL violations (not written unless --keep-invalid)
        self.validation: list[ValidationResult] = []  # validation results, kept for --report only
        self.keep_results = False
        self.severities = {"Violation": 0, "Warning": 0, "Info": 0}  # counts: memory stays flat
        self.engine = ""
        self.warnings: list[ReadWarning] = []  # about inputs; nothing was lost

    def warn(self, warning: ReadWarning) -> None:
        """Record and print one warning about an input."""
        self.warnings.append(warning)
        print(f"notice-ld: warning: {warning}", file=sys.stderr)

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
            "deleted": len(self.deletions),
            "deletions": [d.as_dict() for d in self.deletions],
            "residue": [item for r in self.residues for item in r.as_dicts()],
            "warnings": [w.as_dict() for w in self.warnings],
            "invalid": self.invalid,
            "validation": {
                "engine": self.engine,
                "violations": self.severities["Violation"],
                "warnings": self.severities["Warning"],
                "infos": self.severities["Info"],
                "results": [r.as_dict() for r in self.validation],
            },
        }

    def validated(self, report: ValidationReport, *, keep: bool, quiet: bool) -> bool:
        """Keep one notice's validation report; print violations (and warnings unless ``quiet``).

        Returns whether the notice is written.
        """
        if self.keep_results:
            self.validation.extend(report.results)
        for result in report.results:
            self.severities[result.severity.value] += 1
        self.engine = self.engine or report.engine
        written = report.conforms or keep
        for result in report.results:
            where = f"record {result.record}" + (f", field {result.field}" if result.field else "")
            if result.severity.value == "Violation":
                verdict = "written anyway (--keep-invalid)" if keep else "not written"
                print(f"notice-ld: invalid {where}: {result.message} [{verdict}]", file=sys.stderr)
            elif result.severity.value == "Warning" and not quiet:
                print(f"notice-ld: warning: {where}: {result.message}", file=sys.stderr)
        if not report.conforms:
            self.invalid += 1
        return written


def mapped(
    inputs: list[str],
    input_format: InputFormat | None,
    config: Config,
    tally: Tally,
    options: ReaderOptions | None = None,
    validation: tuple[Validator, bool, bool] | None = None,
) -> Iterator[NoticeGraph]:
    """Read every input and map each good notice; bad records, residues, deletions go to ``tally``."""
    for name in inputs:
        for outcome in read_path(name, input_format, options=options):
            if isinstance(outcome, RecordError):
                tally.reject(outcome)
                continue
            if isinstance(outcome, Residue):
                tally.residues.append(outcome)
                continue
            if isinstance(outcome, Deletion):
                tally.deletions.append(outcome)
                continue
            if isinstance(outcome, ReadWarning):
                tally.warn(outcome)
                continue
            try:
                graph = map_notice(outcome, config)
            except (NoticeLdError, ValueError) as exc:
                tally.reject(RecordError(record=str(outcome.id), problem=f"cannot be mapped: {exc}"))
                continue
            if validation is not None:
                validator, keep, quiet = validation
                if not tally.validated(validator.validate_graph(graph), keep=keep, quiet=quiet):
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
    tally.keep_results = bool(args.report)
    minter = None
    if args.prefix:
        from notice_ld.identifiers import HandleMinter

        minter = HandleMinter(args.prefix)
    options = reader_options(args, minter)
    validation = None
    if args.validate:
        from notice_ld.validation import Validator
        from notice_ld.validation.shapes import DEFAULT_PROFILES

        shape_profiles = [p for p in DEFAULT_PROFILES if p in {q.value for q in config.profiles}]
        validator = Validator(shape_profiles + list(args.shapes_profile), args.shapes, lang=args.report_lang)
        validation = (validator, args.keep_invalid, args.quiet)
    stream = mapped(args.inputs, input_format, config, tally, options, validation)
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
            f"{len(tally.errors)} rejected"
            + (f", {len(tally.deletions)} deleted records skipped" if tally.deletions else "")
            + (
                f"; validation ({tally.engine}): {tally.invalid} with violations"
                + (" (written anyway)" if args.keep_invalid else " (not written)")
                + f", {tally.severities['Warning']} warnings"
                if args.validate
                else "; not validated"
            ),
            file=sys.stderr,
        )
        from notice_ld.readers.outcomes import residue_summary

        for line in residue_summary(tally.residues):
            print(f"notice-ld: {line}", file=sys.stderr)
    return EXIT_REJECTED if tally.errors or tally.invalid else EXIT_OK
