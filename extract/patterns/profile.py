"""Dependency patterns for what a text states about an organisation itself (see ``extract/profiles.py``).

Each pattern is a spaCy ``DependencyMatcher`` pattern over lemmas, tags and dependencies; its first node is the
word the claim hangs on.
"""
from __future__ import annotations

_PARTICIPLE = {"TAG": "VBN"}
_IN = {"LOWER": "in"}

# "Acme, headquartered in Linz," / "Acme is based in Linz" / "a maker based in Shenzhen"
HEADQUARTERS = [[
    {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "headquarter", **_PARTICIPLE}},
    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep", **_IN}},
    {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "place", "RIGHT_ATTRS": {"DEP": "pobj", "POS": "PROPN"}},
], [  # not a clause that opens the sentence: "Based in Chongqing and radiating west, Acme ..." says where it works
    {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "base", "DEP": {"NOT_IN": ["advcl"]}, **_PARTICIPLE}},
    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep", **_IN}},
    {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "place", "RIGHT_ATTRS": {"DEP": "pobj", "POS": "PROPN"}},
], [  # "Acme, with headquarters in Linz,"
    {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": {"IN": ["headquarters", "hq"]}, "DEP": "pobj"}},
    {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "with", "RIGHT_ATTRS": {"LOWER": "with"}},
    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep", **_IN}},
    {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "place", "RIGHT_ATTRS": {"DEP": "pobj", "POS": "PROPN"}},
], [  # "Suwon-based Samsung", "the Shanghai-based chipmaker SMIC"
    {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": "based", "DEP": "amod"}},
    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "place", "RIGHT_ATTRS": {"DEP": "npadvmod", "POS": "PROPN"}},
]]

# "Acme was founded in 1851" / "Founded in 1998, Acme ..." / "Acme, established in 2004,"
FOUNDED = [[
    {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["found", "establish", "incorporate", "form"]}, **_PARTICIPLE}},
    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep", **_IN}},
    {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "year", "RIGHT_ATTRS": {"DEP": "pobj", "SHAPE": "dddd"}},
]]
