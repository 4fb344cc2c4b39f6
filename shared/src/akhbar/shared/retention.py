"""Trimming that never drops an entry some consumer group has not finished with.

An entry is finished for a group when the group has delivered past it and it is not
pending. The floor is the smallest of every group's last-delivered id and oldest pending
id; everything below it is finished for all groups. Streams read by downstream
consumers are also kept for an age, whichever keeps more.
"""

from __future__ import annotations

import time

from redis.asyncio import Redis
from redis.exceptions import ResponseError

from akhbar.shared.streamids import min_id
from akhbar.shared.wire import text


async def group_floor(client: Redis, stream: str) -> str | None:
    """Lowest id any group still needs, or None when the stream has no group."""
    try:
        groups = await client.xinfo_groups(stream)
    except ResponseError:
        return None  # no such stream
    floor: str | None = None
    for g in groups:
        name = text(g["name"])
        last = text(g["last-delivered-id"])
        candidate = last
        if g.get("pending"):
            summary = await client.xpending(stream, name)
            candidate = min_id(last, text(summary["min"]))
        floor = min_id(floor, candidate) if floor else candidate
    return floor


async def trim_finished(client: Redis, stream: str, keep_seconds: float | None = None) -> int:
    """Trim entries every group has finished with (and, with ``keep_seconds``, older than it)."""
    floor = await group_floor(client, stream)
    if keep_seconds is not None:
        age_floor = f"{int((time.time() - keep_seconds) * 1000)}-0"
        floor = min_id(floor, age_floor) if floor else age_floor
    if floor is None:
        return 0
    return await client.xtrim(stream, minid=floor, approximate=False)
