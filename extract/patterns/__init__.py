"""Rules as data: spaCy ``Matcher`` and ``DependencyMatcher`` pattern tables, one module per finder.

A ``Matcher`` table is a module-level ``CUES`` list of (label, patterns); :func:`matcher` builds it once per
pipeline vocabulary.
"""
from __future__ import annotations

import functools
import importlib


@functools.lru_cache(maxsize=8)  # (vocabulary, table): a build has one vocabulary
def matcher(vocab, table: str):
    """The spaCy ``Matcher`` of the ``CUES`` of ``extract.patterns.<table>``, for ``vocab``."""
    from spacy.matcher import Matcher

    built = Matcher(vocab)
    for label, patterns in importlib.import_module(f"{__name__}.{table}").CUES:
        built.add(label, patterns)
    return built
