"""Combining what files yield: names resolved across files, non-organisations pruned, every relation linked.

:class:`FileFacts` is one file's yield before resolution (the unit the extraction cache stores);
:func:`combine` turns the files' yields into one :class:`~extract.records.FactSet`.
"""
from __future__ import annotations

import copy
from bisect import bisect_left
from dataclasses import dataclass, field

from .kinds import KINDS, Kind
from .link import Linker, link_claims, prune_organizations
from .policies import policy_key
from .records import Claim, DocumentRecord, Evidence, FactSet
from .reference import Reference
from .resolve import Located, resolve


@dataclass
class FileFacts:
    """What one file yields before cross-document resolution; the unit the cache stores."""

    documents: list[DocumentRecord]
    located: list[Located]
    authors: list[tuple[str, Evidence]]
    raw: FactSet  # relation records as extracted, before linking to resolved names
    policy_spans: list[tuple[str, int, int, str]]  # (doc id, file start, end, policy name)
    words: set[str]  # lower-case words, to tell common words from names
    claims: list[tuple[str, Claim]] = field(default_factory=list)  # (firm as written, what a sentence says of it)
    warnings: list[str] = field(default_factory=list)


def _sites_run_by_others(facilities: list, linker: Linker) -> frozenset[str]:
    """Organisation names that are the names of sites another organisation runs."""
    out = set()
    for f in facilities:
        site = linker.org(f.name)
        if site is not None and linker.org(f.operator) not in (None, site):
            out.add(site)
    return frozenset(out)


def combine(files: list[FileFacts], reference: Reference, *, kinds: tuple[Kind, ...] = KINDS) -> FactSet:
    """Resolve names across files, prune non-organisations and link every kind's records to resolved names."""
    located = [loc for f in files for loc in f.located]
    authors = [a for f in files for a in f.authors]
    # copies: linking fills in a record's policies, and the cached files' records must stay as read
    raw = FactSet(stated={kind.key: [copy.copy(x) for f in files for x in f.raw.stated.get(kind.key, [])]
                          for kind in kinds})
    policy_spans = [s for f in files for s in f.policy_spans]
    orgs, places, people = resolve(located, authors, reference)
    linker = Linker(orgs, places, reference)  # only to name the authors, which pruning keeps
    orgs = prune_organizations(orgs, people, policy_keys={policy_key(p.name) for p in raw.of("policies")},
                               keep={linker.org(name) or name for name, _ in authors},
                               common_words=set().union(*(f.words for f in files)),
                               parties=frozenset(linker.org(p) or p for rec in raw.of("partnerships") for p in rec.parties),
                               sites=_sites_run_by_others(raw.of("facilities"), linker))
    linker = Linker(orgs, places, reference)
    link_claims([c for f in files for c in f.claims], orgs, linker)
    spans_in: dict[str, list[tuple[int, int, int]]] = {}  # document -> (start, end, index) of its policy names
    for i, (doc_id, a, b, _) in enumerate(policy_spans):
        spans_in.setdefault(doc_id, []).append((a, b, i))
    for spans in spans_in.values():
        spans.sort()
    for rec in raw.of("recommendations"):  # the policies named inside its sentences, in the order they were read
        inside = set()
        for ev in rec.evidence:
            spans = spans_in.get(ev.document, [])
            for a, b, i in spans[bisect_left(spans, (ev.start,)):]:
                if a > ev.end:
                    break
                if b <= ev.end:
                    inside.add(i)
        rec.policies = [policy_spans[i][3] for i in sorted(inside)]
    linked: dict[str, list] = {}
    for kind in kinds:
        linked[kind.key] = kind.link(raw.stated[kind.key], linker, linked)
    return FactSet(documents=[d for f in files for d in f.documents], organizations=orgs, places=places,
                   people=people, stated=linked)
