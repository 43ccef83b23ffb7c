"""Named SPARQL queries (``*.rq`` files; data only)."""
from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parent
