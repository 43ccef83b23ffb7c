"""``validate_store`` checks the union of the document graphs, in batches, in parallel, with the same findings."""
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

import kg.convert
import kg.validation
from kg.convert import to_ox
from kg.resources import ONTOLOGY_FILE
from kg.store import ONTOLOGY_GRAPH
from kg.validation import validate_graph, validate_store

SHAPES = Path(__file__).parents[1] / "shapes"


def write_store(path: Path, *, graphs: dict[str, list], ontology_files: list[Path]) -> None:
    store = ox.Store(str(path))
    store.extend(ox.Quad(*t, ox.NamedNode(g)) for g, triples in graphs.items() for t in triples)
    for file in ontology_files:
        store.bulk_load(path=str(file), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    store.flush()
    del store


def _triples(turtle: str) -> list[ox.Triple]:
    prefixes = (SHAPES / "facility-two-operators.ttl").read_text().split("\nex:doc", 1)[0]
    return [ox.Triple(*map(to_ox, t)) for t in Graph().parse(data=prefixes + "\n" + turtle, format="turtle")]


DOC_A = """
ex:doc a kg:Document ; dcterms:title "A report" ; kg:sourceFile "a.md" ;
    kg:sha256 "0000000000000000000000000000000000000000000000000000000000000000" .
ex:ev a kg:Evidence ; kg:quote "Acme runs a plant." ; kg:startOffset 0 ; kg:endOffset 18 ; prov:wasDerivedFrom ex:doc .
ex:acme a kg:Company ; rdfs:label "Acme" ; prov:wasDerivedFrom ex:doc ; kg:evidence ex:ev .
ex:plant a kg:Facility ; rdfs:label "Plant" ; kg:operatedBy ex:acme ; prov:wasDerivedFrom ex:doc ; kg:evidence ex:ev .
"""
# a second document gives the same plant another operator: each graph alone conforms, the union does not
DOC_B = """
ex:doc2 a kg:Document ; dcterms:title "B report" ; kg:sourceFile "b.md" ;
    kg:sha256 "1111111111111111111111111111111111111111111111111111111111111111" .
ex:ev2 a kg:Evidence ; kg:quote "Beta runs the plant." ; kg:startOffset 0 ; kg:endOffset 19 ; prov:wasDerivedFrom ex:doc2 .
ex:beta a kg:Company ; rdfs:label "Beta" ; prov:wasDerivedFrom ex:doc2 ; kg:evidence ex:ev2 .
ex:plant a kg:Facility ; rdfs:label "Plant" ; kg:operatedBy ex:beta ; prov:wasDerivedFrom ex:doc2 ; kg:evidence ex:ev2 .
"""
# a policy whose issuer is typed only in another graph: valid, because the union types it
DOC_C = """
ex:doc3 a kg:Document ; dcterms:title "C report" ; kg:sourceFile "c.md" ;
    kg:sha256 "2222222222222222222222222222222222222222222222222222222222222222" .
ex:ev3 a kg:Evidence ; kg:quote "Acme follows the plan." ; kg:startOffset 0 ; kg:endOffset 22 ; prov:wasDerivedFrom ex:doc3 .
ex:plan a kg:Policy ; rdfs:label "The plan" ; kg:issuedBy ex:acme ; prov:wasDerivedFrom ex:doc3 ; kg:evidence ex:ev3 .
"""


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store"
    graphs = {"http://example.org/a": _triples(DOC_A), "http://example.org/b": _triples(DOC_B),
              "http://example.org/c": _triples(DOC_C)}
    write_store(path, graphs=graphs, ontology_files=[ONTOLOGY_FILE])
    return path


def test_each_graph_alone_conforms():
    for doc in (DOC_A, DOC_B):
        graph = Graph()
        for t in _triples(doc):
            graph.add(tuple(map(kg.convert.to_rdflib, (t.subject, t.predicate, t.object))))
        assert validate_graph(graph).conforms


def test_the_union_is_validated(store):
    report = validate_store(store)
    assert not report.conforms
    assert [(v.focus, v.component) for v in report.violations] == [("http://example.org/plant", "MaxCountConstraintComponent")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_small_batches_and_processes_find_the_same(store, monkeypatch, jobs):
    monkeypatch.setattr(kg.validation, "_BATCH_TRIPLES", 3)  # one or two subjects per batch
    report = validate_store(store, jobs=jobs)
    assert [(v.focus, v.component) for v in report.violations] == [("http://example.org/plant", "MaxCountConstraintComponent")]


# graph B repeats the firm without its evidence sentence: B alone lacks kg:evidence, the union has it
DOC_B_SHORT = """
ex:doc2 a kg:Document ; dcterms:title "B report" ; kg:sourceFile "b.md" ;
    kg:sha256 "1111111111111111111111111111111111111111111111111111111111111111" .
ex:acme a kg:Company ; rdfs:label "Acme" ; prov:wasDerivedFrom ex:doc2 .
"""
# graph B gives the plant (typed only in graph A) a year that is not a gYear
DOC_B_UNTYPED = """
ex:doc2 a kg:Document ; dcterms:title "B report" ; kg:sourceFile "b.md" ;
    kg:sha256 "1111111111111111111111111111111111111111111111111111111111111111" .
ex:plant kg:year "next spring" .
"""


def _store(tmp_path, *docs: str):
    path = tmp_path / "store"
    graphs = {f"http://example.org/g{i}": _triples(doc) for i, doc in enumerate(docs)}
    write_store(path, graphs=graphs, ontology_files=[ONTOLOGY_FILE])
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_count_one_graph_misses_is_judged_on_the_union(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(kg.validation, "_BATCH_TRIPLES", 3)  # each graph in its own batch
    assert validate_store(_store(tmp_path, DOC_A, DOC_B_SHORT), jobs=jobs).conforms


def test_a_node_typed_in_another_graph_is_still_checked(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.validation, "_BATCH_TRIPLES", 3)
    report = validate_store(_store(tmp_path, DOC_A, DOC_B_UNTYPED))
    assert [(v.focus, v.component) for v in report.violations] == [("http://example.org/plant", "DatatypeConstraintComponent")]
