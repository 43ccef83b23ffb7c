"""Where the packaged data lives: ontology, shapes, vocabularies, reference data and named queries."""
from __future__ import annotations

from pathlib import Path

from ontology import ONTOLOGY_DIR
from queries import QUERIES_DIR

ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"
REFERENCE_DIR = ONTOLOGY_DIR / "reference"
TOPICS_FILE = ONTOLOGY_DIR / "vocab" / "topics.ttl"


def shape_files() -> list[Path]:
    return sorted(ONTOLOGY_DIR.glob("shapes*.ttl"))


def vocab_files() -> list[Path]:
    return sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl"))


def query_files() -> list[Path]:
    return sorted(QUERIES_DIR.glob("*.rq"))
