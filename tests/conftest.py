"""Shared fixtures: the spaCy pipeline (loaded once) and a graph built from the small test corpus."""
from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
TEST_CORPUS = FIXTURES / "corpus"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def reference():
    from extract.reference import load_reference
    from kg.resources import REFERENCE_DIR

    return load_reference(REFERENCE_DIR)


@pytest.fixture(scope="session")
def nlp(reference):
    from extract.nlp import build_pipeline

    return build_pipeline(reference)


@pytest.fixture(scope="session")
def built(tmp_path_factory, nlp):
    """A store and out/ built from the test corpus; returns (store path, out dir, summary)."""
    from kg.build import build

    root = tmp_path_factory.mktemp("built")
    summary = build([TEST_CORPUS], store_path=root / "store", out_dir=root / "out", nlp=nlp)
    assert summary.report.conforms, [v.one_line() for v in summary.report.violations]
    return root / "store", root / "out", summary


@pytest.fixture(scope="session")
def corpus_built(tmp_path_factory, nlp):
    """The store built from the shipped ``corpus/`` (what the README's first command builds)."""
    from kg.build import build

    root = tmp_path_factory.mktemp("corpus")
    summary = build([REPO / "corpus"], store_path=root / "store", out_dir=root / "out", nlp=nlp, n_process=2)
    assert summary.report.conforms, [v.one_line() for v in summary.report.violations]
    return root / "store"


@pytest.fixture
def cli_nlp(monkeypatch, nlp):
    """Make `kg build` in CliRunner tests reuse the session pipeline instead of loading the model again."""
    import extract.nlp

    monkeypatch.setattr(extract.nlp, "build_pipeline", lambda reference: nlp)
    return nlp


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read()}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(url)


@pytest.fixture
def server(tmp_path):
    """An empty, writable Oxigraph server: yields its base URL."""
    port = free_port()
    process = subprocess.Popen([_server_program(), "serve", "--location", str(tmp_path / "remote"),
                                "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served(built):
    """`kg serve` of the test corpus graph on a free port, in its own process: yields (base URL, process)."""
    import sys

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(built[0]), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", process)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def _server_program() -> str:
    from kg.serve import server_program

    return server_program()
