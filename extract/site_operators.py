"""Who runs a site a sentence names: the firm that owns the site noun, the subject of the verb that builds,
opens or runs it, the agent of a participle on it, the firm an apposition describes, or the sentence's subject;
the author when it speaks of itself.  :func:`site_operators` is the one entry; :mod:`extract.facilities` calls it.
"""
from __future__ import annotations

from .sentences import Sentence

# verbs (lemmas) whose subject runs the site they govern: "Siemens opened a plant", "Corning has built production nodes"
_RUN_VERBS = frozenset("""build open establish set operate run have own launch invest construct complete start found
    relocate move expand locate base headquarter add inaugurate commission acquire buy create plan announce put
    develop employ""".split())
# a sentence whose main verb only says what the subject is or keeps doing: "With sites in Shanghai, BASF is ..."
_ROOT_OK = frozenset({"be", "continue", "remain", "serve"})
_SUBJECT_VERBS = _RUN_VERBS | _ROOT_OK
_SELF_WORDS = frozenset({"we", "our", "us", "company", "group", "firm"})
_EXAMPLE_WORDS = frozenset({"like", "including", "as"})  # "as" of "such as"


def site_operators(sent: Sentence, operators: list, start: int, end: int) -> list[str]:
    """Who runs the site named at ``start:end`` (block offsets): the organisation that owns the site noun
    ("Corning's plant", "Honeywell sites", "the plant of Siemens", "the plants of makers like Acme and Apex"),
    or the subject of the verb that builds, opens or runs it ("Siemens opened a plant"); the author when
    that is "we" or "the company".  Empty when nobody in the sentence runs it."""
    site = sent.span.doc.char_span(start, end, alignment_mode="expand")
    if site is None:
        return []

    anaphor = sent.anaphor() if sent.antecedent else None

    def org_at(token) -> str | None:
        if token.lower_ in _SELF_WORDS and sent.author and sent.self_reference():
            return sent.author
        if anaphor is not None and token == anaphor:
            return sent.antecedent  # "It operates test plants in Kulim": the firm the sentence before is about
        for o in operators:
            if o.start <= token.idx < o.end:
                return o.name
        # "at kelpie HQ": the author's own short name, written as no name is, where the author speaks of itself
        if sent.author and token.dep_ in ("compound", "poss") and token.is_lower \
                and token.lower_ == sent.author.split()[0].lower() and sent.self_reference():
            return sent.author
        return None

    head = site.root
    return _operating_subject(head, org_at) or _owners(sent, head, org_at) or _runners(head, org_at) \
        or _sentence_subject(sent, head, org_at)


# verbs (lemmas) whose subject runs their object whoever owns it: "our subsidiary Acme Asia operates our plant"
_OPERATE_VERBS = frozenset({"operate", "run", "manage"})


def _operating_subject(head, org_at) -> list[str]:
    """The subject of operate/run/manage when the site noun is its object, before any possessor of the site."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in _OPERATE_VERBS:
        return []
    for child in verb.children:
        if child.dep_ == "nsubj":
            if name := org_at(child):
                return [name]
            for sub in child.subtree:
                if sub.dep_ in ("compound", "appos") and (name := org_at(sub)):
                    return [name]
    return []


def _listed(sent: Sentence, token, org_at) -> list[str]:
    """Firms given as examples of a class noun: "makers like Acme, Apex and Zenith", "firms including Acme".
    The list is read off the text (capitalised names, commas, "and"), which the parser often splits."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _EXAMPLE_WORDS:
            names: list[str] = []
            for tok in sent.span.doc[child.i + 1:sent.span.end]:
                if not (tok.text[:1].isupper() or tok.lower_ in ("and", "or", ",", "&")):
                    break
                if (name := org_at(tok)) and name not in names:
                    names.append(name)
            return names
    return []


def _owners(sent: Sentence, head, org_at) -> list[str]:
    """The organisation the site noun belongs to: "Corning's plant", "the BASF MDI production site", "the
    headquarters of Corning"; "BASF's innovation park and Caojing site": the second shares the first's owner."""
    owners = list(head.children) + (list(head.head.children) if head.dep_ in ("conj", "nmod") else [])
    for child in owners:
        if child.dep_ in ("poss", "compound", "nmod"):
            for sub in child.subtree:
                if name := org_at(sub):
                    return [name]
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    if name := org_at(obj):
                        return [name]
                    if names := _listed(sent, obj, org_at):
                        return names
    return []


def _runners(head, org_at) -> list[str]:
    """The subject (or agent) of the verb that builds, opens or runs the site: "Siemens opened a plant"; or
    the agent of a participle on the site noun: "a solar plant owned and run by Acme"."""
    if names := _by_agent(head, org_at) or _described_firm(head, org_at):
        return names
    node = head
    for _ in range(6):  # up through prepositions and conjunctions to the verb that governs the site
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            break
        node = node.head
    if not (node.pos_ in ("VERB", "AUX") and (node.lemma_.lower() in _RUN_VERBS or _breaks_ground(node))):
        return []
    for verb in [node] + [v for v in node.ancestors if v.pos_ in ("VERB", "AUX")][:2]:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent", "pobj") or (child.dep_ == "prep" and child.lower_ == "by"):
                targets = [child] + ([c for c in child.children if c.dep_ == "pobj"] if child.dep_ in ("prep", "agent") else [])
                for target in targets:
                    if name := org_at(target):
                        return [name]
                    # "by the Group's subsidiary Acme Test Services": the subsidiary named, not its owner
                    for deps in (("compound", "appos"), ("poss",)):
                        for sub in target.subtree:
                            if sub.dep_ in deps and (name := org_at(sub)):
                                return [name]
    return []


def _breaks_ground(verb) -> bool:
    """"Acme broke ground on a factory": the idiom that starts building."""
    return verb.lemma_.lower() == "break" and any(c.dep_ == "dobj" and c.lower_ == "ground" for c in verb.children)


def _described_firm(head, org_at) -> list[str]:
    """"Acme Inc., a designer of radar chips headquartered in San Jose": the firm an apposition describes, for a
    site word that is itself a participle on that description (the parser may hang it on any noun in it)."""
    if head.dep_ != "acl" or head.pos_ != "VERB":
        return []
    node = head.head
    for _ in range(4):
        if name := org_at(node):
            return [name]
        if node.dep_ == "appos":
            return [name] if (name := org_at(node.head)) else []
        if node.dep_ not in ("pobj", "prep"):
            return []
        node = node.head
    return []


def _by_agent(head, org_at) -> list[str]:
    """"a hydrogen complex built and operated by Acme": the agent of a participle (or its conjuncts) that
    modifies the site noun and whose lemma is one of running or building."""
    for clause in head.children:
        if clause.dep_ != "acl" or clause.tag_ != "VBN":
            continue
        verbs = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.tag_ == "VBN")]
        if not any(v.lemma_.lower() in _RUN_VERBS for v in verbs):
            continue
        for verb in verbs:
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for obj in (c for c in agent.children if c.dep_ == "pobj"):
                    for sub in obj.subtree:
                        if name := org_at(sub):
                            return [name]
    return []


def _sentence_subject(sent: Sentence, head, org_at) -> list[str]:
    """The subject of the sentence, when its verb runs or just has the site: "With large production sites in
    Shanghai, BASF is ...", "Corning will continue the construction of the logistics center"."""
    root = sent.span.root
    owned = any(t.dep_ == "prep" and t.lower_ == "with" for t in head.ancestors)  # "BASF offers ..., with offices in"
    if not (owned or root.lemma_.lower() in _SUBJECT_VERBS):
        return []  # "CCTV1 gave an interview for the Jinqiao factory": the subject does something else
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for sub in child.subtree:
                if name := org_at(sub):
                    return [name]
    return []
