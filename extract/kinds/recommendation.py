"""Recommendations: what a document's author proposes; read from whole sections by their own step."""
from __future__ import annotations

from ..link import link_recommendations
from ..records import RecommendationRecord
from . import Kind

KIND = Kind("recommendations", RecommendationRecord,
            link=lambda records, linker, linked: link_recommendations(records, linker, linked["policies"]))
