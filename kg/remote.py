"""Talk to other triple stores over HTTP: SPARQL 1.1 Protocol queries and Graph Store Protocol uploads.

Only the standard library is used, and only for the URL the user gives.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .errors import EndpointError
from .prefixes import PREFIXES

TIMEOUT_S = 60


def _opener(url: str, auth: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    """An opener that answers an HTTP Basic or Digest challenge from ``url``'s server with ``auth`` (user,
    password): Virtuoso's Graph Store endpoint asks for Digest, others for Basic."""
    if auth is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, *auth)
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def _request(request: urllib.request.Request, auth: tuple[str, str] | None = None) -> bytes:
    try:
        with _opener(request.full_url, auth).open(request, timeout=TIMEOUT_S) as response:
            return response.read()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace").strip().splitlines()
        raise EndpointError(request.full_url, f"HTTP {err.code}: {detail[0][:200] if detail else err.reason}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise EndpointError(request.full_url, f"unreachable ({reason})") from None


def with_bindings(text: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with the project prefixes declared and ``bindings`` as a VALUES block opening each WHERE group.

    Remote endpoints do not take SEP-0007 substitutions; inline VALUES at the
    top of a group binds the variables before any FILTER in it runs, and a
    subquery sees only its own group's bindings, so every ``WHERE {`` gets
    the block (in a group that does not use a variable it changes nothing).
    Each value is written by pyoxigraph as an N-Triples term, so quotes,
    ``>``, ``}`` or ``#`` stay data.
    """
    declared = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    if not bindings:
        return declared + text
    body = re.sub(r"(?m)^\s*#.*$", "", text)
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(str(v) for v in bindings.values())
    block = f"\n  VALUES ({names}) {{ ({values}) }}"
    bound, count = re.subn(r"\bWHERE\s*\{", lambda m: m.group() + block, body, flags=re.IGNORECASE)
    if count:
        return declared + bound
    opening = re.search(r"\{", body)
    if opening is None:
        return declared + body  # not a query the endpoint will accept; let it say why
    return f"{declared}{body[:opening.end()]}{block}{body[opening.end():]}"


def sparql_select(endpoint: str, text: str) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT or ASK query on a SPARQL 1.1 Protocol endpoint; (variables, rows of term values)."""
    # the protocol's URL-encoded POST: every endpoint takes it (Virtuoso 7 answers a direct
    # application/sparql-query POST with an empty body)
    request = urllib.request.Request(
        endpoint, data=urllib.parse.urlencode({"query": text}).encode("ascii"), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
    )
    body = _request(request)
    try:
        payload = json.loads(body)
    except ValueError:
        raise EndpointError(endpoint, "the answer is not SPARQL JSON results") from None
    if "boolean" in payload:
        return ["result"], [[str(bool(payload["boolean"])).lower()]]
    variables = payload.get("head", {}).get("vars", [])
    rows = [[row.get(v, {}).get("value") for v in variables] for row in payload.get("results", {}).get("bindings", [])]
    return variables, rows


def graph_store_put(endpoint: str, graph: str, ntriples: bytes, *, auth: tuple[str, str] | None = None) -> None:
    """Replace named graph ``graph`` at a Graph Store Protocol ``endpoint`` with the N-Triples ``ntriples``."""
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(url, data=ntriples, method="PUT", headers={"Content-Type": "application/n-triples"})
    _request(request, auth)


def push_store(store: ox.Store, endpoint: str, *, graph: str | None = None,
               auth: tuple[str, str] | None = None) -> list[tuple[str, int]]:
    """Upload every data graph (or only ``graph``) and the ontology to a Graph Store Protocol endpoint, as
    ``auth`` (user, password) when given.

    Each named graph is PUT on its own, so a document's graph replaces the
    earlier upload of the same document.  Returns (graph IRI, triples) per upload.
    """
    from .errors import KGError
    from .prefixes import ONTOLOGY_IRI
    from .store import data_graphs

    names = [g.value for g in data_graphs(store)] + [ONTOLOGY_IRI]
    if graph is not None:
        if graph not in names:
            raise KGError(f"{graph}: no such named graph in the store; `kg stats` lists the documents")
        names = [graph]
    sent = []
    for name in names:
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))]
        graph_store_put(endpoint, name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), auth=auth)
        sent.append((name, len(triples)))
    return sent
