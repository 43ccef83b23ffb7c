"""``kg build``: extract, map, validate, store, export — redoing only what changed since the last build.

A build records a manifest (input files' digests, the pipeline version and
the outputs' digests) in the cache directory.  When nothing changed, the build
stops there.  Otherwise files whose bytes are unchanged come from the
per-file extraction cache; the mapped triples stream into a new store written beside the old one, only the
named graphs whose triples changed are validated (against the whole graph), and the new store is swapped in.
"""
from __future__ import annotations

import gc
import hashlib
import itertools
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extract.limits import MAX_FILE_BYTES

from .errors import OutputUnwritable, WouldRemoveDocuments
from .export import write_atomic
from .prefixes import KG_NS, LOOKUP_GRAPH, ONTOLOGY_IRI, RDF_NS, RDFS_NS, RESOURCE_NS, SHARED_GRAPH, SKOS_NS
from .resources import ONTOLOGY_DIR, ONTOLOGY_FILE, REFERENCE_DIR, TOPICS_FILE, vocab_files
from .store import build_lock, data_graphs, is_store, open_store, recover
from .validation import ValidationReport

_MANIFEST = "build.json"
_OUTPUTS = ("kg.ttl", "facts.json")
_LOAD_CHUNK = 100_000  # quads per bulk-load call: 190 MB peak for 2M quads, against 1.4 GB for one call
_KG_DIR = Path(__file__).parent


STAGES = ("extract", "map", "validate", "store", "export")
"""A build's stages in the order it runs them; ``build(stage=...)`` reports each as it ends."""


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
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (STAGES)


def class_counts(types) -> dict[str, int]:
    """Instances per ``kg:`` class, from the objects of ``rdf:type`` triples."""
    counts = Counter(o[len(KG_NS):] for o in types if o.startswith(KG_NS))
    return dict(sorted(counts.items()))


def pipeline_version(reference_dir: Path = REFERENCE_DIR) -> str:
    """Digest of the extractor, the mapping code and the ontology: a change to any rebuilds everything."""
    from extract.cache import extractor_version

    digest = hashlib.sha256(extractor_version(reference_dir).encode())
    for root, pattern in ((_KG_DIR, "*.py"), (ONTOLOGY_DIR, "*.ttl")):
        for path in sorted(root.rglob(pattern)):  # by path: kinds/policy.py is not policy.py
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
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
    progress: Callable[[str, int, int | None], None] | None = None,
    stage: Callable[[str, float], None] | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    replace: bool = False,
    kinds: tuple | None = None,
    mappings: tuple | None = None,
    scheduler: str | None = None,
) -> BuildSummary:
    """Build the graph from ``paths`` into ``store_path`` and ``out_dir/kg.ttl``.

    The store ends up holding exactly the documents of ``paths``.  A build that would remove the
    documents of files no longer among the inputs raises :class:`~kg.errors.WouldRemoveDocuments`
    before anything is written, unless ``replace``.

    ``progress`` is called with (stage, done, total or None) as a stage gets on: blocks read ("extract"),
    triples mapped into the store ("map"), graphs validated ("validate"); ``stage`` with each stage's name
    and seconds as it ends (extract, map, validate, store, export).  ``cache_dir`` keeps per-file extractions
    and the build manifest (no cache
    when ``None``).  Nothing is written when SHACL validation fails; the
    summary's report says why.  A file over ``max_file_bytes`` is refused
    before it is read (skipped with a warning when found in a directory).

    ``kinds`` (:data:`extract.kinds.KINDS` by default) are the kinds of fact read and ``mappings``
    (:data:`kg.kinds.MAPPINGS`) put them in the graph; a build given either uses no cache, which knows only
    the packaged kinds.  With ``scheduler`` (a Dask scheduler's address, ``tcp://HOST:8786``) the files are read
    on that cluster (:mod:`extract.cluster`); everything else runs here, and the graph is the same.
    """
    started = time.perf_counter()
    if kinds is not None or mappings is not None:
        cache_dir = None
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
                         n_process=n_process, progress=progress, stage=stage, max_file_bytes=max_file_bytes,
                         allow_removal=replace, kinds=kinds, mappings=mappings, scheduler=scheduler)
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


def _build(paths, *, store_path, out_dir, cache_dir, nlp, n_process, progress, stage, max_file_bytes,
           allow_removal, kinds, mappings, scheduler) -> BuildSummary:
    """Extract; stream the mapped triples into a new store beside the old one; validate the graphs that
    changed; swap the new store in; write the outputs from it.  Memory holds the fact records, never the
    graph: a huge input costs disk, not RAM."""
    import shutil

    from extract.cache import ExtractionCache, extractor_version
    from extract.kinds import KINDS
    from extract.run import extract_paths  # spaCy stays off the import path of lookups

    from .iri import document_iri
    from .store import same_graph, staging_store, swap_in
    from .validation import validate_store

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now
        if stage:
            stage(name, timings[name])

    cache = ExtractionCache(cache_dir / "extract", extractor_version(REFERENCE_DIR)) if cache_dir else None
    def counted(name: str):
        return (lambda done, total=None: progress(name, done, total)) if progress else None

    result = extract_paths(paths, reference_dir=REFERENCE_DIR, nlp=nlp, progress=counted("extract"), cache=cache,
                           n_process=n_process, max_bytes=max_file_bytes, kinds=kinds or KINDS, scheduler=scheduler)
    lap("extract")
    summary = BuildSummary(documents=len(result.facts.documents), triples=0, classes={},
                           report=ValidationReport(False, []), seconds=0.0, warnings=result.warnings,
                           extracted=[str(p) for p in result.extracted], timings=timings)
    existing = is_store(store_path)
    old_graphs: set[str] = set()
    if existing:
        old = open_store(store_path)
        old_graphs = {g.value for g in data_graphs(old)}
        del old
        removed = _removed_files(old_graphs, {str(document_iri(d.id)) for d in result.facts.documents})
        if removed and not allow_removal:
            raise WouldRemoveDocuments(removed)  # before anything is written
        if removed:
            summary.warnings.append(f"removing {len(removed)} document(s) no longer in the inputs: "
                                    + ", ".join(removed))
    staging, store = staging_store(store_path)
    swapped = False
    try:
        _load(store, result.facts, mappings=mappings, progress=counted("map"))
        new_graphs = {g.value for g in data_graphs(store)}
        # facts.json waits in an unnamed temporary file, and the records are let go: the validation
        # workers fork from this process, which should not hold a huge input's records while they run
        facts_json = tempfile.TemporaryFile()  # gone with the process, however it ends
        _write_facts_json(result.facts, facts_json)
        result.facts = None
        gc.collect()
        lap("map")
        if existing:  # only the nodes of graphs that changed are validated, against the whole graph
            old = open_store(store_path)
            changed = sorted(g for g in new_graphs if g not in old_graphs or not same_graph(old, store, g))
            del old
        else:
            changed = sorted(new_graphs)
        del store  # closed: validation and the swap open it by path
        summary.graphs_replaced, summary.graphs_dropped = len(changed), len(old_graphs - new_graphs)
        if progress:
            progress("validate", 0, len(changed))
        summary.report = validate_store(staging, jobs=n_process, graphs=changed)
        if progress:
            progress("validate", len(changed), len(changed))
        lap("validate")
        if not summary.report.conforms:
            facts_json.close()
            summary.triples, summary.classes = _count(open_store(staging))
            return summary
        swap_in(store_path, staging)
        swapped = True
        lap("store")
    finally:
        if not swapped:
            shutil.rmtree(staging, ignore_errors=True)
    with facts_json:
        summary.triples, summary.classes = _write_outputs(open_store(store_path), facts_json, out_dir)
    lap("export")
    summary.written = True
    return summary


def _load(store, facts, *, mappings: tuple | None = None, progress: Callable[[int], None] | None = None) -> None:
    """Stream the graph of ``facts`` into ``store``: each document's named graph, the vocabularies in the
    shared graph, the name index and the ontology.  ``progress`` is told the triples streamed so far."""
    import pyoxigraph as ox

    from extract.keys import name_key

    from .convert import to_ox
    from .kinds import MAPPINGS
    from .mapping import facts_to_quads
    from .store import ONTOLOGY_GRAPH
    from .topics import load_topics

    graphs: dict[str, ox.NamedNode] = {}

    def quads():
        for graph, (s, p, o) in facts_to_quads(facts, topics=load_topics(TOPICS_FILE), mappings=mappings or MAPPINGS):
            name = graphs.get(graph) or graphs.setdefault(graph, ox.NamedNode(graph))
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), name)

    def put(stream, progress: Callable[[int], None] | None = None) -> None:
        stream = iter(stream)
        streamed = 0
        while chunk := list(itertools.islice(stream, _LOAD_CHUNK)):
            store.bulk_extend(chunk)  # one call per chunk: given a whole stream, the loader buffered 1.4 GB per 2M
            streamed += len(chunk)
            if progress:
                progress(streamed)

    put(quads(), progress)
    for path in vocab_files():
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(SHARED_GRAPH))
    names = store.query(f"""SELECT DISTINCT ?s ?name WHERE {{ GRAPH ?g {{ ?s <{RDFS_NS}label>|<{SKOS_NS}altLabel> ?name }}
                           FILTER(?g != <{ONTOLOGY_IRI}>) FILTER(isLiteral(?name)) }}""")
    lookup, key = ox.NamedNode(LOOKUP_GRAPH), ox.NamedNode(KG_NS + "nameKey")
    put(ox.Quad(row["s"], key, ox.Literal(folded), lookup) for row in names if (folded := name_key(row["name"].value)))
    store.bulk_load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    store.optimize()  # bulk loading leaves many overlapping files: compacted, a 5M-quad scan reads 1.8x faster
    store.flush()


@dataclass
class _Tally:
    """What a pass over the union of the data graphs saw: its triples, and the objects of ``rdf:type``."""

    triples: int = 0
    types: list[str] = field(default_factory=list)

    def counted(self, store):
        from .export import union_triples

        for t in union_triples(store):
            self.triples += 1
            if t.predicate.value == RDF_NS + "type":
                self.types.append(t.object.value)
            yield t


def _count(store) -> tuple[int, dict[str, int]]:
    """Distinct triples of the data graphs, and instances per class."""
    tally = _Tally()
    for _ in tally.counted(store):
        pass
    return tally.triples, class_counts(tally.types)


def _write_facts_json(facts, handle) -> None:
    """``facts.json``'s text, streamed to the binary file ``handle`` (left open)."""
    import io

    from extract.facts_json import write_factset_json

    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    write_factset_json(facts, text)
    text.flush()
    text.detach()  # the caller closes the file


def _write_outputs(store, facts_json, out_dir: Path) -> tuple[int, dict[str, int]]:
    """``kg.ttl`` (the union of the data graphs) and ``facts.json`` (copied from the binary file
    ``facts_json``), each streamed to its file; the triples and classes written."""
    import shutil

    import pyoxigraph as ox

    from .prefixes import PREFIXES

    tally = _Tally()

    def turtle(handle) -> None:
        ox.serialize(tally.counted(store), handle, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)

    def copy_facts(handle) -> None:
        facts_json.seek(0)
        shutil.copyfileobj(facts_json, handle)

    write_atomic(out_dir / "kg.ttl", turtle)
    write_atomic(out_dir / "facts.json", copy_facts)
    return tally.triples, class_counts(tally.types)
