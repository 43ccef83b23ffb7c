"""A partnership: kg:Partnership between its parties, of a partnership kind."""
from __future__ import annotations

from extract.records import PartnershipRecord

from ..gold import GoldFile, GoldItem
from ..iri import entity_iri
from ..matching import GoldMatch, Predicted, org_names, same_name
from ..namespaces import KG
from ..statements import concept, entity, org, year
from . import KindMapping, MappingContext


def statements(deal: PartnershipRecord, context: MappingContext):
    node = entity_iri("partnership", deal.name)
    out = entity(node, KG.Partnership, deal.name)
    out += [(node, KG.hasParty, org(party)) for party in deal.parties]
    out.append((node, KG.partnershipKind, concept("partnership-kind", deal.kind)))
    return node, out + year(node, deal.year)




def similarity(pred: Predicted, item: GoldItem, gold: GoldFile) -> float:
    """The share of gold parties matched, when at least two match (all of them when gold has fewer)."""
    parties = pred.links.get("hasParty", [])
    wanted = [org_names(p, gold) for p in item.data.get("parties") or []]
    matched = sum(1 for w in wanted if any(same_name(p, w) for p in parties))
    return matched / max(len(wanted), 1) if matched >= min(2, len(wanted)) and wanted else 0.0


MAPPING = KindMapping("partnerships", statements, cls=KG.Partnership, colour="#d62728",
                      match=GoldMatch("partnership", "partnerships", str(KG.Partnership), similarity,
                                      links=("hasParty",)))
