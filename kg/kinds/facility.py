"""A facility: kg:Facility, run by its operator, of a facility kind, with a status and a place."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDFS

from extract.records import FacilityRecord

from ..iri import entity_iri
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


MAPPING = KindMapping("facilities", statements)
