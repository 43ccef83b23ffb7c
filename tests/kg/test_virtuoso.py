"""Virtuoso as the big store: `kg push` the corpus graph into a real Virtuoso (Debian's virtuoso-opensource, started
on loopback ports in a temporary directory), then every named query through `kg query --endpoint` answers what
the local store answers (same rows, order aside)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import named_queries, resolve_query, run_query
from kg.store import open_store

from ..conftest import free_port
from ..queries.test_every_query_answers import readme_examples

# skipped where Virtuoso is not installed, except in CI (.ci/run installs it and sets KG_REQUIRE_VIRTUOSO)
pytestmark = pytest.mark.skipif(shutil.which("virtuoso-t") is None and not os.environ.get("KG_REQUIRE_VIRTUOSO"),
                                reason="virtuoso-t not installed (Debian: apt-get install virtuoso-opensource)")

_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A fresh Virtuoso on two loopback ports; its SPARQL endpoint's URL.  Stopped, and its files removed, after."""
    root = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    (root / "virtuoso.ini").write_text(_INI.format(dir=root, sql_port=free_port(), http_port=http_port))
    process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(root / "virtuoso.ini")], cwd=root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 120  # the first start creates the database
        while True:
            if process.poll() is not None:
                log = (root / "virtuoso.log").read_text(errors="replace")[-2000:] if (root / "virtuoso.log").exists() else ""
                pytest.fail(f"virtuoso-t exited with {process.returncode}: {log}")
            try:
                urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("Virtuoso did not answer within 120 s")
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _count(base: str) -> int:
    text = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/ccec-kg/')) }")
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": text, "format": "application/sparql-results+json"})
    return int(json.loads(urllib.request.urlopen(url, timeout=60).read())["results"]["bindings"][0]["n"]["value"])


def _rows(output: str) -> list[tuple]:
    """The rows of `kg query --format json`, each value's ";"-joined list sorted (GROUP_CONCAT has no order),
    and an empty GROUP_CONCAT as "": SPARQL 1.1 and Virtuoso say "", Oxigraph leaves it unbound (and Virtuoso 7.2
    fails to compile a COALESCE around the aggregate that would make the queries say "" on both)."""
    rows = []
    for row in json.loads(output):
        rows.append(tuple((k, "; ".join(sorted(v.split("; "))) if isinstance(v, str) and "; " in v else
                           "" if v is None else v) for k, v in sorted(row.items())))
    return sorted(rows, key=repr)


def test_the_pushed_corpus_answers_every_named_query_as_the_local_store(virtuoso, corpus_built, monkeypatch):
    runner = CliRunner()
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    monkeypatch.setenv("KG_PUSH_PASSWORD", "wrong")
    refused = runner.invoke(app, ["push", "--endpoint", crud, "--user", "dba", "--store", str(corpus_built)])
    assert refused.exit_code == 1 and "HTTP 401" in refused.output and _count(virtuoso) == 0

    monkeypatch.setenv("KG_PUSH_PASSWORD", "dba")  # a fresh Virtuoso's administrator
    pushed = runner.invoke(app, ["push", "--endpoint", crud, "--user", "dba", "--store", str(corpus_built)])
    assert pushed.exit_code == 0, pushed.output
    triples = int(pushed.output.split(" graph(s), ")[1].split()[0])
    assert _count(virtuoso) == triples
    again = runner.invoke(app, ["push", "--endpoint", crud, "--user", "dba", "--store", str(corpus_built)])
    assert again.exit_code == 0 and _count(virtuoso) == triples  # each graph replaced, nothing doubled

    local = open_store(corpus_built)
    for name in sorted(named_queries()):
        bindings = readme_examples()[name]
        args = ["query", name, "--format", "json", *[a for b in bindings for a in ("--param", b)]]
        there = runner.invoke(app, [*args, "--endpoint", f"{virtuoso}/sparql"])
        assert there.exit_code == 0, (name, there.output)
        here = run_query(local, resolve_query(name), bindings)
        mine = runner.invoke(app, [*args, "--store", str(corpus_built)])
        assert here.rows and _rows(there.output) == _rows(mine.output), name
