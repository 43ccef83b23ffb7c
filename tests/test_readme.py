"""Every `$ kg …` example in the README runs (against the test corpus graph) with the exit code it shows.

Examples that talk to another SPARQL store (``127.0.0.1:7879``) run against a real Oxigraph server on a
free port, with the graph pushed first; ``kg serve`` examples run as a real server on a free port.
"""
import inspect
import re
import shlex
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest
from typer.testing import CliRunner

from kg.cli import app

from .conftest import REPO, free_port, wait_for

LINES = [line[2:] for line in (REPO / "README.md").read_text().splitlines() if line.startswith("$ kg ")]
EXAMPLES = [e for e in LINES if not e.startswith(("kg build", "kg serve"))]
SERVE = [e for e in LINES if e.startswith("kg serve")]
REMOTE = "http://127.0.0.1:7879"


def test_readme_has_examples():
    assert len(EXAMPLES) >= 4 and SERVE


@pytest.mark.parametrize("example", EXAMPLES)
def test_readme_example(example, built, tmp_path, monkeypatch, request):
    # `kg eval` examples name files of this repository; the others write into a scratch directory
    monkeypatch.chdir(REPO if example.startswith("kg eval") else tmp_path)
    store = ["--store", str(built[0])]
    if REMOTE in example:
        server = request.getfixturevalue("server")
        example = example.replace(REMOTE, server)
        assert CliRunner().invoke(app, ["push", "--endpoint", server + "/store", *store]).exit_code == 0
    args = shlex.split(example)[1:]
    if _takes_store(args[0]):
        args += store
    result = CliRunner().invoke(app, args)
    expected = 1 if re.search(r"show Cornig$", example) else 0
    assert result.exit_code == expected, result.output


def _takes_store(command: str) -> bool:
    callback = next(c.callback for c in app.registered_commands if c.name == command)
    return "store" in inspect.signature(callback).parameters


@pytest.mark.parametrize("example", SERVE)
def test_readme_serve_example(example, built):
    """The example runs for real (on a free port), answers its query page and SPARQL, and stops on SIGTERM."""
    args = shlex.split(example)[1:]
    if "--port" in args:
        args[args.index("--port") + 1] = str(free_port())
    port = args[args.index("--port") + 1] if "--port" in args else "7878"
    process = subprocess.Popen([sys.executable, "-m", "kg", *args, "--store", str(built[0])],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?{query}", timeout=30) as response:
            assert b"true" in response.read()
    finally:
        process.terminate()
        assert process.wait(timeout=15) == 0
    assert process.stderr.read().startswith(f"serving {built[0]} at http://127.0.0.1:{port}/ (read-only)")