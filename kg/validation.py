"""SHACL validation with pySHACL: the ontology is the ont_graph, no OWL-RL inference."""
from __future__ import annotations

from dataclasses import dataclass

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
    import pyshacl
    from rdflib.namespace import RDF, RDFS, SH

    from .namespaces import KG

    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        ont_graph=ontology if ontology is not None else load_ontology(),
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        focus_nodes=focus_nodes,
        inplace=inplace,
    )
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
    from pathlib import Path

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


def validate_triples(triples, *, ontology=None) -> ValidationReport:
    """Validate pyoxigraph triples (any iterable of ``pyoxigraph.Triple``)."""
    import pyoxigraph as ox
    from rdflib import Graph

    graph = Graph()
    graph.parse(data=ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES), format="nt")
    return validate_graph(graph, ontology=ontology)


def validate_store(store) -> ValidationReport:
    """Validate the data graphs of an Oxigraph store."""
    from .store import data_triples

    return validate_triples(data_triples(store))
