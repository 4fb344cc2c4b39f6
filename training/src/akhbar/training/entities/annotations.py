"""Hand annotations of corpus headlines and lead sentences: how texts are cut out of the
corpus and how written annotations become character spans (stdlib only).

Shared by the headline evaluation set (``tools/eval-data/sample_ner_sentences.py``) and the
news training set (``news_labels``), so both read a text and its annotation the same way.

A text is an article's title (kind "headline") or the first sentence of its first non-empty
body paragraph (kind "lead"), whitespace folded. An annotation line is the text's id, a tab,
then the entities separated by " | ", each ``LABEL surface`` or ``LABEL surface #N`` (the
N-th whole-word occurrence of the surface, 1-based); a line with only an id says the text
was read and holds no entity. Offsets are never typed by hand.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "MISC")
MIN_WORDS, MAX_WORDS = 4, 50
# Sentence end marks; a period between digits ("3.5") is a decimal point, not an end.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?؟]|[.!?؟](?!\d)")
_WORD_CHAR = re.compile(r"[^\W\d_]")
# Proclitics a span may leave outside (conjunction, prepositions; tatweel after "بـ").
_PROCLITICS = "وفبلكـ"


def starts_word(text: str, start: int) -> bool:
    """Whether a span starting here starts a word, after at most two proclitic letters."""
    position = start
    while position > 0 and start - position < 3 and text[position - 1] in _PROCLITICS:
        position -= 1
    return position == 0 or not _WORD_CHAR.match(text[position - 1])


def ends_word(text: str, end: int) -> bool:
    return end == len(text) or not _WORD_CHAR.match(text[end])


def clean(text: str) -> str:
    """One line of text: whitespace runs (including newlines) become one space."""
    return " ".join(text.split())


def first_sentence(paragraph: str) -> str:
    """The paragraph up to and including its first sentence end mark."""
    match = _SENTENCE_END.search(paragraph)
    return paragraph[: match.end()] if match else paragraph


def word_count_ok(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS


def read_corpus(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def article_texts(article: dict) -> dict[str, str]:
    """The headline and the lead of one corpus article (a kind is absent when its text is
    empty or outside MIN_WORDS..MAX_WORDS words)."""
    found = {}
    title = clean(article.get("title") or "")
    if title and word_count_ok(title):
        found["headline"] = title
    paragraphs = [clean(p) for p in article.get("body") or [] if clean(p)]
    if paragraphs:
        lead = first_sentence(paragraphs[0]).strip()
        if lead and word_count_ok(lead):
            found["lead"] = lead
    return found


def corpus_candidates(path: Path) -> dict[str, list[dict]]:
    """Headline and lead candidates of one corpus file, in file order; ``article`` is the
    article's line number in the file."""
    found: dict[str, list[dict]] = {"headline": [], "lead": []}
    for number, article in enumerate(read_corpus(path)):
        base = {
            "outlet": article.get("outlet", ""),
            "fetched": article.get("fetched", ""),
            "article": number,
        }
        for kind, text in article_texts(article).items():
            found[kind].append({**base, "text": text})
    return found


def parse_annotation_line(line: str) -> tuple[str, list[tuple[str, str, int]]]:
    """(id, [(surface, label, occurrence)]) of one annotation line."""
    ident, _, rest = line.partition("\t")
    entities = []
    for item in (part.strip() for part in rest.split(" | ")):
        if not item:
            continue
        label, _, surface = item.partition(" ")
        occurrence = 1
        hashed = re.fullmatch(r"(.*\S)\s+#(\d+)", surface)
        if hashed:
            surface, occurrence = hashed.group(1), int(hashed.group(2))
        if label not in LABELS:
            raise ValueError(f"{ident}: unknown label {label!r}")
        entities.append((surface.strip(), label, occurrence))
    return ident.strip(), entities


def locate(text: str, surface: str, occurrence: int) -> int:
    """Start of the N-th occurrence of surface that is whole words (after any proclitics)."""
    start, seen = -1, 0
    while seen < occurrence:
        start = text.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"{surface!r} (occurrence {occurrence}) not in {text!r}")
        if starts_word(text, start) and ends_word(text, start + len(surface)):
            seen += 1
    return start


def spans_of(text: str, items: list[tuple[str, str, int]]) -> list[dict]:
    """Character spans of parsed annotation items, sorted; ValueError when an item is not
    found or two spans overlap."""
    spans = []
    for surface, label, occurrence in items:
        start = locate(text, surface, occurrence)
        spans.append({"start": start, "end": start + len(surface), "label": label, "text": surface})
    spans.sort(key=lambda span: span["start"])
    for before, after in zip(spans, spans[1:], strict=False):
        if after["start"] < before["end"]:
            raise ValueError(f"{before['text']!r} and {after['text']!r} overlap in {text!r}")
    return spans


def read_annotations(pool: dict[str, dict], paths: list[Path]) -> tuple[dict, list[str]]:
    """{id: spans} of the annotation files over the ``pool`` ({id: row with its text}), and
    every problem found (unknown or repeated ids, names not in their text, overlapping
    spans); a line with a problem is left out."""
    annotated: dict[str, list[dict]] = {}
    problems: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            try:
                ident, items = parse_annotation_line(line)
                if ident not in pool:
                    raise ValueError(f"unknown id {ident}")
                if ident in annotated:
                    raise ValueError(f"{ident} annotated twice")
                annotated[ident] = spans_of(pool[ident]["text"], items)
            except ValueError as error:
                problems.append(f"{path.name}: {error}")
    return annotated, problems
