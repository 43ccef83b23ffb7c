"""Site words for facilities (see ``extract/facilities.py``): a spaCy ``Matcher`` table, one label per facility
kind.  Where two matches overlap the longest one is read; at equal length the earlier row wins."""
from __future__ import annotations


def _any(*words: str) -> dict:
    return {"LOWER": {"IN": list(words)}}


_CENTER = _any("center", "centre")
_LOGISTICS = [[_any("logistics", "warehouse", "warehousing", "distribution", "procurement")],
              [{"LOWER": "supply"}, {"LOWER": "chain"}], [{"LOWER": "supply"}, {"LOWER": "chain"}, {"LOWER": "service"}]]
_AND_WAREHOUSING = [{"LOWER": "and"}, {"LOWER": "warehousing"}]
_LOGISTICS_SITE = _any("center", "centre", "hub", "base", "park")
_SERVICE = [[_any("operation", "service", "maintenance")],
            [{"LOWER": "operation"}, {"LOWER": "and"}, {"LOWER": "maintenance"}]]

CUES: list[tuple[str, list[list[dict]]]] = [
    ("headquarters", [
        [_any("headquarter", "headquarters", "headquartered")],
        [{"ORTH": "HQ"}],
        [{"LOWER": "head"}, _any("office", "offices")],
    ]),
    ("research_center", [
        [_any("r&d", "research", "technical", "technology", "engineering", "test", "testing"),
         _any("center", "centre", "institute", "lab", "laboratory", "base")],
        [{"LOWER": "research"}, {"LOWER": "and"}, {"LOWER": "development"},
         _any("center", "centre", "institute", "lab", "laboratory", "base")],
    ]),
    ("innovation_center", [
        [{"LOWER": "innovation"}, _any("center", "centre", "hub", "lab", "laboratory", "base")],
        [{"LOWER": "incubator"}],
        [{"LOWER": "application"}, _CENTER],
        [{"LOWER": "application"}, {"LOWER": "and"}, {"LOWER": "research"}, _CENTER],
    ]),
    ("logistics_center", [
        *([*kind, *and_warehousing, _LOGISTICS_SITE] for kind in _LOGISTICS for and_warehousing in ([], _AND_WAREHOUSING)),
        [_any("warehouse", "warehouses")],
    ]),
    ("data_center", [
        [{"LOWER": "data"}, _any("center", "centre", "centers", "centres")],
        [{"LOWER": "computing"}, _CENTER],
    ]),
    ("training_center", [
        [{"LOWER": "training"}, _any("center", "centre", "base", "academy")],
    ]),
    ("office", [
        [_any("regional", "representative", "sales", "branch"), _any("office", "offices")],
        [_any("office", "offices")],
    ]),
    ("plant", [
        [_any("manufacturing", "production"),
         _any("plant", "base", "facility", "facilities", "site", "sites", "line", "lines", "node", "nodes")],
        [_any("plant", "plants", "factory", "factories", "site", "sites", "facility", "facilities", "mill", "refinery",
              "smelter", "foundry", "gigafactory")],
        [_any("production", "assembly"), _any("line", "lines")],
        [_any("glass", "processing", "production"), _any("facility", "facilities")],
        # a site named by what it holds: "a hydrogen complex", "a 100 MW electrolyser", "a treatment station"
        [{"LOWER": {"IN": ["complex", "electrolyser", "electrolyzer", "station"]}, "POS": "NOUN"}],
    ]),
    ("other", [
        *([*kind, *and_more, _CENTER] for kind in _SERVICE for and_more in ([], [{"LOWER": "and"}, {"IS_ALPHA": True}])),
        [_any("technology", "science", "research", "innovation"), _any("park", "campus")],
        [{"LOWER": "high"}, {"ORTH": "-"}, {"LOWER": "tech"}, _any("park", "campus")],
        [{"LOWER": "campus"}],
    ]),
]
