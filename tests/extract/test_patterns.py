"""The pattern tables run as the pipeline's ``kg_cues`` component; finders read its matches per sentence."""
from __future__ import annotations

import importlib

import pytest
from spacy.matcher import Matcher

from extract.patterns import TABLES, cues


def test_the_component_runs_last_and_fills_a_span_group_per_table(nlp):
    assert nlp.pipe_names[-1] == "kg_cues"
    doc = nlp("Siemens opened a logistics center in Chengdu. Bosch signed a joint venture agreement with Haier.")
    assert set(TABLES) <= set(doc.spans)
    assert [(s.text, s.label_) for s in doc.spans["facility"]] == [("logistics center", "logistics_center")]
    assert "joint_venture" in {s.label_ for s in doc.spans["partnership"]}


@pytest.mark.parametrize("table", TABLES)
def test_cues_in_a_sentence_are_what_the_table_finds_in_it_alone(nlp, table):
    text = ("We recommend that Siemens open a logistics center in Chengdu. The Smart China Expo and the "
            "Western Land-Sea Corridor drew Bosch, which signed a strategic cooperation agreement with Haier.")
    doc = nlp(text)
    alone = Matcher(nlp.vocab)
    for label, patterns in importlib.import_module(f"extract.patterns.{table}").CUES:
        alone.add(label, patterns)
    for sent in doc.sents:
        expected = sorted((nlp.vocab.strings[m], s, e) for m, s, e in alone(sent))
        assert sorted(cues(sent, table)) == expected
    assert any(cues(sent, table) for sent in doc.sents)  # the text holds a cue of every table
