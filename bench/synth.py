"""A synthetic graph shaped like ours, at any size: documents with evidence, organisations, facilities,
partnerships, projects and policies, one named graph per document plus the shared graph.

    python bench/synth.py 1000000 -o /tmp/synth-1m.nq

Names and numbers are random (seeded, so a size always gives the same graph); only the shape is ours:
the same classes, properties, evidence literals and per-document graphs as ``kg build`` writes.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout: python bench/synth.py

R = "https://w3id.org/ccec-kg/resource/"
KG = "https://w3id.org/ccec-kg/ontology#"
V = "https://w3id.org/ccec-kg/vocab/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
TITLE = "http://purl.org/dc/terms/title"
XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"
XSD_YEAR = "http://www.w3.org/2001/XMLSchema#gYear"
SHARED = "https://w3id.org/ccec-kg/graph/shared"
LOOKUP = "https://w3id.org/ccec-kg/graph/lookup"
NAME_KEY = KG + "nameKey"
WORDS = ("advanced", "green", "digital", "smart", "global", "precision", "energy", "materials", "logistics",
         "semiconductor", "display", "battery", "chemical", "optical", "automotive", "cloud", "robotics")
TRIPLES_PER_DOCUMENT = 1000
SKOS = "http://www.w3.org/2004/02/skos/core#"
VOCAB = {
    "facility-kind": ("plant", "office"),
    "status": ("operating", "planned"),
    "partnership-kind": ("agreement", "joint-venture"),
    "sector": ("manufacturing", "electronics", "automotive", "chemicals"),
    "topic": ("talent", "logistics", "finance", "green"),
}


def _lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"^^<{datatype}>' if datatype else f'"{escaped}"'


def generate(triples: int, *, seed: int = 7):
    """Yield N-Quads lines until about ``triples`` quads have been written, then the lookup index."""
    from kg.lookup import normalize

    names: dict[str, set[str]] = {}  # subject -> labels and aliases, for the kg:nameKey index
    rng = random.Random(seed)
    n_orgs = max(10, triples // 200)
    places = [f"{R}place/city-{i}" for i in range(200)]
    shared = f"<{SHARED}>"
    for i, place in enumerate(places):
        province = f"{R}place/province-{i % 20}"
        yield f"<{place}> <{RDF_TYPE}> <{KG}City> {shared} .\n"
        yield f"<{place}> <{RDF_TYPE}> <{KG}Place> {shared} .\n"
        yield f"<{place}> <{LABEL}> {_lit(f'City {i}')} {shared} .\n"
        yield f"<{place}> <{KG}partOf> <{province}> {shared} .\n"
        names[f"<{place}>"] = {f"City {i}"}
        if i < 20:
            yield f"<{province}> <{RDF_TYPE}> <{KG}Province> {shared} .\n"
            yield f"<{province}> <{RDF_TYPE}> <{KG}Place> {shared} .\n"
            yield f"<{province}> <{LABEL}> {_lit(f'Province {i}')} {shared} .\n"
            names[f"<{province}>"] = {f"Province {i}"}
    for scheme, notations in VOCAB.items():
        for notation in notations:
            concept = f"{V}{scheme}/{notation}"
            yield f"<{concept}> <{RDF_TYPE}> <{SKOS}Concept> {shared} .\n"
            yield f"<{concept}> <{SKOS}prefLabel> {_lit(notation)} {shared} .\n"
            yield f"<{concept}> <{SKOS}notation> {_lit(notation)} {shared} .\n"
            if scheme == "sector":
                yield f"<{concept}> <{RDF_TYPE}> <{KG}Sector> {shared} .\n"
                if notation != "manufacturing":
                    yield f"<{concept}> <{SKOS}broader> <{V}sector/manufacturing> {shared} .\n"
    org_names = [" ".join(rng.sample(WORDS, 2)).title() + f" {i}" for i in range(n_orgs)]
    written = 560 + 3 * sum(map(len, VOCAB.values()))
    doc = 0
    while written < triples:
        d = f"{R}document/synthetic/report-{doc}"
        g = f"<{d}>"
        lines = [
            f"<{d}> <{RDF_TYPE}> <{KG}Document> {g} .\n",
            f"<{d}> <{TITLE}> {_lit(f'Report {doc}')} {g} .\n",
            f"<{d}> <{KG}sourceFile> {_lit(f'report-{doc}.md')} {g} .\n",
            f"<{d}> <{KG}sha256> {_lit(f'{rng.getrandbits(256):064x}')} {g} .\n",
            f"<{d}> <{KG}author> <{R}organization/o{doc % n_orgs}> {g} .\n",
        ]
        offset = 0
        while len(lines) < TRIPLES_PER_DOCUMENT and written + len(lines) < triples:
            ev = f"{R}evidence/synthetic/report-{doc}/{offset}-{offset + 120}"
            lines += [
                f"<{ev}> <{RDF_TYPE}> <{KG}Evidence> {g} .\n",
                f"<{ev}> <{KG}quote> {_lit(' '.join(rng.choices(WORDS, k=18)))} {g} .\n",
                f"<{ev}> <{KG}startOffset> {_lit(str(offset), XSD_INT)} {g} .\n",
                f"<{ev}> <{KG}endOffset> {_lit(str(offset + 120), XSD_INT)} {g} .\n",
                f"<{ev}> <{DERIVED}> <{d}> {g} .\n",
            ]
            offset += 130
            o = rng.randrange(n_orgs)
            org = f"{R}organization/o{o}"
            lines += [
                f"<{org}> <{RDF_TYPE}> <{KG}Company> {g} .\n",
                f"<{org}> <{RDF_TYPE}> <{KG}Organization> {g} .\n",
                f"<{org}> <{LABEL}> {_lit(org_names[o])} {g} .\n",
                f"<{org}> <{ALT}> {_lit(org_names[o] + ' Co., Ltd.')} {g} .\n",
                f"<{org}> <{KG}evidence> <{ev}> {g} .\n",
                f"<{org}> <{DERIVED}> <{d}> {g} .\n",
                f"<{org}> <{KG}inSector> <{V}sector/{VOCAB['sector'][o % 4]}> {g} .\n",
            ]
            kind = rng.random()
            if kind < 0.3:
                fac = f"{R}facility/f{doc}-{offset}"
                lines += [
                    f"<{fac}> <{RDF_TYPE}> <{KG}Facility> {g} .\n",
                    f"<{fac}> <{LABEL}> {_lit(org_names[o] + ' plant')} {g} .\n",
                    f"<{fac}> <{KG}operatedBy> <{org}> {g} .\n",
                    f"<{fac}> <{KG}locatedIn> <{rng.choice(places)}> {g} .\n",
                    f"<{fac}> <{KG}facilityKind> <{V}facility-kind/plant> {g} .\n",
                    f"<{fac}> <{KG}status> <{V}status/operating> {g} .\n",
                    f"<{fac}> <{KG}year> {_lit(str(rng.randrange(1990, 2030)), XSD_YEAR)} {g} .\n",
                    f"<{fac}> <{KG}evidence> <{ev}> {g} .\n",
                    f"<{fac}> <{DERIVED}> <{d}> {g} .\n",
                ]
            elif kind < 0.5:
                other = f"{R}organization/o{(o + 1 + rng.randrange(n_orgs - 1)) % n_orgs}"
                p = f"{R}partnership/p{doc}-{offset}"
                lines += [
                    f"<{p}> <{RDF_TYPE}> <{KG}Partnership> {g} .\n",
                    f"<{p}> <{LABEL}> {_lit(org_names[o] + ' partnership')} {g} .\n",
                    f"<{p}> <{KG}hasParty> <{org}> {g} .\n",
                    f"<{p}> <{KG}hasParty> <{other}> {g} .\n",
                    f"<{other}> <{RDF_TYPE}> <{KG}Organization> {g} .\n",
                    f"<{other}> <{LABEL}> {_lit(org_names[int(other.rsplit('o', 1)[1])])} {g} .\n",
                    f"<{other}> <{KG}evidence> <{ev}> {g} .\n",
                    f"<{other}> <{DERIVED}> <{d}> {g} .\n",
                    f"<{p}> <{KG}partnershipKind> <{V}partnership-kind/agreement> {g} .\n",
                    f"<{p}> <{KG}evidence> <{ev}> {g} .\n",
                    f"<{p}> <{DERIVED}> <{d}> {g} .\n",
                ]
            elif kind < 0.6:
                pol = f"{R}policy/plan-{rng.randrange(500)}"
                lines += [
                    f"<{pol}> <{RDF_TYPE}> <{KG}Policy> {g} .\n",
                    f"<{pol}> <{LABEL}> {_lit('Plan ' + pol.rsplit('-', 1)[1])} {g} .\n",
                    f"<{pol}> <{KG}evidence> <{ev}> {g} .\n",
                    f"<{pol}> <{DERIVED}> <{d}> {g} .\n",
                ]
            elif kind < 0.7:
                person = f"{R}person/p{doc}-{offset}"
                lines += [
                    f"<{person}> <{RDF_TYPE}> <{KG}Person> {g} .\n",
                    f"<{person}> <{LABEL}> {_lit(f'Person {doc}-{offset}')} {g} .\n",
                    f"<{person}> <{KG}affiliation> <{org}> {g} .\n",
                    f"<{person}> <{KG}role> {_lit('Director')} {g} .\n",
                    f"<{person}> <{KG}evidence> <{ev}> {g} .\n",
                    f"<{person}> <{DERIVED}> <{d}> {g} .\n",
                ]
            elif kind < 0.8:
                project = f"{R}project/p{doc}-{offset}"
                lines += [
                    f"<{project}> <{RDF_TYPE}> <{KG}Project> {g} .\n",
                    f"<{project}> <{LABEL}> {_lit(org_names[o] + ' project')} {g} .\n",
                    f"<{project}> <{KG}participant> <{org}> {g} .\n",
                    f"<{project}> <{KG}locatedIn> <{rng.choice(places)}> {g} .\n",
                    f"<{project}> <{KG}amount> {_lit(f'{rng.randrange(1, 900)} million yuan')} {g} .\n",
                    f"<{project}> <{KG}status> <{V}status/planned> {g} .\n",
                    f"<{project}> <{KG}evidence> <{ev}> {g} .\n",
                    f"<{project}> <{DERIVED}> <{d}> {g} .\n",
                ]
            elif kind < 0.85:
                rec = f"{R}recommendation/r{doc}-{offset}"
                text = "Build a " + " ".join(rng.choices(WORDS, k=6)) + " platform"
                lines += [
                    f"<{rec}> <{RDF_TYPE}> <{KG}Recommendation> {g} .\n",
                    f"<{rec}> <{LABEL}> {_lit(text)} {g} .\n",
                    f"<{rec}> <{KG}text> {_lit(text)} {g} .\n",
                    f"<{rec}> <{KG}madeBy> <{org}> {g} .\n",
                    f"<{rec}> <{KG}topic> <{V}topic/{rng.choice(VOCAB['topic'])}> {g} .\n",
                    f"<{rec}> <{KG}addressedTo> <{rng.choice(places)}> {g} .\n",
                    f"<{rec}> <{KG}evidence> <{ev}> {g} .\n",
                    f"<{rec}> <{DERIVED}> <{d}> {g} .\n",
                ]
        for line in lines:
            subject, predicate, rest = line.split(" ", 2)
            if predicate in (f"<{LABEL}>", f"<{ALT}>"):
                names.setdefault(subject, set()).add(rest.rsplit(" <", 1)[0][1:-1].replace('\\"', '"'))
        yield from lines
        written += len(lines)
        doc += 1
    lookup = f"<{LOOKUP}>"
    for subject, labels in names.items():
        for key in sorted({normalize(label) for label in labels}):
            yield f"{subject} <{NAME_KEY}> {_lit(key)} {lookup} .\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("triples", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.writelines(generate(args.triples))
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
