"""How ``kg eval`` compares a fact read from the graph with a gold entry.

The tests every kind shares (names by the name key, text by Dice overlap, evidence by offsets) and
:class:`GoldMatch`, one kind's rule; the organisation and person rules are here, each fact kind's in its
``kg/kinds`` module.  The rules in words are in :mod:`kg.evaluate`'s docstring.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extract import keys

from .gold import GoldFile, GoldItem
from .prefixes import KG_NS

_STOP = frozenset(
    """a an the of and or in on at to for by with from as its their our is are be will shall into
    that this which through more further""".split()
)


@dataclass
class Predicted:
    """One fact read from the graph, with what the matching rules need."""

    iri: str
    names: set[str] = field(default_factory=set)  # label, aliases, text
    spans: list[tuple[str, int, int, str]] = field(default_factory=list)  # (source file, start, end, quote)
    links: dict[str, list[set[str]]] = field(default_factory=dict)  # role -> names of each linked node


Similarity = Callable[[Predicted, GoldItem, GoldFile], float]


@dataclass(frozen=True)
class GoldMatch:
    """One kind's rule: ``similarity(pred, item, gold)`` is 0 for no match, higher for a better one."""

    kind: str  # the kind's name in the gold format ("facility")
    gold_list: str  # the list that holds it in a gold file ("facilities")
    cls: str  # the IRI of the class whose nodes are its predictions
    similarity: Similarity
    links: tuple[str, ...] = ()  # local names of the kg: properties whose objects' names it reads


@functools.cache
def _legal_forms() -> frozenset[str]:
    from extract.reference import load_reference

    from .resources import REFERENCE_DIR

    return load_reference(REFERENCE_DIR).legal_forms


def name_key(text: str) -> str:
    """The name key of ``text`` (:func:`extract.keys.name_key`, legal forms dropped), a leading "the" ignored."""
    return keys.name_key(re.sub(r"^\s*the\s+", "", text, flags=re.I), _legal_forms())


def content_words(text: str) -> set[str]:
    return {w for w in keys.words(text.replace("&", " and ")) if w not in _STOP}


def dice(a: str, b: str) -> float:
    x, y = content_words(a), content_words(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def overlaps(pred: Predicted, item: GoldItem, source: str) -> bool:
    """Whether one of the prediction's evidence spans overlaps the gold entry's quote."""
    if item.span is None:
        return False
    a, b = item.span
    return any(src == source and s < b and t > a for src, s, t, _ in pred.spans)


def same_name(names: set[str], others: set[str]) -> bool:
    """Whether a name of one set has the name key of a name of the other."""
    found = {name_key(n) for n in names} - {""}
    return bool(found & ({name_key(n) for n in others} - {""}))


def org_names(name: str | None, gold: GoldFile) -> set[str]:
    """An organisation's name and the aliases the gold file gives it."""
    if not name:
        return set()
    return gold.aliases.get(name, set()) | {name}


def text_similarity(pred: Predicted, item: GoldItem, gold: GoldFile, *, field_name: str) -> float:
    """0.5 + overlap when the evidence overlaps the quote, else the overlap of ``field_name`` when >= 0.5."""
    best = max((dice(n, item.data.get(field_name) or "") for n in pred.names), default=0.0)
    if overlaps(pred, item, gold.source):
        return 0.5 + best
    return best if best >= 0.5 else 0.0


def _organization(pred: Predicted, item: GoldItem, gold: GoldFile) -> float:
    data = item.data
    return 1.0 if same_name(pred.names, org_names(data.get("name"), gold) | set(data.get("aliases") or [])) else 0.0


def _person_keys(names: set[str]) -> set[str]:
    return {" ".join(sorted(keys.words(n))) for n in names} - {""}


def _person(pred: Predicted, item: GoldItem, gold: GoldFile) -> float:
    return 1.0 if _person_keys(pred.names) & _person_keys({item.data.get("name") or ""}) else 0.0


ORGANIZATION = GoldMatch("organization", "organizations", KG_NS + "Organization", _organization)
PERSON = GoldMatch("person", "people", KG_NS + "Person", _person)

__all__ = ["ORGANIZATION", "PERSON", "GoldMatch", "Predicted", "content_words", "dice", "name_key",
           "org_names", "overlaps", "same_name", "text_similarity"]
