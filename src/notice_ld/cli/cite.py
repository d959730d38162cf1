"""``notice-ld cite``: print the citation of notices found by their identifier.

``notice-ld cite ID... --input FILE... [--style isidore|apa] [--lang fr|en]`` prints one line
per ID, in the order given. An ID matches a notice's own identifier (in any of its written
forms: ``10670/1.jt89mr``, ``hdl:10670/1.jt89mr``, ``https://hdl.handle.net/10670/1.jt89mr``),
else one of its other identifiers (a DOI, an ISBN…). Exit status: 0 every ID was found, 1 some
were not (or their record was rejected; the reason is printed), 2 usage error.

Notices are looked up through a :class:`NoticeSource`; :class:`FileSource` reads input files
(one pass for all IDs, stopping early once each is found by its own identifier). Another
source (an embedded store) plugs in by implementing ``find``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Protocol

from notice_ld import identifiers as ids
from notice_ld.citation import Style, cite
from notice_ld.cli._common import EXIT_OK, EXIT_REJECTED, add_record_limit, input_format_names, reader_options
from notice_ld.errors import RecordError
from notice_ld.languages import Language
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, ReaderOptions, read_path

__all__ = ["FileSource", "NoticeSource", "register"]

Found = Notice | RecordError
"""What a lookup gives for an identifier: the notice, or the error that rejected its record."""


class NoticeSource(Protocol):
    """Where ``cite`` looks notices up."""

    def find(self, wanted: Sequence[ids.Identifier]) -> dict[ids.Identifier, Found]:
        """The notices (or their rejection) for the ``wanted`` identifiers; absent ones are left out."""
        ...


def _parse_quietly(record: str | None) -> ids.Identifier | None:
    """The identifier a rejected record names (``"10670/1.x (in.jsonl:3)"``), if it is one."""
    if record is None:
        return None
    try:
        return ids.parse(record.split(" (", 1)[0])
    except RecordError:
        return None


class FileSource:
    """Notices read from files (JSON Lines or JSON), in one pass for all identifiers.

    A notice whose own id matches wins over one that only lists the identifier among its other
    identifiers; a rejected record is reported only when no good notice matches.

    >>> import json, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "in.jsonl")
    >>> with open(path, "w", encoding="utf-8") as fh:
    ...     _ = fh.write(json.dumps({"id": "10670/1.jt89mr", "titles": [{"value": "T"}],
    ...                              "identifiers": ["10.3917/vsoc.191.0123"]}) + "\\n")
    >>> found = FileSource([path]).find([ids.parse("doi:10.3917/vsoc.191.0123")])
    >>> [str(n.id) for n in found.values()]
    ['10670/1.jt89mr']
    """

    def __init__(
        self,
        inputs: Sequence[str],
        input_format: InputFormat | None = None,
        options: ReaderOptions | None = None,
    ) -> None:
        self.inputs = list(inputs)
        self.input_format = input_format
        self.options = options

    def find(self, wanted: Sequence[ids.Identifier]) -> dict[ids.Identifier, Found]:
        """Look every wanted identifier up in the files."""
        targets = set(wanted)
        by_id: dict[ids.Identifier, Notice] = {}
        other: dict[ids.Identifier, Found] = {}
        for name in self.inputs:
            for outcome in read_path(name, self.input_format, options=self.options):
                if isinstance(outcome, RecordError):
                    key = _parse_quietly(outcome.record)
                    if key in targets and key not in other:
                        other[key] = outcome
                    continue
                if not isinstance(outcome, Notice):  # residue reports, OAI-PMH deletions
                    continue
                if outcome.id in targets and outcome.id not in by_id:
                    by_id[outcome.id] = outcome
                    if len(by_id) == len(targets):
                        return dict(by_id)
                for identifier in outcome.identifiers:
                    if identifier in targets and not isinstance(other.get(identifier), Notice):
                        other[identifier] = outcome
        return {**other, **by_id}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``cite`` subcommand."""
    parser = commands.add_parser("cite", help="print the citation of notices found by identifier")
    parser.add_argument(
        "ids", nargs="+", metavar="ID", help="identifier of a notice (its own id, or a DOI, ISBN… it lists)"
    )
    parser.add_argument(
        "-i",
        "--input",
        dest="inputs",
        action="extend",
        nargs="+",
        required=True,
        metavar="FILE",
        help="JSON Lines / JSON files to look the notices up in ('-' for stdin)",
    )
    parser.add_argument(
        "--from",
        dest="input_format",
        choices=input_format_names(),
        help="input format (default: found from the content)",
    )
    add_record_limit(parser)
    parser.add_argument(
        "--style", default=Style.ISIDORE.value, choices=[s.value for s in Style], help="default: isidore"
    )
    parser.add_argument(
        "--lang", default=Language.FR.value, choices=[lang.value for lang in Language], help="default: fr"
    )
    parser.set_defaults(handler=run)


def source_from(args: argparse.Namespace) -> NoticeSource:
    """The notice source the arguments name (input files for now)."""
    from notice_ld.cli.convert import check_inputs

    check_inputs(args.inputs)
    fmt = InputFormat.from_name(args.input_format) if args.input_format else None
    return FileSource(args.inputs, fmt, reader_options(args))


def _write(line: str) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None:
        sys.stdout.flush()
        stream.write(line.encode("utf-8") + b"\n")
        stream.flush()
    else:  # a text-only stream (e.g. io.StringIO)
        sys.stdout.write(line + "\n")


def run(args: argparse.Namespace) -> int:
    """Run ``cite``."""
    wanted = [ids.parse(text) for text in args.ids]
    found = source_from(args).find(wanted)
    status = EXIT_OK
    for text, identifier in zip(args.ids, wanted, strict=True):
        outcome = found.get(identifier)
        if isinstance(outcome, Notice):
            _write(cite(outcome, style=args.style, lang=args.lang))
        elif isinstance(outcome, RecordError):
            print(f"notice-ld: {text}: its record was rejected: {outcome}", file=sys.stderr)
            status = EXIT_REJECTED
        else:
            where = ", ".join(args.inputs)
            print(f"notice-ld: {text}: no notice has this identifier in {where}", file=sys.stderr)
            status = EXIT_REJECTED
    return status
