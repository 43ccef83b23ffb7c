"""Large synthetic inputs for the scaling figures: one long report of N MB, and a markdown table of N rows.

    python bench/bigtext.py text 15 out.txt      # a 15 MB report
    python bench/bigtext.py table 10000 out.md   # a table of 10,000 firms

The text is news-like prose built from sentence templates (firms, places, plants, partnerships, policies,
recommendations) in paragraphs, with now and then a paragraph of 200 sentences and no blank line, so the
loader's block cutting is exercised too.  Same arguments, same bytes.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

_STEMS = ["Alpha", "Nova", "Vexa", "Orion", "Zenith", "Kestrel", "Lumen", "Boreal", "Cobalt", "Delta", "Ember",
          "Falcon", "Granite", "Helix", "Ion", "Juniper", "Marlow", "Nimbus", "Onyx", "Pioneer"]
_FORMS = ["Technologies", "Electronics", "Materials", "Semiconductor", "Motors", "Chemicals", "Robotics", "Energy"]
_PLACES = ["Chongqing", "Chengdu", "Shanghai", "Suzhou", "Pune", "Dresden", "Ohio", "Arizona", "Linz", "Wuxi"]
_SENTENCES = [
    "{a} opened a new plant in {p} in {y}.",
    "{a} and {b} signed a strategic cooperation agreement in {p}.",
    "The {p} factory of {a} makes sensors for {b}.",
    "{a} invested RMB {n} billion in a research centre in {p}.",
    "Under the 14th Five-Year Plan, {p} supports firms such as {a} and {b}.",
    "We recommend that the {p} government simplify customs procedures for {a}.",
    "Revenue at {a} rose by {n} percent in {y}, the company said.",
    "{a} is headquartered in {p} and employs {n},000 people.",
    "The city should build more logistics hubs near {p} to serve {a}.",
]


def _firm(rng: random.Random) -> str:
    return f"{rng.choice(_STEMS)}{rng.choice(_STEMS).lower()} {rng.choice(_FORMS)}"


def _sentence(rng: random.Random) -> str:
    return rng.choice(_SENTENCES).format(a=_firm(rng), b=_firm(rng), p=rng.choice(_PLACES),
                                         y=rng.randint(1995, 2025), n=rng.randint(2, 90))


def text(megabytes: float, *, seed: int = 7) -> str:
    """About ``megabytes`` MB of report prose (see module docstring)."""
    rng = random.Random(seed)
    parts, size, target = ["# A long report\n\n"], 0, int(megabytes * 1_000_000)
    while size < target:
        count = 200 if rng.random() < 0.05 else rng.randint(2, 6)
        paragraph = " ".join(_sentence(rng) for _ in range(count)) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)


def table(rows: int, *, seed: int = 7) -> tuple[str, list[str]]:
    """A markdown table of ``rows`` firms (year | company | city | product) and the firms' names in row order."""
    rng = random.Random(seed)
    names = [_firm(rng) for _ in range(rows)]
    lines = ["# Suppliers", "", "| Year | Company | City | Product |", "|---|---|---|---|"]
    lines += [f"| {2000 + i % 25} | {name} | {rng.choice(_PLACES)} | sensors |" for i, name in enumerate(names)]
    return "\n".join(lines) + "\n", names


def main(argv: list[str]) -> None:
    kind, amount, out = argv
    if kind == "text":
        Path(out).write_text(text(float(amount)), encoding="utf-8")
    else:
        Path(out).write_text(table(int(amount))[0], encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
