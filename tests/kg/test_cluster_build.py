"""`kg build --scheduler`: files read on a real Dask cluster (``distributed.LocalCluster``, two worker processes on
loopback) give the graph a local build gives, byte for byte, even when a worker is killed mid-build."""
from __future__ import annotations

import os
import shutil
import signal

import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app

from ..conftest import TEST_CORPUS


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as running:
        yield running


@pytest.fixture(scope="module")
def bigger_corpus(tmp_path_factory):
    """The test corpus three times over, under other names: more files than workers, so tasks queue."""
    root = tmp_path_factory.mktemp("bigger")
    for copy in range(3):
        for path in sorted(TEST_CORPUS.iterdir()):
            shutil.copy(path, root / f"{path.stem}-{copy}{path.suffix}")
    return root


def _ttl(out) -> bytes:
    return (out / "kg.ttl").read_bytes()


def test_a_cluster_build_gives_the_local_builds_graph(cluster, built, tmp_path):
    summary = build([TEST_CORPUS], store_path=tmp_path / "s", out_dir=tmp_path / "out",
                    scheduler=cluster.scheduler_address)
    assert summary.report.conforms and summary.documents == built[2].documents
    assert _ttl(tmp_path / "out") == _ttl(built[1])
    assert (tmp_path / "out" / "facts.json").read_bytes() == (built[1] / "facts.json").read_bytes()


def test_a_worker_killed_mid_build_costs_no_document(cluster, bigger_corpus, built, nlp, tmp_path):
    local = build([bigger_corpus], store_path=tmp_path / "local", out_dir=tmp_path / "local-out", nlp=nlp)
    killed: list[int] = []
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        def kill_a_busy_worker(stage: str, done: int, total: int | None) -> None:
            if killed or stage != "extract":
                return
            busy = [address for address, tasks in client.processing().items() if tasks]
            pids = client.run(os.getpid)
            if busy:
                killed.append(pids[busy[0]])
                os.kill(pids[busy[0]], signal.SIGKILL)  # its nanny starts a new worker; its task runs again

        summary = build([bigger_corpus], store_path=tmp_path / "s", out_dir=tmp_path / "out",
                        scheduler=cluster.scheduler_address, progress=kill_a_busy_worker)
    assert killed, "no worker was busy when the first file came back; the test proved nothing"
    assert summary.documents == local.documents == 3 * built[2].documents
    assert _ttl(tmp_path / "out") == _ttl(tmp_path / "local-out")


def _explodes(sent):
    if "Maria Lopez" in sent.text:
        raise RuntimeError("a finder broke on this sentence")
    return []


def test_a_file_that_fails_twice_stops_the_build_with_its_path_and_keeps_the_store(cluster, built, tmp_path):
    import dataclasses

    from extract.kinds import KINDS

    broken = tuple(dataclasses.replace(k, find=_explodes) if k.key == "projects" else k for k in KINDS)
    store = tmp_path / "s"
    shutil.copytree(built[0], store)
    before = sorted(p.name for p in store.iterdir())
    from extract.errors import ClusterTaskFailed

    with pytest.raises(ClusterTaskFailed) as failed:
        build([TEST_CORPUS], store_path=store, out_dir=tmp_path / "out", scheduler=cluster.scheduler_address,
              kinds=broken)
    message = str(failed.value)
    assert "\n" not in message and "RuntimeError: a finder broke on this sentence" in message
    assert message.startswith(str(TEST_CORPUS)) and "retried" in message
    assert sorted(p.name for p in store.iterdir()) == before and not (tmp_path / "out" / "kg.ttl").exists()


def test_no_scheduler_there_is_one_line_and_exit_1(monkeypatch, tmp_path):
    import extract.cluster

    monkeypatch.setattr(extract.cluster, "CONNECT_TIMEOUT", "2s")
    result = CliRunner().invoke(app, ["build", str(TEST_CORPUS), "--store", str(tmp_path / "s"), "--out",
                                      str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("error: cannot use the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "s").exists()
