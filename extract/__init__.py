"""Documents in, plain fact records out. Knows spaCy; knows nothing of RDF.

spaCy is imported only when a pipeline is built, and the extractors only when
``extract_paths`` is first used, so importing this package (as every ``kg``
lookup does, for the error catalogue) is cheap.
"""
from .errors import ExtractError

__all__ = ["ExtractError", "ExtractionResult", "FactSet", "extract_paths", "factset_from_json", "factset_to_json"]


def __getattr__(name: str):
    if name in ("ExtractionResult", "extract_paths"):
        from . import run

        return getattr(run, name)
    if name == "FactSet":
        from .records import FactSet

        return FactSet
    if name in ("factset_from_json", "factset_to_json"):
        from . import facts_json

        return getattr(facts_json, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
