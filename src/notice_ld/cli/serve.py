"""``notice-ld serve``: serve notices as linked data (HTML or RDF by content negotiation) on 127.0.0.1.

Notices come from the embedded store (``--store``, the default ``./notice-ld-store``), a SPARQL
server (``--endpoint``), or input files (``--input``, held in memory). Besides the notices, it
serves a paginated index (``/?page=N``), the dataset's VoID/DCAT description (``/void.ttl``,
``/.well-known/void``; ``--title``, ``--sparql-endpoint``, ``--license``) and an N-Triples dump
(``/dump/notices.nt``, streamed). The server is
waitress (:mod:`notice_ld.web.server`: HTTP/1.1 keep-alive, a fixed pool of ``--threads``); put a
reverse proxy in front of it for the open internet, or mount :class:`notice_ld.web.app.NoticeApp`
in any WSGI server.
"""

from __future__ import annotations

import argparse
import itertools
import signal
import sys
from types import FrameType

from notice_ld.cli._common import EXIT_OK, add_record_limit, input_format_names, reader_options
from notice_ld.cli._store import add_store_options, config_for, open_from
from notice_ld.errors import NoticeLdError, RecordError
from notice_ld.languages import Language
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, read_path

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``serve`` subcommand."""
    parser = commands.add_parser("serve", help="serve notices as linked data (HTML / RDF) on 127.0.0.1")
    parser.add_argument(
        "-i",
        "--input",
        dest="inputs",
        action="extend",
        nargs="+",
        metavar="FILE",
        default=[],
        help="serve the notices of these files (held in memory) instead of a store",
    )
    parser.add_argument(
        "--from",
        dest="input_format",
        choices=input_format_names(),
        help="input format (default: found from the content)",
    )
    add_record_limit(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument(
        "--threads", type=int, default=8, help="worker threads answering requests (default: 8)"
    )
    parser.add_argument("--port", type=int, default=8080, help="port (default: 8080; 0 picks a free one)")
    parser.add_argument(
        "--lang",
        default=Language.FR.value,
        choices=[lang.value for lang in Language],
        help="page language (default: fr)",
    )
    parser.add_argument("--base-url", default=None, help="public URL of the site (canonical links)")
    parser.add_argument(
        "--cache-seconds",
        type=float,
        default=None,
        help="keep rendered answers this long (default: 300 with a store, forever with --input)",
    )
    parser.add_argument("--title", default="notice_ld dataset", help="the dataset's title (VoID)")
    parser.add_argument(
        "--sparql-endpoint", default=None, metavar="URL", help="SPARQL endpoint URL to announce in VoID"
    )
    parser.add_argument(
        "--license", default=None, metavar="IRI", help="the dataset's licence IRI (VoID/DCAT)"
    )
    parser.add_argument("--access-log", action="store_true", help="log every request on standard error")
    parser.add_argument(
        "--no-csp", dest="csp", action="store_false", help="no Content-Security-Policy header"
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Run ``serve`` until interrupted."""
    from notice_ld.web.app import (
        DEFAULT_CSP,
        MemorySource,
        NoticeApp,
        NoticeSource,
        StoreSource,
        make_app_server,
    )

    config = config_for(args)
    store = None
    source: NoticeSource
    if args.inputs:
        from notice_ld.cli.convert import check_inputs

        check_inputs(args.inputs)
        fmt = InputFormat.from_name(args.input_format) if args.input_format else None
        notices = []
        options = reader_options(args)
        for outcome in itertools.chain.from_iterable(read_path(n, fmt, options=options) for n in args.inputs):
            if isinstance(outcome, Notice):
                notices.append(outcome)
            elif isinstance(outcome, RecordError):
                print(f"notice-ld: rejected {outcome}", file=sys.stderr)
        source = MemorySource(notices, config, args.lang)
        cache_seconds = args.cache_seconds
    else:
        from pathlib import Path

        if args.endpoint is None and not Path(args.store).is_dir():
            raise NoticeLdError(
                f"no store at {args.store}: load notices first (notice-ld load FILE) "
                "or serve files with --input"
            )
        store = open_from(args)
        source = StoreSource(store, config, args.lang)
        cache_seconds = 300.0 if args.cache_seconds is None else args.cache_seconds
    app = NoticeApp(
        source,
        lang=args.lang,
        base_url=args.base_url,
        cache_seconds=cache_seconds,
        csp=DEFAULT_CSP if args.csp else None,
        title=args.title,
        sparql_endpoint=args.sparql_endpoint,
        license_iri=args.license,
    )
    server = make_app_server(app, args.host, args.port, access_log=args.access_log, threads=args.threads)
    signal.signal(signal.SIGTERM, _interrupt)
    port = server.port
    print(f"notice-ld: serving on http://{args.host}:{port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        if store is not None:
            store.close()
    return EXIT_OK
