"""``kg stats``: how many entities of each class, and how many facts each document supports."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from .namespaces import PREFIXES


@dataclass
class Stats:
    triples: int
    classes: list[tuple[str, int]]
    documents: list[tuple[str, str, int]]  # (document iri, title, entities derived from it)


def graph_stats(store: ox.Store) -> Stats:
    triples = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value
    classes = [
        (row["c"].value.split("#")[-1], int(row["n"].value))
        for row in store.query(
            "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c FILTER(STRSTARTS(STR(?c), STR(kg:))) } "
            "GROUP BY ?c ORDER BY ?c",
            prefixes=PREFIXES,
        )
    ]
    documents = [
        (row["d"].value, row["t"].value, int(row["n"].value))
        for row in store.query(
            "SELECT ?d ?t (COUNT(DISTINCT ?x) AS ?n) WHERE { ?d a kg:Document ; dcterms:title ?t . "
            "OPTIONAL { ?x prov:wasDerivedFrom ?d FILTER NOT EXISTS { ?x a kg:Evidence } } } GROUP BY ?d ?t ORDER BY ?d",
            prefixes=PREFIXES,
        )
    ]
    return Stats(int(triples), classes, documents)
