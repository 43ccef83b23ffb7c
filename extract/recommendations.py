"""Recommendations: the suggestions a report's author makes, read from document structure.

A recommendations part starts at a trigger — a heading such as "4.
Recommendations", "Policy suggestions for ...", "Advice to ...", or a lead-in
such as "we put forward the following suggestions:" — and runs until the next
heading that is not numbered under it (or a Summary / Conclusion / References
heading).  Inside it, one recommendation per numbered child heading; without
those, per numbered paragraph or list item; without those, per paragraph that
opens with an imperative verb.  Outside such parts, a sentence in which the
author explicitly suggests or advises ("Chongqing is advised to ...", "I would
like to propose ...") is one recommendation.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .patterns import cues

_TRIGGER = re.compile(
    r"\b(?:suggestions?|recommendations?|recommended actions?|proposals?|advice|way forward|what (?:should|can) be done)\b", re.I
)
_LEAD_IN = re.compile(
    r"\b(?:following|these|some|several|three|four|five|six)\s+(?:\w+\s+){0,2}(?:suggestions|recommendations|proposals|advice)\b"
    r"|\bwe (?:would like to )?(?:suggest|recommend|propose)\b[^.]*:\s*$",
    re.I,
)
_END = re.compile(
    r"^\W*(?:(?:part|chapter|section)\s+[\w.]+\W*)?(?:summary|conclusions?|concluding|closing|references|bibliography|"
    r"acknowledge?ments?|appendix|notes|endnotes|about the author)\b",
    re.I,
)
_NUMBER = re.compile(r"^\s*(?:(?:part|chapter)\s+)?\(?((?:\d+(?:\.\d+)*)|[IVXivx]+|[a-z])[.):]?(?=\s)\s*", re.I)
_ROMAN = re.compile(r"[IVX]{1,5}|[ivx]{1,5}")


@dataclass
class BlockView:
    """What the recommendation finder needs of one block."""

    kind: str  # heading | paragraph | item | row
    level: int
    text: str
    doc: object  # spaCy Doc of the block


@dataclass
class FoundRecommendation:
    text: str
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (block index, start, end) of the evidence
    trigger: int | None = None  # block index of the trigger heading or lead-in


def numbering(text: str) -> str | None:
    """The outline number a heading or paragraph starts with ("3.2.1", "IV", "a"), if any."""
    m = _NUMBER.match(text)
    if not m:
        return None
    number = m.group(1)
    if number.isalpha() and len(number) == 1 and not re.match(r"^\s*\(?[a-zA-Z][.)]", text):
        return None  # "A smart city ..." is a sentence, not item "a"
    if number.isalpha() and not re.fullmatch(r"[IVXivx]+|[a-z]", number):
        return None
    return number


def _strip_number(text: str) -> str:
    m = _NUMBER.match(text)
    return text[m.end():].lstrip(" .):\t").rstrip() if m and numbering(text) else text.strip()


def _is_closing(text: str) -> bool:
    return bool(_END.search(_strip_number(text)) or _END.search(text))


# "we will pay attention to the following points. (1) Take ...; (2) Develop ...; (3) Upgrade ..."
_INLINE_LEAD = re.compile(r"\b(?:following|these)\s+(?:\w+\s+){0,2}(?:points|suggestions|recommendations|proposals|"
                          r"measures|steps|priorities)\b|\bwe (?:would like to )?(?:suggest|recommend|propose)\b", re.I)
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[\s.;:]))\((\d)\)\s+")


def _inline_items(text: str) -> list[tuple[int, int]]:
    """(start, end) of each item of a numbered list run into a paragraph after a lead-in, when it counts 1, 2, ..."""
    marks = list(_INLINE_NUMBER.finditer(text))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)) \
            or not _INLINE_LEAD.search(text[:marks[0].start()]):
        return []
    out = []
    for m, following in zip(marks, marks[1:] + [None]):
        end = following.start() if following else len(text)
        stop = re.search(r"[.;]\s|[.;]?$", text[m.end():end])  # the item ends at its first full stop
        out.append((m.end(), m.end() + stop.start()))
    return [(a, b) for a, b in out if len(text[a:b].split()) >= 3]


def _closing_parts(blocks: list[BlockView]) -> set[int]:
    """Blocks under a Summary / Conclusion / References heading: they repeat or cite, they do not suggest."""
    inside: set[int] = set()
    level = None
    for i, view in enumerate(blocks):
        if view.kind == "heading":
            if _is_closing(view.text):
                level = view.level
                continue
            if level is not None and view.level <= level:
                level = None
        if level is not None:
            inside.add(i)
    return inside


def _first_sentence(view: BlockView) -> tuple[int, int]:
    """The first sentence with words in it; a leading "2." that the parser split off stays attached."""
    start = None
    for sent in view.doc.sents:
        if start is None and sent.text.strip():
            start = sent.start_char
        if sum(1 for t in sent if t.is_alpha) >= 2:
            return start if start is not None else sent.start_char, sent.end_char
    return 0, len(view.text)


def _is_child(number: str | None, parent: str | None) -> bool:
    if number is None:
        return False
    if parent is None or not parent[0].isdigit():
        return True
    return number.startswith(parent + ".")


def _imperative(view: BlockView, *, skip_number: bool = False) -> bool:
    tokens = [t for t in view.doc if not t.is_space and not t.is_punct]
    if skip_number:
        number = numbering(view.text)
        while tokens and (tokens[0].text.lower() in (number or "").lower() or tokens[0].like_num or len(tokens[0].text) == 1):
            tokens = tokens[1:]
    return bool(tokens) and tokens[0].tag_ == "VB" and tokens[0].text[:1].isupper()


def _scope(blocks: list[BlockView], start: int) -> range:
    trigger = blocks[start]
    number = numbering(trigger.text) if trigger.kind == "heading" else None
    end = start + 1
    while end < len(blocks):
        view = blocks[end]
        if view.kind == "heading":
            if _is_closing(view.text):
                break
            child_number = numbering(view.text)
            if trigger.kind == "heading":
                if number is not None and number[0].isdigit():
                    if not _is_child(child_number, number):
                        break
                elif _ROMAN.fullmatch(number or "") and _ROMAN.fullmatch(child_number or ""):
                    break  # "IV." after "III. Suggestions" is the next part, whatever its heading level
                elif child_number is None and view.level <= trigger.level:
                    break
            else:
                break  # a lead-in's list ends at the next heading
        end += 1
    return range(start + 1, end)


def _items(blocks: list[BlockView], scope: range, parent: str | None) -> list[int]:
    headings = [i for i in scope if blocks[i].kind == "heading" and _is_child(numbering(blocks[i].text), parent)]
    if not headings:  # unnumbered sub-headings under a suggestions heading
        headings = [i for i in scope if blocks[i].kind == "heading" and blocks[i].level > blocks[scope.start - 1].level]
    if headings:
        def depth(i: int) -> tuple[int, int]:
            return ((numbering(blocks[i].text) or "").count("."), blocks[i].level)

        def kind(i: int) -> tuple[int, str, int]:
            # "3) ..." and "4) ..." are one list whatever heading level a converted document gave each; a
            # dotted number ("3.1") or none is placed by its level too
            number = numbering(blocks[i].text) or ""
            shape = re.sub(r"\d+", "9", re.sub(r"(?i)\b[a-z]\b", "a", number))
            return number.count("."), shape, 0 if shape and "." not in shape else blocks[i].level

        top = kind(min(headings, key=depth))
        return [i for i in headings if kind(i) == top]
    numbered = [i for i in scope if blocks[i].kind in ("paragraph", "item") and numbering(blocks[i].text)]
    if numbered:
        return numbered
    items = [i for i in scope if blocks[i].kind == "item"]
    if items:
        return items
    return [i for i in scope if blocks[i].kind == "paragraph" and _imperative(blocks[i])]


def find_recommendations(blocks: list[BlockView]) -> list[FoundRecommendation]:
    """The recommendations of one section, in reading order."""
    covered: set[int] = _closing_parts(blocks)
    return [*_listed(blocks, covered), *_numbered_imperatives(blocks, covered), *_stated(blocks, covered)]


def _listed(blocks: list[BlockView], covered: set[int]) -> Iterator[FoundRecommendation]:
    """The items listed under a suggestions heading or a lead-in paragraph; their blocks join ``covered``."""
    for i, view in enumerate(blocks):
        if i == 0 or (i in covered and view.kind != "heading"):
            continue
        is_trigger = (view.kind == "heading" and _TRIGGER.search(view.text) and not _END.search(_strip_number(view.text))) or (
            view.kind == "paragraph" and len(view.text) < 400 and _LEAD_IN.search(view.text)
        )
        if not is_trigger:
            continue
        scope = _scope(blocks, i)
        parent = numbering(view.text) if view.kind == "heading" else None
        nested = [j for j in scope if blocks[j].kind == "heading" and _TRIGGER.search(blocks[j].text)]
        # a child that is itself a suggestions part ("3.2 Policy suggestions") gives its own children
        chosen = [j for j in _items(blocks, scope, parent) if j not in nested]
        if not chosen:
            continue  # no list under it: its explicit suggestions are found sentence by sentence below
        if blocks[chosen[0]].kind == "heading":
            # numbered paragraphs that open with an imperative are items too: a last item or sub-items set in
            # bold type rather than as headings ("5. Accelerate ...", "a) Provide incentives ...")
            chosen = sorted(set(chosen) | {j for j in scope if blocks[j].kind in ("paragraph", "item")
                                           and numbering(blocks[j].text) and _imperative(blocks[j], skip_number=True)})
        covered.update(scope)
        for j in chosen:
            text, spans = _item_text(blocks, j, scope)
            if len(text.split()) >= 2:
                yield FoundRecommendation(text=" ".join(text.split()), spans=spans, trigger=i)


def _item_text(blocks: list[BlockView], j: int, scope: range) -> tuple[str, list[tuple[int, int, int]]]:
    """A listed item's text and spans: a heading with its paragraph's first sentence, else its first sentence."""
    item = blocks[j]
    if item.kind != "heading":
        a, b = _first_sentence(item)
        return _strip_number(item.text[a:b]), [(j, a, b)]
    spans = [(j, 0, len(item.text))]
    follower = j + 1
    if follower < len(blocks) and blocks[follower].kind == "paragraph" and follower in scope:
        a, b = _first_sentence(blocks[follower])
        spans.append((follower, a, b))
    return _strip_number(item.text), spans


def _numbered_imperatives(blocks: list[BlockView], covered: set[int]) -> Iterator[FoundRecommendation]:
    """Outside a suggestions part, a numbered heading or item that opens with an imperative is one too."""
    for i, view in enumerate(blocks):
        if i in covered or i == 0 or not numbering(view.text) or not _imperative(view, skip_number=True):
            continue
        covered.add(i)
        if view.kind == "heading":
            text, spans = _strip_number(view.text), [(i, 0, len(view.text))]
        else:
            a, b = _first_sentence(view)
            text, spans = _strip_number(view.text[a:b]), [(i, a, b)]
        if len(text.split()) >= 3:
            yield FoundRecommendation(text=" ".join(text.split()), spans=spans)


def _stated(blocks: list[BlockView], covered: set[int]) -> Iterator[FoundRecommendation]:
    """Inline lists and sentences in which the author recommends, in the blocks not yet read."""
    for i, view in enumerate(blocks):
        if i in covered or view.kind == "heading":
            continue
        inline = _inline_items(view.text)
        if inline:
            covered.add(i)
            yield from (FoundRecommendation(text=" ".join(view.text[a:b].split()), spans=[(i, a, b)]) for a, b in inline)
            continue
        for sent in view.doc.sents:
            if cues(sent, "recommendation"):
                yield FoundRecommendation(text=" ".join(sent.text.split()), spans=[(i, sent.start_char, sent.end_char)])
