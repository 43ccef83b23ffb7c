"""Every `$ kg …` example in the README runs (against the test corpus graph) with the exit code it shows."""
import re
import shlex

import pytest
from typer.testing import CliRunner

from kg.cli import app

from .conftest import REPO

EXAMPLES = [line[2:] for line in (REPO / "README.md").read_text().splitlines()
            if line.startswith("$ kg ") and not line.startswith("$ kg build")]


def test_readme_has_examples():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("example", EXAMPLES)
def test_readme_example(example, built, tmp_path, monkeypatch):
    # `kg eval` examples name files of this repository; the others write into a scratch directory
    monkeypatch.chdir(REPO if example.startswith("kg eval") else tmp_path)
    args = shlex.split(example)[1:] + ["--store", str(built[0])]
    result = CliRunner().invoke(app, args)
    expected = 1 if re.search(r"show Cornig$", example) else 0
    assert result.exit_code == expected, result.output
