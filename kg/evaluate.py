"""``kg eval``: score the graph in the store against gold annotations.

Matching rules (also printed by ``kg eval --help``):

* Scope: a predicted fact counts for a gold file when one of its evidence
  sentences lies in that file's ``source`` between its ``lines``.
* Names are compared by the name key resolution uses (``extract.keys``): case,
  accents, spaces, punctuation and the reference's legal forms (Inc., Co.,
  Ltd., GmbH, Group, ...) ignored, and here a leading "the" too.  Text is
  compared by Dice overlap of content words.
* organization / person: a name or alias of the prediction equals a name or
  alias of the gold entry (people: word order ignored).
* facility: the operator matches (organisation rule, with the gold file's
  aliases), the evidence overlaps the gold quote, and the locations agree when
  both are given.
* partnership: at least two parties match (all of them when gold has fewer).
* project: the evidence overlaps the gold quote, or the names overlap >= 0.5.
* policy: a name or alias overlaps a gold name or alias >= 0.6.
* recommendation: the text overlaps the gold text >= 0.5, or the evidence
  overlaps the gold quote.
* Each gold entry matches at most one prediction (greedy, best first); the
  rest are false positives and misses.  Macro-F1 averages the kinds' F1.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from extract import keys

from .gold import KINDS, GoldFile, GoldItem, gold_paths, load_gold
from .prefixes import KG_NS
from .store import query

CLASSES = {
    "organization": KG_NS + "Organization",
    "person": KG_NS + "Person",
    "facility": KG_NS + "Facility",
    "partnership": KG_NS + "Partnership",
    "project": KG_NS + "Project",
    "policy": KG_NS + "Policy",
    "recommendation": KG_NS + "Recommendation",
}
_STOP = frozenset(
    """a an the of and or in on at to for by with from as its their our is are be will shall into
    that this which through more further""".split()
)


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


@dataclass
class Predicted:
    """One fact read from the graph, with what the matching rules need."""

    iri: str
    names: set[str] = field(default_factory=set)  # label, aliases, text
    spans: list[tuple[str, int, int, str]] = field(default_factory=list)  # (source file, start, end, quote)
    links: dict[str, list[set[str]]] = field(default_factory=dict)  # role -> names of each linked node


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ErrorItem:
    gold_file: str
    kind: str
    error: str  # "miss" | "false positive"
    name: str
    sentence: str


@dataclass
class EvalReport:
    scores: dict[str, Score]
    errors: list[ErrorItem]
    files: int

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.scores.values()) / len(self.scores)

    def as_dict(self) -> dict:
        kinds = {
            k: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                "tp": s.tp, "fp": s.fp, "fn": s.fn}
            for k, s in self.scores.items()
        }
        return {"files": self.files, "kinds": kinds, "macro_f1": round(self.macro_f1, 4)}


_NAMES = """
SELECT ?e ?name WHERE {
  ?e a $class .
  { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } UNION { ?e kg:text ?name }
}"""
_SPANS = """
SELECT ?e ?src ?s ?t ?q WHERE {
  ?e a $class ; kg:evidence ?ev .
  ?ev kg:startOffset ?s ; kg:endOffset ?t ; kg:quote ?q ; prov:wasDerivedFrom ?d .
  ?d kg:sourceFile ?src .
}"""
_LINKS = """
SELECT ?e ?p ?o ?name WHERE {
  ?e a $class ; ?p ?o .
  VALUES ?p { kg:operatedBy kg:hasParty kg:locatedIn kg:participant kg:madeBy }
  { ?o rdfs:label ?name } UNION { ?o skos:altLabel ?name }
}"""


def read_predictions(store: ox.Store) -> dict[str, list[Predicted]]:
    """Every fact of every evaluated kind in the store."""
    out: dict[str, list[Predicted]] = {}
    for kind, cls in CLASSES.items():
        items: dict[str, Predicted] = {}
        for row in query(store, _NAMES.replace("$class", f"<{cls}>")):
            items.setdefault(row["e"].value, Predicted(row["e"].value)).names.add(row["name"].value)
        for row in query(store, _SPANS.replace("$class", f"<{cls}>")):
            pred = items.setdefault(row["e"].value, Predicted(row["e"].value))
            pred.spans.append((row["src"].value, int(row["s"].value), int(row["t"].value), row["q"].value))
        grouped: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for row in query(store, _LINKS.replace("$class", f"<{cls}>")):
            role = row["p"].value.rsplit("#", 1)[-1]
            grouped[(row["e"].value, role, row["o"].value)].add(row["name"].value)
        for (iri, role, _), names in sorted(grouped.items()):
            if iri in items:
                items[iri].links.setdefault(role, []).append(names)
        out[kind] = sorted(items.values(), key=lambda p: p.iri)
    return out


def _in_scope(pred: Predicted, gold: GoldFile) -> bool:
    return any(src == gold.source and s < gold.end and t > gold.start for src, s, t, _ in pred.spans)


def _overlaps(pred: Predicted, item: GoldItem, source: str) -> bool:
    if item.span is None:
        return False
    a, b = item.span
    return any(src == source and s < b and t > a for src, s, t, _ in pred.spans)


def _same_name(names: set[str], others: set[str]) -> bool:
    keys = {name_key(n) for n in names} - {""}
    return bool(keys & ({name_key(n) for n in others} - {""}))


def _person_keys(names: set[str]) -> set[str]:
    return {" ".join(sorted(keys.words(n))) for n in names} - {""}


def _org_names(name: str | None, gold: GoldFile) -> set[str]:
    if not name:
        return set()
    return gold.aliases.get(name, set()) | {name}


def _similarity(kind: str, pred: Predicted, item: GoldItem, gold: GoldFile) -> float:
    """How well ``pred`` matches ``item`` (0 = not at all); the rules of the module docstring."""
    data = item.data
    if kind == "organization":
        return 1.0 if _same_name(pred.names, _org_names(data.get("name"), gold) | set(data.get("aliases") or [])) else 0.0
    if kind == "person":
        return 1.0 if _person_keys(pred.names) & _person_keys({data.get("name") or ""}) else 0.0
    if kind == "facility":
        operators = pred.links.get("operatedBy", [])
        if not any(_same_name(op, _org_names(data.get("operator"), gold)) for op in operators):
            return 0.0
        if not _overlaps(pred, item, gold.source):
            return 0.0
        places = pred.links.get("locatedIn", [])
        gold_place = " ".join(filter(None, [data.get("location"), data.get("city")]))
        if places and gold_place:
            words = content_words(gold_place)
            if not any(content_words(n) & words for names in places for n in names):
                return 0.0
        return 1.0
    if kind == "partnership":
        parties = pred.links.get("hasParty", [])
        wanted = [_org_names(p, gold) for p in data.get("parties") or []]
        matched = sum(1 for w in wanted if any(_same_name(p, w) for p in parties))
        return matched / max(len(wanted), 1) if matched >= min(2, len(wanted)) and wanted else 0.0
    if kind == "project":
        best = max((dice(n, data.get("name") or "") for n in pred.names), default=0.0)
        if _overlaps(pred, item, gold.source):
            return 0.5 + best
        return best if best >= 0.5 else 0.0
    if kind == "policy":
        gold_names = {data.get("name") or "", *(data.get("aliases") or [])} - {""}
        best = max((dice(n, g) for n in pred.names for g in gold_names), default=0.0)
        return best if best >= 0.6 or _same_name(pred.names, gold_names) else 0.0
    if kind == "recommendation":
        best = max((dice(n, data.get("text") or "") for n in pred.names), default=0.0)
        if _overlaps(pred, item, gold.source):
            return 0.5 + best
        return best if best >= 0.5 else 0.0
    raise ValueError(kind)


def _first_sentence(pred: Predicted, gold: GoldFile) -> str:
    inside = sorted((s, q) for src, s, t, q in pred.spans if src == gold.source and gold.start <= s < gold.end)
    return inside[0][1] if inside else ""


def _label(pred: Predicted) -> str:
    return min(pred.names, key=lambda n: (len(n) > 120, -len(n) if len(n) <= 120 else len(n))) if pred.names else pred.iri


def score_file(gold: GoldFile, predictions: dict[str, list[Predicted]]) -> tuple[dict[str, Score], list[ErrorItem]]:
    """Match one gold file's entries against the in-scope predictions, kind by kind."""
    scores: dict[str, Score] = {}
    errors: list[ErrorItem] = []
    for kind in KINDS:
        preds = [p for p in predictions.get(kind, []) if _in_scope(p, gold)]
        items = gold.items.get(kind, [])
        pairs = sorted(
            ((sim, i, j) for i, item in enumerate(items) for j, pred in enumerate(preds)
             if (sim := _similarity(kind, pred, item, gold)) > 0),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        for _, i, j in pairs:
            if i not in used_gold and j not in used_pred:
                used_gold.add(i)
                used_pred.add(j)
        score = Score(tp=len(used_gold), fp=len(preds) - len(used_pred), fn=len(items) - len(used_gold))
        scores[kind] = score
        name = gold.path.name
        for i, item in enumerate(items):
            if i not in used_gold:
                label = item.data.get("name") or item.data.get("text") or ", ".join(item.data.get("parties") or [])
                errors.append(ErrorItem(name, kind, "miss", label, item.data.get("evidence") or ""))
        for j, pred in enumerate(preds):
            if j not in used_pred:
                errors.append(ErrorItem(name, kind, "false positive", _label(pred), _first_sentence(pred, gold)))
    return scores, errors


def evaluate(store: ox.Store, gold: list[Path], *, corpus_dir: Path) -> EvalReport:
    """Score the graph in ``store`` against the gold files (or directories of them) in ``gold``."""
    files = [load_gold(path, corpus_dir=corpus_dir) for path in gold_paths(gold)]
    predictions = read_predictions(store)
    totals = {kind: Score() for kind in KINDS}
    errors: list[ErrorItem] = []
    for gold_file in files:
        scores, file_errors = score_file(gold_file, predictions)
        for kind, s in scores.items():
            totals[kind].tp += s.tp
            totals[kind].fp += s.fp
            totals[kind].fn += s.fn
        errors.extend(file_errors)
    return EvalReport(totals, errors, len(files))
