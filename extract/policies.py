"""Policies: named plans, strategies, programmes, laws, regulations and targets.

Three patterns, none of them a list of names:

* a capitalised phrase ending in a policy head noun ("14th Five-Year Plan",
  "Foreign Investment Law", "Belt and Road Initiative");
* a quoted title that ends in a head noun, or that a sentence says was
  issued, released or followed ("According to the "Guiding Opinions of ..."");
* a lower-case target phrase ("carbon peaking and carbon neutrality goals").

:func:`policy_key` gives every surface form of one policy the same key
("the 14th FYP", "14th Five-Year Plan (2021-2025)").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .loader import is_contents_line
from .cues import described_as
from .lexicon import PLAN_NOUNS, PUBLIC_WORDS
from .records import PolicyRecord
from .sentences import TITLE_WORD, YEAR, Sentence

_CAP = TITLE_WORD
_CONN = r"(?:of|and|for|on|the|in|to|with|&|a|an)"

HEADS = (
    "Plan|Plans|Strategy|Strategies|Initiative|Initiatives|Law|Laws|Regulation|Regulations|Program|Programme|"
    "Programs|Programmes|Policy|Policies|Act|Directive|Guidelines|Guideline|Opinions|Opinion|Measures|Outline|"
    "Belt|Circle|Mechanism|Taxonomy|Scheme|Roadmap|Blueprint|Framework|Deal|Goals|Targets|Pact|Agenda|Notice|"
    "Rules|Provisions|Catalogue|Catalog|Action Plan|FYP|Agreement|Act|Planning|Charter|Treaty|Convention|Decree|"
    "Ordinance|Accord|Compact|Contribution|Contributions"
)
# a quoted name followed by its kind in lower case: "the "dual circulation" strategy", "the "Made Different" program"
_KIND_AFTER = re.compile(r"^[”\"」》]?\s*(strateg(?:y|ies)|polic(?:y|ies)|plans?|programs?|programmes?|initiatives?|"
                         r"campaigns?|schemes?|targets?|goals?|paradigm|agreement|pilot zones?)\b")
# a Chinese policy document is named head first: "Opinions on Promoting the High-Quality Development of Logistics"
_HEAD_FIRST = re.compile(
    rf"(?<![\w-])((?:Guiding |Implementation |Several )?(?:Opinions|Notice|Guidelines|Measures|Regulations|Provisions|"
    rf"Decision|Plan)[ ]+(?:on|for|of)[ ]+(?:{_CONN}[ ]+)*{_CAP}(?:[ \-–]+(?:{_CONN}[ ]+)*{_CAP})*)"
)
# a title may go on after its head noun: "Implementation Plan to Promote the ... of Logistics"
_TAIL = rf"(?:[ ]+(?:to|for|on|of)[ ]+(?:the[ ]+|a[ ]+)?{_CAP}(?:[ \-–]+(?:{_CONN}[ ]+)*{_CAP})*)?"
_NAMED = re.compile(
    rf"(?<![\w-])({_CAP}(?:[ \-–]+(?:{_CONN}[ ]+)*(?:{_CAP}|\([A-Z][a-z]+\)))*?[ \-–]+(?:{HEADS}){_TAIL})(?![\w-])(?![ ]+[A-Z])"
    rf"(?:\s*\((?:\d{{4}}\s*[-–]\s*\d{{4}})\))?"
)
# ("Climate Change (Amendment) Act": a word in brackets is part of a name; an acronym there defines one)
# a title in English quotes, Chinese corner or title brackets; each opener closes with its own closer
_QUOTED = re.compile(r"“([^”\"]{6,250})”|\"([^\"”]{6,250})\"|「([^」]{6,250})」|《([^》]{6,250})》|‘([^’]{6,250})’")
# a quoted title may also end in a budget word: "a 2 trillion yen ‘Green Innovation Fund’"
_QUOTED_HEAD_END = re.compile(r"\b(?:Fund|Budget)$")
# a goal may be quoted: 'China would reach "peak carbon" by 2030 and "carbon neutrality" by 2060'
_GOAL = r"(?:[\"“]?(?:(?:dual|double|twin)[- ]carbon|carbon (?:peak(?:ing)?|neutrality)|peak(?:ing)? (?:carbon|(?:CO2 |GHG |carbon )?emissions)|net[- ]zero(?: emissions?)?|zero[- ]carbon society)[\"”]?)"
_BY_YEAR = r"(?:\s+(?:by|before|in)\s+(?:FY)?\d{4})"
# a climate target: "carbon neutrality goals", "peak carbon by 2030 and carbon neutrality by 2060"
_TARGET = re.compile(
    rf"\b({_GOAL}(?:{_BY_YEAR}?\s+and\s+(?:carbon\s+)?{_GOAL})?(?:{_BY_YEAR}|\s+(?:goals?|targets?|commitments?))"
    rf"|{_GOAL}\s+and\s+(?:carbon\s+)?{_GOAL}{_BY_YEAR}?)",
    re.I,
)
_BIBLIOGRAPHY = re.compile(r"^\s*\[?\d+[.\]]\s*[“\"]")
_ISSUED = re.compile(
    r"\b(?:issued|released|promulgated|published|introduced|launched|put forward|adopted|enacted|announced|unveiled|"
    r"implemented|implementing|according to|under|in line with|in accordance with|pursuant to|guided by)\b",
    re.I,
)
_LEAD_DROP = frozenset(
    """according in under the this these that as with during by from for to on at since after before based following
    its their our his her both each every all implementing implement implemented promote promoting a an and""".split()
)
_HEAD_END = re.compile(rf"(?:{HEADS})(?:\s*\(\d{{4}}\s*[-–]\s*\d{{4}}\))?$")
_NOT_POLICY_NEXT = re.compile(r"^\s*(?:Association|Committee|Commission|Office|Bureau|Department|Institute|Council|Company|Group|Bank|Fund|Center|Centre)\b")


# a report's title, not a policy: "A Report on the Trends in ..."
_NOT_A_POLICY = re.compile(r"^(?:(?:A|An|The)\s+)?(?:Report|Study|Survey|Analysis|Review)\b")


class _Quote:
    """A quoted title: whichever quote pair matched, group 1 is its text."""

    def __init__(self, match: re.Match) -> None:
        self._match = match
        self._group = next(i for i in range(1, match.re.groups + 1) if match.group(i) is not None)

    def group(self, _: int = 1) -> str:
        return self._match.group(self._group)

    def start(self, group: int = 0) -> int:
        return self._match.start(self._group if group else 0)

    def end(self, group: int = 0) -> int:
        return self._match.end(self._group if group else 0)


@dataclass
class FoundPolicy:
    record: PolicyRecord
    start: int  # block-relative offsets of the name
    end: int


def policy_key(name: str) -> str:
    """One key for every surface form of a policy."""
    text = name.replace("FYP", "Five-Year Plan").replace("five-year plan", "Five-Year Plan")
    text = re.sub(r"\(\s*\d{4}\s*[-–]\s*\d{4}\s*\)|\b\d{4}\s*[-–]\s*\d{4}\b", " ", text)
    text = re.sub(r"^[“\"‘']*(?:the|The)\s+", "", text.strip())
    text = re.sub(r"^[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:’s|'s)\s+", "", text)  # "China's 14th Five-Year Plan"
    text = re.sub(r"[“”\"‘’']", "", text)
    words = re.findall(r"[a-z0-9]+", text.casefold())
    if words and words[-1] in ("initiative", "strategy", "period"):
        words = words[:-1] or words
    return " ".join(words)


def _trim(name: str, start: int, sent: Sentence) -> tuple[str, int]:
    """Drop leading words that are not part of the title: "Starting with the 14th Five-Year Plan"."""
    words = name.split()
    offset = start
    while len(words) > 1:
        token = sent.span.doc.char_span(sent.start + offset, sent.start + offset + len(words[0]), alignment_mode="expand")
        first = token[0] if token is not None and len(token) else None
        # "Energy Act, 2019 and the Climate Change Act": the year closes the title before it
        owner = re.sub(r"['’]s$", "", words[0])  # "China's Cybersecurity Law": the place is the jurisdiction
        droppable = words[0].lower().strip("’'s") in _LEAD_DROP or (words[0].isdigit() and words[1] in ("and", "or", "&")) or (
            owner != words[0] and any(p.name == owner for p in sent.places)) or (
            first is not None and (first.pos_ in ("ADP", "DET", "SCONJ", "PRON", "ADV", "CCONJ", "PART")
                                   or (first.pos_ == "VERB" and first.is_sent_start)))
        if not droppable:
            break
        offset = sent.text.index(words[1], offset + len(words[0]))
        words = words[1:]
    return " ".join(words).strip(" ,;:"), offset


def _specific(word: str, sent: Sentence, start: int) -> bool:
    """Does a two-word title name its owner or subject ("Paris Agreement", "RCEP Agreement", "2025 Plan")?"""
    return (
        word[:1].isdigit()
        or "-" in word
        or (word.isupper() and len(word) >= 2)
        or any(p.start - sent.start == start for p in sent.places)
        or _entity_at(sent, start) in ("GPE", "NORP", "LOC", "LAW", "EVENT")
    )


def _entity_at(sent: Sentence, start: int) -> str:
    """The recogniser's entity label of the token at ``start`` in the sentence ("Paris" in "Paris Agreement")."""
    span = sent.span.doc.char_span(sent.start + start, sent.start + start + 1, alignment_mode="expand")
    return span[0].ent_type_ if span is not None and len(span) else ""


def _year(name: str, sentence: str, issued: bool) -> str | None:
    m = YEAR.search(name)
    if m:
        return m.group()
    if issued:
        m = YEAR.search(sentence)
        return m.group() if m else None
    return None


def _spoken(words: list[str]) -> bool:
    """Are the quoted words a sentence someone says, not a title: most of them in lower case?"""
    return sum(w[:1].islower() for w in words) * 2 > len(words)


def _quoted_titles(text: str, issued: bool) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """(start, end, name) of the policy titles in quotes, and the quoted spans that are no title (slogans)."""
    spans: list[tuple[int, int, str]] = []
    blocked: list[tuple[int, int]] = []
    for m in map(_Quote, _QUOTED.finditer(text)):
        title = " ".join(m.group(1).split()).strip(" ,.;:")
        words = title.split()
        kind_after = _KIND_AFTER.match(text[m.end(1):])
        if kind_after and 1 <= len(words) <= 12 and not _HEAD_END.search(title):
            spans.append((m.start(1), m.end(), f"{title} {kind_after.group(1)}"))
            continue
        if not (title[:1].isupper() or title[:1].isdigit()):
            continue  # quoted speech, not a title: the names inside it still count
        if not 2 <= len(words) <= 40 or ", " in title and not issued:
            if not _spoken(words):
                blocked.append((m.start(1), m.end(1)))  # "Good Tale of Two Cities, Building ...": a slogan
            continue  # a quoted sentence: someone speaks, and the names inside it still count
        before = text[max(0, m.start() - 60) : m.start()]
        if _HEAD_END.search(title) or _QUOTED_HEAD_END.search(title) or (issued and _ISSUED.search(before) and re.search(rf"\b(?:{HEADS})\b", title)):
            spans.append((m.start(1), m.end(1), title))
        elif issued and re.search(r"\b(?:issued|released|promulgated|published|according to)\W*(?:the\s+)?$", before, re.I):
            spans.append((m.start(1), m.end(1), title))
    return spans, blocked


# an owner in the possessive before a name: "China's " of "China's Belt and Road Initiative"
_OWNER = re.compile(r"[A-Z][\w-]*['’]s[ ]+")


def _named(sent: Sentence, spans: list[tuple[int, int, str]], blocked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, name) of capitalised policy names outside ``spans`` and ``blocked``."""
    text = sent.text
    out: list[tuple[int, int, str]] = []
    for m in _NAMED.finditer(text):
        if any(a <= m.start(1) < b for a, b, _ in (*spans, *out)) or any(a <= m.start(1) < b for a, b in blocked):
            continue
        if _NOT_POLICY_NEXT.match(text[m.end(1):]):
            continue  # "Regional Plan Association" is an organisation
        if (owner := _OWNER.match(m.group(1))) and (after := _NAMED.match(text, m.start(1) + owner.end())):
            m = after  # "China's Belt and Road Initiative": the name after the owner, not "China's Belt"
        name, start = _trim(m.group(0).rstrip(".’'”"), m.start(0), sent)
        words = name.split()
        capitals = [w for w in words[:-1] if w[:1].isupper() or w[:1].isdigit()]
        if len(words) < 2 or not capitals:
            continue
        if len(words) == 2 and not _specific(words[0], sent, start):
            continue  # "Economic Circle", "Master Plan": a bare generic title is a back-reference
        out.append((start, m.end(0), name))
    return out


def find_policies(sent: Sentence) -> list[FoundPolicy]:
    """Policies named in one sentence."""
    text = sent.text
    if _BIBLIOGRAPHY.match(text) or is_contents_line(text):
        return []  # a reference list or a table of contents cites titles; it does not name policies
    issued = bool(_ISSUED.search(text))
    spans, blocked = _quoted_titles(text, issued)
    spans += _named(sent, spans, blocked)

    for m in _HEAD_FIRST.finditer(text):
        if not any(a <= m.start(1) < b for a, b, _ in spans):
            spans.append((m.start(1), m.end(1), m.group(1).rstrip(".")))

    for m in _TARGET.finditer(text):
        if not any(a <= m.start(1) < b for a, b, _ in spans):
            spans.append((m.start(1), m.end(1), re.sub(r"[\"“”]", "", m.group(1))))

    for a, b, name in _public_instruments(sent) + _described_programmes(sent) + _governments_programmes(sent) + \
            _purpose_plans(sent):
        if not any(x <= a < y or a <= x < b for x, y, _ in spans):
            spans.append((a, b, name))

    found: list[FoundPolicy] = []
    issuers = [o for o in sent.orgs if o.label == "GovernmentBody"]
    spans = [(a, b, name) for a, b, name in spans if not _NOT_A_POLICY.match(name) and not _firms_own(sent, a, b)]
    for start, end, name in spans:
        jurisdiction = next((p.name for p in sent.places if start - 20 <= p.start - sent.start < end), None)
        issuer = issuers[0].name if issued and issuers else None
        record = PolicyRecord(name=name, issuer=issuer, jurisdiction=jurisdiction, year=_year(name, text, issued))
        found.append(FoundPolicy(record, sent.start + start, sent.start + end))
    return found


# verbs (lemmas) whose subject starts a programme of its own: "Schneider Electric has launched Green Campus Program"
_LAUNCH_VERBS = frozenset({"launch", "start", "initiate", "introduce", "run", "create", "establish"})


def _firms_own(sent: Sentence, start: int, end: int) -> bool:
    """Is the name at ``start:end`` (sentence offsets) what a firm, not a government, launches or runs ("Since 2020,
    Schneider Electric has launched Green Co-innovation Campus Program")?  A firm's programme is no policy."""
    span = sent.span.doc.char_span(sent.start + start, sent.start + end, alignment_mode="expand")
    if span is None or span.root.dep_ != "dobj" or span.root.head.lemma_.lower() not in _LAUNCH_VERBS:
        return False
    firms = [(o.start, o.end) for o in sent.orgs if o.label != "GovernmentBody"]
    return any(c.dep_ == "nsubj" and any(a <= c.idx < b for a, b in firms) for c in span.root.head.children)


def _described_programmes(sent: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, name) of a proper name an apposition after its comma calls a programme, plan or scheme:
    "SG-READY, a government-backed programme to keep vaccine capacity"."""
    out = []
    span = sent.span
    for comma in span:
        if comma.text != "," or comma.i == span.start or span.doc[comma.i - 1].pos_ != "PROPN":
            continue
        first = comma.i - 1
        while first > span.start and (span.doc[first - 1].pos_ == "PROPN" or span.doc[first - 1].text == "-"):
            first -= 1
        name = span.doc[first:comma.i]
        # the description follows the comma at once: "a government-backed programme", not a clause
        after = span.doc[comma.i + 1:min(comma.i + 7, span.end)]
        plan = next((t for t in after if t.lower_ in PLAN_NOUNS), None)
        if plan is None or not after or after[0].pos_ != "DET" or any(
                t.pos_ not in ("DET", "ADJ", "NOUN", "ADV", "PUNCT", "VERB") for t in after[:plan.i - comma.i - 1]):
            continue
        if name.text[:1].isupper() and described_as(name, PLAN_NOUNS):
            out.append((name.start_char - sent.start, name.end_char - sent.start, name.text))
    return out


def _governing(sent: Sentence) -> Callable[[object], bool]:
    """A test of whether a token (an owner, a subject) is a government: a place or a government body of the
    sentence inside it, or a word that names one ("the city", "the provincial government")."""
    public = [(p.start, p.end) for p in sent.places] + \
        [(o.start, o.end) for o in sent.orgs if o.label == "GovernmentBody"]

    def governs(token) -> bool:
        return any(a <= t.idx < b for t in token.subtree for a, b in public) or token.lower_ in _GOVERNMENTS or \
            any(c.lower_ in _GOVERNMENTS for c in token.subtree)

    return governs


# a name before one of these, in lower case, names a programme: "its Made Different program"
_PROGRAMME_NOUNS = frozenset({"programme", "program", "initiative", "scheme", "fund", "plan", "strategy"})
_QUOTES = frozenset("'‘’\"“”")


def _governments_programmes(sent: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, name) of a programme a name before a lower-case programme noun names, when a government
    owns it: a place's or a government's in the possessive ("Vietnam's Investment support fund"), "its" when a
    place or a government is the subject ("Flanders launched its Made Different program"), public by its
    adjective ("the national PREPARE programme"), or launched by a government ("the regional government has
    introduced the 'chèques technologiques' voucher scheme").  A firm's programme is none."""
    doc, span = sent.span.doc, sent.span
    governs = _governing(sent)
    out = []
    for head in span:
        if head.lower_ not in _PROGRAMME_NOUNS or head.i == span.start:
            continue
        if not head.is_lower:
            if (named := _owned_title(sent, head, governs)) is not None:
                out.append(named)  # "Vietnam's Investment Support Fund"
            continue
        i = head.i - 1
        while i > span.start and doc[i].is_lower and doc[i].dep_ in ("compound", "amod") and doc[i].lower_ not in PUBLIC_WORDS:
            i -= 1  # what kind of programme: "voucher" of "the 'chèques technologiques' voucher scheme"
        if doc[i].text in _QUOTES:  # a quoted name: back to its opening quote
            opening = next((j for j in range(i - 1, max(span.start, i - 12) - 1, -1) if doc[j].text in _QUOTES), None)
            if opening is None or opening == i - 1:
                continue
            first = opening + 1
        elif doc[i].is_title or doc[i].is_upper and len(doc[i]) > 1:
            first = i
            while first > span.start and (doc[first - 1].is_title or doc[first - 1].is_upper and len(doc[first - 1]) > 1
                                          or doc[first - 1].text == "-") and doc[first - 1].pos_ not in ("DET", "PRON", "ADP"):
                first -= 1
        else:
            continue
        named = doc[first:head.i]
        if any(o.start <= named[0].idx < o.end for o in sent.orgs):
            continue  # a firm's: "Acme Bright Future program"
        owners = [c for c in head.children if c.dep_ == "poss" and not first <= c.i < head.i]
        verb = head.head if head.dep_ in ("dobj", "nsubjpass", "pobj") else None
        while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "prep"):
            verb = verb.head  # "with the launch of its ... initiative": up to the verb
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
        if not (any(governs(o) for o in owners if o.lower_ not in ("its", "their"))
                or any(o.lower_ in ("its", "their") for o in owners) and any(governs(s) for s in subjects)
                or any(c.lower_ in PUBLIC_WORDS for c in head.children if c.dep_ == "amod")
                or not owners and any(governs(s) for s in subjects)):
            continue
        name = " ".join(t.text for t in doc[first:head.i + 1] if t.text not in _QUOTES)
        out.append((doc[first].idx - sent.start, head.idx + len(head) - sent.start, name))
    return out


def _owned_title(sent: Sentence, head, governs) -> tuple[int, int, str] | None:
    """(start, end, name) of a capitalised programme a government owns in the possessive ("Vietnam's Investment
    Support Fund", "the government's Green Growth Fund"); "its" and a firm's own are none."""
    doc, span = sent.span.doc, sent.span
    if not any(governs(o) for o in head.children if o.dep_ == "poss" and o.lower_ not in ("its", "their")):
        return None
    first = head.i
    while first > span.start and doc[first - 1].dep_ != "poss" and (
            doc[first - 1].is_title and doc[first - 1].pos_ not in ("DET", "PRON", "ADP")
            or doc[first - 1].lower_ in ("and", "of", "for", "&") and first - 2 > span.start and doc[first - 2].is_title):
        first -= 1  # "China's Belt and Road Initiative"
    if first == head.i:
        return None
    return doc[first].idx - sent.start, head.idx + len(head) - sent.start, doc[first:head.i + 1].text


_PURPOSE_HEADS = frozenset({"plan", "strategy", "programme", "program", "roadmap", "initiative"})
_PURPOSE_PREPS = frozenset({"towards", "toward"})  # "for" is as often a period ("plan for 2025")


def _purpose_plans(sent: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, name) of a plan a government or a place makes, named in lower case by what it is for: "Shanghai
    has introduced a comprehensive implementation plan to accelerate the integration of AI into manufacturing",
    "Chongqing is speeding up the formulation of its action plan towards carbon-peak".  The name is the plan
    noun with the nouns before it and its purpose, to the first comma; a firm's plan and a plan for nothing
    stated are none."""
    doc, span = sent.span.doc, sent.span
    governs = _governing(sent)
    out = []
    for head in span:
        if head.lower_ not in _PURPOSE_HEADS:
            continue
        purpose = next((c for c in head.children if c.i > head.i and (
            c.dep_ == "acl" and c.pos_ == "VERB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            or c.dep_ == "prep" and c.lower_ in _PURPOSE_PREPS)), None)
        if purpose is None:
            continue
        owners = [c for c in head.children if c.dep_ == "poss"]
        verb = head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "prep", "dobj") and verb is not verb.head:
            verb = verb.head  # "the formulation of its action plan": up to the verb
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb.pos_ in ("VERB", "AUX") else []
        if not (any(governs(o) for o in owners if o.lower_ not in ("its", "their"))
                or (not owners or any(o.lower_ in ("its", "their") for o in owners)) and any(governs(x) for x in subjects)):
            continue
        first = head.i
        while first > span.start and doc[first - 1].dep_ == "compound" and doc[first - 1].is_lower:
            first -= 1  # "implementation" of "implementation plan"
        last = purpose.right_edge.i
        comma = next((t.i for t in doc[head.i:last + 1] if t.text in (",", ";")), None)
        if comma is not None:
            last = comma - 1
        if last - head.i > 20 or last <= head.i:
            continue
        name = doc[first:last + 1].text
        out.append((doc[first].idx - sent.start, doc[last].idx + len(doc[last]) - sent.start, name))
    return out


# the head nouns of a public instrument named in lower case: "the city's master plan"
_INSTRUMENTS = frozenset("plan strategy programme program scheme policy tax levy subsidy law act regulation roadmap "
                         "charter".split())
_GOVERNMENTS = frozenset("government city country state province ministry nation municipality county region "
                         "council authority authorities".split())


def _public_instruments(sent: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, name) of plans, taxes and programmes a government owns, named in lower case: the
    instrument noun with the nouns that name it ("master plan", "fertiliser subsidy programme"), owned by a
    government in the possessive ("the city's", "the government's"). A firm's plan, an unnamed "plan" and a
    "national development strategy" (no owner) are none."""
    out = []
    for chunk in sent.noun_chunks:
        root = chunk.root
        if root.lower_ not in _INSTRUMENTS or root.text[:1].isupper():
            continue
        owners = [t for t in root.children if t.dep_ == "poss"]
        owned = [x for t in owners for x in t.subtree]
        if not any(x.lower_ in _GOVERNMENTS for x in owned):
            continue  # "China's overall development strategy" names a direction, not an instrument
        naming = [t for t in root.lefts if t.dep_ in ("compound", "nmod") and t.pos_ == "NOUN" and t not in owned]
        if not naming:
            continue
        first = min(naming, key=lambda t: t.left_edge.i).left_edge
        end = root.idx + len(root.text)
        period = re.match(r"\s+for\s+(?:\d{4}\s*[-–]\s*\d{4}|\d{4})", sent.span.doc.text[end:end + 20])
        if period:
            end += period.end()
        name = " ".join(sent.span.doc.text[first.idx:end].split())
        out.append((first.idx - sent.start, end - sent.start, name))
    return out


_KIND_WORD = re.compile(r"\s+(?:Initiative|Strategy|Policy|Program|Programme|strategy|initiative|policy|program|programme)$")


def policies_named_again(found: list[PolicyRecord], said: list[tuple[str, list]]) -> list[PolicyRecord]:
    """A policy a document names in full, named again in its other sentences, in full or without its kind
    word ("the Belt and Road" after "the Belt and Road Initiative"): one record per further sentence."""
    forms: dict[str, PolicyRecord] = {}
    for rec in found:
        forms.setdefault(rec.name, rec)
        bare = _KIND_WORD.sub("", rec.name)
        if bare != rec.name and len(bare.split()) >= 2:
            forms.setdefault(bare, rec)
    if not forms:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    stated = {(ev.document, ev.start, policy_key(rec.name)) for rec in found for ev in rec.evidence}
    out = []
    for text, evidence in said:
        for name in dict.fromkeys(m.group(1) for m in pattern.finditer(text)):
            rec = forms[name]
            if (evidence[0].document, evidence[0].start, policy_key(rec.name)) in stated:
                continue
            stated.add((evidence[0].document, evidence[0].start, policy_key(rec.name)))
            out.append(PolicyRecord(name=rec.name, issuer=None, jurisdiction=None, year=None, evidence=evidence))
    return out
