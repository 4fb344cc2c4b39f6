"""Which story an article belongs to, and how: a copy of an article already grouped, a
report of the same event in other words, or the first article of a new story.

Plain Python over an ``Index`` of what was grouped before (in memory here, in the database in
the store): no Redis, no SQL. Decisions depend only on the article and what the index holds,
candidates are ranked with full tie-breaks, and an article already in the index keeps its
story, so grouping is deterministic and idempotent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from akhbar.store.stories.minhash import band_keys, signature
from akhbar.store.stories.text import (
    LEAD_WORDS,
    Idf,
    Shingles,
    cosine,
    jaccard,
    lead_found,
    sentence_containment,
    shingles,
    tfidf,
    words,
)

Relation = Literal["first", "copy", "same_event"]
# Words of title and lead an article is looked up by for same-event candidates (its
# highest-weighted ones), besides its entities.
KEY_TERMS = 8
# Newest postings read per lookup key (per index): a common word cannot flood the candidates.
POSTING_SCAN = 200
VECTOR_TERMS = 40  # the stored vector keeps its heaviest words; the rest weigh little


@dataclass(frozen=True)
class Params:
    """Thresholds, chosen on the dev half of the labelled pairs (docs/stories.md)."""

    copy_jaccard: float = 0.3
    copy_sentences: float = 0.7
    # The sentence test needs something to count: a shorter text of fewer word triples than
    # this (a title, one short sentence) is judged by Jaccard alone.
    copy_min_triples: int = 10
    # A copy also keeps this share of one of the two leads (``lead_found``); 0 turns the
    # condition off. Off by default: see docs/stories.md (it cost held recall).
    copy_lead: float = 0.0
    event_score: float = 0.475
    entity_weight: float = 0.3
    date_weight: float = 0.1
    event_window: dt.timedelta = dt.timedelta(days=2)
    copy_window: dt.timedelta = dt.timedelta(days=14)
    max_candidates: int = 30


@dataclass(frozen=True)
class Doc:
    """What grouping reads of an article. ``entities`` are canonical keys (``LABEL:name``),
    ``dates`` the day-level values the article mentions; ``published`` is naive UTC."""

    id: str
    published: dt.datetime
    title: str
    body: tuple[str, ...] = ()
    outlet: str | None = None
    entities: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()


@dataclass
class Features:
    """What the index keeps of a grouped article: enough to compare a later one with it."""

    id: str
    published: dt.datetime
    shingles: Shingles
    bands: list[int]
    vector: dict[str, float]
    entities: frozenset[str]
    dates: frozenset[str]
    story_id: str = ""
    relation: Relation = "first"

    # ``event_keys``, computed once (the vector and entities do not change once built).
    _keys: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)

    _names: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def entity_names(self) -> frozenset[str]:
        """The canonical names of ``entities`` without their labels: two articles name the
        same entity even when their texts led the tagger to different labels (a metro
        station "السادات" as a place in one headline, a person in another article's body)."""
        if self._names is None:
            self._names = frozenset(e.partition(":")[2] for e in self.entities)
        return self._names

    def event_keys(self) -> list[str]:
        if self._keys is None:
            top = sorted(self.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_TERMS]
            self._keys = tuple(sorted({f"t:{w}" for w, _ in top} | {f"e:{e}" for e in self.entities}))
        return list(self._keys)


def features(doc: Doc, idf: Idf | None = None) -> Features:
    idf = idf or Idf.shipped()
    lead: list[str] = []
    for paragraph in doc.body:
        if len(lead) >= LEAD_WORDS:
            break
        lead.extend(words(paragraph))
    sh = shingles(doc.title, doc.body)
    vector = tfidf(words(doc.title) + lead[:LEAD_WORDS], idf)
    vector = dict(sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:VECTOR_TERMS])
    return Features(
        id=doc.id,
        published=doc.published,
        shingles=sh,
        bands=band_keys(signature(sh.unique)) if len(sh.unique) else [],
        vector=vector,
        entities=doc.entities,
        dates=doc.dates,
    )


@dataclass(frozen=True)
class Assignment:
    story_id: str
    relation: Relation
    match_id: str | None = None  # the grouped article that decided it
    score: float = 0.0


class Index(Protocol):
    """What grouping needs from wherever grouped articles are kept."""

    def get(self, article_id: str) -> Features | None: ...

    def by_bands(self, bands: list[int], start: dt.datetime, end: dt.datetime) -> list[Features]: ...

    def by_keys(
        self, keys: list[str], start: dt.datetime, end: dt.datetime, limit: int
    ) -> list[Features]: ...

    def candidates(
        self, item: Features, copy_window: dt.timedelta, event_window: dt.timedelta, limit: int
    ) -> tuple[list[Features], list[Features]]:
        """``by_bands`` within ``copy_window`` and ``by_keys`` within ``event_window`` of the
        item, together (an index over a database answers both in fewer statements)."""
        ...

    def add(self, item: Features) -> None: ...


def both_lookups(index, item: Features, copy_window, event_window, limit):
    """``Index.candidates`` as its two lookups, one after the other."""
    return (
        index.by_bands(item.bands, item.published - copy_window, item.published + copy_window),
        index.by_keys(
            item.event_keys(), item.published - event_window, item.published + event_window, limit
        ),
    )


def story_id_for(founder_id: str) -> str:
    """A story is named after its first article, so every replica names it the same."""
    return "s-" + hashlib.sha256(founder_id.encode("utf-8")).hexdigest()[:24]


def event_score(a: Features, b: Features, params: Params) -> float:
    """Title-and-lead similarity, plus shared canonical entities and shared dates. The
    entity share is over the smaller article's names but never fewer than two: one place
    named by each of two articles is weak evidence that they report one event (the news body
    model, which names more places and councils, made such pairs tip the dev split)."""
    score = cosine(a.vector, b.vector)
    if a.entities and b.entities:
        names_a, names_b = a.entity_names(), b.entity_names()
        shared = len(names_a & names_b)
        score += params.entity_weight * shared / max(2, min(len(names_a), len(names_b)))
    if a.dates & b.dates:
        score += params.date_weight
    return score


def copy_level(j: float, sentences: float, lead: float, smaller: int, params: Params) -> float:
    """The copy decision from the measures (shared with the evaluation): 1 + Jaccard for a
    near-duplicate (it ranks before any partial copy), the sentence share for a truncated or
    extended repost, 0 when not a copy. ``smaller``: word triples of the shorter text."""
    if params.copy_lead > 0 and lead < params.copy_lead:
        return 0.0
    if j >= params.copy_jaccard:
        return 1.0 + j
    if smaller >= params.copy_min_triples and sentences >= params.copy_sentences:
        return sentences
    return 0.0


def copy_score(a: Features, b: Features, params: Params) -> float:
    """How much of a copy ``b`` is of ``a`` (0 when it is not one): exact Jaccard of their
    word triples, or the share of the shorter's sentences found in the longer (a truncated or
    extended repost keeps its sentences but not the Jaccard of the whole)."""
    x, y = a.shingles, b.shingles
    j = jaccard(x.unique, y.unique)
    lead = lead_found(x, y) if params.copy_lead > 0 else 1.0
    smaller = min(len(x.unique), len(y.unique))
    # No triple in common (Jaccard 0): no sentence is found either, so nothing to count (most
    # same-event candidates share no word triple with the article).
    sentences = sentence_containment(x, y) if 0 < j < params.copy_jaccard else 0.0
    return copy_level(j, sentences, lead, smaller, params)


def _order(item: Features) -> tuple:
    return (item.published, item.id)


def decide(item: Features, index: Index, params: Params = Params()) -> Assignment:
    """The story ``item`` joins, without changing the index."""
    known = index.get(item.id)
    if known is not None:
        return Assignment(known.story_id, known.relation)
    copies, events = index.candidates(
        item, params.copy_window, params.event_window, params.max_candidates
    )
    pool = {c.id: c for c in [*copies, *events] if c.id != item.id}
    best: tuple | None = None
    for cand in pool.values():
        j = copy_score(item, cand, params)
        if j > 0:
            key = (-j, _order(cand))
            if best is None or key < best[0]:
                best = (key, cand, j)
    if best is not None:
        return Assignment(best[1].story_id, "copy", best[1].id, best[2])
    for cand in pool.values():
        s = event_score(item, cand, params)
        if s >= params.event_score:
            key = (-s, _order(cand))
            if best is None or key < best[0]:
                best = (key, cand, s)
    if best is not None:
        return Assignment(best[1].story_id, "same_event", best[1].id, best[2])
    return Assignment(story_id_for(item.id), "first")


def assign(item: Features, index: Index, params: Params = Params()) -> Assignment:
    """Decide ``item``'s story and add it to the index (a second call changes nothing)."""
    decision = decide(item, index, params)
    if index.get(item.id) is None:
        item.story_id, item.relation = decision.story_id, decision.relation
        index.add(item)
    return decision


@dataclass
class MemoryIndex:
    """An ``Index`` in this process's memory, for evaluation and benchmarks (the store keeps
    its index in the database). Articles older than ``horizon`` before the newest one seen
    are forgotten, so memory stays flat however many articles pass through."""

    horizon: dt.timedelta | None = dt.timedelta(days=14)  # None: forget nothing
    posting_scan: int = POSTING_SCAN
    items: dict[str, Features] = field(default_factory=dict)
    _bands: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    _keys: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    _order: deque = field(default_factory=deque)
    _newest: dt.datetime | None = None

    def get(self, article_id: str) -> Features | None:
        return self.items.get(article_id)

    def _within(self, ids: Iterable[str], start: dt.datetime, end: dt.datetime):
        for i in ids:
            item = self.items.get(i)
            if item is not None and start <= item.published <= end:
                yield item

    def by_bands(self, bands, start, end):
        ids = {i for b in bands for i in self._bands.get(b, ())}
        return sorted(self._within(ids, start, end), key=_order)

    def by_keys(self, keys, start, end, limit):
        counts: dict[str, int] = defaultdict(int)
        for k in keys:
            posting = self._keys.get(k)
            if not posting:
                continue
            for n, i in enumerate(reversed(posting)):
                if n >= self.posting_scan:
                    break
                counts[i] += 1
        found = list(self._within(counts, start, end))
        found.sort(key=lambda f: (-counts[f.id], f.published, f.id))
        return found[:limit]

    def candidates(self, item, copy_window, event_window, limit):
        return both_lookups(self, item, copy_window, event_window, limit)

    def add(self, item: Features) -> None:
        self.items[item.id] = item
        for b in item.bands:
            self._bands[b].append(item.id)
        for k in item.event_keys():
            self._keys[k].append(item.id)
        self._order.append(item.id)
        if self._newest is None or item.published > self._newest:
            self._newest = item.published
        if self.horizon is not None:
            self._forget(self._newest - self.horizon)

    def _forget(self, before: dt.datetime) -> None:
        # Arrival order approximates time order; a late article is forgotten when it reaches
        # the front of the queue, which bounds memory all the same.
        while self._order and (
            self.items.get(self._order[0]) is None
            or self.items[self._order[0]].published < before
        ):
            gone = self.items.pop(self._order.popleft(), None)
            if gone is None:
                continue
            for b in gone.bands:
                self._drop(self._bands, b, gone.id)
            for k in gone.event_keys():
                self._drop(self._keys, k, gone.id)

    @staticmethod
    def _drop(table, key, article_id) -> None:
        ids = table.get(key)
        if ids is None:
            return
        try:
            ids.remove(article_id)
        except ValueError:
            pass
        if not ids:
            del table[key]
