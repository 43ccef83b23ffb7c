"""Named and ad-hoc SPARQL queries over the store; parameters are bound as RDF terms, never pasted."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import BadParameter, QueryNotFound, QueryRefused, QuerySyntaxError, UnknownFormat, UpdateRefused
from .guard import check_query
from .prefixes import PREFIXES
from .resources import query_files
from .store import query as store_query

RESULT_FORMATS = ("table", "csv", "tsv", "json")
_UPDATE = re.compile(r"^\s*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", re.IGNORECASE)
_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass
class NamedQuery:
    """A ``queries/*.rq`` file: its header comment and SPARQL text."""

    name: str
    title: str
    description: str
    params: dict[str, str]  # variable name -> description
    text: str
    path: Path | None = None


@dataclass
class QueryResult:
    variables: list[str]
    rows: list[list[str | None]] = field(default_factory=list)
    boolean: bool | None = None


def parse_named_query(path: Path) -> NamedQuery:
    """Read a query file's ``# title:``, ``# description:`` and ``# param: name - meaning`` header."""
    text = path.read_text(encoding="utf-8")
    title, description, params = path.stem, "", {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if m := _HEADER.match(line):
            key, value = m.group(1).lower(), m.group(2).strip()
            if key == "title":
                title = value
            elif key == "description":
                description = value
            else:
                pname, _, meaning = value.partition(" ")
                params[pname.lstrip("?$")] = meaning.strip(" -—")
    return NamedQuery(path.stem, title, description, params, text, path)


def named_queries() -> dict[str, NamedQuery]:
    return {q.name: q for q in map(parse_named_query, query_files())}


def resolve_query(spec: str) -> NamedQuery:
    """``spec`` is a named query, a ``.rq`` file, or SPARQL text."""
    queries = named_queries()
    if spec in queries:
        return queries[spec]
    path = Path(spec)
    if spec.endswith(".rq"):
        if not path.is_file():
            raise QueryNotFound(spec, sorted(queries))
        return parse_named_query(path)
    if re.fullmatch(r"[\w-]+", spec):
        raise QueryNotFound(spec, sorted(queries))
    return NamedQuery("inline", "inline query", "", {}, spec)


def parse_param(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``key=value`` to a variable binding; ``<iri>`` and ``prefix:local`` become IRIs, the rest a string literal."""
    key, sep, value = text.partition("=")
    key = key.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key):
        raise BadParameter(text, "expected key=value with a SPARQL variable name as key")
    if value.startswith("<") and value.endswith(">"):
        return key, ox.NamedNode(value[1:-1])
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and re.fullmatch(r"[\w.-]*", local):
        return key, ox.NamedNode(PREFIXES[prefix] + local)
    if re.fullmatch(r"-?\d+", value):
        return key, ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return key, ox.Literal(value)


def _term_text(term) -> str | None:
    if term is None:
        return None
    return term.value if hasattr(term, "value") else str(term)


def _bindings(query: NamedQuery, params: list[str] | None, *, allow_service: bool) -> dict[str, ox.NamedNode | ox.Literal]:
    """Refuse updates, SERVICE and oversized queries; parse ``key=value`` parameters into bindings of the query's variables."""
    check_query(query.text, allow_service=allow_service)
    body = _PROLOGUE.sub("", re.sub(r"(?m)^\s*#.*$", "", query.text), count=1)
    if _UPDATE.match(body):
        raise UpdateRefused()
    bindings = dict(parse_param(p) for p in params or [])
    mentioned = set(re.findall(r"[?$](\w+)", query.text))
    for key in bindings:
        if query.params and key not in query.params:  # a named query declares what it takes
            takes = "; ".join(f"{k} ({d})" if d else k for k, d in query.params.items())
            raise BadParameter(f"{key}=…", f"{query.name} takes {takes}")
        if key not in mentioned:
            raise BadParameter(f"{key}=…", f"the query has no variable ?{key}")
    return bindings


def run_query(store: ox.Store, query: NamedQuery, params: list[str] | None = None, *,
              allow_service: bool = False) -> QueryResult:
    """Run a read-only query with ``key=value`` parameters bound as RDF terms.

    ``SERVICE`` (which makes the engine fetch from the named server) is refused unless ``allow_service``.
    """
    bindings = _bindings(query, params, allow_service=allow_service)
    try:
        result = store_query(
            store,
            query.text,
            substitutions={ox.Variable(k): v for k, v in bindings.items()},
        )
    except SyntaxError as err:
        raise QuerySyntaxError(str(err)) from None
    except RuntimeError as err:  # SEP-0007: a substituted variable must be projected
        if bindings and "projection" in str(err):
            names = ", ".join(f"?{k}" for k in bindings)
            raise BadParameter(names, "a bound variable must appear in the query's SELECT clause") from None
        raise
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(variables=["result"], rows=[[str(bool(result)).lower()]], boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        rows = [[str(t.subject), str(t.predicate), str(t.object)] for t in result]
        return QueryResult(variables=["subject", "predicate", "object"], rows=rows)
    variables = [v.value for v in result.variables]
    rows = [[_term_text(solution[v]) for v in variables] for solution in result]
    return QueryResult(variables=variables, rows=rows)


def run_remote_query(endpoint: str, query: NamedQuery, params: list[str] | None = None, *,
                     allow_service: bool = False) -> QueryResult:
    """Run a read-only SELECT or ASK query on any SPARQL 1.1 Protocol endpoint, parameters bound as terms."""
    from .remote import sparql_select, with_bindings

    bindings = _bindings(query, params, allow_service=allow_service)
    try:  # check syntax here, so that a typo gives the same message as a local query
        check_query(query.text)  # a query with SERVICE would be evaluated, i.e. fetched, by this check
        ox.Store().query(with_bindings(query.text, bindings))
    except QueryRefused:
        pass  # the endpoint reports its syntax errors
    except SyntaxError as err:
        raise QuerySyntaxError(str(err)) from None
    variables, rows = sparql_select(endpoint, with_bindings(query.text, bindings))
    return QueryResult(variables=variables, rows=rows)


def format_result(result: QueryResult, fmt: str) -> str:
    """Render as csv, tsv or json text (``table`` is rendered by the CLI with rich)."""
    if fmt == "json":
        return json.dumps([dict(zip(result.variables, row)) for row in result.rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
        return out.getvalue()
    raise UnknownFormat(fmt, list(RESULT_FORMATS))
