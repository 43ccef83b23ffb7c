"""The project's IRIs and prefixes as plain strings.

Lookups import this instead of :mod:`kg.namespaces` so that ``kg show`` never
pays for importing rdflib.
"""
from __future__ import annotations

BASE = "https://w3id.org/ccec-kg/"
ONTOLOGY_IRI = BASE + "ontology"
KG_NS = BASE + "ontology#"
RESOURCE_NS = BASE + "resource/"
VOCAB_NS = BASE + "vocab/"  # the packaged SKOS schemes: facility-kind, status, sector, topic ...
SHARED_GRAPH = BASE + "graph/shared"  # facts no single document supports: vocabularies, reference places
LOOKUP_GRAPH = BASE + "graph/lookup"  # kg:nameKey index for exact-match lookups
PROV_NS = "http://www.w3.org/ns/prov#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"

# Prefixes bound in every export and every query.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "org": "http://www.w3.org/ns/org#",
    "prov": PROV_NS,
    "skos": SKOS_NS,
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def curie(iri: str) -> str | None:
    """``kg:Facility`` for an IRI in one of the project's namespaces (longest first), else ``None``."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return None
