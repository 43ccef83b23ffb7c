"""Assign recommendation topics from the SKOS topic scheme (its prefLabel and altLabel words)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from .prefixes import VOCAB_NS

TOPIC_SCHEME = URIRef(VOCAB_NS + "topic")
MAX_TOPICS = 3


@dataclass(frozen=True)
class TopicIndex:
    """Label patterns per topic concept; built once per build from the vocabulary file."""

    patterns: tuple[tuple[URIRef, re.Pattern[str]], ...]

    def topics(self, text: str) -> list[URIRef]:
        """Up to three topics, most mentioned first; ties keep the vocabulary's order."""
        counts = [(len(p.findall(text)), i, concept) for i, (concept, p) in enumerate(self.patterns)]
        ranked = sorted((c for c in counts if c[0] > 0), key=lambda c: (-c[0], c[1]))
        return [concept for _, _, concept in ranked[:MAX_TOPICS]]


def load_topics(path: Path) -> TopicIndex:
    graph = Graph().parse(path, format="turtle")
    patterns = []
    for concept in sorted(set(graph.subjects(SKOS.inScheme, TOPIC_SCHEME))):
        labels = {str(label) for prop in (SKOS.prefLabel, SKOS.altLabel) for label in graph.objects(concept, prop)}
        alternation = "|".join(re.escape(label).replace(r"\ ", r"[\s-]+") for label in sorted(labels, key=len, reverse=True))
        patterns.append((concept, re.compile(rf"\b(?:{alternation})\w*", re.I)))
    return TopicIndex(tuple(patterns))
