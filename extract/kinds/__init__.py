"""Kinds of fact, each one registered unit: its record class, how sentences state it, how its records are
linked to the resolved entities and merged.

A kind's records travel in :attr:`extract.records.FactSet.stated` under its ``key``, through the
extraction cache and ``facts.json``; ``kg`` maps them by the same key (:mod:`kg.kinds`).  Adding a kind is
one module here, one in ``kg/kinds/`` and its terms in ``ontology/`` (the recipe is in the README's
"How it works").  Organisations, people and places are not kinds in this sense: their names are resolved
across documents first (:mod:`extract.resolve`), and every kind links to them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Records = list[Any]


@dataclass(frozen=True)
class Kind:
    """One kind of fact.

    ``find`` reads one sentence (:class:`extract.sentences.Sentence`) and returns the records it states,
    without evidence (the caller adds the sentence); a kind without ``find`` is read by a step of its own in
    :mod:`extract.run` (policies keep their offsets for the recommendations; recommendations are read from
    whole sections).  ``find_in_title`` reads a title or a line without a full stop; when it finds a
    record there, that line's sentences are not read for this kind.  ``link`` turns the records of every
    file into the kept ones: names resolved by the linker (:class:`extract.link.Linker`), one record per
    fact; ``linked`` holds the kinds linked before it, in registry order.  ``again`` reads a sentence that
    states no record of its own and returns the record (one of ``recent``, found in this block or the two
    before, oldest first) that the sentence speaks of again ("The plant employs 900 people"); the caller
    adds the sentence to that record's evidence.
    """

    key: str  # its list in a FactSet and in facts.json: a plural noun
    record: type
    link: Callable[[Records, Any, dict[str, Records]], Records]
    find: Callable[[Any], Records] | None = None
    find_in_title: Callable[[str], Any] | None = None
    in_rows: bool = False  # a table row is read as a sentence too
    again: Callable[[Any, Records], Any] | None = None


def _registered() -> tuple[Kind, ...]:
    from . import facility, partnership, policy, project, recommendation

    return tuple(module.KIND for module in (facility, partnership, project, policy, recommendation))


KINDS: tuple[Kind, ...] = _registered()
"""The kinds every build reads, in the order they are linked (policies before the recommendations that
cite them)."""

__all__ = ["KINDS", "Kind"]
