"""JSON Schema of every message on akhbar's streams, for consumers written in any language.

``make docs`` writes one file per message type to ``docs/schemas/`` (a test checks they are
current). Each stream entry carries its message as JSON in the field ``data``; validate
``json.loads(fields["data"])`` against the schema of the stream's message type:

    python -m akhbar.shared.schema_docs docs/schemas
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from akhbar.shared import schemas

# What each stream carries (the names without the deployment's prefix).
MESSAGES: dict[str, type[BaseModel]] = {
    "pages:raw": schemas.RawPage,
    "pages:accepted": schemas.PageAccepted,
    "articles:parsed": schemas.ArticleParsed,
    "articles:enriched": schemas.ArticleEnriched,
    "articles:stored": schemas.ArticleStored,
    "stories:updated": schemas.StoryUpdated,
    "dlq:<service>": schemas.DeadLetter,
}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """What akhbar writes (every field present), or for pushed pages what ingest accepts."""
    # Producers outside akhbar write raw pages: their schema is what may be sent, optional
    # fields left out; every other message is written by akhbar with all its fields.
    mode = "validation" if model is schemas.RawPage else "serialization"
    schema = model.model_json_schema(mode=mode)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{model.__name__}.json", **schema}


def documents() -> dict[str, dict[str, Any]]:
    """File name to document: one per message type, and an index of streams to types."""
    out = {f"{m.__name__}.json": json_schema(m) for m in MESSAGES.values()}
    out["streams.json"] = {
        "description": "The message type each stream carries, as JSON in the entry field 'data'. "
        "Stream names are prefixed with the deployment's AKHBAR_STREAM_PREFIX (default 'akhbar').",
        "schema_version": schemas.SCHEMA_VERSION,
        "streams": {stream: f"{m.__name__}.json" for stream, m in MESSAGES.items()},
    }
    return out


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in documents().items():
        path = folder / name
        path.write_text(render(document), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas")):
        print(path)
