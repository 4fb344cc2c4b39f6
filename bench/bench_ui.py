"""Latency of the newsroom window's pages (p50/p95) beside the JSON API endpoint that reads
the same data, in the same process, over one store.

The store is filled with bench_store's synthetic articles (``Generator``: Zipf-skewed
entities, 20 outlets, two years of dates) through ``Store.upsert_many``, the store
service's path (registry upkeep and story grouping included). The filled SQLite file is
kept in var/bench-ui-N.db and reused by the next run with the same N.

Each page is requested through FastAPI's TestClient (routing, queries, template rendering;
no network), with parameters drawn from the store's own entities, words and articles; the
reference is the JSON endpoint with the same filters. The ratio is page p95 / JSON p95.

    uv run python bench/bench_ui.py [--n 20000] [--reps 200] [--db PATH] [--redis redis://127.0.0.1:6379/0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import OUTLETS, WORDS, Generator  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def fill(path: Path, n: int, batch: int) -> None:
    from akhbar.store import Store

    store = Store.from_url(f"sqlite:///{path}")
    have = store.count()
    if have >= n:
        print(f"reusing {path} ({have} articles)")
        store.close()
        return
    gen = Generator()
    for i in range(have):  # the generator is seeded: skip what is stored already
        gen.article(i)
    t0 = time.perf_counter()
    for start in range(have, n, batch):
        store.upsert_many([gen.article(i) for i in range(start, min(n, start + batch))])
        done = min(n, start + batch)
        rate = (done - have) / (time.perf_counter() - t0)
        print(f"\rfilled {done}/{n} ({rate:.0f} articles/s)", end="", flush=True)
    print()
    store.close()


def p50_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p95 * 1000


def measure(client, make_path, reps: int) -> tuple[float, float]:
    rng = random.Random(5)
    samples = []
    for _ in range(reps):
        path = make_path(rng)
        t0 = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - t0)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")
    return p50_p95(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="articles in the store")
    parser.add_argument("--reps", type=int, default=200, help="requests per page")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", type=Path, help="the SQLite file to fill or reuse (default var/bench-ui-N.db)")
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
                        help="where the dashboard reads the pipeline's state")
    args = parser.parse_args()

    path = args.db or REPO / "var" / f"bench-ui-{args.n}.db"
    path.parent.mkdir(exist_ok=True)
    fill(path, args.n, args.batch)

    from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from akhbar.store.api import create_app
    from akhbar.store.models import articles, entity_registry
    from akhbar.store.story_models import story_articles

    client = TestClient(create_app(f"sqlite:///{path}", redis_url=args.redis))
    store = client.app.state.store
    with store.reader() as conn:
        entity_ids = list(conn.execute(
            select(entity_registry.c.id).order_by(entity_registry.c.article_count.desc()).limit(200)
        ).scalars())
        names = list(conn.execute(
            select(entity_registry.c.name).order_by(entity_registry.c.article_count.desc()).limit(100)
        ).scalars())
        total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        stories = list(conn.execute(
            select(story_articles.c.story_id).group_by(story_articles.c.story_id)
            .order_by(func.count().desc()).limit(200)
        ).scalars())
        newest = conn.execute(select(func.max(articles.c.published_at))).scalar()
    gen = Generator()
    article_ids = [f"bench-{i:07d}" for i in range(0, total, max(1, total // 500))]
    week = (newest.date() - dt.timedelta(days=6)).isoformat(), newest.date().isoformat()
    print(f"{total} articles, {len(stories)} stories sampled, SQLite, {args.reps} requests per page")

    def month(rng):
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        return start.isoformat(), (start + dt.timedelta(days=30)).isoformat()

    pages = {
        "search: newest": (lambda r: "/", lambda r: "/articles?limit=20"),
        "search: text": (lambda r: f"/?q={r.choice(WORDS)}", lambda r: f"/articles?limit=20&text={r.choice(WORDS)}"),
        "search: entity (alias)": (lambda r: f"/?entity={r.choice(names).split()[-1]}",
                                   lambda r: f"/articles?limit=20&entity={r.choice(names).split()[-1]}"),
        "search: outlet + month": (
            lambda r: "/?outlet={}&since={}&until={}".format(r.choice(OUTLETS), *month(r)),
            lambda r: "/articles?limit=20&outlet={}&since={}&until={}".format(r.choice(OUTLETS), *month(r))),
        # No synthetic article has a language: the worst case, a filter that matches nothing.
        "search: language": (lambda r: "/?lang=fr", lambda r: "/articles?limit=20"),
        "article": (lambda r: f"/a/{r.choice(article_ids)}", lambda r: f"/articles/{r.choice(article_ids)}"),
        "entity": (lambda r: f"/e/{r.choice(entity_ids)}", lambda r: f"/entities/{r.choice(entity_ids)}"),
        "story": (lambda r: f"/s/{r.choice(stories)}", lambda r: f"/stories/{r.choice(stories)}"),
        "dashboard": (lambda r: "/dashboard", lambda r: "/entities/top?since={}&until={}&limit=15".format(*week)),
    }
    del gen
    print(f"{'page':26} {'p50 ms':>8} {'p95 ms':>8}   {'JSON p50':>8} {'JSON p95':>8}   ratio p95")
    for name, (page, reference) in pages.items():
        if name == "story" and not stories:
            continue
        measure(client, page, 5)  # warm caches and the template
        measure(client, reference, 5)
        p50, p95 = measure(client, page, args.reps)
        r50, r95 = measure(client, reference, args.reps)
        print(f"{name:26} {p50:8.1f} {p95:8.1f}   {r50:8.1f} {r95:8.1f}   {p95 / r95:6.2f}x", flush=True)
    client.close()


if __name__ == "__main__":
    main()
