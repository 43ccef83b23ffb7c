"""Names a text defines as another organisation's: "Hai Phong Economic Zone Authority (HEZA)",
"Keranji Semitest Holdings Berhad ("Keranji" or "the Group")", "Kyungtae Lightwave Precision, better known as KTL".

A name is short for the organisation named just before it when only an opening bracket (and a quote) stands
between them and the bracket closes, or goes on with "or" or a comma, right after it; or when "known as" ends
the words between them inside one sentence.  Whatever its letters spell: "KETRACO" is no acronym.  A quoted
capitalised name in such a bracket is one even when the recogniser did not take it for a name; a quoted "the
Group" or "the Company" there is how the text will refer to the firm, not a name.
"""
from __future__ import annotations

import re

from .names import Mention

_IN_BRACKETS = re.compile(r"^\s*\(\s*[\"“‘']?$")
_CLOSED = re.compile(r"^[\"”’']?\s*(?:\)|,|;|or\b)")  # "(HEZA)", '("Keranji" or ...)'; not "(NYSE: GLW)"
_KNOWN_AS_WORDS = r"\b(?:known|referred to) as"
_KNOWN_AS = re.compile(_KNOWN_AS_WORDS + r"\s*[\"“‘']?$", re.I)
# '("Keranji" or "the Group")': the quoted names in the bracket right after an organisation's name
_QUOTED_IN_BRACKETS = re.compile(r"^\s*\(\s*(?:[\"“‘'](?:the\s+)?([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})[\"”’']"
                                 r"(?:\s*(?:,|or|and)\s*)?)+")
_QUOTED_NAME = re.compile(r"[\"“‘'](the\s+)?([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})[\"”’']")
_WORDS_BETWEEN = 12  # "Acme Ltd., the South Korean maker of camera modules better known as ACM"
# the capitalised name after "known as" in the words that follow an organisation's name
_KNOWN_AS_NAME = re.compile(r"^[^.;()]*?" + _KNOWN_AS_WORDS + r"\s+[\"“‘']?([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})")


def defined_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions of a block with ``alias_of`` set on each organisation name the block defines as short for
    another, a mention added for each quoted short name the recogniser missed, and quoted "the Group"s gone."""
    out = list(mentions)
    for full in [m for m in mentions if m.kind == "organization"]:
        _add_known_as(text, full, out)
        _add_bracketed_short(text, full, out)
        if not (bracket := _QUOTED_IN_BRACKETS.match(text[full.end:])):
            continue
        for quoted in _QUOTED_NAME.finditer(bracket.group()):
            start, end = full.end + quoted.start(2), full.end + quoted.end(2)
            inside = [m for m in out if m.start < end and start < m.end]
            for m in inside:
                out.remove(m)
            if quoted.group(1):  # "the Group": a way to refer to the firm
                continue
            out.append(Mention("organization", quoted.group(2), full.label, full.sent_start, full.sent_end,
                               start=start, end=end, alias_of=full.name))
    _mark(text, out)
    return out


def _add_known_as(text: str, full: Mention, mentions: list[Mention]) -> None:
    """Add the name "known as" gives the organisation ``full`` when the recogniser did not take it for an
    organisation there ("Kyungtae Lightwave Precision Co., Ltd., ... better known as KTL")."""
    m = _KNOWN_AS_NAME.match(text[full.end:full.sent_end])
    if m and len(text[full.end:full.end + m.start(1)].split()) <= _WORDS_BETWEEN:
        _add_short(m.group(1), full, full.end + m.start(1), full.end + m.end(1), mentions)


# an unquoted short name in brackets: capitals, two or more of them ("(WRA)", "(KenGen)"); "(Singapore)" is a place
_BRACKETED_SHORT = re.compile(r"^\s*\(((?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&-]{1,11})\)")


def _add_bracketed_short(text: str, full: Mention, mentions: list[Mention]) -> None:
    """Add the short name in brackets right after the organisation ``full`` when the recogniser did not take it
    for an organisation there ("the Water Resources Authority (WRA) has ...")."""
    if m := _BRACKETED_SHORT.match(text[full.end:full.sent_end]):
        _add_short(m.group(1), full, full.end + m.start(1), full.end + m.end(1), mentions)


def _add_short(name: str, full: Mention, start: int, end: int, mentions: list[Mention]) -> None:
    """A mention of ``name`` at ``start:end`` as short for ``full``, in place of what the recogniser read there;
    nothing when it read an organisation there (that one is marked by :func:`_mark`)."""
    inside = [x for x in mentions if x.start < end and start < x.end]
    if any(x.kind == "organization" for x in inside):
        return
    for x in inside:
        mentions.remove(x)
    mentions.append(Mention("organization", name, full.label, full.sent_start, full.sent_end,
                            start=start, end=end, alias_of=full.name))


def _mark(text: str, mentions: list[Mention]) -> None:
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
