"""Fact records: the plain-data boundary between ``extract`` and ``kg``.

Every record is a frozen-ish dataclass that round-trips through JSON
(:func:`factset_to_json` / :func:`factset_from_json`), so extraction results
can be cached, diffed and tested without RDF.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 1


@dataclass
class Evidence:
    """One supporting mention: the sentence and where it sits in the source file."""

    document: str  # DocumentRecord.id
    text: str  # the cleaned sentence
    start: int  # character offset into the original file text
    end: int


@dataclass
class DocumentRecord:
    """A source file, or one firm's report inside a compilation."""

    id: str  # stable slug, e.g. "cmia-16-reports/corning"
    source: str  # file name
    title: str
    sha256: str  # hash of the exact file text that offsets refer to
    start: int  # offsets of this section in the file text
    end: int
    author: str | None = None  # author organisation name (compilation sections)
    part_of: str | None = None  # id of the enclosing document


@dataclass
class OrganizationRecord:
    name: str
    kind: str = "Organization"  # Company | GovernmentBody | ResearchOrganization | FinancialInstitution | Organization
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PlaceRecord:
    name: str
    kind: str = "Place"  # Country | Province | City | Zone | Place
    part_of: str | None = None  # name of the enclosing place
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PersonRecord:
    name: str
    role: str | None = None
    affiliation: str | None = None  # OrganizationRecord.name
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class FactSet:
    """Everything extracted from a set of documents.

    Facilities, partnerships, projects, policies and recommendations get their
    own record types when their extractors land; the lists are reserved here.
    """

    documents: list[DocumentRecord] = field(default_factory=list)
    organizations: list[OrganizationRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)


def _evidence_list(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(**e) for e in items]


def _load(cls: type, raw: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    data = {k: v for k, v in raw.items() if k in known}
    if "evidence" in data:
        data["evidence"] = _evidence_list(data["evidence"])
    return cls(**data)


def factset_to_json(facts: FactSet) -> str:
    """Serialise a fact set to a stable, diffable JSON string."""
    payload = {"schema": SCHEMA_VERSION, **asdict(facts)}
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)


def factset_from_json(text: str) -> FactSet:
    """Inverse of :func:`factset_to_json`."""
    raw = json.loads(text)
    return FactSet(
        documents=[_load(DocumentRecord, d) for d in raw.get("documents", [])],
        organizations=[_load(OrganizationRecord, d) for d in raw.get("organizations", [])],
        places=[_load(PlaceRecord, d) for d in raw.get("places", [])],
        people=[_load(PersonRecord, d) for d in raw.get("people", [])],
    )
