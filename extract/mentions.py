"""Entity mentions from spaCy docs: organisations, places and people, each with its sentence.

Runs per block of a section, so headings and table rows never bleed into
the sentences around them.  Mentions are raw; :mod:`extract.resolve` merges them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .acronyms import definitions
from .loader import is_contents_line
from .reference import Reference

ROLE_WORDS = frozenset(
    """president vice chairman chairwoman chair ceo cfo cto coo director manager head chief executive
    officer founder co-founder partner professor mayor governor minister secretary deputy general
    managing senior principal lead leader economist analyst researcher scientist representative
    ambassador consul counsellor counselor commissioner advisor adviser spokesperson spokesman
    dean editor reporter correspondent engineer chairperson treasurer""".split()
)
PLACE_SUFFIXES = ("Zone", "Area", "Park", "District", "Port", "County", "Province", "City", "Town", "Plain", "Plateau")
# Names ending so are plans, programmes or regions, not organisations; policies get their own extractor.
_NOT_ORG_SUFFIXES = ("Plan", "Initiative", "Strategy", "Circle", "Program", "Programme", "Law", "Belt",
                     "Goal", "Goals", "Target", "Policy", "Project", "Index", "Report", "Award", "Forum",
                     "Week", "Expo", "Summit", "Conference", "Economy", "Opinion", "Opinions", "Guideline",
                     "Guidelines", "Act", "Measures", "Outline", "Roadmap", "Principles",
                     "River", "Corridor", "Agglomeration", "Megaregion", "Region", "Cities", "Delta", "Basin",
                     "Channel", "Metropolis", "Valley", "Projects", "Scenarios", "Enterprises", "News", "Base")
# words that, with place names, make a region's name: "Chengdu-Chongqing Twin Cities", "Greater Detroit"
_REGION_WORDS = frozenset({"Twin", "Cities", "Greater", "Region", "Area", "Economic", "Circle", "Northeast", "Northwest",
                           "Southeast", "Southwest", "Northern", "Southern", "Eastern", "Western", "Central"})
# an action named in title case: "Development of the Western Region", "Creation of a Remote Medical System"
_ACTION_NAME = re.compile(r"^(?:Development|Construction|Creation|Promotion|Implementation|Establishment|Building|"
                          r"Acceleration|Deepening|Opinions?|Notice|Guidance|Measures)\s+(?:of|on|for)\b")
# lower-case words a name may hold: "Ministry of Health", "Chongqing municipal government", "Port de Barcelona"
_NAME_LOWER = frozenset("""of and for the on in to at by de du la le des der und von van y e da do
    government governments administration municipality municipal provincial regional district city local central
    national federal state province authorities""".split())
_NAME_OK = re.compile(r"^[A-Z0-9][\w&'’.,()/+ -]*$")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*|[IVX]+)[.)]?\s")
_CAPTION = re.compile(r"^(?:Fig|Figure|Table|Chart|Exhibit)\.?\s?\d")  # "Fig.1: The targets of ..."
_LEADING_ROLE = re.compile(r"^(?:[A-Z][a-z]+\s+){0,3}?(?:of|at)\s+(?=[A-Z])|^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3},\s+")


@dataclass
class Mention:
    """One entity mention inside a block, with its sentence (block-relative offsets)."""

    kind: str  # "organization" | "place" | "person"
    name: str
    label: str  # spaCy label, or the reference kind
    sent_start: int
    sent_end: int
    role: str | None = None
    affiliation: str | None = None
    start: int = 0  # the mention itself (block-relative)
    end: int = 0


def clean_name(text: str) -> str:
    """Normalise an entity's surface form: drop a leading article or title, possessive, stray punctuation."""
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"(?:'s|’s|')$", "", text)
    if (m := _LEADING_ROLE.match(text)) and is_role_phrase(m.group()):
        text = text[m.end():]  # "Chairman of Qualcomm China" -> "Qualcomm China"
    text = text.strip(" ,.;:-–—\"“”'()")
    if text.count("(") > text.count(")"):  # the recogniser stopped before ")"
        closed = text + ")"
        # "Singapore University of Technology and Design (SUTD": the name it defines; "Toshiba (CHINA": whole
        text = text[:text.rindex("(")].strip() if definitions(closed) or len(closed[closed.rindex("("):].split()) > 1 else closed
    return text


def is_role_phrase(text: str) -> bool:
    words = re.findall(r"[A-Za-z-]+", text.lower())
    return bool(words) and words[0] in ROLE_WORDS


def org_kind(name: str, reference: Reference) -> str:
    """Type an organisation by reference data, then by the words in its name."""
    if ref := reference.organization(name):
        return ref.kind
    words = re.findall(r"[\w.]+", name)
    for kind in ("GovernmentBody", "ResearchOrganization", "FinancialInstitution"):
        if any(reference.type_words.get(w) == kind or reference.type_words.get(w.capitalize()) == kind for w in words):
            return kind
    return "Company"


def _valid_name(name: str) -> bool:
    return (
        2 <= len(name) <= 80
        and bool(_NAME_OK.match(name))
        and not _NUMBERING.match(name)
        and not _CAPTION.match(name)
        and any(c.isalpha() for c in name)
    )


def _person_name(name: str) -> bool:
    parts = name.split()
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() and p.replace("-", "").replace(".", "").isalpha() for p in parts)


def _sentence(ent) -> tuple[int, int]:
    sent = ent.sent
    return sent.start_char, sent.end_char


def _role_after(doc, ent) -> tuple[str | None, str | None]:
    """``NAME, Role of Org`` or ``NAME, Role, Org``: the appositive after a person."""
    i = ent.end
    if i >= len(doc) or doc[i].text != ",":
        return None, None
    j = i + 1
    while j < len(doc) and doc[j].text not in (",", ".", ";", "(", ")") and j - i < 12:
        j += 1
    phrase = doc[i + 1 : j]
    if not is_role_phrase(phrase.text):
        return None, None
    orgs = [e for e in doc.ents if e.label_ == "ORG" and i < e.start < j + 8]
    role = re.split(r"\s+(?:of|at|for)\s+", phrase.text)[0]
    affiliation = clean_name(orgs[0].text) if orgs else None
    if affiliation and role.endswith(orgs[0].text):
        role = role[: -len(orgs[0].text)].strip(" ,")
    return role.strip() or None, affiliation


def _role_before(doc, ent) -> tuple[str | None, str | None]:
    """``Org's Role NAME`` or ``Role NAME``: a title written before a person."""
    j = ent.start
    i = j
    while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ in ROLE_WORDS:
        i -= 1
    if i == j:
        return None, None
    role = doc[i:j].text
    affiliation = None
    if i >= 2 and doc[i - 1].text in ("'s", "’s"):
        owner = [e for e in doc.ents if e.label_ == "ORG" and e.end == i - 1]
        affiliation = clean_name(owner[0].text) if owner else None
    return role, affiliation


def doc_mentions(doc, reference: Reference, *, heading: bool = False) -> list[Mention]:
    """All organisation, place and person mentions in one parsed block.

    Title-cased headings fool the recognizer ("Concluding Remarks" as a person),
    so in a heading only places and reference organisations count.
    """
    found: list[Mention] = []
    text = doc.text  # joined once: spaCy joins the tokens anew on every access
    governments = government_mentions(doc, reference)
    names = whole_names(doc, reference)
    for ent in names:
        name = clean_name(ent.text)
        if not _valid_name(name):
            continue
        if heading and ent.label_ in ("ORG", "PERSON") and not reference.organization(name):
            continue
        start, end = _sentence(ent)
        place = reference.place(name)
        if ent.label_ in ("GPE", "LOC", "FAC", "ORG") and place is not None:
            found.append(Mention("place", place.name, place.kind, start, end, start=ent.start_char, end=ent.end_char))
        elif ent.label_ in ("GPE", "LOC", "FAC", "ORG") and name.split()[-1] in PLACE_SUFFIXES and len(name.split()) > 1:
            found.append(Mention("place", name, "Zone", start, end, start=ent.start_char, end=ent.end_char))
        elif ent.label_ == "GPE":
            found.append(Mention("place", name, "Place", start, end, start=ent.start_char, end=ent.end_char))
        elif ent.label_ in ("ORG", "PERSON", "NORP") and _based(doc, ent) \
                or ent.label_ in ("ORG", "PERSON") and _placed(doc, ent):
            # "Suwon-based KTL", "in Vinh Phuc province", "plants in Kulim and Bayan Lepas": a place's name
            found.append(Mention("place", name, "Place", start, end, start=ent.start_char, end=ent.end_char))
        elif ent.label_ == "PERSON" and name.split()[-1] in reference.legal_forms | reference.type_words.keys() \
                and len(name.split()) > 1 and not not_an_organization(name, reference):
            # "Naivasha Agro-Chem Holdings", "Cirrusfield Cloud, Inc.": a firm's name, read as a person's
            found.append(Mention("organization", name, org_kind(name, reference), start, end,
                                 start=ent.start_char, end=ent.end_char))
        elif ent.label_ == "ORG":
            if not_an_organization(name, reference) or _names_a_term(doc, ent, reference):
                continue
            if ent.start > 0 and doc[ent.start - 1].like_num and len(ent) == 1 and len(ent.text) <= 3:
                continue  # "a 100 MW electrolyser", "5 GW": a unit after its number
            if _described_as_a_plan(ent):
                continue  # "SG-READY, a government-backed programme": a programme's name
            if any(w[:1].islower() and w not in _NAME_LOWER for w in re.split(r"[\s,]+", name)[1:]):
                continue  # "Talents and capital", "Ministry of Trade materials Fig": a phrase, not a name
            if len(ent) == 1 and ent[0].tag_.startswith("VB"):
                continue  # "Invest in ..." at the start of a list item
            if ent.end < len(doc) and doc[ent.end].lower_ in _PRODUCT_NOUNS:
                continue  # "the EcoStruxure platform", "ABB Ability solutions": a product's name
            if is_contents_line(ent.sent.text):
                continue  # "Chongqing: A Future Leader in Smart Manufacturing ..... 123"
            if any(ent.start_char < g.end and g.start < ent.end_char for g in governments):
                continue
            found.append(Mention("organization", name, org_kind(name, reference), start, end,
                                 start=ent.start_char, end=ent.end_char))
        elif ent.label_ == "PERSON" and _person_name(name) and name.split()[-1] not in PLACE_SUFFIXES \
                and not _org_or_place_word(name.split()[-1], reference) and not _quoted_or_listed(text, ent) \
                and name.split()[0] not in _REGION_WORDS:
            role, affiliation = _role_after(doc, ent)
            if role is None:
                role, affiliation = _role_before(doc, ent)
            found.append(Mention("person", name, "Person", start, end, role, affiliation,
                                 start=ent.start_char, end=ent.end_char))
    cued = cued_organizations(doc, reference, [e for e in names if e.label_ == "ORG"])
    # a name the text calls a company is one, whatever the recogniser guessed ("Swiss utility Axpo")
    found = [m for m in found if not any(m.start < c.end and c.start < m.end for c in cued)] + cued
    return found + governments + acting_places(doc, reference) + titled_leaders(doc, found) + cited_authors(doc)


_GOVERNMENT_ACTS = re.compile(r"^(?:sign|establish|launch|issu|releas|announc|agre|found|fund|invest|cooperat|partner|"
                              r"approv|support|introduc|set)\w*$")


def acting_places(doc, reference: Reference) -> list[Mention]:
    """A province, city or municipality that acts ("Sichuan province and Chongqing city signed ...",
    "with funding from the Beijing municipality") is also an organisation: its government."""
    out = []
    for tok in doc:
        if tok.lower_ not in ("province", "city", "municipality") or tok.i == 0 or not reference.place(doc[tok.i - 1].text):
            continue
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok.head.head if tok.dep_ == "conj" \
            and tok.head.dep_ in ("nsubj", "nsubjpass") else None
        acts = verb is not None and _GOVERNMENT_ACTS.match(verb.lower_) is not None  # not "Chengdu city is large"
        funds = tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.lower_ in ("funding", "support")
        if acts or funds:
            span = doc[tok.i - 1: tok.i + 1]
            sent = span.sent
            out.append(Mention("organization", span.text, "GovernmentBody", sent.start_char, sent.end_char,
                               start=span.start_char, end=span.end_char))
    return out


# nouns after a name that make it a product's or a programme's: "the EcoStruxure framework", "the Flanders program"
_PRODUCT_NOUNS = frozenset("""platform platforms framework frameworks solution solutions software app apps system systems
    series brand brands product products device devices suite program programme initiative report awards award""".split())
# nouns that say the proper name next to them is an organisation: "energy company Vattenfall",
# "OPPO, one of the world's largest manufacturers"
ORG_NOUNS = frozenset("""company companies firm firms utility maker makers manufacturer manufacturers carmaker automaker
    start-up startup supplier suppliers provider operator developer bank insurer conglomerate retailer producer
    distributor investee affiliate subsidiary""".split())


_LIST_WORDS = frozenset({",", "and", "or", "&"})
# labels the recogniser gives a firm's one-word name when it cannot tell: "Zeekr" as a person, "Valeo" as a product
_MISREAD_NAMES = frozenset({"PERSON", "GPE", "PRODUCT", "NORP", "WORK_OF_ART"})
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
        if not _valid_name(name) or reference.place(name) or name in reference.terms or is_role_phrase(name):
            return
        if any(e.start <= start and end <= e.end for e in orgs):
            return  # the recogniser has it already
        sent = span.sent
        out.append(Mention("organization", name, org_kind(name, reference), sent.start_char, sent.end_char,
                           start=span.start_char, end=span.end_char))

    def name_at(i: int) -> int:
        """End of the run of proper-noun tokens starting at ``i`` (``i`` when there is none)."""
        j = i
        while j < len(doc) and j - i < 5 and doc[j].pos_ == "PROPN" and (doc[j].is_title or doc[j].is_upper):
            j += 1
        return j

    for tok in doc:
        if tok.lower_ in ORG_NOUNS and tok.i + 1 < len(doc) and (end := name_at(tok.i + 1)) > tok.i + 1:
            add(tok.i + 1, end)  # "energy company Vattenfall"
        if tok.text == "," and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("a", "an", "one", "the"):
            window = doc[tok.i + 1: tok.i + 10]
            first = tok.i - 1
            while first > 0 and doc[first - 1].pos_ == "PROPN" and tok.i - first < 5:
                first -= 1
            if doc[first].pos_ == "PROPN" and (first == 0 or doc[first - 1].is_punct or doc[first - 1].is_sent_start) \
                    and any(t.lower_ in ORG_NOUNS for t in window):
                add(first, tok.i)  # "OPPO, one of the world's largest manufacturers"

    def is_name(tok) -> bool:
        return tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper) or tok.ent_type_ == "ORG"

    def in_list(start: int, end: int) -> bool:
        """Is ``doc[start:end]`` one of three or more names listed with commas ("A, B and C"), one of them an
        organisation?"""
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
                while 0 <= j < len(doc) and is_name(doc[j]) and abs(j - k) < 5:
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

    for ent in doc.ents:
        if ent.label_ in _MISREAD_NAMES and len(ent) == 1 and not reference.place(ent.text) and in_list(ent.start, ent.end):
            add(ent.start, ent.end)  # "SONY, SMFG, and Pfizer", "FAW, BAW and Dongfeng"
    for tok in doc[1:]:  # names the recogniser left out: "SAIC, Geely, Chery", "YeMa Auto and Nanjun Auto"
        if not tok.ent_type_ and doc[tok.i - 1].lower_ in (",", "and", "or") \
                and (end := name_at(tok.i)) > tok.i and not any(t.ent_type_ for t in doc[tok.i:end]) and in_list(tok.i, end):
            add(tok.i, end)
    return out


# a body inside a firm, not a firm: "Board of Directors", "Group Executive Committee"
_GOVERNANCE_BODY = re.compile(r"^(?:(?:Supervisory |Management )?Board(?: of (?:Executive )?Directors)?|"
                              r"(?:Group )?Executive (?:Committee|Board)|Audit Committee)$")


def _quoted_or_listed(text: str, ent) -> bool:
    """A name inside a quoted title ("Strategic Roadmap for Hydrogen and Fuel Cells") or a table of contents.

    ``text`` is the block's text (``Doc.text``, which spaCy joins anew on every call)."""
    before = text[:ent.start_char]  # the whole block: a sentence may start inside a quotation
    return (before.count('"') % 2 == 1 or before.count("“") > before.count("”") or before.count("「") > before.count("」")
            or before.count("《") > before.count("》") or is_contents_line(ent.sent.text))


def whole_names(doc, reference: Reference) -> list:
    """The recogniser's entities, with organisation names it cut short made whole again.

    * a head it left out: "Agency for" + "Natural Resources and Energy";
    * a coordinated name it split: "Tokyo Medical" and "Dental University", when only the last part
      ends in an organisation word and the first has none ("Siemens and Bosch" stay two);
    * a place in parentheses inside or after a firm's name: "Cummins (China) Investment Co. Ltd.",
      "Compal Electronics (Chongqing)";
    * and every entity ends at its table cell.
    """
    from spacy.tokens import Span

    heads = set(reference.type_words) | set(reference.legal_forms)
    ents = list(doc.ents)
    out: list = []
    skip: set[int] = set()  # token positions of places taken into a name
    for ent in ents:
        start = ent.start
        if ent.label_ == "ORG":
            if start >= 4 and doc[start - 1].text == ")" and doc[start - 3].text == "(" \
                    and reference.place(doc[start - 2].text) and doc[start - 4].is_title:
                start -= 4  # "Cummins (China)" + "Investment Co. Ltd."
                while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
                    start -= 1
                while out and out[-1].end > start:
                    out.pop()  # the firm's name and its place, read as a person and a place
            elif start >= 2 and doc[start - 1].lower_ in ("of", "for") and doc[start - 2].text in heads:
                start -= 2
                while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
                    start -= 1  # "Political" + "Bureau of" + "the CPC Central Committee"
            elif start >= 2 and doc[start - 1].lower_ == "and" and doc[ent.end - 1].text in heads \
                    and len([t for t in ent if t.is_alpha and t.text not in heads]) <= 2 \
                    and not reference.place(ent[0].text):
                first = start - 1
                while first > 0 and start - first <= 4 and (doc[first - 1].is_title or doc[first - 1].is_upper) \
                        and not (doc[first - 1].is_sent_start and doc[first - 1].pos_ != "PROPN") \
                        and doc[first - 1].text not in heads:
                    first -= 1
                # the first part starts a name ("of Medical Sciences and ..." is the tail of another one)
                starts_name = first == 0 or not (doc[first - 1].lower_ in ("of", "for", "&", "-") or doc[first - 1].is_title)
                part = doc[first:start - 1]
                # an acronym before "and" is a name of its own: "HP and Nanyang Technological University"
                if len(part) and starts_name and not all(t.is_upper for t in part) and not any(t.text in heads for t in part):
                    start = first
        end = ent.end
        if ent.label_ == "ORG" and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and reference.place(doc[end + 1].text):
            end += 3  # a subsidiary named by its place: "Compal Electronics (Chongqing)"
            skip.add(end - 2)
            following = next((e for e in ents if e.start == end and e.label_ == "ORG"), None)
            if following is not None:  # "Cummins (China)" + "Investment Co. Ltd."
                end = following.end
                skip.add(following.start)
        if start != ent.start or end != ent.end:
            while out and out[-1].end > start:
                out.pop()  # the part before "and" joins this name
            ent = Span(doc, start, end, label="ORG")
        if ent.start in skip and (ent.label_ != "ORG" or out and out[-1].end > ent.start):
            continue  # the place inside a subsidiary's name, or the rest of it
        out.extend(_cells(ent))
    return _unmerged(doc, _joined(doc, out, heads), heads)


def _unmerged(doc, spans: list, heads: set[str]) -> list:
    """Two one-word names listed and read as one: "carmakers like Benz and Audi" -> "Benz", "Audi"; and a
    headline's words read into a name: "Intel Partners" of "Intel Partners with Ohio State University",
    "Ohio State University on Semiconductor Education"."""
    from spacy.tokens import Span

    out = []
    for span in spans:
        if span.label_ == "ORG" and len(span) > 1 and span[-1].text in ("Partners", "Teams", "Cooperates") \
                and span.end < len(doc) and doc[span.end].lower_ in ("with", "up"):
            span = Span(doc, span.start, span.end - 1, label="ORG")
        on = next((t.i for t in span[2:] if t.lower_ == "on"), None)
        if span.label_ == "ORG" and on is not None and doc[on - 1].text in heads:
            span = Span(doc, span.start, on, label="ORG")  # "Lakeside University" + " on Battery Research"
        listed = span.start > 0 and doc[span.start - 1].lower_ in ("like", "as", "including", ",")
        if span.label_ == "ORG" and len(span) == 3 and span[1].lower_ == "and" and listed \
                and all(t.is_title and t.pos_ == "PROPN" and t.text not in heads for t in (span[0], span[2])):
            out.extend([Span(doc, span.start, span.start + 1, label="ORG"), Span(doc, span.end - 1, span.end, label="ORG")])
        else:
            out.append(span)
    return out


# a body named by what it deals with: "Ministry of Health", "Committee on Cooperative Development"
_BODY_OF = re.compile(r"^(?:the\s+)?(?:Ministry|Committee|Commission|Department|Bureau|Council|Agency|Office|"
                      r"Administration|Federation|Association)\s+(?:of|on|for)\s", re.I)


def _joined(doc, spans: list, heads: set[str]) -> list:
    """Organisation names the recogniser cut at a comma, an "and" or a parenthesis, made whole.

    * the words after a connector it ended on: "Organization for Economic Co-operation and" + "Development";
    * a body's subjects listed after it: "Ministry of Health" + ", Labour and Welfare";
    * the long form an abbreviation spells: "China Petroleum and" + "Chemical Industry Federation (CPCIF)";
    * the long form in parentheses after an abbreviation: "NEDO (New Energy and Industrial Technology
      Development Organization)";
    * a name that goes on after an abbreviation: "Political Bureau of the Communist Party of China (CPC)" +
      "Central Committee".
    """
    from spacy.tokens import Span

    text = doc.text  # joined once: spaCy joins the tokens anew on every access
    longs = [(short, long) for short, long in definitions(text) if " " in long]
    out: list = []
    for span in spans:
        if span.label_ != "ORG":
            out.append(span)
            continue
        start, end = span.start, span.end
        if span[-1].lower_ in ("and", "of", "for", "&"):
            while end < len(doc) and end - span.end < 4 and doc[end].is_title:
                end += 1  # "Organization for Economic Co-operation and" + "Development"
        if _BODY_OF.match(span.text):
            j = end
            while j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].is_title:
                j += 2
            if j + 1 < len(doc) and doc[j].lower_ == "and" and doc[j + 1].is_title \
                    and (j + 2 == len(doc) or not (doc[j + 2].is_title or doc[j + 2].pos_ == "PROPN")):
                end = j + 2
        for short, long in longs:
            at = text.rfind(long, 0, span.end_char + 1)
            if at >= 0 and at + len(long) == span.end_char and at < span.start_char \
                    and re.match(rf"\s*\(\s*{re.escape(short)}\b", text[span.end_char:span.end_char + len(short) + 200]):
                first = doc.char_span(at, span.end_char, alignment_mode="expand")
                if first is not None:
                    start = min(start, first.start)
        if end < len(doc) and doc[end].text == ")":
            open_at = next((i for i in range(start - 1, max(start - 12, 0) - 1, -1) if doc[i].text in "()"), None)
            if open_at and doc[open_at].text == "(" and doc[open_at - 1].is_upper and all(
                    t.is_title or t.is_upper or t.lower_ in ("and", "of", "for", "&") for t in doc[open_at + 1:start]):
                start = open_at + 1
        if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 1].is_upper and doc[end + 2].text == ")":
            k = end + 3
            while k < len(doc) and k - end < 7 and doc[k].is_title:
                k += 1
            if k > end + 3 and doc[k - 1].text in heads:
                end = k
        if (start, end) == (span.start, span.end):
            out.append(span)
            continue
        while out and out[-1].end > start and out[-1].label_ in ("ORG", "PERSON", "GPE", "NORP"):
            before = out.pop()
            head = start
            while head > before.start and doc[head - 1].is_punct:
                head -= 1
            if before.label_ == "ORG" and head > before.start:
                out.append(Span(doc, before.start, head, label="ORG"))  # "KEDO" of "KEDO (Korea Energy"
        out.append(Span(doc, start, end, label="ORG"))
    # a span swallowed by a joined one is gone, unless it is an abbreviation that names the body on its own
    joined = [x for x in out if x.label_ == "ORG"]
    return [x for x in out if not any(o is not x and o.start <= x.start and x.end <= o.end and len(o) > len(x)
                                      for o in joined) or (len(x) == 1 and x[0].is_upper)]


def _cells(ent) -> list:
    """An entity cut at table-cell boundaries: a name ends at its cell."""
    from spacy.tokens import Span

    if "\t" not in ent.text:
        return [ent]
    parts, start = [], ent.start
    for tok in ent:
        if "\t" in tok.text or "\t" in tok.whitespace_:
            end = tok.i if "\t" in tok.text else tok.i + 1
            if end > start:
                parts.append(Span(ent.doc, start, end, label=ent.label_))
            start = tok.i + 1
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    doc = ent.doc

    def whole_cell(part) -> bool:  # "Memorandum" of "Memorandum of Understanding on ..." is no name
        before = part.start == 0 or "\t" in doc[part.start - 1].text or "\t" in doc[part.start - 1].whitespace_
        after = part.end == len(doc) or "\t" in doc[part.end].text or "\t" in doc[part.end - 1].whitespace_
        return before and after

    return [part for part in parts if whole_cell(part)]


# common nouns that follow a place's name: "Vinh Phuc province", "Lach Huyen port"
_PLACE_NOUNS = frozenset({"province", "district", "county", "city", "town", "village", "port", "region", "state",
                          "prefecture", "municipality", "governorate", "oblast", "harbour", "harbor"})
_IN_PLACE = frozenset({"in", "near", "outside"})


def _placed(doc, ent) -> bool:
    """Is the name used as a place's: followed by a place noun ("Vinh Phuc province"), or, for a name the
    recogniser took for a person, the object of "in" or "near" ("plants in Kulim and Bayan Lepas")?"""
    if ent.end < len(doc) and doc[ent.end].lower_ in _PLACE_NOUNS and doc[ent.end].pos_ == "NOUN":
        return True
    if ent.label_ != "PERSON":
        return False
    node = ent.root
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in _IN_PLACE


_PLAN_NOUNS = frozenset({"programme", "program", "plan", "initiative", "scheme", "strategy", "project", "law", "act",
                         "regulation", "directive", "fund", "award", "index", "campaign"})


def _described_as_a_plan(ent) -> bool:
    """Does an apposition call the name a programme, plan or law ("SG-READY, a government-backed programme")?"""
    if any(child.dep_ == "appos" and child.lower_ in _PLAN_NOUNS for child in ent.root.children):
        return True
    doc = ent.doc  # the parser often hangs the apposition on the noun before the name
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return False
    noun = next((t for t in doc[ent.end + 1:ent.end + 7] if t.pos_ == "NOUN" and t.dep_ == "appos"), None)
    return noun is not None and noun.lower_ in _PLAN_NOUNS


def _based(doc, ent) -> bool:
    """Is the name followed by "-based" ("Suwon-based")?"""
    following = [t.lower_ for t in doc[ent.end:ent.end + 2]]
    return following[:1] == ["-based"] or following == ["-", "based"]


def _names_a_term(doc, ent, reference: Reference) -> bool:
    """The long form of a term: "Cellular Vehicle-to-Everything (C-V2X)", "Industrial IoT (IIoT)"."""
    inside = re.search(r"\(([^()]+)\)?\s*$", ent.text)
    if inside:
        return inside.group(1) in reference.terms
    # the 40 characters after the entity, read from the tokens there: Doc.text would join the whole block
    following = (doc[ent.end - 1].whitespace_ + doc[ent.end:ent.end + 40].text_with_ws)[:40]
    after = re.match(r"[\w-]*\s*\(([^()]+)\)", following)
    return bool(after) and after.group(1) in reference.terms


# "Plant 3", "Line 4", "Phase 2": a numbered part of a site or a project
_NUMBERED_PART = re.compile(r"^(?:Plant|Factory|Line|Building|Phase|Site|Fab|Hall|Unit|Block|Berth|Terminal)\s+\d+[A-Za-z]?$")


def not_an_organization(name: str, reference: Reference) -> bool:
    """A name the recogniser calls an organisation that is a plan, a site, a role, a term, a region or an action."""
    words = name.split()
    while len(words) > 1 and re.fullmatch(r"\d{4}(?:[-–]\d{2,4})?", words[-1]):
        words.pop()  # "Singapore Green Plan 2030" ends in "Plan"
    if words[-1] in _NOT_ORG_SUFFIXES or is_role_phrase(name) or _NUMBERED_PART.match(name):
        return True
    if name in reference.terms or _ACTION_NAME.match(name) or _GOVERNANCE_BODY.match(name):
        return True
    parts = [p for p in re.split(r"[\s\-–]+", name) if p]
    return any(reference.place(p) for p in parts) and all(reference.place(p) or p in _REGION_WORDS for p in parts)


def _org_or_place_word(word: str, reference: Reference) -> bool:
    """"Sequoia China", "Moores University": a name ending so is an organisation, not a person."""
    return reference.place(word) is not None or word in reference.type_words


# "President Xi", "Prime Minister Suga": a head of state or government named by title and surname only
_LEADER = re.compile(
    r"\b(President|Prime Minister|Premier|Chancellor|Vice President|Vice Premier|Secretary-General|"
    r"General Secretary|Governor|Mayor)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])"
)


def titled_leaders(doc, found: list[Mention]) -> list[Mention]:
    out = []
    for m in _LEADER.finditer(doc.text):
        if any(f.kind == "person" and f.start <= m.start(2) < f.end for f in found):
            continue
        span = doc.char_span(m.start(2), m.end(2))
        if span is None or span[0].pos_ != "PROPN":
            continue
        sent = span.sent
        out.append(Mention("person", m.group(2), "Person", sent.start_char, sent.end_char, role=m.group(1),
                           start=m.start(2), end=m.end(2)))
    return out


# a Chinese citation names its authors before the title: "王伟、李娜:《...》", "周强主编:《...》", "陈明等:《...》"
_CITED = re.compile(r"(?<![\u4e00-\u9fff])((?:[\u4e00-\u9fff]{2,3}(?:主编|编|等)?\s*[、,，]\s*)*[\u4e00-\u9fff]{2,3}(?:主编|编|等)?)\s*[:：]\s*《")
_CITED_NAME = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:主编|编|等)?(?=\s*(?:[、,，]|$))")


def cited_authors(doc) -> list[Mention]:
    """The authors of works cited in Chinese, as people (the recogniser reads no Chinese)."""
    out = []
    for m in _CITED.finditer(doc.text):
        for name in _CITED_NAME.finditer(m.group(1)):
            span = doc.char_span(m.start(1) + name.start(1), m.start(1) + name.end(1), alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            out.append(Mention("person", name.group(1), "Person", sent.start_char, sent.end_char,
                               start=m.start(1) + name.start(1), end=m.start(1) + name.end(1)))
    return out


# "the Chongqing municipal government", "the Japanese government", "Central Government"
_GOVERNMENT = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){1,5}(?:(?:[Mm]unicipal|[Pp]rovincial|[Rr]egional|[Dd]istrict|[Cc]ity|[Ll]ocal|"
    r"[Cc]entral|[Nn]ational|[Ff]ederal|[Ss]tate)\s+)?[Gg]overnment)s?\b"
)
_PROPER = r"[A-Z][\w'’-]+"
_GOVERNMENT_OF = re.compile(rf"\b[Gg]overnments? of ((?:the )?{_PROPER}(?:(?:,\s*{_PROPER})*,?\s+and\s+{_PROPER})?)")
_LEVEL_GOVERNMENT = re.compile(r"\bthe ((?:central|national|federal) government)\b")
_NOT_GOVERNMENT_WORDS = frozenset({"The", "A", "An", "This", "That", "Our", "Its", "Their", "Both", "All", "Each"})


def government_mentions(doc, reference: Reference) -> list[Mention]:
    """Governments named by place or nationality: a government is an organisation that can partner or issue."""
    found = []
    for m in _GOVERNMENT.finditer(doc.text):
        words = m.group(1).split()
        while words and words[0] in _NOT_GOVERNMENT_WORDS:
            words = words[1:]
        if len(words) < 2:
            continue
        first = words[0].rstrip("'’s")
        at = m.start(1) + m.group(1).index(words[0])
        first_token = doc.char_span(at, at + len(first), alignment_mode="expand")
        proper = first_token is not None and len(first_token) and first_token[0].pos_ == "PROPN" \
            and not first_token[0].is_sent_start  # "the Flanders government"; not a title-cased sentence opening
        if not (reference.place(first) or first.endswith(("ese", "ian", "an", "ish", "ch")) or proper
                or first in ("Central", "Federal", "State", "National")):
            continue
        # "Chongqing's government", "the ... Port Area's district government"; "People's Government" keeps its 's
        words = [w if re.match(r"People(?:’s|'s)$", w) else re.sub(r"(?:’s|'s)$", "", w) for w in words]
        name = " ".join(words)
        span = doc.char_span(at, m.end(1), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        found.append(Mention("organization", name, "GovernmentBody", sent.start_char, sent.end_char,
                             start=span.start_char, end=span.end_char))
    for m in _GOVERNMENT_OF.finditer(doc.text):  # "the governments of Michigan and Detroit"
        for place in re.split(r",?\s+and\s+|,\s*", m.group(1).removeprefix("the ")):
            if not reference.place(place) and not place[:1].isupper():
                continue
            at = m.start(1) + m.group(1).index(place)
            span = doc.char_span(at, at + len(place), alignment_mode="expand")
            if span is not None and span[0].pos_ == "PROPN":
                sent = span.sent
                found.append(Mention("organization", f"Government of {place}", "GovernmentBody", sent.start_char,
                                     sent.end_char, start=m.start(), end=m.end()))
    for m in _LEVEL_GOVERNMENT.finditer(doc.text):  # "the central government"
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            sent = span.sent
            found.append(Mention("organization", m.group(1).title(), "GovernmentBody", sent.start_char, sent.end_char,
                                 start=span.start_char, end=span.end_char))
    return found


def byline_person(name_text: str, role_text: str, reference: Reference) -> Mention | None:
    """A person from document structure: a short name line followed by a role line.

    ``SATO Yasuhiro`` / ``Chairman, Mizuho Financial Group`` gives the person, the
    role before the first comma and the organisation after it.
    """
    name = " ".join(name_text.split())
    if not _person_name(name) or reference.place(name) or reference.organization(name):
        return None
    if not is_role_phrase(role_text):
        return None
    role, *rest = [part.strip() for part in role_text.split(",")]
    affiliation = None
    for part in rest:
        if not is_role_phrase(part):
            # a second title may follow on the same line: "Corning President"
            affiliation = clean_name(re.split(r"\s+(?=[A-Z][a-z]+\b)(?:" + "|".join(
                w.capitalize() for w in sorted(ROLE_WORDS)) + r")\b", part)[0])
            break
    return Mention("person", name, "Person", 0, len(name_text), role, affiliation or None)
