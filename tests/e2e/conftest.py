from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis

from tests.redis_server import clean_akhbar_keys, redis_server


@pytest.fixture(scope="session")
def redis_session_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture
def redis_url(redis_session_url: str) -> Iterator[str]:
    clean_akhbar_keys(redis_session_url)
    yield redis_session_url
    clean_akhbar_keys(redis_session_url)


@pytest.fixture
def client(redis_url: str) -> Iterator[redis.Redis]:
    c = redis.Redis.from_url(redis_url, decode_responses=True)
    yield c
    c.close()
