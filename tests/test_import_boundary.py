"""The extract/kg boundary, checked on what a fresh interpreter really imports."""
import subprocess
import sys

import pytest

from .conftest import REPO


def loaded(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in out.split()}


def test_extract_never_imports_rdf_libraries_or_kg():
    found = loaded("import extract.run, extract.records, extract.loader, extract.processes")
    assert not found & {"rdflib", "pyoxigraph", "pyshacl", "kg"}


@pytest.mark.parametrize("module", ["kg.cli", "kg.build", "kg.serve", "kg.query", "kg.mapping", "kg.evaluate",
                                    "kg.validation", "kg.gold", "kg.export"])
def test_kg_never_imports_spacy(module):
    assert "spacy" not in loaded(f"import {module}")


def test_a_lookup_imports_neither_spacy_nor_rdflib(built):
    code = ("import sys\nfrom kg.cli import main\nsys.argv = ['kg', 'show', 'Corning', '--store', "
            f"{str(built[0])!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass")
    assert not loaded(code) & {"spacy", "rdflib", "pyshacl"}
