"""A real Oxigraph server on 127.0.0.1: `kg serve`, `kg push` and `kg query --endpoint`."""
import urllib.error
import urllib.request

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.serve import server_command

from ..conftest import free_port

runner = CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def csv(*args):
    result = kg("query", *args, "-f", "csv")
    assert result.exit_code == 0, result.output
    return result.output


def test_push_then_query_the_endpoint_gives_the_local_answers(server, built):
    store = built[0]
    pushed = kg("push", "--endpoint", server + "/store", "--store", store)
    assert pushed.exit_code == 0, pushed.output
    assert "pushed" in pushed.output
    for args in (["facilities-by-place"], ["recommendations"], ["organization-profile", "--param", "name=HP"],
                 ["partners-of-organization", "--param", "name=Corning"]):
        local = csv(*args, "--store", store)
        remote = csv(*args, "--endpoint", server + "/query")
        assert len(local.splitlines()) > 1, args  # a header alone would compare empty with empty
        assert sorted(remote.splitlines()) == sorted(local.splitlines()), args
    # a second push replaces graphs instead of adding duplicates
    assert kg("push", "--endpoint", server + "/store", "--store", store).exit_code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Organization }"
    assert csv(count, "--endpoint", server + "/query") == csv(count, "--store", store)


def test_push_one_document_graph(server, built):
    store = built[0]
    graphs = csv("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } }", "--store", store).split()[1:]
    result = kg("push", "--endpoint", server + "/store", "--graph", graphs[0], "--store", store)
    assert result.exit_code == 0 and "pushed 1 graph(s)" in result.output
    remote = csv("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "--endpoint", server + "/query")
    assert remote.split()[1:] == [graphs[0]]
    bad = kg("push", "--endpoint", server + "/store", "--graph", "https://example.org/nothing", "--store", store)
    assert bad.exit_code == 1 and "no such named graph" in bad.output


def test_endpoint_parameters_stay_data(server, built):
    assert kg("push", "--endpoint", server + "/store", "--store", built[0]).exit_code == 0
    for value in ['x" } ; DROP ALL #', "a>b", "}{", "# comment"]:
        result = kg("query", "organization-profile", "--param", f"name={value}", "--endpoint", server + "/query", "-f", "json")
        assert result.exit_code == 0, result.output
        assert result.output.strip() == "[]"


def test_query_endpoint_errors_are_one_line(built):
    unreachable = kg("query", "most-cited-policies", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert unreachable.exit_code == 1 and "unreachable" in unreachable.output
    assert len(unreachable.output.strip().splitlines()) == 1
    update = kg("query", "DELETE WHERE { ?s ?p ?o }", "--endpoint", "http://127.0.0.1:9/query")
    assert update.exit_code == 1 and "updates are refused" in update.output


def test_kg_serve_answers_sparql_read_only(served):
    base, _ = served
    assert "HP Inc" in csv("organization-profile", "--param", "name=HP", "--endpoint", base + "/query")
    request = urllib.request.Request(base + "/update", data=b"CLEAR ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=5)


def test_kg_serve_front_page_says_what_the_graph_holds_and_its_example_runs(served):
    import json
    import re

    from kg.query import named_queries
    from kg.serve_page import EXAMPLE, prefix_lines

    base, _ = served
    with urllib.request.urlopen(base + "/", timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/html")
        page = response.read().decode("utf-8")
    assert "PREFIX kg: &lt;https://w3id.org/ccec-kg/ontology#&gt;" in page  # the editor starts with the prefixes
    assert re.search(r"<code>kg:Company</code></td><td>[1-9]", page)  # the classes with their counts
    assert all(f"<b>{name}</b>" in page for name in named_queries())  # every named query can be loaded
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=", page)  # nothing is fetched from elsewhere
    request = urllib.request.Request(base + "/query", data=(prefix_lines() + EXAMPLE).encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        rows = json.load(response)["results"]["bindings"]
    assert rows and {"facility", "name", "operator"} <= set(rows[0])


def test_server_command_checks_the_store(tmp_path):
    command = server_command(_empty_store(tmp_path), port=7000)
    assert command[1] == "serve-read-only" and "--union-default-graph" in command and "127.0.0.1:7000" in command
    missing = kg("serve", "--store", tmp_path / "nothing")
    assert missing.exit_code == 1 and "no graph store here" in missing.output


def _empty_store(tmp_path):
    import pyoxigraph as ox

    path = tmp_path / "s"
    ox.Store(str(path)).flush()
    return path
