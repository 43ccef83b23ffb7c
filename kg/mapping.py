"""Map fact records onto the ontology: FactSet in, rdflib Graph out."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from extract.records import Evidence, FactSet

from .iri import document_iri, entity_iri, evidence_iri
from .namespaces import KG, ORGANIZATION_CLASSES, PLACE_CLASSES, PREFIXES


def new_graph() -> Graph:
    """An empty graph with the export prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


def _add_provenance(graph: Graph, node: URIRef, evidence: Iterable[Evidence]) -> None:
    for ev in evidence:
        doc = document_iri(ev.document)
        ev_node = evidence_iri(ev.document, ev.start, ev.end)
        graph.add((ev_node, RDF.type, KG.Evidence))
        graph.add((ev_node, KG.quote, Literal(ev.text)))
        graph.add((ev_node, KG.startOffset, Literal(ev.start, datatype=XSD.integer)))
        graph.add((ev_node, KG.endOffset, Literal(ev.end, datatype=XSD.integer)))
        graph.add((ev_node, PROV.wasDerivedFrom, doc))
        graph.add((node, KG.evidence, ev_node))
        graph.add((node, PROV.wasDerivedFrom, doc))


def facts_to_graph(facts: FactSet) -> Graph:
    """The RDF graph of ``facts``; the same facts always give the same triples."""
    graph = new_graph()
    for doc in facts.documents:
        node = document_iri(doc.id)
        graph.add((node, RDF.type, KG.Document))
        graph.add((node, DCTERMS.title, Literal(doc.title)))
        graph.add((node, KG.sourceFile, Literal(doc.source)))
        graph.add((node, KG.sha256, Literal(doc.sha256)))
        graph.add((node, KG.startOffset, Literal(doc.start, datatype=XSD.integer)))
        graph.add((node, KG.endOffset, Literal(doc.end, datatype=XSD.integer)))
        if doc.part_of:
            graph.add((node, DCTERMS.isPartOf, document_iri(doc.part_of)))
        if doc.author:
            graph.add((node, KG.author, entity_iri("organization", doc.author)))

    for org in facts.organizations:
        node = entity_iri("organization", org.name)
        graph.add((node, RDF.type, ORGANIZATION_CLASSES.get(org.kind, KG.Organization)))
        graph.add((node, RDF.type, KG.Organization))  # so `?x a kg:Organization` works without reasoning
        graph.add((node, RDFS.label, Literal(org.name)))
        for alias in org.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        _add_provenance(graph, node, org.evidence)

    for place in facts.places:
        node = entity_iri("place", place.name)
        graph.add((node, RDF.type, PLACE_CLASSES.get(place.kind, KG.Place)))
        graph.add((node, RDF.type, KG.Place))
        graph.add((node, RDFS.label, Literal(place.name)))
        if place.part_of:
            graph.add((node, KG.partOf, entity_iri("place", place.part_of)))
        _add_provenance(graph, node, place.evidence)

    for person in facts.people:
        node = entity_iri("person", person.name)
        graph.add((node, RDF.type, KG.Person))
        graph.add((node, RDFS.label, Literal(person.name)))
        if person.role:
            graph.add((node, KG.role, Literal(person.role)))
        if person.affiliation:
            graph.add((node, KG.affiliation, entity_iri("organization", person.affiliation)))
        _add_provenance(graph, node, person.evidence)
    return graph
