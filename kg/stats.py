"""``kg stats``: how many entities of each class, and how many facts each document supports."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from .store import data_graphs, query


@dataclass
class Stats:
    triples: int
    classes: list[tuple[str, int]]
    documents: list[tuple[str, str, int]]  # (document iri, title, entities derived from it)


def graph_stats(store: ox.Store) -> Stats:
    count = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    triples = next(iter(store.query(count, default_graph=data_graphs(store))))["n"].value
    classes = [
        (row["c"].value.split("#")[-1], int(row["n"].value))
        for row in query(
            store,
            "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c FILTER(STRSTARTS(STR(?c), STR(kg:))) } "
            "GROUP BY ?c ORDER BY ?c",
        )
    ]
    documents = [
        (row["d"].value, row["t"].value, int(row["n"].value))
        for row in query(
            store,
            "SELECT ?d ?t (COUNT(DISTINCT ?x) AS ?n) WHERE { ?d a kg:Document ; dcterms:title ?t . "
            "OPTIONAL { ?x prov:wasDerivedFrom ?d FILTER NOT EXISTS { ?x a kg:Evidence } } } GROUP BY ?d ?t ORDER BY ?d",
        )
    ]
    return Stats(int(triples), classes, documents)
