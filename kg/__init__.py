"""Fact records in, RDF graph out: mapping, validation, store, query, export, lookup. Never imports spaCy."""
from .build import BuildSummary, build
from .errors import KGError
from .export import serialize_store
from .lookup import card, find, search
from .mapping import facts_to_graph
from .query import resolve_query, run_query
from .store import open_store
from .validation import validate_file, validate_graph, validate_store

__all__ = [
    "BuildSummary", "KGError", "build", "card", "facts_to_graph", "find", "open_store", "resolve_query",
    "run_query", "search", "serialize_store", "validate_file", "validate_graph", "validate_store",
]
