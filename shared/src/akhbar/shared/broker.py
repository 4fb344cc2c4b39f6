"""The FastStream broker every service uses, with a client that survives a lost group.

FastStream 0.7 stops a stream subscriber for good (and exits the app) when XREADGROUP
answers NOGROUP, which happens after a Redis restart without persistence or an
``XGROUP DESTROY``. The client below recreates the group from the start of whatever is
still in the stream and reads on: entries are redelivered, never lost, and every stage is
idempotent by id.
"""

from __future__ import annotations

import logging
from typing import Any

import structlog
from faststream.redis import RedisBroker
from faststream.redis.configs.state import RedisConnectionState
from redis.asyncio import ConnectionPool, Redis
from redis.exceptions import ResponseError

log = structlog.get_logger("akhbar.broker")


async def ensure_group(client: Redis, stream: str, group: str, start_id: str = "0") -> bool:
    """Create ``group`` on ``stream`` (and the stream); True when it was created now."""
    try:
        await client.xgroup_create(stream, group, id=start_id, mkstream=True)
    except ResponseError as e:
        if "BUSYGROUP" in str(e):
            return False
        raise
    return True


class SelfHealingRedis(Redis):
    async def xreadgroup(self, groupname: Any, consumername: Any, streams: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        try:
            return await super().xreadgroup(groupname, consumername, streams, *args, **kwargs)
        except ResponseError as e:
            if "NOGROUP" not in str(e):
                raise
            for stream in streams:
                name = stream.decode() if isinstance(stream, bytes) else stream
                if await ensure_group(self, name, groupname):
                    log.warning("group_recreated", stream=name, group=groupname)
            return []


class _SelfHealingState(RedisConnectionState):
    __slots__ = ()

    async def connect(self) -> Redis:
        # Same options as FastStream's own state, only the client class differs.
        pool = ConnectionPool(**self._options)
        client = SelfHealingRedis.from_pool(pool)
        self._client = client
        self._connected = True
        return client


class AkhbarBroker(RedisBroker):
    def _make_connection_state(self, connection_options: dict[str, Any], kwargs: dict[str, Any]):  # type: ignore[override]
        # FastStream documents this as the hook for subclasses to build the connection.
        return _SelfHealingState(connection_options)


def make_broker(url: str, **kwargs: Any) -> AkhbarBroker:
    # FastStream logs two INFO lines per message to stdout; our own outcome line replaces
    # them, and what FastStream has to say about failures goes to stderr.
    framework = logging.getLogger("akhbar.faststream")
    framework.setLevel(logging.WARNING)
    kwargs.setdefault("logger", framework)
    kwargs.setdefault("log_level", logging.DEBUG)
    return AkhbarBroker(url, **kwargs)
