"""Articles per CPU-second through the story grouping core, and its memory, over the corpora
of ../shared/data/corpus (egypt-2013 then saudi-2015, about 174k articles, in fetch order per
corpus), beside a reference run in the same process: the store's own search-index tokenizing
of the same articles (``search_document``), work every upsert already does.

    uv run python bench/bench_stories.py [--limit N]

Entities and dates are not computed here (that is enrich's cost, not grouping's): articles are
grouped on text alone, so same-event candidates come from title and lead words only.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("--pg", default=os.environ.get(
        "DATABASE_URL_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
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
        database_ms(args.db, args.pg)


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def database_ms(n: int, pg_url: str) -> None:
    """Milliseconds the story index adds per stored article in PostgreSQL: the same n saudi
    articles upserted in batches of 16 (the service's batch size) into two fresh databases,
    one with grouping and one with it switched off, the reference, in this process."""
    from sqlalchemy import create_engine, text

    import akhbar.store.upsert
    from akhbar.shared.schemas import EnrichedArticle
    from akhbar.store import Store

    docs = sorted(read("saudi-2015"), key=lambda a: (a.fetched, a.ref))[:n]
    batch = [
        EnrichedArticle(id=a.ref, title=a.title, body=list(a.body), source_name=a.outlet,
                        published=a.fetched)
        for a in docs
    ]
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    results = {}
    for grouping in (False, True):
        name = f"bench_stories_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        url = pg_url.rsplit("/", 1)[0] + "/" + name
        saved = akhbar.store.upsert.file_story
        if not grouping:
            akhbar.store.upsert.file_story = lambda *args, **kwargs: None
        try:
            with Store.from_url(url) as store:
                t = time.perf_counter()
                for i in range(0, len(batch), 16):
                    store.upsert_many(batch[i : i + 16])
                results[grouping] = (time.perf_counter() - t) * 1000 / len(batch)
        finally:
            akhbar.store.upsert.file_story = saved
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()
    print(f"PostgreSQL, {n} articles: {results[False]:.2f} ms/article without grouping, "
          f"{results[True]:.2f} with; {results[True] - results[False]:.2f} ms added "
          f"({results[True] / results[False]:.2f}x the reference)")


if __name__ == "__main__":
    main()
