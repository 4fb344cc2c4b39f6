"""The FastStream broker every service uses, with a client that survives a lost group.

FastStream 0.7 stops a stream subscriber for good (and exits the app) when XREADGROUP
answers NOGROUP, which happens after a Redis restart without persistence or an
``XGROUP DESTROY``. The client below recreates the group from the start of whatever is
still in the stream and reads on: entries are redelivered, never lost, and every stage is
idempotent by id.

With ``AKHBAR_REDIS_CLUSTER`` the same client and broker are built on redis-py's
``RedisCluster`` and FastStream's ``RedisClusterBroker``.
"""

from __future__ import annotations

import logging
from typing import Any

import structlog
from faststream.redis import RedisBroker, RedisClusterBroker
from faststream.redis.configs.state import RedisClusterConnectionState, RedisConnectionState
from redis.asyncio import ConnectionPool, Redis, RedisCluster
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


class _RecreatesLostGroups:
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


class SelfHealingRedis(_RecreatesLostGroups, Redis):
    pass


class SelfHealingRedisCluster(_RecreatesLostGroups, RedisCluster):
    pass


def make_client(url: str, cluster: bool = False) -> Redis:
    """The async client of the shared layer (reclaim, commit, trim, gauges)."""
    if cluster:
        return SelfHealingRedisCluster.from_url(url)  # type: ignore[return-value]
    return SelfHealingRedis.from_url(url)


class _SelfHealingState(RedisConnectionState):
    __slots__ = ()

    async def connect(self) -> Redis:
        # Same options as FastStream's own state, only the client class differs.
        pool = ConnectionPool(**self._options)
        client = SelfHealingRedis.from_pool(pool)
        self._client = client
        self._connected = True
        return client


class _SelfHealingClusterState(RedisClusterConnectionState):
    __slots__ = ()

    async def connect(self) -> RedisCluster:
        if self._connected:
            return self._client  # type: ignore[return-value]
        # FastStream's own state builds a RedisCluster from these options; only the class differs.
        options = {k: v for k, v in self._options.items() if v is not None}
        self._client = SelfHealingRedisCluster(**options)
        self._connected = True
        return self._client


class AkhbarBroker(RedisBroker):
    def _make_connection_state(self, connection_options: dict[str, Any], kwargs: dict[str, Any]):  # type: ignore[override]
        # FastStream documents this as the hook for subclasses to build the connection.
        return _SelfHealingState(connection_options)


class AkhbarClusterBroker(RedisClusterBroker):
    def _make_connection_state(self, connection_options: dict[str, Any], kwargs: dict[str, Any]):  # type: ignore[override]
        return _SelfHealingClusterState(connection_options)


def make_broker(url: str, cluster: bool = False, **kwargs: Any) -> RedisBroker:
    # FastStream logs two INFO lines per message to stdout; our own outcome line replaces
    # them, and what FastStream has to say about failures goes to stderr.
    framework = logging.getLogger("akhbar.faststream")
    framework.setLevel(logging.WARNING)
    kwargs.setdefault("logger", framework)
    kwargs.setdefault("log_level", logging.DEBUG)
    return (AkhbarClusterBroker if cluster else AkhbarBroker)(url, **kwargs)
