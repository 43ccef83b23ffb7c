"""The README's recipe for a new kind of fact, followed for real: a kind defined only in this file (a pattern
table, a record, a link and a mapping) reaches the graph of a small build, and no module of the package is
edited for it."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from extract.kinds import KINDS, Kind
from extract.records import Evidence
from kg.build import build
from kg.iri import entity_iri
from kg.evaluate import evaluate
from kg.kinds import MAPPINGS, KindMapping
from kg.matching import GoldMatch, same_name
from kg.store import open_store
from kg.namespaces import KG

TOY = Namespace("https://example.org/toy#")

# "<organisation> won|received|was given ... <Prize|Award>": the prize is the noun phrase that ends in the cue
_PRIZE_NOUNS = {"award", "prize", "medal"}
_GIVEN = {"win", "won", "wins", "receive", "received", "receives"}


@dataclass
class AwardRecord:
    prize: str
    winner: str  # an organisation name as written
    evidence: list[Evidence] = field(default_factory=list)


def find_awards(sent) -> list[AwardRecord]:
    """The prizes a sentence says an organisation won, read from the parse: a verb of winning whose subject
    is an organisation mention and whose object ends in a prize noun."""
    span = sent.span
    out = []
    for token in span:
        if token.lower_ not in _GIVEN or token.pos_ != "VERB":
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        objects = [c for c in token.children if c.dep_ == "dobj" and c.lower_ in _PRIZE_NOUNS]
        for subject, prize in ((s, o) for s in subjects for o in objects):
            phrase = span.doc[prize.left_edge.i:prize.i + 1]
            words = [t.text for t in phrase if t.dep_ != "det"]
            winner = next((m.name for m in sent.orgs
                           if m.start <= subject.idx - span.doc[0].idx < m.end or subject.text in m.name), None)
            if winner:
                out.append(AwardRecord(" ".join(words), winner))
    return out


def link_awards(records, linker, linked):
    """Winners resolved to the kept organisations; one record per (prize, winner)."""
    merged: dict[tuple[str, str], AwardRecord] = {}
    for rec in records:
        winner = linker.org(rec.winner)
        if winner is None:
            continue
        kept = merged.setdefault((rec.prize, winner), AwardRecord(rec.prize, winner))
        kept.evidence.extend(rec.evidence)
    return list(merged.values())


def award_statements(rec: AwardRecord, context):
    node = URIRef("https://example.org/toy/award/" + hashlib.sha1(f"{rec.prize}|{rec.winner}".encode()).hexdigest())
    return node, [(node, RDF.type, TOY.Award), (node, RDFS.label, Literal(rec.prize)),
                  (node, TOY.winner, entity_iri("organization", rec.winner))]


AWARDS = Kind("awards", AwardRecord, link=link_awards, find=find_awards)
def award_similarity(pred, item, gold):
    """A prize whose name is the gold entry's, by the name key."""
    return 1.0 if same_name(pred.names, {item.data.get("name") or ""}) else 0.0


AWARD_MAPPING = KindMapping("awards", award_statements, cls=TOY.Award, colour="#ffd700",
                            match=GoldMatch("award", "awards", str(TOY.Award), award_similarity))


def test_a_kind_defined_only_here_reaches_the_graph(tmp_path, nlp):
    (tmp_path / "news.txt").write_text(
        "Siemens Energy won the Golden Turbine Award at the Hanover fair in 2024. "
        "The jury praised its hydrogen work.\n", encoding="utf-8")
    summary = build([tmp_path / "news.txt"], store_path=tmp_path / "store", out_dir=tmp_path / "out", nlp=nlp,
                    kinds=(*KINDS, AWARDS), mappings=(*MAPPINGS, AWARD_MAPPING))
    assert summary.report.conforms and summary.written
    graph = Graph().parse(tmp_path / "out" / "kg.ttl")
    awards = list(graph.subjects(RDF.type, TOY.Award))
    assert len(awards) == 1
    award = awards[0]
    assert graph.value(award, RDFS.label) == Literal("Golden Turbine Award")
    winner = graph.value(award, TOY.winner)
    assert graph.value(winner, RDFS.label) == Literal("Siemens Energy")
    quote = graph.value(graph.value(award, KG.evidence), KG.quote)
    assert "Golden Turbine Award" in str(quote)
    facts = (tmp_path / "out" / "facts.json").read_text(encoding="utf-8")
    assert '"awards"' in facts and '"prize": "Golden Turbine Award"' in facts


def test_without_the_kind_the_same_build_has_no_award(tmp_path, nlp):
    (tmp_path / "news.txt").write_text("Siemens Energy won the Golden Turbine Award at the Hanover fair in 2024.\n",
                                       encoding="utf-8")
    build([tmp_path / "news.txt"], store_path=tmp_path / "store", out_dir=tmp_path / "out", nlp=nlp)
    graph = Graph().parse(tmp_path / "out" / "kg.ttl")
    assert not list(graph.subjects(RDF.type, TOY.Award))
    assert '"awards"' not in (tmp_path / "out" / "facts.json").read_text(encoding="utf-8")


def test_kg_eval_scores_the_kind_by_its_own_rule(tmp_path, nlp):
    text = ("Siemens Energy won the Golden Turbine Award at the Hanover fair in 2024.\n"
            "Vestas received the Blue Rotor Prize in 2023.\n")
    (tmp_path / "news.txt").write_text(text, encoding="utf-8")
    build([tmp_path / "news.txt"], store_path=tmp_path / "store", out_dir=tmp_path / "out", nlp=nlp,
          kinds=(*KINDS, AWARDS), mappings=(*MAPPINGS, AWARD_MAPPING))
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"source": "news.txt", "lines": [1, 2], "awards": [
        {"name": "Golden Turbine Award", "evidence": "Siemens Energy won the Golden Turbine Award"},
        {"name": "Silver Blade Medal", "evidence": "Vestas received the Blue Rotor Prize"}]}), encoding="utf-8")
    store = open_store(tmp_path / "store")
    award = evaluate(store, [gold], corpus_dir=tmp_path, mappings=(*MAPPINGS, AWARD_MAPPING)).scores["award"]
    assert (award.tp, award.fn) == (1, 1)  # one prize named as in gold, one not
    assert "award" not in evaluate(store, [gold], corpus_dir=tmp_path).scores
