"""A facility: kg:Facility, run by its operator, of a facility kind, with a status and a place."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDFS

from extract.records import FacilityRecord

from ..gold import GoldFile, GoldItem
from ..iri import entity_iri
from ..matching import GoldMatch, Predicted, content_words, org_names, overlaps, same_name
from ..namespaces import KG
from ..statements import concept, entity, org, place, year
from . import KindMapping, MappingContext


def statements(fac: FacilityRecord, context: MappingContext):
    node = entity_iri("facility", fac.name)
    out = entity(node, KG.Facility, fac.name) + [
        (node, KG.operatedBy, org(fac.operator)), (node, KG.facilityKind, concept("facility-kind", fac.kind)),
        (node, KG.status, concept("status", fac.status))]
    if fac.place:
        out.append((node, KG.locatedIn, place(fac.place)))
    if fac.details:
        out.append((node, RDFS.comment, Literal(fac.details)))
    return node, out + year(node, fac.year)




def similarity(pred: Predicted, item: GoldItem, gold: GoldFile) -> float:
    """The operator matches, the evidence overlaps the quote, and the places agree when both are given."""
    data = item.data
    if not any(same_name(op, org_names(data.get("operator"), gold)) for op in pred.links.get("operatedBy", [])):
        return 0.0
    if not overlaps(pred, item, gold.source):
        return 0.0
    places = pred.links.get("locatedIn", [])
    gold_place = " ".join(filter(None, [data.get("location"), data.get("city")]))
    if places and gold_place:
        words = content_words(gold_place)
        if not any(content_words(n) & words for names in places for n in names):
            return 0.0
    return 1.0


MAPPING = KindMapping("facilities", statements, cls=KG.Facility, colour="#9467bd",
                      match=GoldMatch("facility", "facilities", str(KG.Facility), similarity,
                                      links=("operatedBy", "locatedIn")))
