"""The ontology file and the Python vocabulary declare the same terms, each fully described."""
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespaces import KG

ONTOLOGY = Path(__file__).parents[2] / "ontology" / "kg.ttl"


@pytest.fixture(scope="module")
def graph():
    return Graph().parse(ONTOLOGY)


def _declared(graph):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(str(KG._NS))}


def test_code_and_ontology_declare_the_same_terms(graph):
    in_code = {KG[name] for name in KG.__annotations__}
    assert in_code == _declared(graph)


def test_misspelt_term_fails_at_use():
    with pytest.raises(AttributeError):
        KG.Compny  # noqa: B018


def test_every_term_has_label_and_comment_and_properties_domain_and_range(graph):
    for term in _declared(graph):
        assert graph.value(term, RDFS.label) is not None, term
        assert graph.value(term, RDFS.comment) is not None, term
        if (term, RDF.type, OWL.Class) not in graph:
            assert graph.value(term, RDFS.domain) is not None, term
            assert graph.value(term, RDFS.range) is not None, term


def test_alignments_use_close_match_only(graph):
    assert not list(graph.subject_objects(OWL.equivalentClass))
    assert not list(graph.subject_objects(OWL.sameAs))
    matched = {str(o) for o in graph.objects(KG.Organization, SKOS.closeMatch)}
    assert "https://schema.org/Organization" in matched
    assert (KG.Company, RDFS.subClassOf, KG.Organization) in graph
    assert (KG.Policy, RDFS.subClassOf, __import__("rdflib").namespace.PROV.Plan) in graph
