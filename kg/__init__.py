"""Fact records in, RDF graph out: mapping, validation, store, query, export, lookup. Never imports spaCy.

The public names load on first use, so ``kg show`` pays only for what it runs
(no rdflib, no spaCy).
"""
from __future__ import annotations

import importlib

_PUBLIC = {
    "BuildSummary": "build", "build": "build", "KGError": "errors", "serialize_store": "export",
    "card": "lookup", "find": "lookup", "search": "lookup", "facts_to_graph": "mapping",
    "resolve_query": "query", "run_query": "query", "open_store": "store",
    "validate_file": "validation", "validate_graph": "validation", "validate_store": "validation",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        return getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
