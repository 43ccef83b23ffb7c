"""A build stopped from outside (hostile-run rows 4 and 5): SIGKILL, SIGINT to the parent, Ctrl-C to the group.

Each case runs a real `kg build --jobs 2` of corpus/ (large enough to start parsing workers) and stops it
once its workers run.  Afterwards no worker may live on, the lock must be free and the output one line.
"""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import REPO, TEST_CORPUS

CORPUS = REPO / "corpus"


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _as_from_a_terminal() -> None:
    # a shell without job control starts background commands with SIGINT ignored, and a build started so
    # rightly keeps ignoring it; these tests stand for a build started from a terminal, whoever runs them
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_build(tmp_path: Path, **popen) -> tuple[subprocess.Popen, set[int]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(CORPUS), "--store", str(tmp_path / "store"),
         "--jobs", "2", "--no-cache", "--quiet"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_as_from_a_terminal,
        **popen)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = children(process.pid)
        if len(workers) >= 2:
            time.sleep(1)  # let them take work
            return process, children(process.pid)
        assert process.poll() is None, process.communicate()
        time.sleep(0.1)
    process.kill()
    pytest.fail("the build started no workers within 120 s")


def wait_gone(pids: set[int], seconds: float = 10) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    return {p for p in pids if alive(p)}


def rebuild(tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "build", str(TEST_CORPUS), "--store", str(tmp_path / "store"),
                           "--jobs", "1"], cwd=tmp_path, capture_output=True, text=True, timeout=300)


def test_workers_die_with_a_killed_build_and_the_next_build_takes_the_lock(tmp_path):
    process, workers = start_build(tmp_path)
    process.kill()
    process.wait()
    assert wait_gone(workers) == set()
    started = time.monotonic()
    again = rebuild(tmp_path)
    assert again.returncode == 0, again.stderr
    assert "was killed; took over its lock" in again.stderr
    assert time.monotonic() - started < 120


@pytest.mark.parametrize("to_group", [False, True], ids=["sigint-to-parent", "ctrl-c-to-group"])
def test_an_interrupted_build_says_one_line_and_exits_130(to_group, tmp_path):
    process, workers = start_build(tmp_path, start_new_session=True)
    if to_group:
        os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does
    else:
        os.kill(process.pid, signal.SIGINT)
    try:
        out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("the interrupted build hung")
    assert process.returncode == 130
    assert err == "interrupted; kept the previous store\n"
    assert wait_gone(workers) == set()
    assert not (tmp_path / "store").exists() and not (tmp_path / "out" / "kg.ttl").exists()
    again = rebuild(tmp_path)
    assert again.returncode == 0 and "took over" not in again.stderr, again.stderr
