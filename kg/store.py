"""The persistent embedded store (Oxigraph).

Layout: each document's facts in a named graph named by the document's IRI;
facts no document supports (vocabularies, reference places) in
``graph/shared``; the ontology in its own graph; the ``kg:nameKey`` lookup
index in ``graph/lookup``.  Queries see the union of all graphs as their
default graph.

A build writes a new store beside the old one (a fresh store, or a checkpoint
of the old one that it then edits) and swaps it in, so a failed or killed
build never leaves a half-written store.  Lookups open the store read-only and
never re-parse Turtle.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from .errors import NotAStore, StoreLocked, StoreMissing
from .prefixes import LOOKUP_GRAPH, ONTOLOGY_IRI, PREFIXES

DEFAULT_STORE = Path(".kg")
ONTOLOGY_GRAPH = ox.NamedNode(ONTOLOGY_IRI)
_MARKER = "CURRENT"  # every RocksDB directory has one


def is_store(path: Path) -> bool:
    return (path / _MARKER).is_file()


def _retired(path: Path) -> list[Path]:
    """Stores a build set aside to swap its new store in, oldest first."""
    return sorted(path.parent.glob(f".{path.name}.old-*"), key=lambda p: p.stat().st_mtime)


def open_store(path: Path) -> ox.Store:
    """Open the store at ``path`` read-only.

    If a build was killed between setting the old store aside and moving the new
    one in, the old store is opened where it was set aside (the next build puts it back).
    """
    if not path.exists():
        fallback = [p for p in _retired(path) if is_store(p)]
        if not fallback:
            raise StoreMissing(path)
        path = fallback[-1]
    if not path.is_dir() or not is_store(path):
        raise NotAStore(path)
    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise NotAStore(path, str(err).splitlines()[0]) from None


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[str | None]:
    """Hold an exclusive lock for a build that writes ``path`` (its store or its out directory); refuse if another
    build holds it.

    A POSIX record lock: the kernel drops it when its process dies, and forked worker processes do not
    inherit it, so a killed build never leaves the store locked.  The holder writes its pid into the lock
    file and clears it when done; a pid found there on entry is a build that was killed, and the value
    yielded is a warning that says so (``None`` otherwise).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.parent / f".{path.name}.lock"
    key = str(lock_path.resolve())
    with _HELD_GUARD:
        # a process holds a POSIX lock once, and closing any descriptor of the file drops it: a second
        # build of the same store in this process is refused here, before the file is opened again
        if key in _HELD:
            raise StoreLocked(path)
        _HELD.add(key)
    try:
        with _locked(lock_path, path) as note:
            yield note
    finally:
        with _HELD_GUARD:
            _HELD.discard(key)


# Lock files this process holds: mirrors the kernel's per-process POSIX locks (see build_lock).
_HELD: set[str] = set()
_HELD_GUARD = threading.Lock()


@contextlib.contextmanager
def _locked(lock_path: Path, path: Path) -> Iterator[str | None]:
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    with os.fdopen(fd, "r+") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise StoreLocked(path) from None
        try:
            previous = handle.read().strip()
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            note = (f"the build that used {path} (process {previous}) was killed; took over its lock"
                    if previous else None)
            yield note
        finally:  # an error or Ctrl-C ends a build too; only a killed one leaves its pid behind
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.lockf(handle, fcntl.LOCK_UN)


def query(store: ox.Store, text: str, **options):
    """Run SPARQL ``text`` with the project prefixes over the union of all graphs."""
    return store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True, **options)


def data_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The graphs holding data: every document graph and the shared graph."""
    internal = {ONTOLOGY_IRI, LOOKUP_GRAPH}
    return sorted((g for g in store.named_graphs() if g.value not in internal), key=lambda g: g.value)


def recover(path: Path) -> None:
    """Undo what a killed build left behind: put a retired store back if none replaced it, delete the rest.

    Call inside :func:`build_lock` of ``path``, so that no other build is between its two renames.
    """
    retired = _retired(path)
    if not path.exists() and retired and is_store(retired[-1]):
        retired.pop().rename(path)
    for leftover in [*retired, *path.parent.glob(f".{path.name}.new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _staging(path: Path) -> Path:
    staging = path.parent / f".{path.name}.new-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def swap_in(path: Path, staging: Path) -> None:
    """Make the (closed) store at ``staging`` the store at ``path``; the old one is deleted."""
    retired = path.parent / f".{path.name}.old-{os.getpid()}"
    if path.exists():
        path.rename(retired)
    staging.rename(path)
    shutil.rmtree(retired, ignore_errors=True)


def staging_store(path: Path) -> tuple[Path, ox.Store]:
    """A new, empty store in a directory beside ``path``; :func:`swap_in` makes it the store at ``path``.

    Call inside :func:`build_lock`.  Refuses when ``path`` is a directory that is not a store.
    """
    if path.exists() and not (path.is_dir() and (is_store(path) or not any(path.iterdir()))):
        raise NotAStore(path, "refusing to overwrite it")
    staging = _staging(path)
    return staging, ox.Store(str(staging))


class _Digest:
    """A binary sink that keeps only a SHA-256 of what is written to it."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return len(data)

    def flush(self) -> None:
        pass


def _graph_digest(store: ox.Store, name: ox.NamedNode) -> bytes:
    sink = _Digest()
    store.dump(sink, ox.RdfFormat.N_TRIPLES, from_graph=name)
    return sink.hash.digest()


def same_graph(a: ox.Store, b: ox.Store, graph: str) -> bool:
    """Do two stores hold the same triples in ``graph``?  Both are serialised in index order (the order a term's
    encoding gives, the same in any store) into a digest: the engine writes, Python only hashes, and no copy of
    the graph is held."""
    name = ox.NamedNode(graph)
    return _graph_digest(a, name) == _graph_digest(b, name)
