"""How the CLI prints results: JSON lines for programs, an aligned table for people."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel


def json_lines(items: Iterable[BaseModel]) -> str:
    return "".join(item.model_dump_json() + "\n" for item in items)


def table(rows: Sequence[Sequence[object]], headers: Sequence[str], max_width: int = 60) -> str:
    """Columns padded to their widest cell (cut at ``max_width``), one header line."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    lines = [headers, ["-" * w for w in widths], *cells]
    return "".join(
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n"
        for line in lines
    )


def _cell(value: object, max_width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= max_width else text[: max_width - 1] + "…"
