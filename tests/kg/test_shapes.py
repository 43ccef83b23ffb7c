"""Each file in tests/shapes/ says in its header whether it conforms or which focus node and component fail."""
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SH

from kg.namespaces import KG
from kg.validation import load_ontology, load_shapes, validate_graph

CASES = sorted((Path(__file__).parents[1] / "shapes").glob("*.ttl"))


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


def _expectations(path: Path) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in path.read_text().splitlines() if line.startswith("# expect:")]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_shape_case(case, shapes, ontology):
    report = validate_graph(Graph().parse(case), shapes=shapes, ontology=ontology)
    expected = _expectations(case)
    assert expected, f"{case.name} has no '# expect:' header"
    if expected == ["conforms"]:
        assert report.conforms, [v.one_line() for v in report.violations]
        return
    assert not report.conforms
    found = {(v.focus, v.component) for v in report.violations}
    for line in expected:
        _, focus, component = line.split()
        assert (focus, component) in found, found
    assert all(v.message and v.message != "constraint violated" for v in report.violations)


def test_every_class_is_the_target_of_named_shapes(shapes):
    targeted = set(shapes.objects(None, SH.targetClass))
    ontology = Graph().parse(Path(__file__).parents[2] / "ontology" / "kg.ttl")
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG._NS))}
    # subclasses are covered by their parent's shape (targetClass includes subclass instances)
    parents = {KG.Organization, KG.Place}
    uncovered = {c for c in classes - targeted
                 if not any((c, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"), p) in ontology for p in parents)}
    assert not uncovered
    for shape in shapes.subjects(SH.targetClass, None):
        assert isinstance(shape, URIRef)


def test_every_constraint_has_a_message(shapes):
    for prop in shapes.subjects(SH.path, None):
        assert shapes.value(prop, SH.message) is not None, prop


def test_every_iri_a_shape_names_is_declared(shapes, ontology):
    declared = set(ontology.subjects())
    for term in set(shapes.subjects()) | set(shapes.predicates()) | set(shapes.objects()):
        if isinstance(term, URIRef) and str(term).startswith(str(KG._NS)):
            assert term in declared, f"{term} is used by a shape but not declared in the ontology"
