"""The ``kg_cues`` spaCy component: every pattern table of :data:`extract.patterns.TABLES` run over a parsed
document, its matches kept as labelled spans in ``doc.spans[<table>]``.  Registered on import; only
:func:`extract.nlp.build_pipeline` imports it (spaCy is not loaded by the lookup commands).
"""
from __future__ import annotations

import importlib

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Span

from . import TABLES


class Cues:
    """The ``kg_cues`` component: each table's matches, as spans labelled with the table's labels."""

    def __init__(self, vocab, tables: list[str]) -> None:
        self.matchers = {}
        for table in tables:
            built = Matcher(vocab)
            for label, patterns in importlib.import_module(f"{__package__}.{table}").CUES:
                built.add(label, patterns)
            self.matchers[table] = built

    def __call__(self, doc):
        for table, built in self.matchers.items():
            doc.spans[table] = sorted((Span(doc, s, e, label=m) for m, s, e in built(doc)),
                                      key=lambda span: (span.start, span.end))
        return doc


@Language.factory("kg_cues", default_config={"tables": list(TABLES)})
def make_cues(nlp: Language, name: str, tables: list[str]) -> Cues:
    return Cues(nlp.vocab, tables)
