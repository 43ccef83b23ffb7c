"""The organisation a document speaks as, when the document names it.

A press release, an annual review or a firm's web page says "we", "our" and "the Group"; so that those
words name a firm, the firm must be named by the document itself, in one of the conventions writers
use for that:

- a defined term: ``Acme Holdings Berhad ("Acme" or "the Group")``, ``Acme plc ("Acme", the "Company")``;
- a boilerplate heading: ``About Acme`` (a press release's closing paragraph);
- a title whose subject is a name (``Acme Opens Its Tallinn Centre``) over a body that itself says "we" and
  "our" (outside quotations) at least three times: a firm's blog or news page.  The voice is that name's
  full form with a legal form where the text writes one (``Acme Robotics Ltd.``).

Nothing is guessed: a news article about a firm names no voice, and its "the company" stays unresolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# a name of capitalised words (with "&", "of", "and", legal forms and their full stops) just before "("
_NAME = (r"((?:[A-Z][\w&’'.-]*\s+)?(?:(?:[A-Z][\w&’'.-]*|&|of|and|de)\s+){0,7}?"
         r"(?:[A-Z][\w&’'.-]*|plc|ltd\.?|inc\.?|llc|gmbh|bhd\.?))")
_DEFINED = re.compile(
    _NAME + r"\s*\([^()]{0,60}?(?:the\s+[\"“”']?(?:Group|Company|Firm)\b|[\"“”']the\s+(?:Group|Company|Firm)[\"“”'])[^()]{0,40}\)"
)
_ABOUT = re.compile(r"^\W*About\s+(.{2,80}?)\s*:?\s*$")
_LEADING = re.compile(r"^(?:(?:The|A|An|In|On|At|By|Today|Yesterday)\s+)+")


@dataclass(frozen=True)
class Voice:
    name: str
    start: int  # clean-text offsets of the words that name it
    end: int


def document_voice(text: str, headings: list[tuple[int, int]]) -> Voice | None:
    """The organisation ``text`` speaks as (see the module docstring), or None.

    ``headings`` are the (start, end) clean-text offsets of the document's headings.
    """
    for m in _DEFINED.finditer(text):
        name = _LEADING.sub("", m.group(1)).strip()
        if len(name) >= 3:
            start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip())) + (len(m.group(1).strip()) - len(name))
            return Voice(name, start, start + len(name))
    for a, b in headings:
        if m := _ABOUT.match(text[a:b]):
            name = m.group(1).strip()
            if name[:1].isupper():
                return Voice(name, a + m.start(1), a + m.start(1) + len(name))
    return _title_voice(text, headings[0]) if headings else None


# the verbs a headline puts after its subject ("Acme Partners with Apex", "Acme opens plant")
_HEADLINE_VERBS = ("partners|teams|joins|opens|launches|announces|signs|expands|builds|invests|acquires|wins|"
                   "raises|unveils|completes|enters|starts|begins|secures|welcomes|introduces|breaks|celebrates|"
                   "goes|brings|is|are|has")
_TITLE_SUBJECT = re.compile(rf"^\W*((?:[A-Z][\w&’'.-]*\s+){{0,3}}?[A-Z][\w&’'.-]*)\s+(?i:{_HEADLINE_VERBS})\b")
_WE = re.compile(r"\b(?:we|our|us|we're|we've|we'll)\b", re.I)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_LEGAL = r"(?:Ltd\.?|Limited|Inc\.?|plc|PLC|LLC|GmbH|AG|SA|S\.A\.|Oy|AB|AS|Bhd\.?|Berhad|Corp\.?|Corporation|Co\.,? Ltd\.?)"


def _title_voice(text: str, title: tuple[int, int]) -> Voice | None:
    """The firm a title names as its subject, when the body speaks as "we" (see the module docstring)."""
    a, b = title
    if not (m := _TITLE_SUBJECT.match(text[a:b])) or m.group(1).split()[0] in ("The", "A", "An", "How", "Why"):
        return None
    body = _QUOTED.sub(" ", text[b:])
    if len(_WE.findall(body)) < 3:
        return None
    subject = m.group(1)
    full = re.search(rf"\b{re.escape(subject)}(?:\s+[A-Z][\w&’'-]*){{0,5}}\s+{_LEGAL}(?=[\s,.;:)]|$)", text[b:])
    if full:
        return Voice(full.group().rstrip("."), b + full.start(), b + full.start() + len(full.group().rstrip(".")))
    return Voice(subject, a + m.start(1), a + m.end(1))
