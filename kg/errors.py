"""Every error the graph side raises, in one place.

Hierarchy::

    KGError                      base class; ``str(err)`` is a one-line message for users
    ├── StoreMissing             no graph store at the given path (run ``kg build`` first)
    ├── NotAStore                the path exists but is not a graph store
    ├── StoreLocked              another build holds the store
    ├── WouldRemoveDocuments     a build would drop documents whose files are not among its inputs
    ├── QueryNotFound            an unknown named query (lists the known ones)
    ├── QuerySyntaxError         the SPARQL text does not parse
    ├── UpdateRefused            the text is a SPARQL update; the CLI only reads
    ├── QueryRefused             the query uses SERVICE (not allowed) or passes a size limit (kg/guard.py)
    ├── BadParameter             a ``--param`` is not ``key=value`` or names no variable of the query
    ├── UnknownFormat            an unsupported output or RDF format
    ├── RDFParseError            an RDF file given to ``kg validate`` does not parse
    ├── OutputUnwritable         an output file cannot be written (a directory, no space, no permission)
    ├── EntityNotFound           ``kg show`` found no entity (carries suggestions)
    ├── GoldError                a gold file for ``kg eval`` is unreadable, malformed or its source is missing
    ├── EndpointError            a SPARQL endpoint or graph store is unreachable or answered with an error
    └── ServerUnavailable        the ``oxigraph`` server program is not installed

The extraction side has its own catalogue (:mod:`extract.errors`); the CLI
turns both into a one-line message and a non-zero exit.
"""
from __future__ import annotations

from pathlib import Path


class KGError(Exception):
    """Base class of all graph-side errors."""


class StoreMissing(KGError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: no graph store here; run `kg build` first or pass --store")


class NotAStore(KGError):
    def __init__(self, path: Path, reason: str = "") -> None:
        detail = f" ({reason})" if reason else ""
        super().__init__(f"{path}: not a graph store{detail}; pass the directory `kg build` wrote")


class StoreLocked(KGError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: another `kg build` is running on this store; wait for it to finish")


class WouldRemoveDocuments(KGError):
    def __init__(self, files: list[str]) -> None:
        shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
        super().__init__(f"this build would remove {len(files)} document(s) no longer in the inputs ({shown}); "
                         "pass --replace to remove them, or add their files to the inputs; nothing was changed")


class QueryNotFound(KGError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"no named query {name!r}; known queries: {', '.join(known) or '(none)'}")


class QueryMissing(KGError):
    def __init__(self) -> None:
        super().__init__("no query given: name one (kg query --list shows them), a .rq file, or SPARQL text")


class QuerySyntaxError(KGError):
    def __init__(self, detail: str) -> None:
        first = detail.strip().splitlines()[0] if detail.strip() else "syntax error"
        super().__init__(f"malformed SPARQL: {first}")


class UpdateRefused(KGError):
    def __init__(self) -> None:
        super().__init__("SPARQL updates are refused: `kg query` only reads; rebuild with `kg build` to change the graph")


class QueryRefused(KGError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"query refused: {reason}")


class BadParameter(KGError):
    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"bad --param {text!r}: {reason}")


class UnknownFormat(KGError):
    def __init__(self, given: str, known: list[str]) -> None:
        super().__init__(f"unknown format {given!r}; use one of: {', '.join(known)}")


class RDFParseError(KGError):
    def __init__(self, path: Path, detail: str) -> None:
        first = " ".join(detail.split())[:200]
        super().__init__(f"{path}: not valid RDF ({first})")


class OutputUnwritable(KGError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: cannot write ({reason}); nothing was changed there")


class EntityNotFound(KGError):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else "; try `kg search`"
        super().__init__(f"no entity named {name!r}{hint}")


class GoldError(KGError):
    """A gold annotation file or its source document cannot be used."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


class EndpointError(KGError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")


class ServerUnavailable(KGError):
    def __init__(self) -> None:
        super().__init__("the `oxigraph` server program is not installed; run `pip install oxigraph`")
