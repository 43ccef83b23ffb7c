"""A recommendation: kg:Recommendation with its text, author, addressee, what it refers to and its topics."""
from __future__ import annotations

from rdflib import Literal

from extract.records import RecommendationRecord

from ..gold import GoldFile, GoldItem
from ..iri import entity_iri
from ..matching import GoldMatch, Predicted, text_similarity
from ..namespaces import KG
from ..statements import entity, org, place, recommendation_iri
from . import KindMapping, MappingContext


def statements(rec: RecommendationRecord, context: MappingContext):
    label = rec.text if len(rec.text) <= 160 else rec.text[:157] + "…"
    node = recommendation_iri(rec.by or "", rec.text)
    out = entity(node, KG.Recommendation, label) + [(node, KG.text, Literal(rec.text))]
    if rec.by:
        out.append((node, KG.madeBy, org(rec.by)))
    if rec.addressed_to:
        out.append((node, KG.addressedTo, place(rec.addressed_to)))
    out += [(node, KG.refersTo, entity_iri("policy", name)) for name in rec.policies]
    out += [(node, KG.refersTo, place(name)) for name in rec.places]
    if context.topics is not None:
        out += [(node, KG.topic, topic)
                for topic in context.topics.topics(" ".join([rec.text, *(e.text for e in rec.evidence)]))]
    return node, out




def similarity(pred: Predicted, item: GoldItem, gold: GoldFile) -> float:
    """The text overlaps the gold text >= 0.5, or the evidence overlaps the quote."""
    return text_similarity(pred, item, gold, field_name="text")


MAPPING = KindMapping("recommendations", statements, cls=KG.Recommendation, colour="#7f7f7f",
                      match=GoldMatch("recommendation", "recommendations", str(KG.Recommendation), similarity))
