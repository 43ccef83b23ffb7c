"""Hostile queries (issue: SERVICE reaches the network, one query kills the server).

A listener on loopback stands for the host a SERVICE clause names: it must receive nothing unless
--allow-service is given, from `kg query` and from `kg serve` alike.  Queries past the engine's limits
are refused before it sees them, and the server answers the next query.
"""
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryRefused
from kg.guard import DEFAULT_LIMITS, check_query

runner = CliRunner()


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def stop(self):
        self.stopped.set()
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener():
    found = Listener()
    yield found
    found.stop()


def service_queries(port):
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o.SERVICE<{url}>{{ ?s ?p ?o }} }}",
        f"PREFIX : <{url}#> SELECT * WHERE {{ SERVICE:x {{ ?s ?p ?o }} }}",  # the parser reads SERVICE + :x
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
    ]


FLOOD = "SELECT * WHERE { ?s ?p ?o " + " ".join(f"FILTER(?o != {i})" for i in range(10_000)) + " }"
HOSTILE = [
    FLOOD,
    "SELECT * WHERE{?s ?p ?o " + "FILTER(?o!=1)" * 5000 + "}",
    "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
    "SELECT * WHERE { " + " UNION ".join("{ ?s ?p ?o }" for _ in range(10_000)) + " }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + " && ".join(f"?o != {i}" for i in range(10_000)) + ") }",
    "SELECT * WHERE { " + " ".join("{ ?s ?p ?o }" for _ in range(300)) + " }",  # minutes of planning
    "SELECT * WHERE { ?s ?p ?o } # " + "x" * 200_000,
]


@pytest.mark.parametrize("index", range(5))
def test_service_is_refused_before_the_engine_sees_it(index, listener):
    with pytest.raises(QueryRefused, match="SERVICE"):
        check_query(service_queries(listener.port)[index])


@pytest.mark.parametrize("text", [
    'SELECT ?service WHERE { ?service a <http://x/Service> }',
    'PREFIX svc: <http://x/> SELECT * WHERE { ?s svc:service "SERVICE <http://h/> { }" }',
    "SELECT * WHERE { ?s <http://x/SERVICE> ?o } # SERVICE <http://h/>",
    'SELECT * WHERE { ?s ?p """multi\nline SERVICE <http://h/> { }""" }',
])
def test_the_word_in_a_name_string_iri_or_comment_is_no_service(text):
    check_query(text)


def test_a_prefix_named_service_is_refused_too():
    # Oxigraph reads "SERVICE:x" as the keyword and the IRI ":x"; telling the two apart is not worth a hole
    with pytest.raises(QueryRefused):
        check_query("PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?o }")


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_queries_past_the_limits_are_refused(index):
    with pytest.raises(QueryRefused):
        check_query(HOSTILE[index])


def test_the_named_queries_pass_the_limits():
    from kg.query import named_queries

    for query in named_queries().values():
        check_query(query.text)


def test_kg_query_refuses_service_and_reaches_no_host(built, listener):
    for text in service_queries(listener.port):
        result = runner.invoke(app, ["query", text, "--store", str(built[0])])
        assert result.exit_code == 1, result.output
        assert result.output.strip().splitlines() == [result.output.strip()]
        assert "SERVICE" in result.output and "--allow-service" in result.output
    assert listener.connections == 0


def test_allow_service_does_reach_the_host(built, listener):
    """The other side of the test above: with the flag, the same query does connect."""
    text = service_queries(listener.port)[1]  # SILENT: the listener's hang-up is no error
    result = runner.invoke(app, ["query", text, "--store", str(built[0]), "--allow-service", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert listener.connections >= 1


def test_kg_query_refuses_a_flood_in_one_line(built):
    result = runner.invoke(app, ["query", FLOOD, "--store", str(built[0])])
    assert result.exit_code == 1
    assert result.output.startswith("error: query refused: the query has 188,917 characters")
    assert len(result.output.splitlines()) == 1
    short = "SELECT * WHERE{?s ?p ?o " + "FILTER(?o!=1)" * 5000 + "}"  # 65 KB: under the size limit
    result = runner.invoke(app, ["query", short, "--store", str(built[0])])
    assert result.exit_code == 1
    assert result.output == "error: query refused: the query has more than 500 FILTER\n"


def test_help_states_the_limits():
    for command in ("query", "serve"):
        text = " ".join(runner.invoke(app, [command, "--help"]).output.split())
        for figure in (f"{DEFAULT_LIMITS.max_chars:,}", f"{DEFAULT_LIMITS.max_depth} levels",
                       f"{DEFAULT_LIMITS.max_groups} groups", f"{DEFAULT_LIMITS.max_operators} of"):
            assert figure in text, (command, figure)


def _post(base, text, content_type="application/sparql-query"):
    body = text.encode() if content_type != "form" else urllib.parse.urlencode({"query": text}).encode()
    kind = "application/x-www-form-urlencoded" if content_type == "form" else content_type
    request = urllib.request.Request(base + "/query", data=body, method="POST",
                                     headers={"Content-Type": kind, "Accept": "text/csv"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


NORMAL = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/ccec-kg/ontology#Organization> }"


def test_kg_serve_refuses_service_in_every_form_and_reaches_no_host(served, listener):
    base, process = served
    for text in service_queries(listener.port):
        assert _post(base, text)[0] == 400
        assert _post(base, text, "form")[0] == 400
        url = base + "/query?" + urllib.parse.urlencode({"query": text})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=10)
        assert refused.value.code == 400 and b"SERVICE" in refused.value.read()
    assert listener.connections == 0
    assert process.poll() is None


def test_kg_serve_survives_a_hostile_query_and_answers_the_next(served):
    base, process = served
    status, before = _post(base, NORMAL)
    assert status == 200 and int(before.split()[1]) > 0
    for text in HOSTILE:
        status, message = _post(base, text)
        assert status == 400, message[:200]
        assert "query refused" in message
        assert _post(base, NORMAL) == (200, before)
    assert process.poll() is None


def test_kg_serve_refuses_bodies_it_cannot_check(served, listener):
    base, process = served
    text = service_queries(listener.port)[0]
    for content_type, body in [("application/sparql-query; charset=utf-16", text.encode("utf-16")),
                               ("application/sparql-query", None)]:
        request = urllib.request.Request(base + "/query", data=body or text.encode(), method="POST",
                                         headers={"Content-Type": content_type,
                                                  **({} if body else {"Content-Encoding": "gzip"})})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 415
    with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1]))) as sock:
        sock.sendall(b"POST /query HTTP/1.0\r\nContent-Length: -5\r\nContent-Type: application/sparql-query\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.0 400")
    assert listener.connections == 0 and process.poll() is None
    assert _post(base, NORMAL)[0] == 200
