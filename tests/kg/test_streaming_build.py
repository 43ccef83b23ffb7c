"""Hostile-run row 6: a build never holds its graph in memory. The mapped triples reach the store in chunks,
validation sees one batch of nodes at a time, and the outputs come out of the store — with the same bytes
whatever the chunk and batch sizes."""
from __future__ import annotations

import kg.build
import kg.validation
from kg.build import build

from ..conftest import TEST_CORPUS


def test_chunks_and_batches_are_bounded_and_change_no_output(tmp_path, monkeypatch, nlp, built):
    _, out, summary = built
    loaded: list[int] = []
    validated: list[int] = []
    real_validate = kg.validation.validate_graph

    def validate_graph(graph, **options):
        validated.append(len(graph))
        return real_validate(graph, **options)

    class Counting:  # records the size of every bulk load the build asks of the store
        def __init__(self, store):
            self._store = store

        def bulk_extend(self, quads):
            quads = list(quads)
            loaded.append(len(quads))
            self._store.bulk_extend(quads)

        def __getattr__(self, name):
            return getattr(self._store, name)

    real_load = kg.build._load
    monkeypatch.setattr(kg.build, "_load", lambda store, facts, **options: real_load(Counting(store), facts, **options))
    monkeypatch.setattr(kg.build, "_LOAD_CHUNK", 100)
    monkeypatch.setattr(kg.validation, "_BATCH_TRIPLES", 80)
    monkeypatch.setattr(kg.validation, "validate_graph", validate_graph)
    small = build([TEST_CORPUS], store_path=tmp_path / "store", out_dir=tmp_path / "out", nlp=nlp, n_process=1)
    assert small.report.conforms and small.triples == summary.triples > 500
    assert max(loaded) <= 100 and len(loaded) > 3
    # a batch is cut between nodes: it may exceed the size by one node and the classes of what it points to
    assert len(validated) > 3 and max(validated) < summary.triples / 2
    for name in ("kg.ttl", "facts.json"):
        assert (tmp_path / "out" / name).read_bytes() == (out / name).read_bytes()
