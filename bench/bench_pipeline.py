"""The whole pipeline on this machine beside its transport floor, in one run.

Four service processes (``python -m akhbar.cli serve <service>``, as compose and the e2e
tests start them) and the Redis server all run here. Pushes realistic pages (the bundled seed
page and, when present, the real pages in ../shared/data/pages, each made unique by a trailing
comment so ingest gives every push its own id) and measures:

* burst: N pages pushed at once; pages/s from the first push to the last page on
  ``akhbar:articles:enriched`` and on ``akhbar:articles:stored``, and the CPU each process
  spent per page;
* steady: pages pushed one by one at a fixed rate; p50/p99 latency from push to enriched
  and to stored (both times are the server's own stream-id clocks, so no clock skew);
* the transport floor: the same four-stage stream topology with no-op stages written with
  plain redis-py (XREADGROUP COUNT b, then one MULTI/EXEC with the XADDs and the XACK),
  measured the same way, and the ratio;
* the standalone speed of each stage's core, in pages per CPU-second, on the same pages.

    uv run python bench/bench_pipeline.py [--n 1000] [--rate 50] [--seconds 20] [--batch 16]

Redis: ``REDIS_URL`` (only the ``akhbar:*`` keys (``AKHBAR_STREAM_PREFIX``) of its database are touched, and deleted before
and after), else an embedded Valkey started for the run. The store is a fresh SQLite file
unless ``--database-url`` is given.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import redis

from akhbar.shared import streams

SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages"
FLOOR = [f"{streams.PREFIX}:bench:floor:{i}" for i in range(5)]  # raw → 4 no-op stages → "stored"
FLOOR_GROUP = "akhbar-bench-floor"
CLK_TCK = os.sysconf("SC_CLK_TCK")


# ---- pages -----------------------------------------------------------------------------
def page_mix() -> list[tuple[str, str]]:
    """(name, content) of the seed page and the real pages, read from where they live."""
    from akhbar.cli.pipeline import example_pages

    pages = [(p.name, p.read_text(encoding="utf-8")) for p in example_pages()]
    if SHARED_PAGES.is_dir():
        pages += [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in sorted(SHARED_PAGES.glob("*.html"))]
    return pages


@dataclass
class Push:
    key: str  # the id ingest will give the page (and parse the article)
    fields: dict[str, str]


def make_pushes(mix: list[tuple[str, str]], n: int, tag: str) -> list[Push]:
    """n pushes cycling through the mix, each with a unique trailing comment."""
    from akhbar.ingest.accept import accept_page

    out = []
    for i in range(n):
        name, content = mix[i % len(mix)]
        marker = f"\n<!-- akhbar bench {tag} {i} -->\n" if name.endswith(".html") else f"\n\nbench {tag} {i}\n"
        fields = {"content": content + marker, "url": f"https://bench.akhbar.invalid/{tag}/{i}", "source": "bench"}
        # The very function ingest runs, so the key is the id the pipeline will use.
        out.append(Push(accept_page(fields, 10**9).page_id, fields))
    return out


# ---- standalone cores ------------------------------------------------------------------
def core_speeds(
    mix: list[tuple[str, str]], min_cpu_s: float, batch: int
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Pages per CPU-second of each stage's core, in this process, no Redis.

    The store core is timed the way the service runs it, ``upsert_many`` per batch (one
    transaction); the per-page table times a single ``upsert`` of each page.
    """
    from akhbar.enrich.core import enrich
    from akhbar.ingest.accept import accept_page
    from akhbar.parse import extract
    from akhbar.store import Store

    pushes = make_pushes(mix, len(mix) * 4, "core")
    accepted = [accept_page(p.fields, 10**9) for p in pushes]
    articles = [extract(a.content, url=a.url, content_type=a.content_type, page_id=a.page_id) for a in accepted]
    enriched = [enrich(a) for a in articles]  # also loads the entity model before timing
    fresh = itertools.count()
    tmp = Path(tempfile.mkdtemp(prefix="akhbar-bench-store-"))
    store = Store.from_url(f"sqlite:///{tmp / 'core.db'}")
    cases = {
        "ingest": lambda i: accept_page(pushes[i].fields, 10**9),
        "parse": lambda i: extract(accepted[i].content, url=accepted[i].url, content_type=accepted[i].content_type, page_id=accepted[i].page_id),
        "enrich": lambda i: enrich(articles[i]),
        # New articles, as the service mostly sees (an update of a stored id costs otherwise).
        "store": lambda i: store.upsert(enriched[i].model_copy(update={"id": f"{next(fresh)}-{i}"})),
    }
    speeds: dict[str, float] = {}
    # CPU ms of each page of the mix through every core: the heavy pages make the tail latency.
    per_page: dict[str, dict[str, float]] = {name: {} for name, _ in mix}
    try:
        for name, call in cases.items():
            done, started = 0, time.process_time()
            while time.process_time() - started < min_cpu_s:
                for i in range(len(pushes)):
                    t = time.process_time()
                    call(i)
                    page = per_page[mix[i % len(mix)][0]]
                    page[name] = min(page.get(name, float("inf")), (time.process_time() - t) * 1000)
                done += len(pushes)
            speeds[name] = done / (time.process_time() - started)
        done, started = 0, time.process_time()
        while time.process_time() - started < min_cpu_s:
            for i in range(0, len(pushes), batch):
                chunk = enriched[i : i + batch]
                store.upsert_many([a.model_copy(update={"id": f"{next(fresh)}-{j}"}) for j, a in enumerate(chunk)])
                done += len(chunk)
        speeds["store"] = done / (time.process_time() - started)
    finally:
        store.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return speeds, per_page


# ---- processes -------------------------------------------------------------------------
def cpu_seconds(pid: int) -> float:
    parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / CLK_TCK  # utime + stime


def server_cpu(client: redis.Redis) -> float:
    info = client.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


class Processes:
    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.procs: dict[str, subprocess.Popen] = {}

    def start(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - the child owns it
        self.procs[name] = subprocess.Popen(argv, env=env, stdout=log, stderr=log)

    def check(self) -> None:
        for name, p in self.procs.items():
            if p.poll() is not None:
                tail = (self.logs / f"{name}.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{name} exited with {p.returncode}:\n{tail}")

    def cpu(self) -> dict[str, float]:
        return {name: cpu_seconds(p.pid) for name, p in self.procs.items()}

    def stop(self) -> None:
        for p in self.procs.values():
            if p.poll() is None:
                p.terminate()
        for p in self.procs.values():
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()
        self.procs.clear()


# ---- the topologies --------------------------------------------------------------------
@dataclass
class Topology:
    name: str
    raw: str
    enriched: str
    stored: str
    key_field: str  # the output field naming the page
    push_key: bool  # the floor forwards fields as they are, so the push carries the key
    procs: Processes = field(repr=False, default=None)  # type: ignore[assignment]


def start_akhbar(procs: Processes, url: str, db_url: str, batch: int) -> Topology:
    env = {
        **os.environ, "REDIS_URL": url, "DATABASE_URL": db_url, "AKHBAR_BATCH_SIZE": str(batch),
        "AKHBAR_LOG_FORMAT": "json",
    }
    for s in streams.SERVICES:
        procs.start(s, [sys.executable, "-m", "akhbar.cli", "serve", s], env)
    return Topology("akhbar", streams.RAW, streams.ENRICHED, streams.STORED, "id", False, procs)


def start_floor(procs: Processes, url: str, batch: int) -> Topology:
    for i in range(4):
        procs.start(f"noop-{i}", [sys.executable, __file__, "--floor-stage", str(i), "--redis-url", url, "--batch", str(batch)], dict(os.environ))
    return Topology("floor", FLOOR[0], FLOOR[3], FLOOR[4], "key", True, procs)


def floor_stage(url: str, index: int, batch: int) -> None:
    """One no-op stage: read a batch, forward every entry, acknowledge, in one MULTI/EXEC."""
    client = redis.Redis.from_url(url)
    source, target = FLOOR[index], FLOOR[index + 1]
    try:
        client.xgroup_create(source, FLOOR_GROUP, id="0", mkstream=True)
    except redis.ResponseError as e:
        if "BUSYGROUP" not in str(e):
            raise
    consumer = f"noop-{index}-{os.getpid()}"
    while True:
        reply = client.xreadgroup(FLOOR_GROUP, consumer, {source: ">"}, count=batch, block=1000)
        if not reply:
            continue
        entries = reply[0][1]
        pipe = client.pipeline(transaction=True)
        for _, fields in entries:
            pipe.xadd(target, fields)
        pipe.xack(source, FLOOR_GROUP, *(entry_id for entry_id, _ in entries))
        pipe.execute()


# ---- measuring -------------------------------------------------------------------------
def id_ms(entry_id: str | bytes) -> int:
    text = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    return int(text.split("-", 1)[0])


def push_all(client: redis.Redis, topo: Topology, pushes: list[Push]) -> dict[str, int]:
    """Pipelined XADDs, 50 a round trip; the key → push time (server ms) of each page."""
    sent: dict[str, int] = {}
    for start in range(0, len(pushes), 50):
        chunk = pushes[start:start + 50]
        pipe = client.pipeline(transaction=False)
        for p in chunk:
            pipe.xadd(topo.raw, {**p.fields, "key": p.key} if topo.push_key else p.fields)
        for p, entry_id in zip(chunk, pipe.execute(), strict=True):
            sent[p.key] = id_ms(entry_id)
    return sent


def push_paced(client: redis.Redis, topo: Topology, pushes: list[Push], rate: float) -> dict[str, int]:
    """One XADD per page at ``rate`` pages/s, on a fixed schedule (no drift)."""
    sent: dict[str, int] = {}
    t0 = time.perf_counter()
    for i, p in enumerate(pushes):
        delay = t0 + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        entry_id = client.xadd(topo.raw, {**p.fields, "key": p.key} if topo.push_key else p.fields)
        sent[p.key] = id_ms(entry_id)
    return sent


def arrivals(client: redis.Redis, stream: str, key_field: str, since_ms: int, keys: set[str]) -> dict[str, int]:
    """key → time (server ms) the page's entry appeared on ``stream``."""
    seen: dict[str, int] = {}
    start = f"{since_ms}-0"
    while True:
        batch = client.xrange(stream, min=start, max="+", count=500)
        for entry_id, fields in batch:
            key = fields.get(key_field.encode())
            if key is not None and key.decode() in keys:
                seen.setdefault(key.decode(), id_ms(entry_id))
        if len(batch) < 500:
            return seen
        last = batch[-1][0].decode()
        ms, seq = last.split("-")
        start = f"{ms}-{int(seq) + 1}"


def wait_done(client: redis.Redis, topo: Topology, expected: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if client.xlen(topo.stored) >= expected:
            return True
        topo.procs.check()
        time.sleep(0.05)
    return False


@dataclass
class Run:
    pages: int
    wall_s: float = 0.0
    enriched_per_s: float | None = None
    stored_per_s: float | None = None
    to_enriched: list[int] = field(default_factory=list)
    to_stored: list[int] = field(default_factory=list)
    cpu_ms_per_page: dict[str, float] = field(default_factory=dict)


def measure(client: redis.Redis, topo: Topology, pushes: list[Push], expected: int, paced: float | None, timeout: float) -> Run:
    cpu_before, server_before = topo.procs.cpu(), server_cpu(client)
    sent = push_paced(client, topo, pushes, paced) if paced else push_all(client, topo, pushes)
    finished = wait_done(client, topo, expected, timeout)
    cpu_after, server_after = topo.procs.cpu(), server_cpu(client)
    keys, first = set(sent), min(sent.values())
    enriched = arrivals(client, topo.enriched, topo.key_field, first, keys)
    stored = arrivals(client, topo.stored, topo.key_field, first, keys)
    run = Run(len(pushes), wall_s=(max(stored.values(), default=first) - first) / 1000)
    if not finished:
        print(f"  ! {topo.name}: only {len(stored)} of {len(pushes)} stored within {timeout:.0f} s", file=sys.stderr)
    if enriched:
        run.enriched_per_s = len(enriched) / max((max(enriched.values()) - first) / 1000, 1e-3)
    if stored:
        run.stored_per_s = len(stored) / max((max(stored.values()) - first) / 1000, 1e-3)
    run.to_enriched = sorted(enriched[k] - sent[k] for k in enriched)
    run.to_stored = sorted(stored[k] - sent[k] for k in stored)
    run.cpu_ms_per_page = {n: (cpu_after[n] - cpu_before[n]) * 1000 / len(pushes) for n in cpu_after}
    run.cpu_ms_per_page["redis"] = (server_after - server_before) * 1000 / len(pushes)
    return run


def percentile(values: list[int], q: float) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def run_topology(client, topo, mix, args, tag: str) -> tuple[Run, dict[float, Run]]:
    expected = 0
    warm = make_pushes(mix, args.warmup, f"{tag}-warm")  # model loading, connections, first group reads
    print(f"  {topo.name}: warming up with {len(warm)} pages", file=sys.stderr)
    expected += len(warm)
    measure(client, topo, warm, expected, None, timeout=300)
    print(f"  {topo.name}: burst of {args.n} pages", file=sys.stderr)
    burst_pushes = make_pushes(mix, args.n, f"{tag}-burst")
    expected += len(burst_pushes)
    burst = measure(client, topo, burst_pushes, expected, None, timeout=max(120, args.n))
    steady = {}
    for rate in args.rate:
        pushes = make_pushes(mix, int(rate * args.seconds), f"{tag}-steady-{rate:g}")
        print(f"  {topo.name}: {len(pushes)} pages at {rate:g}/s", file=sys.stderr)
        expected += len(pushes)
        steady[rate] = measure(client, topo, pushes, expected, rate, timeout=args.seconds + 300)
    return burst, steady


# ---- report ----------------------------------------------------------------------------
def fmt(value: float | None, spec: str = ".0f") -> str:
    return "—" if value is None else format(value, spec)


def report(args, mix, cores, per_page, results, load) -> None:
    akhbar_b, akhbar_s = results["akhbar"]
    floor_b, floor_s = results["floor"]
    cpus = os.cpu_count() or 1
    print(f"\nakhbar pipeline benchmark · {cpus} CPUs · load average before/after {load[0]:.1f}/{load[1]:.1f}")
    sizes = [len(c.encode()) for _, c in mix]
    print(
        f"pages: {len(mix)} distinct ({min(sizes) // 1000}–{max(sizes) // 1000} KB, "
        f"mean {statistics.mean(sizes) / 1000:.0f} KB), batch size {args.batch}"
    )
    print("\nstandalone core (one process, no Redis)   pages per CPU-second")
    for name, speed in cores.items():
        how = f"   upsert_many, batches of {args.batch}" if name == "store" else ""
        print(f"  {name:<8} {speed:>8.0f}   ({1000 / speed:.1f} ms/page){how}")
    slowest_speed, slowest = min((s, n) for n, s in cores.items())
    print("\nheaviest pages, core CPU ms (best of the repeats)  " + "".join(f"{n:>8}" for n in cores) + "   total")
    heavy = sorted(per_page.items(), key=lambda kv: -sum(kv[1].values()))[:3]
    for name, ms in heavy:
        print(f"  {name[:46]:<47}" + "".join(f"{ms[n]:>8.1f}" for n in cores) + f"{sum(ms.values()):>8.1f}")

    print(f"\nburst of {args.n} pages                  akhbar   floor   floor/akhbar")
    for label, a, f in (
        ("push → enriched, pages/s", akhbar_b.enriched_per_s, floor_b.enriched_per_s),
        ("push → stored, pages/s", akhbar_b.stored_per_s, floor_b.stored_per_s),
    ):
        ratio = f / a if a and f else None
        print(f"  {label:<32} {fmt(a):>7} {fmt(f):>7}   {fmt(ratio, '.1f')}×")

    print(f"\nsteady rate for {args.seconds:g} s, latency ms      akhbar p50/p99   floor p50/p99")
    for rate in args.rate:
        a, f = akhbar_s[rate], floor_s[rate]
        for label, av, fv in (
            ("push → enriched", a.to_enriched, f.to_enriched),
            ("push → stored", a.to_stored, f.to_stored),
        ):
            print(
                f"  {rate:>4g}/s {label:<24} {fmt(percentile(av, 0.5)):>6} / {fmt(percentile(av, 0.99)):<6}"
                f"   {fmt(percentile(fv, 0.5)):>5} / {fmt(percentile(fv, 0.99))}"
            )

    print("\nCPU ms per page during the burst        " + "".join(f"{n:>8}" for n in (*streams.SERVICES, "redis", "total")))
    akhbar_cpu = [akhbar_b.cpu_ms_per_page[s] for s in streams.SERVICES] + [akhbar_b.cpu_ms_per_page["redis"]]
    floor_cpu = list(floor_b.cpu_ms_per_page.values())
    print("  akhbar service processes            " + "".join(f"{v:>8.1f}" for v in (*akhbar_cpu, sum(akhbar_cpu))))
    print("  core alone (from above)             " + "".join(f"{1000 / cores[s]:>8.1f}" for s in streams.SERVICES))
    print("  floor no-op processes               " + "".join(f"{v:>8.1f}" for v in (*floor_cpu, sum(floor_cpu))))
    # The machine may be shared: what we measured depends on the CPU we were given. The CPU
    # spent per page does not, so it also gives what the same pipeline does on idle CPUs.
    used = sum(akhbar_cpu) * akhbar_b.pages / 1000 / akhbar_b.wall_s if akhbar_b.wall_s else None
    capacity = min(cpus * 1000 / sum(akhbar_cpu), *(1000 / akhbar_b.cpu_ms_per_page[s] for s in streams.SERVICES))
    print(f"  CPUs the pipeline got during the burst: {fmt(used, '.2f')} of {cpus}")
    print(f"  CPU-bound capacity on {cpus} idle CPUs, one replica each: {capacity:.0f} pages/s")

    print("\ntargets")
    e2e = akhbar_b.stored_per_s
    for label, value in (("measured", e2e), ("CPU-bound capacity", capacity)):
        met = value is not None and value * 2 >= slowest_speed
        print(
            f"  end-to-end {label} {fmt(value)} pages/s vs slowest core ({slowest}) "
            f"{slowest_speed:.0f}/CPU-s: within 2×? {'yes' if met else 'NO'}"
        )
    for rate in args.rate:
        p99 = percentile(akhbar_s[rate].to_stored, 0.99)
        ok = p99 is not None and p99 < 100
        print(f"  p99 push → stored at {rate:g} pages/s: {fmt(p99)} ms; under 100 ms? {'yes' if ok else 'NO'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="pages in the burst (long enough that filling and draining the pipeline are a small part)")
    ap.add_argument(
        "--rate", type=float, action="append", help="pages/s of a steady phase (repeatable; default 50)"
    )
    ap.add_argument("--seconds", type=float, default=20, help="length of the steady phase")
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--batch", type=int, default=16, help="AKHBAR_BATCH_SIZE, and the floor's COUNT")
    ap.add_argument("--core-cpu-s", type=float, default=3.0, help="CPU seconds per core measurement")
    ap.add_argument("--redis-url", default=os.environ.get("REDIS_URL"))
    ap.add_argument("--database-url", default=None)
    ap.add_argument("--floor-stage", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.rate = args.rate or [50.0]
    if args.floor_stage is not None:
        floor_stage(args.redis_url, args.floor_stage, args.batch)
        return

    work = Path(tempfile.mkdtemp(prefix="akhbar-bench-pipeline-"))
    server = None
    url = args.redis_url
    if not url:
        from akhbar.shared.embedded import EmbeddedValkey

        server = EmbeddedValkey(work, persist=False)
        url = server.start()
    client = redis.Redis.from_url(url)
    load_before = os.getloadavg()[0]
    try:
        clean(client)
        mix = page_mix()
        print(f"measuring the standalone cores on {len(mix)} pages", file=sys.stderr)
        cores, per_page = core_speeds(mix, args.core_cpu_s, args.batch)
        results = {}
        for tag, starter in (
            ("floor", lambda p: start_floor(p, url, args.batch)),
            ("akhbar", lambda p: start_akhbar(p, url, args.database_url or f"sqlite:///{work / 'akhbar.db'}", args.batch)),
        ):
            procs = Processes(work)
            try:
                topo = starter(procs)
                results[tag] = run_topology(client, topo, mix, args, f"{tag}-{uuid.uuid4().hex[:8]}")
            finally:
                procs.stop()
        report(args, mix, cores, per_page, results, (load_before, os.getloadavg()[0]))
        print(f"\nservice logs: {work}", file=sys.stderr)
    finally:
        clean(client)
        client.close()
        if server is not None:
            server.stop()


def clean(client: redis.Redis) -> None:
    keys = list(client.scan_iter(match=streams.all_keys_pattern(), count=1000))
    if keys:
        client.delete(*keys)


if __name__ == "__main__":
    main()
