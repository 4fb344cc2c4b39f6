"""How messages look on a stream: one JSON ``data`` field, plus the id for humans.

Producers outside akhbar may instead push flat fields (``content``, ``url``, ...); ingest
accepts both. Entries written by a FastStream publisher (``__data__``) are decoded by
FastStream on the way in (see ``akhbar.shared.service``).
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

DATA = "data"
FASTSTREAM_DATA = "__data__"


class WireError(ValueError):
    """An entry that cannot be decoded: it can never succeed, so it is dead at once."""


def encode(message: BaseModel, key: str | None = None) -> dict[str, str]:
    fields = {DATA: message.model_dump_json()}
    if key:
        fields["id"] = key
    return fields


def decode_fields(raw: dict[Any, Any]) -> dict[str, str]:
    """Stream entry fields as text; undecodable bytes are a permanent error."""
    out: dict[str, str] = {}
    for k, v in raw.items():
        try:
            key = k.decode("utf-8") if isinstance(k, bytes) else str(k)
            out[key] = v.decode("utf-8") if isinstance(v, bytes) else str(v)
        except UnicodeDecodeError as e:
            raise WireError(f"field {k!r} is not valid UTF-8 ({e.reason} at byte {e.start})") from e
    return out


def payload(fields: dict[str, str]) -> dict[str, Any]:
    """The JSON object an entry carries: its ``data`` field, or its flat fields."""
    if DATA not in fields:
        return dict(fields)
    try:
        obj = json.loads(fields[DATA])
    except (json.JSONDecodeError, RecursionError) as e:
        raise WireError(f"'data' is not valid JSON: {e}") from e
    if not isinstance(obj, dict):
        raise WireError(f"'data' must be a JSON object, got {type(obj).__name__}")
    return obj


def load(model: type[M], fields: dict[str, str]) -> M:
    """The event an entry carries, validated with JSON semantics (an ISO date stays a date)."""
    if DATA in fields:
        return model.model_validate_json(fields[DATA])
    return model.model_validate(payload(fields))


def text(value: Any, lossy: bool = False) -> str:
    """An id, name or field from Redis as text (clients may answer bytes or str)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="backslashreplace" if lossy else "strict")
    return str(value)
