"""The organisation a document speaks as, when the document names it.

A press release, an annual review or a firm's web page says "we", "our" and "the Group"; so that those
words name a firm, the firm must be named by the document itself, in one of the conventions writers
use for that:

- a defined term: ``Acme Holdings Berhad ("Acme" or "the Group")``, ``Acme plc ("Acme", the "Company")``;
- a boilerplate heading: ``About Acme`` (a press release's closing paragraph).

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
    return None
