"""Stream entry ids compared as numbers, not strings ("10-0" > "9-0")."""

from __future__ import annotations


def parse_id(entry_id: str | bytes) -> tuple[int, int]:
    text = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    ms, _, seq = text.partition("-")
    return int(ms), int(seq or 0)


def format_id(parts: tuple[int, int]) -> str:
    return f"{parts[0]}-{parts[1]}"


def min_id(*ids: str | bytes | None) -> str | None:
    present = [parse_id(i) for i in ids if i is not None]
    return format_id(min(present)) if present else None
