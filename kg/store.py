"""The persistent embedded store (Oxigraph): data in the default graph, the ontology in a named graph.

A build writes a complete new store beside the old one and swaps it in, so a
failed or killed build never leaves a half-written store.  Lookups open the
store read-only and never re-parse Turtle.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from .errors import NotAStore, StoreLocked, StoreMissing
from .namespaces import ONTOLOGY_IRI

DEFAULT_STORE = Path(".kg")
ONTOLOGY_GRAPH = ox.NamedNode(ONTOLOGY_IRI)
_MARKER = "CURRENT"  # every RocksDB directory has one


def is_store(path: Path) -> bool:
    return (path / _MARKER).is_file()


def open_store(path: Path) -> ox.Store:
    """Open the store at ``path`` read-only."""
    if not path.exists():
        raise StoreMissing(path)
    if not path.is_dir() or not is_store(path):
        raise NotAStore(path)
    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise NotAStore(path, str(err).splitlines()[0]) from None


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for a build of the store at ``path``; refuse if another build holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.parent / f".{path.name}.lock"
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreLocked(path) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_store(path: Path, *, data_ntriples: bytes, ontology_files: list[Path]) -> None:
    """Replace the store at ``path`` with one holding ``data_ntriples`` and the ontology.

    Call inside :func:`build_lock`.  Refuses to replace a directory that is not a store.
    """
    if path.exists() and not (path.is_dir() and (is_store(path) or not any(path.iterdir()))):
        raise NotAStore(path, "refusing to overwrite it")
    staging = path.parent / f".{path.name}.new-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    store = ox.Store(str(staging))
    store.bulk_load(input=data_ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    for file in ontology_files:
        store.bulk_load(path=str(file), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    store.flush()
    del store
    retired = path.parent / f".{path.name}.old-{os.getpid()}"
    if path.exists():
        path.rename(retired)
    staging.rename(path)
    shutil.rmtree(retired, ignore_errors=True)


def data_triples(store: ox.Store) -> list[ox.Triple]:
    """The default graph's triples, sorted so that exports are byte-identical for the same data."""
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return triples
