"""A :class:`~extract.records.FactSet` as JSON (``facts.json``): stable, diffable, one record at a time.

Above :mod:`extract.kinds` (it reads each registered kind's record class), so that the records module stays
plain data that every kind imports.
"""
from __future__ import annotations

import io
import json
import textwrap
from dataclasses import asdict, fields
from typing import Any, TextIO

from .records import Claim, DocumentRecord, Evidence, FactSet, OrganizationRecord, PersonRecord, PlaceRecord

SCHEMA_VERSION = 3

_ENTITY_LISTS = {"documents": DocumentRecord, "organizations": OrganizationRecord, "places": PlaceRecord,
                 "people": PersonRecord}


def _evidence_list(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(**e) for e in items]


def _load(cls: type, raw: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    data = {k: v for k, v in raw.items() if k in known}
    if "evidence" in data:
        data["evidence"] = _evidence_list(data["evidence"])
    if "claims" in data:
        data["claims"] = [_load(Claim, c) for c in data["claims"]]
    return cls(**data)


def factset_to_json(facts: FactSet) -> str:
    """Serialise a fact set to a stable, diffable JSON string."""
    out = io.StringIO()
    write_factset_json(facts, out)
    return out.getvalue()


def write_factset_json(facts: FactSet, out: TextIO) -> None:
    """Write :func:`factset_to_json`'s text to ``out`` record by record: a huge fact set is never one string.

    The text is ``json.dumps(..., indent=1, sort_keys=True)``'s, so one reader serves both."""
    keys = sorted(["schema", *_ENTITY_LISTS, *facts.stated])
    out.write("{")
    for n, key in enumerate(keys):
        out.write(("," if n else "") + "\n " + json.dumps(key) + ": ")
        if key == "schema":
            out.write(json.dumps(SCHEMA_VERSION))
            continue
        records = facts.stated[key] if key in facts.stated else getattr(facts, key)
        if not records:
            out.write("[]")
            continue
        out.write("[")
        for i, record in enumerate(records):
            text = json.dumps(asdict(record), ensure_ascii=False, indent=1, sort_keys=True)
            out.write(("," if i else "") + "\n" + textwrap.indent(text, "  "))
        out.write("\n ]")
    out.write("\n}")


def factset_from_json(text: str, *, records: dict[str, type] | None = None) -> FactSet:
    """Inverse of :func:`factset_to_json`; ``records`` gives each kind's record class (by default the
    registered kinds': :data:`extract.kinds.KINDS`)."""
    if records is None:
        from .kinds import KINDS

        records = {kind.key: kind.record for kind in KINDS}
    raw = json.loads(text)
    facts = FactSet(**{key: [_load(cls, d) for d in raw.get(key, [])] for key, cls in _ENTITY_LISTS.items()})
    for key in raw.keys() - _ENTITY_LISTS.keys() - {"schema"}:
        if key not in records:
            raise ValueError(f"facts of an unknown kind {key!r}: no record class is registered for it")
        facts.stated[key] = [_load(records[key], d) for d in raw[key]]
    return facts
