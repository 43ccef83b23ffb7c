"""General reference data from ``ontology/reference``: places, public bodies, organisation words.

Plain TSV files, so the extraction side reads them without RDF.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RefPlace:
    name: str
    kind: str  # Country | Province | City | Zone
    part_of: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class RefOrganization:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    jurisdiction: str | None = None


@dataclass
class Reference:
    """Lookup tables built from the reference files."""

    places: dict[str, RefPlace] = field(default_factory=dict)  # canonical name -> place
    organizations: dict[str, RefOrganization] = field(default_factory=dict)
    legal_forms: frozenset[str] = frozenset()
    type_words: dict[str, str] = field(default_factory=dict)  # word -> organisation kind
    terms: frozenset[str] = frozenset()  # abbreviations that name a technology or measure, never an organisation
    sector_words: dict[str, str] = field(default_factory=dict)  # lower-case word or phrase -> sector notation
    _place_alias: dict[str, str] = field(default_factory=dict)
    _org_alias: dict[str, str] = field(default_factory=dict)

    def place(self, surface: str) -> RefPlace | None:
        key = self._place_alias.get(surface.casefold())
        return self.places[key] if key else None

    def organization(self, surface: str) -> RefOrganization | None:
        key = self._org_alias.get(surface) or self._org_alias.get(surface.casefold())
        return self.organizations[key] if key else None

    def place_chain(self, name: str) -> list[RefPlace]:
        """The place and its ancestors, innermost first."""
        chain: list[RefPlace] = []
        current = self.places.get(name)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.places.get(current.part_of) if current.part_of else None
        return chain


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (value or "").split(";") if a.strip())


def _pairs(path: Path) -> dict[str, str]:
    """The first two columns of a headerless TSV file whose comment lines start with '#'."""
    pairs: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                word, meaning = line.rstrip("\n").split("\t")[:2]
                pairs[word] = meaning
    return pairs


def load_reference(directory: Path) -> Reference:
    """Read ``places.tsv``, ``organizations.tsv``, ``org-words.tsv`` and ``sector-words.tsv`` from ``directory``."""
    ref = Reference()
    for row in _rows(directory / "places.tsv"):
        place = RefPlace(row["name"], row["kind"], row["part_of"] or None, _split(row["aliases"]))
        ref.places[place.name] = place
        for surface in (place.name, *place.aliases):
            ref._place_alias.setdefault(surface.casefold(), place.name)
    for row in _rows(directory / "organizations.tsv"):
        org = RefOrganization(row["name"], row["kind"], _split(row["aliases"]), row["jurisdiction"] or None)
        ref.organizations[org.name] = org
        ref._org_alias[org.name.casefold()] = org.name
        for alias in org.aliases:
            # acronyms match case-sensitively ("SAFE" is a body, "safe" is not)
            ref._org_alias[alias if alias.isupper() else alias.casefold()] = org.name
    words = _pairs(directory / "org-words.tsv")
    ref.sector_words = _pairs(directory / "sector-words.tsv")
    ref.legal_forms = frozenset(w for w, m in words.items() if m == "legal_form")
    ref.terms = frozenset(w for w, m in words.items() if m == "not_organization")
    ref.type_words = {w: m for w, m in words.items() if m not in ("legal_form", "not_organization")}
    return ref
