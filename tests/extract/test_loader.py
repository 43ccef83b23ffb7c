from pathlib import Path

import pytest

from extract.errors import BinaryDocument, EmptyDocument, InputNotFound, NoDocuments
from extract.loader import clean_text, find_documents, load_document, read_text
from extract.sections import author_name, split_sections

from ..conftest import FIXTURES, REPO, TEST_CORPUS


def test_cleaning_strips_tags_and_footnotes_and_keeps_offsets():
    doc = load_document(TEST_CORPUS / "advisory-reports.md")
    assert "<sup>" not in doc.text and "<b>" not in doc.text
    assert "Source of data" not in doc.text  # footnote line dropped
    assert "Chongqing and works" in doc.text  # footnote marker "1" removed
    assert "smart manufacturing cases" in doc.text
    # every clean character maps back to the same character in the file
    for i, ch in enumerate(doc.text):
        if not ch.isspace():
            assert doc.original[doc.clean.origin(i)] == ch


def test_page_break_is_rejoined_and_headings_kept():
    doc = load_document(TEST_CORPUS / "advisory-reports.md")
    assert "Chengdu, Xi'an and across the western region by rail." in doc.text
    headings = [doc.block_text(b) for b in doc.blocks if b.kind == "heading"]
    assert "Glass for a Greener Region" in headings and "Recommendations" in headings
    items = [doc.block_text(b) for b in doc.blocks if b.kind == "item"]
    assert items[0].startswith("1. Build a shared testing laboratory")



def test_html_in_a_text_file_gives_its_blocks_by_its_tags_and_drops_menus():
    text = ("Home | About Us | Services | News | Contact\n"
            "Home > News > Press Releases > 2025\n"
            "<h1>Acme to expand its Kulim plant</h1>\n"
            "Share: Facebook | LinkedIn | X | WhatsApp | Email\n"
            "<p>Acme will build a third plant.</p>\n"
            "<p>Apex will supply the handlers.</p>\n"
            "<ul>\n<li>Test handlers from Ventara</li>\n</ul>\n")
    mapped, blocks = clean_text(text)
    assert [(b.kind, mapped.text[b.start:b.end]) for b in blocks] == [
        ("heading", "Acme to expand its Kulim plant"),
        ("paragraph", "Acme will build a third plant."),
        ("paragraph", "Apex will supply the handlers."),
        ("item", "Test handlers from Ventara"),
    ]
    assert blocks[0].level == 1


def test_a_sentence_with_pipes_is_no_menu():
    mapped, blocks = clean_text("Revenue rose | costs fell | margins grew | and the outlook improved.\n")
    assert len(blocks) == 1


def test_a_long_paragraph_cut_mid_sentence_is_rejoined():
    prose = ("Wuhan and Hefei have built a solid base for the car industry over the last two decades, and "
             "both cities host the head offices of vehicle makers like Dongfeng")
    text, blocks = clean_text(f"{prose}\n\nMotor, Chery Auto and others.\n")
    assert text.text == f"{prose} Motor, Chery Auto and others." and len(blocks) == 1
    # a short line without a full stop is a heading or caption: the next paragraph stays apart
    text, blocks = clean_text("Key Figures of the Region\n\nMotor makers grew by a tenth.\n")
    assert len(blocks) == 2

def test_a_word_cut_at_a_lines_end_is_joined_and_keeps_its_offsets():
    original = "We signed with Hoshizora Pharma-\nceutical Co. of Tokyo, a Sino-\nGerman venture.\n"
    text, _ = clean_text(original)
    assert text.text == "We signed with Hoshizora Pharmaceutical Co. of Tokyo, a Sino- German venture."
    i = text.text.index("Pharmaceutical")
    a, b = text.to_original(i, i + len("Pharmaceutical"))
    assert original[a:b] == "Pharma-\nceutical"
    # a table's cells and a heading are not lines of one paragraph
    text, _ = clean_text("| Pharma- | ceutical |\n|---|---|\n| a | b |\n")
    assert "Pharmaceutical" not in text.text


def test_clean_text_of_markdown_line():
    text, blocks = clean_text("## **Bold** heading\n\nA [link](http://x.org) and CO<sub>2</sub>.\n")
    assert text.text == "Bold heading\n\nA link and CO2."
    assert [b.kind for b in blocks] == ["heading", "paragraph"]


def test_compilation_is_split_by_its_table_of_contents():
    doc = load_document(TEST_CORPUS / "advisory-reports.md")
    sections = split_sections(doc)
    assert [(s.title, s.author) for s in sections] == [
        ("Glass for a Greener Region", "Corning"),
        ("Printing the Future of Manufacturing", "HP"),
    ]
    assert doc.text[sections[1].start :].startswith("Printing the Future")
    assert "Recommendations" in doc.text[sections[0].start : sections[0].end]


def test_sample_compilation_has_27_firm_reports():
    doc = load_document(REPO / "corpus" / "cmia-16-reports.md")
    sections = split_sections(doc)
    authors = [s.author for s in sections]
    assert len(sections) == 27
    assert {"Corning", "AT&S", "HP", "Qualcomm", "Schneider Electric", "Hitachi ABB", "bp"} <= set(authors)
    corning = sections[0]
    start, _ = doc.clean.to_original(corning.start, corning.end)
    assert doc.original.count("\n", 0, start) + 1 == 46  # the line of its title heading


def test_news_document_is_one_section_without_author():
    doc = load_document(TEST_CORPUS / "regional-news.txt")
    (section,) = split_sections(doc)
    assert section.author is None and section.title == "Chengdu widens its chip cluster"


def test_author_name_prefers_the_texts_spelling():
    assert author_name("Schneider Electric builds. Schneider Electric grows.", "SCHNEIDER-ELECTRIC") == "Schneider Electric"
    assert author_name("nothing here", "JARDINE MATHESON") == "Jardine Matheson"


@pytest.mark.parametrize(
    ("path", "error"),
    [(FIXTURES / "bad" / "missing.txt", InputNotFound), (FIXTURES / "bad" / "empty.txt", EmptyDocument),
     (FIXTURES / "bad" / "archive.txt", BinaryDocument)],
)
def test_bad_files_raise_one_line_errors(path, error):
    with pytest.raises(error) as caught:
        load_document(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_non_utf8_text_is_decoded_with_a_warning():
    text, warnings = read_text(FIXTURES / "bad" / "latin1.txt")
    assert "Anna Berg" in text and "\ufffd" in text
    assert warnings and "not valid UTF-8" in warnings[0]


def test_directory_without_documents(tmp_path: Path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(NoDocuments):
        find_documents([tmp_path])


def test_a_bulleted_numbered_line_is_an_item_not_a_footnote(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("# Measures\n\n- 1 Budget: a new ‘Harbor Fund’ for ports\n\n12 Source: customs data.\n", encoding="utf-8")
    doc = load_document(path)
    assert "Budget: a new ‘Harbor Fund’ for ports" in doc.text
    assert "customs data" not in doc.text


def test_a_numbered_table_row_is_a_row_not_a_footnote(tmp_path):
    path = tmp_path / "zones.md"
    path.write_text("No\tZone Name\tCity\n1\tHarbor Smart Freight Test Zone\tNingbo\n2\tLakeside Drone Test Base\tWuxi\n\n"
                    "12 Source: customs data.\n", encoding="utf-8")
    doc = load_document(path)
    rows = [doc.block_text(b) for b in doc.blocks if b.kind == "row"]
    assert rows[1:] == ["1\tHarbor Smart Freight Test Zone\tNingbo", "2\tLakeside Drone Test Base\tWuxi"]
    assert "customs data" not in doc.text


def test_a_list_of_references_is_kept_and_a_footnote_dropped(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# References\n\n- [1] Mara Lind: Ports of the North, Harbor Press\n\n[^2]: Source: customs data.\n",
                    encoding="utf-8")
    doc = load_document(path)
    assert "Mara Lind: Ports of the North" in doc.text  # whose work is cited is a fact of the report
    assert "customs data" not in doc.text


def test_enclosed_list_markers_start_items_even_without_a_blank_line(tmp_path):
    """"(i) ..." under "(a) ..." ran into one paragraph: the sub-items were lost."""
    path = tmp_path / "brief.md"
    path.write_text("**(a) Make water the first condition.**\n  (i) Require a water balance.\n  (ii) Publish decisions.\n"
                    "(The firm said so.) It rained.\n", encoding="utf-8")
    doc = load_document(path)
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("item", "(a) Make water the first condition."), ("item", "(i) Require a water balance."),
        ("item", "(ii) Publish decisions."), ("paragraph", "(The firm said so.) It rained.")]  # a bracket is no marker


def test_the_header_fields_of_a_memo_are_lines_of_their_own(tmp_path):
    """"To: ... Kenya" ran into "Copy: The Treasury": "Ministry of Water, Republic of Kenya Copy" was one name."""
    path = tmp_path / "memo.md"
    path.write_text("**To:** Permanent Secretary, Ministry of Water\n**Copy:** The Treasury; Harbour Authority\n"
                    "Date: 3 March 2025\nThe ministry should publish its water balance\nbefore it licenses any plant.\n",
                    encoding="utf-8")
    doc = load_document(path)
    assert [doc.block_text(b) for b in doc.blocks] == [
        "To: Permanent Secretary, Ministry of Water", "Copy: The Treasury; Harbour Authority", "Date: 3 March 2025",
        "The ministry should publish its water balance before it licenses any plant."]


def test_a_converted_pdfs_running_header_and_page_numbers_are_no_text(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text("Harbourline plc  |  Annual Review 2024  |  6\n\nRevenue rose 14% to EUR 912 million in the\n"
                    "year.\n\n7\nHarbourline plc  |  Annual Review 2024  |  7\n\nOur plant in Cork employs 420 people.\n\n"
                    "8\nHarbourline plc  |  Annual Review 2024  |  8\n\nRevenue | 912 | 800\n", encoding="utf-8")
    doc = load_document(path)
    assert [doc.block_text(b) for b in doc.blocks] == [
        "Revenue rose 14% to EUR 912 million in the year.", "Our plant in Cork employs 420 people.",
        "Revenue | 912 | 800"]  # a line said once stays, even with a "|" and numbers


def test_a_line_said_twice_without_number_or_separator_stays(tmp_path):
    path = tmp_path / "faq.md"
    path.write_text("Does the plant use EU funding?\n\nYes.\n\nDoes the lab use EU funding?\n\nYes.\n", encoding="utf-8")
    doc = load_document(path)
    assert [doc.block_text(b) for b in doc.blocks].count("Yes.") == 2
