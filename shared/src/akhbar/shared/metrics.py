"""Prometheus counters and histograms every service exports (one process registry)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

MESSAGES = Counter(
    "akhbar_messages_total",
    "Messages handled, by service and outcome (ok, retry, dead)",
    ["service", "outcome"],
)
DURATION = Histogram(
    "akhbar_handler_seconds",
    "Time spent in the stage's core per message",
    ["service"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
RECLAIMED = Counter(
    "akhbar_reclaimed_total", "Stale pending entries claimed from any consumer", ["service"]
)
LAG = Gauge("akhbar_stream_lag", "Entries of the input stream not yet read by the group", ["service"])
PENDING = Gauge("akhbar_stream_pending", "Entries read but not acknowledged by the group", ["service"])
STALLED = Gauge(
    "akhbar_stage_stalled",
    "1 while the stage waits for a dependency that is down (database, redis); its entries wait with it",
    ["service", "dependency"],
)
