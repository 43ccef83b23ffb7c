"""Split a document into sections: one per firm report in a compilation, else the whole file.

A compilation is recognised by its table of contents: rows of the form
``Title ..... AUTHOR (page)``.  Each row's section starts at the first heading
(or pair of consecutive headings) after the previous section's start whose
text matches the title, and ends where the next one starts.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from .loader import Block, LoadedDocument

_TOC_ROW = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<author>[^\t.][^\t]*?)\s*\((?P<page>\d+)\)\s*$")
_MIN_TITLE_SIMILARITY = 0.85
_WORD = re.compile(r"[A-Za-z][\w&'’.-]*")


@dataclass
class Section:
    """A titled part of a document, with its author firm when the document is a compilation."""

    title: str
    start: int  # clean offsets
    end: int
    author: str | None = None
    blocks: tuple[Block, ...] = ()


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def table_of_contents(doc: LoadedDocument) -> list[tuple[str, str, int]]:
    """The (title, author, index of the row's block) rows of a compilation's contents."""
    rows = []
    for i, block in enumerate(doc.blocks):
        if block.kind in ("row", "paragraph") and (m := _TOC_ROW.match(doc.block_text(block))):
            author = m.group("author").strip()
            if author and len(author) <= 40:
                rows.append((m.group("title").strip(), author, i))
    return rows if len(rows) >= 2 else []


def _title_matches(heading: str, title: str) -> bool:
    if not heading or not title:
        return False
    if heading == title or (len(title) >= 25 and title in heading):
        return True
    return SequenceMatcher(None, heading, title).ratio() >= _MIN_TITLE_SIMILARITY


def _find_title(doc: LoadedDocument, title: str, begin: int) -> int | None:
    """Index of the first heading block at or after ``begin`` that carries ``title``.

    A heading carries the title when it matches it closely, contains it, or
    together with the next block matches it (a title broken over two lines).
    """
    wanted = _norm(title)
    blocks = doc.blocks
    for i in range(begin, len(blocks)):
        if blocks[i].kind != "heading":
            continue
        text = _norm(doc.block_text(blocks[i]))
        if _title_matches(text, wanted):
            return i
        # a title broken over a heading and the line after it
        if i + 1 < len(blocks) and len(text) >= 15 and wanted.startswith(text):
            joined = text + " " + _norm(doc.block_text(blocks[i + 1]))
            if _title_matches(joined, wanted):
                return i
    return None


def author_name(text: str, author: str) -> str:
    """The author's name as the section writes it (``CORNING`` -> ``Corning``).

    Looks for the most frequent run of 1-4 words whose letters, ignoring case
    and punctuation, spell the table-of-contents author.
    """
    key = re.sub(r"[^0-9a-z]", "", author.lower())
    counts: Counter[str] = Counter()
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    for i in range(len(words)):
        joined = ""
        for j in range(i, min(i + 4, len(words))):
            if j > i and text[words[j - 1][2] : words[j][1]] not in (" ", "-"):
                break
            joined += re.sub(r"[^0-9a-z]", "", words[j][0].lower())
            if joined == key:
                counts[text[words[i][1] : words[j][2]].strip(".'’")] += 1
                break
            if not key.startswith(joined):
                break
    if counts:
        # prefer mixed-case writing over shouting capitals on ties
        return max(counts.items(), key=lambda kv: (kv[1], not kv[0].isupper()))[0]
    return author.title() if author.isupper() and len(author) > 4 else author


def split_sections(doc: LoadedDocument) -> list[Section]:
    """Sections of ``doc``: the compilation's firm reports, or one section for the whole text."""
    toc = table_of_contents(doc)
    starts: list[tuple[int, str, str]] = []  # (block index, title, toc author)
    begin = toc[-1][2] + 1 if toc else 0
    for title, author, _ in toc:
        found = _find_title(doc, title, begin)
        if found is None:
            continue
        starts.append((found, title, author))
        begin = found + 1
    if not starts:
        first = doc.blocks[0]
        title = next((doc.block_text(b) for b in doc.blocks if b.kind == "heading"), doc.block_text(first))
        return [Section(title=title[:200], start=0, end=len(doc.text), blocks=tuple(doc.blocks))]
    sections = []
    for k, (index, title, author) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(doc.blocks)
        blocks = tuple(doc.blocks[index:stop])
        start, end = blocks[0].start, blocks[-1].end
        sections.append(
            Section(title=title, start=start, end=end, author=author_name(doc.text[start:end], author), blocks=blocks)
        )
    return sections
