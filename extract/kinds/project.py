"""Projects: named undertakings (a base, a programme, a line) with their participants, place and money."""
from __future__ import annotations

from ..link import link_projects
from ..projects import find_projects
from ..records import ProjectRecord
from . import Kind

KIND = Kind("projects", ProjectRecord, link=lambda records, linker, linked: link_projects(records, linker),
            find=find_projects, in_rows=True)
