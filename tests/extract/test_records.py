import pytest

from extract.facts_json import factset_from_json, factset_to_json
from extract.records import (DocumentRecord, Evidence, FacilityRecord, FactSet, OrganizationRecord, PersonRecord,
                             PlaceRecord)


def test_factset_json_round_trip():
    ev = Evidence(document="doc/a", text="Acme runs a plant.", start=3, end=21)
    facts = FactSet(
        documents=[DocumentRecord("doc/a", "a.md", "A", "0" * 64, 0, 40, author="Acme", part_of="doc")],
        organizations=[OrganizationRecord("Acme", "Company", ["Acme Corp"], [ev])],
        places=[PlaceRecord("Chongqing", "Province", "China", [ev])],
        people=[PersonRecord("Ann Lee", "CEO", "Acme", [ev])],
        stated={"facilities": [FacilityRecord("Acme plant (Chongqing)", "plant", "Acme", "Chongqing", evidence=[ev])],
                "policies": []},
    )
    text = factset_to_json(facts)
    assert factset_from_json(text) == facts
    assert factset_to_json(factset_from_json(text)) == text


def test_facts_of_a_kind_without_a_record_class_are_refused_by_name():
    text = factset_to_json(FactSet(stated={"awards": []}))
    with pytest.raises(ValueError, match="'awards'"):
        factset_from_json(text)
