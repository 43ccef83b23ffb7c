"""Stable, readable IRIs: the same name gives the same IRI on every build."""
from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

from .namespaces import RESOURCE


def slugify(text: str) -> str:
    """ASCII slug: accents folded, other characters collapsed to ``-`` (``AT&S`` -> ``at-s``).

    Names with no ASCII letters or digits (e.g. Chinese) keep a short hash so
    that they still get distinct, valid IRIs.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:80].strip("-")
    if not slug:
        import hashlib

        slug = "u" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return slug


def entity_iri(kind: str, name: str) -> URIRef:
    """``…/resource/<kind>/<slug>``, e.g. ``…/resource/organization/corning``."""
    return RESOURCE[f"{kind}/{slugify(name)}"]


def document_iri(doc_id: str) -> URIRef:
    """``…/resource/document/<file>[/<section>]``."""
    return RESOURCE["document/" + "/".join(slugify(p) for p in doc_id.split("/"))]


def evidence_iri(doc_id: str, start: int, end: int) -> URIRef:
    """One node per supporting sentence, shared by every fact it supports."""
    return RESOURCE[f"evidence/{'/'.join(slugify(p) for p in doc_id.split('/'))}/{start}-{end}"]
