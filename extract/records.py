"""Fact records: the plain-data boundary between ``extract`` and ``kg``.

Every record is a frozen-ish dataclass that round-trips through JSON
(:mod:`extract.facts_json`), so extraction results can be cached, diffed and tested without RDF.
"""
from __future__ import annotations

from dataclasses import dataclass, field


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
class Claim:
    """One stated attribute of an organisation, with the sentences that state it."""

    property: str  # headquarters (a PlaceRecord name) | founded (a year) | sector (a sector notation)
    value: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class OrganizationRecord:
    name: str
    kind: str = "Organization"  # Company | GovernmentBody | ResearchOrganization | FinancialInstitution | Organization
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)  # at most one headquarters and one founding year


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
class FacilityRecord:
    """A site run by an organisation; ``name`` is descriptive ("Corning plant (Chongqing)")."""

    name: str
    kind: str  # facility-kind notation: plant | research_center | logistics_center | headquarters | ...
    operator: str  # OrganizationRecord.name
    place: str | None = None  # PlaceRecord.name, the most specific place given
    status: str = "unknown"  # operating | planned | under_construction | unknown
    year: str | None = None
    details: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PartnershipRecord:
    name: str
    parties: list[str]  # OrganizationRecord names, at least two
    kind: str = "other"  # partnership-kind notation
    year: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ProjectRecord:
    name: str
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    amount: str | None = None
    year: str | None = None
    status: str = "unknown"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PolicyRecord:
    name: str
    aliases: list[str] = field(default_factory=list)
    issuer: str | None = None  # OrganizationRecord name
    jurisdiction: str | None = None  # PlaceRecord name
    year: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class RecommendationRecord:
    text: str  # the heading or first sentence
    by: str | None  # OrganizationRecord name of the author; None when the document names none
    addressed_to: str | None = None  # PlaceRecord name
    policies: list[str] = field(default_factory=list)  # PolicyRecord names it mentions
    places: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class FactSet:
    """Everything extracted from a set of documents: the documents, the entities names resolve to, and the
    records of each kind of fact, by the kind's key (:mod:`extract.kinds`: ``facilities``, ``policies`` ...)."""

    documents: list[DocumentRecord] = field(default_factory=list)
    organizations: list[OrganizationRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    stated: dict[str, list] = field(default_factory=dict)

    def of(self, key: str) -> list:
        """The records of one kind (the list is kept, so appending to it adds records)."""
        return self.stated.setdefault(key, [])
