"""Commands that run the extraction core locally, without Redis."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import typer

from akhbar.cli.errors import fail, friendly


def _article(path: Path, url: str | None):
    from akhbar.ingest.accept import page_id
    from akhbar.ingest.decode import UndecodableError, decode_bytes
    from akhbar.parse import extract

    if not path.is_file():
        fail(f"no such file: {path}", 2)
    try:
        text = decode_bytes(path.read_bytes())
        # The id ingest gives the same page, so local output and pipeline output agree.
        return extract(text, url=url, page_id=page_id(text))
    except UndecodableError as e:
        fail(f"cannot decode {path}: {e}")
    except ValueError as e:
        fail(f"cannot parse {path}: {e}")


@friendly
def parse_cmd(
    file: Path = typer.Argument(..., help="An HTML or text page"),
    url: str | None = typer.Option(None, "--url", help="The page's address"),
) -> None:
    """Print the Article JSON of a page."""
    typer.echo(_article(file, url).model_dump_json())


@friendly
def extract_cmd(
    file: Path = typer.Argument(..., help="An HTML or text page"),
    url: str | None = typer.Option(None, "--url", help="The page's address"),
) -> None:
    """Print the EnrichedArticle JSON of a page (parse + enrich)."""
    from akhbar.enrich.core import enrich

    typer.echo(enrich(_article(file, url)).model_dump_json())


def _items(default_ref: dt.date | None):
    """stdin lines: a JSON object {"text", "ref"} or plain text."""
    for line in sys.stdin:
        line = line.rstrip("\n")
        text, ref = line, default_ref
        if line.lstrip().startswith("{"):
            try:
                obj: Any = json.loads(line)
            except json.JSONDecodeError:
                obj = None
            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                text = obj["text"]
                if obj.get("ref"):
                    ref = _date(str(obj["ref"]))
        yield text, ref


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        fail(f"not a date (YYYY-MM-DD): {value!r}", 2)


@friendly
def dates_cmd(ref: str | None = typer.Option(None, "--ref", help="Reference date YYYY-MM-DD (default today)")) -> None:
    """Date/time expressions of each stdin line: {"dates": [{text, start, end, kind, value}]}."""
    from akhbar.enrich.core import find_dates_any

    default = _date(ref) if ref else None
    for text, day in _items(default):
        # each line by the extractor of its language (Arabic or French); others find none
        found = find_dates_any(text, day or dt.date.today())
        rows = [m.model_dump(include={"text", "start", "end", "kind", "value"}) for m in found]
        typer.echo(json.dumps({"dates": rows}, ensure_ascii=False))


def entities_stdin(conventions: str | None = None) -> None:
    """Named entities of each stdin line: {"entities": [{text, start, end, label, canonical}]};
    Arabic labelled by ``conventions`` (``recognizer.CONVENTIONS``) when given."""
    from akhbar.enrich.core import find_entities_any

    if conventions:
        from akhbar.enrich.entities.recognizer import use_model

        try:
            use_model(conventions=conventions)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--conventions") from e

    for text, _ in _items(None):
        found = find_entities_any(text)  # Arabic or French by the line's language
        rows = [e.model_dump(include={"text", "start", "end", "label", "canonical"}) for e in found]
        typer.echo(json.dumps({"entities": rows}, ensure_ascii=False))
