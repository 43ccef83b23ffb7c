"""What a text states about a firm itself: headquarters, founding year, sector (issue 15 step 5)."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import SKOS

from extract.mentions import doc_mentions
from extract.profiles import ProfileFinder
from extract.run import extract_paths
from extract.sentences import sentences
from kg.resources import REFERENCE_DIR
from ontology import ONTOLOGY_DIR


def claims(text: str, nlp, reference, author: str | None = None) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    found = ProfileFinder(nlp.vocab, reference).claims(doc, sentences(doc, doc_mentions(doc, reference), author))
    return {(c.firm, c.property, c.value) for c in found}


@pytest.mark.parametrize("text, expected", [
    ("Suwon-based Samsung Electronics opened a plant.", {("Samsung Electronics", "headquarters", "Suwon")}),
    ("Voestalpine, headquartered in Linz, is a steel group.",
     {("Voestalpine", "headquarters", "Linz"), ("Voestalpine", "sector", "materials")}),
    ("Corning was founded in 1851 and is headquartered in New York.",
     {("Corning", "founded", "1851"), ("Corning", "headquarters", "New York")}),
    ("Founded in 1998, Acme Robotics is a machinery maker based in Shenzhen.",
     {("Acme Robotics", "founded", "1998"), ("Acme Robotics", "sector", "machinery"),
      ("Acme Robotics", "headquarters", "Shenzhen")}),
    ("Chinese battery maker CATL signed a deal with BMW.", {("CATL", "sector", "energy")}),
    ("AT&S, an Austrian manufacturer of printed circuit boards, opened a plant in Chongqing.",
     {("AT&S", "sector", "electronics")}),
    ("Corning Incorporated was founded in 1851 and is headquartered in Corning, New York, USA.",
     {("Corning Incorporated", "founded", "1851"), ("Corning Incorporated", "headquarters", "Corning"),
      ("Corning Incorporated", "headquarters", "New York"), ("Corning Incorporated", "headquarters", "USA")}),
    ("BASF, with headquarters in Ludwigshafen, is the largest chemical producer.",
     {("BASF", "headquarters", "Ludwigshafen"), ("BASF", "sector", "materials")}),
])
def test_claims_read_from_the_parse(text, expected, nlp, reference):
    assert claims(text, nlp, reference) == expected


def test_the_author_speaks_of_itself(nlp, reference):
    assert claims("The company was founded in 1851.", nlp, reference, author="Acme") == {("Acme", "founded", "1851")}
    assert claims("The company was founded in 1851.", nlp, reference) == set()  # news: no one to name


@pytest.mark.parametrize("text", [
    "The plant, established in 2010, makes glass.",  # a site, not a firm
    "Acme and Vexa established a joint venture in 2010.",  # active voice: the venture was set up, not Acme
    "A team based in Shanghai will run the pilot.",  # no firm
    "Acme was founded in 12 cities.",  # no year
    "Based in Chongqing and radiating to the west, Acme Glass has grown.",  # where it works, not its head office
    "Vexa Ltd was the first joint venture of Acme Glass established in 1995.",  # the venture was established
])
def test_no_claim(text, nlp, reference):
    assert claims(text, nlp, reference) == set()


def test_claims_reach_the_organisation_record_with_their_sentences(tmp_path, nlp):
    (tmp_path / "news.txt").write_text(
        "Qualcomm Inc., headquartered in San Diego, opened a research centre in Shanghai. Qualcomm Inc. was "
        "founded in 1985. Qualcomm Inc. is a chip company.\n", encoding="utf-8")
    facts = extract_paths([tmp_path], reference_dir=REFERENCE_DIR, nlp=nlp).facts
    qualcomm = next(o for o in facts.organizations if o.name.startswith("Qualcomm"))
    said = {(c.property, c.value): [e.text for e in c.evidence] for c in qualcomm.claims}
    assert said == {
        ("headquarters", "San Diego"): ["Qualcomm Inc., headquartered in San Diego, opened a research centre in Shanghai."],
        ("founded", "1985"): ["Qualcomm Inc. was founded in 1985."],
        ("sector", "electronics"): ["Qualcomm Inc. is a chip company."],
    }


def test_linking_keeps_claims_of_resolved_firms_and_places_and_one_headquarters_per_firm(reference):
    from extract.link import Linker, link_claims
    from extract.records import Claim, Evidence, OrganizationRecord, PlaceRecord

    def said(n: int) -> list[Evidence]:
        return [Evidence("doc", f"sentence {n}", n, n + 1)]

    orgs = [OrganizationRecord("Acme Corp", "Company", ["Acme"])]
    places = [PlaceRecord("Pune"), PlaceRecord("Mumbai")]
    link_claims([("Acme", Claim("headquarters", "Mumbai", said(1))),
                 ("Acme Corp", Claim("headquarters", "Pune", said(2))),
                 ("Acme", Claim("headquarters", "Pune", said(3))),
                 ("Acme", Claim("headquarters", "Atlantis", said(4))),  # no such place in the facts
                 ("Nobody Ltd", Claim("founded", "1990", said(5))),  # no such firm
                 ("Acme", Claim("sector", "energy", said(6))), ("Acme", Claim("sector", "materials", said(7)))],
                orgs, Linker(orgs, places, reference))
    assert [(c.property, c.value, len(c.evidence)) for c in orgs[0].claims] == [
        ("headquarters", "Pune", 2), ("sector", "energy", 1), ("sector", "materials", 1)]


def test_sector_words_name_sectors_of_the_vocabulary_and_cover_its_labels(reference):
    vocab = Graph().parse(ONTOLOGY_DIR / "vocab" / "sectors.ttl")
    notations = {str(n) for n in vocab.objects(None, SKOS.notation)}
    labels = {str(label).lower() for concept in vocab.subjects(SKOS.notation, None)
              for p in (SKOS.prefLabel, SKOS.altLabel) for label in vocab.objects(concept, p)}
    assert set(reference.sector_words.values()) <= notations
    assert labels <= set(reference.sector_words)
