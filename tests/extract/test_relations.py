"""Relation extractors on short sentences written for the tests, with negatives for each family."""
from __future__ import annotations

import pytest

from extract.facilities import find_facilities
from extract.partnerships import find_partnerships, headline_partnership
from extract.policies import find_policies, policy_key
from extract.projects import find_projects
from extract.sentences import analyse


@pytest.fixture
def parse(nlp, reference):
    def run(text: str, author: str | None = None):
        sents = analyse(text, nlp=nlp, reference=reference, author=author)
        assert len(sents) == 1, [s.text for s in sents]
        return sents[0]

    return run


# facilities -----------------------------------------------------------------

def test_facility_with_operator_place_year_and_status(parse):
    [f] = find_facilities(parse("In 2019, Siemens opened a logistics center in Chengdu."))
    assert (f.operator, f.kind, f.place, f.status, f.year) == ("Siemens", "logistics_center", "Chengdu", "operating", "2019")


@pytest.mark.parametrize("text", [
    "Siemens broke ground on a US$420 million factory in Chengdu in 2025.",  # the idiom that starts building
    "Siemens employs around 200 engineers at a research center in Chengdu.",  # people work there for it
])
def test_verbs_that_tie_a_firm_to_its_site(parse, text):
    [f] = find_facilities(parse(text))
    assert (f.operator, f.place) == ("Siemens", "Chengdu")


@pytest.mark.parametrize(("text", "name", "operator"), [
    ("The new facility, to be known as Plant 3, will be built by the Group's wholly owned subsidiary Siemens Test "
     "Services (Kulim) Sdn. Bhd. on a plot.", "Plant 3", "Siemens Test Services (Kulim) Sdn. Bhd"),
    ("The plant, which Siemens has named the Chengdu Smart Factory, will be built in two phases.",
     "Chengdu Smart Factory", "Siemens"),
])
def test_a_clause_on_the_site_noun_names_the_site(parse, text, name, operator):
    assert [(f.name, f.operator) for f in find_facilities(parse(text))] == [(name, operator)]


def test_a_place_written_into_the_site_phrase_is_its_place(parse):
    text = "Siemens operates its Chengdu factory, and more than a third of its output is sold outside China."
    assert [(f.operator, f.place) for f in find_facilities(parse(text))] == [("Siemens", "Chengdu")]


def test_a_verb_spelt_like_a_site_word_is_no_site(parse):
    assert find_facilities(parse("Since July 2019, Siemens started to plant trees at Alashan in Inner Mongolia.")) == []
    [f] = find_facilities(parse("In 2019, Siemens opened a plant in Inner Mongolia."))
    assert f.operator == "Siemens"


def test_sites_everywhere_are_no_one_site(parse):
    text = "We run over 390 Siemens sites worldwide and will share our expertise with companies in Chengdu."
    assert find_facilities(parse(text, author="Siemens")) == []


@pytest.mark.parametrize(("text", "year"), [
    ("Siemens, founded in 1994, has run a lens plant in Chengdu since 2017.", "2017"),  # the firm's year is not the site's
    ("The Siemens Innovation Center established in 2019 in Chengdu is run by Siemens.", "2019"),  # the site's own
])
def test_a_site_is_dated_by_its_own_year(parse, text, year):
    assert [f.year for f in find_facilities(parse(text))] == [year]


def test_breaking_other_things_runs_no_site(parse):
    assert find_facilities(parse("Siemens broke records at a trade fair in Chengdu in 2025.")) == []


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("Siemens opened a research and development center in Chengdu.", "research_center", "research and development center"),
    ("Siemens opened an operation and maintenance center in Chengdu.", "other", "operation and maintenance center"),
    ("Siemens opened a maintenance data center in Chengdu.", "data_center", "data center"),
    ("Siemens opened a high-tech park in Chengdu.", "other", "high-tech park"),
    ("Siemens opened its new HQ in Chengdu.", "headquarters", "headquarters"),
])
def test_the_longest_site_words_give_the_kind_and_the_name(parse, text, kind, name):
    [f] = find_facilities(parse(text))
    assert (f.kind, f.name) == (kind, name)


def test_the_agent_of_a_participle_on_the_site_runs_it(parse):
    [f] = find_facilities(parse("A hydrogen complex in Rotterdam, built and operated by Siemens, supplies the port."))
    assert (f.operator, f.place, f.kind) == ("Siemens", "Rotterdam", "plant")
    assert not find_facilities(parse("A hydrogen complex in Rotterdam, praised by Siemens, supplies the port."))


def test_the_site_nouns_own_phrase_says_where_it_is(parse):
    [f] = find_facilities(parse("In Singapore, Siemens operates a plant in the Tuas Biomedical Park."))
    assert f.place == "Tuas Biomedical Park"


def test_a_complex_that_is_no_noun_is_no_site(parse):
    assert not find_facilities(parse("Siemens has a complex supply chain in Chengdu."))


def test_facility_listed_places_give_one_facility_each(parse):
    found = find_facilities(parse("Siemens has built factories in Wuhan, Chengdu and Xi'an."))
    assert sorted(f.place for f in found) == ["Chengdu", "Wuhan", "Xi'an"]
    assert {f.kind for f in found} == {"plant"}


def test_facility_of_the_author_speaking_of_itself(parse):
    [f] = find_facilities(parse("We will build a research and development center in Chengdu next year.", author="Siemens"))
    assert (f.operator, f.kind, f.status) == ("Siemens", "research_center", "planned")


@pytest.mark.parametrize("text", ["Siemens could build a plant in Chengdu.", "Siemens is considering a new plant in Chengdu."])
def test_hedged_facility_is_planned_at_most(parse, text):
    assert all(f.status == "planned" for f in find_facilities(parse(text)))


def test_a_recommended_cooperation_is_no_partnership(parse):
    assert find_partnerships(parse("We recommend that Siemens, working with Bosch and Huawei, build a training centre.")) == []


def test_a_site_only_weighed_is_no_site(parse):
    assert find_facilities(parse("Siemens is considering building a plant in Chengdu.")) == []
    found = find_facilities(parse("Siemens has plants in Wuhan and is weighing a plant in Chengdu."))
    assert [f.place for f in found] == ["Wuhan"]


def test_the_place_of_a_site_is_read_off_its_phrase_not_the_nearest_place(parse):
    found = find_facilities(parse("Siemens, a Munich-based group, opened a lens plant in Vinh Phuc province in 2024, "
                                  "while Taiwan's Foxconn waited."))
    assert [(f.operator, f.place) for f in found] == [("Siemens", "Vinh Phuc")]
    found = find_facilities(parse("Siemens opened a lens plant in an industrial estate in 2024, while Taiwan's Foxconn waited."))
    assert [(f.operator, f.place) for f in found] == [("Siemens", None)]  # somewhere unnamed, not in Taiwan


def test_a_unit_after_a_number_runs_no_site(parse):
    [f] = find_facilities(parse("Rift Valley Ammonia Ltd. is developing a 100 MW electrolyser and a green ammonia "
                                "plant near Olkaria."))
    assert f.operator == "Rift Valley Ammonia Ltd"


def test_place_that_is_not_a_facility(parse):
    assert find_facilities(parse("Chengdu is an important manufacturing base in western China.")) == []


def test_facility_under_construction(parse):
    [f] = find_facilities(parse("Siemens has a new plant in Chengdu that is under construction."))
    assert f.status == "under_construction"


def test_a_place_named_down_to_its_country_is_one_site(parse):
    [f] = find_facilities(parse("Siemens is headquartered in Chengdu, Sichuan, China."))
    assert (f.operator, f.kind, f.place) == ("Siemens", "headquarters", "Chengdu")


def test_an_organisation_in_parentheses_runs_no_site(parse):
    found = find_facilities(parse("Siemens AG (NYSE: SIE) opened a plant in Wuhan."))
    assert [f.operator for f in found] == ["Siemens AG"]


def test_a_site_named_after_its_operator(parse):
    found = find_facilities(parse("In 2019, Rivet Motors Technical Center was officially launched in Chengdu."))
    # the words before the site word; linking keeps as many of them as name a known firm
    assert [(f.name, f.operator, f.place) for f in found] == [("Rivet Motors Technical Center", "Rivet Motors Technical", "Chengdu")]


def test_a_technology_park_a_firm_builds_is_its_site(parse):
    [f] = find_facilities(parse("In Wuhan, Siemens is building its major new technology park, due for completion in 2024."))
    assert (f.operator, f.place, f.status) == ("Siemens", "Wuhan", "under_construction")


def test_a_firm_not_tied_to_the_site_does_not_run_it(parse):
    assert find_facilities(parse("Moreover, Xinhua also gave an interview about the Jinqiao factory in Wuhan.")) == []


def test_a_title_conferred_on_a_firm_is_not_a_site(parse):
    assert find_facilities(parse("Siemens has been awarded as National Green Factory in Wuhan for years.")) == []


def test_each_firm_given_as_an_example_runs_its_own_site(parse):
    found = find_facilities(parse("Wuhan hosts the head offices of carmakers like Dongfeng Motor and Siemens."))
    assert sorted((f.operator, f.kind, f.place) for f in found) == [
        ("Dongfeng Motor", "headquarters", "Wuhan"), ("Siemens", "headquarters", "Wuhan")]
    # each list gives the owners of its own site
    found = find_facilities(parse("Wuhan hosts the head offices of carmakers like Dongfeng Motor as well as "
                                  "the plants of suppliers like Siemens."))
    assert sorted((f.operator, f.kind) for f in found) == [("Dongfeng Motor", "headquarters"), ("Siemens", "plant")]


def test_a_site_named_in_full_needs_no_place(parse):
    found = find_facilities(parse("In 2017, Siemens opened the Digital Factory Application and Research Center for its engineers."))
    assert [(f.name, f.operator, f.place) for f in found] == [
        ("Digital Factory Application and Research Center", "Siemens", None)]
    # a lower-case site word without a place stays unnamed, so nothing is kept
    assert find_facilities(parse("In 2017, Siemens opened a research center for its engineers.")) == []


def test_a_site_name_that_goes_on_from_a_firm_name_is_run_by_that_firm(parse):
    found = find_facilities(parse(
        "Siemens worked with a local partner to create the Siemens Green Manufacturing (Wuhan) Innovation Center."))
    assert [(f.name, f.operator) for f in found] == [("Siemens Green Manufacturing (Wuhan) Innovation Center", "Siemens")]


def test_a_site_name_straight_after_a_firm_name_is_that_firms(parse):
    found = find_facilities(parse("Research is done at the University of Lakeland (UL) Digital Design Center, "
                                  "which Siemens funds."))
    assert [f.operator for f in found] == ["University of Lakeland"]


def test_a_second_site_shares_the_first_ones_owner(parse):
    found = find_facilities(parse("At Siemens's Wuhan Innovation Park and Hankou site, solar panels cut emissions."))
    assert {f.operator for f in found} == {"Siemens"} and len(found) == 2


def test_a_possessor_runs_the_site_and_names_it(parse):
    [f] = find_facilities(parse("Keltrix's Hankou Factory, the heart of the plan, met its goal early."))
    assert (f.name, f.operator) == ("Keltrix Hankou Factory", "Keltrix")


def test_a_site_word_after_a_proper_name_names_the_site(parse):
    [f] = find_facilities(parse("Siemens opened the Keltrix Verbund site in 2020."))
    assert (f.name, f.operator) == ("Keltrix Verbund site", "Siemens")


def test_firms_sites_in_the_plural_without_a_place_are_not_named_sites(parse):
    assert find_facilities(parse("We bring experience from over 300 Siemens sites worldwide.")) == []


@pytest.mark.parametrize("text", [
    "Siemens sells widely in the region, with offices in Wuhan being its gateway to customers.",
    "Siemens's new plant in Wuhan started production in 2020.",
    "With large production sites in Wuhan, Siemens is a major investor.",
    "The Siemens battery production site in Wuhan celebrated its tenth year.",
])
def test_the_firm_that_owns_or_builds_the_site_runs_it(parse, text):
    assert [(f.operator, f.place) for f in find_facilities(parse(text))] == [("Siemens", "Wuhan")]


# partnerships -----------------------------------------------------------------

def test_joint_venture_between_named_parties(parse):
    [p] = find_partnerships(parse("In 2020, Siemens and Bosch formed a joint venture in Chengdu."))
    assert p.parties == ["Siemens", "Bosch"] and p.kind == "joint_venture" and p.year == "2020"


def test_supply_relationship(parse):
    [p] = find_partnerships(parse("Bosch supplies sensors to Siemens."))
    assert set(p.parties) == {"Bosch", "Siemens"} and p.kind == "supply"


def test_two_firms_in_one_sentence_are_not_partners(parse):
    assert find_partnerships(parse("Siemens and Bosch both reported higher sales last year.")) == []


def test_the_two_companies_are_the_firm_named_and_the_author(parse):
    text = "Bosch will also second six engineers to Kulim, and the two companies will jointly develop a test program."
    [p] = find_partnerships(parse(text, author="Siemens"))
    assert sorted(p.parties) == ["Bosch", "Siemens"]
    assert find_partnerships(parse(text)) == []  # nobody to be the second of the two


def test_hypothetical_cooperation_is_not_a_partnership(parse):
    assert find_partnerships(parse("Siemens could cooperate with Bosch in the future.")) == []


def test_a_hedge_after_the_deal_does_not_hedge_it(parse):
    [p] = find_partnerships(parse("In 2019, Siemens signed an agreement with Bosch to study possible uses of hydrogen."))
    assert p.parties == ["Siemens", "Bosch"]


def test_partnership_with_the_author(parse):
    [p] = find_partnerships(parse("We signed a strategic cooperation agreement with Bosch.", author="Siemens"))
    assert p.parties == ["Siemens", "Bosch"] and p.kind == "agreement"


def test_the_company_named_before_its_partner_is_the_author(parse):
    [p] = find_partnerships(parse("Last year the company formed a joint venture with Bosch.", author="Siemens"))
    assert p.parties == ["Siemens", "Bosch"] and p.kind == "joint_venture"


def test_the_company_named_after_another_firm_is_not_the_author(parse):
    assert find_partnerships(parse("Bosch said the company will cooperate closely.", author="Siemens")) == []


def test_examples_of_a_kind_are_not_partners(parse):
    assert find_partnerships(parse("Parts suppliers such as Bosch, Valeo and Denso have offices in Chengdu.")) == []


def test_a_name_ends_at_its_table_cell(nlp, reference):
    from extract.mentions import doc_mentions

    row = "2020/12/1\tGreen Harbor Consortium\tLakeside Power Plant\tMemorandum of Understanding on hydrogen"
    names = [m.name for m in doc_mentions(nlp(row), reference) if m.kind == "organization"]
    assert "Lakeside Power Plant" in names and not any("\t" in n or "Memorandum" in n for n in names)


def test_joint_subjects_of_a_founding_verb_are_partners(parse):
    [p] = find_partnerships(parse("In 2016, Siemens and Bosch established a battery research institute."))
    assert p.parties == ["Siemens", "Bosch"] and p.kind == "joint_venture"


def test_a_service_provided_to_a_firm_is_supply(parse):
    [p] = find_partnerships(parse("Siemens has provided mobile gas leak detection services to Bosch."))
    assert p.kind == "supply" and set(p.parties) == {"Siemens", "Bosch"}


def test_a_company_founded_by_many_firms_is_one_joint_venture(parse):
    [deal] = find_partnerships(parse("In 2020, Siemens co-founded Wuhan Fuel Cell Co., Ltd. with Bosch, Valeo, "
                                     "Denso, Continental, Magna and ZF."))
    assert len(deal.parties) >= 6 and "Siemens" in deal.parties


@pytest.mark.parametrize("text", [
    "Keltrix Healthcare Partners, the parent of Keltrix Care, runs 300 clinics.",  # the cue is inside a name
    "The city's policies helped the efforts of Siemens and our local partners.",  # partners nobody names
    "The trial received funding from Siemens, Bosch, and Valeo last year.",  # funders listed side by side
    "In 2019, Siemens set up the Keltrix Research Center in Wuhan and cooperates with universities.",  # a creation
])
def test_no_partnership_without_two_named_partners(parse, text):
    assert find_partnerships(parse(text)) == []


@pytest.mark.parametrize("text", [
    "As a member of the Green Hydrogen Alliance, Siemens is helping to scale up supply.",
    "Firms including Siemens and Bosch are jointly building a test platform in Wuhan.",
])
def test_membership_and_joint_work_are_partnerships(parse, text):
    [deal] = find_partnerships(parse(text))
    assert "Siemens" in deal.parties and len(deal.parties) == 2


def test_firms_that_each_act_alone_are_not_joint_subjects(parse):
    assert find_partnerships(parse("Siemens grew in 2016, and Bosch established a new brand.")) == []


@pytest.mark.parametrize(("text", "names"), [
    ("We were chosen as the industrial partner of SG-READY, a government-backed programme to keep vaccine capacity.",
     ["SG-READY"]),
    # a clause after the comma describes nothing: "the Belt and Road Initiative, constructing a ... circle"
    ("Chengdu supports Harbour Link, constructing a prosperous economic circle under a national programme.", []),
])
def test_a_name_an_apposition_calls_a_programme_is_a_policy(parse, text, names):
    assert [f.record.name for f in find_policies(parse(text))] == names


# projects -----------------------------------------------------------------------

def test_named_project(parse):
    [p] = find_projects(parse("The Western Land-Sea Corridor was completed in 2019 with investment from Siemens."))
    assert p.name == "Western Land-Sea Corridor" and p.year == "2019" and "Siemens" in p.participants


def test_delimited_lower_case_project(parse):
    [p] = find_projects(parse("Siemens invested RMB 2 billion in a hydrogen demonstration project in Chengdu."))
    assert "hydrogen demonstration project" in p.name and p.amount and p.place == "Chengdu"


def test_every_named_project_of_a_sentence(parse):
    text = "Goods reach Europe by the Western Land-Sea Corridor and the Northern Rail Express."
    assert [p.name for p in find_projects(parse(text))] == ["Western Land-Sea Corridor", "Northern Rail Express"]

def test_plural_projects_count_only_with_what_delimits_them(parse):
    [p] = find_projects(parse("In 2021 Siemens concluded a deal on experimental projects for hydrogen storage."))
    assert p.name.endswith("projects")


def test_a_project_name_keeps_its_place_in_parentheses(parse):
    text = "Siemens joined the National Smart Freight (Hubei and Hunan) Demonstration Zone in 2021."
    assert [p.name for p in find_projects(parse(text))] == ["National Smart Freight (Hubei and Hunan) Demonstration Zone"]



@pytest.mark.parametrize("text", [
    "Siemens has already selected partners in this sector for pilot projects in 2021.",
    "Hydrogen Projects in Europe ..... 212",
    "The Advanced Grid Projects Agency was set up in 2021 with RMB 2 billion.",
    "List of Hydrogen Energy Projects in Which Japanese Companies Took Part",
    "In 2021 Siemens invested RMB 2 billion in hydrogen demonstration projects across China.",
    "Siemens's Wuhan Technology Park opened in 2020 with RMB 2 billion of investment.",
    "Since 2019 the seed has been grown in countries along the Belt and Road Initiative (BRI) route.",
    "With Siemens and its partners' broad market channels for replication, firms found customers in 2021.",
    "In 2020 Siemens and the local industry park set up a water protection system.",
    # a name that acts is a body's: the agent of a passive verb, an owner
    "In 2021 Siemens was identified by the Global Energy Forum as a leader.",
    "In 2021 Siemens joined the Global Energy Forum's network of 2,000 plants.",
    "The Asia Energy Work Conference held in 2018 pointed out that factories should use less coal.",
    "Graph 6: Map of Some Technology Companies in Silicon Valley",  # a caption names a drawing
    "The project was actively supported by a grant from IDA Ireland in 2021.",  # named before, not here
    # a public programme is a policy: "the national PREPARE programme"
    "Since 2021 the national ASPIRE programme has funded research worth RMB 2 billion.",
])
def test_generic_or_listed_project_words_are_no_project(parse, text):
    assert find_projects(parse(text)) == []


@pytest.mark.parametrize(("text", "names"), [
    # a name ends at its first heads: two names, not one running over "and the"
    ("Siemens showed robots at the Chongqing Expo and the Smart China Expo in 2021.", ["Chongqing Expo", "Smart China Expo"]),
    # a hyphenated word is one word of the name; a name starts at a word, not inside "5G"
    ("Siemens joined the Adlershof High-tech Industrial Park in 2019.", ["Adlershof High-tech Industrial Park"]),
    ("Siemens built the 5G Innovation Demonstration Park in 2019.", ["Innovation Demonstration Park"]),
    # an organisation's name that holds a head noun is no project
    ("Siemens signed a deal with the Advanced Research Projects Agency in 2019.", []),
    # a capitalised word after the heads carries the name on: a firm, not the "Kerio Valley" project
    ("Kerio Valley Green Fuels Ltd. is developing a 100 MW electrolyser near Eldoret since 2024.", []),
    ("Siemens invested RMB 2 billion in the Kerio Valley in 2024.", ["Kerio Valley"]),
    # a connector right before the heads joins no name
    ("Siemens studied the Characteristics of Demonstration Zone planning in 2019.", []),
    # a participle before a name is not part of it
    ("Located in the Kerio Valley, the plant opened in 2019.", ["Kerio Valley"]),
])
def test_project_names_are_read_from_tokens(parse, text, names):
    assert [p.name for p in find_projects(parse(text))] == names


def test_a_project_delimited_by_its_route(parse):
    [p] = find_projects(parse("The rail link between Wuhan and Lyon opened in 2016."))
    assert p.name == "rail link" and p.year == "2016"


def test_a_leading_preposition_is_not_part_of_a_name(parse):
    names = [p.name for p in find_projects(parse("Through the Northern Rail Express, goods reached Lyon in 2020."))]
    assert names == ["Northern Rail Express"]


def test_consecutive_head_words_stay_in_one_name(parse):
    names = [p.name for p in find_projects(parse("The Northern Railway Express carried goods in 2020."))]
    assert names == ["Northern Railway Express"]


def test_aspiration_is_not_a_project(parse):
    assert find_projects(parse("Innovation is a long journey for every company.")) == []


# policies -----------------------------------------------------------------------

def test_named_plan_with_period(parse):
    [p] = find_policies(parse("The region follows the 15th Five-Year Plan (2026-2030) closely."))
    assert p.record.name.startswith("15th Five-Year Plan")


def test_quoted_title_after_issued(parse):
    [p] = find_policies(parse('In March 2022, the Sichuan Provincial Government issued "Several Measures on Green Manufacturing".'))
    assert p.record.name == "Several Measures on Green Manufacturing"
    assert p.record.year == "2022" and p.record.issuer == "Sichuan Provincial Government"


def test_climate_target_phrase(parse):
    names = [p.record.name for p in find_policies(parse("The firm supports the carbon neutrality goals of the city."))]
    assert names == ["carbon neutrality goals"]


@pytest.mark.parametrize("text", [
    "Our plan is to expand the plant next year.",
    "The Regional Plan Association published a study.",
    "A sound business strategy needs patience.",
])
def test_policy_word_that_is_not_a_policy(parse, text):
    assert find_policies(parse(text)) == []


def test_policy_key_merges_surface_forms():
    assert policy_key("the 14th FYP") == policy_key("14th Five-Year Plan (2021-2025)") == policy_key("China's 14th Five-Year Plan")
    assert policy_key("Belt and Road") == policy_key("Belt and Road Initiative")
    assert policy_key("Foreign Investment Law") != policy_key("14th Five-Year Plan")


def test_title_in_corner_brackets(parse):
    names = [p.record.name for p in find_policies(parse("The ministry released 「Basic Strategy for Green Ships」 last year."))]
    assert names == ["Basic Strategy for Green Ships"]


def test_quoted_name_followed_by_its_kind(parse):
    names = [p.record.name for p in find_policies(parse('The province follows the "open coast" strategy and the "Made Local" program.'))]
    assert names == ["open coast strategy", "Made Local program"]


def test_document_named_head_first(parse):
    text = "In May 2023 the city released Opinions on Promoting the Green Development of Inland Ports."
    names = [p.record.name for p in find_policies(parse(text))]
    assert names == ["Opinions on Promoting the Green Development of Inland Ports"]


def test_quoted_title_starting_with_a_number(parse):
    names = [p.record.name for p in find_policies(parse('During the "16th Five-Year Plan", the port will grow.'))]
    assert names == ["16th Five-Year Plan"]


def test_two_word_title_the_recogniser_calls_a_law(parse):
    names = [p.record.name for p in find_policies(parse("The two states signed the Geneva Agreement in 1990."))]
    assert names == ["Geneva Agreement"]


def test_table_of_contents_line_names_no_policy(parse):
    assert find_policies(parse("4. Suggestions on the Regional Development Strategy ..... 118")) == []


def test_a_policy_named_again_in_short_is_the_same_policy():
    from extract.policies import policies_named_again
    from extract.records import Evidence, PolicyRecord

    first = Evidence("d", "s1", 0, 40)
    found = [PolicyRecord("Silk Harbor Initiative", evidence=[first])]
    said = [("The city joined the Silk Harbor Initiative.", [first]),
            ("Trade along the Silk Harbor grew.", [Evidence("d", "s2", 50, 80)]),
            ("Harbor fees fell.", [Evidence("d", "s3", 90, 100)])]
    again = policies_named_again(found, said)
    assert [(p.name, p.evidence[0].start) for p in again] == [("Silk Harbor Initiative", 50)]


def test_a_quote_closes_with_its_own_mark(parse):
    text = "“The year 2026 is the first year of the ‘15th Five-Year Plan’.”"
    assert [p.record.name for p in find_policies(parse(text))] == ["15th Five-Year Plan"]


def test_a_report_title_is_not_a_policy(parse):
    assert find_policies(parse('The bank published "A Report on Hydrogen Trends and Related Financial Initiatives".')) == []


def test_each_place_of_an_enumeration_delimits_a_project(parse):
    text = "The ministry approved three demonstration zones of smart freight in Hubei (Wuhan), Hunan and Jiangxi."
    found = find_projects(parse(text))
    assert [(p.name, p.place) for p in found] == [
        ("demonstration zone of smart freight in Hubei (Wuhan)", "Wuhan"),
        ("demonstration zone of smart freight in Hunan", "Hunan"),
        ("demonstration zone of smart freight in Jiangxi", "Jiangxi")]


def test_an_enumeration_whose_count_differs_is_no_list_of_projects(parse):
    assert find_projects(parse("The ministry approved four demonstration zones in Hubei and Hunan.")) == []


@pytest.mark.parametrize("heading, parties", [
    ("Case study: Rivet Motors Partners with Lakeside Power on Battery Recycling", ["Rivet Motors", "Lakeside Power"]),
    ("III. Harbor Steel Teams Up with Ningbo Port to Cut Emissions", ["Harbor Steel", "Ningbo Port"]),
    ("Working with Partners across the Region", None),
])
def test_a_headline_that_states_a_deal(heading, parties):
    deal = headline_partnership(heading)
    assert (deal.parties if deal else None) == parties


@pytest.mark.parametrize("text, status", [
    ("Rivet Motors to build $2 billion battery plant in Wuhan", "planned"),  # a headline's infinitive
    ("In the past Rivet Motors began to build the plant.", "operating"),
    ("Rivet Motors and Orbit Foundry are also building plants in Hubei.", "under_construction"),
])
def test_status_read_from_a_headline_or_a_plural_subject(text, status):
    from extract.sentences import status_of

    assert status_of(text) == status


def test_sentence_noun_chunks_are_spacys_for_the_sentence(nlp, reference):
    from extract.mentions import doc_mentions
    from extract.sentences import sentences

    doc = nlp("Acme opened a new wafer plant in Pune. The rail link between Chongqing and Duisburg carries "
              "laptops. A hydrogen demonstration project started in 2024 with support from the city government.")
    found = sentences(doc, doc_mentions(doc, reference), None)
    assert len(found) == 3
    for sent in found:
        assert [c.text for c in sent.noun_chunks] == [c.text for c in sent.span.noun_chunks]


@pytest.mark.parametrize("text, name", [
    ("Land was set aside under the city's master plan for 2021–2030, officials said.", "master plan for 2021–2030"),
    ("Offtake runs through the government's existing fertiliser subsidy programme.", "fertiliser subsidy programme"),
    ("Tenants received grants under the 2022 Investment Charter.", "2022 Investment Charter"),
])
def test_policies_a_government_owns_or_a_charter(parse, text, name):
    assert name in [f.record.name for f in find_policies(parse(text))]


@pytest.mark.parametrize("text", [
    "Acme's five-year plan calls for three new plants.",  # a firm's plan
    "The region is central to China's overall development strategy.",  # a direction, not an instrument
    "The plan failed.",
])
def test_plans_nobody_public_owns_are_not_policies(parse, text):
    assert find_policies(parse(text)) == []


@pytest.mark.parametrize("text, name", [
    ("In Wallonia, the regional government has introduced the 'chèques technologiques' voucher scheme, which "
     "covers costs.", "chèques technologiques voucher scheme"),
    ("The plant complements the national PREPARE programme, which funds the research.", "PREPARE programme"),
    ("Tenants applied under the ministry's Green Start initiative last year.", "Green Start initiative"),
])
def test_a_name_before_a_programme_noun_names_a_governments_programme(parse, text, name):
    assert name in [f.record.name for f in find_policies(parse(text))]


@pytest.mark.parametrize("text", [
    "Since 2020, Schneider Electric has launched its Green Campus program in two fields.",  # a firm's
    "Acme launched its Bright Future initiative in Shanghai.",
    "The Green Campus program helped us.",  # nobody public owns it
])
def test_a_firms_or_nobodys_programme_is_no_policy(parse, text):
    assert find_policies(parse(text)) == []


def test_who_operates_a_site_runs_it_whoever_owns_it(parse):
    [f] = find_facilities(parse("Our subsidiary Siemens Energy operates our turbine plant in Chengdu.", author="Siemens"))
    assert f.operator == "Siemens Energy"
    [f] = find_facilities(parse("Siemens Energy built our turbine plant in Chengdu.", author="Siemens"))
    assert f.operator == "Siemens"  # a builder is no operator: the owner runs it


def test_a_policy_named_inside_quoted_speech_counts(parse):
    found = find_policies(parse('"Acme shows what the Industrial Acceleration Plan started, and what the new rules '
                                'must now finish," said the minister.'))
    assert "Industrial Acceleration Plan" in {f.record.name for f in found}
    assert not find_policies(parse('The slogan "Good Tale of Two Cities, Building a Shared Future" was used.'))


def test_a_word_in_brackets_is_part_of_a_title_and_a_year_closes_one(parse):
    names = {f.record.name for f in find_policies(parse(
        "Carbon markets are governed by the Climate Change (Amendment) Act, 2023 and the Energy Act."))}
    assert names == {"Climate Change (Amendment) Act", "Energy Act"}


def test_headquarters_said_of_a_description_belong_to_the_firm_it_describes(parse):
    [f] = find_facilities(parse("Acme signed an agreement with Siemens Energy, a maker of turbine blades headquartered "
                                "in Munich."))
    assert (f.operator, f.kind, f.place) == ("Siemens Energy", "headquarters", "Munich")


def test_money_from_a_funder_goes_to_the_firm_the_document_speaks_as(parse):
    text = "The EUR 85 million line was supported by a capital grant from IDA Ireland and created 110 jobs."
    [p] = find_partnerships(parse(text, author="Kilcarrig Pharmaceuticals plc"))
    assert p.parties == ["Kilcarrig Pharmaceuticals plc", "IDA Ireland"] and p.kind == "investment"
    assert find_partnerships(parse(text)) == []  # a news report: who got the grant is not said
    # the funder must be the one money comes from, not any firm in the sentence
    assert find_partnerships(parse("IDA Ireland said the grant from Brussels came late.", author="Acme")) == []


@pytest.mark.parametrize("text, name, participants", [
    ("The EUR 85 million investment was supported by a capital grant from IDA Ireland and created 110 jobs.",
     "EUR 85 million investment", ["Kilcarrig", "IDA Ireland"]),
    ("Phase one was financed in part by a EUR 95 million loan from the Harbour Development Bank.",
     "Phase one", ["Kilcarrig", "Harbour Development Bank"]),
])
def test_what_a_named_funder_pays_for_is_a_project(parse, text, name, participants):
    [p] = find_projects(parse(text, author="Kilcarrig"))
    assert p.name == name and p.participants == participants


@pytest.mark.parametrize("text", [
    "Siemens was funded by the Harbour Development Bank.",  # a firm paid for is no undertaking
    "The pilot was funded by its users.",  # nobody named pays
])
def test_no_project_where_the_funded_is_a_firm_or_the_funder_unnamed(parse, text):
    assert find_projects(parse(text, author="Kilcarrig")) == []


@pytest.mark.parametrize("text, owners", [
    ("The park is the work of Harbour Parks S.A., a developer owned 60% by the private group Idris Holdings and "
     "40% by the Casablanca-Settat Regional Council.", ["Idris Holdings", "Casablanca-Settat Regional Council"]),
    ("Lumora Ltd is jointly owned by Siemens and Bosch.", ["Siemens", "Bosch"]),
])
def test_what_two_organisations_own_together_is_their_joint_venture(parse, text, owners):
    [p] = find_partnerships(parse(text))
    assert p.parties == owners and p.kind == "joint_venture"


@pytest.mark.parametrize("text", ["The plant is owned by Siemens.", "Siemens owned 10% of Bosch, the paper said."])
def test_one_owner_is_no_joint_venture(parse, text):
    assert all(p.kind != "joint_venture" for p in find_partnerships(parse(text)))


def test_it_runs_the_sites_of_the_firm_the_sentence_before_is_about(parse):
    sent = parse("It operates test plants in Penang and employs 2,600 people.")
    assert find_facilities(sent) == []  # nobody to point back at
    sent.antecedent = "Keranji Semitest"
    [f] = find_facilities(sent)
    assert f.operator == "Keranji Semitest" and f.place == "Penang"
    empty = parse("It is expected that test plants will open in Penang.")
    empty.antecedent = "Keranji Semitest"
    assert find_facilities(empty) == []  # an empty "it" points at nobody


@pytest.mark.parametrize(("text", "points_back"), [
    ("The plant employs 900 people, two-thirds of them women.", True),
    ("The new factory will reach full capacity by 2027.", True),
    ("Output at the Bosch plant fell by a third.", False),  # another firm's site
    ("The plant in Wuxi employs 900 people.", False),  # a site placed anew may be another one
    ("The research centre employs 900 people.", False),  # no earlier site of that kind
    ("Plants like these employ 900 people.", False),
])
def test_a_definite_site_noun_speaks_again_of_the_last_site_of_its_kind(parse, text, points_back):
    from extract.facilities import site_spoken_of_again
    from extract.records import FacilityRecord

    office = FacilityRecord(name="office", kind="office", operator="Siemens", place="Chengdu")
    plant = FacilityRecord(name="factory", kind="plant", operator="Siemens", place="Chengdu")
    found = site_spoken_of_again(parse(text), [plant, office])
    assert found is (plant if points_back else None)


def test_a_clause_on_a_site_noun_that_points_back_names_the_site(parse):
    from extract.facilities import site_spoken_of_again
    from extract.records import FacilityRecord

    plant = FacilityRecord(name="factory", kind="plant", operator="Siemens", place="Chengdu")
    sent = parse("The plant, which the company has named the Tianfu Smart Factory, will be built in two phases.")
    assert site_spoken_of_again(sent, [plant]) is plant and plant.name == "Tianfu Smart Factory"
    named = FacilityRecord(name="Siemens Chengdu Works", kind="plant", operator="Siemens")
    assert site_spoken_of_again(sent, [named]) is named and named.name == "Siemens Chengdu Works"  # a name is kept


@pytest.mark.parametrize(("text", "operators"), [
    ("It's been a busy month at brightloom HQ in Leeds, and we can finally tell you why.", ["Brightloom Robotics Ltd"]),
    ("It's been a busy month at brightloom HQ in Leeds, the paper said.", []),  # the author does not speak of itself
    ("It's been a busy month at the Leeds HQ, and we can finally tell you why.", []),  # no owner named at all
])
def test_the_authors_short_name_in_lower_case_owns_its_site(parse, text, operators):
    found = find_facilities(parse(text, author="Brightloom Robotics Ltd"))
    assert [f.operator for f in found if f.kind == "headquarters"] == operators


@pytest.mark.parametrize(("text", "names"), [
    ("Penang has introduced a comprehensive implementation plan to speed up the use of robots in the electronics "
     "industry.", ["implementation plan to speed up the use of robots in the electronics industry"]),
    ("Sichuan is speeding up the formulation of its action plan towards carbon neutrality.",
     ["action plan towards carbon neutrality"]),
    ("The provincial government approved a plan to cut coal use by a third, the paper said.",
     ["plan to cut coal use by a third"]),
    ("Siemens has introduced a plan to double its sales in Asia.", []),  # a firm's plan
    ("Penang has introduced a comprehensive implementation plan.", []),  # for nothing stated
    ("Penang unveiled its plan for 2026 in March.", []),  # "for" a period, not a purpose
])
def test_a_governments_plan_named_by_its_purpose_is_a_policy(parse, text, names):
    assert [f.record.name for f in find_policies(parse(text))] == names


@pytest.mark.parametrize(("author", "parties"), [
    ("Siemens", [["Kinta Institute for Process Chemistry", "Siemens"]]),
    (None, []),  # whose team, nobody says
])
def test_a_firms_own_team_works_with_a_partner_for_the_firm(parse, author, parties):
    sent = parse("Since 2021 the Penang team has worked with the Kinta Institute for Process Chemistry on new solvents.",
                 author=author)
    assert [sorted(p.parties) for p in find_partnerships(sent)] == parties


@pytest.mark.parametrize(("text", "name"), [
    ("In 2021, Siemens joined forces with Swiss utility Axpo to develop modular green hydrogen production plants in "
     "Italy.", "modular green hydrogen production plants in Italy"),
    ("Siemens will work with partners like Tencent, Lenovo and carmakers to build typical application test "
     "scenarios for C-V2X in Chengdu.", "typical application test scenarios"),
    ("Siemens and Tencent will jointly build a hydrogen refuelling network in Chengdu.",
     "hydrogen refuelling network in Chengdu"),
    # a sum spent to make it: one firm suffices
    ("In 2021, Siemens said it will invest EUR 50 million to build a third gearbox plant in Tianjin.",
     "third gearbox plant in Tianjin"),
    ("In 2021, Siemens invested heavily to build its gearbox brand in China.", None),  # no sum named
    ("Siemens worked with Bosch to build it.", None),  # nothing named
    ("Siemens bought Bosch to build scale in 2021.", None),  # no working together
])
def test_what_firms_work_together_to_make_is_a_project(parse, text, name):
    found = find_projects(parse(text))
    assert [p.name for p in found] == ([name] if name else [])
    if name:
        assert "Siemens" in found[0].participants


def test_a_firms_own_product_or_unit_is_not_its_partner(parse):
    sent = parse("In 2021, Microsoft signed a cooperation agreement with Microsoft Azure China.")
    assert find_partnerships(sent) == []
    sent = parse("In 2021, Siemens signed a cooperation agreement with Bosch and Bosch Rexroth.")
    assert [sorted(p.parties) for p in find_partnerships(sent)] == [["Bosch", "Siemens"]]


def test_cooperation_between_named_nations_is_no_deal_of_the_firms_nearby(parse):
    sent = parse("Under the premise of maintaining Sino-German cooperation, Siemens wishes to help firms such as Bosch.")
    assert find_partnerships(sent) == []


def test_the_month_may_is_no_hedge(parse):
    [deal] = find_partnerships(parse("In May 2021, Siemens and Bosch signed a cooperation agreement in Chengdu."))
    assert sorted(deal.parties) == ["Bosch", "Siemens"]
    assert find_partnerships(parse("Siemens may sign a cooperation agreement with Bosch in 2022.")) == []
    [site] = find_facilities(parse("In May 2021, Siemens opened a logistics center in Chengdu."))
    assert site.status == "operating"


def test_a_climate_target_may_quote_its_goals(parse):
    text = 'In 2020, the president announced that China would reach "peak carbon" by 2030 and "carbon neutrality" by 2060.'
    names = [f.record.name for f in find_policies(parse(text))]
    assert names == ["peak carbon by 2030 and carbon neutrality by 2060"]


def test_goods_supplied_by_a_named_firm_go_to_the_firm_the_document_speaks_as(parse):
    text = "Test handlers for the new plant will be supplied by Ventara Automation GmbH under a purchase agreement."
    [p] = find_partnerships(parse(text, author="Keranji"))
    assert p.parties == ["Keranji", "Ventara Automation GmbH"] and p.kind == "supply"
    assert find_partnerships(parse(text)) == []  # a news report: who receives them is not said
    # the supplier must be the agent of the supplying, not any firm of the sentence
    assert find_partnerships(parse("Ventara Automation GmbH said prices were supplied by the market.",
                                   author="Keranji")) == []


@pytest.mark.parametrize("text, name", [
    ("Tenants applied for cash under Kenya's Industrial Growth Fund, which the government set up in 2024.",
     "Industrial Growth Fund"),
    ("The project won support from the government's Green Transition Fund last year.", "Green Transition Fund"),
])
def test_a_capitalised_fund_a_government_owns_is_a_policy(parse, text, name):
    assert name in [f.record.name for f in find_policies(parse(text))]


@pytest.mark.parametrize("text", [
    "Brightwater Holdings raised cash for Acme's Venture Growth Fund last year.",  # a firm's
    "The ministry said its Industrial Growth Fund was full.",  # "its": whose is not read here
])
def test_a_capitalised_fund_no_government_owns_is_no_policy(parse, text):
    assert not [f for f in find_policies(parse(text)) if f.record.name.endswith("Fund")]


def test_a_governments_programme_named_with_a_connector_is_whole(parse):
    names = [f.record.name for f in find_policies(parse("Farms gain from Kenya's Soil and Water Fund this year."))]
    assert "Soil and Water Fund" in names and "Water Fund" not in names


@pytest.mark.parametrize("text, name", [
    ("Ports play a leading role in Kenya's Belt and Road Initiative and in trade.", "Belt and Road Initiative"),
    ("Exporters must follow Kenya's Data Protection Act from next year.", "Data Protection Act"),
])
def test_a_policy_named_after_its_owner_in_the_possessive_is_named_without_it(parse, text, name):
    names = [f.record.name for f in find_policies(parse(text))]
    assert name in names and not any(n.startswith("Kenya") for n in names)


def test_a_named_programme_a_firm_launches_is_no_policy(parse):
    assert not find_policies(parse("Since 2020, Schneider Electric has launched Green Co-innovation Campus Program in "
                                   "two fields."))
    names = [f.record.name for f in find_policies(parse("In 2020, the Chongqing Municipal Government launched the "
                                                        "Smart Factory Program for small firms."))]
    assert names == ["Smart Factory Program"]  # a government's is one
