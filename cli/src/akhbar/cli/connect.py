"""The Redis client the CLI uses: REDIS_URL or the embedded server akhbar started."""

from __future__ import annotations

import redis

from akhbar.shared.embedded import check_reachable, resolve_redis_url
from akhbar.shared.settings import get_settings


def redis_client(url: str | None = None) -> redis.Redis:
    url = url or resolve_redis_url(get_settings())
    check_reachable(url)
    return redis.Redis.from_url(url, decode_responses=True)
