"""kg docs: every class, property and vocabulary of the ontology is documented, with working anchors."""
from html.parser import HTMLParser

from rdflib import Graph
from rdflib.namespace import OWL, RDF
from typer.testing import CliRunner

from kg.cli import app
from kg.resources import ONTOLOGY_FILE


class Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.repeated: set[str] = set()
        self.links: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            if attrs["id"] in self.ids:
                self.repeated.add(attrs["id"])
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.add(attrs["href"][1:])


def test_docs_cover_the_ontology(tmp_path):
    result = CliRunner().invoke(app, ["docs", "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "site" / "kg.ttl").read_bytes() == ONTOLOGY_FILE.read_bytes()
    parser = Anchors()
    parser.feed(page)
    ontology = Graph().parse(ONTOLOGY_FILE)
    names = {str(s).rsplit("#", 1)[1] for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for s in ontology.subjects(RDF.type, kind) if "#" in str(s)}
    assert names and names <= parser.ids
    assert parser.links <= parser.ids  # no internal link is dangling
    assert not parser.repeated  # one anchor per name: the "status" property and the statuses scheme are two
    assert "a facility has exactly one kg:operatedBy" in page  # SHACL constraints are listed with their class
    assert "Statuses" in page and "under construction" in page  # vocabularies too
    classes = len(set(ontology.subjects(RDF.type, OWL.Class)))
    assert f"{classes} classes" in result.output
