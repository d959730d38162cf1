"""Real servers for the store tests, started and stopped by the tests on 127.0.0.1.

* :class:`OxigraphProcess` — ``oxigraph serve`` (PyPI package ``oxigraph``, in the test extra);
* :class:`VirtuosoProcess` — ``virtuoso-t`` (Debian package ``virtuoso-opensource``, installed by
  ``.ci/run``) with a temporary database folder and ini;
* :class:`FaultProxy` — a forwarding proxy that answers 500 / 503 / 429 / 413, times out or resets
  connections at random (seeded), counting every fault it injects.

A missing binary skips its tests with a loud reason on a developer's machine, and fails them in
CI (``CI`` set), where ``.ci/run`` installs both servers.
"""

from __future__ import annotations

import http.client
import os
import random
import shutil
import signal
import socket
import struct
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def binary(name: str, install: str) -> str:
    """The path of a server binary; skip (fail in CI) when it is absent."""
    import sys

    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        message = f"SERVER BINARY {name!r} NOT FOUND — these tests need it: {install}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def wait_until(url: str, seconds: float, **kwargs: Any) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=1, **kwargs).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not start within {seconds} s")


class OxigraphProcess:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT``, restartable on the same data."""

    def __init__(self, location: Path) -> None:
        self.exe = binary("oxigraph", "pip install oxigraph (it is in the test extra)")
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> OxigraphProcess:
        self.process = subprocess.Popen(
            [self.exe, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(f"{self.url}/query?query=ASK%7B%7D", 30)
        return self

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.process = None


_VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


class VirtuosoProcess:
    """``virtuoso-t +foreground +configfile INI`` on a fresh database (user dba, password dba)."""

    def __init__(self, location: Path) -> None:
        self.exe = binary("virtuoso-t", "apt-get install virtuoso-opensource (see .ci/run)")
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> VirtuosoProcess:
        self.location.mkdir(parents=True, exist_ok=True)
        ini = self.location / "virtuoso.ini"
        ini.write_text(
            _VIRTUOSO_INI.format(d=self.location, sql=free_port(), http=self.port), encoding="utf-8"
        )
        self.process = subprocess.Popen(
            [self.exe, "+foreground", "+configfile", str(ini)],
            cwd=self.location,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(f"{self.url}/sparql?query=ASK%7B%7D", 60)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.process = None


class FaultProxy:
    """Forwards to ``upstream``; with probability ``rate`` answers a fault instead (seeded).

    Faults: ``500``, ``503`` (``Retry-After: 0``), ``429`` (``Retry-After: 1``), ``413`` (only for
    bodies over ``big`` bytes, i.e. batches of several notices), ``timeout`` (no answer before the
    client's timeout; at most ``max_timeouts``), ``reset`` (connection reset before forwarding) and
    ``reset-after`` (forwarded — the server did it — but the answer is lost).
    """

    KINDS = ("500", "503", "429", "413", "timeout", "reset", "reset-after")

    def __init__(
        self,
        upstream: str,
        *,
        seed: int,
        rate: float,
        big: int = 20_000,
        max_timeouts: int = 3,
        hold: float = 2.0,
    ) -> None:
        self.upstream = upstream.removeprefix("http://")
        self.rng = random.Random(seed)
        self.rate = rate
        self.big = big
        self.max_timeouts = max_timeouts
        self.hold = hold
        self.faults: list[str] = []
        self.forwarded = 0
        self.lock = threading.Lock()
        self.force_413_over: int | None = None
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fault = proxy.choose(len(body))
                if fault in ("500", "503", "429", "413"):
                    self.send_response(int(fault))
                    if fault in ("503", "429"):
                        self.send_header("Retry-After", "1" if fault == "429" else "0")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if fault == "timeout":
                    time.sleep(proxy.hold)
                    self._reset()
                    return
                if fault == "reset":
                    self._reset()
                    return
                status, headers, data = proxy.forward(self.command, self.path, dict(self.headers), body)
                if fault == "reset-after":
                    self._reset()
                    return
                self.send_response(status)
                for name, value in headers:
                    if name.lower() in ("content-type", "retry-after", "www-authenticate"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _reset(self) -> None:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()

            do_GET = do_POST = do_PUT = do_DELETE = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def choose(self, size: int) -> str | None:
        with self.lock:
            if self.force_413_over is not None:
                return "413" if size > self.force_413_over else None
            if self.rng.random() >= self.rate:
                return None
            kinds = [k for k in self.KINDS if not (k == "413" and size <= self.big)]
            if self.faults.count("timeout") >= self.max_timeouts:
                kinds.remove("timeout")
            fault = self.rng.choice(kinds)
            self.faults.append(fault)
            return fault

    def forward(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(self.upstream, timeout=60)
        try:
            keep = {
                k: v for k, v in headers.items() if k.lower() in ("content-type", "accept", "authorization")
            }
            conn.request(method, path, body=body or None, headers=keep)
            response = conn.getresponse()
            data = response.read()
            with self.lock:
                self.forwarded += 1
            return response.status, response.getheaders(), data
        finally:
            conn.close()

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
