"""Partnerships: two or more named organisations tied by a cooperation cue in one sentence.

Two firms in one sentence are not partners by themselves ("Ford and GM both
sell cars"); the sentence must say so with a cue (joint venture, cooperate,
agreement, supply, invest in, partner ...).  Hypothetical cooperation ("could
work together") is not a partnership.
"""
from __future__ import annotations

import re

from .lexicon import FIRM_NOUNS
from .patterns import cues
from .patterns.partnership import CUES, NOT_BEFORE
from .records import PartnershipRecord
from .sentences import Sentence, first_year

_KINDS = [kind for kind, _ in CUES]  # most specific first


_HEDGED = re.compile(
    r"\b(?:could|would|might|(?-i:may)|should|hopes?|looks? forward|willing|expects? to|potential|possible|if|considering|"
    r"recommends?|recommended|suggests?|suggested|proposes?|proposed|urges?|urged)\b", re.I  # a proposal is no deal yet
)


_FOUNDING = re.compile(r"\b(?:co-found(?:ed|s)?|joint[- ]ventures?|jointly (?:established|set up|founded)|signed)\b", re.I)
_EXAMPLES = re.compile(r"\b(?:such as|like|e\.g\.)\s", re.I)


# two parties named as joint subjects of a founding or signing verb: "Tsinghua University and Sichuan province
# established ...", "Sichuan province and Chongqing city signed ..."
_JOINT_ACT = re.compile(r"^\s*(?:\w+ly\s+)?(?:(?:have|has|had)\s+)?(established|founded|set up|co-founded|signed|launched|"
                        r"created|formed)\b")


def _joint_subjects(sent: Sentence) -> str | None:
    """The kind of deal when two organisations are the joint subject of a founding or signing verb."""
    orgs = sorted(sent.orgs, key=lambda m: m.start)
    for a, b in zip(orgs, orgs[1:]):
        between = sent.text[a.end - sent.start:b.start - sent.start]
        act = _JOINT_ACT.match(sent.text[b.end - sent.start:])
        if between.strip().lower() in ("and", "&") and act:
            return "agreement" if act.group(1) == "signed" else "joint_venture"
    return None


_FOUNDING_VERBS = frozenset({"found", "establish", "set", "create", "launch", "open", "form", "build"})
# partners nobody names: "the efforts of HP and our local partners"
_UNNAMED_PARTNERS = re.compile(r"\b(?:our|its|their|local|other|industry|business|many) partners\b", re.I)
_MUTUAL = re.compile(r"\b(?:jointly|together|joint|co-\w+|with each other)\b", re.I)
_LIST_BETWEEN = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)$")


def _creations(sent: Sentence) -> set[str]:
    """Organisations a founding verb of the sentence creates ("we set up a Research Center", "the two companies
    founded Acme Institute and Apex Center"): what the parties made, not a party."""
    out: set[str] = set()
    for org in sent.orgs:
        span = sent.span.doc.char_span(org.start, org.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        while node.dep_ == "conj" and node.head is not node:
            node = node.head
        if node.dep_ == "dobj" and node.head.lemma_ in _FOUNDING_VERBS:
            out.add(org.name)
    return out


def _one_list_after_a_preposition(sent: Sentence) -> bool:
    """Are all the organisations one list that a preposition introduces ("funding from A, B and C")? Listed
    side by side they are not partners of each other ("a partnership among A, B and C" is)."""
    orgs = sorted(sent.orgs, key=lambda m: m.start)
    between = [sent.text[a.end - sent.start:b.start - sent.start] for a, b in zip(orgs, orgs[1:])]
    if len(orgs) < 2 or not all(_LIST_BETWEEN.match(b) for b in between) or not re.search(r"\b(?:and|or)\b|&", between[-1]):
        return False  # "As a member of the X Alliance, Acme ...": a comma alone makes no list
    before = sent.text[:orgs[0].start - sent.start].split()
    if _MUTUAL.search(sent.text[orgs[-1].end - sent.start:]):
        return False  # "hospitals including A and B are jointly building": the list acts together
    return bool(before) and before[-1].lower() in ("from", "to", "for", "of", "at", "in", "like", "including")


def _cues(sent: Sentence) -> list[tuple[int, int, str]]:
    """The cooperation cues (sentence-relative start, end, kind; in text order) outside organisation names
    ("DaVita Healthcare Partners" is a name) and outside partners nobody names ("HP and our local partners")."""
    unnamed = [(u.start(), u.end()) for u in _UNNAMED_PARTNERS.finditer(sent.text)]
    span, out = sent.span, []
    for kind, first, last in cues(span, "partnership"):
        after = next((t.lower_ for t in span[last:] if t.text != "-"), "")
        if after in NOT_BEFORE.get(kind, ()):
            continue
        head = span[last - 1]
        if head.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
                                       for c in head.children):
            continue  # "Sino-German cooperation", "China-EU cooperation": between the nations it names
        start, end = span[first].idx - sent.start, span[last - 1].idx + len(span[last - 1]) - sent.start
        if not any(o.start <= sent.start + start < o.end for o in sent.orgs) and \
                not any(a <= start < b for a, b in unnamed):
            out.append((start, end, kind))
    return sorted(out)


_TWO_OF = FIRM_NOUNS | {"partner"}  # "the two companies", "both partners"


def _the_two_firms(sent: Sentence) -> bool:
    """Does the sentence speak of "the two companies" (firms, groups, partners)?"""
    tokens = list(sent.span)
    return any(t.lower_ == "two" and i and tokens[i - 1].lower_ in ("the", "both") and i + 1 < len(tokens)
               and tokens[i + 1].lemma_.lower() in _TWO_OF for i, t in enumerate(tokens))


# groups of people a firm's own report speaks of as its own: "the Ringaskiddy team", "our engineers"
_PEOPLE_NOUNS = frozenset({"team", "engineer", "researcher", "scientist", "staff", "employee", "expert", "specialist",
                           "colleague", "division", "unit", "department"})


def _own_people(sent: Sentence, cue: tuple[int, int, str]) -> bool:
    """Is the subject of the cue's verb a group of people no organisation is named in ("the Ringaskiddy team has
    worked with ...", "our engineers partnered with ...")?  In a firm's own report they are the firm's."""
    token = sent.span.doc.char_span(sent.start + cue[0], sent.start + cue[1], alignment_mode="expand")
    if token is None:
        return False
    verb = token.root if token.root.pos_ in ("VERB", "AUX") else token.root.head
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.lemma_.lower() in _PEOPLE_NOUNS and \
                not any(o.start <= t.idx < o.end for t in subject.subtree for o in sent.orgs):
            return True
    return False


def _funder(sent: Sentence, cues: list[tuple[int, int, str]], name: str) -> bool:
    """Is ``name`` the one who gives money in a cue "grant from NAME", "funded by NAME" of the sentence?"""
    starts = [o.start - sent.start for o in sent.orgs if o.name == name]
    return any(kind == "investment" and sent.text[start:end].split()[-1].lower() in ("from", "by")
               and any(0 <= at - end <= 5 for at in starts) for start, end, kind in cues)


def _co_owners(sent: Sentence) -> list[str]:
    """The organisations that together own something the sentence names: "a developer owned 60% by Acme and
    40% by the city council", "jointly owned by Acme and Apex" (two or more, each after "by" or listed with
    "and" after one that is)."""
    tokens = list(sent.span)
    own = next((i for i, t in enumerate(tokens) if t.lemma_.lower() == "own" and t.tag_ in ("VBN", "VBD")), None)
    if own is None:
        return []
    orgs = sorted(sent.orgs, key=lambda o: o.start)
    owners: list[str] = []
    for t in tokens[own + 1:]:
        if t.lower_ != "by":
            continue
        after = t.idx + len(t)
        first = next((o for o in orgs if 0 <= o.start - after <= 30), None)  # "by the private group Acme"
        while first is not None:
            if first.name not in owners:
                owners.append(first.name)
            # "by Acme and Apex": the next name joined by "and" owns too
            first = next((o for o in orgs if o.start > first.end and
                          sent.text[first.end - sent.start:o.start - sent.start].strip() in ("and", "&", ",")), None)
    return owners if len(owners) >= 2 else []


_SUPPLY_VERBS = frozenset({"supply", "provide", "deliver", "install"})


def _passive_supplier(sent: Sentence, name: str) -> bool:
    """Is ``name`` the agent of a passive supply verb ("Test handlers will be supplied by Acme GmbH"), with nobody
    named to receive the goods (in a firm's own report, the firm)?"""
    spans = [(o.start, o.end) for o in sent.orgs if o.name == name]
    for tok in sent.span:
        if tok.dep_ == "agent" and tok.head.tag_ == "VBN" and tok.head.lemma_.lower() in _SUPPLY_VERBS and \
                any(a <= t.idx < b for o in tok.children for t in o.subtree for a, b in spans):
            return True
    return False


def find_partnerships(sent: Sentence) -> list[PartnershipRecord]:
    """At most one partnership per sentence, between every organisation it names."""
    text = sent.text
    if owners := _co_owners(sent):  # what two organisations own together is their joint venture
        return [PartnershipRecord(name=" – ".join(owners[:3]) + " joint venture", parties=owners,
                                  kind="joint_venture", year=first_year(text))]
    joint = _joint_subjects(sent)
    cues = _cues(sent)
    cue = cues[0] if cues else None
    if not (cue or joint):
        return []
    if _one_list_after_a_preposition(sent):
        return []
    # hedging counts up to the cue: "could cooperate with" is hypothetical, an agreement "to explore possible uses" is not
    if _HEDGED.search(text[:cue[1]] if cue else text):
        return []
    made = _creations(sent)
    parties = [name for name in sent.org_names() if name not in made]
    # "Microsoft" and "Microsoft Azure", "Oresund" and "Oresund Committee": a firm's own product, unit or place
    parties = [p for p in parties if not any(p != q and p.startswith(q + " ") for q in parties)]
    if len(parties) == 1 and _the_two_firms(sent):
        # "Lumisense will second engineers, and the two companies will jointly develop ...": the firm named and
        # the one the document speaks as, else the one the sentence before is about
        other = next((n for n in (sent.author, sent.antecedent) if n and n != parties[0]), None)
        parties += [other] if other else []
    elif len(parties) == 1 and sent.author and sent.author != parties[0] and (
            cue and _own_people(sent, cue) or _funder(sent, cues, parties[0]) or _passive_supplier(sent, parties[0])):
        # in a firm's own report the firm is the other party of its own people's work ("Since 2021 the Ringaskiddy
        # team has worked with the Lee Valley Institute"), and gets the money from a named funder or the goods of a
        # named supplier that the sentence gives nobody ("The EUR 85 million line was supported by a capital grant
        # from IDA Ireland")
        parties = [sent.author, parties[0]]
    # a long list is an enumeration, not a deal, unless the deal founds or signs something ("co-founded X with A, B, C, D")
    if len(parties) < 2 or len(parties) > (8 if joint or _FOUNDING.search(text) else 5):
        return []
    example = _EXAMPLES.search(text)
    if example and all(m.start - sent.start > example.start() for m in sent.orgs) and not sent.self_reference():
        return []  # "suppliers such as Bosch, Valeo and Denso": examples of a kind, not parties to a deal
    kind = joint or min((k for _, _, k in cues), key=_KINDS.index)
    name = " – ".join(parties[:3]) + f" {kind.replace('_', ' ')}"
    return [PartnershipRecord(name=name, parties=parties, kind=kind, year=first_year(text))]


_NAME = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}?"
# a headline that states a deal: "Faurecia Partners with Acme on Carbon Neutrality", "IV. Acme Teams Up with Chongqing"
_HEADLINE = re.compile(
    rf"(?:^(?:[IVX\d]+[.)]\s+)?|:\s+)(?P<a>{_NAME})\s+(?:Partners|Teams\s+Up|Joins\s+Forces|Cooperates|Collaborates)"
    rf"\s+[Ww]ith\s+(?P<b>{_NAME})(?=\s+(?:to|on|for|in|at)\s|\s*$|\s*[,;:])"
)


def headline_partnership(text: str) -> PartnershipRecord | None:
    """The deal a heading states in title case; the parties are names the linker must know to keep it."""
    m = _HEADLINE.search(text)
    if m is None:
        return None
    parties = [m.group("a"), m.group("b")]
    return PartnershipRecord(name=" – ".join(parties), parties=parties, kind="strategic_cooperation",
                             year=first_year(text))
