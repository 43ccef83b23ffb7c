"""A partnership: kg:Partnership between its parties, of a partnership kind."""
from __future__ import annotations

from extract.records import PartnershipRecord

from ..iri import entity_iri
from ..namespaces import KG
from ..statements import concept, entity, org, year
from . import KindMapping, MappingContext


def statements(deal: PartnershipRecord, context: MappingContext):
    node = entity_iri("partnership", deal.name)
    out = entity(node, KG.Partnership, deal.name)
    out += [(node, KG.hasParty, org(party)) for party in deal.parties]
    out.append((node, KG.partnershipKind, concept("partnership-kind", deal.kind)))
    return node, out + year(node, deal.year)


MAPPING = KindMapping("partnerships", statements)
