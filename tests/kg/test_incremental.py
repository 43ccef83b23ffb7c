"""Incremental builds: unchanged inputs skip the build, one changed file is re-parsed alone and its graphs
replaced, a removed file takes the facts only it supported; the result always equals a build from scratch."""
import shutil

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.errors import WouldRemoveDocuments
from kg.store import data_graphs, open_store

from ..conftest import TEST_CORPUS

NEWS = "regional-news.txt"


def quads(store_path):
    store = open_store(store_path)
    return {q for g in data_graphs(store) for q in store.quads_for_pattern(None, None, None, g)}


@pytest.fixture
def corpus(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, target)
    return target


def run(corpus, root, nlp, *, cache=True, replace=False):
    return build([corpus], store_path=root / "store", out_dir=root / "out",
                 cache_dir=root / "cache" if cache else None, nlp=nlp, replace=replace)


def test_no_change_rebuild_does_nothing(corpus, tmp_path, nlp):
    first = run(corpus, tmp_path, nlp)
    assert not first.unchanged and len(first.extracted) == 2
    before = (tmp_path / "out" / "kg.ttl").read_bytes()
    again = run(corpus, tmp_path, nlp)
    assert again.unchanged and again.extracted == [] and again.triples == first.triples
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == before
    (tmp_path / "out" / "kg.ttl").write_bytes(b"tampered")  # a damaged output is rebuilt, from the cache
    repaired = run(corpus, tmp_path, nlp)
    assert not repaired.unchanged and repaired.extracted == []
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == before


def test_one_changed_file_is_parsed_alone_and_matches_a_fresh_build(corpus, tmp_path, nlp):
    run(corpus, tmp_path / "inc", nlp)
    news = corpus / NEWS
    news.write_text(news.read_text(encoding="utf-8") + "\nNorthwind Robotics opened a new plant in Chengdu in 2024.\n",
                    encoding="utf-8")
    changed = run(corpus, tmp_path / "inc", nlp)
    assert [p.rsplit("/", 1)[-1] for p in changed.extracted] == [NEWS]
    total = len(data_graphs(open_store(tmp_path / "inc" / "store")))
    assert 1 <= changed.graphs_replaced < total
    fresh = run(corpus, tmp_path / "fresh", nlp, cache=False)
    assert fresh.triples == changed.triples
    assert (tmp_path / "inc" / "out" / "kg.ttl").read_bytes() == (tmp_path / "fresh" / "out" / "kg.ttl").read_bytes()
    assert quads(tmp_path / "inc" / "store") == quads(tmp_path / "fresh" / "store")


def test_removed_file_takes_its_facts_with_it(corpus, tmp_path, nlp):
    run(corpus, tmp_path / "inc", nlp)
    (corpus / NEWS).unlink()
    before = quads(tmp_path / "inc" / "store")
    with pytest.raises(WouldRemoveDocuments, match=r"would remove 1 document.*\(regional-news\); pass --replace"):
        run(corpus, tmp_path / "inc", nlp)
    assert quads(tmp_path / "inc" / "store") == before
    removed = run(corpus, tmp_path / "inc", nlp, replace=True)
    assert "removing 1 document(s) no longer in the inputs: regional-news" in removed.warnings
    assert removed.graphs_dropped == 1 and removed.extracted == []
    store = open_store(tmp_path / "inc" / "store")
    assert not any("regional-news" in g.value for g in data_graphs(store))
    assert not list(store.quads_for_pattern(None, None, ox.Literal(NEWS), None))
    run(corpus, tmp_path / "fresh", nlp, cache=False)
    assert quads(tmp_path / "inc" / "store") == quads(tmp_path / "fresh" / "store")


def test_building_one_file_on_a_corpus_store_says_what_it_would_drop(corpus, tmp_path, nlp):
    """Hostile-run row 9: `kg build one-file.txt` on a store of the corpus silently dropped the rest."""
    from typer.testing import CliRunner

    from kg.cli import app

    run(corpus, tmp_path / "inc", nlp)
    store, out = tmp_path / "inc" / "store", tmp_path / "inc" / "out"
    before, ttl = quads(store), (out / "kg.ttl").read_bytes()
    args = ["build", str(corpus / NEWS), "--store", str(store), "--out", str(out), "--no-cache"]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 1
    *stages, error = refused.output.splitlines()
    assert error == ("error: this build would remove 1 document(s) no longer in the inputs (advisory-reports); "
                     "pass --replace to remove them, or add their files to the inputs; nothing was changed")
    assert [line.split()[0] for line in stages] == ["extract"]  # the one stage that ran, then the one-line error
    assert quads(store) == before and (out / "kg.ttl").read_bytes() == ttl
    replaced = CliRunner().invoke(app, [*args, "--replace"])
    assert replaced.exit_code == 0, replaced.output
    assert "warning: removing 1 document(s) no longer in the inputs: advisory-reports" in replaced.output
    assert not any("advisory-reports" in g.value for g in data_graphs(open_store(store)))
