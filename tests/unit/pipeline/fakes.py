"""An in-memory sink standing in for Redis in handler unit tests."""

from __future__ import annotations

import json


class MemorySink:
    def __init__(self) -> None:
        self.adds: list[tuple[str, dict[str, str]]] = []
        self.acks: list[str] = []

    async def commit(self, adds, acks) -> None:
        self.adds.extend(adds)
        self.acks.extend(acks)

    def published(self, stream: str) -> list[dict]:
        return [json.loads(fields["data"]) for s, fields in self.adds if s == stream]
