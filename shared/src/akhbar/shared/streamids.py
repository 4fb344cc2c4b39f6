"""Stream entry ids compared as numbers, not strings ("10-0" > "9-0")."""

from __future__ import annotations


def parse_id(entry_id: str | bytes) -> tuple[int, int]:
    text = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    ms, _, seq = text.partition("-")
    return int(ms), int(seq or 0)


def min_id(*ids: str | bytes | None) -> str | None:
    present = [(parse_id(i), i) for i in ids if i is not None]
    if not present:
        return None
    lowest = min(present, key=lambda pair: pair[0])[1]
    return lowest.decode() if isinstance(lowest, bytes) else lowest
