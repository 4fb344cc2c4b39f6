"""The Redis client the CLI uses: REDIS_URL or the embedded server akhbar started.

Defined in ``akhbar.shared.pipeline_state`` (the web dashboard uses the same one)."""

from __future__ import annotations

from akhbar.shared.pipeline_state import redis_client

__all__ = ["redis_client"]
