"""Configuration from environment variables, with defaults that work on one machine."""

from __future__ import annotations

import os
import socket
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _env(name: str) -> AliasChoices:
    return AliasChoices(name, f"AKHBAR_{name}")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AKHBAR_", extra="ignore", populate_by_name=True)

    redis_url: str | None = Field(None, validation_alias=_env("REDIS_URL"))
    """Redis/Valkey to use; unset means the embedded Valkey server under ``data_dir``."""
    redis_cluster: bool = False
    """``REDIS_URL`` is a node of a Redis Cluster (needs a hash-tagged ``AKHBAR_STREAM_PREFIX``)."""
    database_url: str | None = Field(None, validation_alias=_env("DATABASE_URL"))
    """SQLAlchemy URL of the store; unset means a SQLite file under ``data_dir``."""
    log_level: str = Field("INFO", validation_alias=_env("LOG_LEVEL"))
    log_format: str = "auto"
    """``json``, ``console``, or ``auto`` (console on a TTY, JSON otherwise)."""
    data_dir: Path = Path("var")

    consumer: str | None = None
    """This replica's consumer name; unset means host-pid, unique per process."""
    batch_size: int = Field(16, ge=1, le=1000)
    """Entries read per XREADGROUP: small, so a crash strands little."""
    poll_ms: int = Field(500, ge=10)
    max_deliveries: int = Field(5, ge=1)
    """Deliveries before a failing message moves to the dead-letter stream."""
    claim_idle_ms: int = Field(30_000, ge=100)
    """Pending entries idle this long are reclaimed from whichever consumer held them."""
    maintenance_interval_s: float = Field(5.0, gt=0)
    outage_backoff_min_s: float = Field(0.5, gt=0)
    outage_backoff_max_s: float = Field(10.0, gt=0)
    """While a dependency is down the stage retries the same entries after pauses doubling
    from the first value up to the second; no delivery is spent meanwhile."""
    max_page_bytes: int = Field(5_000_000, ge=1)
    enriched_retention_hours: float = Field(168.0, gt=0)
    """The enriched and stored streams keep entries this long for downstream consumers."""
    metrics_port: int | None = None

    def consumer_name(self, service: str) -> str:
        return self.consumer or f"{service}-{socket.gethostname()}-{os.getpid()}"

    def sqlite_url(self) -> str:
        return f"sqlite:///{(self.data_dir / 'akhbar.db').as_posix()}"

    def store_url(self) -> str:
        return self.database_url or self.sqlite_url()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
