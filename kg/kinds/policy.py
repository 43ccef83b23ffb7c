"""A policy: kg:Policy with its aliases, issuer and jurisdiction."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import SKOS

from extract.records import PolicyRecord

from ..gold import GoldFile, GoldItem
from ..iri import entity_iri
from ..matching import GoldMatch, Predicted, dice, same_name
from ..namespaces import KG
from ..statements import entity, org, place, year
from . import KindMapping, MappingContext


def statements(policy: PolicyRecord, context: MappingContext):
    node = entity_iri("policy", policy.name)
    out = entity(node, KG.Policy, policy.name)
    out += [(node, SKOS.altLabel, Literal(alias)) for alias in policy.aliases]
    if policy.issuer:
        out.append((node, KG.issuedBy, org(policy.issuer)))
    if policy.jurisdiction:
        out.append((node, KG.jurisdiction, place(policy.jurisdiction)))
    return node, out + year(node, policy.year)




def similarity(pred: Predicted, item: GoldItem, gold: GoldFile) -> float:
    """A name or alias overlaps a gold name or alias >= 0.6, or has its name key."""
    gold_names = {item.data.get("name") or "", *(item.data.get("aliases") or [])} - {""}
    best = max((dice(n, g) for n in pred.names for g in gold_names), default=0.0)
    return best if best >= 0.6 or same_name(pred.names, gold_names) else 0.0


MAPPING = KindMapping("policies", statements, cls=KG.Policy, colour="#e377c2",
                      match=GoldMatch("policy", "policies", str(KG.Policy), similarity))
