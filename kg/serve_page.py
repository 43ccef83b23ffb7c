"""The page ``kg serve`` answers at ``/``: what the graph holds, the named queries, and a query editor.

One self-contained HTML document (no script or style from elsewhere: the page works offline and fetches
nothing but this endpoint's ``/query``).  The editor starts with the project's prefixes and an example;
each named query can be loaded into it, its ``$parameters`` left for the user to fill in.
"""
from __future__ import annotations

import json
from html import escape

from .prefixes import PREFIXES
from .query import NamedQuery
from .stats import Stats

EXAMPLE = """SELECT ?facility ?name ?operator WHERE {
  ?facility a kg:Facility ; rdfs:label ?name ; kg:operatedBy/rdfs:label ?operator .
} ORDER BY ?operator ?name LIMIT 25"""

_SCRIPT = """
const editor = document.getElementById("sparql"), out = document.getElementById("result");
const prefixes = document.getElementById("prefixes").textContent;
function load(i) { editor.value = prefixes + QUERIES[i]; editor.focus(); }
function cell(term) { return term === undefined ? "" : term.value; }
async function run() {
  out.textContent = "running…";
  const text = editor.value, graph = /^\\s*(PREFIX[^\\n]*\\n\\s*)*(CONSTRUCT|DESCRIBE)/i.test(text);
  const response = await fetch("query", {method: "POST", body: text, headers: {
    "Content-Type": "application/sparql-query",
    "Accept": graph ? "text/turtle" : "application/sparql-results+json"}});
  const body = await response.text();
  out.textContent = "";
  if (!response.ok || graph) { const pre = document.createElement("pre"); pre.textContent = body; out.append(pre); return; }
  const data = JSON.parse(body);
  if (data.boolean !== undefined) { out.textContent = String(data.boolean); return; }
  const table = document.createElement("table"), head = table.insertRow();
  for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
  for (const row of data.results.bindings) {
    const tr = table.insertRow();
    for (const v of data.head.vars) { tr.insertCell().textContent = cell(row[v]); }
  }
  const count = document.createElement("p"); count.textContent = data.results.bindings.length + " row(s)";
  out.append(count, table);
}
document.getElementById("run").addEventListener("click", run);
"""

_STYLE = """body{font-family:Helvetica,Arial,sans-serif;margin:1.5em;max-width:75em}
textarea{width:100%;font-family:monospace;font-size:13px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
code,pre{font-size:13px}.query{margin:.4em 0}"""


def prefix_lines() -> str:
    """The PREFIX declarations every query on the page starts with."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def front_page(stats: Stats, queries: list[NamedQuery], *, title: str) -> str:
    """The HTML of the page (see the module docstring); ``stats`` are the graph's counts at server start."""
    classes = "".join(f"<tr><td><code>kg:{escape(name)}</code></td><td>{count:,}</td></tr>"
                      for name, count in stats.classes)
    named = []
    for i, q in enumerate(queries):
        params = ", ".join(f"<code>${escape(p)}</code> ({escape(d)})" for p, d in q.params.items())
        named.append(f'<div class="query"><button type="button" onclick="load({i})">load</button> '
                     f"<b>{escape(q.name)}</b> — {escape(q.title)}"
                     + (f"<br><small>{escape(q.description)}</small>" if q.description else "")
                     + (f"<br><small>parameters: {params}</small>" if params else "") + "</div>")
    texts = json.dumps([q.text for q in queries]).replace("</", "<\\/")  # no "</script>" inside the script
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{_STYLE}</style></head>
<body>
<h1>{escape(title)}</h1>
<p>A SPARQL 1.1 endpoint at <code>/query</code> (read-only; the default graph is the union of every document's
graph). {stats.triples:,} statements, {len(stats.documents):,} documents.</p>
<h2>What is in the graph</h2>
<table><tr><th>class</th><th>entities</th></tr>{classes}</table>
<h2>Query</h2>
<pre id="prefixes" hidden>{escape(prefix_lines())}</pre>
<textarea id="sparql" rows="16" spellcheck="false">{escape(prefix_lines() + EXAMPLE)}</textarea>
<p><button type="button" id="run">run</button></p>
<div id="result"></div>
<h2>Named queries</h2>
<p>The queries <code>kg query NAME</code> runs; a loaded query's <code>$parameters</code> are yours to replace.</p>
{"".join(named)}
<script>const QUERIES = {texts};{_SCRIPT}</script>
</body></html>
"""
