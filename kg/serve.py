"""``kg serve``: the store behind a SPARQL 1.1 Protocol endpoint, served by the Oxigraph server.

The server is the ``oxigraph`` program (PyPI package ``oxigraph``), run on the
store directory with the union of all graphs as the default graph, so
endpoint queries see what ``kg query`` sees.  It serves a query UI at ``/``,
SPARQL at ``/query`` and the Graph Store Protocol at ``/store``.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from .errors import ServerUnavailable
from .store import open_store


def server_program() -> str:
    """The ``oxigraph`` executable, preferring the one installed beside this Python."""
    here = str(Path(sys.executable).parent)
    found = shutil.which("oxigraph", path=os.pathsep.join([here, os.environ.get("PATH", "")]))
    if found is None:
        raise ServerUnavailable()
    return found


def server_command(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False) -> list[str]:
    """The command line that serves ``store``; read-only unless ``writable``."""
    open_store(store)  # a missing or foreign directory fails here with a one-line error
    mode = "serve" if writable else "serve-read-only"
    return [server_program(), mode, "--location", str(store), "--bind", f"{host}:{port}", "--union-default-graph"]
