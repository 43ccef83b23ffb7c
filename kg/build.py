"""``kg build``: extract, map, validate, store, export."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from extract.records import factset_to_json

from .export import serialize_store, write_atomic
from .mapping import facts_to_graph
from .namespaces import KG
from .resources import ONTOLOGY_FILE, REFERENCE_DIR, TOPICS_FILE, vocab_files
from .topics import load_topics
from .store import build_lock, open_store, write_store
from .validation import ValidationReport, load_ontology, validate_graph


@dataclass
class BuildSummary:
    documents: int
    triples: int
    classes: dict[str, int]
    report: ValidationReport
    seconds: float
    warnings: list[str] = field(default_factory=list)
    written: bool = False  # False when validation failed: the previous store and out/ are kept


def class_counts(graph: Graph) -> dict[str, int]:
    """Instances per ``kg:`` class."""
    ns = str(KG._NS)
    counts = Counter(str(o)[len(ns):] for o in graph.objects(None, RDF.type) if str(o).startswith(ns))
    return dict(sorted(counts.items()))


def build(
    paths: list[Path],
    *,
    store_path: Path,
    out_dir: Path,
    nlp=None,
    progress: Callable[[int, int], None] | None = None,
) -> BuildSummary:
    """Build the graph from ``paths`` into ``store_path`` and ``out_dir/kg.ttl``.

    Nothing is written when SHACL validation fails; the summary's report says why.
    """
    from extract.run import extract_paths  # spaCy stays off the import path of lookups

    started = time.perf_counter()
    with build_lock(store_path):
        result = extract_paths(paths, reference_dir=REFERENCE_DIR, nlp=nlp, progress=progress)
        graph = facts_to_graph(result.facts, topics=load_topics(TOPICS_FILE))
        for path in vocab_files():
            graph.parse(path, format="turtle")
        report = validate_graph(graph, ontology=load_ontology())
        summary = BuildSummary(
            documents=len(result.facts.documents),
            triples=len(graph),
            classes=class_counts(graph),
            report=report,
            seconds=0.0,
            warnings=result.warnings,
        )
        if report.conforms:
            write_store(store_path, data_ntriples=graph.serialize(format="nt", encoding="utf-8"),
                        ontology_files=[ONTOLOGY_FILE])
            store = open_store(store_path)
            write_atomic(out_dir / "kg.ttl", serialize_store(store, fmt="turtle"))
            write_atomic(out_dir / "facts.json", factset_to_json(result.facts).encode("utf-8"))
            summary.written = True
    summary.seconds = time.perf_counter() - started
    return summary
