"""Cleaned text that remembers, for every character, where it came from in the file."""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass
class MappedText:
    """Text assembled from pieces of an original string, with an offset map.

    ``origin[i]`` is the offset in the original text of clean character ``i``;
    synthetic characters (joins, separators) map to the position they stand in for.
    """

    parts: list[str] = field(default_factory=list)
    origin: array = field(default_factory=lambda: array("l"))
    _length: int = 0

    def copy(self, original: str, start: int, end: int) -> None:
        """Append ``original[start:end]`` verbatim."""
        if end <= start:
            return
        self.parts.append(original[start:end])
        self.origin.extend(range(start, end))
        self._length += end - start

    def insert(self, text: str, at: int) -> None:
        """Append synthetic ``text`` standing for original position ``at``."""
        if not text:
            return
        self.parts.append(text)
        self.origin.extend([at] * len(text))
        self._length += len(text)

    def __len__(self) -> int:
        return self._length

    @property
    def text(self) -> str:
        joined = "".join(self.parts)
        self.parts = [joined]
        return joined

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span ``[start, end)`` to the original span it covers."""
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1
