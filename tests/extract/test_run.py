"""Whole-file extraction: what only the document around a sentence tells."""
from __future__ import annotations

from extract.run import extract_paths
from kg.resources import REFERENCE_DIR


def _facts(tmp_path, nlp, text: str, name: str = "news.txt"):
    """The facts extracted from one file holding ``text``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_paths([path], reference_dir=REFERENCE_DIR, nlp=nlp).facts


def test_a_title_line_states_a_deal_between_the_firms_it_names(tmp_path, nlp):
    path = tmp_path / "news.txt"
    path.write_text("Rivet Motors Partners with Lakeside University on Battery Research\n\n"
                    "Rivet Motors said on Tuesday it will open a plant in Wuhan. Lakeside University is its partner.\n",
                    encoding="utf-8")
    facts = extract_paths([path], reference_dir=REFERENCE_DIR, nlp=nlp).facts
    assert [sorted(p.parties) for p in facts.stated["partnerships"]] == [["Lakeside University", "Rivet Motors"]]
    assert not [o.name for o in facts.organizations if "Partners" in o.name or "Research" in o.name]


def test_long_sections_are_read_in_bounded_parts_and_tables_stay_whole():
    from extract.loader import Block
    from extract.run import _CHUNK_CHARS, _chunks

    size = _CHUNK_CHARS // 4
    prose = tuple(Block("paragraph", i * size, (i + 1) * size) for i in range(10))
    parts = list(_chunks(prose))
    assert sum(parts, ()) == prose and all(sum(b.end - b.start for b in p) <= _CHUNK_CHARS for p in parts)
    assert len(parts) == 3
    rows = tuple(Block("row", i * 100, (i + 1) * 100) for i in range(8 * _CHUNK_CHARS // 1000))
    table = (Block("paragraph", 0, _CHUNK_CHARS - 50), *rows, Block("paragraph", 0, 10))
    parts = list(_chunks(table))
    assert sum(parts, ()) == table
    assert parts[0][-1].kind == "row" and len(parts[0]) == 1 + len(rows)  # the table is not cut


def test_files_named_without_ascii_letters_are_distinct_documents(tmp_path, nlp):
    """Two Chinese file names both became the document "x": the build then failed SHACL."""
    from kg.build import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "报告.txt").write_text("Siemens opened a plant in Chengdu in 2020.\n", encoding="utf-8")
    (corpus / "新闻.txt").write_text("Bosch opened a plant in Wuxi in 2021.\n", encoding="utf-8")
    summary = build([corpus], store_path=tmp_path / "store", out_dir=tmp_path / "out", nlp=nlp)
    assert summary.report.conforms and summary.documents == 2


def test_a_brief_without_author_sections_yields_its_recommendations_without_an_author(tmp_path, nlp):
    """Recommendations were read only inside a compilation's author sections: a policy brief gave none."""
    from kg.mapping import facts_to_graph
    from kg.namespaces import KG

    path = tmp_path / "brief.md"
    path.write_text("# Water and hydrogen in the Rift Valley\n\n"
                    "Hydrogen projects draw on scarce water. Output rose by 4 percent in 2024.\n\n"
                    "## Recommendations\n\n"
                    "1. Require every project to publish a water balance before it is licensed.\n"
                    "2. Build a domestic market for green ammonia before chasing exports.\n",
                    encoding="utf-8")
    facts = extract_paths([path], reference_dir=REFERENCE_DIR, nlp=nlp).facts
    assert [r.text for r in facts.stated["recommendations"]] == [
        "Require every project to publish a water balance before it is licensed.",
        "Build a domestic market for green ammonia before chasing exports."]
    assert [r.by for r in facts.stated["recommendations"]] == [None, None]
    graph = facts_to_graph(facts)
    assert len(list(graph.subjects(None, KG.Recommendation))) == 2 and not list(graph.objects(None, KG.madeBy))


def test_it_points_at_the_firm_the_sentence_before_is_about(tmp_path, nlp):
    deals = _facts(tmp_path, nlp, "Pwani Green Fuels Ltd is building a methanol plant in Mombasa. It signed a land "
                   "lease with the Coastal Zones Authority in October 2024.\n\n"
                   "The port is busy. It signed a land lease with the Harbour Authority in 2023.\n").of("partnerships")
    assert [sorted(d.parties) for d in deals] == [["Coastal Zones Authority", "Pwani Green Fuels Ltd"]]
    assert deals[0].year == "2024"  # the second "It" is the port: no deal


def test_a_place_the_parser_took_for_the_subject_does_not_break_the_chain_to_it(tmp_path, nlp):
    """"Based in Bayan Baru, Penang, the Group sells ...": the parser makes Penang the subject; the "It" after
    it still points at the firm named before.  Any other subject does break the chain."""
    sites = _facts(tmp_path, nlp, "Tamarind Semitest Holdings Berhad is listed on the Main Market of Bursa Malaysia. "
                   "Based in Bayan Baru, Penang, the Group sells burn-in services to device makers in Europe and Asia. "
                   "It operates test plants in Ipoh and Seremban and employs more than 2,600 people.\n\n"
                   "Tamarind Semitest Holdings Berhad is listed in Kuala Lumpur. The port authority provides berths "
                   "to ships in Asia. It operates test plants in Kuantan.\n", "release.txt").of("facilities")
    assert sorted(f.name for f in sites if f.kind == "plant") == [  # one plant per place, in the singular
        "Tamarind Semitest Holdings Berhad plant (Ipoh)", "Tamarind Semitest Holdings Berhad plant (Seremban)"]


def test_a_later_paragraph_that_speaks_of_the_plant_again_is_its_evidence_and_may_name_it(tmp_path, nlp):
    text = ("Siemens broke ground on Tuesday on a US$420 million factory in the Tianfu Industrial Park.\n\n"
            "The plant, which the company has named the Tianfu Smart Factory, will be built in two phases.\n\n"
            "Bosch reported higher sales.\n\nA spokesman said demand was weak.\n\nThe factory employs 900 people.\n")
    [site] = _facts(tmp_path, nlp, text).of("facilities")
    assert site.name == "Tianfu Smart Factory" and site.place == "Tianfu Industrial Park"
    assert [text[e.start:e.end][:14] for e in site.evidence] == ["Siemens broke ", "The plant, whi"]  # three paragraphs on: too far


def test_a_short_name_in_a_mail_address_is_still_a_name(tmp_path, nlp):
    path = tmp_path / "release.txt"
    path.write_text('Keranji Semitest Holdings Berhad ("Keranji" or "the Group") will build a test plant in Kulim.\n\n'
                    "At the same time, Keranji announced that it has signed a test services agreement with Lumisense "
                    "Microsystems Inc.\n\n"
                    "Media enquiries: corpcomm@keranji.example | www.keranji.example/news\n", encoding="utf-8")
    facts = extract_paths([path], reference_dir=REFERENCE_DIR, nlp=nlp).facts
    # the lower-case "keranji" of the addresses is no common word that stops the short name from spreading
    assert [sorted(d.parties) for d in facts.of("partnerships")] == [
        ["Keranji Semitest Holdings Berhad", "Lumisense Microsystems Inc"]]
    # "the Group" is the firm it stands for, never an organisation named "Group"
    assert "Group" not in {o.name for o in facts.organizations}
