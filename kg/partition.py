"""Split the graph into one named graph per document, so one document's facts can be replaced alone.

A node's triples go to the graph of every document it was derived from
(``prov:wasDerivedFrom``; a document is its own), except its links to one
evidence sentence or one source document, which go to that document's graph.  Nodes no document supports
(SKOS vocabularies, reference places) go to the shared graph.  Dropping a
document's graph therefore drops exactly the facts only it supported.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from .prefixes import KG_NS, PROV_NS, RDF_NS, RDFS_NS, SHARED_GRAPH, SKOS_NS

_DERIVED = ox.NamedNode(PROV_NS + "wasDerivedFrom")
_TYPE = ox.NamedNode(RDF_NS + "type")
_DOCUMENT = ox.NamedNode(KG_NS + "Document")
_NAME_KEY = ox.NamedNode(KG_NS + "nameKey")
_EVIDENCE = ox.NamedNode(KG_NS + "evidence")
_NAMES = (ox.NamedNode(RDFS_NS + "label"), ox.NamedNode(SKOS_NS + "altLabel"))


def partition(triples: Iterable[ox.Triple]) -> dict[str, set[ox.Triple]]:
    """Graph IRI -> its triples; the union of the graphs is the input."""
    by_subject: dict[ox.NamedNode | ox.BlankNode, list[ox.Triple]] = defaultdict(list)
    for t in triples:
        by_subject[t.subject].append(t)
    sources: dict[object, set[str]] = {}
    for subject, items in by_subject.items():
        docs = {t.object.value for t in items if t.predicate == _DERIVED and isinstance(t.object, ox.NamedNode)}
        if any(t.predicate == _TYPE and t.object == _DOCUMENT for t in items):
            docs.add(subject.value)
        sources[subject] = docs
    graphs: dict[str, set[ox.Triple]] = defaultdict(set)
    for subject, items in by_subject.items():
        everywhere = sources[subject] or {SHARED_GRAPH}
        for t in items:
            # a link to one sentence, or to one source document, belongs to that document alone
            if t.predicate == _EVIDENCE and sources.get(t.object):
                targets = sources[t.object]
            elif t.predicate == _DERIVED and t.object.value in everywhere:
                targets = {t.object.value}
            else:
                targets = everywhere
            for doc in targets:
                graphs[doc].add(t)
    return dict(graphs)


def lookup_index(triples: Iterable[ox.Triple], normalize) -> set[ox.Triple]:
    """``kg:nameKey`` triples, one per folded label or alias, for exact-match lookups."""
    return {ox.Triple(t.subject, _NAME_KEY, ox.Literal(normalize(t.object.value)))
            for t in triples if t.predicate in _NAMES and isinstance(t.object, ox.Literal) and normalize(t.object.value)}

