"""The one slug function: document ids on the extraction side and every IRI on the graph side use it."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

__all__ = ["slugify"]

_MAX = 80


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)  # every IRI of a build is made through here, most of them many times
def slugify(text: str) -> str:
    """ASCII slug: accents folded, other characters collapsed to ``-`` (``AT&S`` -> ``at-s``), at most 80 long.

    Text with no ASCII letters or digits (e.g. Chinese) gets a short hash instead, so that two such
    names (two files "报告.txt" and "新闻.txt") still get distinct ids and valid IRIs.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", folded.lower()).strip("-")[:_MAX].strip("-")
    return slug or "u" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
