"""Abbreviations defined in the text, and names that are terms, regions or actions rather than organisations."""
import pytest

from extract.acronyms import definitions
from extract.names import not_an_organization
from extract.resolve import defined_terms


def test_definitions_pair_a_short_form_with_the_words_that_spell_it():
    text = ("Rivet uses the Internet of Things (IoT) and works with the Lakeside Water Authority (LWA); "
            "its Battery Swap Stations (BSS) opened in 2022, says the report (page 4).")
    assert definitions(text) == [("IoT", "Internet of Things"), ("LWA", "Lakeside Water Authority"),
                                 ("BSS", "Battery Swap Stations")]


def test_a_parenthesis_that_spells_nothing_is_no_definition():
    assert definitions("Revenue rose (YOY) while the Orbit Foundry Company (see below) grew.") == []


def test_terms_are_defined_by_long_forms_that_name_no_organisation(reference):
    texts = {"Fleets use Vehicle Health Monitoring (VHM) software.",
             "The Northern Grid Association (NGA) and Harbor Robotics Company (HRC) signed a deal.",
             "It leased land from the Coastal Zones Authority (CZA)."}
    assert defined_terms(texts, reference) == {"VHM", "Vehicle Health Monitoring"}


def test_regions_terms_and_actions_are_not_organisations(reference):
    assert not_an_organization("Chengdu-Chongqing", reference)
    assert not_an_organization("Chengdu-Chongqing Twin Cities", reference)
    assert not_an_organization("IoT", reference)
    assert not_an_organization("Development of the Western Region", reference)
    assert not_an_organization("Board of Directors", reference)
    assert not_an_organization("Group Executive Committee", reference)
    assert not not_an_organization("Chongqing Changan Automobile", reference)
    assert not not_an_organization("Chengdu Bus Company", reference)


def test_short_forms_of_plans_zones_and_things_are_terms_wherever_defined(reference):
    context = {"Rail freight grew along the Silk Corridor Initiative (SCI) in 2021.",
               "The Lakeside Tech Zone (LTZ) hosts 40 firms.",
               "Plants there make dimethyl ether (DME) and sell it to the Harbor Fuel Company (HFC)."}
    terms = defined_terms(set(), reference, context=context)
    assert {"SCI", "LTZ", "DME"} <= terms
    assert "HFC" not in terms  # a firm's short form stays a name


@pytest.mark.parametrize(("name", "named"), [("Group", False), ("Company", False), ("Pacifica OSAT Group", True),
                                             ("Siemens", True)])
def test_a_firm_noun_alone_names_no_organisation(reference, name, named):
    assert not_an_organization(name, reference) is not named


@pytest.mark.parametrize("name", ["Programme for Research in Epidemic Preparedness", "New Development Model"])
def test_plans_named_head_first_or_models_are_not_organisations(reference, name):
    assert not_an_organization(name, reference)


@pytest.mark.parametrize(("name", "named"), [
    ("Domestic-International Dual Circulation", False), ("Digital Single Market", False),
    ("Energy Outlook", False), ("Agency for International Development", True),  # a word of it says body
    ("Asian Development Bank", True),
])
def test_a_name_ending_in_an_abstract_noun_is_a_term_unless_a_word_says_body(reference, name, named):
    assert not_an_organization(name, reference) is not named


def test_a_name_ending_in_a_function_word_is_a_cut_phrase(reference):
    assert not_an_organization("Long-Range Objectives Through", reference)
    assert not not_an_organization("Bank of China", reference)
