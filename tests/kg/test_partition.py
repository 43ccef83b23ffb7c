"""Splitting the graph into per-document named graphs."""
import pyoxigraph as ox

from kg.lookup import normalize
from kg.partition import lookup_index, partition
from kg.prefixes import KG_NS, PROV_NS, RDF_NS, RDFS_NS, SHARED_GRAPH

R = "https://example.org/"


def n(local):
    return ox.NamedNode(R + local)


def t(s, p, o):
    return ox.Triple(s, p, o)


TYPE, LABEL = ox.NamedNode(RDF_NS + "type"), ox.NamedNode(RDFS_NS + "label")
DERIVED, EVIDENCE = ox.NamedNode(PROV_NS + "wasDerivedFrom"), ox.NamedNode(KG_NS + "evidence")
DOC = ox.NamedNode(KG_NS + "Document")

TRIPLES = [
    t(n("a"), TYPE, DOC), t(n("b"), TYPE, DOC),
    t(n("ev-a"), DERIVED, n("a")), t(n("ev-b"), DERIVED, n("b")),
    # an organisation named in both documents
    t(n("acme"), LABEL, ox.Literal("Acme")), t(n("acme"), EVIDENCE, n("ev-a")), t(n("acme"), EVIDENCE, n("ev-b")),
    t(n("acme"), DERIVED, n("a")), t(n("acme"), DERIVED, n("b")),
    # a place from reference data, named by no document
    t(n("chengdu"), LABEL, ox.Literal("Chengdu")),
]


def test_each_document_gets_its_own_facts_and_shared_ones_go_to_the_shared_graph():
    graphs = partition(TRIPLES)
    assert set(graphs) == {R + "a", R + "b", SHARED_GRAPH}
    assert set().union(*graphs.values()) == set(TRIPLES)
    a = graphs[R + "a"]
    assert t(n("acme"), LABEL, ox.Literal("Acme")) in a and t(n("acme"), LABEL, ox.Literal("Acme")) in graphs[R + "b"]
    # links to one sentence or one source stay with that document
    assert t(n("acme"), EVIDENCE, n("ev-a")) in a and t(n("acme"), EVIDENCE, n("ev-b")) not in a
    assert t(n("acme"), DERIVED, n("b")) not in a
    assert graphs[SHARED_GRAPH] == {t(n("chengdu"), LABEL, ox.Literal("Chengdu"))}


def test_dropping_a_document_keeps_what_another_one_supports():
    graphs = partition(TRIPLES)
    rest = set().union(*(v for k, v in graphs.items() if k != R + "b"))
    assert t(n("acme"), LABEL, ox.Literal("Acme")) in rest
    assert t(n("ev-b"), DERIVED, n("b")) not in rest


def test_lookup_keys_fold_case_accents_and_punctuation():
    keys = lookup_index([t(n("ats"), LABEL, ox.Literal("AT&S")), t(n("x"), LABEL, ox.Literal("Société Générale"))],
                        normalize)
    assert {k.object.value for k in keys} == {"ats", "societegenerale"}
