"""Map fact records onto the ontology: FactSet in, rdflib Graph out."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from extract.records import Evidence, FactSet

from .iri import document_iri, entity_iri, evidence_iri, slugify
from .namespaces import KG, ORGANIZATION_CLASSES, PLACE_CLASSES, PREFIXES
from .topics import TopicIndex

VOCAB = "https://w3id.org/ccec-kg/vocab/"


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


def concept(scheme: str, notation: str) -> URIRef:
    """A SKOS concept of one of the packaged schemes (``facility-kind``, ``status`` ...)."""
    return URIRef(f"{VOCAB}{scheme}/{notation}")


def _year(graph: Graph, node: URIRef, year: str | None) -> None:
    if year:
        graph.add((node, KG.year, Literal(year, datatype=XSD.gYear)))


def _entity(graph: Graph, node: URIRef, cls: URIRef, label: str) -> URIRef:
    """Type and label a node; the first two triples of every entity."""
    graph.add((node, RDF.type, cls))
    graph.add((node, RDFS.label, Literal(label)))
    return node


def recommendation_iri(by: str, text: str) -> URIRef:
    import hashlib

    digest = hashlib.sha1(f"{by}\n{text}".encode("utf-8")).hexdigest()[:8]
    return entity_iri("recommendation", f"{slugify(by)} {slugify(text)[:60]} {digest}")


def facts_to_graph(facts: FactSet, *, topics: TopicIndex | None = None) -> Graph:
    """The RDF graph of ``facts``; the same facts always give the same triples.

    ``topics`` classifies recommendations against the topic scheme; without it they get none.
    """
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
        node = _entity(graph, entity_iri("person", person.name), KG.Person, person.name)
        if person.role:
            graph.add((node, KG.role, Literal(person.role)))
        if person.affiliation:
            graph.add((node, KG.affiliation, entity_iri("organization", person.affiliation)))
        _add_provenance(graph, node, person.evidence)

    org = lambda name: entity_iri("organization", name)  # noqa: E731
    place = lambda name: entity_iri("place", name)  # noqa: E731
    for fac in facts.facilities:
        node = _entity(graph, entity_iri("facility", fac.name), KG.Facility, fac.name)
        graph.add((node, KG.operatedBy, org(fac.operator)))
        graph.add((node, KG.facilityKind, concept("facility-kind", fac.kind)))
        graph.add((node, KG.status, concept("status", fac.status)))
        if fac.place:
            graph.add((node, KG.locatedIn, place(fac.place)))
        if fac.details:
            graph.add((node, RDFS.comment, Literal(fac.details)))
        _year(graph, node, fac.year)
        _add_provenance(graph, node, fac.evidence)

    for deal in facts.partnerships:
        node = _entity(graph, entity_iri("partnership", deal.name), KG.Partnership, deal.name)
        for party in deal.parties:
            graph.add((node, KG.hasParty, org(party)))
        graph.add((node, KG.partnershipKind, concept("partnership-kind", deal.kind)))
        _year(graph, node, deal.year)
        _add_provenance(graph, node, deal.evidence)

    for project in facts.projects:
        node = _entity(graph, entity_iri("project", project.name), KG.Project, project.name)
        for participant in project.participants:
            graph.add((node, KG.participant, org(participant)))
        if project.place:
            graph.add((node, KG.locatedIn, place(project.place)))
        if project.amount:
            graph.add((node, KG.amount, Literal(project.amount)))
        graph.add((node, KG.status, concept("status", project.status)))
        _year(graph, node, project.year)
        _add_provenance(graph, node, project.evidence)

    for policy in facts.policies:
        node = _entity(graph, entity_iri("policy", policy.name), KG.Policy, policy.name)
        for alias in policy.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        if policy.issuer:
            graph.add((node, KG.issuedBy, org(policy.issuer)))
        if policy.jurisdiction:
            graph.add((node, KG.jurisdiction, place(policy.jurisdiction)))
        _year(graph, node, policy.year)
        _add_provenance(graph, node, policy.evidence)

    for rec in facts.recommendations:
        label = rec.text if len(rec.text) <= 160 else rec.text[:157] + "…"
        node = _entity(graph, recommendation_iri(rec.by or "", rec.text), KG.Recommendation, label)
        graph.add((node, KG.text, Literal(rec.text)))
        if rec.by:
            graph.add((node, KG.madeBy, org(rec.by)))
        if rec.addressed_to:
            graph.add((node, KG.addressedTo, place(rec.addressed_to)))
        for name in rec.policies:
            graph.add((node, KG.refersTo, entity_iri("policy", name)))
        for name in rec.places:
            graph.add((node, KG.refersTo, place(name)))
        if topics is not None:
            for topic in topics.topics(" ".join([rec.text, *(e.text for e in rec.evidence)])):
                graph.add((node, KG.topic, topic))
        _add_provenance(graph, node, rec.evidence)
    return graph
