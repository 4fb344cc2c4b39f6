"""Upserts per second and query latency (p50/p99) of the store, SQLite beside PostgreSQL.

Fills a fresh database of each kind with N synthetic but varied enriched articles (default
100,000: outlets, Zipf-distributed entities, Arabic body text, dates over two years), mostly
by ``upsert_many`` batches and the last ones one ``Store.upsert`` at a time (the store service
writes each batch it reads with ``upsert_many`` and falls back to one at a time when a batch
fails), then times the main queries.

    uv run python bench/bench_store.py [--n 100000] [--reps 200] [--pg URL] [--skip-pg]

The entity registry (issue 16) is measured too: its upkeep per article (the time spent
inside ``registry_db.upkeep`` while the batches are written, the store service's path),
finding articles by an alias (a Latin name, a surname, a spelling variant) and
``entities show``. Mentions use surnames and hamza-less spellings the way news does, and a
long tail of rarely named people stands beside the frequent ones.

PostgreSQL: a throwaway database is created on ``--pg`` (default ``DATABASE_URL_PG`` or
postgresql+psycopg://postgres@127.0.0.1:5432/test) and dropped at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text

from akhbar.shared.arabic import fold_letters
from akhbar.shared.schemas import DateMention, EnrichedArticle, Entity, Headline
from akhbar.store import Store, registry_db, upsert
from akhbar.store.db import normalize_url
from akhbar.store.latin import latin_names

WORDS = (
    "قال أكد أعلن وزير الحكومة رئيس مجلس البرلمان المغرب مدينة اليوم أمس الأسبوع الماضي "
    "مشروع قانون الاقتصاد الاستثمار التنمية الشباب التعليم الصحة المستشفى الطلبة الجامعة "
    "الانتخابات الحزب المعارضة الأغلبية الميزانية الضرائب الأسعار المحروقات الماء الأمطار "
    "الفلاحة الصيد البحري السياحة الفنادق المطار القطار الطريق السيار الميناء التجارة "
    "الصادرات الواردات البنك المركزي التضخم الدرهم الأسواق الشركات العمال النقابات الإضراب "
    "الحوار الاجتماعي الأجور التقاعد السكن المدن القرى الجهة الإقليم العمالة الجماعة "
    "المجلس البلدي الوالي العامل الأمن الشرطة الدرك المحكمة القاضي المتهم الحكم السجن "
    "الدفاع المحامي الملف القضية التحقيق الصحافة الإعلام التلفزيون الإذاعة الموقع الخبر "
    "المنتخب الفريق المباراة الهدف البطولة الكأس الملعب الجمهور المدرب اللاعب الفوز الهزيمة "
    "الثقافة المهرجان الفيلم المسرح الكتاب الشعر المعرض الفنان الجائزة التراث اللغة "
    "العربية الأمازيغية الفرنسية الدولة الشعب المواطنين الحقوق الحريات الديمقراطية الإصلاح "
    "المنطقة الحدود الاتفاق التعاون الشراكة الزيارة الوفد اللقاء الاجتماع الندوة المؤتمر"
).split()
FIRST = "محمد أحمد عبد الله يوسف إبراهيم خالد عمر علي حسن سعيد رشيد نادية فاطمة خديجة سلمى مريم ليلى".split()
LAST = "العلمي الإدريسي بنكيران أخنوش الفاسي التازي البقالي الشرقاوي المنصوري الوزاني بناني العمراني".split()
ORGS = [
    "الأمم المتحدة",
    "البنك الدولي",
    "الاتحاد الأوروبي",
    "جامعة الدول العربية",
    "الاتحاد الإفريقي",
    "حزب الاستقلال",
    "حزب العدالة والتنمية",
    "التجمع الوطني للأحرار",
    "حزب الأصالة والمعاصرة",
    "بنك المغرب",
    "المكتب الشريف للفوسفاط",
    "الخطوط الملكية المغربية",
    "الجامعة الملكية المغربية لكرة القدم",
    "وزارة الداخلية",
    "وزارة الصحة",
    "وزارة التربية الوطنية",
    "مجلس النواب",
    "مجلس المستشارين",
    "المحكمة الدستورية",
    "المندوبية السامية للتخطيط",
    "الرجاء البيضاوي",
    "الوداد الرياضي",
]
LOCS = [
    "الرباط",
    "الدار البيضاء",
    "فاس",
    "مراكش",
    "طنجة",
    "أكادير",
    "وجدة",
    "العيون",
    "الداخلة",
    "مكناس",
    "تطوان",
    "الحسيمة",
    "بني ملال",
    "القنيطرة",
    "سلا",
    "الجزائر",
    "تونس",
    "القاهرة",
    "باريس",
    "مدريد",
    "غزة",
    "نيويورك",
    "جنيف",
    "بروكسل",
    "الرياض",
    "الدوحة",
    "دبي",
    "إفريقيا",
    "أوروبا",
    "المغرب",
]
MISC = ["كأس العالم", "كأس أمم إفريقيا", "عيد الأضحى", "رمضان", "كوب 22", "مهرجان موازين"]
OUTLETS = [
    "هسبريس",
    "الأول",
    "اليوم 24",
    "الجزيرة نت",
    "العمق المغربي",
    "لكم",
    "فبراير",
    "الأيام 24",
    "هبة بريس",
    "برلمان.كوم",
    "مدار21",
    "الصباح",
    "المساء",
    "الأحداث المغربية",
    "أخبار اليوم",
    "العربية",
    "سكاي نيوز عربية",
    "بي بي سي عربي",
    "فرانس 24",
    "الشرق الأوسط",
]
START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
SPAN_DAYS = 730


class Generator:
    """Synthetic articles with realistic skew: a few entities and outlets dominate."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        people = [f"{f} {last}" for f in FIRST for last in LAST]
        # A long tail: people named once in a while, each with a surname of their own.
        tail = [f"{f} {last}{suffix}" for f in FIRST[:10] for last in LAST
                for suffix in ("ي", "ان", "ون", "اوي", "ين", "ات", "يش", "وش", "اني", "ية")]
        self.entities = (
            [(p, "PER") for p in people + tail]
            + [(o, "ORG") for o in ORGS]
            + [(loc, "LOC") for loc in LOCS]
            + [(m, "MISC") for m in MISC]
        )
        self.rng.shuffle(self.entities)
        # Zipf-like: the k-th entity is mentioned about 1/k as often as the first.
        self.entity_weights = [1 / (k + 1) for k in range(len(self.entities))]
        self.outlet_weights = [1 / (k + 1) ** 0.7 for k in range(len(OUTLETS))]

    def _entity(self) -> tuple[str, str]:
        return self.rng.choices(self.entities, self.entity_weights)[0]

    def _surface(self, canonical: str, label: str) -> str:
        """How the text writes the name: a person often by surname (the tagger keeps the
        full name as canonical), sometimes without hamza."""
        roll = self.rng.random()
        if label == "PER" and roll < 0.4:
            return canonical.split()[-1]
        if roll > 0.9:
            return fold_letters(canonical)
        return canonical

    def _sentence(
        self, n_words: int, mentions: list[tuple[str, str]]
    ) -> tuple[str, list[tuple[int, str, str]]]:
        words = self.rng.choices(WORDS, k=n_words)
        spans = []
        for canonical, label in mentions:
            words.insert(self.rng.randrange(len(words) + 1), f"\u0000{len(spans)}")
            spans.append((canonical, label))
        out, found = "", []
        for word in words:
            if out:
                out += " "
            if word.startswith("\u0000"):
                canonical, label = spans[int(word[1:])]
                surface = self._surface(canonical, label)
                found.append((len(out), surface, canonical, label))
                out += surface
            else:
                out += word
        return out, found

    def article(self, i: int, version: int = 0) -> EnrichedArticle:
        rng = self.rng
        published = START + dt.timedelta(seconds=rng.randrange(SPAN_DAYS * 86400))
        fields: list[tuple[str, str, list]] = []
        title, found = self._sentence(
            rng.randint(6, 10), [self._entity() for _ in range(rng.randint(0, 2))]
        )
        fields.append(("title", title, found))
        body = []
        for p in range(rng.randint(3, 6)):
            para, found = self._sentence(
                rng.randint(25, 45), [self._entity() for _ in range(rng.randint(1, 4))]
            )
            body.append(para)
            fields.append((f"body.{p}", para, found))
        heads = [
            Headline(text=" ".join(rng.choices(WORDS, k=7)), url=None)
            for _ in range(rng.randint(0, 4))
        ]
        # As the tagger does: a surname is filed under the full name only when the article
        # also writes the full name; otherwise the surname is its own canonical name.
        written = {fold_letters(t) for _n, _t, found in fields for _s, t, _c, _l in found}
        entities = [
            Entity(
                text=t, start=s, end=s + len(t), field=name, label=label,
                canonical=c if t != c.split()[-1] or fold_letters(c) in written else t,
            )
            for name, _text, found in fields
            for s, t, c, label in found
        ]
        day = published.date().isoformat()
        dates = [
            DateMention(text=day, start=0, end=len(day), field="title", kind="date", value=day)
        ]
        return EnrichedArticle(
            id=f"bench-{i:07d}",
            url=f"https://example.org/a/{i}",
            title=title + (f" (تحديث {version})" if version else ""),
            source_name=rng.choices(OUTLETS, self.outlet_weights)[0],
            published=published,
            body=body,
            headlines=heads,
            entities=entities,
            dates=dates,
        )


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return p50 * 1000, p99 * 1000


def time_calls(
    make_call: Callable[[random.Random], Callable[[], object]], reps: int
) -> tuple[float, float]:
    rng = random.Random(11)
    samples = []
    for _ in range(reps):
        call = make_call(rng)
        t0 = time.perf_counter()
        call()
        samples.append(time.perf_counter() - t0)
    return percentiles(samples)


def queries(store: Store, gen: Generator, n: int) -> dict[str, Callable]:
    popular = gen.entities[:50]

    def month(rng):
        start = (START + dt.timedelta(days=rng.randrange(SPAN_DAYS - 31))).date()
        return start, start + dt.timedelta(days=30)

    def by_entity(rng):
        name, _ = rng.choice(popular)
        return lambda: store.search(entity=name, limit=50)

    def by_outlet_month(rng):
        since, until = month(rng)
        outlet = rng.choice(OUTLETS)
        return lambda: store.search(outlet=outlet, since=since, until=until, limit=50)

    def by_text(rng):
        words = " ".join(rng.sample(WORDS, 2))
        return lambda: store.search(text=words, limit=50)

    def by_entity_text_month(rng):
        name, _ = rng.choice(popular)
        since, until = month(rng)
        word = rng.choice(WORDS)
        return lambda: store.search(entity=name, text=word, since=since, until=until, limit=50)

    def get(rng):
        article_id = f"bench-{rng.randrange(n):07d}"
        return lambda: store.get(article_id)

    def newest(rng):
        return lambda: store.search(limit=50)

    def top_month(rng):
        since, until = month(rng)
        return lambda: store.top_entities(since=since, until=until, limit=20)

    def top_all(rng):
        return lambda: store.top_entities(label="PER", limit=20)

    named = gen.entities[:200]  # the entities people ask about: the frequently named

    def by_latin(rng):
        name, label = rng.choice(named)
        latin = latin_names(name, label)[0]
        return lambda: store.search(entity=latin, limit=50)

    def by_surname(rng):
        name, _ = rng.choice([e for e in named if e[1] == "PER"])
        return lambda: store.search(entity=name.split()[-1], limit=50)

    def by_variant(rng):
        name, _ = rng.choice(named)
        return lambda: store.search(entity=fold_letters(name), limit=50)

    def show(rng):
        name, label = rng.choice(named)
        return lambda: store.entity_named(name, label)

    def show_latin(rng):
        name, label = rng.choice(named)
        latin = latin_names(name, label)[0]
        return lambda: store.entity_named(latin)

    return {
        "get by id": get,
        "search newest": newest,
        "search entity": by_entity,
        "search outlet+month": by_outlet_month,
        "search text (2 words)": by_text,
        "search entity+text+month": by_entity_text_month,
        "top entities (month)": top_month,
        "top entities PER (all)": top_all,
        "search entity by Latin alias": by_latin,
        "search entity by surname": by_surname,
        "search entity by spelling variant": by_variant,
        "entities show": show,
        "entities show (Latin name)": show_latin,
    }


def run_backend(url: str, args: argparse.Namespace) -> dict[str, object]:
    n, gen = args.n, Generator()
    single = min(args.single, n)
    results: dict[str, object] = {}
    upkeep_s = [0.0]
    # What upsert calls, counted, then called: placing names, counting, aliases.
    upsert.upkeep = _timed(registry_db.upkeep, upkeep_s)
    upsert.upkeep_many = _timed(registry_db.upkeep_many, upkeep_s)
    with Store.from_url(url) as store:
        # The bulk of the store goes in by batches (one transaction each); the last `single`
        # articles one per call, as the store service writes them, into an almost full store.
        elapsed = 0.0
        for chunk in range(0, n - single, args.batch):
            # Generated outside the timer: only the store's work is measured.
            batch = [gen.article(i) for i in range(chunk, min(n - single, chunk + args.batch))]
            t0 = time.perf_counter()
            store.upsert_many(batch)
            elapsed += time.perf_counter() - t0
        if n - single:
            results[f"upserts/s (batches of {args.batch})"] = (n - single) / elapsed
            results["registry upkeep ms/article (batches)"] = upkeep_s[0] * 1000 / (n - single)
            results["registry share of batch upsert time"] = upkeep_s[0] / elapsed
        upkeep_s[0] = 0.0
        batch = [gen.article(i) for i in range(n - single, n)]
        t0 = time.perf_counter()
        for article in batch:
            store.upsert(article)
        results["upserts/s (one by one, new)"] = single / (time.perf_counter() - t0)
        results["registry upkeep ms/article (one by one)"] = upkeep_s[0] * 1000 / single
        results["registry entities"] = store.registry_size()
        picked = random.Random(3).sample(range(n), min(args.updates, n))
        changed = [gen.article(i, version=1) for i in picked]
        for article, i in zip(changed, picked, strict=True):
            article.id = f"bench-{i:07d}"
        t0 = time.perf_counter()
        for article in changed:
            store.upsert(article)
        results["upserts/s (one by one, replace)"] = len(changed) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for article in changed:
            store.upsert(article)
        results["upserts/s (redelivery)"] = len(changed) / (time.perf_counter() - t0)
        assert store.count() == n
        if store.engine.dialect.name == "postgresql":
            # What autovacuum does in a live database after this much writing; without
            # statistics the planner took a list of 500 article ids for half the mentions.
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("ANALYZE"))
        for name, make in queries(store, gen, n).items():
            heavy = name.endswith("(all)")
            results[name] = time_calls(make, max(5, args.reps // 10) if heavy else args.reps)
    return results


def _timed(function: Callable, total: list[float]) -> Callable:
    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            total[0] += time.perf_counter() - t0

    return timed


def fmt(value) -> str:
    if isinstance(value, tuple):
        return f"{value[0]:8.2f} / {value[1]:8.2f}"
    if isinstance(value, float) and value < 10:
        return f"{value:19.3f}"
    return f"{value:19.0f}"


def ratio(a, b) -> str:
    if a is None or b is None:
        return "-"
    x = a[0] if isinstance(a, tuple) else a
    y = b[0] if isinstance(b, tuple) else b
    return f"{y / x:6.2f}" if x else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles to store")
    parser.add_argument("--reps", type=int, default=200, help="timed runs of each query")
    parser.add_argument(
        "--updates", type=int, default=2_000, help="articles re-enriched and redelivered"
    )
    parser.add_argument(
        "--pg",
        default=os.environ.get(
            "DATABASE_URL_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
        ),
    )
    parser.add_argument("--batch", type=int, default=500, help="articles per upsert_many")
    parser.add_argument("--single", type=int, default=5_000, help="articles upserted one by one")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--reuse", type=Path, action="append", help="--json file of an earlier run, for the table"
    )
    args = parser.parse_args()

    columns: dict[str, dict[str, object]] = {}
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            print(f"sqlite: storing {args.n} articles ...", flush=True)
            columns["sqlite"] = run_backend(url, args)
            print(json.dumps(columns["sqlite"]), flush=True)
    if not args.skip_pg:
        server = normalize_url(args.pg)
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        name = f"akhbar_store_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            print(f"postgresql: storing {args.n} articles ...", flush=True)
            pg_url = server.set(database=name).render_as_string(hide_password=False)
            columns["postgresql"] = run_backend(pg_url, args)
            print(json.dumps(columns["postgresql"]), flush=True)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    if args.json:
        args.json.write_text(json.dumps({"n": args.n, **columns}, indent=1), encoding="utf-8")
    for path in args.reuse or []:
        # Results of a backend skipped in this run, saved earlier with --json.
        saved = json.loads(path.read_text(encoding="utf-8"))
        for backend in ("sqlite", "postgresql"):
            if backend in saved and backend not in columns:
                columns[backend] = {
                    k: tuple(v) if isinstance(v, list) else v for k, v in saved[backend].items()
                }
    print_table(args.n, columns.get("sqlite", {}), columns.get("postgresql", {}))


def print_table(n: int, sqlite: dict, pg: dict) -> None:
    print(f"\n{n} articles; latencies are p50 / p99 in ms; ratio = postgresql / sqlite (p50)")
    print(f"{'metric':34} {'sqlite':>19} {'postgresql':>19} {'ratio':>6}")
    for metric in dict.fromkeys([*sqlite, *pg]):
        a, b = sqlite.get(metric), pg.get(metric)
        left = fmt(a) if a else "-"
        right = fmt(b) if b else "-"
        print(f"{metric:34} {left:>19} {right:>19} {ratio(a, b):>6}")


if __name__ == "__main__":
    main()
