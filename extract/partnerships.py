"""Partnerships: two or more named organisations tied by a cooperation cue in one sentence.

Two firms in one sentence are not partners by themselves ("Ford and GM both
sell cars"); the sentence must say so with a cue (joint venture, cooperate,
agreement, supply, invest in, partner ...).  Hypothetical cooperation ("could
work together") is not a partnership.
"""
from __future__ import annotations

import re

from .records import PartnershipRecord
from .sentences import Sentence, first_year

# (cue, partnership-kind notation), most specific first
_CUES: list[tuple[str, str]] = [
    (r"joint[- ]ventures?|\bJVs?\b|jointly (?:established|set up|founded|owned)", "joint_venture"),
    (r"(?:joint|collaborative|cooperative) (?:r&d|research|laborator(?:y|ies)|lab|innovation)|research (?:collaboration|cooperation|partnership)|"
     r"co-develop(?:ed|s|ing)?|jointly develop(?:ed|s|ing)?", "research_collaboration"),
    (r"suppl(?:y|ies|ied|ier|iers)\b(?! chain)|provid(?:es|ed|ing) (?:[\w-]+ ){1,6}(?:to|for)\b", "supply"),
    (r"customers?|clients?", "customer"),
    (r"invest(?:ed|s|ing|ment)? in\b|investee|acquir(?:ed|es|ing)|acquisition of|stake in|shareholder|funding from|funded by", "investment"),
    (r"agreements?|memorand(?:um|a)|MoUs?|signed|contracts?", "agreement"),
    (r"strategic (?:cooperation|partnership|alliance)|partner(?:s|ship|ships|ed|ing)?|cooperat(?:e|ed|es|ing|ion)|"
     r"collaborat(?:e|ed|es|ing|ion)|alliance|teamed up|joined forces|work(?:ed|s|ing)? (?:closely )?with|together with|jointly|"
     r"co-found(?:ed|s)?|join(?:ed|s)? the|participat(?:ed|es) in|affiliate|with (?:the )?support (?:of|from)|supported by", "strategic_cooperation"),
]
_CUE = re.compile(r"\b(?:" + "|".join(c for c, _ in _CUES) + r")", re.I)
_KIND = [(re.compile(r"\b(?:" + c + r")", re.I), k) for c, k in _CUES]
_HEDGED = re.compile(
    r"\b(?:could|would|might|may|should|hopes?|looks? forward|willing|expects? to|potential|possible|if|considering)\b", re.I
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


def find_partnerships(sent: Sentence) -> list[PartnershipRecord]:
    """At most one partnership per sentence, between every organisation it names."""
    text = sent.text
    joint = _joint_subjects(sent)
    cue = _CUE.search(text)
    if not (cue or joint):
        return []
    # hedging counts up to the cue: "could cooperate with" is hypothetical, an agreement "to explore possible uses" is not
    if _HEDGED.search(text[:cue.end()] if cue else text):
        return []
    parties = sent.org_names()
    # a long list is an enumeration, not a deal, unless the deal founds or signs something ("co-founded X with A, B, C, D")
    if len(parties) < 2 or len(parties) > (8 if joint or _FOUNDING.search(text) else 5):
        return []
    example = _EXAMPLES.search(text)
    if example and all(m.start - sent.start > example.start() for m in sent.orgs) and not sent.self_reference():
        return []  # "suppliers such as Bosch, Valeo and Denso": examples of a kind, not parties to a deal
    kind = joint or next(k for pattern, k in _KIND if pattern.search(text))
    name = " – ".join(parties[:3]) + f" {kind.replace('_', ' ')}"
    return [PartnershipRecord(name=name, parties=parties, kind=kind, year=first_year(text))]
