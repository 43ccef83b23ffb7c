"""Projects: concrete, delimited undertakings — investment and infrastructure projects, parks, corridors, events.

A project is either a capitalised name ending in a project head noun
("Chengdu-Chongqing Hydrogen Corridor", "China-Europe Railway Express",
"Smart China Expo") or a noun phrase ending in "project" with something that
delimits it: a participant, an amount or a year.  General aspirations ("a
project of national rejuvenation") have none of these and are skipped.
"""
from __future__ import annotations

import re

from .lexicon import FUNDING_VERBS, MONEY_NOUNS, PUBLIC_WORDS, SAYING_VERBS
from .loader import is_caption, is_contents_line
from .records import ProjectRecord
from .patterns import cues
from .patterns.project import CONNECTORS, HEADS, ZONE_KINDS
from .sentences import Sentence, amounts, first_year, most_specific, status_of

# a name followed by one of these is an organisation's: "Advanced Research Projects Agency"
_ORG_NEXT = frozenset({"Agency", "Association", "Committee", "Commission", "Office", "Bureau", "Company", "Group",
                       "Corporation", "Fund"})
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
_PROGRAMMES = frozenset({"programme", "program", "programmes", "programs"})
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


def _well_formed(tokens, label: str) -> bool:
    """Brackets closed, lower-case words only as connectors or after a hyphen inside a word, and a capitalised
    word or a bracket right before the heads ("Characteristics of Demonstration Zone" is no name)."""
    depth = 0
    for i, t in enumerate(tokens):
        depth += (t.text == "(") - (t.text == ")")
        glued = i > 1 and tokens[i - 1].text in ("-", "–") and not tokens[i - 1].whitespace_
        if depth < 0 or t.text[:1].islower() and t.text not in CONNECTORS and not glued and t.lower_ not in ("'s", "’s"):
            return False
    heads = next(i for i, t in enumerate(tokens) if i and (t.text in HEADS if label == "name" else t.text in ZONE_KINDS))
    return depth == 0 and tokens[heads - 1].text not in CONNECTORS


def _glued(span, i: int) -> bool:
    """Is token ``i`` written against the next one, inside a word ("5G", "Expo-related")?"""
    return i >= 0 and not span[i].whitespace_ and span[i].text[-1:].isalnum()


def _acts(head) -> bool:
    """Does the name whose last word is ``head`` act, as only a body does: the agent of a passive verb ("identified
    by the World Economic Forum"), an owner ("the World Economic Forum's Global Lighthouse Network"), or the
    subject of a verb of saying or deciding ("The Central Economic Work Conference pointed out ...")?"""
    return head.dep_ == "poss" or head.dep_ == "pobj" and head.head.dep_ == "agent" \
        or head.dep_ == "nsubj" and head.head.lemma_.lower() in SAYING_VERBS


def _names(span) -> list[str]:
    """The project names of a sentence (:mod:`extract.patterns.project`), leftmost first, none overlapping; a
    name an organisation's word follows ("Advanced Research Projects Agency") is no project's."""
    names, taken = [], 0
    # at one start the longest name whose next word is not glued to it by a hyphen ("Expo-related")
    for start, end, label in sorted({(s, -e, label) for label, s, e in cues(span, "project")}):
        end = -end
        while start < end - 1 and span[start].tag_ in ("VBN", "VBG"):
            start += 1  # "Located in the Silicon Valley": a participle before the name
        if start < taken or not _well_formed(span[start:end], label) or _glued(span, start - 1) or \
                end < len(span) and span[end].text in ("-", "–") and _glued(span, end - 1):
            continue
        taken = end
        # a capitalised word after the heads carries the name on: "Rift Valley Green Ammonia Ltd." names a firm
        if end < len(span) and (span[end].text in _ORG_NEXT or span[end].is_title and span[end].is_alpha):
            continue
        if not _acts(span[end - 1]):
            names.append(span[start:end].text)
    return names


# verbs whose passive subject is what a named funder pays for: "Phase one was financed by a loan from the AADB"
_FUNDED_VERBS = FUNDING_VERBS | {"support", "back"}


def _funded_undertaking(sent: Sentence) -> str | None:
    """What a named organisation pays for, when the sentence delimits it: the subject of a passive verb of funding
    whose agent is the organisation or its money ("The EUR 85 million investment was supported by a grant from
    IDA Ireland" -> "EUR 85 million investment"), or what a loan or grant is "for" ("a loan from the AADB for
    phase two" -> "phase two").  The sentence's undertaking is a project with funder and recipient as
    participants; an organisation, a person or a place paid for is not one."""
    if not sent.orgs:
        return None
    orgs = [(o.start, o.end) for o in sent.orgs]
    named = orgs + [(p.start, p.end) for p in sent.places]

    def is_funder(token) -> bool:  # the organisation, or its grant or loan ("a grant from IDA Ireland")
        nodes = [token] + [o for p in token.children if p.dep_ == "prep" and p.lower_ == "from"
                           for o in p.children if o.dep_ == "pobj"]
        return any(a <= t.idx < b for node in nodes for t in node.subtree for a, b in orgs)

    for tok in sent.span:
        target = None
        if tok.dep_ == "agent" and tok.head.lemma_.lower() in _FUNDED_VERBS \
                and any(is_funder(o) for o in tok.children if o.dep_ == "pobj"):
            target = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
        elif tok.lemma_.lower() in MONEY_NOUNS and tok.pos_ == "NOUN" and is_funder(tok):
            target = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"
                           for o in p.children if o.dep_ == "pobj"), None)
        if target is None or target.pos_ not in ("NOUN", "PROPN") or target.lemma_.lower() in MONEY_NOUNS - {"investment"}:
            continue
        words = [t for t in sent.span.doc[target.left_edge.i:target.i + 1] if t.pos_ not in ("DET", "PRON")]
        words += [t for t in target.children if t.i > target.i and t.dep_ == "nummod"]  # "phase two"
        if not words or any(a <= words[0].idx < b for a, b in named) or target.ent_type_ == "PERSON":
            continue  # an organisation or a place paid for is not an undertaking
        if len(words) < 2:
            continue  # "the project was supported by ...": one spoken of before, named there
        return " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return None


# verbs (lemmas) of working together, and the verbs of making whose object is then the joint undertaking
_TOGETHER_VERBS = frozenset({"cooperate", "collaborate", "partner", "work", "team", "join", "ally", "sign", "agree"})
_MAKING_VERBS = frozenset({"build", "develop", "construct", "establish", "create", "launch", "set", "deploy", "pilot",
                           "expand"})
# verbs (lemmas) of spending a sum: "will invest RM650 million to build ..."
_SPENDING_VERBS = frozenset({"invest", "spend", "allocate", "earmark", "commit"})


def _joint_undertaking(sent: Sentence) -> str | None:
    """What two or more named organisations work together to make: the object of a to-clause of making on a verb
    of working together ("ABB joined forces with Axpo to develop modular green hydrogen production plants in
    Italy", "Acme will work with partners like Apex and Zenith to build test scenarios for C-V2X in Chongqing"),
    or of a verb of making done jointly; and what a named organisation spends a sum to make ("it will invest
    RM650 million to build a third test plant in the Kulim Hi-Tech Park").  With the place or purpose phrase
    right after it; a pronoun or a single word made is too vague."""
    named = len(sent.org_names())
    if not named:
        return None
    for verb in sent.span:
        if verb.lemma_.lower() not in _MAKING_VERBS:
            continue
        purpose = verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        together = purpose and verb.head.lemma_.lower() in _TOGETHER_VERBS or \
            any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in verb.children)
        spent = purpose and verb.head.lemma_.lower() in _SPENDING_VERBS and any(
            t.like_num or t.ent_type_ == "MONEY" for c in verb.head.children if c.dep_ == "dobj" for t in c.subtree)
        if not (together and named >= 2 or spent):
            continue
        target = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if target is None:
            continue
        words = [t for t in sent.span.doc[target.left_edge.i:target.i + 1] if t.pos_ not in ("DET", "PRON")]
        after = next((c for c in target.children if c.dep_ == "prep" and c.lower_ in ("in", "for", "at")), None)
        if after is not None:
            words += list(after.subtree)
        if len([t for t in words if t.is_alpha]) < 3:
            continue
        return sent.span.doc[words[0].i:words[-1].i + 1].text
    return None


def find_projects(sent: Sentence) -> list[ProjectRecord]:
    """Every named project of a sentence, else at most one delimited "... project"."""
    text = sent.text
    if is_contents_line(text) or is_caption(text):
        return []
    names: list[str] = []
    for candidate in _names(sent.span):
        candidate = _trim(candidate)
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
            if chunk.root.lower_ in _PROGRAMMES and any(c.lower_ in PUBLIC_WORDS for c in chunk.root.children):
                continue  # "the national PREPARE programme", "a government-backed programme": a policy
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
    joint = _joint_undertaking(sent)
    if joint and joint not in names:
        names.append(joint)
    funded = None if names else _funded_undertaking(sent)
    if funded:
        names.append(funded)
        if len(participants) == 1 and sent.author and sent.author not in participants:
            participants = [sent.author, *participants]  # the funder's money went to the firm speaking
    place = most_specific(sent.places)
    return [ProjectRecord(name=name, participants=participants,
                          place=own_place.get(name) or (place.name if place else None),
                          amount="; ".join(money) or None, year=year, status=status_of(text)) for name in names]
