"""Rules as data: spaCy ``Matcher`` and ``DependencyMatcher`` pattern tables, one module per finder.

A ``Matcher`` table is a module-level ``CUES`` list of (label, patterns).  The ``kg_cues`` pipeline component
(:mod:`extract.patterns.component`, added last by :func:`extract.nlp.build_pipeline`) runs every table in
:data:`TABLES` over each parsed document and keeps the matches as labelled spans in ``doc.spans[<table>]``; a
finder reads those inside its sentence with :func:`cues`.
"""
from __future__ import annotations

from bisect import bisect_left

TABLES = ("facility", "partnership", "project", "recommendation")


def cues(span, table: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of the ``table`` matches that lie inside ``span``, offsets relative to ``span``, in
    the order of their start (what the table's ``Matcher`` run over ``span`` alone finds)."""
    group = span.doc.spans[table]
    first = bisect_left(group, span.start, key=lambda s: s.start)
    out = []
    for i in range(first, len(group)):
        found = group[i]
        if found.start >= span.end:
            break
        if found.end <= span.end:
            out.append((found.label_, found.start - span.start, found.end - span.start))
    return out
