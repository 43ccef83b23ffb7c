"""Extraction quality on the development gold: dev, dev2 and the committed tune/check split.

    python bench/score.py                      # build corpus/ and dev2's documents, print four tables
    python bench/score.py --show-errors        # also list the errors of the *tune* files (never check's)
    python bench/score.py --work /tmp/score    # keep the stores and caches between runs

The split is ``bench/eval_split.toml`` (chosen by a hash of the file names).  Gold lives beside the
repository in ``../shared/eval`` unless ``--eval`` says otherwise.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout: python bench/score.py

SPLIT_FILE = Path(__file__).with_name("eval_split.toml")


def split_side(name: str) -> str:
    """``tune`` or ``check`` for a gold file name, by the rule stated in ``eval_split.toml``."""
    return "check" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 10 >= 6 else "tune"


def _build(inputs: Path, work: Path) -> Path:
    from kg.build import build

    store = work / "store"
    summary = build([inputs], store_path=store, out_dir=work / "out", cache_dir=work / "cache", replace=True)
    if not summary.written:
        raise SystemExit(f"{inputs}: the graph did not validate: {summary.report.violations[0].one_line()}")
    return store


def _merge(reports):
    from kg.evaluate import EvalReport, Score

    scores = {kind: Score() for kind in reports[0].scores}
    for report in reports:
        for kind, s in report.scores.items():
            scores[kind].tp += s.tp
            scores[kind].fp += s.fp
            scores[kind].fn += s.fn
    return EvalReport(scores, [e for r in reports for e in r.errors], sum(r.files for r in reports))


def _table(title: str, report) -> str:
    lines = [f"{title} ({report.files} files): macro-F1 {report.macro_f1:.3f}",
             "  " + "  ".join(f"{k[:4]} {s.f1:.2f} ({s.tp}/{s.fp}/{s.fn})" for k, s in report.scores.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval", help="the gold sets' folder")
    parser.add_argument("--work", type=Path, help="where stores and caches go (a temporary folder if omitted)")
    parser.add_argument("--show-errors", action="store_true", help="list the tune files' errors")
    args = parser.parse_args(argv)

    import pyoxigraph as ox

    from kg.evaluate import evaluate

    split = tomllib.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    sets = {"dev": (args.eval / "dev", REPO / "corpus"), "dev2": (args.eval / "dev2" / "gold", args.eval / "dev2" / "docs")}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        reports: dict[tuple[str, str], object] = {}
        for name, (gold, sources) in sets.items():
            for side in ("tune", "check"):
                for file in split[name][side]:
                    if split_side(file) != side:
                        raise SystemExit(f"{SPLIT_FILE}: {file} is listed under {side}, but the rule puts it elsewhere")
            listed = {f for side in ("tune", "check") for f in split[name][side]}
            unlisted = sorted(p.name for p in gold.glob("*.json") if p.name not in listed)
            if unlisted:
                raise SystemExit(f"{SPLIT_FILE}: not in the split: {', '.join(unlisted)}")
            store = ox.Store.read_only(str(_build(sources, work / name)))
            for side in ("tune", "check"):
                reports[name, side] = evaluate(store, [gold / f for f in split[name][side]], corpus_dir=sources)
        print(_table("dev", _merge([reports["dev", "tune"], reports["dev", "check"]])))
        print(_table("dev2", _merge([reports["dev2", "tune"], reports["dev2", "check"]])))
        tune = _merge([reports["dev", "tune"], reports["dev2", "tune"]])
        print(_table("tune", tune))
        print(_table("check", _merge([reports["dev", "check"], reports["dev2", "check"]])))
        if args.show_errors:
            for e in tune.errors:
                print(f"{e.gold_file}  {e.kind}  {e.error}: {e.name[:100]}")
                if e.sentence:
                    print(f"    “{e.sentence[:300]}”")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
