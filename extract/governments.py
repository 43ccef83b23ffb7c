"""Governments named by place or nationality, and places that act as their government."""
from __future__ import annotations

import re

from .names import Mention
from .reference import Reference


_GOVERNMENT_ACTS = re.compile(r"^(?:sign|establish|launch|issu|releas|announc|agre|found|fund|invest|cooperat|partner|"
                              r"approv|support|introduc|set)\w*$")


def acting_places(doc, reference: Reference) -> list[Mention]:
    """A province, city or municipality that acts ("Sichuan province and Chongqing city signed ...",
    "with funding from the Beijing municipality") is also an organisation: its government."""
    out = []
    for tok in doc:
        if tok.lower_ not in ("province", "city", "municipality") or tok.i == 0 or not reference.place(doc[tok.i - 1].text):
            continue
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok.head.head if tok.dep_ == "conj" \
            and tok.head.dep_ in ("nsubj", "nsubjpass") else None
        acts = verb is not None and _GOVERNMENT_ACTS.match(verb.lower_) is not None  # not "Chengdu city is large"
        funds = tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.lower_ in ("funding", "support")
        if acts or funds:
            span = doc[tok.i - 1: tok.i + 1]
            sent = span.sent
            out.append(Mention("organization", span.text, "GovernmentBody", sent.start_char, sent.end_char,
                               start=span.start_char, end=span.end_char))
    return out

# "the Chongqing municipal government", "the Japanese government", "Central Government"
_GOVERNMENT = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){1,5}(?:(?:[Mm]unicipal|[Pp]rovincial|[Rr]egional|[Dd]istrict|[Cc]ity|[Ll]ocal|"
    r"[Cc]entral|[Nn]ational|[Ff]ederal|[Ss]tate)\s+)?[Gg]overnment)s?\b"
)

_PROPER = r"[A-Z][\w'’-]+"
_PROGRAMME_AFTER = re.compile(r"[ -]+(?:programs?|programmes?|schemes?|subsid(?:y|ies)|funds?|initiatives?)\b")

_GOVERNMENT_OF = re.compile(rf"\b[Gg]overnments? of ((?:the )?{_PROPER}(?:(?:,\s*{_PROPER})*,?\s+and\s+{_PROPER})?)")

_LEVEL_GOVERNMENT = re.compile(r"\bthe ((?:central|national|federal) government)\b")

_NOT_GOVERNMENT_WORDS = frozenset({"The", "A", "An", "This", "That", "Our", "Its", "Their", "Both", "All", "Each"})


def government_mentions(doc, reference: Reference) -> list[Mention]:
    """Governments named by place or nationality: a government is an organisation that can partner or issue."""
    found = []
    for m in _GOVERNMENT.finditer(doc.text):
        if _PROGRAMME_AFTER.match(doc.text, m.end()) or m.group().endswith("s"):
            # "a new Chinese government program": what kind of programme, no government acting; "CCTCEC local
            # governments": a class of bodies, not one
            continue
        words = m.group(1).split()
        while words and words[0] in _NOT_GOVERNMENT_WORDS:
            words = words[1:]
        if len(words) < 2:
            continue
        first = words[0].rstrip("'’s")
        at = m.start(1) + m.group(1).index(words[0])
        first_token = doc.char_span(at, at + len(first), alignment_mode="expand")
        proper = first_token is not None and len(first_token) and first_token[0].pos_ == "PROPN" \
            and not first_token[0].is_sent_start  # "the Flanders government"; not a title-cased sentence opening
        if not (reference.place(first) or first.endswith(("ese", "ian", "an", "ish", "ch")) or proper
                or first in ("Central", "Federal", "State", "National")):
            continue
        # "Chongqing's government", "the ... Port Area's district government"; "People's Government" keeps its 's
        words = [w if re.match(r"People(?:’s|'s)$", w) else re.sub(r"(?:’s|'s)$", "", w) for w in words]
        name = " ".join(words)
        span = doc.char_span(at, m.end(1), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        found.append(Mention("organization", name, "GovernmentBody", sent.start_char, sent.end_char,
                             start=span.start_char, end=span.end_char))
    for m in _GOVERNMENT_OF.finditer(doc.text):  # "the governments of Michigan and Detroit"
        for place in re.split(r",?\s+and\s+|,\s*", m.group(1).removeprefix("the ")):
            if not reference.place(place) and not place[:1].isupper():
                continue
            at = m.start(1) + m.group(1).index(place)
            span = doc.char_span(at, at + len(place), alignment_mode="expand")
            if span is not None and span[0].pos_ == "PROPN":
                sent = span.sent
                found.append(Mention("organization", f"Government of {place}", "GovernmentBody", sent.start_char,
                                     sent.end_char, start=m.start(), end=m.end()))
    for m in _LEVEL_GOVERNMENT.finditer(doc.text):  # "the central government"
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            sent = span.sent
            found.append(Mention("organization", m.group(1).title(), "GovernmentBody", sent.start_char, sent.end_char,
                                 start=span.start_char, end=span.end_char))
    return found
