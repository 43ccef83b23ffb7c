"""The pieces every mapping is made of: typed and labelled nodes, years, SKOS concepts, recommendation IRIs."""
from __future__ import annotations

import hashlib

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from .iri import entity_iri, slugify
from .namespaces import KG
from .prefixes import VOCAB_NS

Triple = tuple  # (subject, predicate, object) as rdflib terms


def concept(scheme: str, notation: str) -> URIRef:
    """A SKOS concept of one of the packaged schemes (``facility-kind``, ``status`` ...)."""
    return URIRef(f"{VOCAB_NS}{scheme}/{notation}")


def year(node: URIRef, value: str | None) -> list[Triple]:
    return [(node, KG.year, Literal(value, datatype=XSD.gYear))] if value else []


def entity(node: URIRef, cls: URIRef, label: str) -> list[Triple]:
    """Type and label a node; the first two triples of every entity."""
    return [(node, RDF.type, cls), (node, RDFS.label, Literal(label))]


def org(name: str) -> URIRef:
    return entity_iri("organization", name)


def place(name: str) -> URIRef:
    return entity_iri("place", name)


def recommendation_iri(by: str, text: str) -> URIRef:
    digest = hashlib.sha1(f"{by}\n{text}".encode("utf-8")).hexdigest()[:8]
    return entity_iri("recommendation", f"{slugify(by)} {slugify(text)[:60]} {digest}")
