"""kg viz: an entity's neighbourhood drawn as SVG or HTML, from the graph built from the test corpus."""
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.lookup import find
from kg.store import open_store
from kg.viz import class_colours, neighbourhood

SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(built):
    return built[0]


def texts(svg: str) -> list[str]:
    return [t.text for t in ET.fromstring(svg).iter(SVG + "text")]


def test_one_hop_draws_the_neighbours_with_labelled_edges(store):
    result = runner.invoke(app, ["viz", "Corning", "--store", str(store)])
    assert result.exit_code == 0, result.output
    labels = texts(result.output)  # well-formed XML, or fromstring raises
    assert "Corning" in labels and "Maria Lopez" in labels
    assert "kg:affiliation" in labels  # the edge from the person to the firm
    assert "kg:Person" in labels and "kg:Company" in labels  # the legend names the classes drawn
    circles = list(ET.fromstring(result.output).iter(SVG + "circle"))
    assert class_colours()["Person"] in {c.get("fill") for c in circles}


def test_two_hops_reach_further(store):
    db = open_store(store)
    corning = find(db, "Corning")[0]
    one, two = neighbourhood(db, corning, hops=1), neighbourhood(db, corning, hops=2)
    assert set(one.nodes) < set(two.nodes)
    assert {n.hop for n in two.nodes.values()} == {0, 1, 2}
    for node in two.nodes.values():  # every second-ring node hangs from a first-ring node it is linked to
        if node.hop == 2:
            assert two.nodes[node.parent].hop == 1
            assert any({e.source, e.target} == {node.iri, node.parent} for e in two.edges)
    # a facility's kind and status are not entities: the outer ring would knot every facility onto "operating"
    assert any(node.kind == "Facility" for node in one.nodes.values())  # whose kind and status are concepts
    assert all(node.kind for node in two.nodes.values() if node.hop == 2)


def test_the_picture_scales_and_the_outer_ring_is_quiet(store):
    result = runner.invoke(app, ["viz", "Corning", "--hops", "2", "--store", str(store)])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.output)
    # no fixed size: the viewBox scales to whatever window shows it, whole ("meet")
    assert (root.get("width"), root.get("height")) == ("100%", "100%") and len(root.get("viewBox").split()) == 4
    assert root.get("preserveAspectRatio") == "xMidYMid meet"
    db = open_store(store)
    graph = neighbourhood(db, find(db, "Corning")[0], hops=2)
    inner = [e for e in graph.edges if max(graph.nodes[e.source].hop, graph.nodes[e.target].hop) == 1]
    assert len(inner) < len(graph.edges)  # the test graph has second-ring edges
    # only first-ring edges carry a visible label; the outer ones name their property on hover
    assert len([t for t in texts(result.output) if t and t.startswith("kg:") and t[3:4].islower()]) == len(inner)
    hover = [g for g in root.iter(SVG + "g") if g.get("class") == "edge"]
    assert len(hover) == len(graph.edges) - len(inner) and all(g.find(SVG + "title") is not None for g in hover)
    radii = {float(c.get("r")) for g in root.iter(SVG + "g") if g.get("class") == "node" for c in g.iter(SVG + "circle")}
    assert radii == {16.0, 9.0, 6.0}  # centre, first ring, smaller second ring
    assert "kg:?" not in result.output


def test_html_output_file(store, tmp_path):
    target = tmp_path / "corning.html"
    result = runner.invoke(app, ["viz", "Corning", "--hops", "2", "-o", str(target), "--store", str(store)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "Corning: two hops" in page


@pytest.mark.parametrize(("args", "needle"), [
    (["viz", "Corning", "-o", "x.png"], "unknown format '.png'"),
    (["viz", "Corning", "--hops", "3"], "less than or equal to 2"),
    (["viz", "Nobody Anywhere"], "no entity named 'Nobody Anywhere'"),
])
def test_viz_bad_input(store, args, needle):
    result = runner.invoke(app, [*args, "--store", str(store)])
    assert result.exit_code != 0 and needle in result.output
    assert "Traceback" not in result.output
