"""``notice-ld merge``: join the part files of a folder output (``convert -o FOLDER/``) into one file.

The parts are checked against the manifest (sha256) and joined in order, decompressed: the
result is byte for byte what ``convert`` writes to a single file.
"""

from __future__ import annotations

import argparse

from notice_ld.cli._common import EXIT_OK, atomic_output

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``merge`` subcommand."""
    parser = commands.add_parser("merge", help="join the part files of a folder output into one file")
    parser.add_argument("folder", metavar="FOLDER", help="a folder written by convert -o FOLDER/")
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``merge``."""
    from notice_ld.pipeline.directory import merge_directory

    with atomic_output(args.output) as out:
        merge_directory(args.folder, out)
    return EXIT_OK
