"""The pipeline's state as ``akhbar stats`` reports it: per stream its length and its groups'
lag and pending, dead letters per service, each consumer's last report.

One definition for every reader: the ``akhbar stats`` command and the web dashboard of
``akhbar api`` both call ``collect_stats`` over a client from ``redis_client``.
"""

from __future__ import annotations

import json
import time

import redis

from akhbar.shared import streams
from akhbar.shared.embedded import check_reachable, resolve_redis_url
from akhbar.shared.settings import get_settings


def redis_client(
    url: str | None = None, timeout_s: float | None = None
) -> redis.Redis | redis.RedisCluster:
    """``REDIS_URL`` or the embedded server akhbar started; ``NoRedisError`` when there is
    none or it does not answer. ``timeout_s`` bounds each command (a web page must not hang
    on a Redis that accepts connections but stopped answering)."""
    settings = get_settings()
    url = url or resolve_redis_url(settings)
    check_reachable(url)
    timeouts = {} if timeout_s is None else {"socket_timeout": timeout_s, "socket_connect_timeout": timeout_s}
    if settings.redis_cluster:
        streams.check_cluster_ready()
        return redis.RedisCluster.from_url(url, decode_responses=True, **timeouts)
    return redis.Redis.from_url(url, decode_responses=True, **timeouts)


# A consumer reports every few seconds; one silent this long has stopped (killed, or its
# Redis connection is down).
SILENT_AFTER_S = 30


def stage_states(client, now: float | None = None) -> dict[str, list[dict]]:
    """Per service, each consumer's last report: working, or stalled on what and since when."""
    now = time.time() if now is None else now
    out: dict[str, list[dict]] = {s: [] for s in streams.SERVICES}
    for consumer, raw in sorted(client.hgetall(streams.STATUS).items()):
        try:
            state = json.loads(raw)
        except json.JSONDecodeError:
            continue
        seen = now - float(state.get("updated", 0))
        row = {"consumer": consumer, "state": state.get("state", "?"), "seen_s_ago": round(seen, 1)}
        if seen > SILENT_AFTER_S:
            row["state"] = "silent"
        if state.get("state") == "stalled":
            row.update(dependency=state.get("dependency"), reason=state.get("reason"),
                       stalled_s=round(now - float(state.get("since") or now), 1))
        out.setdefault(state.get("service", "?"), []).append(row)
    return out


def collect_stats(client) -> dict:
    report: dict = {"streams": {}, "dlq": {}}
    for stream in (streams.RAW, streams.ACCEPTED, streams.PARSED, streams.ENRICHED, streams.STORED):
        info = {"length": client.xlen(stream), "groups": {}}
        groups = client.xinfo_groups(stream) if client.exists(stream) else []
        for g in groups:
            info["groups"][g["name"]] = {
                "lag": g.get("lag"), "pending": g["pending"], "consumers": g["consumers"],
                "last_delivered": g["last-delivered-id"],
            }
        report["streams"][stream] = info
    for service in streams.SERVICES:
        report["dlq"][service] = client.xlen(streams.dlq(service))
    report["stages"] = stage_states(client)
    return report


def health_code(report: dict) -> int:
    """0 all clear; 1 dead letters waiting."""
    return 1 if any(report["dlq"].values()) else 0


