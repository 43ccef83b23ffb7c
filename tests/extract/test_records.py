from extract.records import (DocumentRecord, Evidence, FactSet, OrganizationRecord, PersonRecord, PlaceRecord,
                             factset_from_json, factset_to_json)


def test_factset_json_round_trip():
    ev = Evidence(document="doc/a", text="Acme runs a plant.", start=3, end=21)
    facts = FactSet(
        documents=[DocumentRecord("doc/a", "a.md", "A", "0" * 64, 0, 40, author="Acme", part_of="doc")],
        organizations=[OrganizationRecord("Acme", "Company", ["Acme Corp"], [ev])],
        places=[PlaceRecord("Chongqing", "Province", "China", [ev])],
        people=[PersonRecord("Ann Lee", "CEO", "Acme", [ev])],
    )
    text = factset_to_json(facts)
    assert factset_from_json(text) == facts
    assert factset_to_json(factset_from_json(text)) == text
