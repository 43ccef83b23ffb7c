"""Output paths as an attacker or a shell user gives them: devices, FIFOs, links, '-' (hostile-run row 3)."""
import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


COMMANDS = {
    "export": lambda store, out: ["export", "-o", out, "--store", store],
    "viz": lambda store, out: ["viz", "Corning", "-o", out, "--store", store],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_device_is_one_line_and_exit_1(command, built):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    result = kg(*COMMANDS[command](built[0], "/dev/full"))
    assert result.exit_code == 1
    assert result.output == "error: /dev/full: cannot write (No space left on device); nothing was changed there\n"
    assert Path("/dev/full").is_char_device()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_is_written_to_not_replaced(command, built, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = kg(*COMMANDS[command](built[0], fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert fifo.is_fifo()
    assert received and received[0].strip()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_symlink_is_followed_and_stays_a_link(command, built, tmp_path):
    target = tmp_path / "real" / "graph.out"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.svg"
    link.symlink_to(target)
    result = kg(*COMMANDS[command](built[0], link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text() != "old" and target.stat().st_size > 100
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.out"]  # no temporary left


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_is_stdout(command, built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = kg(*COMMANDS[command](built[0], "-"))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    assert result.output.lstrip().startswith("@prefix" if command == "export" else "<svg")


def test_a_directory_is_refused(built, tmp_path):
    result = kg("export", "-o", tmp_path, "--store", built[0])
    assert result.exit_code == 1 and result.output == f"error: {tmp_path}: cannot write (is a directory); nothing was changed there\n"


def test_build_out_that_is_not_a_directory_is_refused_before_anything(tmp_path):
    result = kg("build", "--out", "/dev/null", "--store", tmp_path / "s")
    assert result.exit_code == 1
    assert result.output == ("error: /dev/null: cannot write (not a directory; --out takes a directory for kg.ttl "
                             "and facts.json); nothing was changed there\n")
    assert not (tmp_path / "s").exists() and not Path("/dev/.null.lock").exists()
