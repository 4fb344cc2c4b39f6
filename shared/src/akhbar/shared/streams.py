"""Stream and group names: one place so every service and the CLI agree."""

from __future__ import annotations

RAW = "akhbar:pages:raw"
ACCEPTED = "akhbar:pages:accepted"
PARSED = "akhbar:articles:parsed"
ENRICHED = "akhbar:articles:enriched"
STORED = "akhbar:articles:stored"

SERVICES = ("ingest", "parse", "enrich", "store")

# Each service reads one stream and writes the next.
INPUT = {"ingest": RAW, "parse": ACCEPTED, "enrich": PARSED, "store": ENRICHED}
OUTPUT = {"ingest": ACCEPTED, "parse": PARSED, "enrich": ENRICHED, "store": STORED}


def dlq(service: str) -> str:
    return f"akhbar:dlq:{service}"


def group(service: str) -> str:
    return f"akhbar-{service}"

