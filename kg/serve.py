"""``kg serve``: the store behind a SPARQL 1.1 Protocol endpoint, served by the Oxigraph server.

The ``oxigraph`` program (PyPI package ``oxigraph``) runs on the store with the
union of all graphs as the default graph, listening on a private loopback port.
In front of it a small proxy takes every request: the SPARQL text of a query or
update (in the URL, a form or the body) first passes :func:`kg.guard.check_query`
— no ``SERVICE`` unless ``allow_service``, bounded size — and is answered
``400`` otherwise, so an endpoint open to callers never fetches URLs for them
and no query they send can crash it.  ``/`` is this project's page (:mod:`kg.serve_page`: what the graph holds,
the named queries, a query editor); everything else (``/query``, ``/store``) is passed through unchanged.  The Oxigraph process dies
with this one, and is started again if it ever exits.
"""
from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from extract.processes import die_with_parent

from .errors import KGError, QueryRefused, ServerUnavailable
from .guard import DEFAULT_LIMITS, QueryLimits, check_query
from .query import named_queries
from .serve_page import front_page
from .stats import graph_stats
from .store import open_store

_SPARQL_TYPES = ("application/sparql-query", "application/sparql-update")
_FORM = "application/x-www-form-urlencoded"
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}
_MAX_SPARQL_BODY = 1_000_000  # bytes of a query or form body; far above the guard's character limit


def server_program() -> str:
    """The ``oxigraph`` executable, preferring the one installed beside this Python."""
    here = str(Path(sys.executable).parent)
    found = shutil.which("oxigraph", path=os.pathsep.join([here, os.environ.get("PATH", "")]))
    if found is None:
        raise ServerUnavailable()
    return found


def server_command(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                   timeout_s: int = 60) -> list[str]:
    """The Oxigraph command line that serves ``store``; read-only unless ``writable``."""
    open_store(store)  # a missing or foreign directory fails here with a one-line error
    mode = "serve" if writable else "serve-read-only"
    return [server_program(), mode, "--location", str(store), "--bind", f"{host}:{port}", "--union-default-graph",
            "--timeout-s", str(timeout_s)]


def sparql_texts(method: str, target: str, content_type: str, body: bytes) -> list[str]:
    """Every query or update text a request carries: URL parameters, a form body or a SPARQL body."""
    texts = []
    query = urllib.parse.urlsplit(target).query
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        if key in ("query", "update"):
            texts.append(value)
    kind = content_type.split(";")[0].strip().lower()
    if method == "POST" and kind in _SPARQL_TYPES:
        texts.append(body.decode("utf-8", "replace"))
    elif method == "POST" and kind == _FORM:
        for key, value in urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            if key in ("query", "update"):
                texts.append(value)
    return texts


class _Backend:
    """The Oxigraph server process on a private port, started again by a supervising thread if it exits.

    One long-lived thread starts the process: the kernel kills a child whose parent *thread* ends
    (``PR_SET_PDEATHSIG``), so it must not be a request's thread.
    """

    def __init__(self, command: Callable[[int], list[str]]) -> None:
        self._command = command
        self._stopping = threading.Event()
        self._up = threading.Event()
        self._failure: Exception | None = None
        self._process: subprocess.Popen | None = None
        self.port = 0
        self._thread = threading.Thread(target=self._supervise, name="kg-serve-backend", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self.wait()

    def wait(self) -> int:
        """The backend's port once it listens; raises if it cannot be started."""
        while not self._up.wait(timeout=0.2):
            if self._failure is not None:
                raise self._failure
            if self._stopping.is_set():
                raise KGError("the server is stopping")
        return self.port

    def _supervise(self) -> None:
        while not self._stopping.is_set():
            port = _free_port()
            try:
                process = subprocess.Popen(self._command(port), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.PIPE, preexec_fn=die_with_parent)
                self._process = process
                _wait_listening(port, process)
            except (KGError, OSError) as err:
                self._failure = err
                return
            self.port = port
            self._up.set()
            process.wait()
            self._up.clear()

    def stop(self) -> None:
        self._stopping.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_listening(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            detail = process.stderr.read().decode("utf-8", "replace").strip().splitlines() if process.stderr else []
            raise KGError(f"the Oxigraph server stopped at once ({detail[-1] if detail else process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise KGError("the Oxigraph server did not start listening within 30 s")


def _handler(backend: _Backend, *, allow_service: bool, limits: QueryLimits, page: bytes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-serve"
        timeout = 120  # seconds a client may take to send its request: a stalled one does not hold a thread forever

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
            pass  # one line per request on stderr is noise for a user; errors are answered to the caller

        def _send(self, status: int, content_type: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _reply(self, status: int, message: str) -> None:
            self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

        def _forward(self) -> None:
            if self.command in ("GET", "HEAD") and self.path in ("/", "/index.html"):
                return self._send(200, "text/html; charset=utf-8", page)
            if self.headers.get("Content-Encoding", "identity").lower() != "identity":
                return self._reply(415, "compressed request bodies are not accepted")
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                return self._reply(411, "send a Content-Length")
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if length < 0:
                return self._reply(400, "bad Content-Length")
            content_type = self.headers.get("Content-Type", "")
            kind, _, params = content_type.partition(";")
            checked = kind.strip().lower() in (*_SPARQL_TYPES, _FORM)
            charset = dict(p.strip().lower().partition("=")[::2] for p in params.split(";") if "=" in p).get("charset")
            if checked and charset not in (None, "utf-8", "us-ascii", '"utf-8"'):
                return self._reply(415, "SPARQL text must be UTF-8")
            if checked and length > _MAX_SPARQL_BODY:
                return self._reply(413, f"a query body may have at most {_MAX_SPARQL_BODY:,} bytes")
            body = self.rfile.read(length) if length else b""
            try:
                for text in sparql_texts(self.command, self.path, content_type, body):
                    check_query(text, allow_service=allow_service, limits=limits)
            except QueryRefused as refused:
                return self._reply(400, str(refused))
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            try:
                connection = http.client.HTTPConnection("127.0.0.1", backend.wait(), timeout=3600)
                connection.request(self.command, self.path, body=body or None, headers=headers)
                response = connection.getresponse()
            except (OSError, http.client.HTTPException, KGError) as err:
                return self._reply(502, f"the SPARQL engine did not answer ({err}); try again")
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() not in _HOP_BY_HOP and key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Connection", "close")
            self.end_headers()
            while chunk := response.read(65536):
                self.wfile.write(chunk)
            connection.close()

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _forward

    return Handler


def serve(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
          allow_service: bool = False, timeout_s: int = 60, limits: QueryLimits = DEFAULT_LIMITS,
          ready: Callable[[], None] | None = None) -> None:
    """Serve ``store`` at ``http://host:port/`` until SIGINT or SIGTERM (see module docstring)."""
    server_command(store)  # a missing store, or no server program, fails here with its one-line error
    page = front_page(graph_stats(open_store(store)), sorted(named_queries().values(), key=lambda q: q.name),
                      title=f"kg serve: {store.name}").encode("utf-8")
    backend = _Backend(lambda p: server_command(store, host="127.0.0.1", port=p, writable=writable,
                                                timeout_s=timeout_s))
    backend.start()
    try:
        httpd = ThreadingHTTPServer((host, port), _handler(backend, allow_service=allow_service, limits=limits,
                                                           page=page))
    except OSError as err:
        backend.stop()
        raise KGError(f"cannot listen on {host}:{port} ({err.strerror or err})") from None
    httpd.daemon_threads = True
    previous = signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=httpd.shutdown).start())
    try:
        if ready:
            ready()
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        httpd.server_close()
        backend.stop()
