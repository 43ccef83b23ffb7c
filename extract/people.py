"""People: their roles and affiliations around a name, titled leaders, cited Chinese authors, bylines."""
from __future__ import annotations

import re

from .lexicon import ROLE_WORDS
from .loader import is_contents_line
from .names import Mention, clean_name, is_role_phrase, person_name
from .reference import Reference


# offices only a person holds: after a name the recogniser took for a firm's, they make it a person's
# ("partner" or "supplier" follow a firm's name as often)
PERSONAL_ROLES = frozenset("""president vice chairman chairwoman chair chairperson ceo cfo cto coo director manager
    chief founder co-founder professor mayor governor minister secretary deputy managing dean spokesperson
    spokesman treasurer premier chancellor senator ambassador commissioner vp svp evp""".split())


def unit_after_role(doc, ent) -> bool:
    """Is the name a firm's unit, between a person's office and the firm ("Senior Vice President, Global
    Operations, Lumisense Microsystems")?"""
    return ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lower_ in ROLE_WORDS \
        and ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].ent_type_ == "ORG"


def role_after(doc, ent) -> tuple[str | None, str | None]:
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
    orgs = [e for e in doc.ents if e.label_ == "ORG" and i < e.start < j + 8 and not unit_after_role(doc, e)]
    role = re.split(r"\s+(?:of|at|for)\s+", phrase.text)[0]
    affiliation = clean_name(orgs[0].text) if orgs else None
    if affiliation and role.endswith(orgs[0].text):
        role = role[: -len(orgs[0].text)].strip(" ,")
    return role.strip() or None, affiliation


def role_before(doc, ent) -> tuple[str | None, str | None]:
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


def quoted_or_listed(text: str, ent) -> bool:
    """A name inside a quoted title ("Strategic Roadmap for Hydrogen and Fuel Cells") or a table of contents.

    ``text`` is the block's text (``Doc.text``, which spaCy joins anew on every call)."""
    before = text[:ent.start_char]  # the whole block: a sentence may start inside a quotation
    return (before.count('"') % 2 == 1 or before.count("“") > before.count("”") or before.count("「") > before.count("」")
            or before.count("《") > before.count("》") or is_contents_line(ent.sent.text))

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


def byline_person(name_text: str, role_text: str, reference: Reference) -> Mention | None:
    """A person from document structure: a short name line followed by a role line.

    ``SATO Yasuhiro`` / ``Chairman, Mizuho Financial Group`` gives the person, the
    role before the first comma and the organisation after it.
    """
    name = " ".join(name_text.split())
    if not person_name(name) or reference.place(name) or reference.organization(name):
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
