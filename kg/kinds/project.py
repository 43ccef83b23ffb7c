"""A project: kg:Project with its participants, place, amount and status."""
from __future__ import annotations

from rdflib import Literal

from extract.records import ProjectRecord

from ..gold import GoldFile, GoldItem
from ..iri import entity_iri
from ..matching import GoldMatch, Predicted, text_similarity
from ..namespaces import KG
from ..statements import concept, entity, org, place, year
from . import KindMapping, MappingContext


def statements(project: ProjectRecord, context: MappingContext):
    node = entity_iri("project", project.name)
    out = entity(node, KG.Project, project.name)
    out += [(node, KG.participant, org(participant)) for participant in project.participants]
    if project.place:
        out.append((node, KG.locatedIn, place(project.place)))
    if project.amount:
        out.append((node, KG.amount, Literal(project.amount)))
    out.append((node, KG.status, concept("status", project.status)))
    return node, out + year(node, project.year)




def similarity(pred: Predicted, item: GoldItem, gold: GoldFile) -> float:
    """The evidence overlaps the quote, or the names overlap >= 0.5."""
    return text_similarity(pred, item, gold, field_name="name")


MAPPING = KindMapping("projects", statements, cls=KG.Project, colour="#8c564b",
                      match=GoldMatch("project", "projects", str(KG.Project), similarity))
