"""Abbreviations defined in the text: "Internet of Things (IoT)", "Sumitomo Mitsui Banking Corporation (SMBC)".

The long form tells what the short one names: a defined term ("Advanced Driver
Assistance Systems (ADAS)") is not an organisation, whatever the recogniser said.
"""
from __future__ import annotations

import re

_DEFINED = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9&-]{1,9})\s*[),;]")
_WORD = re.compile(r"[A-Za-z0-9][\w&’'-]*")
_FILLERS = frozenset({"and", "of", "for", "the", "to", "&", "in", "on", "de"})
# "dimethyl ether (DME)", "power monitoring (PO)": a short form right after a lower-case noun abbreviates a thing
_AFTER_LOWER = re.compile(r"(?<![\w-])([a-z][a-z-]+)\s+\(\s*([A-Z][A-Za-z0-9&-]{1,9})\s*\)")


def _letters(short: str) -> str:
    return "".join(c for c in short if c.isalpha()).casefold()


def _initials(words: list[str], *, fillers: bool) -> str:
    parts = []
    for word in words:
        if not fillers and word.casefold() in _FILLERS:
            continue
        # "Vehicle-to-Everything" gives V, T, E; "Hi-tech" gives H, T
        parts.extend(p[0] for p in re.split(r"-", word) if p and (fillers or p.casefold() not in _FILLERS))
    return "".join(parts).casefold()


def definitions(text: str) -> list[tuple[str, str]]:
    """(short, long) pairs for each "Long Form (SHORT)" whose initials spell the short form."""
    found = []
    for m in _DEFINED.finditer(text):
        short = m.group(1)
        letters = _letters(short)
        if len(letters) < 2 or not any(c.isupper() for c in short):
            continue
        words = _WORD.findall(text[max(0, m.start() - 160):m.start()])[-(len(letters) + 4):]
        for i in range(len(words) - 1, -1, -1):  # the shortest run of words before "(" that spells it
            run = words[i:]
            if run[0][:1].casefold() != letters[0]:
                continue
            if letters in (_initials(run, fillers=False), _initials(run, fillers=True)):
                found.append((short, " ".join(run)))
                break
    return found


def after_common_nouns(text: str) -> list[tuple[str, str]]:
    """(noun, short) for each short form in parentheses right after a lower-case word, whatever its letters."""
    return [(m.group(1), m.group(2)) for m in _AFTER_LOWER.finditer(text)]
