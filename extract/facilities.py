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
     r"production lines?|assembly lines?|(?:production |manufacturing )?sites?|(?:glass |processing |production )?facilit(?:y|ies)|"
     r"mill|refinery|smelter|foundry|gigafactory", "plant"),
    (r"(?:operation|service|maintenance|operation and maintenance)(?: and \w+)? (?:center|centre)", "other"),
]
_SITE = re.compile(r"\b(" + "|".join(p for p, _ in _SITE_WORDS) + r")\b", re.I)
_KINDS = [(re.compile(r"^(?:" + p + r")$", re.I), kind) for p, kind in _SITE_WORDS]
_GENERIC_PLACE_WORDS = re.compile(r"\b(?:power plants?|the plant sector|plant-based|plants? and animals)\b", re.I)


def _kind(word: str) -> str:
    for pattern, kind in _KINDS:
        if pattern.match(word):
            return kind
    return "other"


_NAMED_SITE = re.compile(
    r"\b(?:Center|Centre|Lab|Laboratory|Factory|Plant|Campus|Headquarters|Research Institute|Technology Park|"
    r"Innovation Park|Industrial Park|Base|Hub|Site)$"
)


# names that only a site has; "Center" and "Institute" also name organisations
_SITE_NAME = re.compile(r"\b(?:Factory|Plant|Campus|Headquarters|Industrial Park|Technology Park|Innovation Park)$")


def is_named_site(name: str) -> bool:
    """Is this name a site's own name ("CCEC Technical Center") rather than an organisation's?"""
    return bool(_SITE_NAME.search(name)) and not re.search(r"\b(?:Co|Ltd|Inc|Corporation|Group|Company)\b", name)


def _in_parentheses(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")")


def _status(text: str, kind: str) -> str:
    if kind == "headquarters":  # "is headquartered in" states a fact whatever its tense
        return "planned" if hypothetical(text) else "operating"
    return status_of(text)


def _named_facilities(sent: Sentence) -> list[FacilityRecord]:
    """Sites the recogniser took for organisations: "CCEC Technical Center", "Corning Innovation Lab"."""
    out = []
    for site in sent.orgs:
        if not _NAMED_SITE.search(site.name):
            continue
        owners = [o for o in sent.orgs if o is not site and o.label != "GovernmentBody"
                  and (site.name.startswith(o.name + " ") or o.end <= site.start)]
        if owners:
            operator = max(owners, key=lambda o: (site.name.startswith(o.name + " "), o.end)).name
        elif sent.self_reference() or (sent.author and site.name.startswith(sent.author.split()[0])):
            operator = sent.author or ""
        elif not any(p.start == site.start for p in sent.places) and len(site.name.split()) > 2:
            # "CCEC Technical Center": a site named after its operator; linking keeps it only if that firm is known
            operator = site.name.split()[0]
        else:
            continue
        word = _NAMED_SITE.search(site.name).group()  # type: ignore[union-attr]
        place = most_specific([p for p in sent.places if not (site.start <= p.start < site.end)])
        out.append(FacilityRecord(
            name=site.name, kind=_kind(word.lower()), operator=operator,
            place=place.name if place else None, status=_status(sent.text, _kind(word.lower())),
            year=first_year(sent.text), details="; ".join(amounts(sent.text)) or None,
        ))
    return out


def find_facilities(sent: Sentence) -> list[FacilityRecord]:
    """Facilities stated in one sentence (names are surface forms; resolution maps them later).

    A named site keeps its name; a generic one ("a logistics center") needs a
    place and is named after its operator, kind word and place by linking.
    """
    text = sent.text
    if _GENERIC_PLACE_WORDS.search(text):
        return []
    found: dict[tuple[str, str], FacilityRecord] = {(f.operator, f.name): f for f in _named_facilities(sent)}
    named_spans = [(o.start, o.end) for o in sent.orgs if _NAMED_SITE.search(o.name)]
    operators = [o for o in sent.orgs if o.label != "GovernmentBody" and (o.start, o.end) not in named_spans
                 and not _in_parentheses(text, o.start - sent.start)]  # "(NYSE: GLW)" names no operator
    for m in _SITE.finditer(text):
        site_at = sent.start + m.start()
        if any(a <= site_at < b for a, b in named_spans):
            continue
        kind = _kind(m.group(1))
        # the operator: the organisation written closest before the site noun, else the author speaking of itself
        before = [o for o in operators if o.end <= site_at]
        if before:
            operator = max(before, key=lambda o: o.end).name
        elif sent.self_reference():
            operator = sent.author or ""
        elif operators:
            operator = operators[0].name
        else:
            continue
        places = sent.places
        after = [p for p in places if p.start >= site_at]
        # "production nodes in Hefei, Chongqing, and Wuhan": one facility per listed place
        listed = [p for p in after if p.start - site_at < 80] or ([most_specific(places)] if places else [])
        if not any(re.search(r"\b(?:and|or)\b|&", text[a.end - sent.start:b.start - sent.start])
                   for a, b in zip(listed, listed[1:])):
            listed = listed[:1]  # "in Corning, New York, USA" is one place, named down to its country
        for place in listed:
            key = (operator, kind + place.name)
            if key in found or place.name == operator:
                continue
            found[key] = FacilityRecord(
                name="headquarters" if kind == "headquarters" else m.group(1).lower(), kind=kind, operator=operator, place=place.name,
                status=_status(text, kind), year=first_year(text), details="; ".join(amounts(text)) or None,
            )
    return list(found.values())
