"""The vocabularies the graph uses, declared once.

``KG`` is closed (``_fail = True``): a misspelt term fails at import, not as
a silent wrong IRI.  ``tests/kg/test_namespaces.py`` checks it against
``ontology/kg.ttl``.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from .prefixes import KG_NS, PREFIXES, RESOURCE_NS

RESOURCE = Namespace(RESOURCE_NS)
ORG = Namespace(PREFIXES["org"])
SCHEMA = Namespace(PREFIXES["schema"])


class KG(DefinedNamespace):
    """Terms of the ontology namespace (``kg:``)."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    Organization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    ResearchOrganization: URIRef
    FinancialInstitution: URIRef
    Facility: URIRef
    Place: URIRef
    Country: URIRef
    Province: URIRef
    City: URIRef
    Zone: URIRef
    Partnership: URIRef
    Project: URIRef
    Policy: URIRef
    Recommendation: URIRef
    Person: URIRef
    Sector: URIRef
    Document: URIRef
    Evidence: URIRef
    # object properties
    headquarteredIn: URIRef
    inSector: URIRef
    operatedBy: URIRef
    locatedIn: URIRef
    facilityKind: URIRef
    status: URIRef
    partOf: URIRef
    hasParty: URIRef
    partnershipKind: URIRef
    participant: URIRef
    issuedBy: URIRef
    jurisdiction: URIRef
    madeBy: URIRef
    addressedTo: URIRef
    topic: URIRef
    refersTo: URIRef
    affiliation: URIRef
    author: URIRef
    evidence: URIRef
    # datatype properties
    foundedIn: URIRef
    year: URIRef
    amount: URIRef
    text: URIRef
    role: URIRef
    quote: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sourceFile: URIRef
    sha256: URIRef
    nameKey: URIRef


ORGANIZATION_CLASSES = {
    "Company": KG.Company,
    "GovernmentBody": KG.GovernmentBody,
    "ResearchOrganization": KG.ResearchOrganization,
    "FinancialInstitution": KG.FinancialInstitution,
    "Organization": KG.Organization,
}
PLACE_CLASSES = {
    "Country": KG.Country,
    "Province": KG.Province,
    "City": KG.City,
    "Zone": KG.Zone,
    "Place": KG.Place,
}
