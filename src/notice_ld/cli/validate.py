"""``notice-ld validate``: check notices or RDF files against SHACL shapes, report in French or English.

Inputs are notice files (JSON Lines, JSON, and whatever ``convert`` reads; each notice is mapped and
checked on its own graph) or RDF files (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.rdf``,
``.jsonld``…; RDF from anywhere). The report goes to standard output (or ``-o``) as text, JSON or
the SHACL report graph in Turtle. Exit status: 0 no violation (warnings and infos allowed),
1 violations (or unreadable records), 2 usage error (unknown profile or format, missing file,
shapes the linter refuses).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from notice_ld.cli._common import (
    EXIT_OK,
    EXIT_REJECTED,
    add_jobs,
    add_record_limit,
    atomic_output,
    jobs_from,
    reader_options,
)
from notice_ld.cli._identity import add_person_identity_option, person_identity_from
from notice_ld.config import DEFAULT_BASE_IRI, Config
from notice_ld.errors import NoticeLdError, RecordError, UnknownFormatError
from notice_ld.formats import RdfFormat
from notice_ld.languages import Language

__all__ = ["register"]

_REPORT_FORMATS = ("text", "json", "turtle")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` subcommand."""
    parser = commands.add_parser(
        "validate", help="check notices or RDF files against SHACL shapes (shipped profiles and your own)"
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="notice files or RDF files ('-': stdin)")
    parser.add_argument(
        "--shapes", action="append", default=[], metavar="FILE", help="your own shapes file (repeatable)"
    )
    parser.add_argument(
        "--lenient-shapes",
        action="store_true",
        help="the linter's problems with --shapes files become warnings; validate with them as they are",
    )
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        help="shipped shapes: dcterms (core), bibo, schema, google-article, all, or none (only --shapes); "
        "repeat or comma-separate (default: dcterms,bibo,schema)",
    )
    parser.add_argument(
        "--lang",
        default=Language.EN.value,
        choices=[lang.value for lang in Language],
        help="language of the messages",
    )
    parser.add_argument(
        "--format", default="text", choices=_REPORT_FORMATS, help="report format (default: text)"
    )
    parser.add_argument("-o", "--output", default="-", help="report file (default: stdout)")
    parser.add_argument(
        "--engine", default="auto", choices=("auto", "fast", "pyshacl"), help="validator (default: auto)"
    )
    parser.add_argument(
        "--from", dest="input_format", default=None, help="input format, if not from the name"
    )
    add_record_limit(parser)
    add_jobs(parser, engines=False)  # --engine is the validator's here
    parser.add_argument(
        "--base-iri", default=DEFAULT_BASE_IRI, help=f"base of minted IRIs (default: {DEFAULT_BASE_IRI})"
    )
    add_person_identity_option(parser)
    parser.add_argument(
        "--document-iri-template", default=None, help="document IRIs from a template with {id}"
    )
    parser.set_defaults(handler=run)


def _profiles(values: list[str]) -> list[str] | None:
    if not values:
        return None
    names = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return [] if names == ["none"] else names


def _record_xml(name: str) -> bool:
    """Whether the ``.xml`` file ``name`` holds records (OAI-PMH, MODS, DataCite…), not RDF/XML."""
    from notice_ld.errors import UnsupportedInputError
    from notice_ld.readers import InputFormat, detect_path

    try:
        return detect_path(name) is not InputFormat.RDF
    except UnsupportedInputError:
        return False


def run(args: argparse.Namespace) -> int:
    """Run ``validate``."""
    from notice_ld.cli.convert import echo
    from notice_ld.pipeline import Pipeline, Validation
    from notice_ld.readers import InputFormat
    from notice_ld.validation import Engine, ValidationReport, Validator, parse_rdf, parse_rdf_path

    profiles = _profiles(args.profile)
    for name in [*args.inputs, *args.shapes]:
        if name != "-" and not Path(name).is_file():
            raise NoticeLdError(f"input file not found: {name}")
    rdf_format: RdfFormat | None = None
    notice_format = None
    if args.input_format:
        try:
            rdf_format = RdfFormat.from_name(args.input_format)
        except UnknownFormatError:
            try:
                notice_format = InputFormat.from_name(args.input_format)
            except UnknownFormatError:
                known = ", ".join([*(f.value for f in InputFormat), *(f.value for f in RdfFormat)])
                raise UnknownFormatError(
                    f"unknown input format {args.input_format!r}; use one of: {known}"
                ) from None
    config = Config(
        base_iri=args.base_iri,
        document_iri_template=args.document_iri_template,
        person_identity=person_identity_from(args),
    )
    jobs = jobs_from(args)
    validator = Validator(
        profiles, args.shapes, engine=args.engine, lang=args.lang, lenient_shapes=args.lenient_shapes
    )
    for problem in validator.shapes.warnings:
        print(f"notice-ld: warning: shapes: {problem.where}: {problem}", file=sys.stderr)
    reports: list[ValidationReport] = []
    from notice_ld.pipeline.duplicates import Claims

    claims = Claims()  # ids repeated across the inputs are rejected too (docs/identity.md)
    for position, name in enumerate(args.inputs):
        fmt = rdf_format or (None if notice_format else RdfFormat.from_path(name) if name != "-" else None)
        if fmt is RdfFormat.RDF_XML and rdf_format is None and _record_xml(name):
            fmt = None  # an .xml file of records (OAI-PMH, MODS, DataCite): read as notices
        if fmt is not None:
            try:
                if name == "-":
                    triples = parse_rdf(sys.stdin.buffer.read(), fmt, name="<stdin>")
                else:
                    triples = parse_rdf_path(name, fmt)
            except RecordError as error:  # a syntax error: reported, the other inputs go on
                reports.append(validator.record_error(error))
                continue
            reports.append(validator.validate_triples(triples, name=name))
            continue
        pipeline = Pipeline(
            config=config,
            validation=Validation(
                profiles=None if profiles is None else tuple(profiles),
                shapes=tuple(args.shapes),
                engine=Engine(args.engine),
                lang=args.lang,
            ),
            reader_options=reader_options(args),
            input_format=notice_format,
            echo=echo,
        )
        claims.first_source = position
        if jobs > 1 and name != "-":
            from notice_ld.pipeline.parallel import validate_parallel

            reports.extend(validate_parallel(pipeline, [name], jobs=jobs, claims=claims))
        else:
            reports.extend(pipeline.validate([name], validator, claims=claims))
    report = ValidationReport.combine(reports) if reports else validator.validate_triples([])
    rendered = {"text": report.to_text, "json": report.to_json, "turtle": report.to_turtle}[args.format]()
    with atomic_output(args.output) as out:
        out.write(rendered.encode("utf-8"))
    return EXIT_OK if report.conforms else EXIT_REJECTED
