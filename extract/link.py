"""Link relation records to the resolved organisations and places, and merge repeats.

Extractors write the names they saw ("Corning", "we" -> the author); this
module maps each to the organisation or place node resolution chose, drops
facts whose required parties did not resolve, and merges facts stated more
than once (same operator, kind and place; same parties; same policy key) into
one record carrying every supporting sentence.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .acronyms import definitions
from .policies import policy_key
from .records import (
    Claim,
    FacilityRecord,
    OrganizationRecord,
    PartnershipRecord,
    PlaceRecord,
    PolicyRecord,
    ProjectRecord,
    RecommendationRecord,
)
from .reference import Reference
from .keys import name_key
from .resolve import unique_evidence


def prune_organizations(orgs: list[OrganizationRecord], people: list, *, policy_keys: set[str],
                        keep: set[str], common_words: set[str], parties: frozenset[str] = frozenset(),
                        sites: frozenset[str] = frozenset()) -> list[OrganizationRecord]:
    """Drop "organisations" that are really policies, named sites or common words; people lose affiliations to them.

    The recogniser labels "Belt and Road", "CCEC Technical Center" or a title-cased
    "Hydrogen" ORG; the policy and facility extractors know better, and a one-word
    name that the same texts also write in lower case is a common noun.  Section
    authors are always kept, and so is a named site that is a party to a deal
    ("... and Lakeside Power Plant signed a memorandum"): it acts as an organisation.  ``sites`` are the
    names of sites another organisation runs ("HP opened the Smart Manufacturing Research Center").
    """
    from .facilities import is_named_site

    def common(name: str) -> bool:
        return " " not in name and name.casefold() in common_words

    def run_site(name: str) -> bool:
        """A site another organisation runs; an institute is an organisation even then."""
        return name in sites and not name.endswith("Institute")

    def policy(name: str) -> bool:
        """A policy's name or the start of one ("Tax System" of "Tax System to Promote Investment ...")."""
        key = policy_key(name)
        return key in policy_keys or (" " in key and any(k.startswith(key + " ") for k in policy_keys))

    dropped = {o.name for o in orgs if o.name not in keep
               and (policy(o.name) or (is_named_site(o.name) or run_site(o.name)) and o.name not in parties
                    or common(o.name))}
    for person in people:
        if person.affiliation in dropped:
            person.affiliation = None
    return [o for o in orgs if o.name not in dropped]


class Linker:
    """Maps surface names to the canonical organisation and place names of one fact set."""

    def __init__(self, orgs: list[OrganizationRecord], places: list[PlaceRecord], reference: Reference) -> None:
        self._reference = reference
        self._orgs: dict[str, str] = {}
        for org in orgs:
            for surface in (org.name, *org.aliases):
                self._orgs.setdefault(self._key(surface), org.name)
        self._places = {name_key(p.name): p.name for p in places}

    def _key(self, name: str) -> str:
        ref = self._reference.organization(name)
        return name_key(ref.name if ref else name, self._reference.legal_forms)

    def org(self, name: str | None) -> str | None:
        return self._orgs.get(self._key(name)) if name else None

    def place(self, name: str | None) -> str | None:
        if not name:
            return None
        ref = self._reference.place(name)
        return self._places.get(name_key(ref.name if ref else name))


def _with_unique_evidence(records: list) -> list:
    """``records`` with each one's evidence deduplicated and ordered once, after merging: merging by
    concatenation and deduplicating at every merge was quadratic in the sentences of one fact."""
    for record in records:
        record.evidence = unique_evidence(record.evidence)
    return records


def link_facilities(raw: list[FacilityRecord], linker: Linker) -> list[FacilityRecord]:
    merged: dict[tuple[str, str, str], FacilityRecord] = {}
    for rec in raw:
        operator = linker.org(rec.operator)
        words = rec.operator.split() if rec.name.startswith(rec.operator + " ") else []
        while operator is None and len(words) > 1:  # "Acme Wuhan" of "Acme Wuhan Factory": as far as it names a firm
            words.pop()
            operator = linker.org(" ".join(words))
        if operator is None:
            continue
        place = linker.place(rec.place)
        named = rec.name[:1].isupper()
        key = (operator, rec.name if named else rec.kind, place or "")
        if key in merged:
            kept = merged[key]
            kept.evidence.extend(rec.evidence)
            kept.year = kept.year or rec.year
            kept.details = kept.details or rec.details
            continue
        name = rec.name if named else f"{operator} {rec.name}" + (f" ({place})" if place else "")
        merged[key] = FacilityRecord(name, rec.kind, operator, place, rec.status, rec.year, rec.details,
                                     list(rec.evidence))
    return _with_unique_evidence(sorted(_generic_sites_merged(merged).values(), key=lambda r: r.name))


# site words that say only that there is a site: "a 2-megawatt GPU facility in Kajaani" is the "data centre in
# Kajaani" the same firm speaks of elsewhere
_GENERIC_SITE_WORDS = frozenset({"facility", "site", "campus"})


def _generic_sites_merged(merged: dict[tuple[str, str, str], FacilityRecord]) -> dict[tuple[str, str, str], FacilityRecord]:
    """An unnamed site of a generic word merged into the one other unnamed site of its operator and place."""
    def generic(key: tuple[str, str, str], rec: FacilityRecord) -> bool:
        return key[1] == rec.kind and rec.name[len(key[0]) + 1:].split(" (")[0] in _GENERIC_SITE_WORDS

    specific: dict[tuple[str, str], list[tuple[str, str, str]]] = {}  # (operator, place) -> its other unnamed sites
    for key, rec in merged.items():
        if key[2] and key[1] == rec.kind and not generic(key, rec):  # named sites are keyed by name, unnamed by kind
            specific.setdefault((key[0], key[2]), []).append(key)
    for key, rec in list(merged.items()):
        operator, _, place = key
        if not place or not generic(key, rec):
            continue
        others = specific.get((operator, place), [])
        if len(others) == 1:
            kept = merged[others[0]]
            kept.evidence.extend(rec.evidence)
            kept.year = kept.year or rec.year
            kept.details = kept.details or rec.details
            del merged[key]
    return merged


def link_partnerships(raw: list[PartnershipRecord], linker: Linker) -> list[PartnershipRecord]:
    merged: dict[tuple[frozenset[str], str], PartnershipRecord] = {}
    for rec in raw:
        parties: list[str] = []
        for p in rec.parties:
            name = linker.org(p)
            if name and name not in parties:
                parties.append(name)
        if len(parties) < 2:
            continue
        key = (frozenset(parties), rec.kind)
        if key in merged:
            merged[key].evidence.extend(rec.evidence)
            merged[key].year = merged[key].year or rec.year
            continue
        name = " – ".join(parties[:3]) + (" …" if len(parties) > 3 else "") + f" ({rec.kind.replace('_', ' ')})"
        merged[key] = PartnershipRecord(name, parties, rec.kind, rec.year, list(rec.evidence))
    return _with_unique_evidence(sorted(merged.values(), key=lambda r: r.name))


def _short_project_names(names: set[str]) -> dict[str, str]:
    """Key of each short form a name defines -> key of the name: "HESC Project" for "Hydrogen Energy Supply
    Chain (HESC) Project"."""
    out = {}
    for name in names:
        for short, _long in definitions(name):
            after = name.split(f"({short})", 1)[1] if f"({short})" in name else ""
            out[name_key(f"{short} {after}")] = name_key(name)
    return out


def link_projects(raw: list[ProjectRecord], linker: Linker) -> list[ProjectRecord]:
    merged: dict[str, ProjectRecord] = {}
    long_of = _short_project_names({rec.name for rec in raw})
    # the long forms first, so that a merged project keeps its full name
    for rec in sorted(raw, key=lambda r: name_key(r.name) in long_of):
        participants = [n for n in dict.fromkeys(linker.org(p) for p in rec.participants) if n]
        key = long_of.get(name_key(rec.name), name_key(rec.name))
        if key in merged:
            kept = merged[key]
            kept.evidence.extend(rec.evidence)
            kept.participants = list(dict.fromkeys(kept.participants + participants))
            kept.place = kept.place or linker.place(rec.place)
            kept.amount = kept.amount or rec.amount
            kept.year = kept.year or rec.year
            continue
        merged[key] = ProjectRecord(rec.name, participants, linker.place(rec.place), rec.amount, rec.year,
                                    rec.status, list(rec.evidence))
    return _with_unique_evidence(sorted(merged.values(), key=lambda r: r.name))


_CONNECTORS = frozenset({"of", "for", "on", "the", "to", "and", "in"})


def _document(rec) -> str:
    """The document a record was first read from ("" when it carries no sentence)."""
    return rec.evidence[0].document if rec.evidence else ""


def _short_forms(keyed: list[tuple[str, PolicyRecord]]) -> dict[tuple[str, str], str]:
    """(document, key) -> the longer key it is short for in that document: "the Economic Circle" is the
    "Chengdu-Chongqing Economic Circle" the same report names most often."""
    cited: dict[str, Counter[str]] = defaultdict(Counter)
    for key, rec in keyed:
        for ev in rec.evidence:
            cited[ev.document][key] += 1
    out = {}
    for document, keys in cited.items():
        for key in keys:
            # the long form adds a name to the short one ("Chengdu-Chongqing" + "Economic Circle"), not a
            # document about it ("Guidelines for the Construction of" + ...)
            longer = [k for k in keys if k.endswith(" " + key)
                      and len(extra := k[:-len(key) - 1].split()) <= 3 and not _CONNECTORS & set(extra)]
            if len(key.split()) >= 2 and longer:
                out[(document, key)] = max(longer, key=lambda k: (keys[k], k))
    return out


def link_policies(raw: list[PolicyRecord], linker: Linker) -> list[PolicyRecord]:
    groups: dict[str, list[PolicyRecord]] = defaultdict(list)
    keyed = [(key, rec) for rec in raw if (key := policy_key(rec.name))]
    long_of = _short_forms(keyed)
    for key, rec in keyed:
        groups[long_of.get((_document(rec), key), key)].append(rec)
    out = []
    for key, records in groups.items():
        names = Counter(r.name for r in records)
        # the most used full form, preferring one without a possessive owner ("China's 14th Five-Year Plan")
        name = max(names, key=lambda n: (policy_key(n) == key, "’s " not in n and "'s " not in n, names[n], len(n), n))
        out.append(PolicyRecord(
            name=name,
            aliases=sorted(set(names) - {name}),
            issuer=next((i for r in records if (i := linker.org(r.issuer))), None),
            jurisdiction=next((j for r in records if (j := linker.place(r.jurisdiction))), None),
            year=next((r.year for r in records if r.year), None),
            evidence=unique_evidence([e for r in records for e in r.evidence]),
        ))
    return sorted(out, key=lambda r: r.name)


def link_recommendations(raw: list[RecommendationRecord], linker: Linker,
                         policies: list[PolicyRecord]) -> list[RecommendationRecord]:
    canonical = {policy_key(n): p.name for p in policies for n in (p.name, *p.aliases)}
    out = []
    # per (author, document): the suggestions kept so far and, per content word, which of them use it
    groups: dict[tuple, tuple[list, dict[str, list[int]]]] = {}
    for rec in raw:
        by = linker.org(rec.by) if rec.by else None  # an author the text does not name is left out, not guessed
        places = [n for n in dict.fromkeys(linker.place(p) for p in rec.places) if n]
        named = [n for n in dict.fromkeys(canonical.get(policy_key(p)) for p in rec.policies) if n]
        words = _content_words(rec.text)
        kept, index = groups.setdefault((by, _document(rec)), ([], {}))
        same = None
        if rec.evidence:
            # candidates share a word that few suggestions use: a word in every suggestion of a long list
            # ("government") would make each new one a comparison with all before it
            shared = {i for w in words for i in index.get(w, ()) if len(index[w]) <= _COMMON_WORD}
            same = next((kept[i][0] for i in sorted(shared) if _dice(kept[i][1], words) >= _SAME_SUGGESTION), None)
        if same is not None:  # a report states a suggestion twice: in a summary list and as a headed paragraph
            same.evidence.extend(rec.evidence)
            same.policies = list(dict.fromkeys(same.policies + named))
            same.places = list(dict.fromkeys(same.places + places))
            continue
        linked = RecommendationRecord(rec.text, by, linker.place(rec.addressed_to), named, places,
                                      list(rec.evidence))
        out.append(linked)
        if rec.evidence:
            kept.append((linked, words))
            for w in words:
                index.setdefault(w, []).append(len(kept) - 1)
    return _with_unique_evidence(out)


_SAME_SUGGESTION = 0.6  # Dice overlap of content words
_COMMON_WORD = 50  # suggestions of one author and document using a word, past which it proposes no candidate
_FUNCTION_WORDS = frozenset("the and for with from that this into their its our are will can should".split())


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z][a-z-]{2,}", text.casefold()) if w not in _FUNCTION_WORDS)


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0




_ONE_VALUE = frozenset({"headquarters", "founded"})  # a firm has one head office and one founding year


def link_claims(raw: list[tuple[str, Claim]], orgs: list[OrganizationRecord], linker: Linker) -> None:
    """Give each organisation of ``orgs`` the claims made of it by name.

    A claim whose firm or headquarters place does not resolve is dropped.  Of several headquarters or
    founding years the one stated by most sentences is kept (the first read on a tie); every sector is kept.
    """
    merged: dict[tuple[str, str, str], Claim] = {}
    for firm, claim in raw:
        org = linker.org(firm)
        value = linker.place(claim.value) if claim.property == "headquarters" else claim.value
        if org is None or value is None:
            continue
        key = (org, claim.property, value)
        if key in merged:
            merged[key].evidence.extend(claim.evidence)
        else:
            merged[key] = Claim(claim.property, value, list(claim.evidence))
    grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for (org, prop, _), claim in merged.items():
        grouped[(org, prop)].append(claim)
    by_name = {org.name: org for org in orgs}
    for (org, prop), claims in grouped.items():
        claims = _with_unique_evidence(claims)
        if prop in _ONE_VALUE:
            claims = [max(claims, key=lambda c: len(c.evidence))]
        by_name[org].claims.extend(claims)
    for org in orgs:
        org.claims.sort(key=lambda c: (c.property, c.value))
