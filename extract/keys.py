"""The one name key: two names are one name when their keys are equal.

Resolution (with the reference's legal forms dropped), the graph's name index behind ``kg show``, and
``kg eval`` all compare names by :func:`name_key`, so they cannot disagree on whether two names are one.
Importing this module costs nothing (no spaCy, no RDF).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "name_key", "words"]


def _unaccented(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """``text`` without accents, case-folded."""
    return _unaccented(text).casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``, letters and digits of any script (张邦辉 is a word too)."""
    return re.findall(r"[^\W_]+", fold(text))


_SEPARATORS = re.compile(r"[\s,]+")
_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16)  # a build keys the same names tens of thousands of times
def name_key(name: str, legal_forms: frozenset[str] = frozenset()) -> str:
    """Case, accent, space and punctuation insensitive key of a name (``AT&S`` and ``at s`` -> ``ats``),
    without the words of ``legal_forms`` (as written: "Ltd.", "GmbH") unless they are all it has."""
    text = _unaccented(name)
    kept = [w for w in _SEPARATORS.split(text) if w and w not in legal_forms]
    return _NOT_WORD.sub("", " ".join(kept or text.split()).casefold())
