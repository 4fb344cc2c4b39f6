"""Fixtures shared by every test layer."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TEST_DATA = REPO / "tests" / "data"
# ../shared beside the checkout holds the annotated corpora; quality tests read it in place.
SHARED_DATA = Path(os.environ.get("AKHBAR_SHARED_DATA", REPO.parent / "shared" / "data"))


def require_shared_data(*parts: str) -> Path:
    """Path into ../shared/data, or skip (fail under CI=true) when it is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        msg = f"quality data not found at {path} (../shared beside the checkout)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg + ": CI must run the quality gates")
        pytest.skip(msg)
    return path


@pytest.fixture
def shared_data() -> Path:
    return require_shared_data()


@pytest.fixture
def test_data() -> Path:
    return TEST_DATA


@pytest.fixture(scope="session")
def redis_session_url() -> Iterator[str]:
    """A real Redis for the whole run: REDIS_URL, a testcontainers Redis, or embedded Valkey."""
    from tests.redis_server import redis_server

    with redis_server() as url:
        yield url


@pytest.fixture
def redis_url(redis_session_url: str) -> Iterator[str]:
    """The session's server, with no ``akhbar:*`` keys left from another test."""
    from tests.redis_server import clean_akhbar_keys

    clean_akhbar_keys(redis_session_url)
    yield redis_session_url
    clean_akhbar_keys(redis_session_url)


@pytest.fixture
def client(redis_url: str):
    import redis

    c = redis.Redis.from_url(redis_url, decode_responses=True)
    yield c
    c.close()
