"""Articles per CPU-second through the story grouping core, and its memory, over the corpora
of ../shared/data/corpus (egypt-2013 then saudi-2015, about 174k articles, in fetch order per
corpus), beside a reference run in the same process: the store's own search-index tokenizing
of the same articles (``search_document``), work every upsert already does.

    uv run python bench/bench_stories.py [--limit N] [--db N [--repeat R]]
    uv run python bench/bench_stories.py --stored N   # PostgreSQL, N articles already indexed

Entities and dates are not computed here (that is enrich's cost, not grouping's): articles are
grouped on text alone, so same-event candidates come from title and lead words only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
import uuid

from akhbar.store.normalize import search_document
from akhbar.store.stories import MemoryIndex, Params, assign, features
from akhbar.store.stories.text import Idf
from akhbar.training.stories.corpus import read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0: all)")
    parser.add_argument("--db", type=int, default=0, help="also time N upserts in PostgreSQL")
    parser.add_argument("--repeat", type=int, default=3,
                        help="with --db: runs of each (reference, grouping), alternated; median")
    parser.add_argument("--stored", type=int, default=0,
                        help="only time grouping in PostgreSQL with N articles already indexed")
    parser.add_argument("--pg", default=os.environ.get(
        "DATABASE_URL_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    if args.stored:
        stored_ms(args.stored, args.pg)
        return
    idf, params = Idf.shipped(), Params()
    grouping_cpu = reference_cpu = 0.0
    n = copies = same_event = 0
    checkpoints = []
    for corpus in ("egypt-2013", "saudi-2015"):
        # Each corpus in fetch order, as a live feed would deliver it; one index per corpus
        # (two years apart: nothing would match across them anyway).
        articles = sorted(read(corpus), key=lambda a: (a.fetched, a.ref))
        index = MemoryIndex()
        for a in articles:
            if args.limit and n >= args.limit:
                break
            doc = a.doc()
            t = time.process_time()
            search_document(doc.title, *doc.body)
            reference_cpu += time.process_time() - t
            t = time.process_time()
            decision = assign(features(doc, idf), index, params)
            grouping_cpu += time.process_time() - t
            copies += decision.relation == "copy"
            same_event += decision.relation == "same_event"
            n += 1
            if n % 20_000 == 0:
                # The corpus is already in memory: what RSS gains from here is the index's.
                checkpoints.append((n, len(index.items), _rss_mib()))
                print(f"{n:>7} articles  index holds {len(index.items):>6}  "
                      f"RSS {_rss_mib():7.1f} MiB  {n / grouping_cpu:7.0f} articles/CPU-s",
                      flush=True)
        del articles
    print(f"\n{n} articles: {copies} copies, {same_event} same-event, "
          f"{n - copies - same_event} first of a story")
    print(f"grouping core   {n / grouping_cpu:8.0f} articles/CPU-s  ({1000 * grouping_cpu / n:.2f} ms each)")
    print(f"reference       {n / reference_cpu:8.0f} articles/CPU-s  (search_document tokenizing)")
    print(f"ratio           {grouping_cpu / reference_cpu:8.2f}x the reference's CPU time")
    print("RSS by checkpoint (articles: RSS / items in the 14-day index): "
          + ", ".join(f"{k}: {m:.0f} MiB/{h}" for k, h, m in checkpoints))
    if args.db:
        database_ms(args.db, args.pg, args.repeat)


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def database_ms(n: int, pg_url: str, repeat: int = 3) -> None:
    """Milliseconds the story index adds per stored article in PostgreSQL: the same n saudi
    articles upserted in batches of 16 (the service's batch size) into fresh databases, with
    grouping and with it switched off (the reference), alternated ``repeat`` times in this
    process (a shared machine's load moves between runs); the median difference."""
    import statistics

    from akhbar.shared.schemas import EnrichedArticle
    from akhbar.store import Store

    docs = sorted(read("saudi-2015"), key=lambda a: (a.fetched, a.ref))[:n]
    batch = [
        EnrichedArticle(id=a.ref, title=a.title, body=list(a.body), source_name=a.outlet,
                        published=a.fetched)
        for a in docs
    ]
    results: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(repeat):
        for grouping in (False, True):
            with _database(pg_url) as url, _grouping(grouping), Store.from_url(url) as store:
                t = time.perf_counter()
                for i in range(0, len(batch), 16):
                    store.upsert_many(batch[i : i + 16])
                results[grouping].append((time.perf_counter() - t) * 1000 / len(batch))
    added = [g - r for g, r in zip(results[True], results[False], strict=True)]
    print(f"PostgreSQL, {n} articles, {repeat} runs each: without grouping "
          f"{', '.join(f'{x:.2f}' for x in results[False])} ms/article; with "
          f"{', '.join(f'{x:.2f}' for x in results[True])}; added (median) "
          f"{statistics.median(added):.2f} ms ({statistics.median(results[True]) / statistics.median(results[False]):.2f}x the reference)")


@contextlib.contextmanager
def _database(pg_url: str):
    """A fresh PostgreSQL database for one run, dropped afterwards."""
    from sqlalchemy import create_engine, text

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    name = f"bench_stories_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield pg_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


@contextlib.contextmanager
def _grouping(on: bool):
    import akhbar.store.upsert

    saved = akhbar.store.upsert.file_story
    if not on:
        akhbar.store.upsert.file_story = lambda *args, **kwargs: None
    try:
        yield
    finally:
        akhbar.store.upsert.file_story = saved


def stored_ms(stored: int, pg_url: str, measured: int = 1000) -> None:
    """How grouping's cost in PostgreSQL grows with the store: ``stored`` egypt-2013 articles
    (fetch order) bulk-loaded by COPY into the story index of a fresh database (article rows
    with title and time only; index rows from the real features), then the next ``measured``
    upserted through the real path in batches of 16. Prints the time spent in grouping
    (``file_story`` and the batch's ``flush``) beside the whole upsert, the reference."""
    import datetime as dt
    import json

    import akhbar.store.story_index as story_index
    import akhbar.store.upsert
    from akhbar.shared.schemas import EnrichedArticle
    from akhbar.store import Store

    idf = Idf.shipped()
    arts = sorted(read("egypt-2013"), key=lambda a: (a.fetched, a.ref))[: stored + measured]
    with _database(pg_url) as url, Store.from_url(url) as store:
        t = time.perf_counter()
        raw = store.engine.raw_connection()
        cur = raw.driver_connection.cursor()
        now = dt.datetime(2026, 1, 1)
        bands, keys = [], []
        with cur.copy("COPY articles (pk, id, title, body, schema_version, search_text, "
                      "content_hash, stored_at, updated_at, published_at) FROM STDIN") as copy:
            for pk, a in enumerate(arts[:stored], 1):
                copy.write_row((pk, a.ref, a.title, "[]", 2, "", "", now, now, a.fetched))
        with cur.copy("COPY story_articles (article_pk, story_id, relation, published_at, "
                      "shingles, starts, vector, entities, dates) FROM STDIN") as copy:
            for pk, a in enumerate(arts[:stored], 1):
                f = features(a.doc(), idf)
                copy.write_row((pk, f"s-{pk}", "first", a.fetched,
                                f.shingles.ordered.astype("<u4").tobytes(),
                                f.shingles.starts.astype("<i4").tobytes(),
                                json.dumps(f.vector), "[]", "[]"))
                bands += [(b, pk) for b in sorted(set(f.bands))]
                keys += [(k, a.fetched, pk) for k in f.event_keys()]
        with cur.copy("COPY story_bands (band, article_pk) FROM STDIN") as copy:
            for row in bands:
                copy.write_row(row)
        with cur.copy("COPY story_keys (key, published_at, article_pk) FROM STDIN") as copy:
            for row in keys:
                copy.write_row(row)
        cur.execute(f"SELECT setval(pg_get_serial_sequence('articles', 'pk'), {stored})")
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
        raw.close()
        print(f"{stored} articles indexed in {time.perf_counter() - t:.0f} s "
              f"({len(bands)} band rows, {len(keys)} key rows)", flush=True)
        spent = [0.0]

        def timed(fn):
            def run(*args, **kwargs):
                t0 = time.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    spent[0] += time.perf_counter() - t0
            return run

        saved = akhbar.store.upsert.file_story, story_index.SqlIndex.flush
        akhbar.store.upsert.file_story = timed(saved[0])
        story_index.SqlIndex.flush = timed(saved[1])
        try:
            batch = [EnrichedArticle(id=a.ref, title=a.title, body=list(a.body),
                                     source_name=a.outlet, published=a.fetched)
                     for a in arts[stored:]]
            t = time.perf_counter()
            for i in range(0, len(batch), 16):
                store.upsert_many(batch[i : i + 16])
            whole = (time.perf_counter() - t) * 1000 / len(batch)
        finally:
            akhbar.store.upsert.file_story, story_index.SqlIndex.flush = saved
    grouping = spent[0] * 1000 / len(batch)
    print(f"PostgreSQL with {stored} articles indexed: grouping {grouping:.2f} ms/article of "
          f"{whole:.2f} for the whole upsert ({grouping / whole:.2f} of it)")


if __name__ == "__main__":
    main()
