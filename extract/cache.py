"""Per-file extraction cache: a file's facts are reused while its bytes and the extractor stay the same.

The key is the file's SHA-256, its name (document ids derive from it) and the
extractor version: a digest of the extractor's source, the reference data and
the spaCy model's version, so any change to the code or data invalidates every
entry without anyone having to remember to bump a number.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

_SOURCE_DIR = Path(__file__).parent


def _model_version() -> str:
    from .nlp import MODEL_PACKAGES

    for name in MODEL_PACKAGES:
        try:
            return f"{name}=={importlib.metadata.version(name.replace('_', '-'))}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return "no-model"


def extractor_version(reference_dir: Path) -> str:
    """Digest of everything that decides what the extractor produces."""
    digest = hashlib.sha256(_model_version().encode())
    for path in sorted(_SOURCE_DIR.rglob("*.py")) + sorted(reference_dir.glob("*")):
        if path.is_file():  # by its path, not its name: kinds/policy.py and policies.py are both code
            name = path.relative_to(_SOURCE_DIR) if path.is_relative_to(_SOURCE_DIR) else path.name
            digest.update(str(name).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """Pickled per-file extraction results under ``directory``, one file per key."""

    def __init__(self, directory: Path, version: str) -> None:
        self.directory = directory
        self.version = version

    def key(self, name: str, sha256: str) -> str:
        return hashlib.sha256(f"{self.version}\0{name}\0{sha256}".encode()).hexdigest()[:32]

    def get(self, key: str) -> Any | None:
        path = self.directory / f"{key}.pickle"
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # a missing or stale entry is re-extracted

    def put(self, key: str, value: Any) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", dir=self.directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.directory / f"{key}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, keep: set[str]) -> None:
        """Delete entries not in ``keep`` (files removed or changed since)."""
        for path in self.directory.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
