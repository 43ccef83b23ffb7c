"""Property-based round trip: any graph our IRIs and literals can make, exported in every format and parsed
back, is isomorphic to what was exported."""
import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export import FORMATS, serialize_store, serialize_triples
from kg.iri import entity_iri
from kg.prefixes import KG_NS, RDFS_NS
from kg.store import write_store

RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}
# Literal text without surrogates (not encodable in UTF-8) and without control characters other than tab/newline.
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
terms = st.one_of(
    texts.map(ox.Literal),
    st.tuples(texts, st.sampled_from(["en", "zh", "de-CH"])).map(lambda t: ox.Literal(t[0], language=t[1])),
    st.integers(-10**12, 10**12).map(lambda n: ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    texts.map(lambda t: ox.NamedNode(str(entity_iri("organization", t or "x")))),
)
triples = st.lists(
    st.tuples(st.text(min_size=1, max_size=20), st.sampled_from([RDFS_NS + "label", KG_NS + "partOf", KG_NS + "quote"]), terms)
    .map(lambda t: ox.Triple(ox.NamedNode(str(entity_iri("place", t[0]))), ox.NamedNode(t[1]), t[2])),
    min_size=1, max_size=25,
)


def as_rdflib(data: bytes, fmt: str) -> Graph:
    if fmt in ("nquads", "trig"):
        dataset = Dataset()
        dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
        graph = Graph()
        for s, p, o, _ in dataset.quads():
            graph.add((s, p, o))
        return graph
    return Graph().parse(data=data, format=RDFLIB_FORMATS[fmt])


@settings(max_examples=60, deadline=None)
@given(triples)
def test_triple_formats_round_trip(items):
    expected = as_rdflib(serialize_triples(items, fmt="ntriples"), "ntriples")
    for fmt in ("turtle", "ntriples", "jsonld"):
        data = serialize_triples(items, fmt=fmt)
        assert isomorphic(as_rdflib(data, fmt), expected), fmt
        assert serialize_triples(items, fmt=fmt) == data  # the same data gives the same bytes


@settings(max_examples=15, deadline=None)
@given(triples)
def test_store_exports_in_every_format_round_trip(tmp_path_factory, items):
    path = tmp_path_factory.mktemp("store") / "s"
    half = len(items) // 2
    write_store(path, graphs={"https://w3id.org/ccec-kg/resource/document/a": items[:half],
                              "https://w3id.org/ccec-kg/resource/document/b": items[half:]}, ontology_files=[])
    store = ox.Store.read_only(str(path))
    expected = as_rdflib(serialize_triples(items, fmt="ntriples"), "ntriples")
    for fmt in FORMATS:
        assert isomorphic(as_rdflib(serialize_store(store, fmt=fmt), fmt), expected), fmt
