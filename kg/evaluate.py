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

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .gold import GoldFile, gold_paths, load_gold
from .kinds import MAPPINGS, KindMapping
from .matching import ORGANIZATION, PERSON, GoldMatch, Predicted
from .store import query


def gold_matches(mappings: tuple[KindMapping, ...] = MAPPINGS) -> tuple[GoldMatch, ...]:
    """The rules of the kinds scored: organisations, people, and each mapped kind that has one."""
    return (ORGANIZATION, PERSON, *(m.match for m in mappings if m.match is not None))


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
  VALUES ?p { $properties }
  { ?o rdfs:label ?name } UNION { ?o skos:altLabel ?name }
}"""


def read_predictions(store: ox.Store, matches: tuple[GoldMatch, ...]) -> dict[str, list[Predicted]]:
    """Every fact of every scored kind in the store."""
    out: dict[str, list[Predicted]] = {}
    for match in matches:
        cls = f"<{match.cls}>"
        items: dict[str, Predicted] = {}
        for row in query(store, _NAMES.replace("$class", cls)):
            items.setdefault(row["e"].value, Predicted(row["e"].value)).names.add(row["name"].value)
        for row in query(store, _SPANS.replace("$class", cls)):
            pred = items.setdefault(row["e"].value, Predicted(row["e"].value))
            pred.spans.append((row["src"].value, int(row["s"].value), int(row["t"].value), row["q"].value))
        grouped: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        if match.links:
            properties = " ".join(f"kg:{name}" for name in match.links)
            for row in query(store, _LINKS.replace("$class", cls).replace("$properties", properties)):
                role = row["p"].value.rsplit("#", 1)[-1]
                grouped[(row["e"].value, role, row["o"].value)].add(row["name"].value)
        for (iri, role, _), names in sorted(grouped.items()):
            if iri in items:
                items[iri].links.setdefault(role, []).append(names)
        out[match.kind] = sorted(items.values(), key=lambda p: p.iri)
    return out


def _in_scope(pred: Predicted, gold: GoldFile) -> bool:
    return any(src == gold.source and s < gold.end and t > gold.start for src, s, t, _ in pred.spans)


def _first_sentence(pred: Predicted, gold: GoldFile) -> str:
    inside = sorted((s, q) for src, s, t, q in pred.spans if src == gold.source and gold.start <= s < gold.end)
    return inside[0][1] if inside else ""


def _label(pred: Predicted) -> str:
    return min(pred.names, key=lambda n: (len(n) > 120, -len(n) if len(n) <= 120 else len(n))) if pred.names else pred.iri


def score_file(gold: GoldFile, predictions: dict[str, list[Predicted]], *,
               matches: tuple[GoldMatch, ...] | None = None) -> tuple[dict[str, Score], list[ErrorItem]]:
    """Match one gold file's entries against the in-scope predictions, kind by kind."""
    scores: dict[str, Score] = {}
    errors: list[ErrorItem] = []
    for match in matches or gold_matches():
        kind = match.kind
        preds = [p for p in predictions.get(kind, []) if _in_scope(p, gold)]
        items = gold.items.get(kind, [])
        pairs = sorted(
            ((sim, i, j) for i, item in enumerate(items) for j, pred in enumerate(preds)
             if (sim := match.similarity(pred, item, gold)) > 0),
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


def evaluate(store: ox.Store, gold: list[Path], *, corpus_dir: Path,
             mappings: tuple[KindMapping, ...] = MAPPINGS) -> EvalReport:
    """Score the graph in ``store`` against the gold files (or directories of them) in ``gold``; the kinds
    scored are organisations, people and the ``mappings`` that have a rule."""
    matches = gold_matches(mappings)
    lists = {m.kind: m.gold_list for m in matches}
    files = [load_gold(path, corpus_dir=corpus_dir, lists=lists) for path in gold_paths(gold)]
    predictions = read_predictions(store, matches)
    totals = {m.kind: Score() for m in matches}
    errors: list[ErrorItem] = []
    for gold_file in files:
        scores, file_errors = score_file(gold_file, predictions, matches=matches)
        for kind, s in scores.items():
            totals[kind].tp += s.tp
            totals[kind].fp += s.fp
            totals[kind].fn += s.fn
        errors.extend(file_errors)
    return EvalReport(totals, errors, len(files))
