"""A policy: kg:Policy with its aliases, issuer and jurisdiction."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import SKOS

from extract.records import PolicyRecord

from ..iri import entity_iri
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


MAPPING = KindMapping("policies", statements)
