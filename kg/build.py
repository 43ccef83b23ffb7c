"""``kg build``: extract, map, validate, store, export — redoing only what changed since the last build.

A build records a manifest (input files' digests, the pipeline version and
the outputs' digests) in the cache directory.  When nothing changed, the build
stops there.  Otherwise files whose bytes are unchanged come from the
per-file extraction cache, and only the named graphs whose triples changed are
replaced in the store, and only their nodes are validated (against the whole graph).
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extract.limits import MAX_FILE_BYTES

from .export import serialize_triples, write_atomic
from .errors import OutputUnwritable, WouldRemoveDocuments
from .prefixes import KG_NS, LOOKUP_GRAPH, ONTOLOGY_IRI, RDF_NS, RESOURCE_NS
from .resources import ONTOLOGY_DIR, ONTOLOGY_FILE, REFERENCE_DIR, TOPICS_FILE, vocab_files
from .store import build_lock, graph_triples, is_store, open_store, recover, update_store, write_store
from .validation import ValidationReport

_MANIFEST = "build.json"
_OUTPUTS = ("kg.ttl", "facts.json")
_FOCUS_SHARE = 0.2
_KG_DIR = Path(__file__).parent


@dataclass
class BuildSummary:
    documents: int
    triples: int
    classes: dict[str, int]
    report: ValidationReport
    seconds: float
    warnings: list[str] = field(default_factory=list)
    written: bool = False  # False when validation failed: the previous store and out/ are kept
    unchanged: bool = False  # True when inputs and pipeline matched the last build: nothing was redone
    extracted: list[str] = field(default_factory=list)  # files parsed with spaCy in this build
    graphs_replaced: int = 0
    graphs_dropped: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage: extract, map, validate, store, export


def class_counts(types) -> dict[str, int]:
    """Instances per ``kg:`` class, from the objects of ``rdf:type`` triples."""
    counts = Counter(o[len(KG_NS):] for o in types if o.startswith(KG_NS))
    return dict(sorted(counts.items()))


def pipeline_version(reference_dir: Path = REFERENCE_DIR) -> str:
    """Digest of the extractor, the mapping code and the ontology: a change to any rebuilds everything."""
    from extract.cache import extractor_version

    digest = hashlib.sha256(extractor_version(reference_dir).encode())
    for path in sorted(_KG_DIR.glob("*.py")) + sorted(ONTOLOGY_DIR.rglob("*.ttl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _digest(path: Path) -> str | None:
    try:
        with open(path, "rb") as handle:  # in chunks: a huge input costs no memory here
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _inputs(paths: list[Path]) -> dict[str, str]:
    from extract.loader import find_documents

    files, _ = find_documents(paths)
    return {str(p): _digest(p) or "" for p in files}


def _unchanged(manifest_path: Path, expected: dict, store_path: Path, out_dir: Path) -> dict | None:
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if {k: manifest.get(k) for k in expected} != expected or not is_store(store_path):
        return None
    outputs = manifest.get("outputs", {})
    if not outputs or any(_digest(out_dir / name) != sha for name, sha in outputs.items()):
        return None
    return manifest


def build(
    paths: list[Path],
    *,
    store_path: Path,
    out_dir: Path,
    cache_dir: Path | None = None,
    nlp=None,
    n_process: int = 1,
    progress: Callable[[int, int], None] | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    replace: bool = False,
) -> BuildSummary:
    """Build the graph from ``paths`` into ``store_path`` and ``out_dir/kg.ttl``.

    The store ends up holding exactly the documents of ``paths``.  A build that would remove the
    documents of files no longer among the inputs raises :class:`~kg.errors.WouldRemoveDocuments`
    before anything is written, unless ``replace``.

    ``cache_dir`` keeps per-file extractions and the build manifest (no cache
    when ``None``).  Nothing is written when SHACL validation fails; the
    summary's report says why.  A file over ``max_file_bytes`` is refused
    before it is read (skipped with a warning when found in a directory).
    """
    started = time.perf_counter()
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputUnwritable(out_dir, "not a directory; --out takes a directory for kg.ttl and facts.json")
    with build_lock(store_path) as took_over, build_lock(out_dir) as took_over_out:
        notes = [n for n in (took_over, took_over_out) if n]
        recover(store_path)  # what a killed build of this store left beside it
        for name in _OUTPUTS:  # temporary files of a build that was killed before its rename
            for stale in out_dir.glob(f".{name}.*"):
                stale.unlink(missing_ok=True)
        expected = {"version": pipeline_version(), "inputs": _inputs(paths),
                    "store": str(store_path.resolve()), "out": str(out_dir.resolve())}
        manifest_path = cache_dir / _MANIFEST if cache_dir else None
        if manifest_path and (manifest := _unchanged(manifest_path, expected, store_path, out_dir)):
            s = manifest["summary"]
            return BuildSummary(documents=s["documents"], triples=s["triples"], classes=s["classes"],
                                report=ValidationReport(True, []), seconds=time.perf_counter() - started,
                                warnings=notes + s["warnings"], written=True, unchanged=True)
        summary = _build(paths, store_path=store_path, out_dir=out_dir, cache_dir=cache_dir, nlp=nlp,
                         n_process=n_process, progress=progress, max_file_bytes=max_file_bytes, allow_removal=replace)
        summary.warnings[:0] = notes
        if summary.written and manifest_path:
            outputs = {name: _digest(out_dir / name) for name in _OUTPUTS}
            record = {**expected, "outputs": outputs,
                      "summary": {k: v for k, v in asdict(summary).items()
                                  if k in ("documents", "triples", "classes", "warnings")}}
            write_atomic(manifest_path, json.dumps(record, indent=1, sort_keys=True).encode("utf-8"))
    summary.seconds = time.perf_counter() - started
    return summary


def _removed_files(old_graphs: set[str], new_graphs: set[str]) -> list[str]:
    """The documents (by file, as their IRIs name them) that ``old_graphs`` holds and ``new_graphs`` does not."""
    def files(graphs: set[str]) -> set[str]:
        prefix = RESOURCE_NS + "document/"
        return {g[len(prefix):].split("/", 1)[0] for g in graphs if g.startswith(prefix)}

    return sorted(files(old_graphs) - files(new_graphs))


def _build(paths, *, store_path, out_dir, cache_dir, nlp, n_process, progress, max_file_bytes,
           allow_removal) -> BuildSummary:
    from extract.cache import ExtractionCache, extractor_version
    from extract.records import factset_to_json
    from extract.run import extract_paths  # spaCy stays off the import path of lookups

    from .convert import to_ox_triples
    from .lookup import normalize
    from .mapping import facts_to_graph
    from .partition import lookup_index, partition
    from .topics import load_topics
    from .validation import load_ontology, validate_graph

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    cache = ExtractionCache(cache_dir / "extract", extractor_version(REFERENCE_DIR)) if cache_dir else None
    result = extract_paths(paths, reference_dir=REFERENCE_DIR, nlp=nlp, progress=progress, cache=cache,
                           n_process=n_process, max_bytes=max_file_bytes)
    lap("extract")
    graph = facts_to_graph(result.facts, topics=load_topics(TOPICS_FILE))
    for path in vocab_files():
        graph.parse(path, format="turtle")
    originals = to_ox_triples(graph)
    graphs = partition(originals)
    graphs[LOOKUP_GRAPH] = lookup_index(originals, normalize)
    lap("map")
    summary = BuildSummary(
        documents=len(result.facts.documents),
        triples=len(originals),
        classes=class_counts(t.object.value for t in originals if t.predicate.value == RDF_NS + "type"),
        report=ValidationReport(False, []),
        seconds=0.0,
        warnings=result.warnings,
        extracted=[str(p) for p in result.extracted],
        timings=timings,
    )
    replace, drop = graphs, []
    existing = is_store(store_path)
    if existing:
        store = open_store(store_path)
        old = {g.value for g in store.named_graphs()} - {ONTOLOGY_IRI}
        replace = {g: t for g, t in graphs.items() if graph_triples(store, g) != t}
        drop = sorted(old - set(graphs))
        del store
        removed = _removed_files(old, set(graphs))
        if removed and not allow_removal:
            raise WouldRemoveDocuments(removed)
        if removed:
            summary.warnings.append(f"removing {len(removed)} document(s) no longer in the inputs: "
                                    + ", ".join(removed))
    focus = None
    if existing:  # validate only the nodes of the graphs that changed, against the whole graph
        focus = sorted({originals[t][0] for g in replace if g != LOOKUP_GRAPH for t in graphs[g]})
        if len(focus) > _FOCUS_SHARE * len({t.subject for t in originals}):
            focus = None  # past this share one pass over everything is faster
    if focus == []:  # the stored graphs were validated when written and nothing new joins them
        summary.report = ValidationReport(True, [])
    else:
        summary.report = validate_graph(graph, ontology=load_ontology(), focus_nodes=focus, inplace=True)
    del graph  # the rdflib copy served validation only; freed, it does not add to the peak of the stages below
    lap("validate")
    if not summary.report.conforms:
        return summary
    if not existing:
        write_store(store_path, graphs=graphs, ontology_files=[ONTOLOGY_FILE])
    elif replace or drop:
        update_store(store_path, replace=replace, drop=drop)
    summary.graphs_replaced, summary.graphs_dropped = len(replace), len(drop)
    lap("store")
    write_atomic(out_dir / "kg.ttl", serialize_triples(originals, fmt="turtle"))
    write_atomic(out_dir / "facts.json", factset_to_json(result.facts).encode("utf-8"))
    lap("export")
    summary.written = True
    return summary

