"""Facilities: sites an organisation runs (plants, research centres, headquarters ...)."""
from __future__ import annotations

from ..facilities import find_facilities, site_spoken_of_again
from ..link import link_facilities
from ..records import FacilityRecord
from . import Kind

KIND = Kind("facilities", FacilityRecord, link=lambda records, linker, linked: link_facilities(records, linker),
            find=find_facilities, again=site_spoken_of_again)
