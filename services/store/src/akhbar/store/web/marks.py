"""Text cut into pieces, some of them marked: entity and date highlights on an article page,
the matched words of a search snippet. Templates print the pieces; they never slice text.
"""

from __future__ import annotations

import dataclasses
import re

from akhbar.store.normalize import index_terms, normalize

# A word as the reader sees it: letters and digits, with Arabic diacritics and tatweel inside
# (``\w`` alone would cut "مُحَمَّد" at each vowel mark).
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+")


@dataclasses.dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text; ``kind`` is None for plain text, else what marks it (``PER``,
    ``ORG``, ``LOC``, ``MISC``, ``date`` or ``match``) with its tooltip and link."""

    text: str
    kind: str | None = None
    tip: str | None = None
    href: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    surface: str | None = None  # what the span should cover, to check the offsets
    tip: str | None = None
    href: str | None = None


def place(text: str, span: Span) -> Span | None:
    """The span where its surface really is: at its offsets when they hold it, else the
    occurrence of the surface nearest to them (offsets made against a slightly different
    text); None when the surface is not in the text at all."""
    if span.surface is None or text[span.start : span.end] == span.surface:
        return span if 0 <= span.start < span.end <= len(text) else None
    found = [m.start() for m in re.finditer(re.escape(span.surface), text)] if span.surface else []
    if not found:
        return None
    start = min(found, key=lambda s: abs(s - span.start))
    return dataclasses.replace(span, start=start, end=start + len(span.surface))


def pieces(text: str, spans: list[Span]) -> list[Piece]:
    """``text`` cut at the spans. Overlapping spans: the earlier one wins, and of two starting
    together the longer (a date inside a name is not marked twice)."""
    placed = [p for p in (place(text, s) for s in spans) if p is not None]
    placed.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Piece] = []
    at = 0
    for s in placed:
        if s.start < at:
            continue
        if s.start > at:
            out.append(Piece(text[at : s.start]))
        out.append(Piece(text[s.start : s.end], s.kind, s.tip, s.href))
        at = s.end
    if at < len(text) or not out:
        out.append(Piece(text[at:]))
    return out


def word_spans(text: str, words: set[str]) -> list[Span]:
    """The words of ``text`` a full-text search for ``words`` (``search_tokens`` of the query)
    matched: each word folded and indexed as the store indexes it (``index_terms``)."""
    out = []
    for m in _WORD.finditer(text):
        folded = normalize(m.group())
        terms = {t for w in re.findall(r"\w+", folded) for t in index_terms(w)}
        if terms & words:
            out.append(Span(m.start(), m.end(), "match"))
    return out


SNIPPET_BEFORE = 80
SNIPPET_AFTER = 170


def snippet(paragraphs: list[str], spans: dict[int, list[Span]], words: set[str]) -> list[Piece]:
    """A short passage of the body around the first match, the matches marked.

    ``spans``: per paragraph, the stretches to mark (an entity's mentions); else the words of a
    text search are looked for; else the passage is the start of the first paragraph.
    """
    found: list[Span] = []
    index = 0
    for i, paragraph in enumerate(paragraphs):
        found = [p for p in (place(paragraph, s) for s in spans.get(i, [])) if p] or (
            word_spans(paragraph, words) if words else []
        )
        if found:
            index = i
            break
    if not paragraphs:
        return []
    text = paragraphs[index]
    first = min((s.start for s in found), default=0)
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(text), max(first, start) + SNIPPET_AFTER)
    # Cut at spaces, not inside a word.
    if start > 0:
        space = text.find(" ", start, first) if found else text.find(" ", start)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(start, first), end)
        end = space if space > start else end
    inside = [
        Span(s.start - start, s.end - start, s.kind)
        for s in found
        if s.start >= start and s.end <= end
    ]
    out = pieces(text[start:end], inside)
    if start > 0:
        out.insert(0, Piece("… "))
    if end < len(text):
        out.append(Piece(" …"))
    return out
