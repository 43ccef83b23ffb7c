"""Cleaned text that remembers, for every character, where it came from in the file."""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class MappedText:
    """Text assembled from pieces of an original string, with an offset map.

    The map is kept as runs, one per piece, so it costs memory per piece, not
    per character: a 50 MB file does not need a 400 MB offset table.  Copied
    characters map to their own offsets; synthetic characters (joins,
    separators) map to the position they stand in for.
    """

    parts: list[str] = field(default_factory=list)
    _starts: array = field(default_factory=lambda: array("q"))  # clean offset where each run begins
    _origins: array = field(default_factory=lambda: array("q"))  # original offset of the run's first character
    _steps: array = field(default_factory=lambda: array("b"))  # 1: copied run; 0: synthetic run
    _length: int = 0

    def _append(self, text: str, at: int, step: int) -> None:
        self.parts.append(text)
        self._starts.append(self._length)
        self._origins.append(at)
        self._steps.append(step)
        self._length += len(text)

    def copy(self, original: str, start: int, end: int) -> None:
        """Append ``original[start:end]`` verbatim."""
        if end > start:
            self._append(original[start:end], start, 1)

    def insert(self, text: str, at: int) -> None:
        """Append synthetic ``text`` standing for original position ``at``."""
        if text:
            self._append(text, at, 0)

    def __len__(self) -> int:
        return self._length

    @property
    def text(self) -> str:
        joined = "".join(self.parts)
        self.parts = [joined]
        return joined

    def origin(self, index: int) -> int:
        """Offset in the original text of clean character ``index``."""
        run = bisect_right(self._starts, index) - 1
        return self._origins[run] + (index - self._starts[run]) * self._steps[run]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span ``[start, end)`` to the original span it covers."""
        if not self._length:
            return 0, 0
        if end <= start:
            pos = self.origin(start) if start < self._length else self.origin(self._length - 1) + 1
            return pos, pos
        return self.origin(start), self.origin(end - 1) + 1
