"""Orchestrate extraction: files -> loaded documents -> sections -> spaCy -> mentions -> fact records."""
from __future__ import annotations

import dataclasses
import re
from contextlib import closing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .aliases import defined_aliases
from .cache import ExtractionCache
from .combine import FileFacts, combine
from .errors import ExtractError
from .ids import slugify
from .kinds import KINDS, Kind
from .limits import MAX_FILE_BYTES
from .loader import Block, LoadedDocument, find_documents, load_document
from .mentions import doc_mentions
from .people import byline_person
from .policies import find_policies, policies_named_again
from .processes import map_in_workers
from .profiles import ProfileFinder
from .recommendations import BlockView, find_recommendations
from .records import Claim, DocumentRecord, Evidence, FactSet, RecommendationRecord
from .recurring import recurring_organizations
from .reference import Reference, load_reference
from .resolve import Located
from .sections import Section, split_sections
from .sentences import sentences
from .tables import table_organizations
from .voice import document_voice

BATCH_SIZE = 64


@dataclass
class ExtractionResult:
    facts: FactSet
    warnings: list[str] = field(default_factory=list)
    extracted: list[Path] = field(default_factory=list)  # files parsed in this run (the rest came from the cache)


# a word in lower case, outside a web or mail address: "keranji" of "corpcomm@keranji.example" is no word
_LOWER_WORD = re.compile(r"(?<![\w@./])[a-z]{2,}(?![\w@/]|\.\w)")
_TERMINAL = re.compile(r"[.!?。]\W*$")  # a sentence ends so; a title does not


def _evidence(doc: LoadedDocument, doc_id: str, start: int, end: int) -> Evidence:
    text = doc.text[start:end]
    lead = len(text) - len(text.lstrip())
    start, end = start + lead, start + len(text.rstrip())
    a, b = doc.clean.to_original(start, end)
    return Evidence(document=doc_id, text=" ".join(doc.text[start:end].split()), start=a, end=b)


def _document_records(doc: LoadedDocument, sections: list[Section]) -> list[tuple[DocumentRecord, Section]]:
    base = slugify(doc.path.stem)
    sha = doc.sha256
    if len(sections) == 1 and sections[0].author is None:
        s = sections[0]
        a, b = doc.clean.to_original(s.start, s.end)
        return [(DocumentRecord(base, doc.path.name, s.title, sha, a, b), s)]
    out = []
    used: set[str] = set()
    for s in sections:
        sid = f"{base}/{slugify(s.author or s.title)}"
        while sid in used:
            sid += "-2"
        used.add(sid)
        a, b = doc.clean.to_original(s.start, s.end)
        out.append((DocumentRecord(sid, doc.path.name, s.title, sha, a, b, author=s.author, part_of=base), s))
    return out


def load_all(paths: list[Path], *, max_bytes: int = MAX_FILE_BYTES) -> tuple[list[LoadedDocument], list[str]]:
    """Load every document under ``paths``; files named explicitly must load, others are skipped with a warning."""
    files, warnings = find_documents(paths)
    explicit = {p.resolve() for p in paths if p.is_file()}
    loaded = []
    for path in files:
        try:
            doc = load_document(path, max_bytes=max_bytes)
        except ExtractError as err:
            if path.resolve() in explicit:
                raise
            warnings.append(f"{err} (skipped)")
            continue
        warnings.extend(doc.warnings)
        loaded.append(doc)
    return loaded, warnings


def extract_paths(
    paths: list[Path],
    *,
    reference_dir: Path,
    nlp=None,
    progress: Callable[[int, int], None] | None = None,
    cache: ExtractionCache | None = None,
    n_process: int = 1,
    max_bytes: int = MAX_FILE_BYTES,
    kinds: tuple[Kind, ...] = KINDS,
    scheduler: str | None = None,
) -> ExtractionResult:
    """Extract the fact records of every document under ``paths``.

    ``nlp`` defaults to :func:`extract.nlp.build_pipeline` (built only when a
    file is not in ``cache``); ``progress`` is called with (blocks done, blocks
    total); ``n_process`` worker processes parse and read the files' parts (this
    process merges, resolves and links); files over ``max_bytes`` are refused
    (named explicitly) or skipped with a warning.  ``kinds`` are the kinds of fact read
    (:data:`extract.kinds.KINDS`, or more); the cache serves only the packaged kinds, whose code its
    version hashes.  With ``scheduler`` (a Dask scheduler's address) the parts are read on that cluster
    (:mod:`extract.cluster`) instead of in ``n_process`` local workers; the cache, the files' assembly and
    everything after the reading stay here.
    """
    if kinds != KINDS:
        cache = None
    reference = load_reference(reference_dir)
    loaded, warnings = load_all(paths, max_bytes=max_bytes)
    keys = [cache.key(doc.path.name, doc.sha256) if cache else "" for doc in loaded]
    per_file: list[FileFacts | None] = [cache.get(key) if cache else None for key in keys]
    todo = [i for i, facts in enumerate(per_file) if facts is None]
    if todo and nlp is None and not scheduler:
        from .nlp import build_pipeline

        nlp = build_pipeline(reference)
    with closing(_extract_files(loaded, todo, nlp=nlp, reference=reference, kinds=kinds, n_process=n_process,
                                progress=progress, scheduler=scheduler)) as extracted:
        for i, facts in extracted:
            per_file[i] = facts
            if cache:
                cache.put(keys[i], facts)
    if cache:
        cache.prune(set(keys))
    files = [f for f in per_file if f is not None]
    for f in files:
        warnings.extend(f.warnings)
    return ExtractionResult(facts=combine(files, reference, kinds=kinds), warnings=warnings,
                            extracted=[loaded[i].path for i in todo])


def _extract_files(loaded: list[LoadedDocument], todo: list[int], *, nlp, reference: Reference,
                   kinds: tuple[Kind, ...], n_process: int, progress: Callable[[int, int], None] | None,
                   scheduler: str | None = None) -> Iterator[tuple[int, FileFacts]]:
    """(index, facts) of each file in ``todo``, in order; its parts are parsed and read in ``n_process`` workers,
    or on the Dask cluster at ``scheduler``."""
    plans, voices, words, parts = _reading_plan(loaded, todo)
    total = sum(len(part.section.blocks) for part in parts)
    if scheduler:
        from .cluster import read_on_cluster

        read_parts = read_on_cluster(loaded, parts, words, scheduler=scheduler, reference=reference, kinds=kinds,
                                     read_part=read_part)
    else:
        profiles = ProfileFinder(nlp.vocab, reference) if parts else None

        def read(k: int) -> PartFacts:  # in a worker: everything it reads was there before the fork
            part = parts[k]
            return read_part(loaded[part.file], part, nlp=nlp, reference=reference, profiles=profiles,
                             words=words[part.file], kinds=kinds)

        workers = n_process if total >= 4 * BATCH_SIZE else 1  # starting workers costs more than small inputs
        # Results are consumed file by file as they come, so memory holds one file's facts, not every file's.
        read_parts = map_in_workers(read, range(len(parts)), n_process=workers) if workers > 1 \
            else (read(k) for k in range(len(parts)))
    done = 0

    def next_part() -> PartFacts:
        nonlocal done
        facts = next(read_parts)
        done += facts.blocks
        if progress:
            progress(done, total)
        return facts

    try:
        for i in todo:
            yield i, _file_facts(loaded[i], plans[i], voices[i], words[i], reference, next_part)
    finally:
        read_parts.close()  # stops and reaps the workers (or cancels the cluster's tasks) now, on Ctrl-C too


def read_part(doc: LoadedDocument, part: _Part, *, nlp, reference: Reference, profiles: ProfileFinder,
              words: set[str], kinds: tuple[Kind, ...]) -> PartFacts:
    """Parse one part's blocks and read its facts: the unit of work of a local worker or a cluster task."""
    parsed = list(nlp.pipe([doc.text[b.start:b.end] for b in part.section.blocks], batch_size=BATCH_SIZE))
    return _part_facts(doc, part, parsed, reference, profiles, words, kinds)


def _reading_plan(loaded: list[LoadedDocument], todo: list[int]) -> tuple[dict, dict, dict, list[_Part]]:
    """For each file to read: its sections with their records, the firm it speaks as, its lower-case words, and
    the parts the workers read (:func:`_chunks` of each section)."""
    plans = {i: _plan(loaded[i]) for i in todo}
    voices = {i: document_voice(loaded[i].text, [(b.start, b.end) for b in loaded[i].blocks if b.kind == "heading"])
              for i in todo}
    words = {i: set(_LOWER_WORD.findall(loaded[i].text)) for i in todo}
    parts = [_Part(i, record, dataclasses.replace(section, blocks=chunk), _speaker(section, voices[i]))
             for i in todo for _, record, section in plans[i] for chunk in _chunks(section.blocks)]
    return plans, voices, words, parts


def _plan(doc: LoadedDocument) -> list[tuple[DocumentRecord | None, DocumentRecord, Section]]:
    """The file's sections with their document records (the first carries the whole file's record, if any)."""
    records = _document_records(doc, split_sections(doc))
    whole = None
    if len(records) > 1 or records[0][0].part_of:
        whole = DocumentRecord(slugify(doc.path.stem), doc.path.name, doc.path.stem, doc.sha256, 0, len(doc.original))
    return [(whole if n == 0 else None, record, section) for n, (record, section) in enumerate(records)]


@dataclass
class _Part:
    """A part of one section of one file (:func:`_chunks`): what one worker parses and reads at a time."""

    file: int  # index of the loaded file
    record: DocumentRecord
    section: Section  # holding only this part's blocks
    speaker: str | None  # the organisation the section speaks as (its author, or the document's voice)


@dataclass
class PartFacts:
    """What a part yields; the parent appends the parts of a file in order."""

    blocks: int
    located: list[Located] = field(default_factory=list)
    raw: FactSet = field(default_factory=FactSet)
    policy_spans: list[tuple[str, int, int, str]] = field(default_factory=list)
    claims: list[tuple[str, Claim]] = field(default_factory=list)
    said: list[tuple[str, list[Evidence]]] = field(default_factory=list)  # every sentence, for policies named again


def _speaker(section: Section, voice) -> str | None:
    return section.author or (voice.name if voice else None)


def _file_facts(doc: LoadedDocument, plan, voice, words: set[str], reference: Reference,
                next_part: Callable[[], PartFacts]) -> FileFacts:
    """A file's facts: its document records, authors and bylines, and its parts' facts (``next_part`` gives
    them in order)."""
    out = FileFacts(documents=[], located=[], authors=[], raw=FactSet(), policy_spans=[], words=words,
                    warnings=list(doc.warnings))
    raw = out.raw
    said: list[tuple[str, list[Evidence]]] = []
    for whole, record, section in plan:
        if whole is not None:
            out.documents.append(whole)
        out.documents.append(record)
        if section.author:
            first = section.blocks[0]
            out.authors.append((section.author, _evidence(doc, record.id, first.start, first.end)))
        elif voice is not None:  # "we" and "the Group" of a press release or a firm's own review
            named = next((b for b in section.blocks if b.start <= voice.start < b.end), None)
            if named is not None:
                out.authors.append((voice.name, _evidence(doc, record.id, named.start, named.end)))
        for first, second in zip(section.blocks, section.blocks[1:]):
            if first.kind == "paragraph" and len(doc.block_text(first).split()) <= 4:
                person = byline_person(doc.block_text(first), doc.block_text(second), reference)
                if person:
                    out.located.append(Located(person, _evidence(doc, record.id, first.start, second.end)))
        for _ in _chunks(section.blocks):
            part = next_part()
            out.located.extend(part.located)
            for key, records in part.raw.stated.items():
                raw.of(key).extend(records)
            out.policy_spans.extend(part.policy_spans)
            out.claims.extend(part.claims)
            said.extend(part.said)
    raw.of("policies").extend(policies_named_again(raw.of("policies"), said))
    if not out.located and not any(raw.stated.values()):
        out.warnings.append(f"{doc.path}: no organizations, people, places or facts found; "
                            "the graph holds only the document itself")
    return out


# A section is read in parts of about this many characters (cut between tables, not inside one), so that
# one huge file holds one part's parsed Docs at a time, not all of them.
_CHUNK_CHARS = 200_000


def _chunks(blocks: tuple[Block, ...]) -> Iterator[tuple[Block, ...]]:
    start, size = 0, 0
    for i, block in enumerate(blocks):
        size += block.end - block.start
        in_table = block.kind == "row" and i + 1 < len(blocks) and blocks[i + 1].kind == "row"
        if size >= _CHUNK_CHARS and (not in_table or size >= 2 * _CHUNK_CHARS):
            yield blocks[start:i + 1]
            start, size = i + 1, 0
    if start < len(blocks):
        yield blocks[start:]


def _part_facts(doc: LoadedDocument, part: _Part, docs: list, reference: Reference, profiles: ProfileFinder,
                words: set[str], kinds: tuple[Kind, ...]) -> PartFacts:
    """The facts of ``part``'s blocks, parsed as ``docs``; ``words`` are the file's lower-case words."""
    record, section, speaker = part.record, part.section, part.speaker
    out = PartFacts(blocks=len(section.blocks))
    said = out.said
    raw = out.raw
    views = []
    block_kinds = [block.kind for block in section.blocks]
    found = table_organizations(block_kinds, docs, [doc_mentions(d, reference, heading=k == "heading")
                                              for d, k in zip(docs, block_kinds)], reference)
    found = [defined_aliases(d.text, mentions) for d, mentions in zip(docs, found)]
    found = recurring_organizations(block_kinds, docs, found, reference, author=section.author, lower_words=words)
    recent: dict[str, list[tuple[int, object]]] = {}  # per kind: (block number, record) of the records found so far
    for number, (block, parsed_doc, mentions) in enumerate(zip(section.blocks, docs, found)):
        views.append(BlockView(block.kind, block.level, parsed_doc.text, parsed_doc))
        for m in mentions:
            out.located.append(Located(m, _evidence(doc, record.id, block.start + m.sent_start, block.start + m.sent_end)))
        # a title states a fact in its own style, which the sentence reading gets wrong ("Faurecia Partners
        # with Schneider Electric on Carbon Neutrality" is no name)
        in_title = set()
        if block.kind == "heading" or not _TERMINAL.search(parsed_doc.text):
            for kind in kinds:
                found_here = kind.find_in_title(parsed_doc.text) if kind.find_in_title else None
                if found_here is not None:
                    found_here.evidence = [_evidence(doc, record.id, block.start, block.end)]
                    raw.of(kind.key).append(found_here)
                    in_title.add(kind.key)
        if block.kind == "heading":
            continue  # headings name topics; facts are stated in sentences
        said_here = sentences(parsed_doc, mentions, speaker)
        subject: str | None = None  # the organisation the last sentence of the block is about
        if block.kind != "row":
            for claim in profiles.claims(parsed_doc, said_here):
                ev = _evidence(doc, record.id, block.start + claim.sentence.start, block.start + claim.sentence.end)
                out.claims.append((claim.firm, Claim(claim.property, claim.value, [ev])))
        for sent in said_here:
            # "it" points at the last sentence's subject: kept through a chain of "it"s, lost to any other subject
            sent.antecedent = subject
            subject = sent.subject_org() or (subject if sent.anaphor() is not None or sent.place_subject() else None)
            ev = [_evidence(doc, record.id, block.start + sent.start, block.start + sent.end)]
            if block.kind != "row":
                said.append((sent.text, ev))
            for kind in kinds:  # a row "date | firm | firm | MoU" states a deal; most facts need a sentence
                if kind.find is None or kind.key in in_title or (block.kind == "row" and not kind.in_rows):
                    continue
                stated = kind.find(sent)
                for found_here in stated:
                    found_here.evidence = ev
                    raw.of(kind.key).append(found_here)
                    recent.setdefault(kind.key, []).append((number, found_here))
                if not stated and kind.again is not None and block.kind != "row":
                    near = [r for at, r in recent.get(kind.key, []) if number - at <= 2]
                    if (earlier := kind.again(sent, near)) is not None:
                        earlier.evidence = earlier.evidence + ev  # a new list: records may share one
            if block.kind == "row":
                continue
            for found in find_policies(sent):
                found.record.evidence = ev
                raw.of("policies").append(found.record)
                a, b = doc.clean.to_original(block.start + found.start, block.start + found.end)
                out.policy_spans.append((record.id, a, b, found.record.name))
    raw.of("recommendations").extend(_recommendations(doc, record, section, views, reference, speaker))
    return out


def _recommendations(doc: LoadedDocument, record: DocumentRecord, section: Section, views: list[BlockView],
                     reference: Reference, speaker: str | None) -> list[RecommendationRecord]:
    out = []
    for found in find_recommendations(views):
        evidence = [_evidence(doc, record.id, section.blocks[i].start + a, section.blocks[i].start + b)
                    for i, a, b in found.spans]
        texts = [views[i].doc.char_span(a, b, alignment_mode="expand") for i, a, b in found.spans]
        if found.trigger is not None:
            texts.append(views[found.trigger].doc[:])
        places = [e.text for span in texts if span is not None for e in span.ents
                  if e.label_ in ("GPE", "LOC") and reference.place(e.text)]
        places = [reference.place(p).name for p in places]  # type: ignore[union-attr]
        out.append(RecommendationRecord(
            text=found.text, by=speaker, addressed_to=places[0] if places else None,
            places=list(dict.fromkeys(places)), evidence=evidence,
        ))
    return out
