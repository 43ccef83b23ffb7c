"""Tables: an organisation column names one organisation per row."""
from __future__ import annotations

from extract.mentions import doc_mentions
from extract.tables import table_organizations

ROWS = [
    "Date\tForeign firms\tLocal firms\tDeal",
    "2021/3/1\tSiemens\tLianda\tPromote the development of the industry through strategic alliances",
    "2020/11/5\tBosch AG\tWuhan Steel Group\tAgreed to build a test line",
    "2020/6/2\tValeo\tHubei Energy Investment investment\tConcluded an agreement on fuel cells",
    "2020/1/9\tDenso\t-\tOpened an office",
]


def _orgs(nlp, reference, rows):
    docs = [nlp(r) for r in rows]
    found = table_organizations(["row"] * len(rows), docs, [doc_mentions(d, reference) for d in docs], reference)
    return [{m.name for m in row if m.kind == "organization"} for row in found]


def test_a_column_of_organisations_names_one_in_every_row(nlp, reference):
    orgs = _orgs(nlp, reference, ROWS)
    assert "Lianda" in orgs[1]  # the recogniser took it for a town
    assert "Hubei Energy Investment investment" in orgs[3]  # the whole cell, not the name the recogniser cut
    assert not orgs[0]  # the header names columns
    assert not any("-" in names for names in orgs)


def test_outside_a_table_nothing_changes(nlp, reference):
    docs = [nlp("Siemens met Keltrix in Wuhan.")]
    before = doc_mentions(docs[0], reference)
    assert table_organizations(["paragraph"], docs, [before], reference) == [before]


def test_the_header_over_numbered_rows_names_no_organisation(nlp, reference):
    rows = ["SN\tCorridor Authority Name\tCity", "1\tSiemens AG\tWuxi\tOpened a test line",
            "2\tBosch AG\tTianjin\tBuilt a plant", "3\tValeo\tChangsha\tSigned an agreement"]
    orgs = _orgs(nlp, reference, rows)
    assert not orgs[0]  # the recogniser reads "SN" and "Corridor Authority Name" as organisations
    assert "Siemens AG" in orgs[1] and "Valeo" in orgs[3]


def test_a_cell_naming_a_test_base_is_no_organisation(nlp, reference):
    rows = ["Date\tFirm\tSite", "2021/3/1\tSiemens\tWuxi Traffic Comprehensive Test Base",
            "2020/11/5\tBosch AG\tTianjin Vehicle Test Base", "2020/6/2\tValeo\tHunan Logistics Test Base"]
    orgs = _orgs(nlp, reference, rows)
    assert not any(name.endswith("Base") for names in orgs for name in names)


def test_a_cell_is_no_organisation_when_the_recognised_name_is_the_lesser_part_of_it(nlp, reference):
    rows = ["Typical Cities\tKey Resources\tGrowth Path\tNotes",
            "Wuhan, Hefei, etc.\tTalents and capital\tGrowth across the whole chain\tLeverage talent to incubate ventures",
            "Xi'an, Lanzhou, etc.\tSupportive industries\tTransformation led by leading players\tBuilding on makers like Huawei",
            "Ningbo, Wuxi, etc.\tLand\tBuild infrastructure to attract investment\tDevelop test scenarios with Tencent"]
    orgs = _orgs(nlp, reference, rows)
    assert "Huawei" in orgs[2]
    assert not any("Talents and capital" in names for names in orgs)  # the recogniser saw "Talents"


def _with_person(nlp, reference, rows, row, cell_text):
    """Mentions of ``rows`` with the recogniser's reading of one cell replaced by a person."""
    from extract.names import Mention

    docs = [nlp(r) for r in rows]
    mentions = [doc_mentions(d, reference) for d in docs]
    start = rows[row].index(cell_text)
    end = start + len(cell_text)
    mentions[row] = [m for m in mentions[row] if not start <= m.start < end]
    mentions[row].append(Mention("person", cell_text, "Person", 0, len(rows[row]), start=start, end=end))
    found = table_organizations(["row"] * len(rows), docs, mentions, reference)
    return [{(m.kind, m.name) for m in r} for r in found]


FIRMS = ["Year\tCompany\tCity"] + [f"{2000 + i}\t{name}\tChengdu" for i, name in enumerate(
    ["Siemens AG", "Bosch AG", "Valeo SA", "Denso Corporation", "Keltrix Robotics", "Toyota Motor Corporation"])]


def test_a_cell_read_as_a_person_in_a_column_of_firms_is_a_firm(nlp, reference):
    found = _with_person(nlp, reference, FIRMS, 5, "Keltrix Robotics")
    assert ("organization", "Keltrix Robotics") in found[5]
    assert not any(kind == "person" for kind, _ in found[5])


def test_a_column_of_people_keeps_its_people(nlp, reference):
    rows = ["Year\tFirm\tChief executive"] + [f"{2000 + i}\t{firm}\t{person}" for i, (firm, person) in enumerate(
        [("Siemens AG", "Roland Busch"), ("Bosch AG", "Stefan Hartung"), ("Valeo SA", "Christophe Perillat")])]
    found = _with_person(nlp, reference, rows, 1, "Roland Busch")
    assert ("person", "Roland Busch") in found[1] and ("organization", "Roland Busch") not in found[1]


def test_markdown_pipe_rows_are_rows_with_tab_separated_cells():
    from extract.loader import clean_text

    text = "# Sites\r\n\r\n| Site | Country |\r\n|:---|---:|\r\n| Acme **plant** | India |\r\n| | Chile |\r\n"
    clean, blocks = clean_text(text)
    rows = [b for b in blocks if b.kind == "row"]
    assert [clean.text[b.start:b.end] for b in rows] == ["Site\tCountry", "Acme plant\tIndia", "\tChile"]
    a, b = clean.to_original(rows[1].start, rows[1].end)
    assert text[a:b] == "Acme **plant** | India"
