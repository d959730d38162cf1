"""A small threaded development server for a WSGI app (what ``notice-ld serve`` runs).

The standard library's ``wsgiref`` with one thread per connection: no extra dependency; put a
reverse proxy in front of it for the open internet, or mount the app
(:class:`notice_ld.web.app.NoticeApp`) in any WSGI server.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

__all__ = ["make_app_server"]


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


class _QuietHandler(WSGIRequestHandler):
    timeout = 30  # seconds a connection may stay silent: idle clients do not hold threads forever

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _LoggingHandler(_QuietHandler):
    def log_message(self, format: str, *args: Any) -> None:
        sys.stderr.write(f"{self.address_string()} - {format % args}\n")


def make_app_server(
    app: Callable[..., Iterable[bytes]],
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    access_log: bool = False,
) -> WSGIServer:
    """A threaded ``wsgiref`` server for ``app`` (one thread per connection); call ``serve_forever``.

    It binds ``127.0.0.1`` unless told otherwise; ``port=0`` picks a free port
    (``server.server_port``).
    """
    handler = _LoggingHandler if access_log else _QuietHandler
    return make_server(host, port, app, server_class=_ThreadingServer, handler_class=handler)
