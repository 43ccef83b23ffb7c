"""Names a text defines as another organisation's: "Hai Phong Economic Zone Authority (HEZA)",
"Keranji Semitest Holdings Berhad ("Keranji" or "the Group")", "Kyungtae Lightwave Precision, better known as KTL".

A name is short for the organisation named just before it when only an opening bracket (and a quote) stands
between them and the bracket closes, or goes on with "or" or a comma, right after it; or when "known as" ends
the words between them inside one sentence.  Whatever its letters spell: "KETRACO" is no acronym.
"""
from __future__ import annotations

import re

from .names import Mention

_IN_BRACKETS = re.compile(r"^\s*\(\s*[\"“‘']?$")
_CLOSED = re.compile(r"^[\"”’']?\s*(?:\)|,|;|or\b)")  # "(HEZA)", '("Keranji" or ...)'; not "(NYSE: GLW)"
_KNOWN_AS = re.compile(r"\b(?:known|referred to) as\s*[\"“‘']?$", re.I)
_WORDS_BETWEEN = 12  # "Acme Ltd., the South Korean maker of camera modules better known as ACM"


def mark_aliases(text: str, mentions: list[Mention]) -> None:
    """Set ``alias_of`` on each organisation mention of a block that the block defines as short for another."""
    orgs = sorted((m for m in mentions if m.kind == "organization"), key=lambda m: m.start)
    for i, short in enumerate(orgs):
        for full in reversed(orgs[:i]):
            if full.sent_start != short.sent_start or full.end > short.start or full.name == short.name:
                continue
            between = text[full.end:short.start]
            if _IN_BRACKETS.match(between) and _CLOSED.match(text[short.end:]) \
                    or _KNOWN_AS.search(between) and len(between.split()) <= _WORDS_BETWEEN:
                short.alias_of = full.name
            break  # only the nearest organisation before it
