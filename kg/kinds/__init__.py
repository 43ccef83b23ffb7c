"""How each kind of fact (:mod:`extract.kinds`) becomes RDF: one registered unit per kind, by the same key.

A mapping gives a record's node and its statements; :func:`kg.mapping.facts_to_quads` places them, with the
record's evidence, in the graphs of the documents that support it.  It also names the kind's class, the colour
``kg viz`` draws it in and the rule ``kg eval`` matches it by (:class:`kg.matching.GoldMatch`).  Adding a kind:
one module here (its ``MAPPING``), one in ``extract/kinds/``, and its class and properties in ``ontology/``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef

from ..matching import GoldMatch
from ..topics import TopicIndex

Triple = tuple  # (subject, predicate, object) as rdflib terms


@dataclass(frozen=True)
class MappingContext:
    """What a mapping may need beyond the record."""

    topics: TopicIndex | None = None  # to classify recommendations; without it they get no topic


@dataclass(frozen=True)
class KindMapping:
    """``statements(record, context)`` gives the record's node and what the graph says of it."""

    key: str  # the kind's key in extract.kinds
    statements: Callable[[Any, MappingContext], tuple[URIRef, list[Triple]]]
    cls: URIRef | None = None  # the class of its nodes
    colour: str | None = None  # its nodes' fill in ``kg viz``
    match: GoldMatch | None = None  # how ``kg eval`` scores it; None: not scored


def _registered() -> tuple[KindMapping, ...]:
    from . import facility, partnership, policy, project, recommendation

    return tuple(module.MAPPING for module in (facility, partnership, project, policy, recommendation))


MAPPINGS: tuple[KindMapping, ...] = _registered()
"""The mappings of the packaged kinds."""

__all__ = ["MAPPINGS", "KindMapping", "MappingContext"]
