"""``serve`` under a soak of unique URLs: keep-alive connections, the page cache levels off."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator

import pytest

from notice_ld.model import Notice
from notice_ld.readers import read_path
from notice_ld.web.app import NoticeApp
from notice_ld.web.paths import notice_path
from notice_ld.web.server import AppServer, make_app_server
from notice_ld.web.sources import MemorySource

from .conftest import EXAMPLES

CACHE = 32


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[NoticeApp, AppServer]]:
    notices = [n for n in read_path(EXAMPLES) if isinstance(n, Notice)]
    app = NoticeApp(MemorySource(notices), cache_size=CACHE)
    server = make_app_server(app, port=0, threads=4)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, server
    server.close()
    thread.join(10)


def _paths() -> list[str]:
    return ["/" + notice_path(n.id) for n in read_path(EXAMPLES) if isinstance(n, Notice)]


def test_unique_urls_over_one_kept_alive_connection_level_the_cache_off(
    served: tuple[NoticeApp, AppServer],
) -> None:
    app, server = served
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    accepts = ["text/html", "text/turtle", "application/ld+json", "application/n-triples"]
    statuses: dict[int, int] = {}
    peak = 0
    sockets = set()
    urls = [(path, accept) for path in _paths() for accept in accepts]
    urls += [(f"/notice/handle/10670/1.missing{n}", "text/html") for n in range(3 * CACHE)]
    for round_ in range(3):
        for path, accept in urls:
            connection.request("GET", path, headers={"Accept": accept, "Host": f"h{round_}.example"})
            response = connection.getresponse()
            response.read()
            statuses[response.status] = statuses.get(response.status, 0) + 1
            sockets.add(id(connection.sock))
            peak = max(peak, app.cached_answers)
    connection.close()
    assert statuses.get(200, 0) == 3 * len(_paths()) * len(accepts), statuses
    assert statuses.get(404, 0) == 3 * 3 * CACHE, statuses
    assert peak == CACHE  # filled, and never more
    assert len(sockets) == 1  # HTTP/1.1 keep-alive: every request on one connection


def test_http_1_1_and_chunked_dumps(served: tuple[NoticeApp, AppServer]) -> None:
    _, server = served
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", "/dump/notices.nt")
    response = connection.getresponse()
    body = response.read()
    assert response.version == 11 and response.status == 200
    assert response.getheader("Transfer-Encoding") == "chunked" and body.count(b"\n") > 100
    connection.close()
