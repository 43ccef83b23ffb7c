"""Faults: a build killed with SIGKILL at any stage, a second build while one runs, builds in other processes."""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.store import build_lock, data_graphs, open_store

from ..conftest import REPO, TEST_CORPUS

KILLED_BUILD = Path(__file__).with_name("killed_build.py")
NEWS = "regional-news.txt"


def quads(store_path: Path) -> set:
    store = open_store(store_path)
    return {q for g in data_graphs(store) for q in store.quads_for_pattern(None, None, None, g)}


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in [*root.glob(".store.*"), *(root / "out").glob(".*")] if not p.name.endswith(".lock"))


@pytest.fixture
def corpus(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, target)
    return target


def run(corpus: Path, root: Path, nlp, *, cache: bool = True):
    return build([corpus], store_path=root / "store", out_dir=root / "out",
                 cache_dir=root / "cache" if cache else None, nlp=nlp)


@pytest.mark.parametrize("point", ["extract", "swap", "export"])
def test_a_killed_build_leaves_whole_outputs_and_the_next_build_succeeds(point, corpus, tmp_path, nlp):
    root = tmp_path / "kg"
    run(corpus, root, nlp)
    old_quads, old_ttl = quads(root / "store"), (root / "out" / "kg.ttl").read_bytes()
    old_facts = (root / "out" / "facts.json").read_bytes()
    news = corpus / NEWS
    news.write_text(news.read_text(encoding="utf-8") + "\nNorthwind Robotics opened a plant in Chengdu in 2024.\n",
                    encoding="utf-8")
    fresh = run(corpus, tmp_path / "fresh", nlp, cache=False)
    new_quads, new_ttl = quads(tmp_path / "fresh" / "store"), (tmp_path / "fresh" / "out" / "kg.ttl").read_bytes()
    assert new_ttl != old_ttl

    # another hash seed than this process's: the child's Turtle must not depend on it
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    child = subprocess.run([sys.executable, str(KILLED_BUILD), point, str(corpus), str(root / "store"),
                            str(root / "out"), str(root / "cache")], cwd=REPO, env=env, capture_output=True,
                           text=True, timeout=600)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]

    # right after the kill: the store is whole (the old one until the swap, the new one after) and so is out/
    if point == "export":
        assert quads(root / "store") == new_quads
        assert (root / "out" / "kg.ttl").read_bytes() == new_ttl  # written by the other process, byte for byte
        assert (root / "out" / "facts.json").read_bytes() == old_facts
    else:
        assert quads(root / "store") == old_quads  # at "swap" it is read where the build set it aside
        assert (root / "out" / "kg.ttl").read_bytes() == old_ttl

    again = run(corpus, root, nlp)
    assert again.written and not again.unchanged and again.triples == fresh.triples
    assert quads(root / "store") == new_quads
    assert (root / "out" / "kg.ttl").read_bytes() == new_ttl
    assert leftovers(root) == []


def test_a_second_build_while_one_runs_is_refused(built, tmp_path):
    store, out, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    before = quads(copy)
    with build_lock(copy):  # what a running build holds
        result = CliRunner().invoke(app, ["build", str(TEST_CORPUS), "--store", str(copy), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {copy}: another `kg build` is running on this store; wait for it to finish"]
    assert quads(copy) == before and not (tmp_path / "out").exists()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    from kg import export

    target = tmp_path / "kg.ttl"
    export.write_atomic(target, b"old")
    target.chmod(0o644)

    def broken_fsync(fd):  # the disk fills up after part of the data went out
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", broken_fsync)
    with pytest.raises(export.OutputUnwritable, match="No space left on device"):
        export.write_atomic(target, b"new data that does not fit")
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]
    export.write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o644  # the mode is kept


def test_build_reports_progress_up_to_the_total(tmp_path, nlp):
    said = []
    summary = build([TEST_CORPUS], store_path=tmp_path / "store", out_dir=tmp_path / "out", nlp=nlp,
                    progress=lambda stage, done, total: said.append((stage, done, total)))
    assert list(dict.fromkeys(stage for stage, _, _ in said)) == ["extract", "map", "validate"]
    calls = [(done, total) for stage, done, total in said if stage == "extract"]
    done = [d for d, _ in calls]  # blocks read, counted as each part of a section comes back
    assert calls and calls[-1][0] == calls[-1][1] and len({t for _, t in calls}) == 1
    assert done == sorted(set(done)) and done[0] > 0
    mapped = [done for stage, done, total in said if stage == "map"]  # triples streamed into the store
    assert mapped == sorted(mapped) and 0 < mapped[-1] <= summary.triples
    graphs = [(done, total) for stage, done, total in said if stage == "validate"]
    assert graphs == [(0, summary.graphs_replaced), (summary.graphs_replaced, summary.graphs_replaced)]
