"""The ``notice-ld`` command line.

``notice-ld convert INPUT... --format turtle -o out.ttl`` streams notices through the mapping to
one output; rejected records are reported on stderr (record, field, problem, fix) and, with
``--report``, in a JSON file. Exit status: 0 all notices went through, 1 some were rejected,
2 usage error. Output files are written atomically: a failure leaves no half file.

``notice-ld mint --prefix 10670 KEY...`` prints Handle-style identifiers minted from stable keys.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO

from notice_ld.config import DEFAULT_BASE_IRI, Config, Profile
from notice_ld.errors import NoticeLdError, RecordError
from notice_ld.formats import Format
from notice_ld.readers import InputFormat, read_path

__all__ = ["main"]

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _version() -> str:
    try:
        return version("notice-ld")
    except PackageNotFoundError:  # running from a source checkout
        return "0+unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notice-ld",
        description="Publish bibliographic records (notices) as linked data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="map notices to RDF and write one serialization")
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="JSON Lines / JSON files ('-' for stdin)")
    convert.add_argument(
        "--from",
        dest="input_format",
        choices=[f.value for f in InputFormat],
        help="input format (default: from the file name)",
    )
    convert.add_argument(
        "-f",
        "--format",
        default="turtle",
        help="turtle, ntriples, nquads, rdfxml, jsonld, schema-jsonld (default: turtle)",
    )
    convert.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    convert.add_argument(
        "--profile",
        action="append",
        default=[],
        help="dcterms, bibo, schema or all; repeat or comma-separate (default: all)",
    )
    convert.add_argument("--lang", default=None, help="page language of the schema-jsonld view (e.g. fr)")
    convert.add_argument(
        "--base-iri", default=DEFAULT_BASE_IRI, help=f"base of minted IRIs (default: {DEFAULT_BASE_IRI})"
    )
    convert.add_argument(
        "--document-iri-template",
        default=None,
        help="document IRIs from a template with {id}, e.g. https://isidore.science/document/{id}",
    )
    convert.add_argument("--report", default=None, help="write a JSON report of rejected records here")
    convert.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")

    mint = commands.add_parser("mint", help="mint Handle-style identifiers PREFIX/1.xxxxxx from stable keys")
    mint.add_argument(
        "keys",
        nargs="+",
        metavar="KEY",
        help="stable source keys (e.g. OAI identifiers); '-' reads lines from stdin",
    )
    mint.add_argument("--prefix", required=True, help="the Handle prefix, e.g. 10670")
    mint.add_argument(
        "--issued",
        default=None,
        help="TSV file of identifiers already issued: HANDLE<TAB>KEY per line (checked for collisions)",
    )
    convert.set_defaults(handler=_convert)
    mint.set_defaults(handler=_mint)
    return parser


@contextlib.contextmanager
def _atomic_output(path: str) -> Iterator[IO[bytes]]:
    """Yield a binary stream; a file appears at ``path`` only if the block finishes."""
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class _Tally:
    """Counts notices and keeps the rejected records for the summary and the report."""

    def __init__(self, quiet: bool) -> None:
        self.converted = 0
        self.errors: list[RecordError] = []
        self.quiet = quiet

    def reject(self, error: RecordError) -> None:
        self.errors.append(error)
        print(f"notice-ld: rejected {error}", file=sys.stderr)


def _convert(args: argparse.Namespace) -> int:
    from notice_ld.mapping import NoticeGraph, map_notice
    from notice_ld.writers import writer

    fmt = Format.from_name(args.format)
    profiles = Profile.parse_many(args.profile or ["all"])
    config = Config(
        base_iri=args.base_iri, document_iri_template=args.document_iri_template, profiles=profiles
    )
    input_format = InputFormat.from_name(args.input_format) if args.input_format else None
    for name in args.inputs:
        if name != "-" and not Path(name).is_file():
            raise NoticeLdError(f"input file not found: {name}")
    tally = _Tally(args.quiet)

    def graphs() -> Iterator[NoticeGraph]:
        for name in args.inputs:
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

    stream: Iterator[NoticeGraph] = graphs()
    show_progress = not args.quiet and sys.stderr.isatty()
    with _atomic_output(args.output) as out:
        if show_progress:
            from tqdm import tqdm

            with tqdm(stream, unit=" notices", file=sys.stderr, leave=False) as bar:
                writer(fmt)(bar, out, args.lang)
        else:
            writer(fmt)(stream, out, args.lang)
    if args.report:
        report = {
            "converted": tally.converted,
            "rejected": len(tally.errors),
            "errors": [e.as_dict() for e in tally.errors],
        }
        with _atomic_output(args.report) as fh:
            fh.write(json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    if not args.quiet:
        where = "" if args.output == "-" else f" to {args.output}"
        print(
            f"notice-ld: {tally.converted} notices written as {fmt.value}{where}, "
            f"{len(tally.errors)} rejected",
            file=sys.stderr,
        )
    return EXIT_REJECTED if tally.errors else EXIT_OK


def _mint(args: argparse.Namespace) -> int:
    from notice_ld.identifiers import HandleMinter

    issued: dict[str, str] = {}
    if args.issued:
        with open(args.issued, encoding="utf-8-sig") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip() or line.startswith("#"):
                    continue
                handle, sep, key = line.rstrip("\n").partition("\t")
                if not sep:
                    raise NoticeLdError(f"{args.issued}:{number}: expected HANDLE<TAB>KEY")
                issued[handle.strip()] = key
    minter = HandleMinter(args.prefix, issued=issued)
    keys: list[str] = []
    for key in args.keys:
        if key == "-":
            keys.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            keys.append(key)
    for key in keys:
        print(minter.mint(key))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.handler(args)
        return status
    except (NoticeLdError, OSError) as exc:
        print(f"notice-ld: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("notice-ld: interrupted; no output file was written", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
