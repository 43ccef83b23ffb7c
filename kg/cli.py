"""The ``kg`` command line: thin Typer wrappers over the library functions.

Every command parses its arguments, calls one library function and prints;
errors from either package become one line on stderr and a non-zero exit.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import shlex
import signal
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from extract.errors import ExtractError
from extract.limits import MAX_FILE_BYTES

from .errors import KGError, QueryMissing, UnknownFormat
from .store import DEFAULT_STORE

app = typer.Typer(
    help="Build and query a knowledge graph of companies, facilities, projects and policies.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

StoreOpt = Annotated[Path, typer.Option("--store", help="Graph store directory.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def say(text: str) -> None:
    typer.echo(text)


def warn(text: str) -> None:
    typer.echo(text, err=True)


def _console(*, stderr: bool = False):
    """A rich console, for tables and the progress bar only: lookups print plain text and never import rich."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _print_json(data) -> None:
    say(json.dumps(data, indent=2, ensure_ascii=False))


def _fail(message: str, code: int = 1) -> None:
    warn(f"error: {message}")
    raise typer.Exit(code)


def handle_errors(func):
    """Turn library errors into a one-line message and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (KGError, ExtractError) as error:
            _fail(str(error))
        except BrokenPipeError:  # the reader went away (`kg show X | head`): stop quietly, as cat does
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except OSError as error:
            _fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "))
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug: still one line for the user, the traceback on request
            if os.environ.get("KG_DEBUG"):
                raise
            _fail(f"internal error ({type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}); "
                  "rerun with KG_DEBUG=1 for the traceback and report it")

    return wrapper


@app.command("build")
@handle_errors
def build_cli(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or directories to read (default: corpus/).")] = None,
    store: StoreOpt = DEFAULT_STORE,
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Directory for kg.ttl and facts.json (default: out/ for the default store, else the store's name + '-out').")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Remove from the store the documents whose files are not among PATHS (refused without it).")] = False,
    cache: Annotated[Optional[Path], typer.Option("--cache", help="Directory for per-file extractions and the build manifest (default: the store's name + '-cache').")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Re-extract every file and ignore the last build.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes parsing and extracting (spaCy and the finders).")] = 2,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", envvar="KG_SCHEDULER", help="Read the files on this Dask cluster (tcp://HOST:8786) instead of --jobs local processes; needs pip install -e \".[cluster]\".")] = None,
    max_file_mb: Annotated[float, typer.Option("--max-file-mb", min=0.001, help="Refuse documents larger than this (skipped with a warning inside a directory).")] = MAX_FILE_BYTES / 1e6,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only warnings and errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also print the files parsed.")] = False,
) -> None:
    """Extract facts from documents, validate them with SHACL, store them and write out/kg.ttl.

    Only files that changed since the last build are parsed again, and only the
    named graphs whose facts changed are replaced in the store.  The store holds
    the documents of PATHS: a build that would remove others says which and
    stops, unless --replace.

    Example: kg build corpus/

    Example: kg build corpus/ --scheduler tcp://127.0.0.1:8786
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from .build import STAGES, build

    if out_dir is None:
        out_dir = Path("out") if store == DEFAULT_STORE else store.with_name(store.name + "-out")
    err = _console(stderr=True)
    # on a terminal one bar for the stage under way, with its count (_UNITS); each stage's time is printed
    # when it ends, on a terminal or not
    columns = (TextColumn("{task.description:<9}"), BarColumn(), TextColumn("{task.fields[count]}"), TimeElapsedColumn())
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM ends a build as Ctrl-C does
    try:
        with Progress(*columns, console=err, transient=True, disable=quiet or not err.is_terminal) as bar:
            task = bar.add_task(STAGES[0], total=None, count="")

            def parsed(name: str, done: int, total: int | None) -> None:
                counted = f"{done:,}/{total:,}" if total is not None else f"{done:,}"
                bar.update(task, completed=done, total=total, count=f"{counted} {_UNITS[name]}")

            def ended(name: str, seconds: float) -> None:
                err.print(f"{name:<9} {seconds:.1f} s", highlight=False)
                if name != STAGES[-1]:
                    bar.reset(task, description=STAGES[STAGES.index(name) + 1], total=None, count="")

            summary = build(paths or [Path("corpus")], store_path=store, out_dir=out_dir,
                            cache_dir=None if no_cache else cache or store.with_name(store.name + "-cache"),
                            n_process=jobs, progress=parsed, stage=None if quiet else ended,
                            max_file_bytes=int(max_file_mb * 1e6), replace=replace, scheduler=scheduler)
    except KeyboardInterrupt:
        # the workers are stopped as the parse generator closes; the store and out/ were never touched
        warn("interrupted; kept the previous store")
        raise typer.Exit(130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    for warning in summary.warnings:
        warn(f"warning: {warning}")
    note = (lambda text: None) if quiet else say
    note(f"documents: {summary.documents}")
    note(f"triples:   {summary.triples}")
    note("entities:  " + ", ".join(f"{k} {v}" for k, v in summary.classes.items()))
    if verbose:
        for path in summary.extracted:
            note(f"parsed:    {path}")
    if summary.unchanged:
        note(f"unchanged since the last build; kept {store}/ and {out_dir / 'kg.ttl'} ({summary.seconds:.1f} s)")
        return
    if summary.report.conforms:
        note("SHACL:     conforms")
        note(f"parsed {len(summary.extracted)} file(s); replaced {summary.graphs_replaced} graph(s), "
            f"dropped {summary.graphs_dropped}")
        note(f"wrote {store}/ and {out_dir / 'kg.ttl'} in {summary.seconds:.1f} s")
        return
    say(f"SHACL:     {len(summary.report.violations)} violation(s); nothing was written")
    for violation in summary.report.violations:
        say("  " + violation.one_line())
    raise typer.Exit(1)


# what each stage's bar counts (kg.build.build's progress)
_UNITS = {"extract": "blocks", "map": "triples", "validate": "graphs"}


def _open(store: Path):
    from .store import open_store

    return open_store(store)


@app.command("show")
@handle_errors
def show_cli(
    name: Annotated[str, typer.Argument(help="A name or alias (case, accents and punctuation are ignored), or an entity's IRI.")],
    type_: Annotated[Optional[str], typer.Option("--type", help="Only entities of this class (Project or kg:Project): picks one of an ambiguous name's candidates.")] = None,
    store: StoreOpt = DEFAULT_STORE,
    limit: Annotated[int, typer.Option(help="Sentences to print under provenance (0: all there, and all of each value's, not only its first).")] = 5,
    as_json: JsonOpt = False,
) -> None:
    """Print an entity's card: types, properties, relations and the sentences they come from.

    With --json every evidence sentence is printed, whatever --limit says. A name two entities share lists
    both, each with the command that shows it.

    Example: kg show Corning

    Example: kg show "China-Europe Railway Express" --type Project
    """
    from .lookup import card

    db = _open(store)
    c = card(db, _one(db, name, type_, store=store))
    if as_json:
        _print_json(dataclasses.asdict(c))
        return
    say(f"{c.label}  ({', '.join(c.types)})")
    say(f"  <{c.iri}>")
    if c.aliases:
        say("  aliases: " + "; ".join(c.aliases))
    section = "about"
    for v in c.values:
        if v.section != section:
            section = v.section
            say(f"  {section}:")
        indent = "  " if section == "about" else "    "
        documents = f"  ({v.documents} document{'' if v.documents == 1 else 's'})" if v.documents else ""
        if v.iri is None:
            say(f"{indent}{v.property}: {v.value}{documents}")
        elif v.incoming:
            say(f"{indent}← {v.property} of {v.value}{documents}")
        else:
            say(f"{indent}{v.property} → {v.value}{documents}")
        for ev in v.sentences if limit <= 0 else v.sentences[:1]:
            say(f"{indent}    “{_clipped(ev.quote, 120)}”  [{ev.source_file} {ev.start}-{ev.end}]")
    shown = c.evidence if limit <= 0 else c.evidence[:limit]
    say(f"  provenance: {len(c.evidence)} sentence(s) in {len({e.document for e in c.evidence})} document(s)")
    for ev in shown:
        say(f"    [{ev.source_file} {ev.start}-{ev.end}] {ev.title[:70]}")
        say(f"      “{ev.quote[:300]}”")
    if len(shown) < len(c.evidence):
        say(f"    … {len(c.evidence) - len(shown)} more (--limit 0 shows all)")


def _clipped(text: str, width: int, *, around: str = "") -> str:
    """``text`` cut to ``width`` characters, keeping ``around`` (a name in it) in view."""
    at = text.casefold().find(around.casefold()) if around else -1
    if len(text) > width and at > width // 3:
        text = "…" + text[at - width // 3:].lstrip()
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _one(db, name: str, type_: str | None = None, *, command: str = "show", store: Path = DEFAULT_STORE):
    """The entity ``name`` denotes (of class ``type_``, when given).  When several have the name, the one far
    better supported than the others is chosen and the others are named first; otherwise the candidates are
    listed, each with the command that picks it (in ``store``), and the command exits 1."""
    from .lookup import best_supported, first_sentence, pick

    candidates = pick(db, name, type_=type_)
    where = "" if store == DEFAULT_STORE else f" --store {shlex.quote(str(store))}"
    if len(candidates) > 1 and (chosen := best_supported(db, candidates)):
        best, sentences, next_best = chosen
        warn(f"{name} also names {len(candidates) - 1} other entit{'y' if len(candidates) == 2 else 'ies'} "
             f"with {next_best} sentence(s) at most; this one has {sentences}. The others:")
        for cand in [c for c in candidates if c is not best][:20]:
            warn(f"  {cand.label}  ({', '.join(cand.types)}): kg {command} {shlex.quote('<' + cand.iri + '>')}{where}")
        return best
    if len(candidates) > 1:
        warn(f"{name} is ambiguous; candidates, each with its first sentence and the command that shows it:")
        for n, cand in enumerate(candidates[:20], 1):
            warn(f"  {n}. {cand.label}  ({', '.join(cand.types)})")
            if said := first_sentence(db, cand.iri):
                warn(f"     “{_clipped(said.quote, 100, around=cand.label)}”  [{said.source_file} {said.start}-{said.end}]")
            warn(f"     kg {command} {shlex.quote('<' + cand.iri + '>')}{where}")
        raise typer.Exit(1)
    return candidates[0]


@app.command("viz")
@handle_errors
def viz_cli(
    name: Annotated[str, typer.Argument(help="A name, alias or IRI, as for `kg show`.")],
    type_: Annotated[Optional[str], typer.Option("--type", help="Only entities of this class, as for `kg show`.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="FILE.svg or FILE.html (default, or '-': SVG on stdout).")] = None,
    hops: Annotated[int, typer.Option("--hops", min=1, max=2, help="1: the entity's neighbours; 2: theirs too.")] = 1,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Draw an entity's neighbourhood: nodes coloured by class, edges labelled with their property.

    Example: kg viz Corning -o corning.svg
    """
    from .export import write_atomic
    from .viz import draw, output_format

    if output is not None and str(output) == "-":
        output = None
    fmt = output_format(output)
    db = _open(store)
    drawing = draw(db, _one(db, name, type_, command="viz", store=store), hops=hops, fmt=fmt)
    if output is None:
        sys.stdout.write(drawing)
        return
    write_atomic(output, drawing.encode("utf-8"))
    warn(f"wrote {output}")


@app.command("search")
@handle_errors
def search_cli(
    text: Annotated[str, typer.Argument(help="Text contained in a name or alias.")],
    type_: Annotated[Optional[str], typer.Option("--type", help="Only this kg: class, e.g. Company.")] = None,
    store: StoreOpt = DEFAULT_STORE,
    as_json: JsonOpt = False,
) -> None:
    """List matching entities, one a line: label, classes, IRI.

    Example: kg search bank --type FinancialInstitution
    """
    from .lookup import search

    hits = search(_open(store), text, type_=type_)
    if as_json:
        _print_json([{"iri": h.iri, "label": h.label, "types": h.types, "matched": h.matched} for h in hits])
    else:
        for hit in hits:
            say(f"{hit.label}\t{', '.join(hit.types)}\t{hit.iri}")
    if not hits:
        warn(f"no entity matches {text!r}")
        raise typer.Exit(1)


def _named_queries_help() -> str:
    """The named queries, one per line, for ``kg query --help``."""
    from .query import named_queries

    lines = [f"{q.name}" + (f" ({', '.join(q.params)})" if q.params else "") + f": {q.title}"
             for q in sorted(named_queries().values(), key=lambda q: q.name)]
    return "Named queries (parameters in brackets):\n\n" + "\n\n".join(lines)


@app.command("query", epilog=_named_queries_help())
@handle_errors
def query_cli(
    query: Annotated[Optional[str], typer.Argument(help="A named query (see queries/ or --list), a .rq file, or SPARQL text.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value, bound to ?key as an RDF term.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    store: StoreOpt = DEFAULT_STORE,
    endpoint: Annotated[Optional[str], typer.Option("--endpoint", help="Run on this SPARQL endpoint instead of the store (SELECT and ASK).")] = None,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let SERVICE fetch from the servers it names (refused by default: no query reaches the network unless asked).")] = False,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries with their descriptions and parameters, and stop.")] = False,
) -> None:
    """Run a read-only SPARQL query; parameters are bound as RDF terms, never pasted into the text.

    Queries are checked before the engine sees them: SERVICE is refused unless --allow-service, and a query
    may have at most 100,000 characters, 64 levels of brackets, 128 groups {…} and 500 of each operator
    (FILTER, UNION, OPTIONAL, MINUS, BIND, &&, ||).

    Example: kg query partners-of-organization --param name=Corning

    Example: kg query most-cited-policies --endpoint http://127.0.0.1:7878/query

    Example: kg query --list
    """
    from .query import RESULT_FORMATS, format_result, named_queries, resolve_query, run_query, run_remote_query

    if list_:
        for q in sorted(named_queries().values(), key=lambda q: q.name):
            say(f"{q.name}: {q.title}")
            if q.description:
                say(f"  {q.description}")
            for name, what in q.params.items():
                say(f"  --param {name}=…  {what}")
            # the example value a parameter's description gives ("the place's label, e.g. Chongqing")
            values = {name: m.group(1) if (m := re.search(r"e\.g\. (.+?)\.?(?: \(optional\))?$", what)) else "…"
                      for name, what in q.params.items()}
            say(f"  kg query {q.name}" + "".join(f" -p {shlex.quote(f'{k}={v}')}" for k, v in values.items()))
        return
    if query is None:
        raise QueryMissing()
    if fmt not in RESULT_FORMATS:
        raise UnknownFormat(fmt, list(RESULT_FORMATS))
    if endpoint:
        result = run_remote_query(endpoint, resolve_query(query), param or [], allow_service=allow_service)
    else:
        result = run_query(_open(store), resolve_query(query), param or [], allow_service=allow_service)
    if fmt != "table":
        sys.stdout.write(format_result(result, fmt))
        if fmt == "json":
            sys.stdout.write("\n")
        return
    from rich.markup import escape
    from rich.table import Column, Table

    from .prefixes import curie

    # a long value wraps instead of ending in "…" (IRIs cut short all looked alike); an IRI of a bound
    # namespace is shown as a prefixed name (kg:Company); --format csv/tsv/json leave every value whole
    table = Table(*(Column(v, overflow="fold") for v in result.variables))
    for row in result.rows:
        table.add_row(*(escape(curie(v) or v) if v is not None else "" for v in row))
    _console().print(table)
    say(f"{len(result.rows)} row(s)")


@app.command("export")
@handle_errors
def export_cli(
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, ntriples, nquads, trig or jsonld.")] = "turtle",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default, or '-': stdout). A link is followed; a device or FIFO is written directly.")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Write the graph as RDF (Turtle by default, with the kg, org, prov, skos, dcterms, schema, xsd prefixes).

    Example: kg export --format jsonld -o kg.jsonld
    """
    from .export import rdf_format, serialize_store, write_atomic

    rdf_format(fmt)
    opened = _open(store)
    if output is None or str(output) == "-":
        serialize_store(opened, sys.stdout.buffer, fmt=fmt)
        sys.stdout.buffer.flush()
    else:
        written = 0

        def write(handle) -> None:
            nonlocal written
            serialize_store(opened, handle, fmt=fmt)
            written = handle.tell() if handle.seekable() else 0

        write_atomic(output, write)
        warn(f"wrote {output}" + (f" ({written} bytes)" if written else ""))


@app.command("validate")
@handle_errors
def validate_cli(
    file: Annotated[Optional[Path], typer.Argument(help="An RDF file to validate instead of the store.")] = None,
    store: StoreOpt = DEFAULT_STORE,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes validating the store.")] = 2,
) -> None:
    """Validate the store, or an RDF file, against the SHACL shapes. Exit 0 conforms, 1 violates.

    Example: kg validate out/kg.ttl
    """
    from .validation import validate_file, validate_store

    report = validate_file(file) if file is not None else validate_store(store, jobs=jobs)
    if report.conforms:
        say("conforms")
        return
    say(f"{len(report.violations)} violation(s)")
    for violation in report.violations:
        say("  " + violation.one_line())
    raise typer.Exit(1)


@app.command("stats")
@handle_errors
def stats_cli(
    store: StoreOpt = DEFAULT_STORE,
    as_json: JsonOpt = False,
) -> None:
    """Count entities per class and per document.

    Example: kg stats
    """
    from .stats import graph_stats

    stats = graph_stats(_open(store))
    if as_json:
        _print_json({"triples": stats.triples, "classes": dict(stats.classes),
                     "documents": [{"iri": d, "title": t, "entities": n} for d, t, n in stats.documents]})
        return
    from rich.markup import escape
    from rich.table import Table

    say(f"triples: {stats.triples}")
    table = Table("class", "instances")
    for name, count in stats.classes:
        table.add_row(name, str(count))
    docs = Table("document", "title", "entities")
    for iri, title, count in stats.documents:
        docs.add_row(iri.rsplit("/document/", 1)[-1], escape(title[:60]), str(count))
    console = _console()
    console.print(table)
    console.print(docs)


@app.command("serve")
@handle_errors
def serve_cli(
    store: StoreOpt = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates and Graph Store uploads.")] = False,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let SERVICE in a caller's query fetch from the servers it names (refused with HTTP 400 by default).")] = False,
    timeout: Annotated[int, typer.Option("--timeout", min=1, help="Seconds a query may run.")] = 60,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (Oxigraph server): query UI at /, SPARQL at /query.

    Read-only by default.  A build made while serving is seen after a restart.  Every query or update is
    checked first and answered HTTP 400 if it uses SERVICE (unless --allow-service) or has more than
    100,000 characters, 64 levels of brackets, 128 groups {…} or 500 of any operator (FILTER, UNION,
    OPTIONAL, MINUS, BIND, &&, ||).

    Example: kg serve --port 7878
    """
    from .serve import serve

    def ready() -> None:
        warn(f"serving {store} at http://{host}:{port}/ ({'read-write' if writable else 'read-only'}); Ctrl-C stops")

    serve(store, host=host, port=port, writable=writable, allow_service=allow_service, timeout_s=timeout,
          ready=ready)


@app.command("push")
@handle_errors
def push_cli(
    endpoint: Annotated[str, typer.Option("--endpoint", help="Graph Store Protocol URL, e.g. http://host:7878/store.")],
    graph: Annotated[Optional[str], typer.Option("--graph", help="Upload only this named graph (a document's IRI).")] = None,
    store: StoreOpt = DEFAULT_STORE,
    user: Annotated[Optional[str], typer.Option("--user", help="Log in as this user (HTTP Basic or Digest, as the server asks); the password comes from KG_PUSH_PASSWORD or is asked for.")] = None,
) -> None:
    """Upload the graph, one named graph per document, with the SPARQL 1.1 Graph Store Protocol.

    Each graph replaces its earlier upload, so pushing again after a rebuild is safe.

    Example: kg push --endpoint http://127.0.0.1:7878/store

    Example: kg push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba
    """
    from .remote import push_store

    auth = None
    if user is not None:  # never on the command line, where other users of the machine can read it
        password = os.environ.get("KG_PUSH_PASSWORD")
        auth = (user, password if password is not None else typer.prompt(f"password for {user}", hide_input=True))
    sent = push_store(_open(store), endpoint, graph=graph, auth=auth)
    say(f"pushed {len(sent)} graph(s), {sum(n for _, n in sent)} triples to {endpoint}")


@app.command("docs")
@handle_errors
def docs_cli(
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write index.html and the Turtle files into.")] = Path("docs/ontology"),
) -> None:
    """Write browsable HTML documentation of the ontology: classes, properties, SHACL constraints, vocabularies.

    Example: kg docs -o site/ontology
    """
    from .docs import write_docs
    from .resources import ONTOLOGY_FILE, shape_files, vocab_files

    written = write_docs(output, ontology_file=ONTOLOGY_FILE, shape_files=shape_files(), vocab_files=vocab_files())
    say(f"wrote {written.files[0]}: {written.classes} classes, {written.properties} properties, "
        f"{written.shapes} SHACL shapes, {written.concepts} concepts")


def _eval_help() -> str:
    # the rules live in kg/evaluate.py's docstring; read, not imported, to keep every command's start fast
    doc = (Path(__file__).parent / "evaluate.py").read_text(encoding="utf-8").split('"""', 2)[1]
    rules = doc.split("Matching rules (also printed by ``kg eval --help``):", 1)[1]
    return ("Score the graph against gold annotations: precision, recall and F1 per kind, and macro-F1.\n\n"
            "Example: kg eval ../shared/eval/dev --show-errors\n\nMatching rules:\n" + rules.replace("``", "'"))


@app.command("eval", help=_eval_help())
@handle_errors
def eval_cli(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSON files or directories of them.")],
    store: StoreOpt = DEFAULT_STORE,
    corpus: Annotated[Path, typer.Option("--corpus", help="Directory holding the gold files' sources.")] = Path("corpus"),
    as_json: JsonOpt = False,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List misses and false positives with their sentences.")] = False,
) -> None:
    from .evaluate import evaluate

    report = evaluate(_open(store), gold, corpus_dir=corpus)
    if as_json:
        payload = report.as_dict()
        if show_errors:
            payload["errors"] = [e.__dict__ for e in report.errors]
        _print_json(payload)
        return
    from rich.table import Table

    table = Table("kind", "precision", "recall", "F1", "tp", "fp", "fn", title=f"{report.files} gold file(s)")
    for kind, s in report.scores.items():
        table.add_row(kind, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.tp), str(s.fp), str(s.fn))
    table.add_row("[bold]macro-F1[/bold]", "", "", f"[bold]{report.macro_f1:.2f}[/bold]", "", "", "")
    _console().print(table)
    if show_errors:
        for e in report.errors:
            say(f"{e.gold_file}  {e.kind}  {e.error}: {e.name[:100]}")
            if e.sentence:
                say(f"    “{e.sentence[:300]}”")


def main(argv: list[str] | None = None) -> None:
    """The ``kg`` program.  ``kg COMMAND ...`` builds only COMMAND's parser: building all of them costs
    some 20 ms, a tenth of a lookup's start.  Help, completion and unknown commands go to the whole app."""
    args = sys.argv[1:] if argv is None else argv
    chosen = [c for c in app.registered_commands if args and c.name == args[0]]
    if not chosen:
        app(args=args, prog_name="kg")
        return
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    single.registered_commands = chosen
    single(args=args[1:], prog_name=f"kg {args[0]}")
