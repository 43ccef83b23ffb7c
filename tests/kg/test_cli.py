"""Every CLI command through typer's CliRunner, on a graph built from the test corpus."""
import json
import re
import shlex

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from kg.cli import app

from ..conftest import FIXTURES, TEST_CORPUS

runner = CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def store(built):
    return built[0]


def test_build_writes_store_and_turtle(tmp_path, cli_nlp):
    result = kg("build", TEST_CORPUS, "--store", tmp_path / "s", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "SHACL:     conforms" in result.output and "documents: 4" in result.output
    ttl = (tmp_path / "out" / "kg.ttl").read_bytes()
    assert len(Graph().parse(data=ttl, format="turtle")) > 50
    assert len(list(ox.parse(ttl, format=ox.RdfFormat.TURTLE))) > 50
    # a second build of the same input gives byte-identical Turtle
    again = kg("build", TEST_CORPUS, "--store", tmp_path / "s", "--out", tmp_path / "out2")
    assert again.exit_code == 0 and (tmp_path / "out2" / "kg.ttl").read_bytes() == ttl


def test_show_prints_a_card_with_provenance(store):
    result = kg("show", "corning", "--store", store)
    assert result.exit_code == 0, result.output
    assert "Corning  (kg:Company, kg:Organization)" in result.output
    assert "aliases: Corning Incorporated" in result.output
    assert "← kg:affiliation of Maria Lopez" in result.output
    assert "[advisory-reports.md " in result.output and "provenance:" in result.output


def test_show_is_case_and_punctuation_insensitive(store):
    result = kg("show", "maria-LOPEZ", "--store", store)
    assert result.exit_code == 0 and "Maria Lopez  (kg:Person)" in result.output
    assert "kg:role: Executive Vice President" in result.output and "kg:affiliation → Corning" in result.output


def test_show_unknown_name_suggests(store):
    result = kg("show", "Corninng", "--store", store)
    assert result.exit_code == 1
    assert "no entity named 'Corninng'" in result.output and "Corning" in result.output


def test_search_with_type(store):
    result = kg("search", "chong", "--type", "Province", "--store", store)
    assert result.exit_code == 0
    assert result.output.splitlines() == [line for line in result.output.splitlines() if "kg:Province" in line]
    assert "Chongqing" in result.output


def test_query_named_with_param_as_csv(store):
    result = kg("query", "provenance-of-entity", "--param", "name=HP", "--format", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "name,documentTitle,sourceFile,start,end,quote"
    assert any("HP and Qualcomm presented" in line for line in lines[1:])


def test_query_param_is_data_not_code(store):
    hostile = 'HP" } ?s ?p ?o { #>'
    result = kg("query", "provenance-of-entity", "--param", f"name={hostile}", "--format", "json", "--store", store)
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_query_inline_json(store):
    result = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Organization }", "-f", "json", "--store", store)
    assert result.exit_code == 0 and int(json.loads(result.output)[0]["n"]) >= 5


def test_export_formats_parse(store, tmp_path):
    result = kg("export", "--store", store)
    assert result.exit_code == 0
    assert "@prefix kg: <https://w3id.org/ccec-kg/ontology#>" in result.output
    for prefix in ("org", "prov", "skos", "dcterms", "schema", "xsd"):
        assert f"@prefix {prefix}:" in result.output
    turtle = Graph().parse(data=result.output, format="turtle")
    for fmt, rdflib_fmt in (("ntriples", "nt"), ("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")):
        target = tmp_path / f"kg.{fmt}"
        assert kg("export", "--format", fmt, "-o", target, "--store", store).exit_code == 0
        dataset = Dataset()
        dataset.parse(target, format=rdflib_fmt)
        assert {(s, p, o) for s, p, o, _ in dataset.quads()} == set(turtle), fmt
        if fmt in ("nquads", "trig"):  # one named graph per document, plus the shared one
            names = {str(g) for _, _, _, g in dataset.quads()}
            assert any("/resource/document/" in n for n in names) and "https://w3id.org/ccec-kg/graph/shared" in names


def test_validate_store_and_file(store, built):
    assert kg("validate", "--store", store).exit_code == 0
    assert kg("validate", built[1] / "kg.ttl").exit_code == 0
    bad = kg("validate", FIXTURES.parent / "shapes" / "facility-two-operators.ttl")
    assert bad.exit_code == 1 and "a facility has exactly one kg:operatedBy" in bad.output


def test_stats(store):
    result = kg("stats", "--json", "--store", store)
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["classes"]["Document"] == 4 and data["classes"]["Company"] >= 2
    assert data["classes"]["GovernmentBody"] >= 2 and data["classes"]["Person"] >= 2


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["build", FIXTURES / "nowhere"], "no such file or directory"),
        (["build", FIXTURES / "bad" / "empty.txt"], "the file is empty"),
        (["build", FIXTURES / "bad" / "archive.txt"], "not a text file"),
        (["query", "SELECT ?s WHERE { ?s ", "--store", "STORE"], "malformed SPARQL"),
        (["query", "DELETE WHERE { ?s ?p ?o }", "--store", "STORE"], "SPARQL updates are refused"),
        (["query", "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }", "--store", "STORE"], "SPARQL updates are refused"),
        (["query", "no-such-query", "--store", "STORE"], "no named query 'no-such-query'"),
        (["query", "organization-profile", "-f", "xml", "--store", "STORE"], "unknown format 'xml'"),
        (["export", "--format", "rdfxml", "--store", "STORE"], "unknown format 'rdfxml'"),
        (["show", "Corning", "--store", FIXTURES], "not a graph store"),
        (["stats", "--store", FIXTURES / "no-store"], "no graph store here"),
        (["validate", FIXTURES / "corpus" / "regional-news.txt"], "not valid RDF"),
    ],
)
def test_bad_input_one_line_error(args, needle, store, tmp_path):
    args = [store if a == "STORE" else a for a in args]
    if args[0] == "build":
        args += ["--store", tmp_path / "s", "--out", tmp_path / "out"]
    result = kg(*args)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and needle in lines[0], result.output
    assert "Traceback" not in result.output
    if args[0] == "build":
        assert not (tmp_path / "out").exists()


def test_update_leaves_store_unchanged(store):
    before = kg("stats", "--json", "--store", store).output
    kg("query", "DELETE WHERE { ?s ?p ?o }", "--store", store)
    assert kg("stats", "--json", "--store", store).output == before


def test_show_and_search_as_json(store):
    shown = kg("show", "corning", "--json", "--store", store)
    assert shown.exit_code == 0, shown.output
    card = json.loads(shown.output)
    assert card["label"] == "Corning" and "kg:Company" in card["types"] and "Corning Incorporated" in card["aliases"]
    assert card["evidence"] and {"source_file", "start", "end", "quote"} <= set(card["evidence"][0])
    found = kg("search", "corn", "--json", "--store", store)
    assert found.exit_code == 0
    assert any(hit["label"] == "Corning" and hit["iri"] == card["iri"] for hit in json.loads(found.output))


def test_every_command_has_help_with_an_example():
    commands = [c.name for c in app.registered_commands]
    assert {"build", "show", "search", "query", "export", "validate", "stats", "serve", "push", "viz", "docs",
            "eval"} <= set(commands)
    for name in commands:
        result = kg(name, "--help")
        assert result.exit_code == 0 and "Example: kg " + name in " ".join(result.output.split()), name


def test_help_examples_bind_parameters_their_named_queries_declare():
    import re

    from kg.query import named_queries

    queries = named_queries()
    for name in [c.name for c in app.registered_commands]:
        text = " ".join(kg(name, "--help").output.split())
        for query, key in re.findall(r"Example: kg query ([\w-]+) --param (\w+)=", text):
            assert key in queries[query].params, (query, key)


def test_shell_completion_is_offered():
    result = kg("--help")
    assert "--install-completion" in result.output and "--show-completion" in result.output


def test_entry_point_builds_only_the_invoked_command(store, capsys):
    from kg.cli import main

    with pytest.raises(SystemExit) as done:
        main(["show", "Corning", "--store", str(store), "--limit", "1"])
    assert done.value.code in (0, None)
    assert "Corning  (kg:Company, kg:Organization)" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        main(["no-such-command"])
    assert done.value.code == 2 and "No such command" in capsys.readouterr().err


def test_build_quiet_and_verbose(tmp_path, cli_nlp):
    quiet = kg("build", TEST_CORPUS, "--store", tmp_path / "s", "--out", tmp_path / "out", "--quiet")
    assert quiet.exit_code == 0 and quiet.output.strip() == ""
    (tmp_path / "out" / "kg.ttl").unlink()  # forces the next build to redo its outputs
    verbose = kg("build", TEST_CORPUS, "--store", tmp_path / "s", "--out", tmp_path / "out", "--verbose")
    assert verbose.exit_code == 0
    assert "SHACL:     conforms" in verbose.output
    # each stage's line as it ends, on stderr, whether or not stderr is a terminal (here it is not)
    stages = re.findall(r"^(\w+) +\d+\.\d s$", verbose.output, re.M)
    assert stages == ["extract", "map", "validate", "store", "export"]


def test_build_on_a_terminal_shows_a_bar_per_stage(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    main, terminal = pty.openpty()  # stderr is a terminal, as in an interactive shell
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(TEST_CORPUS), "--store", str(tmp_path / "s"),
                                "--no-cache", "-j", "1"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=terminal, env={**os.environ, "COLUMNS": "100"})
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert process.wait(timeout=120) == 0
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace")).replace("\r", "\n")
    # (the parse's "N/M blocks" is drawn at the bar's refresh rate: too fast here to be seen for sure)
    for name in ("extract", "map", "validate", "store", "export"):
        assert re.search(rf"{name} +━+", text), name  # the next stage's bar replaces the last one's
        assert re.search(rf"^{name} +\d+\.\d s", text, re.M), name  # and each stage's time is printed


def test_outputs_follow_the_store(tmp_path, cli_nlp, monkeypatch):
    """Hostile-run row 10: `kg build --store other` wrote the main out/kg.ttl."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "kg.ttl").write_text("the main build's export")
    result = kg("build", TEST_CORPUS, "--store", tmp_path / "other")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "kg.ttl").read_text() == "the main build's export"
    assert (tmp_path / "other-out" / "kg.ttl").read_bytes().startswith(b"@prefix")
    assert f"wrote {tmp_path / 'other'}/ and {tmp_path / 'other-out' / 'kg.ttl'}" in result.output


def test_one_out_directory_takes_one_build_at_a_time(tmp_path, cli_nlp):
    from kg.store import build_lock

    with build_lock(tmp_path / "out"):  # another build, of another store, writing the same out/
        result = kg("build", TEST_CORPUS, "--store", tmp_path / "s", "--out", tmp_path / "out")
    assert result.exit_code == 1 and "another `kg build` is running" in result.output
    assert not (tmp_path / "s").exists()


def test_query_help_lists_every_named_query_with_its_parameters():
    from kg.query import named_queries

    result = runner.invoke(app, ["query", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for query in named_queries().values():
        assert f"{query.name}" + (f" ({', '.join(query.params)})" if query.params else "") in result.output


def test_query_list_describes_each_named_query_and_its_example_runs(built):
    from kg.query import named_queries

    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0, result.output
    examples = [line.strip() for line in result.output.splitlines() if line.startswith("  kg query ")]
    assert len(examples) == len(named_queries())
    for query in named_queries().values():
        assert f"{query.name}: {query.title}" in result.output
        for name in query.params:
            assert f"  --param {name}=…  {query.params[name]}" in result.output
    for example in examples:  # each runs as printed, its parameters bound
        ran = runner.invoke(app, shlex.split(example)[1:] + ["--store", str(built[0])])
        assert ran.exit_code == 0 and "row(s)" in ran.output, (example, ran.output)


def test_query_without_a_query_says_how_to_find_one():
    result = runner.invoke(app, ["query"])
    assert result.exit_code == 1 and result.output.startswith("error: no query given") and "--list" in result.output


def test_query_table_shows_whole_iris_and_prefixed_names(built):
    store = built[0]
    query = "SELECT ?o ?class WHERE { ?o a kg:Company , ?class ; rdfs:label ?l } ORDER BY ?o LIMIT 5"
    result = runner.invoke(app, ["query", query, "--store", str(store)], terminal_width=60)
    assert result.exit_code == 0 and "…" not in result.output
    joined = "".join(line.strip("│ ") for line in result.output.splitlines())  # folded cells, read back
    assert "https://w3id.org/ccec-kg/resource/organization/" in joined.replace("│", "").replace(" ", "")
    assert "kg:Company" in result.output


def test_a_card_states_each_value_once_though_several_documents_state_it(built):
    from kg.lookup import card, find
    from kg.store import open_store

    from kg.store import query

    store = open_store(built[0])
    label = next(query(store, """SELECT ?label WHERE { ?e a kg:Organization ; rdfs:label ?label ;
                                      prov:wasDerivedFrom ?d1, ?d2 . FILTER(?d1 != ?d2) } ORDER BY ?label LIMIT 1"""))
    shown = card(store, next(c for c in find(store, label["label"].value) if c.label == label["label"].value))
    assert len({e.document for e in shown.evidence}) >= 2  # several documents' graphs hold its statements
    for values in (shown.aliases, shown.values):
        assert len(values) == len(set(values))


def test_a_card_prints_its_relations_in_sections_of_a_fixed_order(built):
    from kg.lookup import SECTIONS
    from kg.store import open_store, query

    store = open_store(built[0])
    # an organisation that runs a facility and is party to a partnership
    row = next(query(store, """SELECT ?label WHERE { ?f kg:operatedBy ?o . ?p kg:hasParty ?o . ?o rdfs:label ?label }
                               ORDER BY ?label LIMIT 1"""))
    del store
    result = kg("show", row["label"].value, "--store", built[0])
    assert result.exit_code == 0, result.output
    headers = [line.strip()[:-1] for line in result.output.splitlines()
               if line.startswith("  ") and not line.startswith("   ") and line.strip()[:-1] in SECTIONS]
    assert {"facilities", "partnerships"} <= set(headers)
    assert headers == sorted(headers, key=SECTIONS.index) and len(headers) == len(set(headers))
    facilities = result.output.split("  facilities:\n", 1)[1].split("\n  ", 1)[0]
    assert "← kg:operatedBy of " in facilities


def _stored(facts, path):
    """A store at ``path`` holding the graph of ``facts``, as a build leaves it."""
    from kg.build import _load
    from kg.store import staging_store, swap_in

    staging, store = staging_store(path)
    _load(store, facts)
    del store
    swap_in(path, staging)
    return path


@pytest.fixture
def two_named_alike(tmp_path):
    """A store where a firm and a project share the name "Rail Express"."""
    from extract.records import DocumentRecord, Evidence, FactSet, OrganizationRecord, ProjectRecord

    said = Evidence("news", "Rail Express runs the Rail Express project.", 0, 43)
    facts = FactSet(documents=[DocumentRecord("news", "news.txt", "News", "a" * 64, 0, 43)],
                    organizations=[OrganizationRecord("Rail Express", "Company", [], [said])],
                    stated={"projects": [ProjectRecord("Rail Express", evidence=[said])]})
    return _stored(facts, tmp_path / "s")


def test_an_ambiguous_name_lists_each_candidate_with_the_command_that_shows_it(two_named_alike):
    result = runner.invoke(app, ["show", "Rail Express", "--store", str(two_named_alike)])
    assert result.exit_code == 1 and "ambiguous" in result.output
    commands = [line.strip() for line in result.output.splitlines() if line.strip().startswith("kg show ")]
    assert len(commands) == 2
    # a line of context each: the candidate's first sentence and where it is
    assert result.output.count("“Rail Express runs the Rail Express project.”  [news.txt 0-43]") == 2
    for command, kind in zip(commands, ("kg:Company", "kg:Project")):
        picked = runner.invoke(app, shlex.split(command)[1:])  # the command names the store it was run on
        assert picked.exit_code == 0 and f"({kind}" in picked.output.splitlines()[0]


@pytest.mark.parametrize("type_, kind", [("Project", "kg:Project"), ("kg:Company", "kg:Company")])
def test_show_type_picks_one_of_an_ambiguous_names_entities(two_named_alike, type_, kind):
    result = runner.invoke(app, ["show", "Rail Express", "--type", type_, "--store", str(two_named_alike)])
    assert result.exit_code == 0 and result.output.startswith(f"Rail Express  ({kind}")


def test_a_name_one_entity_is_far_better_supported_for_shows_it_and_names_the_others(tmp_path):
    from extract.records import DocumentRecord, Evidence, FactSet, OrganizationRecord, ProjectRecord

    firm = [Evidence("news", f"Rail Express said thing {i}.", 50 * i, 50 * i + 20) for i in range(12)]
    project = [Evidence("news", "Rail Express runs the Rail Express project.", 700, 743)]
    facts = FactSet(documents=[DocumentRecord("news", "news.txt", "News", "a" * 64, 0, 800)],
                    organizations=[OrganizationRecord("Rail Express", "Company", [], firm)],
                    stated={"projects": [ProjectRecord("Rail Express", evidence=project)]})
    _stored(facts, tmp_path / "s")
    result = runner.invoke(app, ["show", "Rail Express", "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "also names 1 other entity" in lines[0] and "this one has 12" in lines[0]
    assert "(kg:Project): kg show '<https://w3id.org/ccec-kg/resource/project/rail-express>'" in lines[1]
    assert lines[2].startswith("Rail Express  (kg:Company")


@pytest.fixture
def stated_twice(tmp_path):
    """A store where two documents support a project but only one says that Acme takes part, in 2020."""
    from extract.records import DocumentRecord, Evidence, FactSet, OrganizationRecord, ProjectRecord

    joined = Evidence("one", "Acme joined the Rail Link project in 2020.", 0, 42)
    opened = Evidence("two", "The Rail Link project opened its first line.", 0, 45)
    elsewhere = Evidence("three", "Acme opened a plant in Pune.", 0, 28)
    docs = [DocumentRecord(d, f"{d}.txt", d.title(), "a" * 64, 0, 50) for d in ("one", "two", "three")]
    facts = FactSet(documents=docs, organizations=[OrganizationRecord("Acme", "Company", [], [joined, elsewhere])],
                    stated={"projects": [ProjectRecord("Rail Link", ["Acme"], year="2020", evidence=[joined, opened])]})
    return _stored(facts, tmp_path / "s")


def test_a_card_counts_the_documents_that_state_each_value_and_shows_their_sentence(stated_twice):
    # the project's statements sit in both documents' graphs; only one document says Acme takes part
    firm = runner.invoke(app, ["show", "Acme", "--store", str(stated_twice)])
    assert firm.exit_code == 0, firm.output
    lines = firm.output.splitlines()
    at = lines.index("    ← kg:participant of Rail Link  (1 document)")
    assert lines[at + 1] == "        “Acme joined the Rail Link project in 2020.”  [one.txt 0-42]"
    project = runner.invoke(app, ["show", "Rail Link", "--store", str(stated_twice)])
    assert "  kg:year: 2020  (1 document)" in project.output.splitlines()
    assert "    kg:participant → Acme  (1 document)" in project.output.splitlines()
    assert "The Rail Link project opened" not in project.output.split("provenance:")[0]


def test_a_card_as_json_gives_each_values_documents_and_sentences(stated_twice):
    shown = json.loads(runner.invoke(app, ["show", "Rail Link", "--json", "--store", str(stated_twice)]).output)
    participant = next(v for v in shown["values"] if v["property"] == "kg:participant")
    assert participant["documents"] == 1 and [s["quote"] for s in participant["sentences"]] == \
        ["Acme joined the Rail Link project in 2020."]
    assert len({e["document"] for e in shown["evidence"]}) == 2


def test_show_type_that_no_candidate_has_is_one_line_and_exit_1(two_named_alike):
    result = runner.invoke(app, ["show", "Rail Express", "--type", "Policy", "--store", str(two_named_alike)])
    assert result.exit_code == 1 and "of type Policy" in result.output and "Traceback" not in result.output
