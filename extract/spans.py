"""Span repair: the recogniser's entities with organisation names it cut short or ran together made whole."""
from __future__ import annotations

import re

from .acronyms import definitions
from .lexicon import HONORIFICS, PATRONYMIC_WORDS, ROLE_WORDS
from .reference import Reference


def whole_names(doc, reference: Reference) -> list:
    """The recogniser's entities, with organisation names it cut short made whole again.

    * a head it left out: "Agency for" + "Natural Resources and Energy";
    * a coordinated name it split: "Tokyo Medical" and "Dental University", when only the last part
      ends in an organisation word and the first has none ("Siemens and Bosch" stay two);
    * a place in parentheses inside or after a firm's name: "Cummins (China) Investment Co. Ltd.",
      "Compal Electronics (Chongqing)";
    * and every entity ends at its table cell;
    * a person's name without the honorific before it and with the parts the recogniser cut off (see
      :func:`_whole_people`).
    """
    from spacy.tokens import Span

    heads = set(reference.type_words) | set(reference.legal_forms)
    ents = list(doc.ents)
    out: list = []
    skip: set[int] = set()  # token positions of places taken into a name
    for ent in ents:
        start = _repaired_start(doc, ent, out, heads, reference) if ent.label_ == "ORG" else ent.start
        end = ent.end
        if ent.label_ == "ORG" and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and reference.place(doc[end + 1].text):
            end += 3  # a subsidiary named by its place: "Compal Electronics (Chongqing)"
            skip.add(end - 2)
            following = next((e for e in ents if e.start == end and e.label_ == "ORG"), None)
            if following is not None:  # "Cummins (China)" + "Investment Co. Ltd."
                end = following.end
                skip.add(following.start)
        elif ent.label_ == "ORG" and end + 3 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and doc[end + 1].is_title and _is_legal_form(doc[end + 3], reference):
            skip.add(end + 1)  # the word in brackets
            end = _legal_forms_end(doc, end + 3, reference)  # "Keranji Test Services (Kulim) Sdn. Bhd."
        if start != ent.start or end != ent.end:
            while out and out[-1].end > start:
                out.pop()  # the part before "and" joins this name
            ent = Span(doc, start, end, label="ORG")
        if ent.start in skip and (ent.label_ != "ORG" or out and out[-1].end > ent.start):
            continue  # the place inside a subsidiary's name, or the rest of it
        out.extend(_cells(ent))
    return _whole_people(doc, _unmerged(doc, _joined(doc, out, heads), heads))


def _is_legal_form(token, reference: Reference) -> bool:
    return token.text in reference.legal_forms or token.text + "." in reference.legal_forms


def _legal_forms_end(doc, i: int, reference: Reference) -> int:
    """The end of the legal forms that start at token ``i``: "Sdn. Bhd.", "Co., Ltd."."""
    while i < len(doc) and _is_legal_form(doc[i], reference):
        i += 1
        if i < len(doc) and doc[i].text == "." and doc[i - 1].text + "." in reference.legal_forms:
            i += 1  # the abbreviation's full stop, split off by the tokenizer
        if i + 1 < len(doc) and doc[i].text == "," and _is_legal_form(doc[i + 1], reference):
            i += 1
    return i


def _repaired_start(doc, ent, out: list, heads: set[str], reference: Reference) -> int:
    """Where an organisation's name really starts; names in ``out`` it swallows are dropped from it."""
    start = ent.start
    if start >= 4 and doc[start - 1].text == ")" and doc[start - 3].text == "(" \
            and reference.place(doc[start - 2].text) and doc[start - 4].is_title:
        start -= 4  # "Cummins (China)" + "Investment Co. Ltd."
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
            start -= 1
        while out and out[-1].end > start:
            out.pop()  # the firm's name and its place, read as a person and a place
        return start
    if start >= 2 and doc[start - 1].lower_ in ("of", "for") and doc[start - 2].text in heads:
        start -= 2
        while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
            start -= 1  # "Political" + "Bureau of" + "the CPC Central Committee"
        return start
    if start >= 2 and doc[start - 1].lower_ == "and" and doc[ent.end - 1].text in heads \
            and len([t for t in ent if t.is_alpha and t.text not in heads]) <= 2 \
            and not reference.place(ent[0].text):
        return _coordinated_start(doc, start, heads)
    last = doc[ent.end - 1].text.rstrip(".")
    if last in heads or last + "." in heads:
        # "SolarCove" + "Energy Pte. Ltd.": capitalised proper nouns the recogniser left out of a firm's name
        while start > 0 and ent.start - start < 3 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and doc[start - 1].lower_ not in ROLE_WORDS:
            start -= 1
    return start


def _coordinated_start(doc, start: int, heads: set[str]) -> int:
    """The start of "Tokyo Medical and" before "Dental University", or ``start`` when the part before "and"
    is no name's beginning."""
    first = start - 1
    while first > 0 and start - first <= 4 and (doc[first - 1].is_title or doc[first - 1].is_upper) \
            and not (doc[first - 1].is_sent_start and doc[first - 1].pos_ != "PROPN") \
            and doc[first - 1].text not in heads:
        first -= 1
    # the first part starts a name ("of Medical Sciences and ..." is the tail of another one)
    starts_name = first == 0 or not (doc[first - 1].lower_ in ("of", "for", "&", "-") or doc[first - 1].is_title)
    part = doc[first:start - 1]
    # an acronym before "and" is a name of its own: "HP and Nanyang Technological University"
    if len(part) and starts_name and not all(t.is_upper for t in part) and not any(t.text in heads for t in part):
        return first
    return start


def _unmerged(doc, spans: list, heads: set[str]) -> list:
    """Two one-word names listed and read as one: "carmakers like Benz and Audi" -> "Benz", "Audi"; and a
    headline's words read into a name: "Intel Partners" of "Intel Partners with Ohio State University",
    "Ohio State University on Semiconductor Education"."""
    from spacy.tokens import Span

    out = []
    for span in spans:
        if span.label_ == "ORG" and len(span) > 1 and span[-1].text in ("Partners", "Teams", "Cooperates") \
                and span.end < len(doc) and doc[span.end].lower_ in ("with", "up"):
            span = Span(doc, span.start, span.end - 1, label="ORG")
        on = next((t.i for t in span[2:] if t.lower_ == "on"), None)
        if span.label_ == "ORG" and on is not None and doc[on - 1].text in heads:
            span = Span(doc, span.start, on, label="ORG")  # "Lakeside University" + " on Battery Research"
        listed = span.start > 0 and doc[span.start - 1].lower_ in ("like", "as", "including", ",")
        if span.label_ == "ORG" and len(span) == 3 and span[1].lower_ == "and" and listed \
                and all(t.is_title and t.pos_ == "PROPN" and t.text not in heads for t in (span[0], span[2])):
            out.extend([Span(doc, span.start, span.start + 1, label="ORG"), Span(doc, span.end - 1, span.end, label="ORG")])
        else:
            out.append(span)
    return out

# a body named by what it deals with: "Ministry of Health", "Committee on Cooperative Development"
_BODY_OF = re.compile(r"^(?:the\s+)?(?:Ministry|Committee|Commission|Department|Bureau|Council|Agency|Office|"
                      r"Administration|Federation|Association)\s+(?:of|on|for)\s", re.I)


def _joined(doc, spans: list, heads: set[str]) -> list:
    """Organisation names the recogniser cut at a comma, an "and" or a parenthesis, made whole.

    * the words after a connector it ended on: "Organization for Economic Co-operation and" + "Development";
    * a body's subjects listed after it: "Ministry of Health" + ", Labour and Welfare";
    * the long form an abbreviation spells: "China Petroleum and" + "Chemical Industry Federation (CPCIF)";
    * the long form in parentheses after an abbreviation: "NEDO (New Energy and Industrial Technology
      Development Organization)";
    * a name that goes on after an abbreviation: "Political Bureau of the Communist Party of China (CPC)" +
      "Central Committee".
    """
    from spacy.tokens import Span

    text = doc.text  # joined once: spaCy joins the tokens anew on every access
    longs = [(short, long) for short, long in definitions(text) if " " in long]
    out: list = []
    for span in spans:
        if span.label_ != "ORG":
            out.append(span)
            continue
        start, end = _whole(doc, text, span, longs, heads)
        if (start, end) == (span.start, span.end):
            out.append(span)
            continue
        while out and out[-1].end > start and out[-1].label_ in ("ORG", "PERSON", "GPE", "NORP"):
            before = out.pop()
            head = start
            while head > before.start and doc[head - 1].is_punct:
                head -= 1
            if before.label_ == "ORG" and head > before.start:
                out.append(Span(doc, before.start, head, label="ORG"))  # "KEDO" of "KEDO (Korea Energy"
        out.append(Span(doc, start, end, label="ORG"))
    # a span swallowed by a joined one is gone, unless it is an abbreviation that names the body on its own
    joined = [x for x in out if x.label_ == "ORG"]
    return [x for x in out if not any(o is not x and o.start <= x.start and x.end <= o.end and len(o) > len(x)
                                      for o in joined) or (len(x) == 1 and x[0].is_upper)]


def _whole(doc, text: str, span, longs: list[tuple[str, str]], heads: set[str]) -> tuple[int, int]:
    """Token bounds of the whole name an ORG span was cut from (the cases of :func:`_joined`); ``text`` is
    ``doc.text``, which spaCy joins anew on every access."""
    start, end = span.start, span.end
    if span[-1].lower_ in ("and", "of", "for", "&"):
        while end < len(doc) and end - span.end < 4 and doc[end].is_title:
            end += 1  # "Organization for Economic Co-operation and" + "Development"
    if _BODY_OF.match(span.text):
        j = end
        while j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].is_title:
            j += 2
        if j + 1 < len(doc) and doc[j].lower_ == "and" and doc[j + 1].is_title \
                and (j + 2 == len(doc) or not (doc[j + 2].is_title or doc[j + 2].pos_ == "PROPN")):
            end = j + 2
    for short, long in longs:
        at = text.rfind(long, 0, span.end_char + 1)
        if at >= 0 and at + len(long) == span.end_char and at < span.start_char \
                and re.match(rf"\s*\(\s*{re.escape(short)}\b", text[span.end_char:span.end_char + len(short) + 200]):
            first = doc.char_span(at, span.end_char, alignment_mode="expand")
            if first is not None:
                start = min(start, first.start)
    if end < len(doc) and doc[end].text == ")":
        open_at = next((i for i in range(start - 1, max(start - 12, 0) - 1, -1) if doc[i].text in "()"), None)
        if open_at and doc[open_at].text == "(" and doc[open_at - 1].is_upper and all(
                t.is_title or t.is_upper or t.lower_ in ("and", "of", "for", "&") for t in doc[open_at + 1:start]):
            start = open_at + 1
    if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 1].is_upper and doc[end + 2].text == ")":
        k = end + 3
        while k < len(doc) and k - end < 7 and doc[k].is_title:
            k += 1
        if k > end + 3 and doc[k - 1].text in heads:
            end = k
    return start, end


def _cells(ent) -> list:
    """An entity cut at table-cell boundaries: a name ends at its cell."""
    from spacy.tokens import Span

    if "\t" not in ent.text:
        return [ent]
    parts, start = [], ent.start
    for tok in ent:
        if "\t" in tok.text or "\t" in tok.whitespace_:
            end = tok.i if "\t" in tok.text else tok.i + 1
            if end > start:
                parts.append(Span(ent.doc, start, end, label=ent.label_))
            start = tok.i + 1
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    doc = ent.doc

    def whole_cell(part) -> bool:  # "Memorandum" of "Memorandum of Understanding on ..." is no name
        before = part.start == 0 or "\t" in doc[part.start - 1].text or "\t" in doc[part.start - 1].whitespace_
        after = part.end == len(doc) or "\t" in doc[part.end].text or "\t" in doc[part.end - 1].whitespace_
        return before and after

    return [part for part in parts if whole_cell(part)]


def _whole_people(doc, spans: list) -> list:
    """People's names made whole: "Nur Aisyah" + "binti" + "Kamarudin" is one name; a capitalised proper noun
    the recogniser left out before a name is its first part ("Dang" + "Quoc Bao"); an honorific is not
    part of a name ("Datuk Lim Boon Keat" -> "Lim Boon Keat")."""
    from spacy.tokens import Span

    out: list = []
    for span in spans:
        if span.label_ != "PERSON":
            out.append(span)
            continue
        start, end = span.start, span.end
        if out and out[-1].label_ == "PERSON" and out[-1].end + 1 == start and doc[start - 1].lower_ in PATRONYMIC_WORDS:
            start = out.pop().start
        elif end - start >= 2 and start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and not doc[start - 1].ent_type_ \
                and doc[start - 1].lower_ not in ROLE_WORDS and (not out or out[-1].end < start - 1):
            start -= 1
        while end - start > 1 and (doc[start].lower_.rstrip(".'’") in HONORIFICS or doc[start].lower_ in ROLE_WORDS):
            start += 1
        out.append(span if (start, end) == (span.start, span.end) else Span(doc, start, end, label="PERSON"))
    return out
