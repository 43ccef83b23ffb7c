"""Read a document file and turn it into clean, structured text.

Cleaning strips HTML tags and markdown emphasis, drops footnote lines and
footnote markers, rejoins paragraphs split by page breaks and words split at a
line's end ("manu-" / "factures"), and keeps headings,
list items and table rows as blocks.  Every clean character keeps its offset
into the original file text (see :class:`~extract.textmap.MappedText`).
"""
from __future__ import annotations

import codecs
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .limits import MAX_FILE_BYTES
from .errors import BinaryDocument, DocumentTooLarge, EmptyDocument, InputNotFound, InputUnreadable, NoDocuments
from .textmap import MappedText

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# A paragraph is closed at the first sentence end past _SOFT_BLOCK characters and at _HARD_BLOCK in any
# case, so a file without blank lines never becomes one block larger than spaCy parses (1M characters)
# or than fits in memory once parsed.
_SOFT_BLOCK = 20_000
_HARD_BLOCK = 100_000
_MAX_LINE = 50_000

_HEADING = re.compile(r"#{1,6}\s+")
_BULLET = re.compile(r"[-*+•]\s+")
# "3. ", "b) ", "IV. ", and enclosed "(a) ", "(ii) ", "(3) ", also in bold ("**(a) ...")
_NUMBERED = re.compile(r"(?:\*\*)?(?:(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)]|\((?:\d{1,2}|[ivxIVX]{1,4}|[a-zA-Z])\))\s+\S")
# a bare "12 Source: ..." or "[^3] ..." is a footnote; "- 3 Finance: ..." is a numbered list item, "[3] Author: Title"
# an entry of a list of references; "3<TAB>Wuxi Test Base<TAB>..." is a table row with a serial number
_FOOTNOTE = re.compile(r"(?:[-*]\s*)?(?:<sup>\s*\d+\s*</sup>|\[\^\d+\]|\^\d+)|\d{1,3}[ \xa0]+[A-Z][a-z]")
_PIPE_RULE = re.compile(r"\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?\s*)?")
_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})\s*")
_TERMINAL = re.compile(r"[.!?:;。！？”\"')\]]\s*$")
_CONTINUATION = re.compile(r"(?:[\d.,%]+\s+)?[a-z(]")
_PROSE = 150  # characters: a paragraph this long is prose, not a heading or a caption, and ends with a full stop
# Spans removed from a line while its other characters are copied.
_DROP_WHOLE = re.compile(r"<sup>\s*\d+\s*</sup>|\\(?=[_\\*\[\]#])|\*+")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# HTML block elements: a line that opens one starts a block, a line that closes one ends it (HTML pasted into
# a text file has its structure in its tags, not in blank lines)
_BLOCK_TAGS = r"(?:p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|nav|aside|blockquote|figure)"
_OPENS_BLOCK = re.compile(rf"<{_BLOCK_TAGS}\b[^<>]*>", re.I)
_CLOSES_BLOCK = re.compile(rf"(?:</{_BLOCK_TAGS}>|<br\s*/?>)\s*$", re.I)
_HTML_HEADING = re.compile(r"<h([1-6])\b[^<>]*>", re.I)
_HTML_ITEM = re.compile(r"<li\b[^<>]*>", re.I)
# a navigation or share bar: "Home | About Us | News", "Home > News > 2025", "Share: Facebook | X | Email"
_NAV_SEPARATOR = re.compile(r"\s+[|>›»]\s+")
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\n]*)\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
_CONTENTS_LINE = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$")
# a header field of a memo, letter or mail: "**To:** Cabinet Secretary, ...", "Copy: The National Treasury"
_FIELD = re.compile(r"(?:\*\*)?[A-Z][\w-]*(?: [A-Za-z][\w-]*)?:(?:\*\*)?\s")


@dataclass
class Block:
    """A structural unit of clean text: heading, paragraph, list item or table row."""

    kind: str  # "heading" | "paragraph" | "item" | "row"
    start: int  # clean offsets
    end: int
    level: int = 0  # heading level (1 = "#")


@dataclass
class LoadedDocument:
    """A file's original text, its cleaned text and the structure found in it."""

    path: Path
    original: str
    clean: MappedText
    blocks: list[Block]
    sha256: str  # of the file's bytes
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.clean.text

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


# a figure's or a table's caption: "Graph 6: Map of Some Technology Companies in ...", "Fig.1: The targets of ..."
CAPTION = re.compile(r"^\W*(?:Fig|Figure|Table|Chart|Exhibit|Graph|Map|Diagram|Photo)\.?\s?\d")


def is_caption(text: str) -> bool:
    """Does this line caption a figure or a table?  It names what is drawn; it states nothing."""
    return bool(CAPTION.match(text))


def is_contents_line(text: str) -> bool:
    """Is this a table-of-contents line ("Recommendations for the Region ..... 216")? It cites, it states nothing."""
    return bool(_CONTENTS_LINE.search(text))


_BOMS = (  # longest first: a UTF-32 LE mark starts like a UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> tuple[str, list[str]]:
    """Read ``path`` as text (see :func:`decode`); undecodable bytes are replaced, with a warning.

    A file over ``max_bytes`` is refused before it is read, so memory stays bounded.
    """
    return decode(path, _read_bytes(path, max_bytes=max_bytes))


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    if not path.exists():
        raise InputNotFound(path)
    if not path.is_file():
        raise InputUnreadable(path, "not a regular file", "give a text file or a directory")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLarge(path, size, max_bytes)
        return path.read_bytes()
    except OSError as err:
        raise InputUnreadable(path, err.strerror or str(err)) from None


def decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    """The text of a file's bytes: UTF-8, or the UTF-8/16/32 its byte-order mark names (the mark dropped).

    Line ends are kept as they are (LF, CRLF or CR), so evidence offsets index exactly this text.
    """
    encoding, body = "utf-8", data
    for mark, name in _BOMS:
        if data.startswith(mark):
            encoding, body = name, data[len(mark):]
            break
    if encoding == "utf-8" and b"\x00" in body[:65536]:
        raise BinaryDocument(path)
    warnings: list[str] = []
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
        warnings.append(f"{path}: not valid {encoding.upper().replace('-LE', '').replace('-BE', '')}; "
                        "undecodable bytes were replaced")
    if not text.strip():
        raise EmptyDocument(path)
    return text, warnings


def find_documents(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and directories into supported document files, sorted by name.

    Returns the files and a warning for every skipped unsupported file.
    """
    files: list[Path] = []
    warnings: list[str] = []
    for path in paths:
        if not path.exists():
            raise InputNotFound(path)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith("."):
                    continue
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(child)
                else:
                    warnings.append(f"{child}: skipped (unsupported file type {child.suffix or 'none'})")
        elif path.is_file():
            files.append(path)
        else:  # a FIFO or a device: reading it could block or never end
            raise InputUnreadable(path, "not a regular file", "give a text file or a directory")
    if not files:
        raise NoDocuments(paths)
    return files, warnings


def load_document(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> LoadedDocument:
    """Read and clean one document file."""
    data = _read_bytes(path, max_bytes=max_bytes)
    original, warnings = decode(path, data)
    clean, blocks = clean_text(original)
    if not blocks:
        raise EmptyDocument(path)
    return LoadedDocument(path=path, original=original, clean=clean, blocks=blocks,
                          sha256=hashlib.sha256(data).hexdigest(), warnings=warnings)


def _line_kind(line: str) -> tuple[str, int, int]:
    """Classify a stripped line: (kind, heading level, length of the marker to drop)."""
    if m := _HEADING.match(line):
        return "heading", m.group().count("#"), m.end()
    if line.startswith("|") and line.count("|") >= 2:  # a markdown table's row, or the rule under its header
        return ("blank" if _PIPE_RULE.fullmatch(line) else "pipe-row"), 0, 0
    if _RULE.fullmatch(line):
        return "blank", 0, 0
    if _FOOTNOTE.match(line):
        return "footnote", 0, 0
    if m := _BULLET.match(line):
        return "item", 0, m.end()
    if _NUMBERED.match(line):
        return "item", 0, 0
    if "\t" in line:
        return "row", 0, 0
    return "paragraph", 0, 0


def _kept_spans(original: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``original[start:end]`` to copy once markup is removed."""
    line = original[start:end]
    drops: list[tuple[int, int]] = []
    for m in _LINK.finditer(line):
        drops.append((m.start(), m.start(1)))
        drops.append((m.end(1), m.end()))
    for m in _AUTOLINK.finditer(line):
        drops.append((m.start(), m.start(1)))
        drops.append((m.end(1), m.end()))
    for pattern in (_DROP_WHOLE, _TAG):
        drops.extend(m.span() for m in pattern.finditer(line))
    drops.sort()
    kept: list[tuple[int, int]] = []
    pos = 0
    for a, b in drops:
        if a > pos:
            kept.append((start + pos, start + a))
        pos = max(pos, b)
    if pos < len(line):
        kept.append((start + pos, end))
    # trim surrounding whitespace
    trimmed: list[tuple[int, int]] = []
    for a, b in kept:
        trimmed.append((a, b))
    while trimmed and not original[trimmed[0][0] : trimmed[0][1]].strip():
        trimmed.pop(0)
    while trimmed and not original[trimmed[-1][0] : trimmed[-1][1]].strip():
        trimmed.pop()
    if trimmed:
        a, b = trimmed[0]
        a += len(original[a:b]) - len(original[a:b].lstrip())
        trimmed[0] = (a, b)
        a, b = trimmed[-1]
        b -= len(original[a:b]) - len(original[a:b].rstrip())
        trimmed[-1] = (a, b)
    return trimmed


@dataclass
class _RawBlock:
    kind: str
    level: int
    lines: list[list[tuple[int, int]]]  # kept spans per source line
    gap_before: bool  # separated from the previous block by blank lines
    chars: int = 0
    joiner: str = " "  # what stands between two of its lines in the clean text (a tab between table cells)


def _lines(original: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of every line, ended by LF, CRLF or CR; a line longer than ``_MAX_LINE`` comes in
    pieces cut at spaces."""
    for match in _LINE.finditer(original):
        start, raw_line = match.start(), match.group(1)
        while len(raw_line) > _MAX_LINE:
            cut = raw_line.rfind(" ", _MAX_LINE // 2, _MAX_LINE) + 1 or _MAX_LINE
            yield start, raw_line[:cut]
            start, raw_line = start + cut, raw_line[cut:]
        yield start, raw_line


def _fits(block: _RawBlock, original: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a paragraph can take one more line and stay a size spaCy parses in bounded memory."""
    size = block.chars + 1 + sum(b - a for a, b in spans)  # + the space that joins the lines
    if size > _HARD_BLOCK:
        return False
    return size <= _SOFT_BLOCK or not _TERMINAL.search(_span_text(original, block.lines[-1]))


# a line that may be a page's running header or footer: short, a page number or cut by separators
_FURNITURE = re.compile(r"[^#|\t*+•-][^\t]{0,118}")
_FURNITURE_WORDS = 12


def _furniture_key(line: str) -> str | None:
    """The form two pages' headers (or footers) share, digits left out ("Acme plc | Annual Review # | #"); None for a
    line that cannot be one: long, a heading, a table row, an item, or neither a bare number nor cut by " | "."""
    if not _FURNITURE.fullmatch(line) or len(line.split()) > _FURNITURE_WORDS or _line_kind(line)[0] != "paragraph" \
            or not (line.isdigit() or re.search(r"\s\|\s", line)):
        return None
    return " ".join(re.sub(r"\d+", "#", line).split())


def _page_furniture(original: str) -> set[str]:
    """Keys (:func:`_furniture_key`) of the lines a converted document repeats on its pages: a running header or
    footer ("Acme plc | Annual Review 2024 | 7"), a bare page number.  They are no part of the text."""
    lines = [line.strip() for _, line in _lines(original) if line.strip()]
    seen = Counter(key for line in lines if (key := _furniture_key(line)))
    # furniture is a small part of a page: a text made of one line said again and again is that text
    return {key for key, n in seen.items() if 2 <= n <= max(3, len(lines) // 4)}


def _raw_blocks(original: str) -> list[_RawBlock]:
    blocks: list[_RawBlock] = []
    gap = True
    closed = False  # the line before closed an HTML block element
    current: _RawBlock | None = None
    furniture = _page_furniture(original)
    for line_start, raw_line in _lines(original):
        line_end = line_start + len(raw_line)
        stripped = raw_line.strip()
        if not stripped:
            current, gap = None, True
            continue
        if furniture and _furniture_key(stripped) in furniture:
            continue  # a page's header or footer, not the paragraph it interrupts
        lead = len(raw_line) - len(raw_line.lstrip())
        kind, level, marker = _line_kind(stripped)
        if kind == "blank":
            current, gap = None, True
            continue
        if kind == "footnote":
            current = None
            continue
        if kind == "pipe-row":
            cells = _pipe_cells(original, line_start + lead, line_end)
            if any(b > a for cell in cells for a, b in cell):
                blocks.append(_RawBlock(kind="row", level=0, lines=cells, gap_before=gap, joiner="\t",
                                        chars=sum(b - a for cell in cells for a, b in cell) + len(cells) - 1))
            current, gap = None, False
            continue
        if kind == "paragraph" and (m := _HTML_HEADING.match(stripped)):
            kind, level = "heading", int(m.group(1))
        elif kind == "paragraph" and _HTML_ITEM.match(stripped):
            kind = "item"
        if _OPENS_BLOCK.match(stripped) or closed:
            current = None
        closed = bool(_CLOSES_BLOCK.search(stripped))
        spans = _kept_spans(original, line_start + lead + marker, line_end)
        if not spans:
            continue
        if kind == "paragraph" and _navigation(_span_text(original, spans)):
            current, gap = None, True
            continue
        field = kind == "paragraph" and bool(_FIELD.match(stripped))
        if kind == "paragraph" and not field and current is not None and current.kind == "paragraph" \
                and _fits(current, original, spans):
            current.lines.append(spans)
            current.chars += 1 + sum(b - a for a, b in spans)
            continue
        current = _RawBlock(kind=kind, level=level, lines=[spans], gap_before=gap,
                            chars=sum(b - a for a, b in spans))
        blocks.append(current)
        if kind != "paragraph" or field:
            current = None  # a header field is a line of its own: "To: ..." then "Copy: ..." are two
        gap = False
    return blocks


def _navigation(text: str) -> bool:
    """A line of four or more short links between separators, and no sentence: a site's menu, breadcrumb or
    share bar ("Home | About Us | Services | News", "Home > News > Press Releases > 2025")."""
    items = _NAV_SEPARATOR.split(text.strip())
    return len(items) >= 4 and all(0 < len(item.split()) <= 3 for item in items) and not _TERMINAL.search(text)


def _pipe_cells(original: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """The kept spans of each cell of a markdown row "| a | b |"; an empty cell is an empty span at its pipe."""
    line = original[start:end].rstrip()
    bounds = [start + i for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\")]
    if len(line) and line[-1] != "|":
        bounds.append(start + len(line))  # a row whose last pipe is missing
    return [_kept_spans(original, a + 1, b) or [(a + 1, a + 1)] for a, b in zip(bounds, bounds[1:])]


def _span_text(original: str, spans: list[tuple[int, int]]) -> str:
    return "".join(original[a:b] for a, b in spans)


def _merge_page_breaks(original: str, blocks: list[_RawBlock]) -> list[_RawBlock]:
    """Rejoin a paragraph that a page break split in two."""
    merged: list[_RawBlock] = []
    for block in blocks:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and block.kind == "paragraph"
            and prev.kind == "paragraph"
            and not _TERMINAL.search(_span_text(original, prev.lines[-1]))
            # the next line goes on in lower case, or a long paragraph stops mid-sentence ("makers like Chana")
            and (_CONTINUATION.match(_span_text(original, block.lines[0])) or prev.chars >= _PROSE)
            and prev.chars + block.chars <= _SOFT_BLOCK
        ):
            prev.lines.extend(block.lines)
            prev.chars += block.chars + 1
            continue
        merged.append(block)
    return merged


def _broken_word(original: str, last: tuple[int, int], first: tuple[int, int]) -> bool:
    """Does a line end in a word the line break cut ("Pharma-" + "ceutical", as a converted PDF has it)? Its
    hyphen and the break are dropped then; a hyphen before a capital ("Sino-" + "German") is kept."""
    a, b = last
    head, tail = original[max(a, b - 3):b], original[first[0]:first[0] + 1]
    return len(head) == 3 and head[2] == "-" and head[:2].isalpha() and tail.islower()


def clean_text(original: str) -> tuple[MappedText, list[Block]]:
    """Clean ``original`` into mapped text and its blocks (see module docstring)."""
    out = MappedText()
    blocks: list[Block] = []
    for raw in _merge_page_breaks(original, _raw_blocks(original)):
        first = raw.lines[0][0][0]
        if blocks:
            out.insert("\n\n", first)
        start = len(out)
        broken = False
        for i, spans in enumerate(raw.lines):
            if i and not broken:
                out.insert(raw.joiner, spans[0][0])
            following = raw.lines[i + 1] if raw.joiner == " " and i + 1 < len(raw.lines) else None
            broken = following is not None and _broken_word(original, spans[-1], following[0])
            for n, (a, b) in enumerate(spans):
                out.copy(original, a, b - 1 if broken and n == len(spans) - 1 else b)
        blocks.append(Block(kind=raw.kind, start=start, end=len(out), level=raw.level))
    return out, blocks
