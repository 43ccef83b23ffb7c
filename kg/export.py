"""Serialise the stored graph: Turtle by default, with the project's prefixes bound."""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from .errors import OutputUnwritable, UnknownFormat
from .prefixes import PREFIXES
from .store import data_graphs

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


def serialize_store(store: ox.Store, output: BinaryIO, *, fmt: str = "turtle", graph: str | None = None) -> None:
    """Write the data of ``store`` in ``fmt`` to ``output``; identical data gives identical bytes.

    Triple formats get the union of the data graphs (or only ``graph``), N-Quads and TriG each
    document's named graph; either way in sorted order, read subject by subject, so memory holds the
    subjects, not the triples.
    """
    target = rdf_format(fmt)
    graphs = [ox.NamedNode(graph)] if graph else data_graphs(store)
    if target in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        items = (ox.Quad(*t, g) for g in graphs for t in union_triples(store, [g]))
        ox.serialize(items, output, format=target, prefixes=PREFIXES if target == ox.RdfFormat.TRIG else None)
    else:
        ox.serialize(union_triples(store, graphs), output, format=target,
                     prefixes=PREFIXES if target == ox.RdfFormat.TURTLE else None)


def union_triples(store: ox.Store, graphs: list[ox.NamedNode] | None = None) -> Iterator[ox.Triple]:
    """The distinct triples of the data graphs (or of ``graphs``), sorted by subject, predicate and object."""
    graphs = data_graphs(store) if graphs is None else graphs
    names = set(graphs)
    subjects = {q.subject for g in graphs for q in store.quads_for_pattern(None, None, None, g)}
    for subject in sorted(subjects, key=str):
        triples = {q.triple for q in store.quads_for_pattern(subject, None, None, None) if q.graph_name in names}
        yield from sorted(triples, key=lambda t: (str(t.predicate), str(t.object)))


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write ``data`` (bytes, or a function that writes them to a binary file) to ``path``, never half-written.

    A regular file or a new path is written through a temporary file and a rename; a symbolic link is
    followed and its target replaced (the link stays); a device or a FIFO is written directly, as a shell
    redirection would.  A failure is :class:`~kg.errors.OutputUnwritable` and leaves an existing file as it was.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as err:
        raise OutputUnwritable(path, err.strerror or str(err)) from None
    try:
        if mode is not None and stat.S_ISDIR(mode):
            raise OutputUnwritable(path, "is a directory")
        if mode is not None and not stat.S_ISREG(mode):
            with open(target, "wb") as handle:  # a FIFO blocks here until a reader comes, as `>` does
                _write(handle, data)
            return
        _replace(target, data)
    except OSError as err:
        raise OutputUnwritable(path, err.strerror or str(err)) from None


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, _mode(path))  # mkstemp's 0600 would make every output private to its writer
        with os.fdopen(fd, "wb") as handle:
            _write(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write(handle: BinaryIO, data: bytes | Callable[[BinaryIO], None]) -> None:
    if callable(data):
        data(handle)
    else:
        handle.write(data)


def _mode(path: Path) -> int:
    """The mode a plain ``open(path, "w")`` would give: the file's own if it exists, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
