"""Stable, readable IRIs: the same name gives the same IRI on every build."""
from __future__ import annotations

from rdflib import URIRef

from extract.ids import slugify

from .namespaces import RESOURCE

__all__ = ["document_iri", "entity_iri", "evidence_iri", "slugify"]


def entity_iri(kind: str, name: str) -> URIRef:
    """``…/resource/<kind>/<slug>``, e.g. ``…/resource/organization/corning``."""
    return RESOURCE[f"{kind}/{slugify(name)}"]


def document_iri(doc_id: str) -> URIRef:
    """``…/resource/document/<file>[/<section>]``."""
    return RESOURCE["document/" + "/".join(slugify(p) for p in doc_id.split("/"))]


def evidence_iri(doc_id: str, start: int, end: int) -> URIRef:
    """One node per supporting sentence, shared by every fact it supports."""
    return RESOURCE[f"evidence/{'/'.join(slugify(p) for p in doc_id.split('/'))}/{start}-{end}"]
