"""SHACL validation with pySHACL: the ontology is the ont_graph, no OWL-RL inference."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .prefixes import LOOKUP_GRAPH, ONTOLOGY_IRI, curie
from .resources import ONTOLOGY_FILE, shape_files, vocab_files


@dataclass
class Violation:
    """One SHACL result, readable without knowing SHACL."""

    focus: str
    focus_label: str | None
    path: str | None
    message: str
    component: str
    severity: str
    sentence: str | None  # a source sentence of the focus node, when it has evidence

    def one_line(self) -> str:
        who = f"{self.focus_label} <{self.focus}>" if self.focus_label else f"<{self.focus}>"
        where = f" [{self.path}]" if self.path else ""
        quote = f' — source: "{self.sentence[:160]}"' if self.sentence else ""
        return f"{who}{where}: {self.message}{quote}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation]


def load_shapes():
    from rdflib import Graph

    graph = Graph()
    for path in shape_files():
        graph.parse(path, format="turtle")
    return graph


def load_ontology():
    """The ontology plus the SKOS vocabularies (class hierarchy for sh:class and targets)."""
    from rdflib import Graph

    graph = Graph()
    graph.parse(ONTOLOGY_FILE, format="turtle")
    for path in vocab_files():
        graph.parse(path, format="turtle")
    return graph


def _short(term) -> str | None:
    return None if term is None else curie(str(term)) or str(term)


def validate_graph(data, *, shapes=None, ontology=None, focus_nodes=None, inplace: bool = False) -> ValidationReport:
    """Validate the rdflib graph ``data`` against the shapes; every result comes with its focus node's label and sentence.

    ``focus_nodes`` limits validation to those nodes (their neighbours are still read from ``data``);
    ``inplace`` lets pySHACL add the ontology to ``data`` instead of copying it first.
    """
    from pyshacl.graph_abstraction import DataGraph
    from rdflib.namespace import RDF, RDFS, SH

    from .namespaces import KG
    from .pyshacl_patches import focus_validator, index_constraint_parameters

    index_constraint_parameters()
    validator = focus_validator()(
        DataGraph.from_rdflib(data),
        shacl_graph=shapes if shapes is not None else load_shapes(),
        ont_graph=ontology if ontology is not None else load_ontology(),
        options={"inference": "none", "inplace": inplace, "abort_on_first": False, "allow_infos": True,
                 "allow_warnings": True, "focus_nodes": focus_nodes},
    )
    conforms, results, _ = validator.run()
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        label = data.value(focus, RDFS.label) if focus is not None else None
        evidence = data.value(focus, KG.evidence) if focus is not None else None
        sentence = data.value(evidence, KG.quote) if evidence is not None else None
        violations.append(
            Violation(
                focus=str(focus),
                focus_label=str(label) if label is not None else None,
                path=_short(results.value(result, SH.resultPath)),
                message=str(results.value(result, SH.resultMessage) or "constraint violated"),
                component=_short(results.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
                severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                sentence=str(sentence) if sentence is not None else None,
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms), violations=violations)


def validate_file(path) -> ValidationReport:
    """Validate an RDF file (format guessed from its extension, Turtle otherwise)."""
    from rdflib import Graph
    from rdflib.util import guess_format

    from .errors import RDFParseError

    path = Path(path)
    if not path.is_file():
        raise RDFParseError(path, "no such file")
    graph = Graph()
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as err:  # rdflib raises many unrelated types for bad input
        raise RDFParseError(path, str(err)) from None
    return validate_graph(graph)


# A validating process holds one batch as an rdflib graph plus pySHACL's working copy of it: on a 15 MB report's
# store, two processes peaked at 618 MiB PSS with 50,000 triples and a 500,000-node cache, at 473 MiB with 10,000
# and 100,000, in the same time (96 s and 94 s).
_BATCH_TRIPLES = 10_000
_CLASS_CACHE = 100_000  # nodes whose classes a validating process remembers
_COUNTS = ("MinCountConstraintComponent", "MaxCountConstraintComponent")


def validate_store(path, *, jobs: int = 1, graphs: list[str] | None = None) -> ValidationReport:
    """Validate the union of the data graphs in the store at ``path`` (the nodes of ``graphs`` only, when
    given), graph by graph, in ``jobs`` processes.

    Each batch is a few whole graphs, or a run of whole nodes of one big graph (each graph read by one
    sequential scan, so the cost grows linearly with the store), plus the ``rdf:type`` of every node they point
    to or describe without typing, taken from the whole store.  ``kg build`` writes a node's statements
    into every graph that supports it, so a graph sees all of a node's values; where graphs disagree,
    the counts are checked again on the union: nodes with more distinct values for a
    ``sh:maxCount`` path than a shape allows, and nodes a batch found short of a ``sh:minCount``,
    are re-validated with everything every graph says about them, and only that verdict is kept.
    """
    from concurrent.futures import ProcessPoolExecutor

    from .store import data_graphs, open_store

    path = Path(path)
    store = open_store(path)
    stored = [g.value for g in data_graphs(store)]
    graphs = stored if graphs is None else [g for g in stored if g in set(graphs)]
    del store
    if not graphs:
        return ValidationReport(True, [])
    # many graphs are shared out whole; a few (one big document) node by node, or one process would do it all
    by_node = len(graphs) < 4 * jobs
    jobs = max(1, jobs if by_node else min(jobs, len(graphs)))
    shares = [(str(path), graphs if by_node else graphs[i::jobs], i, jobs, by_node) for i in range(jobs)]
    if jobs == 1:
        parts = [_validate_share(*shares[0])]
    else:
        from extract.processes import quiet_worker

        with ProcessPoolExecutor(jobs, initializer=quiet_worker) as pool:  # no worker outlives `kg validate`
            parts = list(pool.map(_validate_share, *zip(*shares)))
    found = {(v.focus, v.path, v.message, v.component): v for part, _ in parts for v in part.violations}
    recheck = set().union(*(over for _, over in parts))
    recheck |= {v.focus for v in found.values() if v.component in _COUNTS}
    if recheck:
        union = _validate_batches(str(path), "subjects", sorted(recheck))
        found = {key: v for key, v in found.items() if v.focus not in recheck}
        found.update({(v.focus, v.path, v.message, v.component): v for v in union.violations})
    violations = sorted(found.values(), key=lambda v: (v.focus, v.path or "", v.message))
    # warnings and infos are allowed (as in validate_graph): only violations break conformance
    return ValidationReport(conforms=not any(v.severity == "Violation" for v in violations), violations=violations)


def _validate_share(path: str, graphs: list[str], part: int, parts: int,
                    by_node: bool = False) -> tuple[ValidationReport, set[str]]:
    """One process's work: its share of the ``sh:maxCount`` union checks, then its share of the graphs
    (``by_node``: of the nodes of ``graphs``)."""
    from .store import open_store

    shapes = load_shapes()
    over = _over_max_count(open_store(Path(path)), shapes, part=part, parts=parts)
    share = (part, parts) if by_node else (0, 1)
    return _validate_batches(path, "graphs", graphs, shapes=shapes, share=share), over


def _over_max_count(store, shapes, *, part: int = 0, parts: int = 1) -> set[str]:
    """Nodes of a shape's target classes with more distinct values, across all graphs, for its
    ``sh:maxCount`` path than the shape allows (the ``part``-th of ``parts`` shares of the shapes)."""
    from rdflib import URIRef
    from rdflib.namespace import SH

    from .store import query

    nodes: set[str] = set()
    for shape, bound in sorted(shapes.subject_objects(SH.maxCount))[part::parts]:
        path = shapes.value(shape, SH.path)
        if not isinstance(path, URIRef):
            continue
        targets = " ".join(f"<{c}>" for c in shapes.objects(shape, SH.targetClass))
        typed = f"?s a/rdfs:subClassOf* ?class VALUES ?class {{ {targets} }}" if targets else ""
        rows = query(store, f"""SELECT DISTINCT ?s WHERE {{
                                  {{ SELECT ?s (COUNT(DISTINCT ?o) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{path}> ?o }}
                                     FILTER(?g NOT IN (<{ONTOLOGY_IRI}>, <{LOOKUP_GRAPH}>)) }} GROUP BY ?s }}
                                  FILTER(?n > {int(bound)}) {typed} }}""")
        nodes.update(_term_key(row["s"]) for row in rows)
    return nodes


def _term_key(term) -> str:
    """A subject as a picklable string: ``_:id`` for blank nodes, the IRI otherwise."""
    import pyoxigraph as ox

    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _validate_batches(path: str, mode: str, keys: list[str], *, shapes=None,
                      share: tuple[int, int] = (0, 1)) -> ValidationReport:
    """Validate ``keys`` in batches of about ``_BATCH_TRIPLES``: graph IRIs (mode ``graphs``: their
    triples) or subjects (mode ``subjects``: everything every data graph says about them).  With
    ``share`` = (part, parts), only the nodes whose hash falls in that part."""
    import gc
    import zlib

    import pyoxigraph as ox
    from rdflib import Graph

    from .convert import to_rdflib
    from .store import open_store

    store = open_store(Path(path))
    shapes, ontology = shapes if shapes is not None else load_shapes(), load_ontology()
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    conforms, violations = True, []
    classes: dict = {}

    internal_graphs = f"FILTER(?g NOT IN (<{ONTOLOGY_IRI}>, <{LOOKUP_GRAPH}>))"
    # SPARQL, not quads_for_pattern: with the graph unbound, quads_for_pattern took 4-10 ms per node
    # (growing with the store), the query 0.05 ms
    classes_query = f"SELECT DISTINCT ?n ?c WHERE {{ GRAPH ?g {{ ?n a ?c }} {internal_graphs} }}"
    union_query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {internal_graphs} }}"
    n, s = ox.Variable("n"), ox.Variable("s")

    def classes_of(node):
        """A node's classes in the whole store, read once per process: documents, places and firms
        are pointed to from batch after batch."""
        found = classes.get(node)
        if found is None:
            if len(classes) >= _CLASS_CACHE:
                classes.clear()
            found = classes[node] = tuple(row["c"] for row in store.query(classes_query, substitutions={n: node}))
        return found

    def read(key) -> Iterator:
        if mode == "graphs":  # in index order: a node's triples come together
            return (q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(key)))
        subject = ox.BlankNode(key[2:]) if key.startswith("_:") else ox.NamedNode(key)
        return (ox.Triple(subject, row["p"], row["o"]) for row in store.query(union_query, substitutions={s: subject}))

    def check(triples: set) -> ValidationReport:
        terms: dict = {}  # each term converted once per batch: IRIs repeat across thousands of triples

        def term(t):
            found = terms.get(t)
            if found is None:
                found = terms[t] = to_rdflib(t)
            return found

        subjects = {t.subject for t in triples}
        typed = {t.subject for t in triples if t.predicate == rdf_type}
        others = {t.object for t in triples if isinstance(t.object, ox.NamedNode)} - subjects
        triples.update(ox.Triple(n, rdf_type, c) for n in (subjects - typed) | others for c in classes_of(n))
        graph = Graph()
        for s, p, o in triples:
            graph.add((term(s), term(p), term(o)))
        return validate_graph(graph, shapes=shapes, ontology=ontology, inplace=True,
                              focus_nodes=[term(s) for s in subjects])

    gc.freeze()  # the shapes and the ontology live for the whole run: no collection needs to scan them
    gc.disable()
    def flush(batch: set) -> None:
        nonlocal conforms
        report = check(batch)
        conforms = conforms and report.conforms
        violations.extend(report.violations)
        gc.collect()  # once per batch, instead of collections that rescan every live object as memory grows
        gc.freeze()  # what survives (the class cache) is never scanned again: a collection costs one batch

    try:
        batch: set = set()  # the same triple is often in many graphs: a set before rdflib sees it
        part, parts = share
        for key in keys:
            last, mine = None, True
            for triple in read(key):
                if triple.subject != last:
                    if parts > 1:
                        mine = zlib.crc32(str(triple.subject).encode()) % parts == part
                    if len(batch) > _BATCH_TRIPLES:  # a big graph: cut between nodes
                        flush(batch)
                        batch = set()
                    last = triple.subject
                if mine:
                    batch.add(triple)
            if len(batch) > _BATCH_TRIPLES:
                flush(batch)
                batch = set()
        if batch:
            flush(batch)
    finally:  # an error must not leave this process without a garbage collector
        gc.enable()
    return ValidationReport(conforms, violations)
