"""Whole-file extraction: what only the document around a sentence tells."""
from __future__ import annotations

from extract.run import extract_paths
from kg.resources import REFERENCE_DIR


def test_a_title_line_states_a_deal_between_the_firms_it_names(tmp_path, nlp):
    path = tmp_path / "news.txt"
    path.write_text("Rivet Motors Partners with Lakeside University on Battery Research\n\n"
                    "Rivet Motors said on Tuesday it will open a plant in Wuhan. Lakeside University is its partner.\n",
                    encoding="utf-8")
    facts = extract_paths([path], reference_dir=REFERENCE_DIR, nlp=nlp).facts
    assert [sorted(p.parties) for p in facts.partnerships] == [["Lakeside University", "Rivet Motors"]]
    assert not [o.name for o in facts.organizations if "Partners" in o.name or "Research" in o.name]
