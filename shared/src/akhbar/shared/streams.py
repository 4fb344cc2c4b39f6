"""Stream and group names: one place so every service and the CLI agree.

Every key akhbar writes starts with ``AKHBAR_STREAM_PREFIX`` (default ``akhbar``), read once
at import, so every process of one deployment must be given the same value. A prefix with a
hash tag, e.g. ``{akhbar}``, puts all the streams in one Redis Cluster slot: a stage commits
its output, its dead letters and the acknowledgement of its input in one MULTI/EXEC, and a
Cluster only runs a transaction whose keys share a slot. A distinct prefix also keeps two
deployments (or test runs) apart on one server.
"""

from __future__ import annotations

import os
import re

_PREFIX_SHAPE = re.compile(r"[^\s*?\[\]\\]+")


def _prefix() -> str:
    prefix = os.environ.get("AKHBAR_STREAM_PREFIX", "akhbar")
    if not _PREFIX_SHAPE.fullmatch(prefix):
        raise ValueError(f"AKHBAR_STREAM_PREFIX={prefix!r}: give a non-empty name without spaces or glob characters")
    return prefix


PREFIX = _prefix()

RAW = f"{PREFIX}:pages:raw"
ACCEPTED = f"{PREFIX}:pages:accepted"
PARSED = f"{PREFIX}:articles:parsed"
ENRICHED = f"{PREFIX}:articles:enriched"
STORED = f"{PREFIX}:articles:stored"
# The store also announces each article's story (docs/stories.md); read outside akhbar.
STORIES_UPDATED = f"{PREFIX}:stories:updated"

# A hash: consumer name -> its JSON state (working, or stalled and why), for `akhbar stats`.
STATUS = f"{PREFIX}:status"

SERVICES = ("ingest", "parse", "enrich", "store")

# Each service reads one stream and writes the next.
INPUT = {"ingest": RAW, "parse": ACCEPTED, "enrich": PARSED, "store": ENRICHED}
OUTPUT = {"ingest": ACCEPTED, "parse": PARSED, "enrich": ENRICHED, "store": STORED}


def dlq(service: str) -> str:
    return f"{PREFIX}:dlq:{service}"


def group(service: str) -> str:
    # Group names are not keys: they need no prefix to stay apart.
    return f"akhbar-{service}"


def check_cluster_ready() -> None:
    """Raise unless the stream names share one Cluster slot (their prefix has a hash tag)."""
    if not re.search(r"\{[^{}]+\}", PREFIX):
        raise ValueError(
            f"on a Redis Cluster the streams need one hash tag: AKHBAR_STREAM_PREFIX is {PREFIX!r}, "
            "give e.g. '{akhbar}' to every process (producers included)"
        )


def all_keys_pattern() -> str:
    """SCAN pattern matching every key of this deployment."""
    return f"{PREFIX}:*"
