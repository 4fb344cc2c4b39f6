"""The story index in the store's database: the grouping core's ``Index`` over one
connection, so an article is grouped in the transaction that writes it (docs/stories.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import numpy as np
from psycopg.rows import namedtuple_row
from sqlalchemy import Connection, Engine, func, insert, literal, null, select, text, union_all

from akhbar.shared.schemas import EnrichedArticle
from akhbar.store.models import articles
from akhbar.store.stories import Assignment, Features, Params, decide, features
from akhbar.store.stories.article import doc_from_article
from akhbar.store.stories.grouping import POSTING_SCAN, MemoryIndex, both_lookups
from akhbar.store.stories.text import Idf, Shingles
from akhbar.store.story_models import story_articles, story_bands, story_keys


def story_features(article: EnrichedArticle, published: dt.datetime) -> Features:
    """Computed before the transaction opens (pure CPU, no lock held)."""
    return features(doc_from_article(article, published), Idf.shipped())


_COLUMNS = (
    articles.c.id,
    story_articles.c.article_pk,
    story_articles.c.story_id,
    story_articles.c.relation,
    story_articles.c.published_at,
    story_articles.c.shingles,
    story_articles.c.starts,
    story_articles.c.vector,
    story_articles.c.entities,
    story_articles.c.dates,
)


def _row_features(row) -> Features:
    sh = Shingles.of(  # no copy where the machine is little-endian (read-only views)
        np.frombuffer(row.shingles, dtype="<u4").astype(np.uint32, copy=False),
        np.frombuffer(row.starts, dtype="<i4").astype(np.int32, copy=False),
    )
    return Features(
        id=row.id,
        published=row.published_at,
        shingles=sh,
        bands=[],  # not needed to compare against; the band table holds them
        vector=dict(row.vector),
        entities=frozenset(row.entities),
        dates=frozenset(row.dates),
        story_id=row.story_id,
        relation=row.relation,
    )


# PostgreSQL: the lookups and the candidates' rows as statements of one constant text each,
# the lists passed as arrays. A statement whose text changes with the number of bands, keys or
# candidates is compiled by SQLAlchemy and parsed by psycopg again for every article (most of
# what grouping cost in the store process, docs/stories.md); one constant text is compiled
# once, and psycopg prepares it on the server after a few uses. The key postings are the same
# as ``_key_postings`` reads (each key's newest POSTING_SCAN of the window), through a LATERAL
# join over the array of keys. SQLite keeps the portable statements below.
_PG_LOOKUP = text(
    "SELECT 'b' AS tag, b.article_pk, CAST(NULL AS timestamp) AS at FROM story_bands b"
    " WHERE b.band = ANY(CAST(:bands AS bigint[]))"
    " UNION ALL"
    " SELECT 'k', p.article_pk, p.published_at"
    " FROM unnest(CAST(:keys AS text[])) AS k(key)"
    " CROSS JOIN LATERAL (SELECT s.article_pk, s.published_at FROM story_keys s"
    " WHERE s.key = k.key AND s.published_at BETWEEN :start AND :end"
    " ORDER BY s.published_at DESC LIMIT :scan) AS p"
)
_PG_ROWS = text(
    "SELECT a.id, s.article_pk, s.story_id, s.relation, s.published_at, s.shingles, s.starts,"
    " s.vector, s.entities, s.dates"
    " FROM story_articles s JOIN articles a ON a.pk = s.article_pk"
    " WHERE s.article_pk = ANY(CAST(:pks AS bigint[])) AND s.published_at BETWEEN :start AND :end"
)
# Both candidate lists in one round trip (``candidates``): the two lookups as materialized
# CTEs (read first, as values, so the planner cannot walk the window's articles probing the
# band index for each, the first round's 45 ms plan), the key hits ranked and cut in SQL as
# Python ranked them (shared keys, then time, then pk), then the rows of both by primary key.
_PG_CANDIDATES = text(
    "WITH b AS MATERIALIZED (SELECT DISTINCT article_pk FROM story_bands"
    " WHERE band = ANY(CAST(:bands AS bigint[]))),"
    " k AS MATERIALIZED (SELECT p.article_pk, count(*) AS n"
    " FROM unnest(CAST(:keys AS text[])) AS k(key)"
    " CROSS JOIN LATERAL (SELECT s.article_pk, s.published_at FROM story_keys s"
    " WHERE s.key = k.key AND s.published_at BETWEEN :e_start AND :e_end"
    " ORDER BY s.published_at DESC LIMIT :scan) AS p"
    " GROUP BY p.article_pk ORDER BY count(*) DESC, max(p.published_at), p.article_pk"
    " LIMIT :limit)"
    " SELECT a.id, s.article_pk, s.story_id, s.relation, s.published_at, s.shingles, s.starts,"
    " s.vector, s.entities, s.dates,"
    " s.article_pk = ANY(ARRAY(SELECT article_pk FROM b)) AS band_hit,"
    " (SELECT k.n FROM k WHERE k.article_pk = s.article_pk) AS shared"
    " FROM story_articles s JOIN articles a ON a.pk = s.article_pk"
    # the rows by primary key, from an array: joined to the CTEs, the planner hashed every
    # story row of the window instead (a cost growing with the window)
    " WHERE s.article_pk = ANY(ARRAY(SELECT article_pk FROM b UNION SELECT article_pk FROM k))"
    " AND s.published_at BETWEEN :start AND :end"
)
# The candidates of a whole batch in one round trip (``SqlIndex.prefetch``): the same lookups
# as ``_PG_CANDIDATES`` for every article of the batch at once (``idx``: its place in the
# batch), the key hits ranked and cut per article as there, the rows of all of them read
# once by primary key with, per row, the articles it is a band hit and a key hit for.
_PG_BATCH_CANDIDATES = (
    "WITH i AS (SELECT * FROM unnest(CAST(%(idx)b AS int[]), CAST(%(e_start)b AS timestamp[]),"
    " CAST(%(e_end)b AS timestamp[])) AS i(idx, e_start, e_end)),"
    " b AS MATERIALIZED (SELECT DISTINCT q.idx, s.article_pk"
    " FROM unnest(CAST(%(b_idx)b AS int[]), CAST(%(b_band)b AS bigint[])) AS q(idx, band)"
    " JOIN story_bands s ON s.band = q.band),"
    " k AS MATERIALIZED (SELECT idx, article_pk, n FROM (SELECT p.idx, p.article_pk, count(*) AS n,"
    " row_number() OVER (PARTITION BY p.idx"
    " ORDER BY count(*) DESC, max(p.published_at), p.article_pk) AS r"
    " FROM (SELECT q.idx, x.article_pk, x.published_at"
    " FROM unnest(CAST(%(k_idx)b AS int[]), CAST(%(k_key)b AS text[])) AS q(idx, key)"
    " JOIN i ON i.idx = q.idx"
    " CROSS JOIN LATERAL (SELECT s.article_pk, s.published_at FROM story_keys s"
    " WHERE s.key = q.key AND s.published_at BETWEEN i.e_start AND i.e_end"
    " ORDER BY s.published_at DESC LIMIT %(scan)s) AS x) AS p"
    " GROUP BY p.idx, p.article_pk) AS ranked WHERE r <= %(limit)s),"
    " h AS MATERIALIZED (SELECT article_pk,"
    " array_agg(idx ORDER BY idx) FILTER (WHERE n IS NULL) AS band_for,"
    " array_agg(idx ORDER BY idx) FILTER (WHERE n IS NOT NULL) AS key_for,"
    " array_agg(n ORDER BY idx) FILTER (WHERE n IS NOT NULL) AS shared_for"
    " FROM (SELECT idx, article_pk, CAST(NULL AS bigint) AS n FROM b"
    " UNION ALL SELECT idx, article_pk, n FROM k) AS u GROUP BY article_pk)"
    " SELECT a.id, s.article_pk, s.story_id, s.relation, s.published_at, s.shingles, s.starts,"
    " s.vector, s.entities, s.dates, h.band_for, h.key_for, h.shared_for"
    " FROM story_articles s JOIN articles a ON a.pk = s.article_pk"
    " JOIN h ON h.article_pk = s.article_pk"
    " WHERE s.article_pk = ANY(ARRAY(SELECT article_pk FROM h))"
    " AND s.published_at BETWEEN %(start)s AND %(end)s"
)
# A batch's index rows in one statement (three INSERTs as data-modifying CTEs, each from
# unnest of parallel arrays) rather than a row-by-row executemany per table. JSON columns
# travel as text (serialized as the engine does) and are cast element by element.
# These two go to psycopg directly (``_pg_binary``), hence its placeholders.
_PG_FLUSH = (
    "WITH r AS (INSERT INTO story_articles (article_pk, story_id, relation, match_pk,"
    " published_at, shingles, starts, vector, entities, dates)"
    " SELECT * FROM unnest(CAST(%(article_pk)b AS bigint[]), CAST(%(story_id)b AS text[]),"
    " CAST(%(relation)b AS text[]), CAST(%(match_pk)b AS bigint[]), CAST(%(published_at)b AS timestamp[]),"
    " CAST(%(shingles)b AS bytea[]), CAST(%(starts)b AS bytea[]), CAST(%(vector)b AS text[])::json[],"
    " CAST(%(entities)b AS text[])::json[], CAST(%(dates)b AS text[])::json[])),"
    " b AS (INSERT INTO story_bands (band, article_pk)"
    " SELECT * FROM unnest(CAST(%(b_band)b AS bigint[]), CAST(%(b_article_pk)b AS bigint[])))"
    " INSERT INTO story_keys (key, published_at, article_pk)"
    " SELECT * FROM unnest(CAST(%(k_key)b AS text[]), CAST(%(k_published_at)b AS timestamp[]),"
    " CAST(%(k_article_pk)b AS bigint[]))"
)
_JSON_COLUMNS = ("vector", "entities", "dates")


# One lock id for "grouping articles into stories" on a PostgreSQL database.
_PG_STORY_LOCK = int.from_bytes(hashlib.sha256(b"akhbar.store.stories").digest()[:8], "big") >> 1


def serialize_grouping(conn: Connection) -> None:
    """Make this write transaction the only one grouping until it commits (PostgreSQL).

    Two replicas grouping two reports of a new event at once would otherwise each see
    neither the other's uncommitted row, and found two stories. Under this lock the second
    waits for the first's commit, and its lookups (READ COMMITTED: each statement sees what
    is committed when it starts) then find the first article. It is a transaction-level
    advisory lock, released by commit or rollback, taken before the transaction writes any
    row: a writer holding it never waits for a row another writer holds while that writer
    waits for it, so no deadlock. SQLite needs none: its writers begin with ``BEGIN
    IMMEDIATE`` and so already run one at a time."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_STORY_LOCK})


def _pg_binary(conn: Connection, statement: str, params: dict) -> list:
    """Run ``statement`` on the connection's psycopg connection (same transaction) with its
    arrays (``%(name)b``) and results in PostgreSQL's binary format: a batch's arrays of shingle bytes,
    JSON text and numbers are sent as they are, not quoted and escaped element by element
    into array literals (what the text format cost, most of the batch insert's client time),
    and bytea comes back without hex. Rows as named tuples."""
    cursor = conn.connection.driver_connection.cursor(row_factory=namedtuple_row)
    with cursor:
        cursor.execute(statement, params, binary=True)
        return cursor.fetchall() if cursor.description is not None else []


class SqlIndex:
    """``Index`` over one open connection (the upsert's transaction).

    What ``add`` files is kept in memory (a ``MemoryIndex`` of this batch) and written by
    ``flush`` in three statements for the whole batch, not three per article; lookups read the
    database and that memory together, so a later article of the batch still finds an
    earlier one. The caller flushes before its transaction commits (``file_story`` does for
    one article, the batch upsert once for all)."""

    def __init__(self, conn: Connection, pk_of: dict[str, int], fresh: set[str] | frozenset[str] = frozenset()) -> None:
        self.conn = conn
        self.pk_of = pk_of  # article id -> pk: the article(s) being written, candidates read
        # Ids whose article row this transaction has just created: no index row can exist
        # for them, so ``get`` need not ask (a statement saved per new article).
        self.fresh = set(fresh)
        self.match_pk: int | None = None
        # none is forgotten for its age while the batch lasts
        self.pending = MemoryIndex(horizon=None)
        self._rows_out: list[dict] = []
        self._bands_out: list[dict] = []
        self._keys_out: list[dict] = []
        self.pg = conn.dialect.name == "postgresql"
        # ``prefetch``: each article's stored candidates (decoded row, band hit, keys shared)
        # and the windows and limit they were read for.
        self._fetched: dict[str, list[tuple[Features, bool, int | None]]] = {}
        self._fetched_for: tuple | None = None

    def _select(self):
        return select(*_COLUMNS).join(articles, articles.c.pk == story_articles.c.article_pk)

    def get(self, article_id: str) -> Features | None:
        held = self.pending.get(article_id)
        if held is not None or article_id in self.fresh:
            return held
        row = self.conn.execute(self._select().where(articles.c.id == article_id)).first()
        return None if row is None else _row_features(row)

    def _rows(self, pks, start, end):
        if self.pg:
            rows = self.conn.execute(
                _PG_ROWS, {"pks": sorted(pks), "start": start, "end": end}
            ).all()
        else:
            rows = self.conn.execute(
                self._select()
                .where(story_articles.c.article_pk.in_(sorted(pks)))
                .where(story_articles.c.published_at.between(start, end))
            ).all()
        self.pk_of.update((r.id, r.article_pk) for r in rows)
        return rows

    def _band_hits(self, bands):
        return select(
            literal("b").label("tag"), story_bands.c.article_pk, null().label("at")
        ).where(story_bands.c.band.in_(sorted(set(bands))))

    def _key_postings(self, keys, start, end):
        """Each key's newest POSTING_SCAN postings of the window, as ``MemoryIndex`` reads
        them: a common word cannot make the lookup read every article of the window (a plain
        GROUP BY over all postings did, at a cost growing with the store)."""
        return [
            select(literal("k").label("tag"), story_keys.c.article_pk,
                   story_keys.c.published_at.label("at"))
            .where(story_keys.c.key == k, story_keys.c.published_at.between(start, end))
            .order_by(story_keys.c.published_at.desc())
            .limit(POSTING_SCAN)
            .subquery()
            .select()
            for k in sorted(set(keys))
        ]

    def _lookup(self, bands, keys, start, end) -> tuple[set[int], dict[int, int], dict[int, dt.datetime]]:
        """Run the lookups in one statement: band hits, and key counts with their times
        (``keys``' postings within ``start``..``end``)."""
        band_pks: set[int] = set()
        counts: dict[int, int] = {}
        at: dict[int, dt.datetime] = {}
        if not bands and not keys:
            return band_pks, counts, at
        if self.pg:
            result = self.conn.execute(_PG_LOOKUP, {
                "bands": sorted(set(bands)), "keys": sorted(set(keys)),
                "start": start, "end": end, "scan": POSTING_SCAN,
            })
        else:
            parts = ([self._band_hits(bands)] if bands else [])
            parts += self._key_postings(keys, start, end) if keys else []
            result = self.conn.execute(union_all(*parts))
        for tag, pk, when in result:
            if tag == "b":
                band_pks.add(pk)
            else:
                counts[pk] = counts.get(pk, 0) + 1
                at[pk] = when
        return band_pks, counts, at

    def candidates(self, item, copy_window, event_window, limit):
        """Both candidate lists in two statements: the lookups (band hits and key postings
        read first and passed on as values: as one statement with a subquery, PostgreSQL
        walked every article of the 14-day window and probed the band index for each, 45 ms
        an article at 1,500 stored), then the candidates' rows."""
        keys = item.event_keys()
        c_start, c_end = item.published - copy_window, item.published + copy_window
        e_start, e_end = item.published - event_window, item.published + event_window
        if self.pg:
            return self._pg_candidates(item, keys, (c_start, c_end), (e_start, e_end), limit,
                                       both_lookups(self.pending, item, copy_window, event_window, limit))
        band_pks, counts, at = self._lookup(item.bands, keys, e_start, e_end)
        chosen = set(sorted(counts, key=lambda pk: (-counts[pk], at[pk], pk))[:limit])
        wanted = band_pks | chosen
        held_copies, held_events = both_lookups(self.pending, item, copy_window, event_window, limit)
        if not wanted:
            return held_copies, _top(item, held_events, limit)
        rows = self._rows(wanted, min(c_start, e_start), max(c_end, e_end))
        copies = sorted(
            (r for r in rows if r.article_pk in band_pks and c_start <= r.published_at <= c_end),
            key=lambda r: (r.published_at, r.id),
        )
        events = sorted(
            (r for r in rows if r.article_pk in chosen),
            key=lambda r: (-counts[r.article_pk], r.published_at, r.id),
        )
        found_copies = [_row_features(r) for r in copies] + held_copies
        found_copies.sort(key=lambda f: (f.published, f.id))
        return found_copies, _top(item, [_row_features(r) for r in events] + held_events, limit)

    def prefetch(self, items: list[Features], params: Params) -> None:
        """PostgreSQL: the stored candidates of every article of a batch in one statement
        (``_PG_BATCH_CANDIDATES``) before the batch is written, instead of one statement per
        article; a row that is a candidate of several articles is read and decoded once.
        What the database holds is the same for each article of the batch until ``flush``
        writes the batch's rows (earlier articles of the batch are found in ``pending``), so
        ``candidates`` answers from here what it would have read. SQLite: nothing."""
        if not self.pg or not items:
            return
        self._fetched_for = (params.copy_window, params.event_window, params.max_candidates)
        found: list[dict[int, list]] = [{} for _ in items]
        arrays: dict[str, list] = {k: [] for k in ("idx", "e_start", "e_end", "b_idx", "b_band",
                                                   "k_idx", "k_key")}
        start = end = None
        for idx, item in enumerate(items):
            bands, keys = sorted(set(item.bands)), sorted(set(item.event_keys()))
            if not bands and not keys:
                continue
            arrays["idx"].append(idx)
            arrays["e_start"].append(item.published - params.event_window)
            arrays["e_end"].append(item.published + params.event_window)
            arrays["b_idx"] += [idx] * len(bands)
            arrays["b_band"] += bands
            arrays["k_idx"] += [idx] * len(keys)
            arrays["k_key"] += keys
            window = max(params.copy_window, params.event_window)
            start = min(start or item.published, item.published - window)
            end = max(end or item.published, item.published + window)
        if arrays["idx"]:
            rows = _pg_binary(self.conn, _PG_BATCH_CANDIDATES, {
                **arrays, "scan": POSTING_SCAN, "limit": params.max_candidates,
                "start": start, "end": end,
            })
            self.pk_of.update((r.id, r.article_pk) for r in rows)
            for r in rows:
                decoded = _row_features(r)
                for idx in r.band_for or ():
                    found[idx][r.article_pk] = [decoded, True, None]
                for idx, n in zip(r.key_for or (), r.shared_for or (), strict=True):
                    found[idx].setdefault(r.article_pk, [decoded, False, None])[2] = n
        for item, hits in zip(items, found, strict=True):
            self._fetched[item.id] = [tuple(hit) for hit in hits.values()]

    def _pg_candidates(self, item, keys, copy_window, event_window, limit, held):
        """``candidates`` in PostgreSQL: from ``prefetch`` when it read this article's (for the
        same windows and limit), else one statement (``_PG_CANDIDATES``)."""
        (c_start, c_end), (e_start, e_end) = copy_window, event_window
        held_copies, held_events = held
        windows = (c_end - item.published, e_end - item.published, limit)
        found = self._fetched.pop(item.id, None) if windows == self._fetched_for else None
        if found is None:
            found = []
            if item.bands or keys:
                rows = self.conn.execute(_PG_CANDIDATES, {
                    "bands": sorted(set(item.bands)), "keys": sorted(set(keys)),
                    "e_start": e_start, "e_end": e_end, "scan": POSTING_SCAN, "limit": limit,
                    "start": min(c_start, e_start), "end": max(c_end, e_end),
                }).all()
                self.pk_of.update((r.id, r.article_pk) for r in rows)
                # decoded once, though in both lists
                found = [(_row_features(r), r.band_hit, r.shared) for r in rows]
        copies = [f for f, band_hit, _ in found
                  if band_hit and c_start <= f.published <= c_end] + held_copies
        copies.sort(key=lambda f: (f.published, f.id))
        events = sorted(((f, shared) for f, _, shared in found if shared is not None),
                        key=lambda fs: (-fs[1], fs[0].published, fs[0].id))
        return copies, _top(item, [f for f, _ in events] + held_events, limit)

    def by_bands(self, bands, start, end):
        """Articles sharing an LSH band, within the window, oldest first."""
        band_pks, _, _ = self._lookup(bands, [], start, end)
        found = [_row_features(r) for r in self._rows(band_pks, start, end)] if band_pks else []
        found += self.pending.by_bands(bands, start, end)
        return sorted(found, key=lambda f: (f.published, f.id))

    def by_keys(self, keys, start, end, limit):
        """The ``limit`` articles within the window sharing the most keys (then oldest)."""
        _, counts, at = self._lookup([], keys, start, end)
        chosen = sorted(counts, key=lambda pk: (-counts[pk], at[pk], pk))[:limit]
        found = [_row_features(r) for r in self._rows(chosen, start, end)] if chosen else []
        found += self.pending.by_keys(keys, start, end, limit)
        shared = {f.id: len(set(keys) & set(f.event_keys())) for f in found}
        found.sort(key=lambda f: (-shared[f.id], f.published, f.id))
        return found[:limit]

    def add(self, item: Features) -> None:
        pk = self.pk_of[item.id]
        self.pending.add(item)
        self._rows_out.append(
            {
                "article_pk": pk,
                "story_id": item.story_id,
                "relation": item.relation,
                "match_pk": self.match_pk,
                "published_at": item.published,
                "shingles": item.shingles.ordered.astype("<u4").tobytes(),
                "starts": item.shingles.starts.astype("<i4").tobytes(),
                "vector": item.vector,
                "entities": sorted(item.entities),
                "dates": sorted(item.dates),
            }
        )
        self._bands_out += [{"band": b, "article_pk": pk} for b in sorted(set(item.bands))]
        self._keys_out += [
            {"key": k, "published_at": item.published, "article_pk": pk} for k in item.event_keys()
        ]

    def flush(self) -> None:
        """Write what ``add`` filed since the last flush: one statement in PostgreSQL, three
        in SQLite."""
        if not self._rows_out:
            return
        if self.pg:
            to_text = self.conn.dialect._json_serializer or json.dumps
            values = {c: [to_text(r[c]) for r in self._rows_out] if c in _JSON_COLUMNS
                      else [r[c] for r in self._rows_out] for c in self._rows_out[0]}
            values |= {f"b_{c}": [r[c] for r in self._bands_out] for c in ("band", "article_pk")}
            values |= {f"k_{c}": [r[c] for r in self._keys_out]
                       for c in ("key", "published_at", "article_pk")}
            _pg_binary(self.conn, _PG_FLUSH, values)
        else:
            for table, rows in ((story_articles, self._rows_out), (story_bands, self._bands_out),
                                (story_keys, self._keys_out)):
                if rows:
                    self.conn.execute(insert(table), rows)
        self._rows_out.clear()
        self._bands_out.clear()
        self._keys_out.clear()


def _top(item: Features, found: list[Features], limit: int) -> list[Features]:
    """Same-event candidates by keys shared with ``item``, then oldest, then id."""
    keys = set(item.event_keys())
    shared = {f.id: len(keys & set(f.event_keys())) for f in found}
    return sorted(found, key=lambda f: (-shared[f.id], f.published, f.id))[:limit]


def _ungrouped(conn: Connection, limit: int) -> list:
    """Articles with no story yet (stored before grouping existed), in publication order."""
    grouped = select(story_articles.c.article_pk)
    return conn.execute(
        select(articles.c.pk, articles.c.id, articles.c.published_at, articles.c.stored_at)
        .where(articles.c.pk.not_in(grouped))
        .order_by(articles.c.published_at.is_(None), articles.c.published_at, articles.c.pk)
        .limit(limit)
    ).all()


def count_ungrouped(conn: Connection) -> int:
    grouped = select(story_articles.c.article_pk)
    return conn.execute(
        select(func.count()).select_from(articles).where(articles.c.pk.not_in(grouped))
    ).scalar_one()


def backfill(engine: Engine, batch: int = 200, progress=None) -> int:
    """Group every stored article that has no story yet, oldest first, as if it had just
    arrived; ``progress(done, total)`` after each batch. Each batch commits on its own (a
    stop halfway loses nothing: the next run goes on from there). Articles already grouped
    are not touched, so running it again changes nothing. Returns the articles grouped."""
    from akhbar.store.queries import get_article  # the read path, only for this upkeep

    with engine.connect() as conn:
        total = count_ungrouped(conn)
    done = 0
    while True:
        with engine.execution_options(write=True).begin() as conn:
            serialize_grouping(conn)
            rows = _ungrouped(conn, batch)
            index = SqlIndex(conn, {})
            for row in rows:
                article = get_article(conn, row.id)
                features_ = story_features(article, row.published_at or row.stored_at)
                file_story(conn, row.pk, features_, index=index)
            index.flush()
        if not rows:
            return done
        done += len(rows)
        if progress is not None:
            progress(done, max(total, done))


def file_story(
    conn: Connection,
    pk: int,
    item: Features,
    params: Params | None = None,
    *,
    new: bool = False,
    index: SqlIndex | None = None,
) -> Assignment:
    """Group the article written at ``pk`` in this transaction. An article already grouped
    keeps its story, even when a new version of it is written (stories do not move).
    ``new``: this transaction has just created the article's row (so it has no story yet).
    ``index``: the batch's index, which the caller flushes once after the batch; without it,
    the article's index rows are written here."""
    own = index is None
    if index is None:
        index = SqlIndex(conn, {})
    index.pk_of[item.id] = pk
    if new:
        index.fresh.add(item.id)
    known = index.get(item.id)
    if known is not None:
        return Assignment(known.story_id, known.relation)
    decision = decide(item, index, params or Params())
    index.match_pk = None
    if decision.match_id is not None:
        index.match_pk = index.pk_of.get(decision.match_id) or conn.execute(
            select(articles.c.pk).where(articles.c.id == decision.match_id)
        ).scalar()
    item.story_id, item.relation = decision.story_id, decision.relation
    index.add(item)
    if own:
        index.flush()
    return decision
