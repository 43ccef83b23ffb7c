"""Find entities by name and assemble their cards: ``kg show`` and ``kg search``."""
from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from extract.keys import name_key, words

from .errors import EntityNotFound
from .prefixes import KG_NS, LOOKUP_GRAPH, RDF_NS, RDFS_NS, SKOS_NS, curie
from .store import query


def short(iri: str) -> str:
    """The IRI as a prefixed name, or in angle brackets outside the project's namespaces."""
    return curie(iri) or f"<{iri}>"


@dataclass
class Candidate:
    iri: str
    label: str
    types: list[str]
    matched: str  # the label or alias that matched


@dataclass(frozen=True)
class Evidence:
    document: str
    title: str
    source_file: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Value:
    """One statement of a card: a literal, or a relation to another node (``incoming``: the card's entity is its
    object, "Corning plant kg:operatedBy Corning" on Corning's card)."""

    property: str  # prefixed name
    value: str  # the literal, or the other node's label
    iri: str | None = None  # the other node
    incoming: bool = False
    section: str = "about"  # the card section it is printed in (SECTIONS)
    documents: int = 0  # how many documents state it (see :func:`card`)
    sentences: tuple[Evidence, ...] = ()  # the sentences that state it, in document order


# A card's sections in the order a reader expects; a relation goes to the section of the other node's class.
SECTIONS = ("about", "organizations", "places", "facilities", "partnerships", "projects", "policies",
            "recommendations", "people", "documents", "other")
_SECTION_OF_CLASS = {f"{KG_NS}{cls}": section for cls, section in (
    ("Organization", "organizations"), ("Place", "places"), ("Facility", "facilities"),
    ("Partnership", "partnerships"), ("Project", "projects"), ("Policy", "policies"),
    ("Recommendation", "recommendations"), ("Person", "people"), ("Document", "documents"))}
_CONCEPT = SKOS_NS + "Concept"  # a kind, a status, a sector: about the entity itself


@dataclass
class Card:
    iri: str
    label: str
    types: list[str]
    aliases: list[str] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)  # by SECTIONS order, then property and value
    evidence: list[Evidence] = field(default_factory=list)


_KEYS = "SELECT ?e ?key WHERE { GRAPH <%s> { ?e kg:nameKey ?key } }" % LOOKUP_GRAPH


_NAMES = "SELECT DISTINCT ?e ?p ?o WHERE { ?e ?p ?o VALUES ?p { rdfs:label skos:altLabel rdf:type } }"
_LABEL, _ALT_LABEL, _TYPE = RDFS_NS + "label", SKOS_NS + "altLabel", RDF_NS + "type"


def _describe(store: ox.Store, iris: list[str]) -> list[Candidate]:
    """Label, ``kg:`` classes and every name of each entity in ``iris`` (labelled ones only).

    One query per entity with the entity bound, rather than one join over all of
    them: Oxigraph does not start such a join from a VALUES list, and on a large
    graph that costs a scan.  Not ``quads_for_pattern`` either: with the graph
    unbound it took 2.8 ms per property at 5M triples, the query 0.5 ms for all three.
    """
    found = []
    for iri in iris:
        values: dict[str, set[str]] = {_LABEL: set(), _ALT_LABEL: set(), _TYPE: set()}
        for row in query(store, _NAMES, substitutions={ox.Variable("e"): ox.NamedNode(iri)}):
            values[row["p"].value].add(row["o"].value)
        labels = sorted(values[_LABEL])
        if not labels:
            continue
        names = values[_LABEL] | values[_ALT_LABEL]
        types = sorted({short(t) for t in values[_TYPE] if t.startswith(KG_NS)},
                       key=lambda t: (t in ("kg:Organization", "kg:Place"), t))
        found.append(Candidate(iri, labels[0], types, "\x1f".join(sorted(names))))
    return found


def _exact(store: ox.Store, key: str) -> list[str]:
    """Entities with a label or alias whose folded form is ``key``: one index lookup, no scan."""
    rows = query(store, "SELECT DISTINCT ?e ?key WHERE { GRAPH ?g { ?e kg:nameKey ?key } }",
                 substitutions={ox.Variable("key"): ox.Literal(key)})
    return sorted(row["e"].value for row in rows)


def _names(candidate: Candidate) -> list[str]:
    return candidate.matched.split("\x1f")


def find(store: ox.Store, name: str) -> list[Candidate]:
    """Best matches for ``name``: exact label, else exact alias, else labels containing it.

    Exact matches come from the ``kg:nameKey`` index; only a name with no exact
    match scans the keys.  Raises :class:`EntityNotFound` with close
    suggestions when nothing matches.
    """
    wanted = name_key(name)
    exact = _describe(store, _exact(store, wanted)) if wanted else []
    tiers: list[list[Candidate]] = [[], [], []]
    for cand in exact:
        tiers[0 if name_key(cand.label) == wanted else 1].append(cand)
    if not exact and wanted:
        keys = [(row["e"].value, row["key"].value) for row in query(store, _KEYS)]
        tiers[2] = _describe(store, sorted({iri for iri, key in keys if wanted in key}))
    for tier in tiers:
        if tier:
            found = []
            for cand in sorted(tier, key=lambda c: (len(c.label), c.label)):
                cand.matched = next((n for n in _names(cand) if wanted in name_key(n)), cand.label)
                found.append(cand)
            return found
    labels = {row["label"].value: name_key(row["label"].value)
              for row in query(store, "SELECT DISTINCT ?label WHERE { GRAPH ?g { ?e kg:nameKey ?k } ?e rdfs:label ?label }")}
    close = difflib.get_close_matches(wanted, list(labels.values()), n=5, cutoff=0.6)
    suggestions = [label for label, norm in labels.items() if norm in close][:5]
    raise EntityNotFound(name, suggestions)


def _kg_class(type_: str) -> str:
    """``kg:Project`` for ``Project`` or ``kg:Project``."""
    return f"kg:{type_.removeprefix('kg:')}"


def pick(store: ox.Store, name: str, *, type_: str | None = None) -> list[Candidate]:
    """What ``kg show NAME`` may mean: the entity an IRI names (``<https://...>`` or ``https://...``), else
    :func:`find`'s matches, of the ``kg:`` class ``type_`` only when given (``Project`` or ``kg:Project``)."""
    iri = name.strip().removeprefix("<").removesuffix(">")
    if re.match(r"https?://", iri):
        found = _describe(store, [iri])
        if not found:
            raise EntityNotFound(name, [])
        return found
    found = find(store, name)
    if type_:
        want = _kg_class(type_).casefold()
        of_type = [c for c in found if any(t.casefold() == want for t in c.types)]
        if not of_type:
            raise EntityNotFound(f"{name} of type {type_}", [f"{c.label} ({', '.join(c.types)})" for c in found][:5])
        found = of_type
    return found


def search(store: ox.Store, text: str, *, type_: str | None = None) -> list[Candidate]:
    """Entities whose label or alias contains ``text`` (normalised), optionally of one ``kg:`` class."""
    wanted = name_key(text)
    want_type = _kg_class(type_) if type_ else None
    hits = []
    keys = [(row["e"].value, row["key"].value) for row in query(store, _KEYS)]
    for cand in _describe(store, sorted({iri for iri, key in keys if wanted in key})):
        names = _names(cand)
        if want_type and want_type not in cand.types:
            continue
        match = next((n for n in names if wanted in name_key(n)), None)
        if match is not None:
            cand.matched = match
            hits.append(cand)
    return sorted(hits, key=lambda c: (name_key(c.label) != wanted, c.label.casefold()))


_FAR_BETTER = 10  # times the evidence of every other candidate, at least that many sentences


def best_supported(store: ox.Store, candidates: list[Candidate]) -> tuple[Candidate, int, int] | None:
    """The candidate far better supported than the others (``_FAR_BETTER`` times the sentences of the next),
    with its number of sentences and the next one's; None when no candidate stands out."""
    counts = []
    for cand in candidates:
        row = next(iter(_rows(store, "SELECT ?e (COUNT(DISTINCT ?ev) AS ?n) WHERE { ?e kg:evidence ?ev } GROUP BY ?e",
                              cand.iri)), None)
        counts.append((int(row["n"].value) if row else 0, cand))
    counts.sort(key=lambda c: -c[0])
    (top, best), (second, _) = counts[0], counts[1]
    return (best, top, second) if top >= _FAR_BETTER * max(second, 1) else None


def _rows(store: ox.Store, text: str, iri: str) -> list[ox.QuerySolution]:
    return list(query(store, text, substitutions={ox.Variable("e"): ox.NamedNode(iri)}))


def _text(term) -> str:
    return term.value if term is not None else ""


def _section(classes: str) -> str:
    found = [section for cls in classes.split() if (section := _SECTION_OF_CLASS.get(cls))]
    if found:
        return min(found, key=SECTIONS.index)
    return "about" if _CONCEPT in classes.split() else "other"


# Each statement once (a node's statements are repeated in the graph of every document that supports it), with
# the other node's label and classes, which choose its section.
_OUT = """SELECT ?e ?p ?o (SAMPLE(?ol) AS ?label) (GROUP_CONCAT(DISTINCT STR(?oc); separator=" ") AS ?classes) WHERE {
  ?e ?p ?o
  OPTIONAL { ?o rdfs:label|dcterms:title|skos:prefLabel ?ol }
  OPTIONAL { ?o a ?oc }
} GROUP BY ?e ?p ?o"""
_IN = """SELECT ?e ?p ?s (SAMPLE(?sl) AS ?label) (GROUP_CONCAT(DISTINCT STR(?sc); separator=" ") AS ?classes) WHERE {
  ?s ?p ?e
  OPTIONAL { ?s rdfs:label|dcterms:title ?sl }
  OPTIONAL { ?s a ?sc }
} GROUP BY ?e ?p ?s"""


_EVIDENCE = """SELECT ?e ?doc ?title ?file ?quote ?start ?end WHERE {
  ?e kg:evidence ?ev .
  ?ev kg:quote ?quote ; kg:startOffset ?start ; kg:endOffset ?end ; prov:wasDerivedFrom ?doc .
  ?doc dcterms:title ?title ; kg:sourceFile ?file .
}"""
# the names of every node the card's entity points at
_NEIGHBOUR_NAMES = "SELECT DISTINCT ?e ?o ?name WHERE { ?e ?p ?o . ?o rdfs:label|skos:altLabel|skos:prefLabel ?name }"
_GRAPHS = "SELECT DISTINCT ?e ?p ?o ?g WHERE { GRAPH ?g { ?e ?p ?o } }"


def _sentences(store: ox.Store, iri: str) -> list[Evidence]:
    """The entity's evidence sentences in document order (file, then offsets)."""
    found = [Evidence(row["doc"].value, row["title"].value, row["file"].value, row["quote"].value,
                      int(row["start"].value), int(row["end"].value)) for row in _rows(store, _EVIDENCE, iri)]
    return sorted(found, key=lambda ev: (ev.source_file, ev.start, ev.end))


def first_sentence(store: ox.Store, iri: str) -> Evidence | None:
    """The entity's first sentence in document order: a line of context for telling namesakes apart."""
    found = _sentences(store, iri)
    return found[0] if found else None


def _mentions(said: list[str], names: list[list[str]]) -> bool:
    """Do the words ``said`` name one of ``names`` (each a name's folded words), word for word?"""
    return any(name and any(said[i:i + len(name)] == name for i in range(len(said) - len(name) + 1))
               for name in names)


def _supported(value: Value, sentences: list[Evidence], names: list[list[str]], documents: set[str],
               said: dict[Evidence, list[str]]) -> Value:
    """``value`` with the sentences that state it: those of ``sentences`` (in document order) that name the other
    end (``names``), else, when none does, those of ``sentences`` in ``documents`` (the documents that state it as
    a whole).  ``said`` keeps each sentence's words, read once per card."""
    for ev in sentences:
        if ev not in said:
            said[ev] = words(ev.quote)
    chosen = [ev for ev in sentences if _mentions(said[ev], names)] or \
        [ev for ev in sentences if ev.document in documents]
    return dataclasses.replace(value, documents=len({ev.document for ev in chosen}), sentences=tuple(chosen))


def card(store: ox.Store, candidate: Candidate) -> Card:
    """Everything the graph says about one entity, each statement once, in sections (:data:`SECTIONS`), each with
    the number of documents that state it and their sentences.

    A node's statements sit in the graph of every document that supports the node, so the graph alone over-counts
    a statement that one document made about a node that several support.  A value's sentences are therefore
    the sentences that name both ends: the entity's own sentences that name the value (a literal, or the other
    node by its label or an alias), or, for a relation into the entity, the other node's sentences that name the
    entity.  When no sentence names both, they are the sentences of the documents that support both ends."""
    iri = candidate.iri
    result = Card(iri=iri, label=candidate.label, types=candidate.types)
    skip = {KG_NS + "evidence", KG_NS + "nameKey", "http://www.w3.org/ns/prov#wasDerivedFrom", RDF_NS + "type",
            RDFS_NS + "label"}
    result.evidence = _sentences(store, iri)
    own_documents = {ev.document for ev in result.evidence}
    said: dict[Evidence, list[str]] = {}
    graphs: dict[tuple[str, str], set[str]] = {}
    for row in _rows(store, _GRAPHS, iri):
        graphs.setdefault((row["p"].value, row["o"].value), set()).add(row["g"].value)
    names: dict[str, list[list[str]]] = {}
    for row in _rows(store, _NEIGHBOUR_NAMES, iri):
        names.setdefault(row["o"].value, []).append(words(row["name"].value))
    for row in _rows(store, _OUT, iri):
        p, o = row["p"].value, row["o"]
        if p in skip:
            continue
        if p == SKOS_NS + "altLabel":
            result.aliases.append(o.value)
            continue
        if isinstance(o, ox.Literal):
            value = Value(short(p), o.value)
        else:
            value = Value(short(p), _text(row["label"]) or short(o.value), o.value,
                          section=_section(_text(row["classes"])))
        result.values.append(_supported(value, result.evidence, names.get(o.value, [words(o.value)]),
                                        graphs.get((p, o.value), set()) & own_documents, said))
    mine = [words(n) for n in [candidate.label, *result.aliases]]
    theirs: dict[str, list[Evidence]] = {}
    for row in _rows(store, _IN, iri):
        if row["p"].value in skip:
            continue
        s = row["s"].value
        value = Value(short(row["p"].value), _text(row["label"]) or short(s), s, incoming=True,
                      section=_section(_text(row["classes"])))
        # one query per node, with the subject bound, not one join over every neighbour (10x slower in Oxigraph);
        # once per node however many properties tie it to the entity
        if s not in theirs:
            theirs[s] = _sentences(store, s)
        result.values.append(_supported(value, theirs[s], mine, own_documents, said))
    result.aliases.sort()
    result.values.sort(key=lambda v: (SECTIONS.index(v.section), v.incoming, v.iri is not None, v.property,
                                      v.value.casefold(), v.iri or ""))
    return result
