"""The production WSGI server ``notice-ld serve`` runs: waitress (HTTP/1.1, keep-alive, a fixed pool).

`waitress <https://docs.pylonsproject.org/projects/waitress/>`_ is a pure-Python production
server: persistent HTTP/1.1 connections, a fixed pool of worker threads (a burst of clients
queues, it never starts a thread per connection), request size limits, idle connections closed
after ``channel_timeout``. The app (:class:`notice_ld.web.app.NoticeApp`) is plain WSGI, so it
also runs under gunicorn, uWSGI or mod_wsgi (``notice_ld.web.wsgi``); put a reverse proxy with
TLS in front for the open internet.

>>> def hello(environ, start_response):
...     start_response("200 OK", [("Content-Type", "text/plain")])
...     return [b"hello"]
>>> server = make_app_server(hello, "127.0.0.1", 0)
>>> import threading, http.client
>>> thread = threading.Thread(target=server.serve_forever, daemon=True)
>>> thread.start()
>>> connection = http.client.HTTPConnection("127.0.0.1", server.port)
>>> for _ in range(2):  # two requests on one kept-alive connection
...     connection.request("GET", "/")
...     print(connection.getresponse().read(), connection.sock is not None)
b'hello' True
b'hello' True
>>> connection.close(); server.close(); thread.join(5)
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["AppServer", "make_app_server"]

_WSGIApp = Callable[..., Iterable[bytes]]


class _AccessLog:
    """WSGI middleware writing one line per answered request to standard error."""

    def __init__(self, app: _WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.perf_counter()
        status: list[str] = []

        def recording(code: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            status.append(code)
            return start_response(code, headers, *rest)

        body = self.app(environ, recording)
        took = 1000 * (time.perf_counter() - started)
        path = environ.get("PATH_INFO", "") + (
            f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else ""
        )
        sys.stderr.write(
            f'{environ.get("REMOTE_ADDR", "-")} "{environ.get("REQUEST_METHOD", "")} {path!r}" '
            f"{(status or ['-'])[0].split(' ', 1)[0]} {took:.1f} ms\n"
        )
        return body


class AppServer:
    """A waitress server for one WSGI app, bound at creation (``port=0``: a free port, see
    :attr:`port`); :meth:`serve_forever` answers until :meth:`close` or an interrupt."""

    def __init__(
        self,
        app: _WSGIApp,
        host: str = "127.0.0.1",
        port: int = 8080,
        *,
        threads: int = 8,
        access_log: bool = False,
        channel_timeout: int = 30,
    ) -> None:
        from waitress.server import create_server

        self._server = create_server(
            _AccessLog(app) if access_log else app,
            host=host,
            port=port,
            threads=threads,
            channel_timeout=channel_timeout,  # seconds an idle connection is kept
            cleanup_interval=max(1, min(30, channel_timeout)),  # how often idle ones are looked for
            connection_limit=256,  # beyond, new connections wait in the listen backlog
            backlog=128,
            ident="notice-ld",
            expose_tracebacks=False,
            clear_untrusted_proxy_headers=True,
            max_request_body_size=1 << 20,  # the app reads no bodies; refuse big ones early
        )

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._server.effective_port)

    def serve_forever(self) -> None:
        """Answer requests until :meth:`close` is called (from another thread) or an interrupt."""
        with contextlib.suppress(OSError):  # the sockets were closed by close(): a normal end
            self._server.run()

    def close(self) -> None:
        """Stop listening, close the connections and stop the worker threads."""
        self._server.task_dispatcher.shutdown()
        self._server.close()


def make_app_server(
    app: _WSGIApp,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    access_log: bool = False,
    threads: int = 8,
    channel_timeout: int = 30,
) -> AppServer:
    """An :class:`AppServer` for ``app``; it binds ``127.0.0.1`` unless told otherwise and
    ``port=0`` picks a free port (``server.port``). See the module docs for an example."""
    return AppServer(app, host, port, threads=threads, access_log=access_log, channel_timeout=channel_timeout)
