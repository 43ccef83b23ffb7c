"""Documents in, plain fact records out. Knows spaCy; knows nothing of RDF.

spaCy is imported only when a pipeline is built, so importing this package is cheap.
"""
from .errors import ExtractError
from .records import FactSet, factset_from_json, factset_to_json
from .run import ExtractionResult, extract_paths

__all__ = ["ExtractError", "ExtractionResult", "FactSet", "extract_paths", "factset_from_json", "factset_to_json"]
