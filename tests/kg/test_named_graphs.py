"""Each document's facts in its own named graph, so one document's facts can be replaced alone."""
from rdflib import Literal
from rdflib.namespace import PROV, RDFS

from extract.records import Evidence, FactSet, OrganizationRecord
from kg.iri import document_iri, entity_iri, evidence_iri
from kg.mapping import facts_to_quads
from kg.namespaces import KG
from kg.prefixes import SHARED_GRAPH


def _graphs(facts: FactSet) -> dict[str, set]:
    out: dict[str, set] = {}
    for graph, triple in facts_to_quads(facts):
        out.setdefault(graph, set()).add(triple)
    return out


def test_a_node_goes_to_each_supporting_document_and_its_links_to_one_sentence_only_there():
    acme = OrganizationRecord("Acme", "Company", evidence=[Evidence("a", "Acme grew.", 0, 10),
                                                            Evidence("b", "Acme shrank.", 5, 17)])
    graphs = _graphs(FactSet(organizations=[acme], places=[]))
    a, b = str(document_iri("a")), str(document_iri("b"))
    node, label = entity_iri("organization", "Acme"), (entity_iri("organization", "Acme"), RDFS.label, Literal("Acme"))
    assert set(graphs) == {a, b}
    assert label in graphs[a] and label in graphs[b]
    assert (node, KG.evidence, evidence_iri("a", 0, 10)) in graphs[a]
    assert (node, KG.evidence, evidence_iri("b", 5, 17)) not in graphs[a]
    assert (node, PROV.wasDerivedFrom, document_iri("b")) not in graphs[a]
    # dropping document b keeps what a supports, and nothing only b says
    assert label in graphs[a] and (evidence_iri("b", 5, 17), PROV.wasDerivedFrom, document_iri("b")) not in graphs[a]


def test_a_node_no_document_supports_goes_to_the_shared_graph():
    graphs = _graphs(FactSet(organizations=[OrganizationRecord("Acme", "Company")]))
    assert set(graphs) == {SHARED_GRAPH}


def test_lookup_keys_fold_case_accents_and_punctuation():
    from extract.keys import name_key

    assert [name_key(x) for x in ("AT&S", "Société Générale")] == ["ats", "societegenerale"]
