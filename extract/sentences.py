"""Sentence-level context shared by the relation extractors.

Each relation extractor looks at one sentence at a time: its spaCy span, the
organisations and places recognised in it, and the author firm of the section
(so that "we", "our" and "the company" inside a firm's own report name it).
Helpers here read status, years and amounts the same way for every family.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .names import Mention

_SELF = frozenset({"we", "our", "us", "ours"})
_ANAPHOR_NOUNS = frozenset({"company", "group", "firm"})
_COMPANY_WORDS = re.compile(r"\bthe (?:" + "|".join(sorted(_ANAPHOR_NOUNS)) + r")\b", re.I)
# one word of a title: "14th", "Five-Year", "Chongqing's", "2025"
TITLE_WORD = r"(?:\d+(?:st|nd|rd|th)|[A-Z][\w’'&.]*(?:-[\w’'.]+)*|\d{4})"
YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
MONEY = re.compile(
    r"(?:(?:RMB|USD|US\$|\$|€|¥|EUR|JPY|CNY)\s?[\d.,]+\s*(?:billion|million|bn|mn|trillion|thousand)?(?:\s*(?:yuan|dollars|euros|yen))?"
    r"|[\d.,]+\s*(?:billion|million|trillion|hundred million|thousand)?\s*(?:yuan|U\.?S\.? dollars|dollars|euros|yen|RMB|USD))",
    re.I,
)
CAPACITY = re.compile(
    r"[\d.,]+\s*(?:square meters|square metres|sqm|m2|mu|hectares|acres|tons|tonnes|units|sets|GW|MW|kW|GWh|MWh)\b[^,.;]*",
    re.I,
)
_UNDER_CONSTRUCTION = re.compile(r"\bunder construction\b|\bbeing (?:built|constructed)\b|"
                                 r"\b(?:is|are) (?:also |now |currently )?(?:building|constructing)\b|\bbroke ground\b", re.I)
# Hedged or future statements: the thing does not exist yet, at best it is planned.
_PLANNED = re.compile(
    r"\b(?:will|plans?|planned|planning|to be|intends?|intended|expects?|expected|aims?|proposed?|proposes|"
    r"considering|consider|could|would|(?-i:may)|might|should|hopes?|looks? forward|announced the plan|next \w+ years)\b"
    r"|(?-i:^[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*\s+to\s+(?:build|open|construct|set\s+up|launch|invest|expand))\b",  # "Intel to build"
    re.I,
)
_HYPOTHETICAL = re.compile(r"\b(?:could|would|might|(?-i:may)|if|considering|consider)\b", re.I)


@dataclass
class Sentence:
    """One sentence of a block, with the mentions inside it (block-relative offsets)."""

    text: str
    start: int
    end: int
    span: object  # spaCy Span
    orgs: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    author: str | None = None
    noun_chunks: list = field(default_factory=list)  # the block's noun chunks inside this sentence (spaCy Spans)
    antecedent: str | None = None  # the organisation the sentence before is about (its subject), in the same block

    def anaphor(self):
        """The subject that points back at an organisation: "It signed a lease with ...", "The company opened
        ..."; None for any other subject, and for an empty "it" ("It is expected that ...")."""
        root = self.span.root
        if root.lemma_ == "be" or any(c.dep_ in ("ccomp", "xcomp") for c in root.children):
            return None
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ == "it" or (child.lemma_.lower() in _ANAPHOR_NOUNS and [c.lower_ for c in child.children] == ["the"]):
                    return child
        return None

    def subject_org(self) -> str | None:
        """The organisation named as the subject of the sentence's main verb, if one is."""
        for child in self.span.root.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):  # "Acme Holdings Berhad is ...": csubj, at times
                for m in self.orgs:
                    if m.start <= child.idx < m.end:
                        return m.name
        return None

    def place_subject(self) -> bool:
        """Is the main verb's subject a place?  The parser takes the place of a fronted phrase for the subject
        ("Headquartered in Bayan Lepas, Penang, the Group provides ..."), so such a sentence keeps the firm
        the sentence before was about."""
        return any(p.start <= child.idx < p.end for child in self.span.root.children
                   if child.dep_ in ("nsubj", "nsubjpass") for p in self.places)

    def self_reference(self) -> bool:
        """Does the author speak of itself ("we", "our", "the company")?"""
        if self.author is None:
            return False
        words = {t.lower_ for t in self.span}
        if words & _SELF:
            return True
        # "the company" before any firm is named is the author: "the company formed a joint venture with Acme"
        company = _COMPANY_WORDS.search(self.text)
        return company is not None and all(company.start() < m.start - self.start for m in self.orgs)

    def org_names(self) -> list[str]:
        """Distinct organisation names in order of appearance, the author first when it speaks of itself."""
        names: list[str] = []
        if self.self_reference():
            names.append(self.author)  # type: ignore[arg-type]
        elif self.antecedent and self.anaphor() is not None:
            names.append(self.antecedent)  # "It signed a land lease with SEZA": the firm named before
        for m in sorted(self.orgs, key=lambda m: m.start):
            if m.name not in names:
                names.append(m.name)
        return names


def sentences(doc, mentions: list[Mention], author: str | None) -> list[Sentence]:
    """Group a parsed block's mentions by sentence.

    Mentions and noun chunks are found by bisection: a sentence of a long block must not scan the whole
    block (``Span.noun_chunks`` does), or the time grows with the square of the block's length.
    """
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    starts = [mentions[i].start for i in order]
    chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
    chunk_starts = [c.start for c in chunks]
    out = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        picked = order[bisect_left(starts, sent.start_char):bisect_left(starts, sent.end_char)]
        inside = [mentions[i] for i in sorted(picked)]  # in the order of ``mentions``, as the extractors expect
        first = bisect_left(chunk_starts, sent.start)
        own = [c for c in chunks[first:bisect_left(chunk_starts, sent.end, lo=first)] if c.end <= sent.end]
        out.append(Sentence(
            sent.text, sent.start_char, sent.end_char, sent,
            orgs=[m for m in inside if m.kind == "organization"],
            places=[m for m in inside if m.kind == "place"],
            author=author,
            noun_chunks=own,
        ))
    return out


def analyse(text: str, *, nlp, reference, author: str | None = None) -> list[Sentence]:
    """Parse one paragraph and return its sentences with their mentions (for tests and notebooks)."""
    from .mentions import doc_mentions

    doc = nlp(text)
    return sentences(doc, doc_mentions(doc, reference), author)


def status_of(text: str) -> str:
    """operating, planned or under_construction, read from the verbs of a statement.

    A hypothetical statement ("could build", "if ...") is planned at most.
    """
    if hypothetical(text):
        return "planned"
    if _UNDER_CONSTRUCTION.search(text):
        return "under_construction"
    if _PLANNED.search(text):
        return "planned"
    return "operating"


def hypothetical(text: str) -> bool:
    return bool(_HYPOTHETICAL.search(text))


def first_year(text: str) -> str | None:
    m = YEAR.search(text)
    return m.group() if m else None


def amounts(text: str) -> list[str]:
    return [m.group().strip(" ,") for m in MONEY.finditer(text) if re.search(r"\d", m.group())] + \
        [m.group().strip(" ,") for m in CAPACITY.finditer(text)]


_PLACE_RANK = {"Zone": 0, "City": 1, "Place": 2, "Province": 3, "Country": 4}


def most_specific(places: list[Mention]) -> Mention | None:
    """The most specific place: a zone before a city before a province before a country."""
    if not places:
        return None
    return min(places, key=lambda m: (_PLACE_RANK.get(m.label, 2), m.start))
