"""Token patterns for the words that say organisations cooperate (see ``extract/partnerships.py``).

``CUES`` lists, most specific kind first, each partnership-kind notation with its spaCy ``Matcher``
patterns over lemmas; a sentence's kind is the most specific kind among its cues.  ``NOT_BEFORE`` names the
words a cue may not be followed by ("supply chain" says nothing of a deal).
"""
from __future__ import annotations


def _lemma(*words: str) -> dict:
    # a proper noun keeps its case as its lemma: "Memorandum of Understanding", "Strategic Partnership"
    return {"LEMMA": {"IN": [*words, *(w.capitalize() for w in words)]}}


def _lower(*words: str) -> dict:
    return {"LOWER": {"IN": list(words)}}


_HYPHEN = {"ORTH": "-", "OP": "?"}
_PARTICIPATED = {**_lemma("participate"), "TAG": {"IN": ["VBD", "VBZ", "VBN"]}}

CUES: list[tuple[str, list[list[dict]]]] = [
    ("joint_venture", [
        [_lower("joint"), _HYPHEN, _lemma("venture")],
        [_lower("jv", "jvs")],
        # done, not under way: "jointly establishing a training platform" is cooperation, not a venture
        [_lower("jointly"), {**_lemma("establish", "found", "own"), "TAG": {"IN": ["VBD", "VBN"]}}],
        [_lower("jointly"), {**_lemma("set"), "TAG": {"IN": ["VBD", "VBN"]}}, _lower("up")],
    ]),
    ("research_collaboration", [
        [_lower("joint", "collaborative", "cooperative"),
         _lower("r&d", "research", "laboratory", "laboratories", "lab", "labs", "innovation")],
        [_lower("research"), _lower("collaboration", "cooperation", "partnership")],
        # "co-developed" is tagged an adjective, whose lemma is itself: the forms are spelled out
        [_lower("co"), {"ORTH": "-"}, _lower("develop", "develops", "developed", "developing")],
        [_lower("jointly"), _lemma("develop")],
    ]),
    ("supply", [
        [_lemma("supply", "supplier")],
        # "provides chips and modules to Acme": up to six words between the verb and its "to"/"for"
        [{**_lemma("provide"), "TAG": {"IN": ["VBZ", "VBD", "VBG", "VBN"]}},
         {"IS_PUNCT": False, "OP": "{1,6}"}, _lower("to", "for")],
    ]),
    ("customer", [
        [_lemma("customer", "client")],
    ]),
    ("investment", [
        [_lemma("invest", "investment"), _lower("in")],
        [_lemma("investee", "shareholder")],
        [_lemma("acquire")],
        [_lower("acquisition"), _lower("of")],
        [_lemma("stake"), _lower("in")],
        # money that comes from a named party: "a capital grant from IDA Ireland", "a loan from the AADB"
        [_lemma("funding", "grant", "loan", "financing", "investment", "participation"), _lower("from")],
        [_lower("funded"), _lower("by")],
    ]),
    ("agreement", [
        [_lemma("agreement", "memorandum", "contract", "lease", "licence", "license")],
        [_lower("memoranda", "mou", "mous")],
        [_lower("signed")],
    ]),
    ("strategic_cooperation", [
        [_lower("strategic"), _lower("cooperation", "partnership", "alliance")],
        [_lemma("partner", "partnership", "cooperate", "cooperation", "collaborate", "collaboration", "alliance",
                "affiliate")],
        [_lemma("team"), _lower("up")],
        [_lemma("join"), _lower("forces")],
        [_lemma("work"), _lower("with")],
        [_lemma("work"), _lower("closely"), _lower("with")],
        [_lower("together"), _lower("with")],
        [_lower("jointly")],
        [_lower("co"), {"ORTH": "-"}, _lemma("found")],
        [_lemma("join"), _lower("the")],
        [_lemma("member"), _lower("of")],
        # taking part, not meaning to: "to participate in the RCEP" is a plan
        [_PARTICIPATED, _lower("in")],
        [_PARTICIPATED, _lower("as"), {"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, {"IS_ALPHA": True},
         _lower("in")],
        [_lower("with"), {"LOWER": "the", "OP": "?"}, _lower("support"), _lower("of", "from")],
        [_lower("supported"), _lower("by")],
    ]),
]

NOT_BEFORE = {"supply": frozenset({"chain", "chains"})}
