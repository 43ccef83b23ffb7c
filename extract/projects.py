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
                    "new", "all", "various", "several", "its", "their", "our", "each", "any", "local"})
# a name in a chunk that is a policy's makes the chunk a part of it: "the Belt and Road Initiative (BRI) route"
_POLICY_WORDS = frozenset({"Initiative", "Plan", "Strategy", "Policy", "Programme", "Program"})


_COUNT_WORDS = {w: i for i, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
# "four state-level pilot zones of ICV in Tianjin (Xiqing District), Chongqing and Hunan (Changsha)": as many
# projects as places, each delimited by its own
_ITEM = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s*\([^()]*\))?"  # "Chongqing (Liangjiang New Area)"
_ENUMERATED = re.compile(
    rf"\b(?P<count>(?i:{'|'.join(_COUNT_WORDS)})|\d)\s+(?P<what>(?:[\w-]+\s+){{0,3}}?"
    r"(?:zones|projects|parks|bases|pilots|corridors|platforms|trials))\b(?P<of>\s+(?:of|for)\s+[^,;]*?)?"
    rf"\s+in\s+(?P<places>{_ITEM}(?:\s*,\s*(?:and\s+)?{_ITEM}|\s+and\s+{_ITEM})*)"
)
_PLACE_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _enumerated(sent: Sentence) -> list[tuple[str, str]]:
    """(name, place) for each listed place of "N <projects> in A, B and C", when the count matches."""
    out = []
    known = {p.name.casefold() for p in sent.places}
    for m in _ENUMERATED.finditer(sent.text):
        count = int(m.group("count")) if m.group("count").isdigit() else _COUNT_WORDS[m.group("count").lower()]
        places = [p.strip() for p in _PLACE_LIST.split(m.group("places"))]
        # every item a recognised place, its district in parentheses allowed: "Hunan (Changsha)"
        if len(places) != count or not all(re.split(r"\s*\(", p)[0].casefold() in known for p in places):
            continue
        what = m.group("what")[:-1] if m.group("what").endswith("s") else m.group("what")
        of = (m.group("of") or "").strip()
        for place in places:
            # the district in parentheses is the more specific place: "Chongqing (Liangjiang New Area)"
            inner = re.findall(r"\(([^()]*)\)", place)
            where = inner[0] if inner and inner[0].casefold() in known else re.split(r"\s*\(", place)[0]
            out.append((" ".join(filter(None, [what, of, "in", place])), where))
    return out


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
    own_place = dict(_enumerated(sent))
    names += [n for n in own_place if n not in names]
    participants = sent.org_names()
    money = amounts(text)
    year = first_year(text)
    if not names and (participants or money or year):
        for chunk in sent.noun_chunks:
            plural = chunk.root.lower_.endswith("s") and chunk.root.lower_[:-1] in _LOWER_HEADS
            if chunk.root.lower_ not in _LOWER_HEADS and not plural or chunk.root.text[:1].isupper():
                continue  # a capitalised head is a name, which the patterns above took or refused
            if any(t.text in _POLICY_WORDS or t.dep_ == "poss" and t.pos_ != "PROPN" for t in chunk):
                continue  # "the Belt and Road Initiative route", "its partners' market channels"
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
    return [ProjectRecord(name=name, participants=participants,
                          place=own_place.get(name) or (place.name if place else None),
                          amount="; ".join(money) or None, year=year, status=status_of(text)) for name in names]
