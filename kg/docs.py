"""``kg docs``: browsable HTML documentation of the ontology, its SHACL constraints and its vocabularies.

One self-contained ``index.html`` (every class, property and concept has an
anchor named by its local name, so ``index.html#Facility`` links work), plus
copies of the Turtle files it was made from.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from .export import write_atomic
from .prefixes import KG_NS, PREFIXES, curie

_CSS = """
body{font-family:Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{margin-bottom:.2rem} h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin:1.6rem 0 .3rem} code{background:#f4f4f4;padding:0 .2rem} .iri{color:#666;font-size:.9rem}
table{border-collapse:collapse;margin:.4rem 0} td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
nav a{margin-right:.6rem} .entity{border-left:4px solid #1f77b4;padding-left:.8rem}
"""


@dataclass
class DocsWritten:
    directory: Path
    files: list[Path]
    classes: int
    properties: int
    shapes: int
    concepts: int


def _text(graph: Graph, node, prop) -> str:
    """The English (or untagged) value of ``prop``, if any."""
    values = [v for v in graph.objects(node, prop) if isinstance(v, Literal)]
    preferred = [v for v in values if v.language in ("en", None)]
    return str((preferred or values)[0]) if values else ""


def _curie(iri) -> str:
    return curie(str(iri)) or str(iri)


def _link(iri, local: set[str]) -> str:
    """A link to the entity's anchor when this page documents it, else to the IRI itself."""
    text = escape(_curie(iri))
    if str(iri) in local:
        return f'<a href="#{escape(_anchor(iri))}"><code>{text}</code></a>'
    return f'<a href="{escape(str(iri))}"><code>{text}</code></a>'


def _anchor(iri) -> str:
    """The page anchor of a documented IRI: an ontology term's local name ("Facility"); for any other IRI its
    last two path segments ("vocab-status"), so a scheme is not anchored where the property of its name is."""
    text = str(iri)
    if text.startswith(KG_NS):
        return text[len(KG_NS):]
    return "-".join(text.rstrip("/").rsplit("/", 2)[-2:])


def _members(graph: Graph, node) -> list:
    """The classes ``node`` stands for: itself, or the members of its owl:unionOf."""
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        return list(Collection(graph, union)) if union is not None else []
    return [node]


def _constraint(graph: Graph, shape) -> str:
    parts = []
    for prop, show in ((SH.minCount, "min {}"), (SH.maxCount, "max {}"), (SH["class"], "class {}"),
                       (SH.datatype, "datatype {}"), (SH.nodeKind, "node kind {}"), (SH.pattern, "pattern {}"),
                       (SH["in"], "one of {}")):
        value = graph.value(shape, prop)
        if value is None:
            continue
        if prop == SH["in"]:
            value = ", ".join(_curie(v) for v in Collection(graph, value))
        parts.append(show.format(escape(_curie(value)) if not isinstance(value, str) else escape(value)))
    return "; ".join(parts)


def render(ontology: Graph, shapes: Graph, vocab: Graph) -> tuple[str, DocsWritten]:
    """The documentation page; the counts in the returned record say what it covers."""
    onto = next(ontology.subjects(RDF.type, OWL.Ontology))
    classes = sorted((c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)), key=_anchor)
    kinds = {OWL.ObjectProperty: "object property", OWL.DatatypeProperty: "datatype property"}
    properties = sorted({p for kind in kinds for p in ontology.subjects(RDF.type, kind)}, key=_anchor)
    schemes = sorted(vocab.subjects(RDF.type, SKOS.ConceptScheme), key=_anchor)
    local = {str(x) for x in [*classes, *properties, *schemes, *vocab.subjects(RDF.type, SKOS.Concept)]}

    domain_of: dict[str, list] = defaultdict(list)
    range_of: dict[str, list] = defaultdict(list)
    for p in properties:
        for d in ontology.objects(p, RDFS.domain):
            for c in _members(ontology, d):
                domain_of[str(c)].append(p)
        for r in ontology.objects(p, RDFS.range):
            for c in _members(ontology, r):
                range_of[str(c)].append(p)
    shapes_of: dict[str, list] = defaultdict(list)
    shape_nodes = sorted(set(shapes.subjects(SH.path, None)), key=str)
    for shape in shape_nodes:
        for target in shapes.objects(shape, SH.targetClass):
            shapes_of[str(target)].append(shape)

    title = _text(ontology, onto, RDFS.label) or _curie(onto)
    out = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{escape(title)}</h1>",
           f'<p class="iri">{escape(str(onto))} · version {escape(_text(ontology, onto, OWL.versionInfo) or "?")}'
           f' · namespace <code>{escape(KG_NS)}</code> (prefix <code>kg:</code>)</p>',
           f"<p>{escape(_text(ontology, onto, RDFS.comment))}</p>",
           '<nav><a href="#classes">Classes</a><a href="#properties">Properties</a>'
           '<a href="#vocabularies">Vocabularies</a><a href="#prefixes">Prefixes</a>'
           '<a href="kg.ttl">kg.ttl</a><a href="shapes.ttl">shapes.ttl</a></nav>',
           '<h2 id="classes">Classes</h2><p>'
           + " · ".join(_link(c, local) for c in classes) + "</p>"]
    for c in classes:
        out.append(f'<div class="entity"><h3 id="{escape(_anchor(c))}">{escape(_text(ontology, c, RDFS.label) or _anchor(c))}'
                   f" <code>{escape(_curie(c))}</code></h3>")
        out.append(f"<p>{escape(_text(ontology, c, RDFS.comment))}</p><table>")
        supers = sorted(ontology.objects(c, RDFS.subClassOf), key=str)
        subs = sorted(ontology.subjects(RDFS.subClassOf, c), key=str)
        matches = sorted(ontology.objects(c, SKOS.closeMatch), key=str)
        for name, values in (("subclass of", supers), ("superclass of", subs), ("close match", matches),
                             ("properties (domain)", sorted(domain_of[str(c)], key=_anchor)),
                             ("used as range of", sorted(range_of[str(c)], key=_anchor))):
            if values:
                out.append(f"<tr><th>{name}</th><td>{', '.join(_link(v, local) for v in values)}</td></tr>")
        out.append("</table>")
        if shapes_of[str(c)]:
            out.append("<table><tr><th>SHACL: path</th><th>constraint</th><th>message</th></tr>")
            for shape in shapes_of[str(c)]:
                out.append(f"<tr><td><code>{escape(_curie(shapes.value(shape, SH.path)))}</code></td>"
                           f"<td>{_constraint(shapes, shape)}</td><td>{escape(_text(shapes, shape, SH.message))}</td></tr>")
            out.append("</table>")
        out.append("</div>")
    out.append('<h2 id="properties">Properties</h2>')
    for p in properties:
        kind = ", ".join(kinds[k] for k in kinds if (p, RDF.type, k) in ontology)
        extra = [t for t in ontology.objects(p, RDF.type) if t not in kinds]
        out.append(f'<div class="entity"><h3 id="{escape(_anchor(p))}">{escape(_text(ontology, p, RDFS.label) or _anchor(p))}'
                   f" <code>{escape(_curie(p))}</code></h3><p>{escape(_text(ontology, p, RDFS.comment))}</p><table>")
        out.append(f"<tr><th>kind</th><td>{kind}{''.join(', ' + _link(t, local) for t in extra)}</td></tr>")
        for name, prop in (("domain", RDFS.domain), ("range", RDFS.range)):
            values = [m for v in ontology.objects(p, prop) for m in _members(ontology, v)]
            if values:
                out.append(f"<tr><th>{name}</th><td>{' or '.join(_link(v, local) for v in values)}</td></tr>")
        for name, prop in (("sub-property of", RDFS.subPropertyOf), ("close match", SKOS.closeMatch)):
            values = sorted(ontology.objects(p, prop), key=str)
            if values:
                out.append(f"<tr><th>{name}</th><td>{', '.join(_link(v, local) for v in values)}</td></tr>")
        out.append("</table></div>")
    out.append('<h2 id="vocabularies">Vocabularies</h2>')
    concepts = 0
    for scheme in schemes:
        out.append(f'<h3 id="{escape(_anchor(scheme))}">{escape(_text(vocab, scheme, SKOS.prefLabel) or _anchor(scheme))}'
                   f" <code>{escape(str(scheme))}</code></h3><p>{escape(_text(vocab, scheme, RDFS.comment))}</p>"
                   "<table><tr><th>concept</th><th>label</th><th>also written as</th></tr>")
        for concept in sorted(vocab.subjects(SKOS.inScheme, scheme), key=str):
            concepts += 1
            alternatives = sorted(str(a) for a in vocab.objects(concept, SKOS.altLabel))
            out.append(f'<tr><td><code>{escape(_anchor(concept))}</code></td>'
                       f"<td>{escape(_text(vocab, concept, SKOS.prefLabel))}</td>"
                       f"<td>{escape('; '.join(alternatives))}</td></tr>")
        out.append("</table>")
    out.append('<h2 id="prefixes">Prefixes</h2><table>')
    for prefix, ns in PREFIXES.items():
        out.append(f"<tr><td><code>{escape(prefix)}:</code></td><td><code>{escape(ns)}</code></td></tr>")
    out.append("</table></body></html>\n")
    record = DocsWritten(Path(), [], len(classes), len(properties), len(shape_nodes), concepts)
    return "\n".join(out), record


def write_docs(directory: Path, *, ontology_file: Path, shape_files: list[Path], vocab_files: list[Path]) -> DocsWritten:
    """Write ``index.html`` and copies of the ontology and shapes into ``directory``, each file atomically."""
    ontology = Graph().parse(ontology_file, format="turtle")
    shapes, vocab = Graph(), Graph()
    for path in shape_files:
        shapes.parse(path, format="turtle")
    for path in vocab_files:
        vocab.parse(path, format="turtle")
    page, record = render(ontology, shapes, vocab)
    record.directory = directory
    record.files = [directory / "index.html"]
    write_atomic(record.files[0], page.encode("utf-8"))
    for source in [ontology_file, *shape_files]:
        record.files.append(directory / source.name)
        write_atomic(record.files[-1], source.read_bytes())
    return record
