"""Projects: concrete, delimited undertakings — investment and infrastructure projects, parks, corridors, events.

A project is either a capitalised name ending in a project head noun
("Chengdu-Chongqing Hydrogen Corridor", "China-Europe Railway Express",
"Smart China Expo") or a noun phrase ending in "project" with something that
delimits it: a participant, an amount or a year.  General aspirations ("a
project of national rejuvenation") have none of these and are skipped.
"""
from __future__ import annotations

import re

from .loader import is_contents_line
from .records import ProjectRecord
from .sentences import TITLE_WORD, Sentence, amounts, first_year, most_specific, status_of

_HEADS = (
    r"Project|Projects|Industrial Park|Science Park|Technology Park|Park|Corridor|Channel|Expo|Forum|Summit|Conference|"
    r"Meeting|Fair|Exhibition|Railway|Express|Pipeline|Valley|Demonstration Zone|Pilot Zone|Demonstration Area|"
    r"Cooperation Zone|Demonstrative Zone|Test Zone|Test Base|Airport|Station|Terminal|Bridge|Tunnel|Competition|"
    r"Festival|Olympics|Games|Awards|Platform|Trial"
)
_CAP = TITLE_WORD
# a place or region in parentheses inside a name: "Intelligent Traffic (Beijing and Hebei) Demonstration Zone"
_PAREN = rf"\({_CAP}(?:[ ]+(?:(?:and|&)[ ]+)?{_CAP})*\)"
_NAMED = re.compile(
    rf"(?<![\w-])({_CAP}(?:[ \-–]+(?:(?:of|and|for|on|the|in|to|&)[ ]+)*(?:{_CAP}|{_PAREN}))*?[ \-–]+(?:{_HEADS})(?:[ ]+(?:{_HEADS}))*)(?![\w-])"
)
# a name followed by one of these is an organisation's: "Advanced Research Projects Agency"
_ORG_NEXT = re.compile(r"^[ ]+(?:Agency|Association|Committee|Commission|Office|Bureau|Company|Group|Corporation|Fund)\b")
_LEAD_DROP = frozenset("""according in under the this these as with during by from for to on at since after its their our a an
    and through via into upon about among between across toward towards around over""".split())
_CAPTION = re.compile(r"^List\b")  # "List of Hydrogen Energy Projects in ...": a caption
# head nouns of a lower-case project phrase ("a hydrogen demonstration project", "the rail link"); in the plural
# only with what delimits them ("experimental projects for methane"): "sales routes" name a kind, not one
_LOWER_HEADS = frozenset(
    "project pilot trial platform programme demonstration corridor channel link route park railway pipeline".split()
)
_VAGUE = frozenset({"this", "these", "that", "the", "a", "an", "such", "other", "many", "some", "more", "key", "major",
                    "new", "all", "various", "several", "its", "their", "our", "each", "any"})


def _trim(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in _LEAD_DROP:
        words = words[1:]
    return " ".join(words)


def find_projects(sent: Sentence) -> list[ProjectRecord]:
    """Every named project of a sentence, else at most one delimited "... project"."""
    text = sent.text
    if is_contents_line(text):
        return []
    names: list[str] = []
    for m in _NAMED.finditer(text):
        if _ORG_NEXT.match(text[m.end(1):]):
            continue
        candidate = _trim(m.group(1))
        if _CAPTION.search(candidate):
            continue
        owner = re.match(r"^(.+?)['’]s ", candidate)
        if owner and owner.group(1) in {x.name for x in sent.orgs + sent.places}:
            continue  # "Acme's Wuhan Technology Park" is Acme's site, "Australia's Latrobe Valley" a region
        if len(candidate.split()) >= 2 and any(w[:1].isupper() for w in candidate.split()[:-1]) \
                and candidate not in names:
            names.append(candidate)
    participants = sent.org_names()
    money = amounts(text)
    year = first_year(text)
    if not names and (participants or money or year):
        for chunk in sent.span.noun_chunks:
            plural = chunk.root.lower_.endswith("s") and chunk.root.lower_[:-1] in _LOWER_HEADS
            if chunk.root.lower_ not in _LOWER_HEADS and not plural or chunk.root.text[:1].isupper():
                continue  # a capitalised head is a name, which the patterns above took or refused
            kept = [t for t in chunk if t.lower_ not in _VAGUE and t.pos_ not in ("DET", "PRON", "NUM")]
            while kept and (kept[0].pos_ in ("ADP", "CCONJ", "SCONJ", "PART", "PUNCT") or kept[0].is_punct):
                kept = kept[1:]  # "than projects", "and expanded ... projects"
            # delimited by what it is: two modifiers, a name or a place ("hydrogen demonstration project",
            # "rail link between Chongqing and Duisburg"), not "pilot project"
            delimited = any(c.dep_ == "prep" and c.lower_ in ("for", "between", "in", "at", "on", "from", "to")
                            for c in chunk.root.children)  # "a rail link between Chongqing and Duisburg"
            if plural and not delimited:
                continue  # "pilot and demonstration projects", "sales routes": a kind of project, not one
            if len(kept) >= 3 or (len(kept) == 2 and (kept[0].pos_ == "PROPN" or delimited)):
                if kept[-1] == chunk.root:
                    names.append(chunk.doc[kept[0].i:chunk.root.i + 1].text)
                    break
    place = most_specific(sent.places)
    return [ProjectRecord(name=name, participants=participants, place=place.name if place else None,
                          amount="; ".join(money) or None, year=year, status=status_of(text)) for name in names]
