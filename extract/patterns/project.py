"""Token patterns for project names (see ``extract/projects.py``): capitalised words, joined by a few
lower-case connectors, a hyphen or a place in parentheses, that end in a run of project head nouns
("Chengdu-Chongqing Hydrogen Corridor", "Intelligent Traffic (Beijing and Hebei) Demonstration Zone").

``CUES`` has two labels: a "name" ends in heads of one word, a "zone" in a head of two words.  A name's words
before its heads are never heads themselves, so a name ends at its first run of heads ("the Chongqing Expo and
the Smart China Expo" are two names).  Within a name a lower-case word is a connector or the rest of a
hyphenated word ("High-tech"); :func:`extract.projects.find_projects` checks that.
"""
from __future__ import annotations

HEADS = ("Project Projects Park Corridor Channel Expo Forum Summit Conference Meeting Fair Exhibition Railway "
         "Express Pipeline Valley Airport Station Terminal Bridge Tunnel Competition Festival Olympics Games Awards "
         "Platform Trial").split()
# heads of two words: "Demonstration Zone", "Pilot Zone", "Cooperation Zone", "Test Base"; a
# "zone" match ends in one
ZONE_KINDS = "Demonstration Demonstrative Pilot Cooperation Test".split()
_ZONES = "Zone Area Base".split()

# a capitalised word, an ordinal or a year: "Smart", "14th", "2030", "AT&S", "U.S."
_CAPITAL = {"TEXT": {"REGEX": r"^(?:\d+(?:st|nd|rd|th)|[A-Z][\w’'&.]*|\d{4})$"}}
_INSIDE = {"OP": "*", "LOWER": {"NOT_IN": [head.lower() for head in HEADS]},
           # a capitalised word, a connector, a hyphen (and the rest of a hyphenated word: "High-tech"), a bracket
           # round a place, a possessive or a closing quote ("the ‘Factory of the Future’ Awards")
           "TEXT": {"REGEX": r"^(?:\d+(?:st|nd|rd|th)|[A-Z][\w’'&.]*|\d{4}|[a-z][\w’'.]*|&|-|–|\(|\)|['’]s?)$"}}
CONNECTORS = frozenset("of and for on the in to &".split())
_HEAD = {"ORTH": {"IN": HEADS}}

CUES: list[tuple[str, list[list[dict]]]] = [
    ("name", [[_CAPITAL, _INSIDE, {**_HEAD, "OP": "+"}]]),
    ("zone", [[_CAPITAL, _INSIDE, {"ORTH": {"IN": ZONE_KINDS}}, {"ORTH": {"IN": _ZONES}}, {**_HEAD, "OP": "*"}]]),
]
