"""What a text states about an organisation itself: where it is headquartered, when it was founded, its sector.

The claims are read from the parse (``extract/patterns/profile.py``) and name the firm as written; linking
keeps a claim only when its firm and its place resolve to the fact set's own organisations and places.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import FIRM_NOUNS
from .names import clean_name
from .patterns.profile import FOUNDED, HEADQUARTERS
from .reference import Reference
from .sentences import Sentence

_COPULA = frozenset({"is", "was", "are", "were", "be", "'s", "’s", "remains"})
_SECTOR_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
_FIRST_YEAR, _LAST_YEAR = 1600, 2100


@dataclass
class FoundClaim:
    """A claim as read from one sentence, before linking: the firm and the value as written."""

    sentence: Sentence
    firm: str
    property: str  # headquarters | founded | sector
    value: str


class ProfileFinder:
    """Finds headquarters, founding years and sectors in parsed blocks; build one per pipeline vocabulary."""

    def __init__(self, vocab, reference: Reference) -> None:
        from spacy.matcher import DependencyMatcher

        self._matcher = DependencyMatcher(vocab)
        self._matcher.add("headquarters", HEADQUARTERS)
        self._matcher.add("founded", FOUNDED)
        self._sector_words = reference.sector_words
        self._longest = max((len(w.split()) for w in reference.sector_words), default=1)

    def claims(self, doc, sentences: list[Sentence]) -> Iterator[FoundClaim]:
        """Every claim of the parsed block ``doc``, with the sentence (of ``sentences``) that states it."""
        if not sentences or not doc.has_annotation("DEP"):
            return
        by_start = {s.span.start: s for s in sentences}
        sentence_of = {}
        for start, sent in by_start.items():
            for i in range(start, sent.span.end):
                sentence_of[i] = sent
        for match_id, tokens in self._matcher(doc):
            verb, value = doc[tokens[0]], doc[tokens[-1]]
            sent = sentence_of.get(verb.i)
            if sent is None:
                continue
            prop = doc.vocab.strings[match_id]
            firm = _firm(_described(verb), sent)
            if firm is None:
                continue
            if prop == "headquarters":  # "in Corning, New York, USA": linking keeps the first that is a place
                for place in _named_with(value):
                    yield FoundClaim(sent, firm, prop, _proper_phrase(place))
            elif _FIRST_YEAR <= int(value.text) <= _LAST_YEAR:
                yield FoundClaim(sent, firm, prop, value.text)
        for token in doc:
            if token.lower_ in FIRM_NOUNS and token.pos_ == "NOUN" and token.i in sentence_of:
                yield from self._sectors(token, sentence_of[token.i])

    def _sectors(self, noun, sent: Sentence) -> Iterator[FoundClaim]:
        """"a chemicals group", "battery maker CATL", "AT&S, a manufacturer of printed circuit boards"."""
        if noun.dep_ == "appos" or (noun.dep_ == "compound" and noun.head.pos_ == "PROPN"):
            described = noun.head
        elif noun.dep_ == "attr" and noun.head.lower_ in _COPULA:
            described = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        else:
            return
        firm = _firm(described, sent, names_only=True) if described is not None else None
        if firm is None:
            return
        words = [noun, *_modifiers(noun)]
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        words += [obj, *_modifiers(obj)]
        words = sorted({w.i: w for w in words if w.pos_ in _SECTOR_POS}.values(), key=lambda w: w.i)
        for sector in dict.fromkeys(self._lookup(words)):
            yield FoundClaim(sent, firm, "sector", sector)

    def _lookup(self, words: list) -> Iterator[str]:
        """Sectors named by runs of adjacent ``words``, the longest phrase first ("circuit boards" before "circuit")."""
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                run = words[i:i + size]
                if any(b.i != a.i + 1 for a, b in zip(run, run[1:])):
                    continue
                sector = self._sector_words.get(" ".join(w.lower_ for w in run))
                if sector is not None:
                    yield sector
                    i += size
                    break
            else:
                i += 1


def _modifiers(noun) -> list:
    """The compound and adjective modifiers of ``noun`` and theirs: "printed circuit" of "printed circuit boards"."""
    out = []
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod"):
            out += [child, *_modifiers(child)]
    return out


def _described(verb):
    """The word a participle or "with headquarters" describes: its passive subject, the noun it modifies, or
    the subject of the clause it opens ("Founded in 1998, Acme ...")."""
    if verb.dep_ == "pobj":  # "with headquarters in Linz": "with" hangs on the firm
        return verb.head.head
    while verb.dep_ == "conj":  # "was founded in 1851 and is headquartered in New York"
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subject is not None:
        return subject
    if verb.dep_ in ("acl", "amod"):
        if verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of":
            return None  # "the first joint venture of Acme established in 1995": the venture was
        return verb.head
    if verb.dep_ in ("advcl", "acomp", "attr"):
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _firm(token, sent: Sentence, *, names_only: bool = False) -> str | None:
    """The firm ``token`` names: an organisation mention, a proper name, "we" or "the company" of the author, or
    (unless ``names_only``) the name a firm noun stands for ("a maker based in Shenzhen" after "Acme is")."""
    if token is None:
        return None
    for mention in sent.orgs:
        if mention.start <= token.idx < mention.end:
            return mention.name
    if token.pos_ == "PROPN":
        return _proper_phrase(token) or None
    if sent.author and (token.lower_ == "we" or (token.lower_ in ("company", "group")
                                                  and any(c.lower_ == "the" for c in token.children))):
        return sent.author
    if token.lower_ in FIRM_NOUNS and not names_only:
        if token.dep_ == "attr" and token.head.lower_ in _COPULA:
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            return _firm(subject, sent, names_only=True)
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            return _firm(token.head, sent, names_only=True)
        if token.dep_ == "appos":
            return _firm(token.head, sent, names_only=True)
    return None


def _named_with(token) -> list:
    """``token`` and the proper names set beside it by apposition or a list, in order."""
    out = [token]
    for child in token.rights:
        if child.dep_ in ("appos", "conj") and child.pos_ == "PROPN":
            out += _named_with(child)
    return out


def _proper_phrase(token) -> str:
    """A proper name with the names compounded into it: "New York" from "York"."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i if child.left_edge.pos_ == "PROPN" else child.i)
    return clean_name(token.doc[start:token.i + 1].text)
