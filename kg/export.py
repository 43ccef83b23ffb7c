"""Serialise the stored graph: Turtle by default, with the project's prefixes bound."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from .errors import UnknownFormat
from .namespaces import PREFIXES
from .store import data_triples

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def rdf_format(name: str) -> ox.RdfFormat:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise UnknownFormat(name, list(FORMATS)) from None


def serialize_store(store: ox.Store, *, fmt: str = "turtle") -> bytes:
    """The default graph of ``store`` in ``fmt``; identical data gives identical bytes."""
    target = rdf_format(fmt)
    triples = data_triples(store)
    if target in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    else:
        items = triples
    prefixes = PREFIXES if target in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    return ox.serialize(items, format=target, prefixes=prefixes)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
