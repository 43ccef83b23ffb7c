"""What the words around a name say it is: a firm ("utility Axpo"), a place ("Vinh Phuc province",
"Suwon-based"), a programme ("SG-READY, a programme") or a term ("Industrial IoT (IIoT)")."""
from __future__ import annotations

import re

from .lexicon import FUNDING_VERBS, MONEY_NOUNS, ORG_NOUNS, PLACE_NOUNS, PLAN_NOUNS, ROLE_WORDS, ZONE_NOUNS
from .names import Mention, clean_name, is_role_phrase, org_kind, valid_name
from .reference import Reference

_LIST_WORDS = frozenset({",", "and", "or", "&"})

# labels the recogniser gives a firm's one-word name when it cannot tell: "Zeekr" as a person, "Valeo" as a product
_MISREAD_NAMES = frozenset({"PERSON", "GPE", "PRODUCT", "NORP", "WORK_OF_ART"})
# plural nouns that, before a colon, announce a list of bodies: "three other research institutions: A, B and C"
_BODY_NOUNS = frozenset({"board", "institution", "university", "agency", "body", "partner", "organisation",
                         "organization", "member", "shareholder", "investor", "bank", "ministry"})
_LIST_LEADS = ORG_NOUNS | _BODY_NOUNS
# a name that opens, builds or runs one of these is a firm's: "Doukkala Agro-Conserves opened a plant"
_OPENING_VERBS = frozenset({"open", "build", "start", "inaugurate", "commission", "operate", "run", "construct"})
_SITE_NOUNS = frozenset({"plant", "factory", "foundry", "mill", "refinery", "smelter", "warehouse", "facility",
                         "gigafactory"})

# a list after one of these names places, whatever else it holds: "in Guoyuan, Chongqing, Acme has ..."
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "of", "across", "around", "throughout"})


def cued_organizations(doc, reference: Reference, orgs: list) -> list[Mention]:
    """Proper names an organisation noun introduces ("utility Axpo") or describes in apposition
    ("OPPO, one of the largest manufacturers"), and one-word names listed with organisations.

    ``orgs`` are the organisation spans already found (:func:`whole_names`).
    """
    out: list[Mention] = []

    def add(start: int, end: int) -> None:
        span = doc[start:end]
        name = clean_name(span.text)
        if not valid_name(name) or reference.place(name) or name in reference.terms or is_role_phrase(name):
            return
        if any(e.start <= start and end <= e.end for e in orgs):
            return  # the recogniser has it already
        sent = span.sent
        out.append(Mention("organization", name, org_kind(name, reference), sent.start_char, sent.end_char,
                           start=span.start_char, end=span.end_char))

    for tok in doc:
        # "energy company Vattenfall", "aerospace start-up Gilmour Space Technologies" (a hyphenated noun is three tokens)
        noun = doc[tok.i - 2:tok.i + 1].text.lower() if tok.i >= 2 and doc[tok.i - 1].text == "-" else tok.lower_
        if noun in ORG_NOUNS and tok.i + 1 < len(doc) and (end := _name_end(doc, tok.i + 1)) > tok.i + 1:
            add(tok.i + 1, end)
        if tok.lower_ in ORG_NOUNS and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," \
                and (end := _name_end(doc, tok.i + 2)) > tok.i + 2 and (end == len(doc) or doc[end].is_punct):
            add(tok.i + 2, end)  # "a Korean battery-materials firm, Daemyung Chemtech, has visited"
        if tok.text == "," and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("a", "an", "one", "the"):
            window = doc[tok.i + 1: tok.i + 10]
            first = tok.i - 1
            while first > 0 and tok.i - first < 6 and (doc[first - 1].pos_ == "PROPN" or _glued_hyphen(doc, first - 1)):
                first -= 1  # "Câblerie Atlas-Chaouia, a Moroccan maker": the hyphen is inside the name
            if doc[first].pos_ == "PROPN" and (first == 0 or doc[first - 1].is_punct or doc[first - 1].is_sent_start) \
                    and any(t.lower_ in ORG_NOUNS for t in window):
                add(first, tok.i)  # "OPPO, one of the world's largest manufacturers"
        if (tok.lemma_.lower() in MONEY_NOUNS and tok.pos_ == "NOUN" or tok.tag_ == "VBN" and tok.lemma_.lower()
                in FUNDING_VERBS) and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == ("by" if tok.tag_ == "VBN" else "from"):
            first = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
            if (end := _name_end(doc, first)) > first:
                # "a capital grant from IDA Ireland", "funded by Enterprise Yorkshire": the funder is an organisation,
                # whatever the recogniser says
                add(first, end)
        if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.head.lemma_.lower() in _OPENING_VERBS \
                and any(c.dep_ == "dobj" and c.lemma_.lower() in _SITE_NOUNS for c in tok.head.children):
            first = tok.left_edge.i
            if all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) or _glued_hyphen(doc, t.i) for t in doc[first:tok.i + 1]) \
                    and not any(t.lower_ in ROLE_WORDS for t in doc[first:tok.i + 1]):  # "Siemens Chairman Jim Snabe" is a person
                add(first, tok.i + 1)  # "Doukkala Agro-Conserves opened a canned-vegetable plant": a firm opens plants
        if tok.text == ":" and tok.i > 0 and doc[tok.i - 1].tag_ == "NNS" \
                and doc[tok.i - 1].lemma_.lower() in _LIST_LEADS:
            # "two government statutory boards: Enterprise Singapore and the Economic Development Board"
            j = tok.i + 1
            while j < len(doc) and doc[j].text not in (";", ".", ":"):
                first = j + (doc[j].lower_ == "the")
                if (end := _name_end(doc, first)) > first:
                    add(first, end)
                    j = end
                else:
                    j += 1
    for ent in doc.ents:
        if ent.label_ in _MISREAD_NAMES and len(ent) == 1 and not reference.place(ent.text) \
                and _in_list(doc, ent.start, ent.end, orgs):
            add(ent.start, ent.end)  # "SONY, SMFG, and Pfizer", "FAW, BAW and Dongfeng"
    for tok in doc[1:]:  # names the recogniser left out: "SAIC, Geely, Chery", "YeMa Auto and Nanjun Auto"
        if not tok.ent_type_ and doc[tok.i - 1].lower_ in (",", "and", "or") \
                and (end := _name_end(doc, tok.i)) > tok.i and not any(t.ent_type_ for t in doc[tok.i:end]) \
                and _in_list(doc, tok.i, end, orgs):
            add(tok.i, end)
    return out


def _glued_hyphen(doc, i: int) -> bool:
    """Is token ``i`` a hyphen written between two words without spaces ("Atlas-Chaouia")?"""
    return doc[i].text in ("-", "–") and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _name_end(doc, i: int) -> int:
    """End of the run of proper-noun tokens starting at ``i`` (``i`` when there is none)."""
    j = i
    while j < len(doc) and j - i < 5 and doc[j].pos_ == "PROPN" and (doc[j].is_title or doc[j].is_upper):
        j += 1
    return j


def _is_name(tok) -> bool:
    return tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper) or tok.ent_type_ == "ORG"


def _in_list(doc, start: int, end: int, orgs: list) -> bool:
    """Is ``doc[start:end]`` one of three or more names listed with commas ("A, B and C"), one of them an
    organisation (of ``orgs``)?"""
    items, commas, org_listed = 1, 0, False
    if start and doc[start - 1].lower_ in _PLACE_PREPOSITIONS:
        return False
    for step in (-1, 1):
        i = start - 1 if step < 0 else end
        while 0 <= i < len(doc) and doc[i].lower_ in _LIST_WORDS:
            k = i
            while 0 <= k < len(doc) and doc[k].lower_ in _LIST_WORDS:
                k += step
            j = k
            while 0 <= j < len(doc) and _is_name(doc[j]) and abs(j - k) < 5:
                j += step
            if j == k:
                break  # the list ends before these separators
            if step < 0 and 0 <= j < len(doc) and doc[j].lower_ in _PLACE_PREPOSITIONS:
                return False
            commas += sum(doc[x].text == "," for x in range(min(i, k), max(i, k) + 1) if 0 <= x < len(doc))
            items += 1
            lo, hi = (j + 1, k + 1) if step < 0 else (k, j)
            org_listed = org_listed or any(e.start < hi and lo < e.end for e in orgs)
            i = j
    return items >= 3 and commas > 0 and org_listed


_IN_PLACE = frozenset({"in", "near", "outside"})
_WHERE_PREPOSITIONS = _IN_PLACE | {"between"}


# words whose "in"/"near"/"between" phrase says where something is
_WHERE_WORDS = frozenset("""found base locate headquarter situate establish plant factory site facility office park zone
    road city town port area region district""".split())


def used_as_place(doc, ent) -> bool:
    """Is the name used as a place's: followed by a place or zone noun ("Vinh Phuc province", "the LAPSSET corridor"),
    or after a place noun and "of" ("the commune of Sidi El Aydi"), where a sentence opens or across which it spreads
    ("In the European Union, ...", "throughout the EU"), or, for a name the
    recogniser took for a person, the object of "in" or "near" ("plants in Kulim and Bayan Lepas")?"""
    if ent.end < len(doc) and doc[ent.end].lower_ in PLACE_NOUNS | ZONE_NOUNS and doc[ent.end].pos_ == "NOUN" \
            and not (ent.start and doc[ent.start - 1].lower_ in ("a", "an")):
        return True  # "a S&T park" is a kind of park
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in PLACE_NOUNS:
        return True  # "the commune of Sidi El Aydi", "the city of Settat"
    if _fronted_where(doc, ent):
        return True  # "In the European Union, clusters generate ...": where, not who
    if len(ent) == 1 and ent[0].tag_ == "NNPS" and ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "to") \
            and ent.start and doc[ent.start - 1].lower_ == "the":
        return True  # "to run kelpie in the Nordics": a region named in the plural
    if ent.label_ not in ("PERSON", "ORG") or ent.label_ == "ORG" and len(ent) > 1:
        return False
    node = ent.root
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in _WHERE_PREPOSITIONS:
        return False
    # a one-word "organisation" after "in" is a place only where the words say where: "founded in Berrechid",
    # "plants in Kenitra and Tangier", "the road between Settat and Berrechid"
    return ent.label_ == "PERSON" and node.head.lower_ in _IN_PLACE or node.head.head.lemma_.lower() in _WHERE_WORDS


_SPREAD_OVER = frozenset({"across", "throughout"})
# verbs (lemmas) whose "in" says where something stays: "all patient data staying in the EU"
_STAY_VERBS = frozenset({"stay", "remain", "live", "reside", "store", "keep"})


def _fronted_where(doc, ent) -> bool:
    """Is the name where its sentence happens: an "in" phrase put before the verb and its subject ("In the EU, ...",
    "For example, in the European Union, clusters generate ..."), the place something stays in ("data staying in
    the EU"), or after "across" or "throughout" ("sold throughout the EU")?  A firm is "at", not "in", there."""
    i = ent.start - (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    if i == 0 or doc[ent.end - 1].lower_ in PLAN_NOUNS:
        return False  # "In the Industrial Cluster Plan, clusters were defined as ...": a text, not a place
    prep = doc[i - 1]
    if prep.lower_ in _SPREAD_OVER:
        return True
    if prep.lower_ != "in":
        return False
    return prep.head.lemma_.lower() in _STAY_VERBS or prep.head.pos_ in ("VERB", "AUX") and prep.i < prep.head.i \
        and ent.end < len(doc) and doc[ent.end].text == ","


def described_as(ent, nouns: frozenset[str]) -> bool:
    """Does an apposition call the name one of ``nouns``: a programme, plan or law ("SG-READY, a
    government-backed programme"), a product ("Solstice E-Cooling, a breakthrough platform")?"""
    if any(child.dep_ == "appos" and child.lower_ in nouns for child in ent.root.children):
        return True
    doc = ent.doc  # the parser often hangs the apposition on the noun before the name
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return False
    noun = next((t for t in doc[ent.end + 1:ent.end + 7] if t.pos_ == "NOUN" and t.dep_ == "appos"), None)
    return noun is not None and noun.lower_ in nouns


def followed_by_based(doc, ent) -> bool:
    """Is the name followed by "-based" ("Suwon-based")?"""
    following = [t.lower_ for t in doc[ent.end:ent.end + 2]]
    return following[:1] == ["-based"] or following == ["-", "based"]


def names_a_term(doc, ent, reference: Reference) -> bool:
    """The long form of a term: "Cellular Vehicle-to-Everything (C-V2X)", "Industrial IoT (IIoT)"."""
    inside = re.search(r"\(([^()]+)\)?\s*$", ent.text)
    if inside:
        return inside.group(1) in reference.terms
    # the 40 characters after the entity, read from the tokens there: Doc.text would join the whole block
    following = (doc[ent.end - 1].whitespace_ + doc[ent.end:ent.end + 40].text_with_ws)[:40]
    after = re.match(r"[\w-]*\s*\(([^()]+)\)", following)
    return bool(after) and after.group(1) in reference.terms
