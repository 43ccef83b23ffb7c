"""Entity mentions from spaCy docs: organisations, places and people, each with its sentence.

Runs per block of a section, so headings and table rows never bleed into
the sentences around them.  Mentions are raw; :mod:`extract.resolve` merges them.
"""
from __future__ import annotations

import re

from .cues import cued_organizations, described_as, followed_by_based, names_a_term, used_as_place
from .governments import acting_places, government_mentions
from .lexicon import PLAN_NOUNS, PRODUCT_NOUNS, ROLE_WORDS, ZONE_NOUNS
from .loader import is_contents_line
from .names import (
    NAME_LOWER,
    PLACE_SUFFIXES,
    REGION_WORDS,
    Mention,
    clean_name,
    not_an_organization,
    org_kind,
    org_or_place_word,
    person_name,
    valid_name,
)
from .people import (
    PERSONAL_ROLES,
    cited_authors,
    quoted_or_listed,
    role_after,
    role_before,
    titled_leaders,
    unit_after_role,
)
from .reference import Reference
from .spans import whole_names


# a news story's opening "CITY, Region, 9 April 2025 —" or "CITY (Agency) -"
_DATELINE = re.compile(r"\s*(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*)(?:,\s*[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)*"
                       r"(?:,\s*\d{1,2} \w+ \d{4}|,\s*\w+ \d{1,2},? \d{4})?(?:\s*\([^()]{1,40}\))?\s+[—–-]\s")


def _dateline_place(doc, dateline: re.Match, reference: Reference) -> Mention | None:
    """The place a dateline opens with when the recogniser saw no name there ("SETTAT - Seven factories ...")."""
    span = doc.char_span(*dateline.span("place"))
    if span is None or any(t.pos_ != "PROPN" for t in span) or reference.organization(dateline.group("place")):
        return None
    name = " ".join(w.capitalize() for w in dateline.group("place").split())
    place = reference.place(name)
    sent = span.sent
    return Mention("place", place.name if place else name, place.kind if place else "Place", sent.start_char,
                   sent.end_char, start=span.start_char, end=span.end_char)


def _sentence(ent) -> tuple[int, int]:
    sent = ent.sent
    return sent.start_char, sent.end_char


def doc_mentions(doc, reference: Reference, *, heading: bool = False) -> list[Mention]:
    """All organisation, place and person mentions in one parsed block.

    Title-cased headings fool the recognizer ("Concluding Remarks" as a person),
    so in a heading only places and reference organisations count.
    """
    found: list[Mention] = []
    text = doc.text  # joined once: spaCy joins the tokens anew on every access
    dateline = _DATELINE.match(text)
    governments = government_mentions(doc, reference)
    names = whole_names(doc, reference)
    for ent in names:
        if ent.label_ == "ORG":
            ent = _with_office_owner(doc, ent)
        name = clean_name(ent.text)
        if not valid_name(name):
            continue
        if heading and ent.label_ in ("ORG", "PERSON") and not reference.organization(name):
            continue
        mention = _mention(doc, ent, name, reference, governments, text=text,
                           dateline_end=dateline.end() if dateline else 0)
        if mention is not None:
            found.append(mention)
    if dateline and (place := _dateline_place(doc, dateline, reference)) and not any(m.start < place.end for m in found):
        found.append(place)
    cued = cued_organizations(doc, reference, [e for e in names if e.label_ == "ORG"])
    # a name the text calls a company is one, whatever the recogniser guessed ("Swiss utility Axpo")
    found = [m for m in found if not any(m.start < c.end and c.start < m.end for c in cued)] + cued
    return found + governments + acting_places(doc, reference) + titled_leaders(doc, found) + cited_authors(doc)


def _with_office_owner(doc, ent):
    """The name with the office it belongs to: "Chongqing Mayor's International Economic Advisory Council" is
    one body's name, not "International Economic Advisory Council" after a possessive."""
    from spacy.tokens import Span

    i = ent.start
    if i < 3 or doc[i - 1].tag_ != "POS" or doc[i - 2].lower_ not in ROLE_WORDS or doc[i - 2].pos_ != "PROPN":
        return ent
    first = i - 2
    while first > 0 and doc[first - 1].pos_ == "PROPN" and (doc[first - 1].is_title or doc[first - 1].is_upper):
        first -= 1
    return ent if first == i - 2 else Span(doc, first, ent.end, label=ent.label_)


def _mention(doc, ent, name: str, reference: Reference, governments: list[Mention], *, text: str,
             dateline_end: int) -> Mention | None:
    """What one recognised name is, by its label and its context; None when it is no name of a kind kept.
    ``text`` is the block's text and ``dateline_end`` where its dateline ends (0: it has none)."""
    start, end = _sentence(ent)
    at = {"start": ent.start_char, "end": ent.end_char}
    if name.isupper() and ent.end_char <= dateline_end and not reference.organization(name):
        # "HAI PHONG, Vietnam —", "KULIM, KEDAH, 9 April 2025 –": a news story's dateline names a place
        name = " ".join(w.capitalize() for w in name.split())
        place = reference.place(name)
        return Mention("place", place.name if place else name, place.kind if place else "Place", start, end, **at)
    county = _COUNTY.match(name) or _COUNTY_AFTER.match(text[ent.end_char:ent.end_char + 30])
    if ent.label_ in ("GPE", "LOC", "FAC", "ORG") and county and county.group("county") not in reference.legal_forms:
        # "Ringaskiddy, Co. Cork": an Irish address, whose "Co." is a county's, not a company's
        return Mention("place", county.group("place") or name, "Place", start, end, **at)
    place = reference.place(name)
    if ent.label_ in ("GPE", "LOC", "FAC", "ORG") and place is not None:
        return Mention("place", place.name, place.kind, start, end, **at)
    if ent.label_ in ("GPE", "LOC", "FAC", "ORG") and name.split()[-1] in PLACE_SUFFIXES and len(name.split()) > 1:
        return Mention("place", name, "Zone", start, end, **at)
    if ent.label_ in ("ORG", "FAC") and described_as(ent, ZONE_NOUNS):
        return Mention("place", name, "Zone", start, end, **at)  # "the Parc Industriel Atlas-Sud, a 210-hectare industrial zone"
    if ent.label_ == "GPE":
        return Mention("place", name, "Place", start, end, **at)
    if ent.label_ in ("ORG", "PERSON", "NORP") and followed_by_based(doc, ent) \
            or ent.label_ in ("ORG", "PERSON") and used_as_place(doc, ent):
        # "Suwon-based KTL", "in Vinh Phuc province", "plants in Kulim and Bayan Lepas": a place's name
        return Mention("place", name, "Place", start, end, **at)
    if ent.label_ == "PERSON" and name.split()[-1] in reference.legal_forms | reference.type_words.keys() \
            and len(name.split()) > 1 and not not_an_organization(name, reference):
        # "Naivasha Agro-Chem Holdings", "Cirrusfield Cloud, Inc.": a firm's name, read as a person's
        return Mention("organization", name, org_kind(name, reference), start, end, **at)
    plain = person_name(name) and not any(org_or_place_word(w.rstrip(".,"), reference)
                                          or w.rstrip(".,") in reference.legal_forms for w in name.split())
    if ent.label_ == "ORG" and ent.root.dep_ == "appos" and ent.root.head.lower_ in ROLE_WORDS and plain:
        # "the bank's country manager, Aminata Diallo-Sy, said": a person named in apposition to a role
        return Mention("person", name, "Person", start, end, ent.root.head.lower_, None, **at)
    if ent.label_ in ("ORG", "FAC") and plain and not reference.organization(name):
        role, affiliation = role_after(doc, ent)
        if role is not None and role.split()[0].lower() in PERSONAL_ROLES:
            # "Le Anh Quan, vice chairman of the People's Committee", "Saoirse Ní Bhriain, co-founder & CEO": a
            # person's office after the name, whatever the recogniser took the name for
            return Mention("person", name, "Person", start, end, role, affiliation, **at)
    if ent.label_ == "ORG":
        name = _before_home(name, reference)
        if _no_organization(doc, ent, name, reference, governments):
            return None
        return Mention("organization", name, org_kind(name, reference), start, end, **at)
    if ent.label_ == "PERSON" and _listed_with_firms(doc, ent) and name.split()[-1] not in PLACE_SUFFIXES:
        # "Hewlett Packard, General Electric and Lockheed Martin": one of a list of firms
        return Mention("organization", name, org_kind(name, reference), start, end, **at)
    if ent.label_ == "PERSON" and ent[0].tag_ in ("VBG", "VBN") and ent[0].lower_.endswith(("ing", "ed")):
        return None  # "Concluding Remarks", "Promoting National Fitness": a title-case phrase led by a verb
    if ent.label_ == "PERSON" and person_name(name) and name.split()[-1] not in PLACE_SUFFIXES \
            and not org_or_place_word(name.split()[-1], reference) and not quoted_or_listed(text, ent) \
            and name.split()[0] not in REGION_WORDS \
            and not (ent.end < len(doc) and doc[ent.end].text == "," and described_as(ent, PLAN_NOUNS | PRODUCT_NOUNS)):
        # "Solstice E-Cooling, a breakthrough platform": a product's name, read as a person's ("Huang Qifan: China's
        # ... system" is a person's)
        role, affiliation = role_after(doc, ent)
        if role is None:
            role, affiliation = role_before(doc, ent)
        return Mention("person", name, "Person", start, end, role, affiliation, **at)
    return None


_COUNTY = re.compile(r"^(?P<place>.+?),?\s+Co\.\s+(?P<county>[A-Z][a-z]+)$")
_COUNTY_AFTER = re.compile(r"^(?P<place>),?\s+Co\.\s+(?P<county>[A-Z][a-z]+)\b")


def _listed_with_firms(doc, ent) -> bool:
    """Is the name coordinated with names the recogniser takes for organisations ("Hewlett Packard, General
    Electric and Lockheed Martin"), and with no person's?"""
    root = ent.root
    mates = [root.head] if root.dep_ == "conj" else []
    mates += [c for c in root.children if c.dep_ == "conj"]
    types = {m.ent_type_ for m in mates}
    return "ORG" in types and "PERSON" not in types


# a country named by its form of state after a body's name: "Ministry of Energy, Republic of Kenya"
_STATE_AFTER = re.compile(r",\s+(?:the\s+)?(?:Republic|Kingdom|State|Federation|Commonwealth|Emirate|Principality|"
                          r"Sultanate)\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*$")


def _before_home(name: str, reference: Reference) -> str:
    """A firm's name without the place it is "of" after an abbreviated legal form: "Ventara Automation GmbH of
    Regensburg"; a legal form that is a word takes its "of" into the name ("State Grid Corporation of China").
    A body's name without its country after a comma: "Ministry of Energy and Petroleum, Republic of Kenya"."""
    name = _STATE_AFTER.sub("", name)
    words = name.split()
    for i, word in enumerate(words[:-2]):
        form = word.rstrip(".,")
        if form in reference.legal_forms and not (form.istitle() and len(form) > 3) and words[i + 1] == "of":
            return " ".join(words[:i + 1]).rstrip(",")
    return name


# nouns of a title conferred on a firm or a site: "the certification of Digital Workshop", "the title of ..."
_CONFERRED = frozenset({"certification", "certificate", "title", "designation", "accreditation", "status"})


def _no_organization(doc, ent, name: str, reference: Reference, governments: list[Mention]) -> bool:
    """Whether a name recognised as an organisation is a term, a unit, a programme, a phrase or a product."""
    if not_an_organization(name, reference) or names_a_term(doc, ent, reference):
        return True
    if ent.start > 0 and doc[ent.start - 1].like_num and len(ent) == 1 and len(ent.text) <= 3:
        return True  # "a 100 MW electrolyser", "5 GW": a unit after its number
    if len(ent) == 1 and ent.text.isupper() and len(ent.text) == 3 and ent.end < len(doc) and doc[ent.end].like_num:
        return True  # "KRW 1.2 trillion", "INR 500 crore": a currency before its amount
    if described_as(ent, PLAN_NOUNS):
        return True  # "SG-READY, a government-backed programme": a programme's name
    if any(w[:1].islower() and w not in NAME_LOWER for w in re.split(r"[\s,]+", name)[1:]):
        return True  # "Talents and capital", "Ministry of Trade materials Fig": a phrase, not a name
    if len(ent) == 1 and ent[0].tag_.startswith("VB"):
        return True  # "Invest in ..." at the start of a list item
    if ent.end < len(doc) and doc[ent.end].lower_ in PRODUCT_NOUNS:
        return True  # "the EcoStruxure platform", "ABB Ability solutions": a product's name
    if len(ent) > 1 and ent.root.dep_ in ("compound", "nmod") and ent.root.head.lower_ in PRODUCT_NOUNS \
            and ent.root.head.i >= ent.end and not reference.organization(name):
        return True  # "the ABB Ability smart sensor solution": a product's name before what kind of product
    if is_contents_line(ent.sent.text):
        return True  # "Chongqing: A Future Leader in Smart Manufacturing ..... 123"
    if ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–") and not doc[ent.end - 1].whitespace_ \
            and not doc[ent.end].whitespace_ and (doc[ent.end + 1].is_upper or doc[ent.end + 1].is_title):
        return True  # "SG" of "SG-READY": the front of a longer name the recogniser cut
    if len(ent) == 1 and ent.end + 1 <= len(doc) - 1 and doc[ent.end].is_title and doc[ent.end].lower_ in ROLE_WORDS \
            and not (doc[ent.end + 1].pos_ == "PROPN" or doc[ent.end + 1].lower_ in ROLE_WORDS) \
            and not reference.organization(name):
        return True  # "To: Cabinet Secretary, Ministry of ...": an office's title, no body named
    if ent.start >= 2 and doc[ent.start - 1].lower_ in ("of", "as") and doc[ent.start - 2].lemma_.lower() in _CONFERRED:
        return True  # "obtained the certification of Digital Workshop of Chongqing": a title conferred
    if unit_after_role(doc, ent):
        return True  # "Senior Vice President, Global Operations, Lumisense Microsystems"
    if ent.start == ent.sent.start and (colon := next((t for t in doc[ent.end:ent.end + 3] if t.text == ":"), None)) \
            and colon.i > ent.end and all(t.is_lower for t in doc[ent.end:colon.i]):
        return True  # "Media enquiries: ...", "Investor relations: ...": a field's label
    return any(ent.start_char < g.end and g.start < ent.end_char for g in governments)
