"""Every `$ kg …` example in the README runs (against the test corpus graph) with the exit code it shows.

Examples that talk to another SPARQL store (``127.0.0.1:7879``) run against a real Oxigraph server on a
free port, with the graph pushed first; ``kg serve`` runs until stopped, so its examples are checked up to
the server command they start (tests/kg/test_remote.py runs the real server).
"""
import inspect
import re
import shlex

import pytest
from typer.testing import CliRunner

from kg.cli import app

from .conftest import REPO

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
def test_readme_serve_example(example, built, monkeypatch):
    started = []
    monkeypatch.setattr("os.execv", lambda program, command: started.append(command))
    result = CliRunner().invoke(app, shlex.split(example)[1:] + ["--store", str(built[0])])
    assert result.exit_code == 0, result.output
    assert started and started[0][1] == ("serve" if "--writable" in example else "serve-read-only")
