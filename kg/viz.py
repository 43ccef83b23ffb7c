"""``kg viz``: draw an entity's neighbourhood as SVG (or an HTML page holding it), in pure Python.

The layout is radial and deterministic: the entity in the centre, its
neighbours on a ring ordered by class and label, and with two hops each
neighbour's own neighbours on an outer ring, inside its parent's sector.
Nodes are coloured by class, edges carry their property's name, and every
node has a tooltip with its IRI.  Rings are capped so a hub such as a city
stays legible; the caption says how many neighbours were left out.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pyoxigraph as ox

from .errors import UnknownFormat
from .lookup import Candidate, short
from .prefixes import KG_NS, RDF_NS, RDFS_NS, SKOS_NS

FORMATS = (".svg", ".html")
MAX_FIRST_RING = 36
MAX_PER_PARENT = 6

# Properties that are bookkeeping, not relations between entities.
_SKIP = {KG_NS + "evidence", KG_NS + "nameKey", "http://www.w3.org/ns/prov#wasDerivedFrom",
         "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://purl.org/dc/terms/isPartOf"}
# Most specific first: a node is drawn in the colour of the first of its classes found here; each fact kind's
# colour comes from its mapping (kg/kinds), between people and documents.
_ENTITY_COLOURS = {
    "Company": "#1f77b4", "FinancialInstitution": "#4a90d9", "GovernmentBody": "#17becf",
    "ResearchOrganization": "#6baed6", "Organization": "#9ecae1", "Person": "#ff7f0e",
}
_CONTEXT_COLOURS = {
    "Document": "#bcbd22", "Sector": "#2ca02c",
    "Country": "#31a354", "Province": "#74c476", "City": "#a1d99b", "Zone": "#c7e9c0", "Place": "#d9f0d3",
}


@functools.cache
def class_colours() -> dict[str, str]:
    """Class local name -> fill, most specific class first."""
    from .kinds import MAPPINGS  # rdflib: only when a picture is drawn

    kinds = {str(m.cls).rsplit("#", 1)[-1]: m.colour for m in MAPPINGS if m.cls is not None and m.colour}
    return {**_ENTITY_COLOURS, **kinds, **_CONTEXT_COLOURS}


_OTHER = "#cccccc"

@dataclass
class Node:
    iri: str
    label: str
    kind: str  # the kg: class it is drawn as
    hop: int
    parent: str | None = None  # the first-ring node it hangs from (second ring only)
    x: float = 0.0
    y: float = 0.0


@dataclass
class Edge:
    source: str
    target: str
    prop: str  # short form, e.g. kg:operatedBy


@dataclass
class Neighbourhood:
    centre: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    left_out: int = 0  # neighbours not drawn because a ring was full


def _rank(cls: str) -> int:
    """A class's place in the colour table: the order nodes are laid out and the legend lists them."""
    order = list(class_colours())
    return order.index(cls) if cls in order else 99


def _links(store: ox.Store, iri: str) -> list[tuple[str, str, bool]]:
    """(property, neighbour, outgoing?) for every relation of ``iri``, by index lookups in every graph."""
    node = ox.NamedNode(iri)
    links = {(q.predicate.value, q.object.value, True) for q in store.quads_for_pattern(node, None, None, None)
             if isinstance(q.object, ox.NamedNode)}
    links |= {(q.predicate.value, q.subject.value, False) for q in store.quads_for_pattern(None, None, node, None)
              if isinstance(q.subject, ox.NamedNode)}
    return sorted(link for link in links if link[0] not in _SKIP and link[1] != iri)


_LABELS = [ox.NamedNode(RDFS_NS + "label"), ox.NamedNode("http://purl.org/dc/terms/title"),
           ox.NamedNode(SKOS_NS + "prefLabel")]
_TYPE = ox.NamedNode(RDF_NS + "type")


def _describe(store: ox.Store, iris: set[str]) -> dict[str, tuple[str, str]]:
    """(label, class) of each node; nodes that are neither labelled nor typed are left out.

    Index lookups per node, as in :func:`kg.lookup.find`: a SPARQL join started from a VALUES list scans.
    """
    out = {}
    for iri in sorted(iris):
        node = ox.NamedNode(iri)
        label = next((min(found) for prop in _LABELS
                      if (found := {q.object.value for q in store.quads_for_pattern(node, prop, None, None)})), None)
        types = {q.object.value[len(KG_NS):] for q in store.quads_for_pattern(node, _TYPE, None, None)
                 if q.object.value.startswith(KG_NS)}
        if label is None and not types:
            continue
        kind = next((k for k in class_colours() if k in types), sorted(types)[0] if types else "")
        out[iri] = (label or short(iri), kind)
    return out


def neighbourhood(store: ox.Store, entity: Candidate, *, hops: int = 1) -> Neighbourhood:
    """The entity, the entities linked to it and, with ``hops=2``, theirs, with the properties linking them."""
    result = Neighbourhood(centre=entity.iri)
    result.nodes[entity.iri] = Node(entity.iri, entity.label, "", 0)
    frontier = [entity.iri]
    for hop in (1, 2)[:hops]:
        next_frontier: list[str] = []
        links = {parent: _links(store, parent) for parent in frontier}
        described = _describe(store, {n for found in links.values() for _, n, _ in found} | {entity.iri})
        result.nodes[entity.iri].kind = described.get(entity.iri, ("", ""))[1]
        budget = MAX_FIRST_RING if hop == 1 else MAX_PER_PARENT
        for parent in frontier:
            added = 0
            # the outer ring holds entities only: a kind or a status ("operating") shared by every facility
            # would pull each of them into one knot
            candidates = sorted({n for _, n, _ in links[parent] if n in described and n not in result.nodes
                                 and (hop == 1 or described[n][1])},
                                key=lambda n: (_rank(described[n][1]), described[n][0]))
            for n in candidates:
                if added == budget:
                    result.left_out += 1
                    continue
                label, kind = described[n]
                result.nodes[n] = Node(n, label, kind, hop, parent if hop == 2 else None)
                next_frontier.append(n)
                added += 1
            for prop, n, out in links[parent]:
                if n in result.nodes:
                    source, target = (parent, n) if out else (n, parent)
                    edge = Edge(source, target, short(prop))
                    if edge not in result.edges:
                        result.edges.append(edge)
        frontier = next_frontier
    return result


def layout(graph: Neighbourhood, *, radius: float = 260.0) -> tuple[float, float]:
    """Place the nodes on rings around the centre; returns the drawing's width and height."""
    first = [n for n in graph.nodes.values() if n.hop == 1]
    second = [n for n in graph.nodes.values() if n.hop == 2]
    rings = 2 if second else 1
    r1 = radius if len(first) <= 12 else radius * min(2.0, len(first) / 12)
    r2 = r1 + radius * (1.2 if second else 0)
    sector = 2 * math.pi / max(len(first), 1)
    for i, node in enumerate(first):
        angle = -math.pi / 2 + i * sector
        node.x, node.y = r1 * math.cos(angle), r1 * math.sin(angle)
        children = [c for c in second if c.parent == node.iri]
        for j, child in enumerate(children):
            offset = (j + 0.5) / len(children) - 0.5
            spread = sector * 0.9 * offset
            child.x, child.y = r2 * math.cos(angle + spread), r2 * math.sin(angle + spread)
    reach = r2 if rings == 2 else r1
    margin_x, margin_y = reach + 290, reach + 80  # labels run sideways, up to 40 characters
    for node in graph.nodes.values():
        node.x += margin_x
        node.y += margin_y + 60  # room for the legend above
    return 2 * margin_x, 2 * margin_y + 100


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_svg(graph: Neighbourhood, *, title: str) -> str:
    """The neighbourhood as a standalone SVG document."""
    width, height = layout(graph)
    # no fixed size: the drawing scales to the window (or the page's box) and is seen whole
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 {width:.0f} {height:.0f}" '
           'preserveAspectRatio="xMidYMid meet" font-family="Helvetica, Arial, sans-serif" font-size="12">',
           f"<title>{escape(title)}</title>",
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#888"/></marker></defs>',
           '<rect width="100%" height="100%" fill="white"/>']
    out.append('<g class="edges" stroke="#999" stroke-width="1.2">')
    for edge in graph.edges:
        a, b = graph.nodes[edge.source], graph.nodes[edge.target]
        length = math.hypot(b.x - a.x, b.y - a.y) or 1.0
        # stop the line at the target's circle so the arrow head shows
        end_x, end_y = b.x - (b.x - a.x) * 11 / length, b.y - (b.y - a.y) * 11 / length
        # the label sits nearer the outer end, where edges fan out and labels have room
        inner, outer = (a, b) if a.hop < b.hop else (b, a)
        mid_x, mid_y = inner.x + (outer.x - inner.x) * 0.62, inner.y + (outer.y - inner.y) * 0.62
        line = f'<line x1="{a.x:.1f}" y1="{a.y:.1f}" x2="{end_x:.1f}" y2="{end_y:.1f}" marker-end="url(#arrow)"/>'
        if max(a.hop, b.hop) == 2:  # the outer ring's edges name their property on hover only
            out.append(f'<g class="edge"><title>{escape(edge.prop)}</title>{line}</g>')
            continue
        out.append(line)
        out.append(f'<text x="{mid_x:.1f}" y="{mid_y - 3:.1f}" text-anchor="middle" fill="#555" stroke="none" '
                   f'font-size="10">{escape(edge.prop)}</text>')
    out.append("</g>")
    out.append('<g class="nodes">')
    centre = graph.nodes[graph.centre]
    for node in sorted(graph.nodes.values(), key=lambda n: -n.hop):
        colour = class_colours().get(node.kind, _OTHER)
        size = (16, 9, 6)[node.hop]
        weight = ' font-weight="bold" font-size="15"' if node.hop == 0 else ' font-size="10"' if node.hop == 2 else ""
        # labels point away from the centre: right of nodes on the right, left on the left, else below/above
        dx, dy = node.x - centre.x, node.y - centre.y
        norm = math.hypot(dx, dy) or 1.0
        cos, sin = dx / norm, dy / norm
        if node.hop == 0 or abs(cos) < 0.05:  # only the node straight above or below: its neighbours' labels go sideways
            anchor, tx = "middle", node.x
            ty = node.y + (size + 13 if sin >= 0 else -size - 5)
        else:
            anchor, tx, ty = ("start" if cos > 0 else "end"), node.x + cos * (size + 4), node.y + 4 + sin * (size + 2)
        kind = f" (kg:{escape(node.kind)})" if node.kind else ""
        out.append(f'<g class="node"><title>{escape(node.label)}{kind}\n{escape(node.iri)}</title>'
                   f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{size}" fill="{colour}" stroke="#333"/>'
                   f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}"{weight}>'
                   f"{escape(_clip(node.label))}</text></g>")
    out.append("</g>")
    kinds = sorted({n.kind for n in graph.nodes.values()},
                   key=_rank)
    out.append('<g class="legend">')
    for i, kind in enumerate(kinds):
        y = 20 + i * 18
        out.append(f'<circle cx="16" cy="{y}" r="6" fill="{class_colours().get(kind, _OTHER)}" stroke="#333"/>'
                   f'<text x="28" y="{y + 4}">{"kg:" + escape(kind) if kind else "other"}</text>')
    out.append("</g>")
    caption = f"{len(graph.nodes)} nodes, {len(graph.edges)} edges"
    if graph.left_out:
        caption += f"; {graph.left_out} more neighbours not drawn"
    out.append(f'<text x="16" y="{height - 14:.0f}" fill="#555">{escape(title)} — {escape(caption)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render_html(svg: str, *, title: str) -> str:
    """An HTML page holding the SVG; hovering a node shows its IRI."""
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>\n"
            "<style>body{margin:0;font-family:Helvetica,Arial,sans-serif} svg{display:block;width:100vw;height:100vh}"
            " .node:hover circle{stroke-width:3} .node:hover text{font-weight:bold}</style></head>\n"
            f"<body>\n{svg}</body></html>\n")


def output_format(path: Path | None) -> str:
    """``.svg`` or ``.html`` from the output file's name (SVG to stdout or to a name without suffix, e.g. a FIFO)."""
    if path is None or not path.suffix:
        return ".svg"
    if path.suffix.lower() not in FORMATS:
        raise UnknownFormat(path.suffix, list(FORMATS))
    return path.suffix.lower()


def draw(store: ox.Store, entity: Candidate, *, hops: int = 1, fmt: str = ".svg") -> str:
    """The drawing of ``entity``'s neighbourhood in ``fmt`` (``.svg`` or ``.html``)."""
    graph = neighbourhood(store, entity, hops=hops)
    title = f"{entity.label}: {'one hop' if hops == 1 else 'two hops'}"
    svg = render_svg(graph, title=title)
    return render_html(svg, title=title) if fmt == ".html" else svg
