"""Gold annotations for ``kg eval``: load the JSON files and find their quotes in the source text.

The format is described in ``eval/GOLD_FORMAT.md`` of the shared workspace: one
file per report section or document, with ``source`` (file name), ``lines``
(1-based, inclusive) and one list per kind of fact, each item with a verbatim
``evidence`` quote.  Quotes are located in the source file so that predicted
facts can be matched by where their evidence sits.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.errors import ExtractError
from extract.loader import decode

from .errors import GoldError

_LISTS = {
    "organization": "organizations",
    "person": "people",
    "facility": "facilities",
    "partnership": "partnerships",
    "project": "projects",
    "policy": "policies",
    "recommendation": "recommendations",
}
# Markdown emphasis and quote styles differ between the file and an annotator's copy.
_IGNORED = re.compile(r"[*_`“”\"‘’'\s]+")


@dataclass
class GoldItem:
    kind: str
    data: dict[str, Any]
    span: tuple[int, int] | None  # offsets of the evidence quote in the source file, if found


@dataclass
class GoldFile:
    path: Path
    source: str
    section: str
    start: int  # character offsets of ``lines`` in the source file
    end: int
    items: dict[str, list[GoldItem]] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)  # organisation name -> its surface forms


class _Squeezed:
    """The text with markdown, quotes and whitespace removed, mapped back to original offsets."""

    def __init__(self, text: str, offset: int) -> None:
        chars: list[str] = []
        origin: list[int] = []
        pos = 0
        for m in _IGNORED.finditer(text):
            for i in range(pos, m.start()):
                chars.append(text[i].casefold())
                origin.append(offset + i)
            pos = m.end()
        for i in range(pos, len(text)):
            chars.append(text[i].casefold())
            origin.append(offset + i)
        self.text = "".join(chars)
        self.origin = origin

    def find(self, quote: str) -> tuple[int, int] | None:
        needle = _IGNORED.sub("", quote).casefold()
        if not needle:
            return None
        for probe in (needle, needle[:60], needle[-60:]):
            i = self.text.find(probe)
            if i >= 0:
                if probe is needle:
                    return self.origin[i], self.origin[i + len(needle) - 1] + 1
                return self.origin[i], self.origin[min(i + len(needle), len(self.origin)) - 1] + 1
        return None


def gold_paths(paths: list[Path]) -> list[Path]:
    """The ``*.json`` files named or inside the given directories, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob("*.json")))
        elif path.is_file():
            found.append(path)
        else:
            raise GoldError(path, "no such file or directory")
    if not found:
        raise GoldError(paths[0] if paths else Path("."), "no gold *.json files found")
    return found


def _line_offsets(text: str, first: int, last: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    if not 1 <= first <= last <= len(starts):
        raise ValueError(f"lines {first}-{last} outside the file's {len(starts)} lines")
    end = starts[last] if last < len(starts) else len(text)
    return starts[first - 1], end


def load_gold(path: Path, *, corpus_dir: Path, lists: dict[str, str] | None = None) -> GoldFile:
    """Read one gold file and locate its quotes in ``corpus_dir/<source>``; ``lists`` maps each kind read to its
    list in the file (by default the seven kinds of the gold format)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        source = raw["source"]
        first, last = raw["lines"]
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(path, f"cannot read ({error})") from None
    except (ValueError, KeyError, TypeError) as error:
        raise GoldError(path, f"not a gold annotation file (see GOLD_FORMAT.md): {error}") from None
    source_path = corpus_dir / source
    try:
        text, _ = decode(source_path, source_path.read_bytes())  # as the loader reads it: same offsets
    except OSError:
        raise GoldError(path, f"its source {source_path} is missing; pass --corpus") from None
    except ExtractError as error:
        raise GoldError(path, f"its source cannot be read ({error})") from None
    try:
        start, end = _line_offsets(text, int(first), int(last))
    except ValueError as error:
        raise GoldError(path, str(error)) from None
    squeezed = _Squeezed(text[start:end], start)
    gold = GoldFile(path, source, str(raw.get("section", "")), start, end)
    for kind, name in (lists or _LISTS).items():
        entries = raw.get(name) or []
        if not isinstance(entries, list):
            raise GoldError(path, f"{name!r} must be a list")
        gold.items[kind] = [
            GoldItem(kind, entry, squeezed.find(entry.get("evidence") or "")) for entry in entries
            if isinstance(entry, dict)
        ]
    for org in raw.get("organizations") or []:
        names = {org.get("name") or "", *(org.get("aliases") or [])} - {""}
        for name in names:
            gold.aliases.setdefault(org["name"], set()).add(name)
    return gold
