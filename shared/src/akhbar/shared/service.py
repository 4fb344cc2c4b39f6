"""Builds a stage's FastStream app: the subscriber, the publishers, and its upkeep.

FastStream reads new entries in small batches; ``ReliableStage`` does the rest. A
background task reclaims stale pending entries, recreates a lost group, trims what every
group has finished with, and updates the lag gauges.
"""

import asyncio
import contextlib
import gc
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import structlog
from faststream import AckPolicy, FastStream
from faststream.redis import StreamSub
from faststream.specification import AsyncAPI
from pydantic import BaseModel
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from akhbar.shared import streams
from akhbar.shared.broker import make_broker, make_client
from akhbar.shared.embedded import resolve_redis_url
from akhbar.shared.logging import configure_logging
from akhbar.shared.reliable import BatchHandler, Handler, RedisSink, ReliableStage, Sink
from akhbar.shared.retention import trim_finished
from akhbar.shared.schemas import DeadLetter
from akhbar.shared.settings import Settings, get_settings
from akhbar.shared.wire import DATA, FASTSTREAM_DATA

log = structlog.get_logger("akhbar.service")

@dataclass(frozen=True)
class Retention:
    """How long a stage's streams keep entries for readers outside akhbar (``enriched_retention_hours``).

    Every stage trims its input of what all its groups have finished with. ``input``: the
    input stream also keeps entries younger than the retention (downstream consumers read
    it too). ``output``: the stage also trims its output, which no akhbar stage reads, of
    entries older than the retention that every group there has finished with.
    """

    input: bool = False
    output: bool = False


@dataclass(frozen=True, kw_only=True)
class StageSpec:
    """What makes one stage: its name, its core, its message types."""

    service: str
    handler: Handler
    consumes: type[BaseModel]
    produces: type[BaseModel]
    description: str
    batch_handler: BatchHandler | None = None
    warmup: Callable[[], object] | None = None
    """Loads what the core needs (a model, a connection) before the first entry is read."""
    retention: Retention = Retention()
    also_produces: dict[str, type[BaseModel]] = field(default_factory=dict)
    """The message type of each stream the stage writes besides its output, in the same
    transaction (``Processed.also``); kept like the output."""


@dataclass
class _Runtime:
    """What a running stage holds between FastStream's start-up and shutdown hooks."""

    sink: Sink | None
    client: Redis | None = None
    settled: bool = False
    stop: asyncio.Event | None = None
    tasks: list[asyncio.Task] = field(default_factory=list)


def build_app(spec: StageSpec, settings: Settings | None = None, sink: Sink | None = None) -> FastStream:
    """The FastStream app of one service. ``sink`` replaces Redis in unit tests."""
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format)
    if settings.redis_cluster:
        streams.check_cluster_ready()
    url = resolve_redis_url(settings, start=True)
    broker = make_broker(url, cluster=settings.redis_cluster, apply_types=False)
    stage = ReliableStage(
        spec.service, spec.handler, settings, batch_handler=spec.batch_handler,
        also=tuple(spec.also_produces),
    )
    run = _Runtime(sink=sink)

    broker.publisher(
        stage.output, schema=spec.produces, title=f"{stage.output}:publish",
        description=f"Published by {spec.service} for every entry it handled.",
    )
    for stream in stage.also:
        broker.publisher(
            stream, schema=spec.also_produces[stream], title=f"{stream}:publish",
            description=f"Published by {spec.service} beside {stage.output}, in the same transaction.",
        )
    broker.publisher(
        stage.dlq, schema=DeadLetter, title=f"{stage.dlq}:publish",
        description=f"Entries {spec.service} gave up on, with the reason (replay: akhbar dlq replay {spec.service}).",
    )

    # The AsyncAPI document shows the payload schema from this annotation (evaluated here:
    # this module has no postponed annotations); entries are validated by the stage, one by
    # one, so that one bad entry never fails its batch.
    async def on_batch(body: list[spec.consumes]) -> None:  # type: ignore[name-defined]
        message = broker.context.get_local("message")
        raw = message.raw_message
        ids = raw.get("message_ids") or [f"local-{i}" for i in range(len(raw["data"]))]
        entries = []
        for i, fields in enumerate(raw["data"]):
            if FASTSTREAM_DATA.encode() in fields or FASTSTREAM_DATA in fields:
                # Published through FastStream (its own envelope): FastStream decoded it.
                fields = {DATA: json.dumps(body[i], ensure_ascii=False)}
            entries.append((ids[i], fields))
        assert run.sink is not None  # set at start-up, before FastStream subscribes
        await stage.process(run.sink, entries)
        # Again after the first batch: ingest and parse have no warm-up, and a core may
        # build more for good on its first real input (caches, compiled patterns).
        if not run.settled:
            run.settled = True
            settle_heap()

    broker.subscriber(
        stream=StreamSub(
            stage.input, group=stage.group, consumer=stage.consumer, batch=True,
            max_records=settings.batch_size, polling_interval=settings.poll_ms,
        ),
        ack_policy=AckPolicy.MANUAL,
        parser=_tolerant_parser,
        title=f"{stage.input}:{spec.service}",
        description=spec.description,
    )(on_batch)

    app = FastStream(
        broker,
        logger=None,
        specification=AsyncAPI(title=f"akhbar {spec.service}", version="0.1.0", description=spec.description),
    )

    @app.on_startup
    async def connect_upkeep() -> None:
        if settings.metrics_port:
            from prometheus_client import start_http_server

            # /metrics doubles as the liveness probe of compose's healthcheck.
            start_http_server(settings.metrics_port)
        run.client = make_client(url, settings.redis_cluster)
        # Before FastStream subscribes: the group reads from the stream's start.
        await stage.ensure_group(run.client)
        if run.sink is None:
            run.sink = RedisSink(run.client, stage.input, stage.group)
        if spec.warmup is not None:
            # The first page should not pay for loading the model; and frozen now, what was
            # loaded stays out of the collector's way from the first batch on.
            try:
                await asyncio.to_thread(spec.warmup)
            except Exception as e:  # noqa: BLE001 - the first entry will load it again, or fail and retry
                log.warning("warmup_failed", service=spec.service, error=str(e))
            settle_heap()

    @app.after_startup
    async def start_upkeep() -> None:
        assert run.client is not None and run.sink is not None
        run.stop = asyncio.Event()
        run.tasks = [
            asyncio.create_task(_upkeep(stage, spec.retention, run.client, run.sink, settings, run.stop)),
            asyncio.create_task(_report(stage, run.client, settings, run.stop)),
        ]
        log.info("service_started", service=spec.service, consumer=stage.consumer, redis=_safe(url))

    @app.on_shutdown
    async def stop_upkeep() -> None:
        if run.stop is not None:
            run.stop.set()
            for task in run.tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(task, timeout=settings.maintenance_interval_s + 10)

    @app.after_shutdown
    async def release() -> None:
        if run.client is not None:
            with contextlib.suppress(Exception):
                await stage.release_pending(run.client)
            with contextlib.suppress(Exception):
                await run.client.hdel(streams.STATUS, stage.consumer)
            await run.client.aclose()
        log.info("service_stopped", service=spec.service, consumer=stage.consumer)

    return app


def settle_heap() -> None:
    """Take what the process keeps for good out of the garbage collector's full passes.

    After the first batch a stage has loaded what it holds for its lifetime (modules, schemas,
    the entity model and gazetteer): over 100,000 tracked objects that every full collection
    walks again. In enrich that was a 60-80 ms pause about once per 30 pages, most of its p99
    latency; frozen, a full pass over what is left takes about 1 ms. Frozen objects are still
    freed by reference counting; only cycles among them would outlive the process's need.
    """
    gc.collect()
    gc.freeze()


async def _tolerant_parser(msg: dict[str, Any], original: Any) -> Any:
    """FastStream's parser, minus the work the stage does not use, and tolerant of bad bytes.

    The stage judges each entry from the raw message (``raw_message``); FastStream's decoded
    body is only needed for entries in FastStream's own envelope (``__data__``). For a batch
    of plain entries FastStream would JSON-decode every entry, JSON-encode the whole batch
    and decode it again: three passes over every page, most of a stage's overhead (about
    a third of parse's CPU with 100 KB pages). Such a batch is handed to FastStream as empty
    entries, one per id, and the raw message is put back. Entries that are not UTF-8 are
    dead-lettered one by one by the stage, with the offending field named.
    """
    if not any(_ENVELOPE_KEYS & fields.keys() for fields in msg["data"]):
        parsed = await original({**msg, "data": [{} for _ in msg["data"]]})
        parsed.raw_message = msg
        return parsed
    try:
        return await original(msg)
    except (UnicodeDecodeError, ValueError):
        lossy = {**msg, "data": [_lossy(fields) for fields in msg["data"]]}
        parsed = await original(lossy)
        parsed.raw_message = msg
        return parsed


_ENVELOPE_KEYS = {FASTSTREAM_DATA, FASTSTREAM_DATA.encode()}


def _lossy(fields: dict[Any, Any]) -> dict[Any, Any]:
    return {k: v.decode("utf-8", "replace").encode() if isinstance(v, bytes) else v for k, v in fields.items()}


async def _upkeep(
    stage: ReliableStage, retention: Retention, client: Redis, sink: Sink, settings: Settings, stop: asyncio.Event
) -> None:
    keep = settings.enriched_retention_hours * 3600
    while not stop.is_set():
        try:
            await stage.ensure_group(client)
            await stage.reclaim(client, sink)
            await trim_finished(client, stage.input, keep if retention.input else None)
            if retention.output:
                for stream in (stage.output, *stage.also):
                    await trim_finished(client, stream, keep)
            await stage.observe(client)
        except (RedisConnectionError, RedisTimeoutError, OSError) as e:
            log.warning("redis_unavailable", service=stage.service, error=str(e))
        except Exception:  # noqa: BLE001 - upkeep must outlive any one failure
            log.exception("upkeep_failed", service=stage.service)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=settings.maintenance_interval_s)


async def _report(stage: ReliableStage, client: Redis, settings: Settings, stop: asyncio.Event) -> None:
    """Publish this consumer's state (working, or stalled and why) for ``akhbar stats``.

    Its own task, so a stage stalled inside a reclaim still reports. A consumer that stops
    reporting (killed) is shown as not seen for a while; a clean shutdown removes it.
    """
    while not stop.is_set():
        try:
            await client.hset(streams.STATUS, stage.consumer, json.dumps(stage.status()))
        except (RedisConnectionError, RedisTimeoutError, OSError):
            pass  # Redis down: upkeep says so, and stats cannot read it anyway
        except Exception:  # noqa: BLE001 - reporting must outlive any one failure
            log.exception("report_failed", service=stage.service)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=min(settings.maintenance_interval_s, 2.0))


def _safe(url: str) -> str:
    # Never log a password.
    if "@" in url:
        scheme, _, rest = url.partition("://")
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
