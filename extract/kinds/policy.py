"""Policies: plans, laws and programmes a document cites; read by their own step (their offsets tell which
recommendations cite them)."""
from __future__ import annotations

from ..link import link_policies
from ..records import PolicyRecord
from . import Kind

KIND = Kind("policies", PolicyRecord, link=lambda records, linker, linked: link_policies(records, linker))
