"""Names a text defines as short for an organisation's."""
from __future__ import annotations

import pytest

from extract.aliases import defined_aliases
from extract.names import Mention


def _orgs(text: str, *names: str) -> list[Mention]:
    out = []
    for name in names:
        start = text.index(name, out[-1].end if out else 0)
        out.append(Mention("organization", name, "Company", 0, len(text), start=start, end=start + len(name)))
    return out


@pytest.mark.parametrize(("text", "full", "short"), [
    ("The Kenya Electricity Transmission Company (KETRACO) should plan for hydrogen.",
     "Kenya Electricity Transmission Company", "KETRACO"),
    ('Keranji Semitest Holdings Berhad ("Keranji" or "the Group") will invest.', "Keranji Semitest Holdings Berhad",
     "Keranji"),
    ("Kyungtae Lightwave Precision, the maker of camera modules better known as KTL, broke ground.",
     "Kyungtae Lightwave Precision", "KTL"),
])
def test_a_defined_short_name_is_the_organisations(text, full, short):
    mentions = _orgs(text, full, short)
    mentions = defined_aliases(text, mentions)
    assert mentions[1].alias_of == full and mentions[0].alias_of is None


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Corning Incorporated (NYSE: GLW) reported.", "Corning Incorporated", "NYSE"),  # a ticker, not a name
    ("Siemens and Bosch (a supplier) signed.", "Siemens", "Bosch"),  # two firms
])
def test_no_alias_without_a_definition(text, first, second):
    mentions = _orgs(text, first, second)
    mentions = defined_aliases(text, mentions)
    assert mentions[1].alias_of is None


def test_known_as_gives_a_name_the_recogniser_missed():
    text = "Kyungtae Lightwave Precision Co., Ltd., the South Korean maker of camera modules better known as KTL, broke ground."
    [full] = _orgs(text, "Kyungtae Lightwave Precision Co., Ltd.")
    [short] = [m for m in defined_aliases(text, [full]) if m is not full]
    assert (short.name, short.alias_of, text[short.start:short.end]) == ("KTL", full.name, "KTL")


def test_known_as_far_from_the_name_defines_nothing():
    text = ("Acme Ltd. said on Monday that the new plant, which will serve several of the region's largest carmakers, "
            "will be known as Northgate.")
    [full] = _orgs(text, "Acme Ltd.")
    assert defined_aliases(text, [full]) == [full]


@pytest.mark.parametrize(("text", "short"), [
    ("The Tana Basin Water Authority (TBWA) has capped abstraction.", "TBWA"),
    ("The Kenya Electricity Generating Company (KenGen) sells steam.", "KenGen"),
    ("Acme Holdings (Singapore) sells steam.", None),  # one capital: a place, not a short name
    ("Acme Holdings (2019) sells steam.", None),
])
def test_a_short_name_in_brackets_the_recogniser_missed_is_added(text, short):
    full = text.split(" (")[0].removeprefix("The ")
    mentions = defined_aliases(text, _orgs(text, full))
    assert [(m.name, m.alias_of) for m in mentions[1:]] == ([(short, full)] if short else [])
