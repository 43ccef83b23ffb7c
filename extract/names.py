"""What a name is: cleaning a surface form, telling an organisation's name from a plan's, a role's or a
person's, and typing it; and the mention record every finder returns."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .acronyms import definitions
from .lexicon import FIRM_NOUNS, PATRONYMIC_WORDS, ROLE_WORDS
from .loader import is_caption
from .reference import Reference

PLACE_SUFFIXES = ("Zone", "Area", "Park", "District", "Port", "County", "Province", "City", "Town", "Plain", "Plateau")

# Names ending so are plans, programmes or regions, not organisations; policies get their own extractor.
_PLAN_FIRST = frozenset({"Programme", "Program", "Plan", "Strategy", "Initiative", "Scheme"})
_NOT_ORG_SUFFIXES = ("Plan", "Initiative", "Strategy", "Circle", "Program", "Programme", "Law", "Belt",
                     "Goal", "Goals", "Target", "Policy", "Project", "Index", "Report", "Award", "Forum",
                     "Week", "Expo", "Summit", "Conference", "Economy", "Opinion", "Opinions", "Guideline",
                     "Guidelines", "Act", "Measures", "Outline", "Roadmap", "Principles",
                     "River", "Corridor", "Agglomeration", "Megaregion", "Region", "Cities", "Delta", "Basin",
                     "Channel", "Metropolis", "Valley", "Projects", "Scenarios", "Enterprises", "News", "Base",
                     "Model")

_FUNCTION_WORDS = frozenset({"through", "for", "of", "and", "to", "with", "in", "on", "by", "the", "from", "at"})

# abstract nouns that end a term's or a publication's name, never a body's unless a word of it says body
_ABSTRACT_SUFFIXES = frozenset({"Development", "Circulation", "Vision", "Outlook", "Axis", "Advantages", "Yearbook",
                                "Yearbooks", "Workforce", "Platform", "Factories", "Transformation", "Consumption",
                                "Market", "Integration"})

# words that, with place names, make a region's name: "Chengdu-Chongqing Twin Cities", "Greater Detroit"
REGION_WORDS = frozenset({"Twin", "Cities", "Greater", "Region", "Area", "Economic", "Circle", "Northeast", "Northwest",
                           "Southeast", "Southwest", "Northern", "Southern", "Eastern", "Western", "Central"})

# an action named in title case: "Development of the Western Region", "Creation of a Remote Medical System"
_ACTION_NAME = re.compile(r"^(?:Development|Construction|Creation|Promotion|Implementation|Establishment|Building|"
                          r"Acceleration|Deepening|Opinions?|Notice|Guidance|Measures)\s+(?:of|on|for)\b")

# lower-case words a name may hold: "Ministry of Health", "Chongqing municipal government", "Port de Barcelona"
NAME_LOWER = frozenset("""of and for the on in to at by de du la le des der und von van y e da do
    government governments administration municipality municipal provincial regional district city local central
    national federal state province authorities""".split())

# word characters of any alphabet after a capital or a digit (valid_name checks the first): "Özkaya Beyaz Eşya A.Ş."
_NAME_OK = re.compile(r"^[\w&'’.,()/+ -]*$")

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*|[IVX]+)[.)]?\s")


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
    alias_of: str | None = None  # the organisation this name is defined as short for ("Acme Holdings (AH)")


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


def valid_name(name: str) -> bool:
    return (
        2 <= len(name) <= 80
        and bool(_NAME_OK.match(name)) and (name[0].isupper() or name[0].isdigit())
        and not _NUMBERING.match(name)
        and not is_caption(name)
        and any(c.isalpha() for c in name)
    )


def person_name(name: str) -> bool:
    """Two to four capitalised words, and a patronymic word between them ("Nur Aisyah binti Kamarudin")."""
    parts = [p for p in name.split() if p not in PATRONYMIC_WORDS]
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() and p.replace("-", "").replace(".", "").isalpha() for p in parts)

# a body inside a firm, not a firm: "Board of Directors", "Group Executive Committee"
_GOVERNANCE_BODY = re.compile(r"^(?:(?:Supervisory |Management )?Board(?: of (?:Executive )?Directors)?|"
                              r"(?:Group )?Executive (?:Committee|Board)|Audit Committee)$")

# "Plant 3", "Line 4", "Phase 2": a numbered part of a site or a project
_NUMBERED_PART = re.compile(r"^(?:Plant|Factory|Line|Building|Phase|Site|Fab|Hall|Unit|Block|Berth|Terminal)\s+\d+[A-Za-z]?$")


def not_an_organization(name: str, reference: Reference) -> bool:
    """A name the recogniser calls an organisation that is a plan, a site, a role, a term, a region or an action."""
    words = name.split()
    while len(words) > 1 and re.fullmatch(r"\d{4}(?:[-–]\d{2,4})?", words[-1]):
        words.pop()  # "Singapore Green Plan 2030" ends in "Plan"
    if words[-1] in _NOT_ORG_SUFFIXES or is_role_phrase(name) or _NUMBERED_PART.match(name):
        return True
    if len(words) > 1 and words[-1].lower() in _FUNCTION_WORDS:
        return True  # "Long-Range Objectives Through": a phrase cut off, not a name
    if words[-1] in _ABSTRACT_SUFFIXES and not any(w in reference.type_words or w.rstrip(".,") in reference.legal_forms
                                                   for w in words):
        return True  # "Domestic-International Dual Circulation", "Digital Single Market"; not "Agency for ... Development"
    if len(words) > 1 and words[0] in _PLAN_FIRST and words[1] in ("for", "of", "on", "to"):
        return True  # "Programme for Research in Epidemic Preparedness": a plan named head first
    if len(words) == 1 and words[0].lower() in FIRM_NOUNS:
        return True  # "the Group's subsidiary", "the Company": a firm the text named before, not a name
    if name in reference.terms or _ACTION_NAME.match(name) or _GOVERNANCE_BODY.match(name):
        return True
    parts = [p for p in re.split(r"[\s\-–]+", name) if p]
    return any(reference.place(p) for p in parts) and all(reference.place(p) or p in REGION_WORDS for p in parts)


def org_or_place_word(word: str, reference: Reference) -> bool:
    """"Sequoia China", "Moores University": a name ending so is an organisation, not a person."""
    return reference.place(word) is not None or word in reference.type_words
