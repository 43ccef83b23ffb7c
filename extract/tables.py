"""Tables: a column that lists organisations names one in every row.

The recogniser reads a table row by row and misses names that are easy in
context: in a column where other rows hold organisations ("Japanese companies |
Chinese companies"), a capitalised cell is one too ("Hongda"), and a name it
cut short inside its cell is the whole cell ("Jilin International Energy" +
"investment").
"""
from __future__ import annotations

import re

from .names import Mention, clean_name, not_an_organization, org_kind
from .reference import Reference

_MIN_ORG_ROWS = 2  # rows with a recognised organisation in a column before the column counts
_MAX_NAME_WORDS = 8
_FIRMS_PER_PERSON = 5  # rows with an organisation per row with a person, for a column to be one of firms
_NAME = re.compile(r"^[A-Z][\w&.,'’()\- ]*$")


def _cells(text: str) -> list[tuple[int, int]]:
    """(start, end) of each tab-separated cell of a row, whitespace trimmed."""
    out, start = [], 0
    for part in text.split("\t"):
        lead = len(part) - len(part.lstrip())
        out.append((start + lead, start + len(part.rstrip())))
        start += len(part) + 1
    return out


def table_organizations(kinds: list[str], docs: list, mentions: list[list[Mention]],
                        reference: Reference) -> list[list[Mention]]:
    """``mentions`` of each block, with the organisation columns of every table (a run of row blocks) filled in."""
    out = [list(m) for m in mentions]
    i = 0
    while i < len(kinds):
        if kinds[i] != "row":
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] == "row":
            j += 1
        _fill_table(range(i, j), docs, out, reference)
        i = j
    return out


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _fill_table(rows: range, docs: list, mentions: list[list[Mention]], reference: Reference) -> None:
    cells = {r: _cells(docs[r].text) for r in rows}
    first = rows[0]
    if not _has_digit(docs[first].text):
        if len(rows) > 2 and all(_has_digit(docs[r].text) for r in rows[1:]):
            # a header over dated or numbered rows ("SN | Pilot Zone Name | City"): whatever the recogniser
            # saw in it names a column, not a firm
            mentions[first][:] = [m for m in mentions[first] if m.kind != "organization"]
        if not mentions[first]:
            rows = rows[1:]  # a header row ("Dates | Japanese Companies | ..."): its cells name columns, not firms
    width = max((len(cells[r]) for r in rows), default=0)
    for column in range(width):
        holding = [r for r in rows if column < len(cells[r]) and any(
            cells[r][column][0] <= m.start < cells[r][column][1] for m in mentions[r] if m.kind == "organization")]
        if len(holding) < _MIN_ORG_ROWS:
            continue
        people = [r for r in rows if column < len(cells[r]) and any(
            cells[r][column][0] <= m.start < cells[r][column][1] for m in mentions[r] if m.kind == "person")]
        # a column of firms where the recogniser read a few as people ("Zenithnova Robotics"): those are firms too
        firms_column = len(holding) >= _FIRMS_PER_PERSON * max(len(people), 1)
        for r in rows:
            if column < len(cells[r]):
                _whole_cell(docs[r], cells[r][column], mentions[r], reference, people_are_firms=firms_column)


def _whole_cell(doc, cell: tuple[int, int], mentions: list[Mention], reference: Reference, *,
                people_are_firms: bool = False) -> None:
    """Make the cell's text one organisation mention, replacing a shorter one inside it."""
    start, end = cell
    text = doc.text[start:end]
    inside = [m for m in mentions if start <= m.start < end]
    # a place the reference does not know ("Hongda" read as a town) may be a firm here; a known place, a person
    # (outside a column of firms) or two names are not
    if len(inside) > 1 or any(m.kind == "person" and not people_are_firms or m.kind == "place" and m.label != "Place"
                              for m in inside):
        return
    name = clean_name(text)
    if len(name) < 2 or not _NAME.match(name) or len(name.split()) > _MAX_NAME_WORDS or reference.place(name) \
            or not_an_organization(name, reference):
        return  # not a name, or one of a place, a project or a site ("Wuxi Traffic Test Base")
    if inside and inside[0].kind == "organization" and (inside[0].start, inside[0].end) == (start, end):
        return  # whole already
    if inside and len(inside[0].name.split()) * 2 < len(text.split()):
        return  # the recogniser's name is the lesser part of the cell: "Talents" of "Talents and capital"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.like_num for t in span) or not any(t.pos_ == "PROPN" for t in span):
        return  # a date or a sentence, not a name
    sent = span.sent
    for m in inside:
        mentions.remove(m)
    mentions.append(Mention("organization", name, org_kind(name, reference), sent.start_char, sent.end_char,
                            start=start, end=end))
