"""The lint rules of pyproject.toml's [tool.ruff] hold on the whole tree."""
import subprocess
import sys

from .conftest import REPO


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
