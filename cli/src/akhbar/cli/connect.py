"""The Redis client the CLI uses: REDIS_URL or the embedded server akhbar started."""

from __future__ import annotations

import redis

from akhbar.shared import streams
from akhbar.shared.embedded import check_reachable, resolve_redis_url
from akhbar.shared.settings import get_settings


def redis_client(url: str | None = None) -> redis.Redis | redis.RedisCluster:
    settings = get_settings()
    url = url or resolve_redis_url(settings)
    check_reachable(url)
    if settings.redis_cluster:
        streams.check_cluster_ready()
        return redis.RedisCluster.from_url(url, decode_responses=True)
    return redis.Redis.from_url(url, decode_responses=True)
