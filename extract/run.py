"""Orchestrate extraction: files -> loaded documents -> sections -> spaCy -> mentions -> fact records."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExtractError
from .loader import LoadedDocument, find_documents, load_document
from .mentions import byline_person, doc_mentions
from .records import DocumentRecord, Evidence, FactSet
from .reference import Reference, load_reference
from .resolve import Located, resolve
from .sections import Section, split_sections

BATCH_SIZE = 64


@dataclass
class ExtractionResult:
    facts: FactSet
    warnings: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    """Lower-case ASCII slug of ``text`` (``AT&S`` -> ``at-s``)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def _evidence(doc: LoadedDocument, doc_id: str, start: int, end: int) -> Evidence:
    text = doc.text[start:end]
    lead = len(text) - len(text.lstrip())
    start, end = start + lead, start + len(text.rstrip())
    a, b = doc.clean.to_original(start, end)
    return Evidence(document=doc_id, text=" ".join(doc.text[start:end].split()), start=a, end=b)


def _document_records(doc: LoadedDocument, sections: list[Section]) -> list[tuple[DocumentRecord, Section]]:
    base = slug(doc.path.stem)
    sha = doc.sha256
    if len(sections) == 1 and sections[0].author is None:
        s = sections[0]
        a, b = doc.clean.to_original(s.start, s.end)
        return [(DocumentRecord(base, doc.path.name, s.title, sha, a, b), s)]
    out = []
    used: set[str] = set()
    for s in sections:
        sid = f"{base}/{slug(s.author or s.title)}"
        while sid in used:
            sid += "-2"
        used.add(sid)
        a, b = doc.clean.to_original(s.start, s.end)
        out.append((DocumentRecord(sid, doc.path.name, s.title, sha, a, b, author=s.author, part_of=base), s))
    return out


def load_all(paths: list[Path]) -> tuple[list[LoadedDocument], list[str]]:
    """Load every document under ``paths``; files named explicitly must load, others are skipped with a warning."""
    files, warnings = find_documents(paths)
    explicit = {p.resolve() for p in paths if p.is_file()}
    loaded = []
    for path in files:
        try:
            doc = load_document(path)
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
) -> ExtractionResult:
    """Extract the fact records of every document under ``paths``.

    ``nlp`` defaults to :func:`extract.nlp.build_pipeline`; ``progress`` is called
    with (blocks done, blocks total).
    """
    reference = load_reference(reference_dir)
    loaded, warnings = load_all(paths)
    if nlp is None:
        from .nlp import build_pipeline

        nlp = build_pipeline(reference)

    documents: list[DocumentRecord] = []
    units = []  # (block text, (loaded doc, doc id, block))
    authors: list[tuple[str, Evidence]] = []
    located: list[Located] = []
    for doc in loaded:
        records = _document_records(doc, split_sections(doc))
        if len(records) > 1 or records[0][0].part_of:
            a, b = 0, len(doc.original)
            documents.append(DocumentRecord(slug(doc.path.stem), doc.path.name, doc.path.stem, doc.sha256, a, b))
        for record, section in records:
            documents.append(record)
            if section.author:
                first = section.blocks[0]
                authors.append((section.author, _evidence(doc, record.id, first.start, first.end)))
            for block in section.blocks:
                units.append((doc.text[block.start : block.end], (doc, record.id, block)))
            for first, second in zip(section.blocks, section.blocks[1:]):
                if first.kind == "paragraph" and len(doc.block_text(first).split()) <= 4:
                    person = byline_person(doc.block_text(first), doc.block_text(second), reference)
                    if person:
                        located.append(Located(person, _evidence(doc, record.id, first.start, second.end)))

    total = len(units)
    for done, (parsed, (doc, doc_id, block)) in enumerate(nlp.pipe(units, as_tuples=True, batch_size=BATCH_SIZE), 1):
        for m in doc_mentions(parsed, reference, heading=block.kind == "heading"):
            located.append(Located(m, _evidence(doc, doc_id, block.start + m.sent_start, block.start + m.sent_end)))
        if progress:
            progress(done, total)

    orgs, places, people = resolve(located, authors, reference)
    facts = FactSet(documents=documents, organizations=orgs, places=places, people=people)
    return ExtractionResult(facts=facts, warnings=warnings)
