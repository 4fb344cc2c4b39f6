"""Articles per CPU-second through the story grouping core, and its memory, over the corpora
of ../shared/data/corpus (egypt-2013 then saudi-2015, about 174k articles, in fetch order per
corpus), beside a reference run in the same process: the store's own search-index tokenizing
of the same articles (``search_document``), work every upsert already does.

    uv run python bench/bench_stories.py [--limit N] [--db N [--repeat R]]
    uv run python bench/bench_stories.py --stored N [--repeat R] [--db-name NAME]
        # PostgreSQL, N articles already indexed (beyond the corpus: replicas shifted by years)

Entities and dates are not computed here (that is enrich's cost, not grouping's): articles are
grouped on text alone, so same-event candidates come from title and lead words only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
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
    parser.add_argument("--db-name", default="",
                        help="with --stored: load into this database once and keep it (reused "
                             "by a later run of the same size); default a fresh one, dropped")
    parser.add_argument("--drop", action="store_true",
                        help="with --db-name: drop that database and stop")
    parser.add_argument("--base", type=int, default=0,
                        help="with --stored: replicate only the corpus's first N articles "
                             "(default: all but the measured ones)")
    parser.add_argument("--same-text", action="store_true",
                        help="with --stored beyond the corpus: replicas keep the corpus's band "
                             "keys (every text recurs each year: the worst case for band hits)")
    parser.add_argument("--pg", default=os.environ.get(
        "DATABASE_URL_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    if args.drop:
        _drop(args.pg, args.db_name)
        return
    if args.stored:
        stored_ms(args.stored, args.pg, repeat=args.repeat, db_name=args.db_name,
                  same_text=args.same_text, base=args.base)
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


def _drop(pg_url: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@contextlib.contextmanager
def _grouping(on: bool):
    import akhbar.store.upsert
    from akhbar.store.story_index import SqlIndex

    if not hasattr(SqlIndex, "prefetch"):  # a revision before the batch read-ahead
        SqlIndex.prefetch = lambda *args, **kwargs: None
    saved = akhbar.store.upsert.file_story, SqlIndex.prefetch
    if not on:
        akhbar.store.upsert.file_story = lambda *args, **kwargs: None
        SqlIndex.prefetch = lambda *args, **kwargs: None
    try:
        yield
    finally:
        akhbar.store.upsert.file_story, SqlIndex.prefetch = saved


# Replicas of the corpus are shifted back by whole 52-week years (weekdays kept), so the
# measured articles (the corpus's next ones, at their real times) come after all of them and
# their 14-day window holds the corpus's real density.
_YEAR = dt.timedelta(weeks=52)


def _replica_salt(r: int) -> int:
    """A signed 64-bit constant per replica, XORed into its band keys: a replica stands for
    other texts with the same statistics (its copies find each other, not the original's);
    0 for the original."""
    if r == 0:
        return 0
    digest = hashlib.blake2b(r.to_bytes(4, "big"), digest_size=8, person=b"replica").digest()
    return int.from_bytes(digest, "big", signed=True)


def _bulk_load(url: str, stored: int, base: list, same_text: bool) -> None:
    """``stored`` index rows from ``base`` (the corpus's articles in fetch order, features
    computed once) and as many replicas of it as needed, each shifted back by one more
    ``_YEAR``, with its own article pks and ids; by COPY into the story tables with their
    indexes dropped and built again afterwards (as PostgreSQL's own bulk-load advice goes),
    foreign-key triggers off for the session (``session_replication_role``)."""
    import json

    from sqlalchemy import create_engine

    idf = Idf.shipped()
    t = time.perf_counter()
    feats = [features(a.doc(), idf) for a in base]
    print(f"features of {len(base)} articles in {time.perf_counter() - t:.0f} s", flush=True)
    rows = [(f.shingles.ordered.astype("<u4").tobytes(), f.shingles.starts.astype("<i4").tobytes(),
             json.dumps(f.vector), sorted(set(f.bands)), f.event_keys()) for f in feats]
    del feats
    engine = create_engine(url)
    raw = engine.raw_connection()
    cur = raw.driver_connection.cursor()
    cur.execute("SET session_replication_role = replica")  # no per-row foreign-key checks
    cur.execute("SET maintenance_work_mem = '1GB'")
    cur.execute("SET max_parallel_maintenance_workers = 0")  # one core: the machine is shared
    tables = ("story_articles", "story_bands", "story_keys")
    cur.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE contype = 'p' AND conrelid::regclass::text = ANY(%s)", [list(tables)])
    constraints = cur.fetchall()
    cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)"
                " AND indexname NOT IN (SELECT conname FROM pg_constraint)", [list(tables)])
    indexes = cur.fetchall()
    for table, name, _ in constraints:
        cur.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    for name, _ in indexes:
        cur.execute(f"DROP INDEX {name}")
    raw.commit()
    t = time.perf_counter()
    now = dt.datetime(2026, 1, 1)
    slots = [(r, i) for r in range(-(-stored // len(base))) for i in range(len(base))][:stored]
    n_bands = n_keys = 0

    def replica(r, i):
        a = base[i]
        return (r * len(base) + i + 1, a.ref if r == 0 else f"{a.ref}#r{r}", a.fetched - r * _YEAR)

    with cur.copy("COPY articles (pk, id, title, body, schema_version, search_text, "
                  "content_hash, stored_at, updated_at, published_at) FROM STDIN") as copy:
        for r, i in slots:
            pk, ref, at = replica(r, i)
            copy.write_row((pk, ref, base[i].title, "[]", 2, "", "", now, now, at))
    with cur.copy("COPY story_articles (article_pk, story_id, relation, published_at, "
                  "shingles, starts, vector, entities, dates) FROM STDIN") as copy:
        for r, i in slots:
            pk, _, at = replica(r, i)
            shingles, starts, vector, _, _ = rows[i]
            copy.write_row((pk, f"s-{pk}", "first", at, shingles, starts, vector, "[]", "[]"))
    with cur.copy("COPY story_bands (band, article_pk) FROM STDIN") as copy:
        for r, i in slots:
            pk = replica(r, i)[0]
            salt = 0 if same_text else _replica_salt(r)
            for b in rows[i][3]:
                copy.write_row((b ^ salt, pk))
            n_bands += len(rows[i][3])
    with cur.copy("COPY story_keys (key, published_at, article_pk) FROM STDIN") as copy:
        for r, i in slots:
            pk, _, at = replica(r, i)
            for k in rows[i][4]:
                copy.write_row((k, at, pk))
            n_keys += len(rows[i][4])
    raw.commit()
    print(f"COPY of {stored} articles ({n_bands} band rows, {n_keys} key rows) in "
          f"{time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    for table, name, definition in constraints:
        cur.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    for _, definition in indexes:
        cur.execute(definition)
    cur.execute(f"SELECT setval(pg_get_serial_sequence('articles', 'pk'), {stored})")
    raw.commit()
    raw.driver_connection.autocommit = True
    cur.execute("VACUUM (ANALYZE)")  # visibility and statistics now, not autovacuum mid-run
    print(f"indexes built, VACUUM ANALYZE in {time.perf_counter() - t:.0f} s", flush=True)
    raw.close()
    engine.dispose()


def _forget_after(url: str, stored: int) -> None:
    """Delete the articles upserted after the ``stored`` bulk-loaded ones (their story rows
    go with them) and vacuum, so the next run starts from the same store."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DELETE FROM articles WHERE pk > :n"), {"n": stored})
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence('articles', 'pk'), {stored})"))
        conn.execute(text("VACUUM (ANALYZE) articles, story_articles, story_bands, story_keys"))
    engine.dispose()


@contextlib.contextmanager
def _named_database(pg_url: str, name: str):
    """``name`` on the server, created when missing, kept afterwards (yields its URL and
    whether it already existed)."""
    from sqlalchemy import create_engine, text

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        existed = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                               {"n": name}).first() is not None
        if not existed:
            conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    yield pg_url.rsplit("/", 1)[0] + "/" + name, existed


def stored_ms(stored: int, pg_url: str, measured: int = 1000, *, repeat: int = 1,
              db_name: str = "", same_text: bool = False, base: int = 0) -> None:
    """How grouping's cost in PostgreSQL grows with the store: ``stored`` articles in the story
    index of a database (article rows with title and time only; index rows from the real
    features of egypt-2013's articles in fetch order; beyond the corpus, replicas of it shifted
    back by whole years, ``_bulk_load``), then the corpus's next ``measured`` articles upserted
    through the real path in batches of 16, ``repeat`` times with grouping and as often without
    it (the reference), alternated, the upserted articles deleted after each run. Prints the
    time spent in grouping (``file_story`` and the batch's ``flush``) beside the whole upsert,
    and the whole upsert without grouping. ``db_name``: load into that database once and keep
    it (a later run with the same name and size reuses it); otherwise a fresh one, dropped."""
    import statistics

    from sqlalchemy import create_engine, text

    import akhbar.store.story_index as story_index
    import akhbar.store.upsert
    from akhbar.shared.schemas import EnrichedArticle
    from akhbar.store import Store

    arts = sorted(read("egypt-2013"), key=lambda a: (a.fetched, a.ref))
    base_n = min(stored, base or len(arts) - measured)
    base, after = arts[:base_n], arts[base_n : base_n + measured]
    del arts
    opened = _named_database(pg_url, db_name) if db_name else _database(pg_url)
    with opened as got:
        url, existed = got if db_name else (got, False)
        with Store.from_url(url) as store:
            pass  # the schema
        if existed:
            engine = create_engine(url)
            with engine.connect() as conn:
                held = conn.execute(text("SELECT count(*) FROM story_articles")).scalar_one()
            engine.dispose()
            if held < stored:
                raise SystemExit(f"{db_name} holds {held} indexed articles, not {stored}")
            _forget_after(url, stored)
        else:
            _bulk_load(url, stored, base, same_text)
        spent = [0.0]

        def timed(fn):
            def run(*args, **kwargs):
                t0 = time.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    spent[0] += time.perf_counter() - t0
            return run

        batch = [EnrichedArticle(id=a.ref, title=a.title, body=list(a.body),
                                 source_name=a.outlet, published=a.fetched) for a in after]
        whole: dict[bool, list[float]] = {False: [], True: []}
        cpu: dict[bool, list[float]] = {False: [], True: []}
        client: dict[bool, list[float]] = {False: [], True: []}
        inside: list[float] = []
        if not hasattr(story_index.SqlIndex, "prefetch"):  # a revision before the read-ahead
            story_index.SqlIndex.prefetch = lambda *args, **kwargs: None
        saved = (akhbar.store.upsert.file_story, story_index.SqlIndex.flush,
                 story_index.SqlIndex.prefetch)
        for _ in range(repeat):
            for grouping in (False, True):
                with _grouping(grouping), Store.from_url(url) as store:
                    spent[0] = 0.0
                    akhbar.store.upsert.file_story = timed(akhbar.store.upsert.file_story)
                    story_index.SqlIndex.flush = timed(saved[1])
                    story_index.SqlIndex.prefetch = timed(story_index.SqlIndex.prefetch)
                    try:
                        server = _server_cpu(url)
                        t, c = time.perf_counter(), time.process_time()
                        for i in range(0, len(batch), 16):
                            store.upsert_many(batch[i : i + 16])
                        whole[grouping].append((time.perf_counter() - t) * 1000 / len(batch))
                        mine = time.process_time() - c
                        used = mine + _server_cpu(url, server)
                        cpu[grouping].append(used * 1000 / len(batch))
                        client[grouping].append(mine * 1000 / len(batch))
                    finally:
                        (akhbar.store.upsert.file_story, story_index.SqlIndex.flush,
                         story_index.SqlIndex.prefetch) = saved
                if grouping:
                    inside.append(spent[0] * 1000 / len(batch))
                _forget_after(url, stored)
                print(f"  {'with' if grouping else 'without'} grouping: {whole[grouping][-1]:.2f} "
                      f"ms/article, CPU {cpu[grouping][-1]:.2f} ms/article (this process "
                      f"{client[grouping][-1]:.2f} and its server backends; load average {os.getloadavg()[0]:.1f})", flush=True)

    def series(xs):
        return ", ".join(f"{x:.2f}" for x in xs)

    added = [g - r for g, r in zip(whole[True], whole[False], strict=True)]
    cpu_added = [g - r for g, r in zip(cpu[True], cpu[False], strict=True)]
    client_added = [g - r for g, r in zip(client[True], client[False], strict=True)]
    print(f"PostgreSQL with {stored} articles indexed ({base_n} of the corpus, "
          f"{'same' if same_text else 'other'} texts in the replicas), {len(batch)} upserted, "
          f"{repeat} runs each: without grouping {series(whole[False])} ms/article; with "
          f"{series(whole[True])}; added (median) {statistics.median(added):.2f}; grouping's own "
          f"time (median) {statistics.median(inside):.2f} ms/article ({series(inside)})\n"
          f"CPU (client + server backends): without {series(cpu[False])} ms/article; with "
          f"{series(cpu[True])}; added (median) {statistics.median(cpu_added):.2f}, of which this "
          f"process {statistics.median(client_added):.2f}")


def _server_cpu(url: str, before: dict[int, float] | None = None):
    """CPU seconds of the server backends serving the database at ``url`` (read from /proc: the
    server runs on this machine), or, given an earlier reading, the CPU they used since (a
    backend started meanwhile counts from zero). A load-independent beside the wall time,
    which a shared machine's other work moves two- to three-fold."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)  # its own backend, left out below
    with engine.connect() as conn:
        pids = conn.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid()")).scalars().all()
    engine.dispose()
    tick = os.sysconf("SC_CLK_TCK")
    now: dict[int, float] = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        now[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    if before is None:
        return now
    return sum(v - before.get(pid, 0.0) for pid, v in now.items())


if __name__ == "__main__":
    main()
