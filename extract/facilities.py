"""Facilities: sites an organisation runs, builds or plans (plants, R&D centres, hubs, offices, HQs).

A sentence yields a facility when it names a site noun ("plant", "R&D center",
"logistics hub", "headquartered in") and an operator: an organisation in the
sentence, or the report's author when it speaks of itself.  A place alone is
not a facility ("Chongqing is a manufacturing base" has no operator).
"""
from __future__ import annotations

import re

from .patterns import facility as facility_patterns
from .patterns import cues
from .records import FacilityRecord
from .sentences import YEAR, Sentence, amounts, hypothetical, most_specific, status_of
from .site_operators import site_operators

_GENERIC_PLACE_WORDS = re.compile(r"\b(?:power plants?|the plant sector|plant-based|plants? and animals)\b", re.I)


def _site_words(sent: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, facility kind) of the site words in a sentence (offsets in ``sent.text``), read by the
    ``extract/patterns/facility.py`` table: overlapping matches give the longest, then the earlier row."""
    span = sent.span
    order = {label: i for i, (label, _) in enumerate(facility_patterns.CUES)}
    out: list[tuple[int, int, str]] = []
    taken_to = 0
    for label, start, end in sorted(cues(span, "facility"), key=lambda m: (m[1], m[1] - m[2], order[m[0]])):
        last = span[end - 1]
        if last.pos_ == "VERB" and end - start == 1 and any(c.dep_ == "dobj" for c in last.children) \
                and any(c.dep_ == "aux" for c in last.children):
            continue  # "started to plant trees": a verb with its object, not a site noun
        if start >= taken_to:
            out.append((span[start].idx - sent.start, span[end - 1].idx + len(span[end - 1]) - sent.start, label))
            taken_to = end
    return out


# the kind of a site named by its last words ("Acme Wuhan Factory"); any other is "other"
_NAMED_KINDS = {"factory": "plant", "plant": "plant", "site": "plant", "headquarters": "headquarters",
                "research institute": "research_center"}


_NAMED_SITE = re.compile(
    r"\b(?:Center|Centre|Lab|Laboratory|Factory|Plant|Campus|Headquarters|Research Institute|Technology Park|"
    r"Innovation Park|Industrial Park|Base|Hub|Site)$"
)


# names that only a site has; "Center" and "Institute" also name organisations
_SITE_NAME = re.compile(r"\b(?:Factory|Plant|Campus|Headquarters|Industrial Park|Technology Park|Innovation Park)$")


def is_named_site(name: str) -> bool:
    """Is this name a site's own name ("CCEC Technical Center") rather than an organisation's?"""
    return bool(_SITE_NAME.search(name)) and not re.search(r"\b(?:Co|Ltd|Inc|Corporation|Group|Company)\b", name)



# a site that is only thought about is not (yet) one: "is weighing a site", "considers building a plant"
_HEDGE_VERBS = frozenset({"weigh", "consider", "explore", "evaluate", "study", "mull", "eye", "assess"})
_EVERYWHERE = frozenset({"worldwide", "globally", "nationwide", "overseas", "abroad"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "within", "beside", "to"})
_NEAR_WORDS = frozenset({"close", "next", "adjacent", "near"})


def _site_token(sent: Sentence, start: int, end: int):
    site = sent.span.doc.char_span(start, end, alignment_mode="expand")
    return None if site is None else site.root


def _hedged(token) -> bool:
    """Is the site only weighed or considered ("is said to be weighing a site close to the port")?"""
    return any(v.lemma_.lower() in _HEDGE_VERBS for v in list(token.ancestors)[:3] if v.pos_ in ("VERB", "AUX"))


def _located(sent: Sentence, token) -> tuple[bool, list]:
    """Where the parse says the site is: the places inside a locative phrase on the site noun ("a plant in
    Pune", "a site close to the port") or on the verb that builds it ("opened in Pune a plant").
    (True, []) when such a phrase names no known place: then the sentence's other places are elsewhere."""
    holders = [token] + [c for c in token.children if c.dep_ in ("amod", "advmod") and c.lower_ in _NEAR_WORDS]
    if token.dep_ in ("dobj", "nsubjpass", "attr", "conj") and token.head.pos_ in ("VERB", "AUX"):
        holders.append(token.head)
    spans = [(holder is token, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
             for holder in holders for prep in holder.children
             if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE and (prep.lower_ != "to" or holder is not token)
             for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN")]
    # "our Singapore site", "the Nanjing factory": a place written into the site noun's phrase is its own
    written = [p for p in sent.places for c in token.children
               if c.dep_ == "compound" and c.pos_ == "PROPN" and p.start <= c.idx < p.end]
    if written:
        return True, written
    places = [p for p in sent.places if any(a <= p.start < b for _, a, b in spans)]
    # "In Singapore, Acme operates a plant in the Tuas Park": the site noun's own phrase says where it is
    own = [p for p in sent.places if any(mine and a <= p.start < b for mine, a, b in spans)]
    return bool(spans), own or places


def _in_parentheses(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")")


def _status(text: str, kind: str) -> str:
    if kind == "headquarters":  # "is headquartered in" states a fact whatever its tense
        return "planned" if hypothetical(text) else "operating"
    return status_of(text)


_CONFERRED = re.compile(r"\b(?:awarded|honou?red|recogni[sz]ed|listed|certified|named|selected|rated)(?: as)?\b[^.]*$", re.I)


# a site's own name written after its owner's: "Acme Green Manufacturing (Ohio)" + " Innovation Center"
_SITE_NAME_AFTER = re.compile(
    r"^ ((?:(?:[A-Z][\w&-]*|and|of|for)\s){0,3}(?:Center|Centre|Lab|Laboratory|Factory|Plant|Campus|Base|Hub|Research Institute))\b"
)
# capitalised words that start a sentence or point at a name without being part of it
_NOT_NAME_WORDS = frozenset({"The", "A", "An", "This", "That", "These", "Its", "Our", "Their", "In", "At", "By", "For"})


def _site_names(sent: Sentence) -> list[tuple[str, int, int]]:
    """(name, start, end) of the sites named in a sentence: names the recogniser took for organisations
    ("CCEC Technical Center"), and an organisation's name the text goes on into a site word."""
    out = []
    for o in sent.orgs:
        if _NAMED_SITE.search(o.name):
            out.append((o.name, o.start, o.end))
        elif (m := _SITE_NAME_AFTER.match(sent.text[o.end - sent.start:])) \
                and not any(o.end < other.start < o.end + m.end() for other in sent.orgs):  # a site's name of its own
            out.append((f"{o.name} {m.group(1)}", o.start, o.end + m.end()))
    return out


def _proper_name(text: str, start: int, end: int) -> str | None:
    """The name that the site word at ``start:end`` ends: "the Smart Manufacturing Research Center", "the
    Caojing site".  A lower-case site word takes one proper name only, in the singular ("Acme sites" names no site)."""
    word = text[start:end]
    lower = not word[0].isupper()
    if lower and word.endswith("s"):
        return None
    words = text[:start].split()
    taken: list[str] = []
    while words and (re.fullmatch(r"[A-Z][\w&-]*", words[-1]) and words[-1] not in _NOT_NAME_WORDS
                     or words[-1] in ("and", "&", "of", "for") and taken and not lower):
        taken.insert(0, words.pop())
    while taken and not taken[0][0].isupper():
        taken.pop(0)
    return " ".join(taken + [word]) if taken else None


_POSSESSOR = re.compile(r"\b([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3})['’]s\s+$")


# participles that date a firm, not a site, when they describe it: "KTL, founded in 1994, has run a plant since 2017"
_FIRM_DATING = frozenset({"found", "establish", "incorporate"})


def _site_year(sent: Sentence) -> str | None:
    """The sentence's first year that does not date a firm in a clause describing it ("KTL, founded in 1994,")."""
    doc = sent.span.doc
    for m in YEAR.finditer(sent.text):
        token = doc.char_span(sent.start + m.start(), sent.start + m.end(), alignment_mode="expand")
        clauses = [a for a in list(token.root.ancestors)[:3] if a.dep_ == "acl"] if token is not None else []
        # set off by a comma, as a description of the name before it ("the Center established in 2019" is the site's)
        if not any(c.lemma_.lower() in _FIRM_DATING and c.head.pos_ == "PROPN" and c.i > 0 and doc[c.i - 1].text == ","
                   for c in clauses):
            return m.group()
    return None


def _record(sent: Sentence, name: str, kind: str, operator: str, place: str | None) -> FacilityRecord:
    """A facility stated in ``sent``: status, year and details read from the sentence."""
    text = sent.text
    return FacilityRecord(name=name, kind=kind, operator=operator, place=place, status=_status(text, kind),
                          year=_site_year(sent), details="; ".join(amounts(text)) or None)


def _named_facilities(sent: Sentence, sites: list[tuple[str, int, int]], operators: list) -> list[FacilityRecord]:
    """Sites named as such (``sites``, from :func:`_site_names`): "CCEC Technical Center", "Corning Innovation Lab".

    The operator is the firm the name starts with or follows straight on from, else the one the sentence
    ties to the site ("HP opened the ... Lab"), else its possessor, else the author speaking of itself,
    else the words before the site word, which linking keeps only as far as they name a known firm
    ("Acme Wuhan Factory" -> Acme)."""
    out = []
    for name, start, end in sites:
        name = re.sub(r"(?<=\w)['’]s\b", "", name)  # "Acme's Wuhan Factory" is the Acme Wuhan Factory
        if _CONFERRED.search(sent.text[:start - sent.start]):
            continue  # "was awarded as National Green Factory": a title, not a site
        word = _NAMED_SITE.search(name).group()  # type: ignore[union-attr]
        # the firm the name starts with, or whose name runs straight into it: "Acme University (AU) Design Center"
        prefix = [o for o in sent.orgs if o.start != start and o.label != "GovernmentBody"
                  and (name.startswith(o.name + " ") or o.end <= start
                       and re.fullmatch(r"\)?\s*(?:\([^()]*\)\s*)?", sent.text[o.end - sent.start:start - sent.start]))]
        # "Acme's Wuhan Factory": Acme's, whether or not the recogniser knows Acme (linking keeps it if a firm is)
        owner = m.group(1) if (m := _POSSESSOR.search(sent.text[:start - sent.start])) \
            and not any(p.name == m.group(1) for p in sent.places) else None
        if prefix:
            runners = [max(prefix, key=lambda o: len(o.name)).name]
        elif not (runners := site_operators(sent, [o for o in operators if not start <= o.start < end], start, end)):
            if owner:
                runners = [owner]
            elif sent.self_reference() or (sent.author and name.startswith(sent.author.split()[0])):
                runners = [sent.author or ""]
            elif not any(p.start == start for p in sent.places) and name != word:
                runners = [name[:-len(word)].strip()]
            else:
                continue
        if owner in runners and not name.startswith(owner + " "):
            name = f"{owner} {name}"  # the Acme Wuhan Factory, however a sentence writes it
        place = most_specific([p for p in sent.places if not (start <= p.start < end)])
        out.extend(_record(sent, name, _NAMED_KINDS.get(word.lower(), "other"), operator, place.name if place else None) for operator in runners)
    return out


# verbs (lemmas) that give a site its name in a clause on the site noun: "the plant, which Acme has named the X
# Factory", "the new facility, to be known as Plant 3"
_NAMING_VERBS = frozenset({"name", "call", "dub", "christen", "know"})


def _given_name(token) -> str | None:
    """The name a clause on the site noun ``token`` gives it, if one does."""
    for clause in token.children:
        if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in _NAMING_VERBS:
            continue
        heads = [c for c in clause.children if c.dep_ in ("oprd", "attr", "dobj") and c.pos_ == "PROPN"] + \
            [o for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ == "pobj"]
        for head in heads:
            words = [t for t in head.subtree]
            while words and words[0].is_lower:
                words = words[1:]  # "the"
            if words and words[0].text[:1].isupper() and all(w.text[:1].isupper() or w.like_num for w in words):
                return " ".join(w.text for w in words)
    return None


def _renamed_sites(sent: Sentence, operators: list) -> list[tuple[int, FacilityRecord]]:
    """(site word start, record) of each site a clause names: "The plant, which the company has named the An
    Duong Smart Factory, will be built ...".  It is run by whoever the sentence says, else by the firm the
    sentence before is about when the site noun is definite ("the plant": the one just spoken of)."""
    out = []
    for word_start, word_end, kind in _site_words(sent):
        token = _site_token(sent, sent.start + word_start, sent.start + word_end)
        if token is None or not (name := _given_name(token)):
            continue
        runners = site_operators(sent, operators, sent.start + word_start, sent.start + word_end)
        if not runners and sent.antecedent and any(c.lower_ == "the" for c in token.children):
            runners = [sent.antecedent]
        place = most_specific(sent.places)
        out.extend((word_start, _record(sent, name, kind, operator, place.name if place else None)) for operator in runners)
    return out


# what a site noun that points back may carry besides "the": "the new plant", "the plant, which ...", "the plant's"
_BACK_POINTING_DEPS = frozenset({"det", "amod", "relcl", "acl", "punct", "case"})


def site_spoken_of_again(sent: Sentence, recent: list[FacilityRecord]) -> FacilityRecord | None:
    """The facility a definite site noun points back at ("The plant employs 900 people", "the new factory will
    ..."): the last of ``recent`` of the same kind.  A clause that names the site ("The plant, which the
    company has named the An Duong Smart Factory, ...") gives a facility known only by its kind word that name.
    A site noun with an owner, a place or any other qualifier ("the Acme plant", "the plant in Pune") is
    another site, or one this cannot tell."""
    for word_start, word_end, kind in _site_words(sent):
        token = _site_token(sent, sent.start + word_start, sent.start + word_end)
        if token is None or token.pos_ != "NOUN" or token.tag_ == "NNS" or token.i - token.left_edge.i > 2:
            continue
        dets = [c for c in token.children if c.dep_ == "det"]
        if [d.lower_ for d in dets] not in (["the"], ["this"]) or any(c.dep_ not in _BACK_POINTING_DEPS for c in token.children) \
                or any(a <= sent.start + word_start < b for a, b in ((m.start, m.end) for m in sent.orgs + sent.places)):
            continue
        earlier = next((r for r in reversed(recent) if r.kind == kind), None)
        if earlier is None:
            return None
        if (name := _given_name(token)) and earlier.name == earlier.name.lower():
            earlier.name = name
        return earlier
    return None


def _singular(word: str, token) -> str:
    """The site word of one facility: "test plants in Kulim and Bayan Lepas" are a plant in each."""
    if token is not None and token.tag_ == "NNS" and word.endswith(token.lower_):
        return word[:-len(token.lower_)] + token.lemma_.lower()
    return word


def find_facilities(sent: Sentence) -> list[FacilityRecord]:
    """Facilities stated in one sentence (names are surface forms; resolution maps them later).

    A named site keeps its name; a generic one ("a logistics center") needs a
    place and is named after its operator, kind word and place by linking.
    """
    text = sent.text
    if _GENERIC_PLACE_WORDS.search(text):
        return []
    sites = _site_names(sent)
    named_spans = [(start, end) for _, start, end in sites]
    operators = [o for o in sent.orgs if o.label != "GovernmentBody" and not any(a <= o.start < b for a, b in named_spans)
                 and not _in_parentheses(text, o.start - sent.start)]  # "(NYSE: GLW)" names no operator
    found: dict[tuple[str, str], FacilityRecord] = {(f.operator, f.name): f
                                                    for f in _named_facilities(sent, sites, operators)}
    renamed = _renamed_sites(sent, operators)
    found.update(((f.operator, f.name), f) for _, f in renamed)
    for word_start, word_end, kind in _site_words(sent):
        site_at = sent.start + word_start
        if any(a <= site_at < b for a, b in named_spans) or any(at == word_start for at, _ in renamed):
            continue
        places = sent.places
        proper = None if places else _proper_name(text, word_start, word_end)
        if proper and re.match(r" [A-Z]", text[word_end:]):
            continue  # "Factory" of "the Digital Factory Research Center": the name goes on
        inside = sent.start + word_end - len(proper) if proper else site_at  # a firm in the name does not run it
        if proper and proper.split()[-1].islower() and any(inside <= o.start < site_at for o in sent.orgs):
            proper = None  # "the Acme plant": a firm's site, not a site's own name
        runners = site_operators(sent, [o for o in operators if not inside <= o.start < sent.start + word_end],
                             sent.start + word_start, sent.start + word_end)
        if not runners:
            continue
        token = _site_token(sent, sent.start + word_start, sent.start + word_end)
        if token is not None and (_hedged(token) or any(c.lower_ in _EVERYWHERE for c in token.children)):
            continue  # weighed, not built; or "390 Honeywell sites worldwide": no one site anywhere
        stated, where = _located(sent, token) if token is not None else (False, [])
        if proper:
            # "HP opened the Smart Manufacturing Research Center": a site's own name needs no place
            for operator in runners:
                found.setdefault((operator, proper), _record(sent, proper, kind, operator, None))
            continue
        # "production nodes in Hefei, Chongqing, and Wuhan": one facility per listed place
        after = [p for p in places if p.start >= site_at]
        listed = where or ([] if stated else [p for p in after if p.start - site_at < 80]
                           or ([most_specific(places)] if places else []))
        if not any(re.search(r"\b(?:and|or)\b|&", text[a.end - sent.start:b.start - sent.start])
                   for a, b in zip(listed, listed[1:])):
            listed = listed[:1]  # "in Corning, New York, USA" is one place, named down to its country
        for operator in runners:
            for place in listed or ([None] if stated else []):  # "a plant in Vinh Phuc": somewhere not known
                key = (operator, kind + (place.name if place else ""))
                if key in found or (place and place.name == operator):
                    continue
                name = "headquarters" if kind == "headquarters" else _singular(text[word_start:word_end].lower(), token)
                found[key] = _record(sent, name, kind, operator, place.name if place else None)
    return list(found.values())
