"""Facilities: sites an organisation runs, builds or plans (plants, R&D centres, hubs, offices, HQs).

A sentence yields a facility when it names a site noun ("plant", "R&D center",
"logistics hub", "headquartered in") and an operator: an organisation in the
sentence, or the report's author when it speaks of itself.  A place alone is
not a facility ("Chongqing is a manufacturing base" has no operator).
"""
from __future__ import annotations

import re

from .records import FacilityRecord
from .sentences import Sentence, amounts, first_year, hypothetical, most_specific, status_of

# (pattern, facility-kind notation); the first match in a phrase decides its kind.
_SITE_WORDS: list[tuple[str, str]] = [
    (r"headquarter(?:s|ed)?|head office", "headquarters"),
    (r"(?:r&d|research(?: and development)?|technical|technology|engineering|test(?:ing)?) (?:center|centre|institute|lab(?:oratory)?|base)", "research_center"),
    (r"innovation (?:center|centre|hub|lab(?:oratory)?|base)|incubator|application (?:and research )?(?:center|centre)", "innovation_center"),
    (r"(?:logistics|warehous(?:e|ing)|distribution|procurement|supply chain(?: service)?)(?: and warehousing)? (?:center|centre|hub|base|park)|warehouses?", "logistics_center"),
    (r"data (?:center|centre)s?|computing (?:center|centre)", "data_center"),
    (r"training (?:center|centre|base|academy)", "training_center"),
    (r"(?:regional |representative |sales |branch )?offices?", "office"),
    (r"(?:manufacturing|production) (?:plant|base|facility|facilities|site|line|lines|node|nodes)|plants?|factor(?:y|ies)|"
     r"production lines?|assembly lines?|(?:glass |processing )?facilit(?:y|ies)|mill|refinery|smelter|foundry|gigafactory", "plant"),
    (r"(?:operation|service|maintenance|operation and maintenance)(?: and \w+)? (?:center|centre)", "other"),
]
_SITE = re.compile(r"\b(" + "|".join(p for p, _ in _SITE_WORDS) + r")\b", re.I)
_KINDS = [(re.compile(r"^(?:" + p + r")$", re.I), kind) for p, kind in _SITE_WORDS]
# Verbs that tie an operator to a site; without one, "plant" is just a word ("plant-based", "power plant sector").
_TIE = re.compile(
    r"\b(?:buil[dt]|building|establish(?:ed|es|ing)?|set up|sets up|setting up|open(?:ed|s|ing)?|operat(?:e|es|ed|ing)|"
    r"run(?:s|ning)?|invest(?:ed|s|ing)?|launch(?:ed|es)?|locat(?:ed|es)|construct(?:ed|ion|ing)?|expand(?:ed|s|ing)?|"
    r"has|have|had|own(?:s|ed)?|began|started|completed|commissioned|put into (?:operation|production)|"
    r"headquartered|based|inaugurated|relocat(?:ed|es)|moved|plans?|planned|announced|its|their|our)\b",
    re.I,
)
_GENERIC_PLACE_WORDS = re.compile(r"\b(?:power plants?|the plant sector|plant-based|plants? and animals)\b", re.I)


def _kind(word: str) -> str:
    for pattern, kind in _KINDS:
        if pattern.match(word):
            return kind
    return "other"


def find_facilities(sent: Sentence) -> list[FacilityRecord]:
    """Facilities stated in one sentence (names are surface forms; resolution maps them later)."""
    text = sent.text
    if _GENERIC_PLACE_WORDS.search(text) or not _TIE.search(text):
        return []
    operators = sent.org_names()
    if not operators:
        return []
    found: dict[tuple[str, str], FacilityRecord] = {}
    for m in _SITE.finditer(text):
        kind = _kind(m.group(1))
        site_at = sent.start + m.start()
        # the operator: the organisation written closest before the site noun, else the first one
        before = [o for o in sent.orgs if o.end <= site_at]
        operator = (max(before, key=lambda o: o.end).name if before else operators[0])
        if sent.self_reference() and not before:
            operator = sent.author or operator
        places = [p for p in sent.places]
        after = [p for p in places if p.start >= site_at]
        # "production nodes in Hefei, Chongqing, and Wuhan": one facility per listed place
        listed = [p for p in after if p.start - site_at < 80] or ([most_specific(places)] if places else [None])
        status = "planned" if hypothetical(text) else status_of(text)
        if kind == "headquarters":
            status = "operating" if not hypothetical(text) else "planned"
        for place in listed:
            key = (operator, place.name if place else "")
            if key in found:
                continue
            details = "; ".join(amounts(text)) or None
            label = f"{operator} {m.group(1).lower()}" + (f" ({place.name})" if place else "")
            found[key] = FacilityRecord(
                name=label, kind=kind, operator=operator, place=place.name if place else None,
                status=status, year=first_year(text), details=details,
            )
    return list(found.values())
