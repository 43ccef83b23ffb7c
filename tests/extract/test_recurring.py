"""Recurring names: a section's organisation is one wherever its name recurs in the section."""
from __future__ import annotations

from extract.mentions import doc_mentions
from extract.recurring import recurring_organizations


def _orgs(nlp, reference, blocks, *, author=None, lower_words=frozenset()):
    docs = [nlp(b) for b in blocks]
    found = recurring_organizations(["paragraph"] * len(docs), docs, [doc_mentions(d, reference) for d in docs],
                                    reference, author=author, lower_words=set(lower_words))
    return [{m.name for m in block if m.kind == "organization"} for block in found]


def test_the_author_is_an_organisation_where_the_recogniser_missed_it(nlp, reference):
    blocks = ["Qualcomm will build an innovation center in Chongqing."]
    assert not _orgs(nlp, reference, blocks)[0]  # the recogniser sees no entity
    assert _orgs(nlp, reference, blocks, author="Qualcomm")[0] == {"Qualcomm"}


def test_a_name_recognised_twice_spreads_unless_the_file_writes_it_in_lower_case(nlp, reference):
    blocks = ["Siemens signed a deal with Valeo in 2020.", "Siemens signed an agreement with Valeo in 2022.",
              "Valeo will build an innovation center in Chongqing."]
    assert "Valeo" not in _orgs(nlp, reference, blocks[2:])[0]  # the recogniser misses it there
    assert "Valeo" in _orgs(nlp, reference, blocks)[2]
    assert "Valeo" not in _orgs(nlp, reference, blocks, lower_words={"valeo"})[2]
    assert "Chongqing" not in set().union(*_orgs(nlp, reference, blocks))


def test_the_first_word_of_a_name_standing_alone_is_that_organisation(nlp, reference):
    blocks = ["Cirrusfield Cloud, Inc. is a cloud provider.",
              "Our tools will run inside Cirrusfield's new Stockholm data centre, which opened in May."]
    docs = [nlp(b) for b in blocks]
    found = recurring_organizations(["paragraph"] * 2, docs, [doc_mentions(d, reference) for d in docs], reference,
                                    author=None, lower_words=set())
    [short] = [m for m in found[1] if m.name == "Cirrusfield"]
    assert short.kind == "organization" and short.alias_of.startswith("Cirrusfield Cloud")


def test_a_common_first_word_or_one_the_file_writes_in_lower_case_is_no_short_name(nlp, reference):
    blocks = ["General Motors Company builds cars.", "General terms apply to every buyer."]
    assert "General" not in set().union(*_orgs(nlp, reference, blocks))
    blocks = ["Harbour Cloud Ltd. is a cloud provider.", "Harbour fees rose in May."]
    assert "Harbour" not in _orgs(nlp, reference, blocks, lower_words={"harbour"})[1]


def test_a_short_name_recognised_once_alone_still_stands_for_the_full_name(reference):
    from collections import Counter

    from extract.recurring import _short_names

    # only a registered name (an abbreviated legal form) has a short name: "Chengdu-Chongqing City Cluster" has none
    seen = Counter({"Lumisense Microsystems Inc.": 1, "Lumisense": 1, "General Motors": 1, "Harbour Cloud Ltd": 1,
                    "Chengdu-Chongqing City Cluster": 1, "Asiana Pacific Group": 1})
    assert _short_names(seen, reference, {"harbour"}) == {"Lumisense": "Lumisense Microsystems Inc."}


def test_a_short_name_that_opens_another_name_is_not_the_organisation(nlp, reference):
    blocks = ["Olympic Sports Center Ltd. runs the stadium.", "The Olympic Games came to the city in 2008."]
    docs = [nlp(b) for b in blocks]
    found = recurring_organizations(["paragraph"] * 2, docs, [doc_mentions(d, reference) for d in docs], reference,
                                    author=None, lower_words=set())
    assert not [m for m in found[1] if m.alias_of]


def test_a_name_the_section_uses_as_a_place_is_no_organisation_elsewhere_in_it(nlp, reference):
    """"Ringaskiddy, Co. Cork" is an address; "Ringaskiddy manufactures ..." speaks of the site there."""
    blocks = ["Our largest site remains the plant at Carrigtwohill, Co. Cork, which has operated since 1998.",
              "Shannonbridge Ltd and Carrigtwohill signed a supply deal in 2024."]
    docs = [nlp(b) for b in blocks]
    mentions = [doc_mentions(d, reference) for d in docs]
    assert ("place", "Carrigtwohill") in {(m.kind, m.name) for m in mentions[0]}  # the county's "Co." is no firm's
    assert "Carrigtwohill" in {m.name for m in mentions[1] if m.kind == "organization"}  # the recogniser's guess
    assert _orgs(nlp, reference, blocks) == [set(), {"Shannonbridge Ltd"}]


def test_a_name_recognised_as_a_firm_twice_but_used_as_a_place_does_not_spread(nlp, reference):
    blocks = ["MEKNASSA - Four factories now run in the new zone.",
              "The Meknassa plant employs 900 people, and Meknassa suppliers deliver in a day.",
              "Buses bring workers to Meknassa every morning."]
    docs = [nlp(b) for b in blocks]
    mentions = [doc_mentions(d, reference) for d in docs]
    assert [m.kind for m in mentions[1] if m.name == "Meknassa"] == ["organization", "organization"]
    assert ("place", "Meknassa") in {(m.kind, m.name) for m in mentions[0]}
    assert "Meknassa" not in set().union(*_orgs(nlp, reference, blocks))
    # without the place the dateline names, the recogniser's firm spreads as before
    assert "Meknassa" in _orgs(nlp, reference, blocks[1:])[1]


def test_a_firm_the_recogniser_once_calls_a_place_still_spreads(nlp, reference):
    blocks = ["Kowloon Land raised US$500 million through its first green bond, and Kowloon Land will plant trees.",
              "In southwest China, Kowloon Land has been working on a route to carbon neutrality.",
              "The bond was the first of its kind for Kowloon Land in the region."]
    assert "Kowloon Land" in _orgs(nlp, reference, blocks)[2]
