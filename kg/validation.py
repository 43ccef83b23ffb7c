"""SHACL validation with pySHACL: the ontology is the ont_graph, no OWL-RL inference."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .prefixes import KG_NS
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
    if term is None:
        return None
    text = str(term)
    for prefix, ns in (("kg:", KG_NS), ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"), ("prov:", "http://www.w3.org/ns/prov#"),
                       ("dcterms:", "http://purl.org/dc/terms/"), ("skos:", "http://www.w3.org/2004/02/skos/core#")):
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return text


def validate_graph(data, *, shapes=None, ontology=None, focus_nodes=None, inplace: bool = False) -> ValidationReport:
    """Validate the rdflib graph ``data`` against the shapes; every result comes with its focus node's label and sentence.

    ``focus_nodes`` limits validation to those nodes (their neighbours are still read from ``data``);
    ``inplace`` lets pySHACL add the ontology to ``data`` instead of copying it first.
    """
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph
    from rdflib.namespace import RDF, RDFS, SH

    from .namespaces import KG

    class FocusValidator(Validator):
        """pySHACL tests focus-node membership against a list; a set keeps thousands of focus nodes linear."""

        def make_executor(self):
            executor = super().make_executor()
            if executor.focus_nodes:
                executor.focus_nodes = frozenset(executor.focus_nodes)
            return executor

    validator = FocusValidator(
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


_CHUNK_TRIPLES = 50_000


def validate_store(path, *, jobs: int = 1) -> ValidationReport:
    """Validate the store at ``path`` one batch of named graphs at a time, in ``jobs`` processes.

    Each batch is validated with its own nodes as focus nodes, plus the
    ``rdf:type`` of every node it points to (the shapes look one hop away), so
    memory stays bounded by the batch and the batches can run in parallel.
    """
    from concurrent.futures import ProcessPoolExecutor

    from .store import data_graphs, open_store

    store = open_store(path)
    sizes = [(g.value, sum(1 for _ in store.quads_for_pattern(None, None, None, g))) for g in data_graphs(store)]
    del store
    batches: list[list[str]] = [[]]
    size = 0
    for name, count in sizes:
        if size + count > _CHUNK_TRIPLES and batches[-1]:
            batches.append([])
            size = 0
        batches[-1].append(name)
        size += count
    shares = [batches[i::jobs] for i in range(jobs) if batches[i::jobs]]
    if len(shares) == 1:
        parts = [_validate_batches(str(path), shares[0])]
    else:
        with ProcessPoolExecutor(len(shares)) as pool:
            parts = list(pool.map(_validate_batches, [str(path)] * len(shares), shares))
    # a node described in two documents is checked in both batches: report each finding once
    unique = {(v.focus, v.path, v.message): v for part in parts for v in part.violations}
    violations = sorted(unique.values(), key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=all(part.conforms for part in parts), violations=violations)


def _validate_batches(path: str, batches: list[list[str]]) -> ValidationReport:
    import pyoxigraph as ox
    from rdflib import Graph

    from .convert import to_rdflib
    from .store import open_store

    store = open_store(Path(path))
    shapes, ontology = load_shapes(), load_ontology()
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    conforms, violations = True, []
    for names in batches:
        triples = {q.triple for name in names for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))}
        subjects = {t.subject for t in triples}
        for target in {t.object for t in triples if isinstance(t.object, ox.NamedNode)} - subjects:
            triples.update(q.triple for q in store.quads_for_pattern(target, rdf_type, None, None))
        graph = Graph()
        for t in triples:
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        report = validate_graph(graph, shapes=shapes, ontology=ontology, inplace=True,
                                focus_nodes=[to_rdflib(s) for s in subjects])
        conforms = conforms and report.conforms
        violations.extend(report.violations)
    return ValidationReport(conforms, violations)
