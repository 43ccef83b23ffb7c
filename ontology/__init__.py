"""The ontology, SHACL shapes, SKOS vocabularies and general reference data (data files only)."""
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
