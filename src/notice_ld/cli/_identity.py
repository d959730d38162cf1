"""``--person-identity``: the option of every command that maps notices (``docs/identity.md``).

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> add_person_identity_option(parser)
>>> person_identity_from(parser.parse_args(["--person-identity", "per-notice"]))
<PersonIdentity.PER_NOTICE: 'per-notice'>
>>> person_identity_from(argparse.Namespace())
<PersonIdentity.NAME: 'name'>
"""

from __future__ import annotations

import argparse

from notice_ld.config import PersonIdentity

__all__ = ["add_person_identity_option", "person_identity_from"]


def add_person_identity_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """Add ``--person-identity {name,name-and-collection,per-notice}`` to ``parser``."""
    parser.add_argument(
        "--person-identity",
        choices=[p.value for p in PersonIdentity],
        default=PersonIdentity.NAME.value,
        help="which people without ORCID/IdRef/ISNI are one node across notices: name (one per name; "
        "merges homonyms), name-and-collection (one per name within a collection), per-notice (never "
        "merges, never links); co-authors of the same name are always two (default: name; "
        "see docs/identity.md)",
    )


def person_identity_from(args: argparse.Namespace) -> PersonIdentity:
    """The policy ``--person-identity`` names (``name`` when the command has no such option)."""
    return PersonIdentity.parse(getattr(args, "person_identity", PersonIdentity.NAME.value))
