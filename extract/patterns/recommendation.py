"""Token patterns for a sentence in which its author recommends (see ``extract/recommendations.py``): a spaCy
``Matcher`` table over lemmas and words."""
from __future__ import annotations

_PROPOSE = {"LEMMA": {"IN": ["suggest", "recommend", "propose", "advise"]}}

CUES: list[tuple[str, list[list[dict]]]] = [("recommends", [
    # "we recommend", "we would strongly suggest", "I would like to propose"
    [{"LOWER": {"IN": ["we", "i"]}},
     {"LOWER": {"IN": ["would", "like", "to", "strongly", "therefore", "also"]}, "OP": "{0,3}"}, _PROPOSE],
    # "cities are encouraged to", "the province is therefore advised to"
    [{"LOWER": {"IN": ["is", "are"]}}, {"LOWER": {"IN": ["therefore", "also"]}, "OP": "?"},
     {"LOWER": {"IN": ["advised", "recommended", "suggested", "encouraged"]}}, {"LOWER": "to"}],
    # "this report recommends"
    [{"LOWER": {"IN": ["this", "the", "our"]}}, {"LOWER": {"IN": ["paper", "report", "article", "study"]}},
     {"LOWER": {"IN": ["suggests", "recommends", "proposes"]}}],
    # "it is therefore recommended"
    [{"LOWER": "it"}, {"LOWER": "is"}, {"LOWER": "therefore", "OP": "?"},
     {"LOWER": {"IN": ["suggested", "recommended", "advised"]}}],
    # "we would like to see", "would like efforts"
    [{"LOWER": "would"}, {"LOWER": "like"}, {"LOWER": "to"}, {"LEMMA": {"IN": ["see", "propose", "suggest", "recommend"]}}],
    [{"LOWER": "would"}, {"LOWER": "like"}, {"LOWER": "efforts"}],
])]
