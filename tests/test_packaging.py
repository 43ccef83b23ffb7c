"""Every Python package of the project is in the wheel: pyproject lists packages by hand, and a new
sub-package left off the list works in a source checkout and is missing from an installed copy."""
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_package_directory_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(REPO).parts)
             for top in ("kg", "extract") for init in (REPO / top).rglob("__init__.py")}
    assert found and found <= listed, sorted(found - listed)
