from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS

from extract.records import DocumentRecord, Evidence, FactSet, OrganizationRecord, PersonRecord, PlaceRecord
from kg.iri import entity_iri, slugify
from kg.mapping import facts_to_graph
from kg.namespaces import KG, RESOURCE
from kg.validation import validate_graph


def _facts():
    ev = Evidence(document="reports/acme", text="Ann Lee, CEO of Acme, opened a plant in Chongqing.", start=10, end=60)
    return FactSet(
        documents=[DocumentRecord("reports", "reports.md", "Reports", "a" * 64, 0, 100),
                   DocumentRecord("reports/acme", "reports.md", "Acme report", "a" * 64, 5, 100,
                                  author="Acme Corp", part_of="reports")],
        organizations=[OrganizationRecord("Acme Corp", "Company", ["Acme"], [ev])],
        places=[PlaceRecord("Chongqing", "Province", "China", [ev]), PlaceRecord("China", "Country", None, [])],
        people=[PersonRecord("Ann Lee", "CEO", "Acme Corp", [ev])],
    )


def test_iris_are_stable_and_readable():
    assert entity_iri("organization", "Corning") == RESOURCE["organization/corning"]
    assert slugify("AT&S") == "at-s" and slugify("Zürich AG") == "zurich-ag"
    assert slugify("重庆").startswith("u") and slugify("重庆") == slugify("重庆")


def test_mapping_types_labels_and_provenance():
    g = facts_to_graph(_facts())
    acme = entity_iri("organization", "Acme Corp")
    assert (acme, RDF.type, KG.Company) in g and (acme, RDF.type, KG.Organization) in g
    assert (acme, RDFS.label, Literal("Acme Corp")) in g
    doc = RESOURCE["document/reports/acme"]
    assert (acme, PROV.wasDerivedFrom, doc) in g
    ev = g.value(acme, KG.evidence)
    assert g.value(ev, KG.startOffset).toPython() == 10 and g.value(ev, KG.endOffset).toPython() == 60
    assert (doc, KG.author, acme) in g
    ann = entity_iri("person", "Ann Lee")
    assert g.value(ann, KG.affiliation) == acme and str(g.value(ann, KG.role)) == "CEO"
    assert (entity_iri("place", "Chongqing"), KG.partOf, entity_iri("place", "China")) in g


def test_mapped_graph_conforms_and_is_deterministic():
    first = facts_to_graph(_facts())
    assert validate_graph(first).conforms
    again = facts_to_graph(_facts())
    assert set(first) == set(again)


def test_claims_map_to_headquarters_founding_year_and_sector_in_the_stating_documents_graph():
    from rdflib import Graph, URIRef
    from rdflib.namespace import XSD

    from ontology import ONTOLOGY_DIR

    from extract.records import Claim
    from kg.iri import document_iri
    from kg.mapping import facts_to_quads

    facts = _facts()
    said = Evidence(document="reports", text="Acme, founded in 1990, is a chemicals group based in Chongqing.",
                    start=0, end=9)
    facts.organizations[0].claims = [Claim("founded", "1990", [said]), Claim("headquarters", "Chongqing", [said]),
                                     Claim("sector", "materials", [said])]
    g = facts_to_graph(facts)
    acme = entity_iri("organization", "Acme Corp")
    assert g.value(acme, KG.foundedIn) == Literal("1990", datatype=XSD.gYear)
    assert g.value(acme, KG.headquarteredIn) == entity_iri("place", "Chongqing")
    assert g.value(acme, KG.inSector) == URIRef("https://w3id.org/ccec-kg/vocab/sector/materials")
    graphs = {graph for graph, (s, p, _) in facts_to_quads(facts) if p == KG.foundedIn}
    assert graphs == {str(document_iri("reports"))}  # not the graph of every document that names Acme
    vocab = Graph().parse(ONTOLOGY_DIR / "vocab" / "sectors.ttl")  # a build stores and exports the vocabularies
    report = validate_graph(g + vocab)
    assert report.conforms, [v.one_line() for v in report.violations]
    facts.organizations[0].claims.append(Claim("founded", "1991", [said]))
    assert not validate_graph(facts_to_graph(facts) + vocab).conforms  # one founding year, as the shapes say
