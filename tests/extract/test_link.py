"""Entity resolution and linking: name variants merge, facts follow the merged names, junk organisations go."""
from __future__ import annotations

from extract.link import (Linker, link_facilities, link_partnerships, link_policies, link_projects, link_recommendations,
                          prune_organizations)
from extract.names import Mention
from extract.records import (Evidence, FacilityRecord, OrganizationRecord, PartnershipRecord, PersonRecord, PolicyRecord,
                             ProjectRecord, RecommendationRecord)
from extract.resolve import Located, resolve


def _org(name: str, i: int) -> Located:
    return Located(Mention("organization", name, "Company", 0, 10), Evidence("d", f"sentence {i}", i * 10, i * 10 + 5))


def test_variants_merge_with_their_sentences_kept(reference):
    names = ["Siemens", "Siemens", "Siemens AG", "Siemens China", "Sumitomo Mitsui Banking Corporation", "SMBC",
             "Sumitomo Mitsui Banking Corporation", "University of Lakeland", "UL"]
    orgs, _, _ = resolve([_org(n, i) for i, n in enumerate(names)], [], reference)
    by_name = {o.name: o for o in orgs}
    assert set(by_name) == {"Siemens", "Sumitomo Mitsui Banking Corporation", "University of Lakeland"}
    assert {"Siemens AG", "Siemens China"} <= set(by_name["Siemens"].aliases)
    assert "SMBC" in by_name["Sumitomo Mitsui Banking Corporation"].aliases
    assert len(by_name["Siemens"].evidence) == 4  # the sentences that linked each alias


def test_a_name_defined_as_short_for_another_is_its_alias_whatever_its_letters(reference):
    defined = Located(Mention("organization", "KETRACO", "Company", 0, 10, alias_of="Kenya Electricity Transmission Company"),
                      Evidence("d", "sentence 1", 10, 15))
    alone = _org("KETRACO", 2)
    orgs, _, _ = resolve([_org("Kenya Electricity Transmission Company", 0), defined, alone], [], reference)
    assert [(o.name, o.aliases, len(o.evidence)) for o in orgs] == [
        ("Kenya Electricity Transmission Company", ["KETRACO"], 3)]  # the full name names it, however often
    orgs, _, _ = resolve([_org("Kenya Electricity Transmission Company", 0), _org("KETRACO", 1)], [], reference)
    assert len(orgs) == 2  # not defined: two organisations
    author = Evidence("d", "sentence 3", 30, 35)
    orgs, _, _ = resolve([_org("Kenya Electricity Transmission Company", 0), defined], [("KETRACO", author)], reference)
    assert [o.name for o in orgs] == ["KETRACO"]  # a section author's spelling names it


def test_parent_is_not_absorbed_by_its_unit(reference):
    names = ["Corvex", "Corvex", "Corvex", "Corvex Display Technology"]
    orgs, _, _ = resolve([_org(n, i) for i, n in enumerate(names)], [], reference)
    assert sorted(o.name for o in orgs) == ["Corvex", "Corvex Display Technology"]


def test_a_first_word_joins_the_legal_name_or_the_name_the_others_extend(reference):
    names = ["Varda", "Varda", "Varda", "Varda Motor Company", "Pellin", "Pellin Electric", "Pellin Electric",
             "Pellin Electric Research Institute", "Pellin Electric Green Works"]
    orgs, _, _ = resolve([_org(n, i) for i, n in enumerate(names)], [], reference)
    by_name = {o.name: o for o in orgs}
    assert "Varda Motor Company" in by_name["Varda"].aliases
    assert "Pellin" in by_name["Pellin Electric"].aliases
    assert {"Pellin Electric Research Institute", "Pellin Electric Green Works"} <= set(by_name)


def test_names_in_chinese_script_stay_apart(reference):
    people = [Located(Mention("person", n, "Person", 0, 3), Evidence("d", f"s{i}", i, i + 3)) for i, n in enumerate(["王伟", "李娜"])]
    _, _, persons = resolve(people, [], reference)
    assert sorted(p.name for p in persons) == ["李娜", "王伟"]


def test_a_person_that_is_an_organisations_first_words_or_a_named_place_is_neither_person(reference):
    def mention(kind: str, name: str, label: str, i: int) -> Located:
        return Located(Mention(kind, name, label, 0, 10), Evidence("d", f"sentence {i}", i * 10, i * 10 + 5))

    located = [mention("organization", "Dong Tien Construction & Engineering JSC", "Company", 0),
               mention("person", "Dong Tien", "Person", 1),
               mention("place", "Bayan Lepas", "Place", 2), mention("person", "Bayan Lepas", "Person", 3),
               mention("person", "Ann Lee", "Person", 4)]
    _, _, people = resolve(located, [], reference)
    assert [p.name for p in people] == ["Ann Lee"]


def test_prune_policy_site_and_common_word_organisations():
    orgs = [OrganizationRecord(n) for n in ("Siemens", "Belt and Road", "Siemens Chengdu Factory", "Hydrogen")]
    people = [PersonRecord("Ann Lee", affiliation="Hydrogen")]
    kept = prune_organizations(orgs, people, policy_keys={"belt and road"}, keep=set(), common_words={"hydrogen", "the"})
    assert [o.name for o in kept] == ["Siemens"]
    assert people[0].affiliation is None


def test_a_named_site_is_no_organisation_unless_it_is_a_party_to_a_deal():
    orgs = [OrganizationRecord(n) for n in ("Lakeside Nuclear Power Plant", "Harbor Steel Plant", "Harbor Bank")]
    kept = prune_organizations(orgs, [], policy_keys=set(), keep=set(), common_words=set(),
                               parties=frozenset({"Lakeside Nuclear Power Plant", "Harbor Bank"}))
    assert [o.name for o in kept] == ["Lakeside Nuclear Power Plant", "Harbor Bank"]


def test_a_site_another_organisation_runs_is_no_organisation():
    orgs = [OrganizationRecord(n) for n in ("Harbor Design Center", "Harbor Research Institute", "Harbor Bank")]
    kept = prune_organizations(orgs, [], policy_keys=set(), keep=set(), common_words=set(),
                               sites=frozenset({"Harbor Design Center", "Harbor Research Institute"}))
    assert [o.name for o in kept] == ["Harbor Research Institute", "Harbor Bank"]


def test_the_start_of_a_policy_name_is_no_organisation():
    orgs = [OrganizationRecord(n) for n in ("Tax System", "Harbor Bank")]
    kept = prune_organizations(orgs, [], policy_keys={"tax system to promote green investment"}, keep=set(),
                               common_words=set())
    assert [o.name for o in kept] == ["Harbor Bank"]


def test_partnership_needs_two_resolved_parties(reference):
    linker = Linker([OrganizationRecord("Siemens", aliases=["Siemens AG"]), OrganizationRecord("Bosch")], [], reference)
    ev = [Evidence("d", "s", 0, 1)]
    deals = link_partnerships([PartnershipRecord("x", ["Siemens AG", "Bosch"], "supply", evidence=ev),
                               PartnershipRecord("y", ["Siemens", "Unknown Firm"], "supply", evidence=ev)], linker)
    assert [d.parties for d in deals] == [["Siemens", "Bosch"]]


def test_a_site_named_after_its_operator_is_run_by_the_firm_its_name_starts_with(reference):
    linker = Linker([OrganizationRecord("Rivet Motors")], [], reference)
    ev = [Evidence("d", "s", 0, 1)]
    raw = [FacilityRecord("Rivet Motors Wuhan Technical Center", "research_center", "Rivet Motors Wuhan Technical", evidence=ev),
           FacilityRecord("Lakeside Engine Plant", "plant", "Lakeside Engine", evidence=ev)]
    assert [(f.name, f.operator) for f in link_facilities(raw, linker)] == [
        ("Rivet Motors Wuhan Technical Center", "Rivet Motors")]  # no firm is named "Lakeside": no operator, no site


def test_one_policy_node_whatever_the_surface_form(reference):
    linker = Linker([], [], reference)
    ev = lambda i: [Evidence("d", "s", i, i + 1)]  # noqa: E731
    raw = [PolicyRecord("15th Five-Year Plan", evidence=ev(0)), PolicyRecord("the 15th FYP", evidence=ev(5)),
           PolicyRecord("15th Five-Year Plan (2026-2030)", year="2026", evidence=ev(9))]
    [policy] = link_policies(raw, linker)
    assert policy.name == "15th Five-Year Plan (2026-2030)" or policy.name == "15th Five-Year Plan"
    assert len(policy.aliases) == 2 and len(policy.evidence) == 3 and policy.year == "2026"


def test_a_project_named_by_its_abbreviation_is_the_project_that_defines_it(reference):
    linker = Linker([], [], reference)
    ev = lambda i: [Evidence("d", "s", i, i + 1)]  # noqa: E731
    raw = [ProjectRecord("LFT project", evidence=ev(0)), ProjectRecord("Lakeside Freight Tunnel (LFT) Project", evidence=ev(5)),
           ProjectRecord("LFG project", evidence=ev(9))]
    assert [(p.name, len(p.evidence)) for p in link_projects(raw, linker)] == [
        ("LFG project", 1), ("Lakeside Freight Tunnel (LFT) Project", 2)]


def test_a_policy_short_form_is_the_policy_its_report_names_in_full(reference):
    linker = Linker([], [], reference)
    ev = lambda doc, i: [Evidence(doc, "s", i, i + 1)]  # noqa: E731
    raw = [PolicyRecord("Harbor-Lakeside Economic Belt", evidence=ev("a", 0)),
           PolicyRecord("Economic Belt", evidence=ev("a", 5)), PolicyRecord("Economic Belt", evidence=ev("a", 7)),
           PolicyRecord("Economic Belt", evidence=ev("b", 3))]  # another report names no belt in full
    policies = link_policies(raw, linker)
    assert sorted((p.name, len(p.evidence)) for p in policies) == [("Economic Belt", 1), ("Harbor-Lakeside Economic Belt", 3)]


def test_a_suggestion_stated_twice_in_a_report_is_one_recommendation(reference):
    linker = Linker([OrganizationRecord("Acme")], [], reference)
    ev = lambda doc, i: [Evidence(doc, "s", i, i + 1)]  # noqa: E731
    raw = [RecommendationRecord("Identify unique scenarios and improve the overall design to stand out;", "Acme",
                                evidence=ev("a", 0)),
           RecommendationRecord("Identify unique scenarios and improve the overall design.", "Acme", evidence=ev("a", 9)),
           RecommendationRecord("Train more port workers.", "Acme", evidence=ev("a", 20)),
           RecommendationRecord("Identify unique scenarios and improve the overall design.", "Acme", evidence=ev("b", 3))]
    recs = link_recommendations(raw, linker, [])
    assert [(r.text, len(r.evidence)) for r in recs] == [
        ("Identify unique scenarios and improve the overall design to stand out;", 2), ("Train more port workers.", 1),
        ("Identify unique scenarios and improve the overall design.", 1)]  # another report's is its own


def test_a_suggestion_stated_twice_among_many_that_share_words_is_still_one(reference):
    """Among 80 suggestions that all say "government" and "fund", the two statements of one are merged:
    a word every suggestion uses proposes no candidate, the words they share with nothing else do."""
    linker = Linker([], [], reference)
    codes = [a + b for a in "bcdfghjklm" for b in "aeiou"] + [a + b + "x" for a in "npqrst" for b in "aeiou"]
    raw = [RecommendationRecord(f"The government should fund {c}parks, {c}trails, {c}ponds and {c}roads", None,
                                evidence=[Evidence("r", "s", i * 100, i * 100 + 50)]) for i, c in enumerate(codes[:80])]
    raw.append(RecommendationRecord("The government should simplify customs rules for dried kelp importers",
                                    None, evidence=[Evidence("r", "s", 9000, 9050)]))
    raw.append(RecommendationRecord("Simplify customs rules for dried kelp importers", None,
                                    evidence=[Evidence("r", "s", 9100, 9140)]))
    linked = link_recommendations(raw, linker, [])
    assert len(linked) == 81
    assert [len(r.evidence) for r in linked if "kelp" in r.text] == [2]


def test_a_generic_site_word_is_the_one_other_site_of_its_firm_there(reference):
    from extract.records import PlaceRecord

    linker = Linker([OrganizationRecord("Acme")], [PlaceRecord("Kajaani"), PlaceRecord("Oulu")], reference)
    ev = lambda i: [Evidence("d", f"s{i}", i, i + 1)]  # noqa: E731
    raw = [FacilityRecord("facility", "plant", "Acme", "Kajaani", evidence=ev(0)),
           FacilityRecord("data centre", "data_center", "Acme", "Kajaani", year="2026", evidence=ev(1)),
           FacilityRecord("facility", "plant", "Acme", "Oulu", evidence=ev(2)),  # nothing else there: kept
           FacilityRecord("data centre", "data_center", "Acme", "Oulu", evidence=ev(3)),
           FacilityRecord("warehouse", "logistics_center", "Acme", "Oulu", evidence=ev(4))]  # two others: which?
    found = {f.name: f for f in link_facilities(raw, linker)}
    assert sorted(found) == ["Acme data centre (Kajaani)", "Acme data centre (Oulu)", "Acme facility (Oulu)",
                             "Acme warehouse (Oulu)"]
    assert [e.text for e in found["Acme data centre (Kajaani)"].evidence] == ["s0", "s1"]
