"""The organisation a document speaks as: named by the document, never guessed."""
from __future__ import annotations

import pytest

from extract.run import extract_paths
from extract.voice import document_voice
from kg.resources import REFERENCE_DIR


@pytest.mark.parametrize("text, name", [
    ('LINZ, 9 April 2025 – Brixen Foils Holdings Berhad ("Brixen" or "the Group"), a maker of foils', "Brixen Foils Holdings Berhad"),
    ('2024 was the year in which Tarrow Pharma plc ("Tarrow", the "Group") grew', "Tarrow Pharma plc"),
    ("Today Rivet Motors (the “Company”) said", "Rivet Motors"),
])
def test_a_defined_term_names_the_voice(text, name):
    voice = document_voice(text, [])
    assert voice is not None and voice.name == name and text[voice.start:voice.end] == name


@pytest.mark.parametrize("text", [
    "Acme (NYSE: ACM) said it would build a plant.",  # a ticker is no definition
    'Weihe PV ("Weihe") opened a plant.',  # a short name is not "the Company"
    "The company said it would build a plant in Pune.",  # a news article about a firm
])
def test_no_definition_no_voice(text):
    assert document_voice(text, []) is None


def test_about_heading_names_the_voice():
    text = "Rarecirc opens a plant\n\nAbout Rarecirc\n\nRarecirc recycles magnets."
    start = text.index("About")
    voice = document_voice(text, [(0, 22), (start, start + len("About Rarecirc"))])
    assert voice is not None and voice.name == "Rarecirc"


def test_we_of_a_release_names_the_defined_firm_as_operator(tmp_path, nlp):
    path = tmp_path / "release.txt"
    path.write_text('PUNE, 3 March 2025 – Tarrow Pharma plc ("Tarrow" or "the Group") today said it has opened '
                    "a new plant in Pune. We will also build a research centre in Hyderabad.\n", encoding="utf-8")
    facts = extract_paths([path], reference_dir=REFERENCE_DIR, nlp=nlp).facts
    assert ("Tarrow Pharma plc", "Hyderabad") in {(f.operator, f.place) for f in facts.stated["facilities"]}


_BLOG = ("Loma Partners with Brightwell to Bring Robots to Farms\n\n"
         "Big news: we're teaming up with Brightwell. Our robots will pick apples, and we will ship 40 of them.\n\n"
         "Loma Robotics Ltd. was founded in 2019.")


def test_a_titles_subject_is_the_voice_of_a_body_that_says_we():
    voice = document_voice(_BLOG, [(0, _BLOG.index("\n"))])
    assert voice is not None and voice.name == "Loma Robotics Ltd" and _BLOG[voice.start:voice.end] == voice.name


@pytest.mark.parametrize("text", [
    # a news article: "we" only inside what someone is quoted saying
    'Loma Opens Plant in Leeds\n\nLoma opened a plant. "We are proud, and our staff are too," said its chief. '
    '"We will hire," she said.',
    # a title whose subject is no name
    "The Farm Robots Are Coming\n\nWe think our robots, and we mean ours, are the best.",
])
def test_a_title_names_no_voice_without_a_body_that_says_we(text):
    assert document_voice(text, [(0, text.index("\n"))]) is None
