"""At-least-once stream processing with bounded retries and a dead-letter stream.

FastStream 0.7 reads new entries for us; everything that makes delivery reliable lives
here, because FastStream on Redis does not do it (a killed consumer's entries stay pending
forever, ``nack()`` does nothing, there is no delivery count and no dead-letter stream):

* each entry is handled on its own, so one bad entry never fails its batch-mates;
* outputs, dead letters and the XACK of the inputs go out in one MULTI/EXEC, so a crash
  either publishes and acknowledges an entry or does neither;
* an entry that failed stays pending and is reclaimed (XAUTOCLAIM) once idle, by this or any
  other replica, with its delivery count; after ``max_deliveries`` it is dead-lettered;
* an entry that can never succeed (undecodable, schema violation) is dead-lettered at once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import structlog
from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from akhbar.shared import metrics, streams
from akhbar.shared.broker import ensure_group
from akhbar.shared.schemas import DeadLetter
from akhbar.shared.settings import Settings
from akhbar.shared.wire import WireError, decode_fields, encode, text

log = structlog.get_logger("akhbar.stage")


class PermanentError(ValueError):
    """The message can never succeed, however often it is retried."""


class Unavailable(RuntimeError):
    """Something the core needs is down (the database): the entry itself is fine.

    The stage does not count it as a failed delivery. It keeps the entry, waits with growing
    pauses and tries again until the dependency answers, reading nothing new meanwhile.
    """

    def __init__(self, dependency: str, detail: str) -> None:
        super().__init__(f"{dependency} unavailable: {detail}")
        self.dependency = dependency
        self.detail = detail


@dataclass
class Processed:
    """What a stage's core made of one entry."""

    output: BaseModel
    key: str
    log: dict[str, Any] = field(default_factory=dict)
    # Messages for the stage's other streams (``StageSpec.also_produces``), committed with
    # the output, in the same transaction.
    also: list[tuple[str, BaseModel]] = field(default_factory=list)


Handler = Callable[[dict[str, str]], Processed]
"""Pure function from an entry's fields to its output; raises to fail the entry."""

BatchHandler = Callable[[list[dict[str, str]]], list[Processed]]
"""Optional: handles a whole batch at once, all or nothing (one output per entry, in order).

For stages whose cost is per call rather than per entry (the store's one transaction per
commit). If it raises, the batch is handled again entry by entry with ``Handler``, so one bad
entry still fails alone; it must therefore have no effect when it raises.
"""


class Sink(Protocol):
    async def commit(self, adds: list[tuple[str, dict[str, str]]], acks: list[str]) -> None: ...


class RedisSink:
    """Publishes and acknowledges in one transaction."""

    def __init__(self, client: Redis, input_stream: str, group: str) -> None:
        self.client = client
        self.input_stream = input_stream
        self.group = group

    async def commit(self, adds: list[tuple[str, dict[str, str]]], acks: list[str]) -> None:
        if not adds and not acks:
            return
        async with self.client.pipeline(transaction=True) as pipe:
            for stream, fields in adds:
                pipe.xadd(stream, fields)
            if acks:
                pipe.xack(self.input_stream, self.group, *acks)
            await pipe.execute()

    async def touch(self, ids: list[str], consumer: str) -> None:
        """Reset the idle time of entries still being worked on, so no replica reclaims them."""
        await self.client.xclaim(self.input_stream, self.group, consumer, min_idle_time=0, message_ids=ids, justid=True)


@dataclass
class BatchResult:
    ok: int = 0
    retry: int = 0
    dead: int = 0


class ReliableStage:
    def __init__(
        self,
        service: str,
        handler: Handler,
        settings: Settings,
        consumer: str | None = None,
        batch_handler: BatchHandler | None = None,
        also: tuple[str, ...] = (),
    ) -> None:
        self.service = service
        self.handler = handler
        self.batch_handler = batch_handler
        self.settings = settings
        self.input = streams.INPUT[service]
        self.output = streams.OUTPUT[service]
        # Streams the stage writes besides its output (``StageSpec.also_produces``).
        self.also = also
        self.dlq = streams.dlq(service)
        self.group = streams.group(service)
        self.consumer = consumer or settings.consumer_name(service)
        # Entries this process is handling right now; any other entry pending under our own
        # name has failed, lost its commit to a dropped connection, or was held by a previous
        # process with the same name, and is reclaimed once idle.
        self._in_flight: set[str] = set()
        self.stalled: Unavailable | None = None
        """Why the stage is waiting now (a dependency is down), or None while it works."""
        self.stalled_since: float | None = None

    # ---- one batch -------------------------------------------------------------------
    async def process(
        self,
        sink: Sink,
        entries: list[tuple[Any, dict[Any, Any]]],
        deliveries: dict[str, int] | None = None,
    ) -> BatchResult:
        """Handle a batch of entries; commit outputs, dead letters and acks together."""
        deliveries = deliveries or {}
        ids = [text(e) for e, _ in entries]
        self._in_flight.update(ids)
        try:
            return await self._process(sink, entries, deliveries, ids)
        finally:
            self._in_flight.difference_update(ids)

    async def _process(self, sink: Sink, entries, deliveries: dict[str, int], ids: list[str]) -> BatchResult:
        # The core is CPU-bound (parsing, tagging): keep the event loop free for reclaims
        # and for the heartbeat that keeps a slow batch, or one waiting out an outage, from
        # being reclaimed under our feet.
        heartbeat = asyncio.create_task(self._heartbeat(sink, ids))
        result = BatchResult()
        pause = self.settings.outage_backoff_min_s
        try:
            while entries:
                outcomes = await asyncio.to_thread(self._handle_all, entries, deliveries)
                waiting = {eid for eid, o in outcomes if isinstance(o, Unavailable)}
                await self._commit(sink, [(eid, o) for eid, o in outcomes if eid not in waiting], result)
                if not waiting:
                    break
                # The same entries again, after a pause: no new delivery, so none is spent.
                outage = next(o for eid, o in outcomes if eid in waiting)
                self._stall(outage)
                await asyncio.sleep(pause)
                pause = min(pause * 2, self.settings.outage_backoff_max_s)
                entries = [(e, raw) for e, raw in entries if text(e) in waiting]
        finally:
            heartbeat.cancel()
        self._resume()
        return result

    async def _commit(self, sink: Sink, outcomes, result: BatchResult) -> None:
        adds: list[tuple[str, dict[str, str]]] = []
        acks: list[str] = []
        for entry_id, outcome in outcomes:
            if isinstance(outcome, Processed):
                adds.append((self.output, encode(outcome.output, outcome.key)))
                adds.extend((stream, encode(message, outcome.key)) for stream, message in outcome.also)
                acks.append(entry_id)
                result.ok += 1
            elif isinstance(outcome, DeadLetter):
                adds.append((self.dlq, _dead_fields(outcome)))
                acks.append(entry_id)
                result.dead += 1
            else:
                result.retry += 1
        pause = self.settings.outage_backoff_min_s
        while True:
            try:
                await sink.commit(adds, acks)
                break
            except (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError) as e:
                # Redis went away with the results in hand: keep them and commit once it is
                # back (if the lost reply hid a commit that happened, outputs repeat, which
                # every stage tolerates by id; nothing is lost and no delivery is spent).
                self._stall(Unavailable("redis", _describe(e)))
                await asyncio.sleep(pause)
                pause = min(pause * 2, self.settings.outage_backoff_max_s)
        for entry_id, outcome in outcomes:
            self._log_outcome(entry_id, outcome)

    def _stall(self, outage: Unavailable) -> None:
        if self.stalled is None:
            self.stalled_since = time.time()
            log.warning("stalled", service=self.service, dependency=outage.dependency, error=outage.detail)
        elif self.stalled.dependency != outage.dependency:
            metrics.STALLED.labels(self.service, self.stalled.dependency).set(0)
        self.stalled = outage
        metrics.STALLED.labels(self.service, outage.dependency).set(1)

    def _resume(self) -> None:
        if self.stalled is None:
            return
        log.info("resumed", service=self.service, dependency=self.stalled.dependency,
                 stalled_s=round(time.time() - (self.stalled_since or time.time()), 1))
        metrics.STALLED.labels(self.service, self.stalled.dependency).set(0)
        self.stalled = None
        self.stalled_since = None

    async def _heartbeat(self, sink: Sink, ids: list[str]) -> None:
        touch = getattr(sink, "touch", None)
        if touch is None or not ids:
            return
        while True:
            await asyncio.sleep(self.settings.claim_idle_ms / 3000)
            try:
                await touch(ids, self.consumer)
            except Exception as e:  # noqa: BLE001 - a missed beat only risks a duplicate, never a loss
                log.warning("heartbeat_failed", service=self.service, error=str(e))

    def _handle_all(self, entries, deliveries) -> list[tuple[str, Processed | DeadLetter | Exception]]:
        """Each entry's outcome: its output, its dead letter, an error to retry, or Unavailable."""
        if self.batch_handler is not None and len(entries) > 1:
            together = self._handle_together(entries)
            if together is not None:
                return together
        return [(text(eid), self._handle_one(text(eid), raw, deliveries.get(text(eid), 1))) for eid, raw in entries]

    def _handle_together(self, entries) -> list[tuple[str, Processed]] | None:
        """The batch through ``batch_handler``; None if it failed (then it goes one by one)."""
        started = time.perf_counter()
        try:
            outs = self.batch_handler([decode_fields(raw) for _, raw in entries])
            if len(outs) != len(entries):
                raise RuntimeError(f"batch handler gave {len(outs)} outputs for {len(entries)} entries")
        except Unavailable as e:
            return [(text(eid), e) for eid, _ in entries]  # no entry is at fault: all wait
        except Exception as e:  # noqa: BLE001 - the entries are retried one by one right away
            log.info("batch_split", service=self.service, size=len(entries), error=_describe(e))
            return None
        share = (time.perf_counter() - started) / len(entries)
        for out in outs:
            out.log["ms"] = round(share * 1000, 2)
            out.log["batch"] = len(entries)
            metrics.DURATION.labels(self.service).observe(share)
        return [(text(eid), out) for (eid, _), out in zip(entries, outs, strict=True)]

    def _handle_one(self, entry_id: str, raw: dict[Any, Any], delivery: int):
        started = time.perf_counter()
        fields: dict[str, str] = {}
        try:
            fields = decode_fields(raw)
            out = self.handler(fields)
            out.log["ms"] = round((time.perf_counter() - started) * 1000, 2)
            return out
        except (PermanentError, WireError, ValidationError) as e:
            return self._dead(entry_id, raw, fields, e, delivery, "invalid")
        except Unavailable as e:
            return e
        except Exception as e:  # noqa: BLE001 - any failure of the core is retried, then dead-lettered
            if delivery >= self.settings.max_deliveries:
                return self._dead(entry_id, raw, fields, e, delivery, "retries_exhausted")
            e.__akhbar_delivery__ = delivery  # type: ignore[attr-defined]
            return e
        finally:
            metrics.DURATION.labels(self.service).observe(time.perf_counter() - started)

    def _dead(self, entry_id, raw, fields, error: Exception, delivery: int, reason: str) -> DeadLetter:
        entry = fields or {text(k): text(v, lossy=True) for k, v in raw.items()}
        return DeadLetter(
            service=self.service,
            stream=self.input,
            entry_id=entry_id,
            entry=entry,
            error=_describe(error),
            reason=reason,
            traceback="".join(traceback.format_exception(error, limit=-3))[-4000:],
            deliveries=delivery,
            failed_at=dt.datetime.now(dt.UTC),
        )

    def _log_outcome(self, entry_id: str, outcome) -> None:
        if isinstance(outcome, Processed):
            metrics.MESSAGES.labels(self.service, "ok").inc()
            log.info("processed", service=self.service, entry_id=entry_id, key=outcome.key, outcome="ok", **outcome.log)
        elif isinstance(outcome, DeadLetter):
            metrics.MESSAGES.labels(self.service, "dead").inc()
            log.warning(
                "dead_lettered", service=self.service, entry_id=entry_id, outcome="dead",
                reason=outcome.reason, error=outcome.error, deliveries=outcome.deliveries,
            )
        else:
            metrics.MESSAGES.labels(self.service, "retry").inc()
            log.warning(
                "failed_will_retry", service=self.service, entry_id=entry_id, outcome="retry",
                error=_describe(outcome), delivery=getattr(outcome, "__akhbar_delivery__", 1),
            )

    # ---- recovery ----------------------------------------------------------------------
    async def ensure_group(self, client: Redis) -> None:
        # From "0", not "$": pages pushed before the first service start are not skipped.
        await ensure_group(client, self.input, self.group, "0")

    async def reclaim(self, client: Redis, sink: Sink | None = None) -> int:
        """Claim and process entries idle past ``claim_idle_ms`` that nobody is working on.

        That is: entries of any other consumer (dead or alive), and entries of our own
        consumer name that this process is not handling right now (they failed, their commit
        was lost with the connection, or a previous process with the same name held them: a
        restarted container keeps its hostname and often its pid). Entries in flight here are
        left alone, so a slow batch is never processed twice by its own worker.
        """
        if self.stalled is not None:
            return 0  # what we claimed would only wait too; it stays claimable by others
        sink = sink or RedisSink(client, self.input, self.group)
        start, total = "-", 0
        page = max(self.settings.batch_size * 4, 64)
        while True:
            rows = await client.xpending_range(
                self.input, self.group, min=start, max="+", count=page, idle=self.settings.claim_idle_ms
            )
            if not rows:
                return total
            wanted = {
                text(r["message_id"]): int(r["times_delivered"]) + 1
                for r in rows
                if text(r["consumer"]) != self.consumer or text(r["message_id"]) not in self._in_flight
            }
            if wanted:
                ids = list(wanted)
                # XCLAIM re-checks the idle time, so two replicas never both win an entry;
                # entries deleted meanwhile are dropped from the pending list by the server.
                claimed = await client.xclaim(
                    self.input, self.group, self.consumer, min_idle_time=self.settings.claim_idle_ms,
                    message_ids=ids,
                )
                claimed = [(eid, f) for eid, f in claimed if f]
                for i in range(0, len(claimed), self.settings.batch_size):
                    chunk = claimed[i : i + self.settings.batch_size]
                    await self.process(sink, chunk, {text(e): wanted[text(e)] for e, _ in chunk})
                total += len(claimed)
                metrics.RECLAIMED.labels(self.service).inc(len(claimed))
            if len(rows) < page:
                return total
            start = "(" + text(rows[-1]["message_id"])

    async def release_pending(self, client: Redis) -> int:
        """On shutdown: make what this consumer still holds claimable by any replica at once."""
        rows = await client.xpending_range(
            self.input, self.group, min="-", max="+", count=10_000, consumername=self.consumer
        )
        ids = [r["message_id"] for r in rows]
        if ids:
            await client.xclaim(
                self.input, self.group, self.consumer, min_idle_time=0, message_ids=ids,
                idle=self.settings.claim_idle_ms, justid=True,
            )
        else:
            await client.xgroup_delconsumer(self.input, self.group, self.consumer)
        return len(ids)

    def status(self) -> dict[str, Any]:
        """This consumer's state for ``akhbar stats``: working, or stalled and on what."""
        now = time.time()
        report: dict[str, Any] = {"service": self.service, "consumer": self.consumer, "state": "working", "updated": now}
        if self.stalled is not None:
            report.update(state="stalled", dependency=self.stalled.dependency, reason=self.stalled.detail,
                          since=self.stalled_since)
        return report

    async def observe(self, client: Redis) -> None:
        for g in await client.xinfo_groups(self.input):
            if text(g["name"]) == self.group:
                metrics.PENDING.labels(self.service).set(g.get("pending") or 0)
                metrics.LAG.labels(self.service).set(g.get("lag") or 0)


def _dead_fields(dead: DeadLetter) -> dict[str, str]:
    fields = encode(dead)
    # Flat copies so `redis-cli XRANGE akhbar:dlq:<service>` is readable without decoding.
    fields.update(reason=dead.reason, error=dead.error[:500], entry_id=dead.entry_id, deliveries=str(dead.deliveries))
    return fields


def _describe(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        parts = [f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in error.errors()[:5]]
        return f"schema violation: {'; '.join(parts)}"
    return f"{type(error).__name__}: {error}"
