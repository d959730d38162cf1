"""The WSGI plumbing of the server: plain-text answers, rendered answers with their ``ETag``
(``304 Not Modified`` for an ``If-None-Match`` that has it), and :func:`call`, which calls a
WSGI app in process.

>>> def app(environ, start_response):
...     return send(environ, start_response, Answer(b"hi", '"1"', "text/plain", 0.0), False, [])
>>> status, headers, body = call(app, "/")
>>> status, headers["ETag"], headers["Content-Length"], body
('200 OK', '"1"', '2', b'hi')
>>> call(app, "/", if_none_match='W/"1"')[0]
'304 Not Modified'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

__all__ = ["Answer", "call", "etag_matches", "plain", "send"]


@dataclass(frozen=True, slots=True)
class Answer:
    """A rendered answer: its body, ``ETag``, ``Content-Type`` and when it was made
    (:func:`time.monotonic`, for the cache)."""

    body: bytes
    etag: str
    content_type: str
    created: float


def send(
    environ: WSGIEnvironment,
    start_response: StartResponse,
    answer: Answer,
    head: bool,
    extra: list[tuple[str, str]],
) -> list[bytes]:
    """A cached answer with its ETag (``304`` when ``If-None-Match`` has it)."""
    headers = [("ETag", answer.etag), ("X-Content-Type-Options", "nosniff"), *extra]
    if etag_matches(environ.get("HTTP_IF_NONE_MATCH"), answer.etag):
        start_response("304 Not Modified", headers)
        return [b""]
    headers += [("Content-Type", answer.content_type), ("Content-Length", str(len(answer.body)))]
    start_response("200 OK", headers)
    return [b""] if head else [answer.body]


def plain(
    start_response: StartResponse,
    status: str,
    text: str,
    extra: list[tuple[str, str]] | None = None,
    *,
    head: bool = False,
) -> list[bytes]:
    """A plain-text answer (an error, mostly): ``text`` with ``status``."""
    body = text.encode("utf-8")
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Vary", "Accept"),
        ("X-Content-Type-Options", "nosniff"),
        *(extra or []),
    ]
    start_response(status, headers)
    return [b""] if head else [body]


def etag_matches(header: str | None, etag: str) -> bool:
    """``If-None-Match`` against our ETag (weak comparison, ``*`` matches)."""
    if not header:
        return False
    for candidate in header.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def call(
    app: Callable[..., Iterable[bytes]],
    path: str,
    *,
    accept: str | None = None,
    query: str = "",
    if_none_match: str | None = None,
    method: str = "GET",
) -> tuple[str, dict[str, str], bytes]:
    """Call a WSGI app in process (for tests and doctests): ``(status, headers, body)``."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode("utf-8").decode("latin-1"),
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
    }
    if accept is not None:
        environ["HTTP_ACCEPT"] = accept
    if if_none_match is not None:
        environ["HTTP_IF_NONE_MATCH"] = if_none_match
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        seen["status"], seen["headers"] = status, dict(headers)
        return lambda data: None

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body
