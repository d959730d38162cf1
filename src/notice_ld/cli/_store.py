"""Options every store subcommand shares (``load``, ``related``, ``query``, ``get``)."""

from __future__ import annotations

import argparse
import hashlib
import os

from notice_ld.cli._identity import add_person_identity_option, person_identity_from
from notice_ld.config import DEFAULT_BASE_IRI, Config
from notice_ld.errors import StoreError
from notice_ld.stores import EmbeddedOptions, RemoteOptions, Store, StoreKind, open_store

__all__ = ["DEFAULT_STORE", "add_store_options", "config_for", "open_from", "resume_path"]

DEFAULT_STORE = "./notice-ld-store"


def add_store_options(parser: argparse.ArgumentParser, *, iris: bool = True) -> None:
    """``--store`` (embedded, the default) or ``--endpoint`` (a server) and its options."""
    group = parser.add_argument_group("store")
    group.add_argument(
        "--store", default=DEFAULT_STORE, help=f"embedded store folder (default: {DEFAULT_STORE})"
    )
    group.add_argument("--endpoint", default=None, help="a SPARQL server's base URL instead of --store")
    group.add_argument(
        "--store-kind",
        choices=[kind.value for kind in StoreKind if not kind.embedded],
        default=StoreKind.OXIGRAPH.value,
        help="what --endpoint is (default: oxigraph)",
    )
    group.add_argument("--user", default=None, help="HTTP user (virtuoso: dba by default)")
    group.add_argument(
        "--password-env", default=None, metavar="VAR", help="environment variable holding the password"
    )
    group.add_argument("--query-url", default=None, help="gsp: the SPARQL query service URL")
    group.add_argument("--update-url", default=None, help="gsp: the SPARQL update service URL")
    group.add_argument("--gsp-url", default=None, help="gsp: the Graph Store Protocol service URL")
    group.add_argument("--timeout", type=float, default=30.0, help="seconds per HTTP request (default: 30)")
    if iris:
        group.add_argument(
            "--base-iri", default=DEFAULT_BASE_IRI, help=f"base of minted IRIs (default: {DEFAULT_BASE_IRI})"
        )
        group.add_argument(
            "--document-iri-template", default=None, help="document IRIs from a template with {id}"
        )
        add_person_identity_option(group)


def config_for(args: argparse.Namespace) -> Config:
    """The mapping configuration (base IRI and document template) of a store command."""
    return Config(
        base_iri=args.base_iri,
        document_iri_template=args.document_iri_template,
        person_identity=person_identity_from(args),
    )


def resume_path(endpoint: str) -> str:
    """The default resume file of a load into ``endpoint`` (in the current folder)."""
    digest = hashlib.sha256(endpoint.encode("utf-8")).hexdigest()[:12]
    return f".notice-ld-resume-{digest}.jsonl"


def open_from(args: argparse.Namespace, *, resume: str | None = None) -> Store:
    """Open the store the options name."""
    if args.endpoint is None:
        return open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(args.store))
    kind = StoreKind.from_name(args.store_kind)
    if kind is StoreKind.OXIGRAPH_EMBEDDED:
        raise StoreError("--store-kind names a server; the embedded store is --store FOLDER")
    password = None
    if args.password_env is not None:
        password = os.environ.get(args.password_env)
        if password is None:
            raise StoreError(f"the environment variable {args.password_env} (--password-env) is not set")
    options = RemoteOptions(
        args.endpoint,
        query_url=args.query_url,
        update_url=args.update_url,
        gsp_url=args.gsp_url,
        user=args.user,
        password=password,
        timeout=args.timeout,
        resume=resume,
    )
    return open_store(kind, options)
