"""Property-based tests of IRI minting: any name gives a valid, stable IRI that Oxigraph and rdflib accept."""
import re

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.iri import document_iri, entity_iri, evidence_iri, slugify

# RFC 3987 forbids these in an IRI; Turtle and N-Triples cannot write them unescaped.
_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["organization", "place", "person", "facility"]), st.text(min_size=1, max_size=200))
def test_any_name_gives_a_valid_stable_iri(kind, name):
    iri = entity_iri(kind, name)
    assert iri == entity_iri(kind, name)
    assert not _FORBIDDEN.search(iri)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slugify(name))
    ox.NamedNode(str(iri))  # raises on an invalid IRI


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=3).map("/".join),
       st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**9))
def test_document_and_evidence_iris_survive_a_turtle_round_trip(doc_id, start, end):
    graph = Graph()
    doc, ev = document_iri(doc_id), evidence_iri(doc_id, start, end)
    graph.add((ev, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), doc))
    graph.add((doc, URIRef("http://purl.org/dc/terms/title"), Literal(doc_id)))
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert set(again) == set(graph)
    for iri in (doc, ev):
        assert not _FORBIDDEN.search(iri)
        ox.NamedNode(str(iri))
