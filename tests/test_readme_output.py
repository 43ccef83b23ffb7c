"""The README's console examples print what they show: each ```console block is run, in order, in a directory
that holds the shipped corpus (as a user who follows the README has it), and each line the README shows must
appear in the real output, in the same order.

A line that starts or ends with "…" marks output left out; a number in a shown line stands for any number (counts
and seconds change with the extractors and the machine).  Blocks that talk to a second SPARQL store or start a
server are run by ``tests/test_readme.py`` against real servers; their output is not compared here.
"""
from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = [m.group(1) for m in re.finditer(r"```console\n(.*?)```", README, re.S)]
OFFLINE = [b for b in BLOCKS if "--endpoint" not in b and "$ kg serve" not in b]


def _steps(block: str) -> list[tuple[str, list[str]]]:
    """(command, the output lines shown under it) for each ``$`` line of a block."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps and line.strip():
            steps[-1][1].append(line.rstrip())
    return steps


def _pattern(line: str) -> re.Pattern:
    parts = re.split(r"(\d+(?:\.\d+)?)", line)
    return re.compile("".join(r"\d+(?:\.\d+)?" if i % 2 else re.escape(p) for i, p in enumerate(parts)) + r"\s*$")


def _shown_in(shown: list[str], output: str) -> list[str]:
    """The shown lines not found, in order, in ``output`` (empty when the README is true)."""
    lines = output.splitlines()
    at, missing = 0, []
    for want in shown:
        if want.strip().startswith("…") or want.rstrip().endswith("…"):
            continue  # the README leaves output out here
        pattern = _pattern(want)
        found = next((i for i in range(at, len(lines)) if pattern.match(lines[i].rstrip())), None)
        if found is None:
            missing.append(want)
        else:
            at = found + 1
    return missing


@pytest.fixture(scope="module")
def readme_dir(tmp_path_factory):
    """A directory like a user's checkout: the corpus, the test fixtures ``kg eval`` names, and nothing built."""
    root = tmp_path_factory.mktemp("readme")
    (root / "corpus").symlink_to(REPO / "corpus")
    (root / "tests").mkdir()
    (root / "tests" / "fixtures").symlink_to(REPO / "tests" / "fixtures")
    return root


def _run(command: str, cwd: Path) -> tuple[int, str]:
    args = shlex.split(command)
    if args[0] == "head":  # `head -3 kg.ttl`
        count, path = int(args[1].lstrip("-")), cwd / args[2]
        return 0, "\n".join(path.read_text(encoding="utf-8").splitlines()[:count])
    assert args[0] == "kg", command
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, args[1:], terminal_width=200)
    finally:
        os.chdir(previous)
    return result.exit_code, result.output


def test_the_readme_has_offline_console_examples():
    assert len(OFFLINE) >= 6


def test_every_offline_console_example_prints_what_the_readme_shows(readme_dir, cli_nlp):
    for block in OFFLINE:  # in README order: the first builds the store the others read
        for command, shown in _steps(block):
            code, output = _run(command, readme_dir)
            error = any(line.startswith("error:") for line in shown)
            assert (code != 0) == error, f"$ {command}\n{output}"
            missing = _shown_in(shown, output)
            assert not missing, f"$ {command}: the README shows lines the command does not print:\n" + \
                "\n".join(missing) + f"\n--- it printed:\n{output}"
