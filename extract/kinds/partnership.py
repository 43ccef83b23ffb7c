"""Partnerships: two or more organisations tied by a cooperation a sentence, a table row or a title states."""
from __future__ import annotations

from ..link import link_partnerships
from ..partnerships import find_partnerships, headline_partnership
from ..records import PartnershipRecord
from . import Kind

KIND = Kind("partnerships", PartnershipRecord,
            link=lambda records, linker, linked: link_partnerships(records, linker),
            find=find_partnerships, find_in_title=headline_partnership, in_rows=True)
