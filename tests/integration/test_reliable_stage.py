"""ReliableStage against a real Redis/Valkey server: acks, retries, dead letters, reclaim."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from redis.asyncio import Redis

from akhbar.shared import streams
from akhbar.shared.broker import SelfHealingRedis
from akhbar.shared.reliable import PermanentError, Processed, RedisSink, ReliableStage
from akhbar.shared.retention import trim_finished
from akhbar.shared.schemas import ArticleStored
from akhbar.shared.settings import Settings

pytestmark = pytest.mark.integration


def _settings(**kw) -> Settings:
    base = {"batch_size": 10, "max_deliveries": 3, "claim_idle_ms": 100}
    return Settings(**(base | kw))


def _handler(poison: set[str] = frozenset(), invalid: set[str] = frozenset()):
    def handle(fields: dict[str, str]) -> Processed:
        key = fields["key"]
        if key in invalid:
            raise PermanentError(f"{key} can never work")
        if key in poison:
            raise RuntimeError(f"core failed on {key}")
        import datetime as dt

        return Processed(ArticleStored(article_id=key, created=True, stored_at=dt.datetime.now(dt.UTC)), key)

    return handle


async def _read(client: Redis, stage: ReliableStage, consumer: str | None = None):
    reply = await client.xreadgroup(stage.group, consumer or stage.consumer, {stage.input: ">"}, count=100)
    return reply[0][1] if reply else []


@pytest.fixture
async def aclient(redis_url):
    c = SelfHealingRedis.from_url(redis_url)
    yield c
    await c.aclose()


async def _push(client: Redis, stream: str, keys: list[str]) -> None:
    for k in keys:
        await client.xadd(stream, {"key": k})


class TestReliableStage:
    async def test_batch_outputs_and_acks_commit_together(self, aclient):
        """Every handled entry is published downstream and acknowledged; nothing stays pending."""
        stage = ReliableStage("store", _handler(), _settings(), consumer="c1")
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["a", "b", "c"])
        result = await stage.process(RedisSink(aclient, stage.input, stage.group), await _read(aclient, stage))
        assert (result.ok, result.retry, result.dead) == (3, 0, 0)
        out = await aclient.xrange(stage.output)
        assert [json.loads(f[b"data"])["article_id"] for _, f in out] == ["a", "b", "c"]
        assert (await aclient.xpending(stage.input, stage.group))["pending"] == 0

    async def test_one_failing_entry_does_not_fail_its_batch_mates(self, aclient):
        """A failing entry stays pending for a retry while the rest of its batch goes through."""
        stage = ReliableStage("store", _handler(poison={"b"}), _settings(), consumer="c1")
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["a", "b", "c"])
        result = await stage.process(RedisSink(aclient, stage.input, stage.group), await _read(aclient, stage))
        assert (result.ok, result.retry) == (2, 1)
        assert (await aclient.xpending(stage.input, stage.group))["pending"] == 1

    async def test_batch_handler_takes_a_whole_batch_in_one_call(self, aclient):
        """A stage with a batch handler hands it the batch once; every entry is published and acked."""
        calls: list[list[str]] = []
        one_by_one = _handler()

        def together(batch):
            calls.append([f["key"] for f in batch])
            return [one_by_one(f) for f in batch]

        stage = ReliableStage("store", _handler(poison={"a", "b", "c"}), _settings(), consumer="c1",
                              batch_handler=together)
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["a", "b", "c"])
        result = await stage.process(RedisSink(aclient, stage.input, stage.group), await _read(aclient, stage))
        assert (result.ok, result.retry, result.dead) == (3, 0, 0)
        assert calls == [["a", "b", "c"]]
        out = await aclient.xrange(stage.output)
        assert [json.loads(f[b"data"])["article_id"] for _, f in out] == ["a", "b", "c"]
        assert (await aclient.xpending(stage.input, stage.group))["pending"] == 0

    async def test_failing_batch_handler_falls_back_to_entry_by_entry(self, aclient):
        """When the batch handler raises, each entry is handled alone: only the bad one fails."""
        one_by_one = _handler(poison={"b"}, invalid={"x"})

        def together(batch):
            return [one_by_one(f) for f in batch]

        stage = ReliableStage("store", one_by_one, _settings(), consumer="c1", batch_handler=together)
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["a", "b", "x", "c"])
        result = await stage.process(RedisSink(aclient, stage.input, stage.group), await _read(aclient, stage))
        assert (result.ok, result.retry, result.dead) == (2, 1, 1)
        out = await aclient.xrange(stage.output)
        assert [json.loads(f[b"data"])["article_id"] for _, f in out] == ["a", "c"]
        assert (await aclient.xpending(stage.input, stage.group))["pending"] == 1

    async def test_poison_entry_is_dead_lettered_after_max_deliveries(self, aclient):
        """After max_deliveries failed deliveries the entry moves to the DLQ with reason, error and count."""
        stage = ReliableStage("store", _handler(poison={"bad"}), _settings(), consumer="c1")
        sink = RedisSink(aclient, stage.input, stage.group)
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["ok", "bad"])
        await stage.process(sink, await _read(aclient, stage))
        for _ in range(10):
            await asyncio.sleep(0.15)
            await stage.reclaim(aclient, sink)
            if await aclient.xlen(stage.dlq):
                break
        dead = await aclient.xrange(stage.dlq)
        assert len(dead) == 1
        letter = json.loads(dead[0][1][b"data"])
        assert letter["reason"] == "retries_exhausted"
        assert letter["deliveries"] == 3
        assert "core failed on bad" in letter["error"]
        assert letter["entry"] == {"key": "bad"}
        assert (await aclient.xpending(stage.input, stage.group))["pending"] == 0
        assert await aclient.xlen(stage.output) == 1

    async def test_entry_that_can_never_succeed_is_dead_lettered_at_once(self, aclient):
        """A permanent error (schema violation) skips the retries."""
        stage = ReliableStage("store", _handler(invalid={"x"}), _settings(), consumer="c1")
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["x"])
        result = await stage.process(RedisSink(aclient, stage.input, stage.group), await _read(aclient, stage))
        assert result.dead == 1
        letter = json.loads((await aclient.xrange(stage.dlq))[0][1][b"data"])
        assert (letter["reason"], letter["deliveries"]) == ("invalid", 1)

    async def test_entries_held_by_a_dead_consumer_are_reclaimed_by_another(self, aclient):
        """What a crashed consumer had read is processed by a live one once idle."""
        stage = ReliableStage("store", _handler(), _settings(), consumer="alive")
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, [f"k{i}" for i in range(25)])
        held = await _read(aclient, stage, consumer="crashed")
        assert len(held) == 25
        await asyncio.sleep(0.15)
        assert await stage.reclaim(aclient) == 25
        assert await aclient.xlen(stage.output) == 25
        assert (await aclient.xpending(stage.input, stage.group))["pending"] == 0

    async def test_entries_this_process_is_still_handling_are_not_reclaimed_by_it(self, aclient):
        """A batch slower than claim_idle_ms is neither reclaimed by its own worker nor doubled."""
        import time as _time

        def slow(fields):
            _time.sleep(0.5)
            return _handler()(fields)

        stage = ReliableStage("store", slow, _settings(), consumer="me")
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["slow"])
        sink = RedisSink(aclient, stage.input, stage.group)
        work = asyncio.create_task(stage.process(sink, await _read(aclient, stage)))
        await asyncio.sleep(0.3)
        assert await stage.reclaim(aclient, sink) == 0
        await work
        assert await aclient.xlen(stage.output) == 1

    async def test_own_entries_whose_commit_was_lost_are_reclaimed(self, aclient):
        """Read by this process but not in flight (say the commit died with the connection)."""
        stage = ReliableStage("store", _handler(), _settings(), consumer="me")
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["lost"])
        await _read(aclient, stage)
        await asyncio.sleep(0.15)
        assert await stage.reclaim(aclient) == 1
        assert await aclient.xlen(stage.output) == 1

    async def test_a_restarted_consumer_reclaims_what_its_previous_process_held(self, aclient):
        """Same consumer name (a restarted container), new process: its old entries are processed."""
        old = ReliableStage("store", _handler(), _settings(), consumer="container-1")
        await old.ensure_group(aclient)
        await _push(aclient, old.input, ["a", "b"])
        await _read(aclient, old)
        await asyncio.sleep(0.15)
        new = ReliableStage("store", _handler(), _settings(), consumer="container-1")
        assert await new.reclaim(aclient) == 2
        assert await aclient.xlen(new.output) == 2

    async def test_lost_group_is_recreated_and_entries_still_in_the_stream_are_read(self, aclient):
        """NOGROUP (group destroyed) does not stop the reader: the group comes back from the start."""
        await _push(aclient, streams.PARSED, ["p1", "p2"])
        await aclient.xgroup_create(streams.PARSED, "akhbar-enrich", id="0")
        await aclient.xgroup_destroy(streams.PARSED, "akhbar-enrich")
        assert await aclient.xreadgroup("akhbar-enrich", "c", {streams.PARSED: ">"}) == []
        reply = await aclient.xreadgroup("akhbar-enrich", "c", {streams.PARSED: ">"})
        assert [f[b"key"] for _, f in reply[0][1]] == [b"p1", b"p2"]


class TestRetention:
    async def test_trim_keeps_entries_any_group_has_not_finished(self, aclient):
        """Entries pending in one group, or unread by another, survive trimming."""
        stream = streams.ACCEPTED
        ids = [await aclient.xadd(stream, {"n": str(i)}) for i in range(10)]
        await aclient.xgroup_create(stream, "fast", id="0")
        await aclient.xgroup_create(stream, "slow", id="0")
        fast = await aclient.xreadgroup("fast", "c", {stream: ">"})
        await aclient.xack(stream, "fast", *[i for i, _ in fast[0][1][:8]])  # 8 done, 2 pending
        await aclient.xreadgroup("slow", "c", {stream: ">"}, count=5)
        await aclient.xack(stream, "slow", *ids[:5])
        await trim_finished(aclient, stream)
        left = [i for i, _ in await aclient.xrange(stream)]
        assert left == ids[4:]  # slow's last delivered (ids[4]) and everything after it

    async def test_age_retention_never_drops_an_unread_entry(self, aclient):
        """With an age limit of zero, entries a group has not read are still kept."""
        stream = streams.ENRICHED
        # Ids a second in the past: entries made in the current millisecond are not yet older
        # than an age of zero, and four round trips can all fall within one millisecond.
        past = int(time.time() * 1000) - 1000
        ids = [await aclient.xadd(stream, {"n": str(i)}, id=f"{past}-{i}") for i in range(4)]
        ids = [i.decode() if isinstance(i, bytes) else i for i in ids]
        await aclient.xgroup_create(stream, "downstream", id="0")
        await aclient.xreadgroup("downstream", "c", {stream: ">"}, count=2)
        await aclient.xack(stream, "downstream", *ids[:2])
        await trim_finished(aclient, stream, keep_seconds=0)
        left = [i.decode() if isinstance(i, bytes) else i for i, _ in await aclient.xrange(stream)]
        assert left == ids[1:]


class TestOutage:
    async def test_an_unavailable_dependency_spends_no_delivery_and_dead_letters_nothing(self, aclient):
        """The core says its database is down for a while: the stage waits with the entries,
        reports itself stalled, then stores them all once it answers; the DLQ stays empty."""
        from akhbar.shared import metrics
        from akhbar.shared.reliable import Unavailable

        down = {"until": time.monotonic() + 1.5}
        calls: list[str] = []

        def handle(fields: dict[str, str]) -> Processed:
            calls.append(fields["key"])
            if time.monotonic() < down["until"]:
                raise Unavailable("database", "connection refused")
            return _handler()(fields)

        stage = ReliableStage("store", handle, _settings(max_deliveries=2, outage_backoff_min_s=0.05,
                                                          outage_backoff_max_s=0.2), consumer="c1")
        await stage.ensure_group(aclient)
        await _push(aclient, stage.input, ["k1", "k2", "k3"])
        entries = await _read(aclient, stage)
        sink = RedisSink(aclient, stage.input, stage.group)
        task = asyncio.create_task(stage.process(sink, entries))
        await asyncio.sleep(0.5)
        assert stage.status()["state"] == "stalled" and stage.status()["dependency"] == "database"
        assert metrics.STALLED.labels("store", "database")._value.get() == 1
        # Another replica's reclaim finds nothing to take: the heartbeat keeps the entries fresh.
        other = ReliableStage("store", handle, _settings(), consumer="c2")
        assert await other.reclaim(aclient) == 0
        result = await asyncio.wait_for(task, 10)
        assert (result.ok, result.retry, result.dead) == (3, 0, 0)
        assert calls.count("k1") > 2  # tried more often than max_deliveries allows failures
        assert await aclient.xlen(stage.dlq) == 0
        assert await aclient.xlen(stage.output) == 3
        assert (await aclient.xpending(stage.input, stage.group))["pending"] == 0
        assert stage.status()["state"] == "working"
        assert metrics.STALLED.labels("store", "database")._value.get() == 0
