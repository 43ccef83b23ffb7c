"""Recommendations read from document structure, on blocks written for the tests."""
from __future__ import annotations

import pytest

from extract.recommendations import BlockView, find_recommendations, numbering


@pytest.fixture
def blocks(nlp):
    def make(*specs: tuple[str, int, str]) -> list[BlockView]:
        return [BlockView(kind, level, text, nlp(text)) for kind, level, text in specs]

    return make


def texts(views):
    return [r.text for r in find_recommendations(views)]


def test_numbered_children_of_a_suggestions_heading(blocks):
    views = blocks(
        ("heading", 1, "Building a Greener Region"),
        ("heading", 2, "3. Policy suggestions for the city"),
        ("heading", 3, "3.1 Expand the bonded logistics zone"),
        ("paragraph", 0, "The city is advised to widen the zone to the river port."),
        ("heading", 3, "3.2 Train more engineers for smart factories"),
        ("paragraph", 0, "Universities could add short courses."),
        ("heading", 2, "4. Summary"),
        ("paragraph", 0, "We recommend acting fast."),
    )
    assert texts(views) == ["Expand the bonded logistics zone", "Train more engineers for smart factories"]
    first = find_recommendations(views)[0]
    assert [i for i, _, _ in first.spans] == [2, 3]  # the heading and the sentence under it


def test_items_numbered_alike_are_one_list_whatever_their_heading_level(blocks):
    """A converted PDF gave "3)" a level-3 heading and "4)" a level-4 one."""
    views = blocks(
        ("heading", 1, "Report"),
        ("heading", 2, "Policy suggestions for the city"),
        ("heading", 3, "1) Expand the bonded logistics zone"),
        ("paragraph", 0, "The zone is small."),
        ("heading", 3, "2) Organize a flagship smart manufacturing event"),
        ("paragraph", 0, "Awareness is low."),
        ("heading", 4, "3) Develop practical talent training programs for graduates"),
        ("paragraph", 0, "Jobs are changing."),
    )
    assert texts(views) == ["Expand the bonded logistics zone", "Organize a flagship smart manufacturing event",
                            "Develop practical talent training programs for graduates"]


def test_numbered_imperative_paragraphs_beside_item_headings(blocks):
    views = blocks(
        ("heading", 1, "Report"),
        ("heading", 2, "Part III: Recommendations"),
        ("heading", 3, "1. Expand the bonded logistics zone."),
        ("paragraph", 0, "a) Offer tax credits to freight forwarders."),
        ("paragraph", 0, "Freight volumes doubled in 2020."),
        ("paragraph", 0, "2. Train more engineers for smart factories."),
        ("paragraph", 0, "3. Demand grew quickly after the reform."),
    )
    assert texts(views) == ["Expand the bonded logistics zone.", "Offer tax credits to freight forwarders.",
                            "Train more engineers for smart factories."]


def test_lead_in_paragraph_with_numbered_paragraphs(blocks):
    views = blocks(
        ("heading", 1, "Report"),
        ("paragraph", 0, "Hereby, we put forward the following suggestions:"),
        ("paragraph", 0, "(1) Simplify customs procedures for exporters. This saves days."),
        ("paragraph", 0, "(2) Build a shared testing laboratory."),
        ("heading", 2, "Part III: Transport"),
        ("paragraph", 0, "(1) Railways carry most goods."),
    )
    assert texts(views) == ["Simplify customs procedures for exporters.", "Build a shared testing laboratory."]


def test_explicit_suggestion_sentence_outside_a_suggestions_part(blocks):
    views = blocks(
        ("heading", 1, "Report"),
        ("paragraph", 0, "Sales grew fast. The city is advised to open a second airport."),
    )
    assert texts(views) == ["The city is advised to open a second airport."]


def test_a_numbered_list_run_into_a_paragraph_after_a_lead_in(blocks):
    views = blocks(
        ("heading", 1, "Report"),
        ("paragraph", 0, "Next year we will watch the following points. (1) Open a rail hub in the north; "
                         "(2) Widely expand the bonded warehouses; (3) Train more port workers. Trade grew in 2020."),
        ("paragraph", 0, "The plan has three parts: (1) new roads, (2) new rails and (3) new ports."),
    )
    assert texts(views) == ["Open a rail hub in the north", "Widely expand the bonded warehouses",
                            "Train more port workers"]


def test_numbered_facts_are_not_recommendations(blocks):
    views = blocks(
        ("heading", 1, "Report"),
        ("heading", 2, "1. Background of the region"),
        ("paragraph", 0, "1. The region has 30 million inhabitants."),
        ("heading", 2, "Conclusion"),
        ("item", 0, "1. Build more roads."),
    )
    assert texts(views) == []


@pytest.mark.parametrize("text,number", [("3.2.1 Do it", "3.2.1"), ("(4) Do it", "4"), ("IV. Advice", "IV"),
                                         ("a) Encourage", "a"), ("A smart city", None), ("Chongqing is", None)])
def test_numbering(text, number):
    assert numbering(text) == number


def test_the_next_roman_numbered_part_ends_a_suggestions_part(blocks):
    views = blocks(
        ("heading", 1, "Report"),
        ("heading", 3, "III. Suggestions for the Region"),
        ("paragraph", 0, "Build a rail hub in the north. It would cut costs."),
        ("paragraph", 0, "Train more port workers. They are scarce."),
        ("heading", 4, "IV. Acme Partners with Ningbo to Build Ports"),
        ("paragraph", 0, "Acme has invested in ports since 2001."),
    )
    assert texts(views) == ["Build a rail hub in the north.", "Train more port workers."]


def test_lettered_items_and_their_roman_sub_items_are_each_one(blocks):
    views = blocks(
        ("heading", 1, "Hydrogen and water"),
        ("heading", 3, "3. Recommendations"),
        ("paragraph", 0, "We recommend that the Ministry, working with the regulator:"),
        ("paragraph", 0, "(a) Make water the first condition, not the last."),
        ("paragraph", 0, "(i) Require every project to submit a water balance."),
        ("paragraph", 0, "(b) Plan transmission for hydrogen now. The grid company should add hydrogen load."),
        ("heading", 3, "4. What this brief does not argue"),
        ("paragraph", 0, "We do not argue against exports."),
    )
    assert texts(views) == ["Make water the first condition, not the last.",
                            "Require every project to submit a water balance.", "Plan transmission for hydrogen now."]
