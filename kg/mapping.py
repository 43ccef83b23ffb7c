"""Map fact records onto the ontology: FactSet in, triples out, each with the named graph it belongs to.

Each document's facts go to the named graph named by the document's IRI, so one document's facts can
be replaced alone: a node's statements go to the graph of every document that supports it, and its
links to one evidence sentence or to one source document only to that document's graph.  A node no
document supports goes to the shared graph.  The triples stream out record by record: a huge input
never holds its graph in memory.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from extract.records import Evidence, FactSet

from .iri import document_iri, entity_iri, evidence_iri
from .kinds import MAPPINGS, KindMapping, MappingContext
from .namespaces import KG, ORGANIZATION_CLASSES, PLACE_CLASSES, PREFIXES
from .prefixes import SHARED_GRAPH
from .statements import Triple, concept, entity, org, place
from .topics import TopicIndex

Placed = tuple[str, Triple]  # (named graph IRI, triple)


def new_graph() -> Graph:
    """An empty graph with the export prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


def _node(node: URIRef, statements: list[Triple], evidence: Iterable[Evidence]) -> Iterator[Placed]:
    """A node's statements in the graph of each document its evidence comes from (the shared graph when
    none), and each evidence sentence with its links in its own document's graph."""
    evidence = list(evidence)
    graphs = sorted({str(document_iri(ev.document)) for ev in evidence}) or [SHARED_GRAPH]
    for graph in graphs:
        for statement in statements:
            yield graph, statement
    for ev in evidence:
        doc = document_iri(ev.document)
        ev_node = evidence_iri(ev.document, ev.start, ev.end)
        graph = str(doc)
        yield graph, (ev_node, RDF.type, KG.Evidence)
        yield graph, (ev_node, KG.quote, Literal(ev.text))
        yield graph, (ev_node, KG.startOffset, Literal(ev.start, datatype=XSD.integer))
        yield graph, (ev_node, KG.endOffset, Literal(ev.end, datatype=XSD.integer))
        yield graph, (ev_node, PROV.wasDerivedFrom, doc)
        yield graph, (node, KG.evidence, ev_node)
        yield graph, (node, PROV.wasDerivedFrom, doc)


def _claim(node: URIRef, prop: str, value: str) -> Triple:
    if prop == "headquarters":
        return node, KG.headquarteredIn, place(value)
    if prop == "founded":
        return node, KG.foundedIn, Literal(value, datatype=XSD.gYear)
    return node, KG.inSector, concept("sector", value)


def facts_to_graph(facts: FactSet, *, topics: TopicIndex | None = None,
                   mappings: tuple[KindMapping, ...] = MAPPINGS) -> Graph:
    """The RDF graph of ``facts`` (the union of :func:`facts_to_quads`' graphs)."""
    graph = new_graph()
    for _, triple in facts_to_quads(facts, topics=topics, mappings=mappings):
        graph.add(triple)
    return graph


def facts_to_quads(facts: FactSet, *, topics: TopicIndex | None = None,
                   mappings: tuple[KindMapping, ...] = MAPPINGS) -> Iterator[Placed]:
    """Every triple of ``facts`` with its named graph (see the module docstring); the same facts always give
    the same triples.  ``topics`` classifies recommendations against the topic scheme; without it they get none.
    ``mappings`` map each kind's records (:mod:`kg.kinds`); a kind without one is not in the graph.
    """
    for doc in facts.documents:
        node = document_iri(doc.id)
        statements = [(node, RDF.type, KG.Document), (node, DCTERMS.title, Literal(doc.title)),
                      (node, KG.sourceFile, Literal(doc.source)), (node, KG.sha256, Literal(doc.sha256)),
                      (node, KG.startOffset, Literal(doc.start, datatype=XSD.integer)),
                      (node, KG.endOffset, Literal(doc.end, datatype=XSD.integer))]
        if doc.part_of:
            statements.append((node, DCTERMS.isPartOf, document_iri(doc.part_of)))
        if doc.author:
            statements.append((node, KG.author, org(doc.author)))
        for statement in statements:  # a document is its own source
            yield str(node), statement

    for firm in facts.organizations:
        node = org(firm.name)
        statements = [(node, RDF.type, ORGANIZATION_CLASSES.get(firm.kind, KG.Organization)),
                      (node, RDF.type, KG.Organization),  # so `?x a kg:Organization` works without reasoning
                      (node, RDFS.label, Literal(firm.name))]
        statements += [(node, SKOS.altLabel, Literal(alias)) for alias in firm.aliases]
        yield from _node(node, statements, firm.evidence)
        for claim in firm.claims:  # in the graphs of the documents that state it, not of every mention
            yield from _node(node, [_claim(node, claim.property, claim.value)], claim.evidence)

    for area in facts.places:
        node = place(area.name)
        statements = [(node, RDF.type, PLACE_CLASSES.get(area.kind, KG.Place)), (node, RDF.type, KG.Place),
                      (node, RDFS.label, Literal(area.name))]
        if area.part_of:
            statements.append((node, KG.partOf, place(area.part_of)))
        yield from _node(node, statements, area.evidence)

    for person in facts.people:
        node = entity_iri("person", person.name)
        statements = entity(node, KG.Person, person.name)
        if person.role:
            statements.append((node, KG.role, Literal(person.role)))
        if person.affiliation:
            statements.append((node, KG.affiliation, org(person.affiliation)))
        yield from _node(node, statements, person.evidence)

    context = MappingContext(topics=topics)
    for mapping in mappings:
        for record in facts.stated.get(mapping.key, []):
            node, statements = mapping.statements(record, context)
            yield from _node(node, statements, record.evidence)
