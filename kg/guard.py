"""Checks a SPARQL text passes before any engine sees it: no ``SERVICE`` unless allowed, and bounded size.

Oxigraph evaluates ``SERVICE <url>`` by fetching from ``url``, so an
unchecked query makes this process (and, behind ``kg serve``, a public
endpoint) reach any host a caller names.  Its parser and planner also recurse
over the query: 10,000 ``FILTER``s or 3,000 nested groups overflow the stack
and kill the process, and a few hundred joined groups keep it busy for
minutes.  The limits below are far above any real query and far below where
the engine fails.

The check lexes the text the way SPARQL does (strings, IRIs and comments are
skipped), so a variable ``?service``, a prefixed name ``ex:service`` or the
word in a literal is not mistaken for the keyword.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import QueryRefused

__all__ = ["QueryLimits", "check_query"]


@dataclass(frozen=True)
class QueryLimits:
    """Bounds on a query's text; the defaults are shown in ``kg query --help`` and ``kg serve --help``."""

    max_chars: int = 100_000
    max_depth: int = 64  # nested (), {} and []
    max_groups: int = 128  # '{' in all: every group, subquery, VALUES block
    max_operators: int = 500  # each of FILTER, UNION, OPTIONAL, MINUS, BIND, &&, || ...

    def describe(self) -> str:
        return (f"at most {self.max_chars:,} characters, {self.max_depth} levels of brackets, {self.max_groups} "
                f"groups {{…}} and {self.max_operators} of each operator (FILTER, UNION, OPTIONAL, MINUS, BIND, "
                "&&, ||)")


DEFAULT_LIMITS = QueryLimits()

_SKIP = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|'(?:[^'\\\n\r]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n\r]*""",
    re.DOTALL,
)  # strings, IRIs and comments: text the engine never reads as keywords
# the keyword where Oxigraph's parser would take it: also "?o.SERVICE<...>" and "SERVICE:x" (":x" the IRI)
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE(?!\w)", re.IGNORECASE)
_TOKEN = re.compile(r"[?$]\w+|[A-Za-z_]\w*|&&|\|\||[{}()\[\]]")
_OPEN, _CLOSE = "{([", "})]"
_COUNTED = {"FILTER", "UNION", "OPTIONAL", "MINUS", "BIND", "&&", "||", "VALUES", "GRAPH", "SELECT"}


def check_query(text: str, *, allow_service: bool = False, limits: QueryLimits = DEFAULT_LIMITS) -> None:
    """Raise :class:`~kg.errors.QueryRefused` if ``text`` uses ``SERVICE`` (unless allowed) or passes a limit."""
    if len(text) > limits.max_chars:
        raise QueryRefused(f"the query has {len(text):,} characters, over the limit of {limits.max_chars:,}")
    code = _SKIP.sub(lambda m: " " * len(m.group()), text)
    if not allow_service and _SERVICE.search(code):
        raise QueryRefused("SERVICE would make this process fetch data from another server; "
                           "it is refused unless --allow-service is given")
    depth = groups = 0
    counts: dict[str, int] = {}
    for token in _TOKEN.findall(code):
        word = token.upper()
        if word in _COUNTED:
            counts[word] = counts.get(word, 0) + 1
            if counts[word] > limits.max_operators:
                raise QueryRefused(f"the query has more than {limits.max_operators} {word}")
        elif token in _OPEN:
            depth += 1
            groups += token == "{"
            if depth > limits.max_depth:
                raise QueryRefused(f"the query nests brackets more than {limits.max_depth} deep")
            if groups > limits.max_groups:
                raise QueryRefused(f"the query has more than {limits.max_groups} groups {{…}}")
        elif token in _CLOSE:
            depth = max(depth - 1, 0)
