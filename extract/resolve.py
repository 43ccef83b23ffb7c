"""Merge raw mentions into one record per organisation, place and person."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .acronyms import after_common_nouns, definitions
from .keys import name_key
from .lexicon import ORG_NOUNS
from .names import PLACE_SUFFIXES, Mention, not_an_organization, org_kind
from .records import Evidence, OrganizationRecord, PersonRecord, PlaceRecord
from .reference import Reference


_AUTHOR_WEIGHT = 1000  # a section author's spelling outweighs any count of other spellings


@dataclass
class Located:
    """A mention with the evidence it came from."""

    mention: Mention
    evidence: Evidence


def unique_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence without repeats, in document and offset order."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for ev in sorted(evidence, key=lambda e: (e.document, e.start, e.end)):
        if (ev.document, ev.start, ev.end) not in seen:
            seen.add((ev.document, ev.start, ev.end))
            out.append(ev)
    return out


def _canonical(surfaces: Counter[str]) -> str:
    return max(surfaces.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def _merge_defined(surfaces: dict[str, Counter[str]], evidence: dict[str, list[Evidence]],
                   defined: list[tuple[str, str]], reference: Reference) -> None:
    """Merge each short name into the organisation the text defines it for ("Hai Phong Economic Zone Authority
    (HEZA)"); the full name names the node, unless a section author's spelling does."""
    for key, full in defined:
        target = _org_key(full, reference)
        _merge(surfaces, evidence, key, target)
        spellings = surfaces.get(target, Counter())
        if full in spellings and max(spellings.values()) < _AUTHOR_WEIGHT:
            spellings[full] = max(spellings.values())


def _merge_variants(surfaces: dict[str, Counter[str]], evidence: dict[str, list[Evidence]], reference: Reference) -> None:
    """Merge clusters that name one organisation differently, in place.

    * a legal form or a place after the name: "Corning Incorporated", "Schneider Electric China" -> "Corning", "Schneider Electric";
    * an acronym of the words of exactly one longer name: "SMBC" -> "Sumitomo Mitsui Banking Corporation";
    * the first word of exactly one longer name: "Schneider" -> "Schneider Electric".
    The merged surface forms stay as aliases, with the sentences that used them.
    """
    def merge(src: str, dst: str) -> None:
        _merge(surfaces, evidence, src, dst)

    legal = {w.casefold().strip(".") for w in reference.legal_forms}
    for src, dst in _suffixed(_words_by_key(surfaces), legal, reference):
        merge(src, dst)
    remaining = _words_by_key(surfaces)
    for src, dst in _shortened(remaining, legal, reference):
        if src in surfaces and dst in surfaces and (
                # a parent firm is named by its first word more often than its units are ("Corning" vs "Corning
                # Display Technology"); a short legal name is the firm's own ("Ford" and "Ford Motor Company")
                sum(surfaces[src].values()) <= sum(surfaces[dst].values()) or _legal_name(remaining[dst], legal)):
            merge(src, dst)


def _merge(surfaces: dict[str, Counter[str]], evidence: dict[str, list[Evidence]], src: str, dst: str) -> None:
    """Cluster ``src`` joins cluster ``dst``: its spellings become aliases, its sentences evidence."""
    if src == dst or src not in surfaces or dst not in surfaces:
        return
    surfaces[dst].update({name: 0 for name in surfaces[src]})
    surfaces[dst].update(surfaces[src])
    evidence[dst].extend(evidence.pop(src, []))
    del surfaces[src]


def _words_by_key(surfaces: dict[str, Counter[str]]) -> dict[str, list[str]]:
    """Each cluster's canonical name as words, brackets and commas taken out."""
    return {key: _canonical(c).replace("(", " ").replace(")", " ").replace(",", " ").split()
            for key, c in surfaces.items()}


def _suffixed(by_words: dict[str, list[str]], legal: set[str], reference: Reference) -> Iterator[tuple[str, str]]:
    """(longer, base) for a name that is another's words followed by legal forms or places, longest first."""
    by_prefix = {tuple(w.casefold() for w in ws): k for k, ws in by_words.items()}
    for key, words in sorted(by_words.items(), key=lambda kv: -len(kv[1])):
        for cut in range(len(words) - 1, 0, -1):
            if all(w.casefold().strip(".") in legal or reference.place(w) for w in words[cut:]):
                base = by_prefix.get(tuple(w.casefold() for w in words[:cut]))
                if base and base != key:
                    yield key, base
                    break


def _shortened(remaining: dict[str, list[str]], legal: set[str], reference: Reference) -> Iterator[tuple[str, str]]:
    """(one-word name, the one longer name it abbreviates or starts)."""
    # longer names by their first word and by the initials that can abbreviate them, indexed once
    by_first: dict[str, list[str]] = defaultdict(list)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for k, ws in remaining.items():
        if len(ws) >= 2:
            by_first[ws[0]].append(k)
            # "SMBC": all words; without legal forms; "UBC": the capitalised words of University of British Columbia
            for initials in {_initials(ws), _initials([w for w in ws if w.casefold().strip(".") not in legal]),
                             _initials([w for w in ws if w[:1].isupper()])}:
                by_initials[initials].append(k)
    for key, words in remaining.items():
        if len(words) != 1:
            continue
        word = words[0]
        if word.isupper() and 2 <= len(word) <= 6:
            longer = [k for k in by_initials.get(word, []) if k != key]
        else:
            longer = [k for k in by_first.get(word, []) if k != key]
            if len(longer) > 1:
                # "Schneider": "Schneider Electric" rather than "Schneider Electric Business Value Institute",
                # which extends it; else the one full legal name ("Mizuho Financial Group", not "Mizuho Bank")
                longer = [k for k in longer if all(remaining[o][:len(remaining[k])] == remaining[k] for o in longer)] \
                    or [k for k in longer if _legal_name(remaining[k], legal)]
        if len(longer) == 1 and not reference.place(word):
            yield key, longer[0]


def _legal_name(words: list[str], legal: set[str]) -> bool:
    """A firm's full legal name: at most two words between its first word and a legal form ("Ford Motor Company")."""
    return 2 <= len(words) <= 4 and words[-1].casefold().strip(".") in legal


def defined_terms(texts: set[str], reference: Reference, *, context: set[str] = frozenset()) -> set[str]:
    """Short and long forms of the abbreviations the texts define by a long form that names no organisation:
    "Internet of Things (IoT)" gives both; "National Development and Reform Commission (NDRC)" neither.

    The other sentences of ``context`` give the short forms of what is plainly no organisation: a policy, zone
    or region ("Belt and Road Initiative (BRI)"), a lower-case thing ("dimethyl ether (DME)").
    """
    organization_words = reference.legal_forms | set(reference.type_words)
    terms: set[str] = set()
    for text in sorted(texts):
        for short, long in definitions(text):
            if not (reference.organization(long) or reference.organization(short)
                    or organization_words & set(re.split(r"[\s-]+", long))):
                terms.update((short, long))
    for text in sorted(set(context) | set(texts)):
        for short, long in definitions(text):
            if not reference.organization(short) and (long[:1].islower() or not_an_organization(long, reference)
                                                      or long.split()[-1] in PLACE_SUFFIXES):
                terms.add(short)
        terms.update(short for noun, short in after_common_nouns(text)
                     if noun not in ORG_NOUNS and not reference.organization(short))
    return terms


def resolve(
    located: list[Located], authors: list[tuple[str, Evidence]], reference: Reference
) -> tuple[list[OrganizationRecord], list[PlaceRecord], list[PersonRecord]]:
    """Cluster mentions by name key; every section author becomes an organisation."""
    legal = reference.legal_forms
    place_keys = {name_key(p) for p in reference._place_alias}  # noqa: SLF001 - reference internals are ours

    org_surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    org_evidence: dict[str, list[Evidence]] = defaultdict(list)
    place_kind: dict[str, str] = {}
    place_evidence: dict[str, list[Evidence]] = defaultdict(list)
    people: dict[str, list[Located]] = defaultdict(list)
    defined: list[tuple[str, str]] = []  # (key of a short name, the organisation it is defined as short for)

    def add_org(name: str, evidence: Evidence, weight: int = 1) -> str:
        ref = reference.organization(name)
        key = _org_key(name, reference)
        org_surfaces[key][ref.name if ref else name] += weight
        if ref and name != ref.name:
            org_surfaces[key][name] += 0
        org_evidence[key].append(evidence)
        return key

    terms = defined_terms({item.evidence.text for item in located if item.mention.kind == "organization"}, reference,
                          context={item.evidence.text for item in located})
    for item in located:
        m = item.mention
        if m.kind == "organization":
            if name_key(m.name) in place_keys or m.name in terms:
                continue
            key = add_org(m.name, item.evidence)
            if m.alias_of:
                defined.append((key, m.alias_of))
        elif m.kind == "place":
            place_kind.setdefault(m.name, m.label)
            place_evidence[m.name].append(item.evidence)
        else:
            people[name_key(m.name)].append(item)
    for name, evidence in authors:
        add_org(name, evidence, weight=_AUTHOR_WEIGHT)  # the author's own spelling names the node

    org_keys = set(org_surfaces)
    not_people, org_words = _not_people(org_surfaces, place_keys | {name_key(name) for name in place_kind})

    def affiliate(name: str, evidence: Evidence) -> str:
        return _canonical(org_surfaces[add_org(name, evidence, weight=0)])

    person_records = [
        _person(items, affiliate, reference) for key, items in people.items()
        if key not in not_people and not {name_key(w) for w in items[0].mention.name.split()} & org_words]
    _merge_defined(org_surfaces, org_evidence, defined, reference)
    _merge_variants(org_surfaces, org_evidence, reference)
    orgs = [_organization(surfaces, org_evidence[key], reference) for key, surfaces in org_surfaces.items()]
    canonical = {name_key(alias, legal): org.name for org in orgs for alias in (org.name, *org.aliases)}
    for person in person_records:
        if person.affiliation:  # merging may have renamed the organisation
            person.affiliation = canonical.get(name_key(person.affiliation, legal))
    places = _places(place_kind, place_evidence, org_keys, reference)
    by_name = lambda r: r.name  # noqa: E731
    return sorted(orgs, key=by_name), sorted(places, key=by_name), sorted(person_records, key=by_name)


def _org_key(name: str, reference: Reference) -> str:
    """The cluster key of an organisation's name: the reference's name for it, if any, by the name key."""
    ref = reference.organization(name)
    return name_key(ref.name if ref else name, reference.legal_forms)


def _not_people(org_surfaces: dict[str, Counter[str]], place_keys: set[str]) -> tuple[set[str], set[str]]:
    """Name keys that are no person's, and organisations' one-word names no person's name may contain."""
    # a "person" named with an organisation's one-word name is a product or unit ("Corning Display")
    org_words = {k for k, c in org_surfaces.items() if sum(c.values()) >= 2 and " " not in _canonical(c)}
    # a "person" that is the first words of an organisation's name is that name cut short ("Dong Tien" of
    # "Dong Tien Construction & Engineering JSC"), and one the text also names as a place is a place
    cut_short = {name_key(" ".join(words[:k])) for c in org_surfaces.values() for s in c
                 for words in [s.split()] for k in range(2, len(words))}
    return set(org_surfaces) | place_keys | cut_short, org_words


def _person(items: list[Located], affiliate: Callable[[str, Evidence], str], reference: Reference) -> PersonRecord:
    """One person from the mentions of one name; ``affiliate`` turns an employer's name into an organisation's."""
    names = Counter(i.mention.name for i in items)
    role = next((i.mention.role for i in items if i.mention.role), None)
    affiliation = next((i.mention.affiliation for i in items if i.mention.affiliation), None)
    if affiliation and reference.place(affiliation):
        affiliation = None  # "director of the Chengdu Hi-tech Zone": a place, not an employer
    if affiliation:
        carrier = next(i for i in items if i.mention.affiliation == affiliation)
        affiliation = affiliate(affiliation, carrier.evidence)
    return PersonRecord(_canonical(names), role, affiliation, unique_evidence([i.evidence for i in items]))


def _organization(surfaces: Counter[str], evidence: list[Evidence], reference: Reference) -> OrganizationRecord:
    """One organisation: its most used spelling names it, the others are its aliases."""
    name = _canonical(surfaces)
    aliases = sorted(s for s in surfaces if s != name)
    return OrganizationRecord(name, org_kind(name, reference), aliases, unique_evidence(evidence))


def _places(place_kind: dict[str, str], place_evidence: dict[str, list[Evidence]], org_keys: set[str],
            reference: Reference) -> list[PlaceRecord]:
    """The places mentioned, and every place the reference puts them in ("Yubei District" is in Chongqing)."""
    places: list[PlaceRecord] = []
    emitted: set[str] = set()
    for name, kind in place_kind.items():
        if kind == "Place" and name_key(name, reference.legal_forms) in org_keys:
            continue  # an unknown "place" that the text also names as an organisation
        chain = reference.place_chain(name)
        part_of = chain[0].part_of if chain else None
        places.append(PlaceRecord(name, kind, part_of, unique_evidence(place_evidence[name])))
        emitted.add(name)
    for name in list(emitted):
        for ancestor in reference.place_chain(name)[1:]:
            if ancestor.name not in emitted:
                places.append(PlaceRecord(ancestor.name, ancestor.kind, ancestor.part_of, []))
                emitted.add(ancestor.name)
    return places
