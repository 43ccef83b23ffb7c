"""Recurring names: what a section calls an organisation is one wherever the name recurs in it.

The recogniser reads each sentence on its own and misses a firm it found two
sentences before ("Qualcomm will build an innovation center" has no entity, or
"Qualcomm" as a person).  One name keeps one sense within a section: the
section's author and every name recognised as an organisation at least twice
are organisations at each of their occurrences, and so is a name the section defines as an organisation's
("Acme Holdings Berhad ("Acme")"), and so is the first word of a recognised name standing alone ("Cirrusfield"
of "Cirrusfield Cloud, Inc.").  A one-word name that the file
also writes in lower case ("Land", "Transformation") is a common word that
happened to open a cell, not a name, and does not spread.
"""
from __future__ import annotations

import re
from collections import Counter

from .names import Mention, org_kind
from .reference import Reference

_MIN_SEEN = 2


# first words that are no firm's short name: "General" of "General Motors", "National" of "National Grid"
_NOT_SHORT = frozenset("""general national international united global new first royal central western eastern
    southern northern great grand state city china world american european asian african chinese japanese korean
    indian british german french""".split())


def _short_names(seen: Counter, reference: Reference, lower_words: set[str]) -> dict[str, str]:
    """{first word: full name} of the organisations recognised by a registered name (one that ends in an
    abbreviated legal form) whose first word names them alone ("Cirrusfield" of "Cirrusfield Cloud, Inc."): a
    capitalised word of four letters or more that the file never writes in lower case, no place, and the first
    word of one recognised name only."""
    firsts: dict[str, set[str]] = {}
    for name in seen:
        words = name.split()
        # a registered name, with its legal form: the name a firm is introduced by before its short name
        form = words[-1].rstrip(".,")  # an abbreviated form ("Inc.", "GmbH", "Oy"), not a word ("Group")
        if len(words) > 1 and form in reference.legal_forms and not (form.istitle() and len(form) > 3):
            firsts.setdefault(words[0].rstrip(",'’"), set()).add(name)
    return {word: next(iter(full)) for word, full in firsts.items()
            if len(full) == 1 and len(word) >= 4 and word[:1].isupper() and word.casefold() not in lower_words
            and word.casefold() not in _NOT_SHORT and not reference.place(word)}


def _inside_another_name(doc, span, full: str) -> bool:
    """Is ``span`` the first word of another capitalised name than ``full``: is the word after it capitalised but
    not ``full``'s next word ("Olympic Games" for "Olympic Sports Center"; "Brenntal Chemie" for "Brenntal Chemie
    AG" is the same name)?"""
    after = doc[span.end] if span.end < len(doc) else None
    following = full.split()[1] if len(full.split()) > 1 else ""
    if after is not None and after.lower_ in ("and", "of", "&") and span.end + 1 < len(doc) \
            and doc[span.end + 1].is_title and after.text != following:
        return True  # "Belt and Road Initiative" for "Belt and Road News Network" is the same start, not the name
    return after is not None and after.is_title and after.pos_ == "PROPN" and after.text != following.rstrip(",")


def recurring_organizations(kinds: list[str], docs: list, mentions: list[list[Mention]], reference: Reference, *,
                            author: str | None, lower_words: set[str]) -> list[list[Mention]]:
    """``mentions`` of each block, with an organisation mention added at each unrecognised occurrence of a
    name the section recognised as one (see module docstring); headings are left as they are."""
    seen = Counter(m.name for block in mentions for m in block if m.kind == "organization")
    defined = {m.name for block in mentions for m in block if m.alias_of}  # "Acme Holdings ("Acme")": a name
    known_places = {m.name for block in mentions for m in block if m.kind == "place"}
    # a name the words of the section make a place's ("SETTAT - ...", "the governor of Settat") names no firm in it,
    # unless it is the author's or the reference knows the firm (below); the recogniser's label alone does not
    # decide ("In southwest China, Hongkong Land has ..." read as a place)
    told = {m.name for doc, block in zip(docs, mentions) for m in block if m.kind == "place"
            and not any(e.label_ == "GPE" and e.start_char == m.start and e.end_char == m.end for e in doc.ents)}
    names = {n for n, c in seen.items() if c >= _MIN_SEEN and (n not in told or reference.organization(n))}
    names |= defined | ({author} if author else set())
    names = {n for n in names if not reference.place(n) and (" " in n or n.casefold() not in lower_words)}
    # a word the section uses as a place or a people's name is none ("California", "Danish", "Brno")
    placed = {e.text for doc in docs for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP")} | known_places
    short = {word: full for word, full in _short_names(seen, reference, lower_words).items()
             if word not in names and word not in placed}
    names |= set(short)
    # "Ringaskiddy, Co. Cork" makes Ringaskiddy a place; where the recogniser calls it a firm elsewhere in the
    # section ("Ringaskiddy manufactures the intermediates") it is still that place
    mentions = [[m for m in block if not (m.kind == "organization" and m.label != "GovernmentBody"
                                          and m.name in known_places and not reference.organization(m.name))]
                for block in mentions]
    if not names:
        return mentions
    pattern = re.compile(r"(?<![\w&.-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w&-])")
    out = []
    for kind, doc, found in zip(kinds, docs, mentions):
        if kind == "heading":
            out.append(found)
            continue
        kept = list(found)
        for match in pattern.finditer(doc.text):
            start, end = match.span()
            overlapping = [m for m in kept if m.start < end and start < m.end]
            if any(m.kind == "organization" or m.kind == "place" and m.label != "Place" for m in overlapping):
                continue  # named already, or inside a longer name, or a place the reference knows
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if match.group() in short and _inside_another_name(doc, span, short[match.group()]):
                continue  # "Olympic Games", "Tianfu International Airport": another name that starts alike
            for m in overlapping:
                kept.remove(m)  # "Qualcomm" read as a person, or as an unknown place
            sent = span.sent
            full = short.get(match.group())
            kept.append(Mention("organization", match.group(), org_kind(full or match.group(), reference),
                                sent.start_char, sent.end_char, start=start, end=end, alias_of=full))
        out.append(kept)
    return out
