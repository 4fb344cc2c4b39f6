"""``akhbar push``: pages from files or folders onto the raw stream."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from akhbar.cli.connect import redis_client
from akhbar.cli.errors import fail, friendly
from akhbar.ingest.accept import RejectedPage, accept_page
from akhbar.ingest.decode import UndecodableError, decode_bytes
from akhbar.shared import streams
from akhbar.shared.schemas import RawPage
from akhbar.shared.settings import get_settings
from akhbar.shared.wire import encode

PAGE_SUFFIXES = {".html", ".htm", ".txt", ".xhtml", ""}


def page_files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
        elif path.is_file():
            yield path
        else:
            fail(f"no such file or folder: {path}", 2)


def raw_page(path: Path, url: str | None = None, source: str | None = None) -> RawPage:
    try:
        text = decode_bytes(path.read_bytes())
    except UndecodableError as e:
        fail(f"{path}: {e}")
    return RawPage(content=text, url=url, source=source or "akhbar-cli")


def push_pages(client, pages: list[RawPage]) -> list[str]:
    """XADD each page; return the content ids ingest will give them."""
    settings = get_settings()
    ids = []
    pipe = client.pipeline(transaction=False)
    for page in pages:
        try:
            ids.append(accept_page(page.model_dump(), settings.max_page_bytes).page_id)
        except RejectedPage as e:
            fail(f"page rejected before pushing: {e}")
        pipe.xadd(streams.RAW, encode(page))
    pipe.execute()
    return ids


@friendly
def push_cmd(
    paths: list[Path] = typer.Argument(..., help="Files or folders of HTML/text pages"),
    url: str | None = typer.Option(None, "--url", help="The page's address (a single file only)"),
    source: str | None = typer.Option(None, "--source", help="Who pushed it (kept with the page)"),
) -> None:
    """Push pages onto akhbar:pages:raw; print one page id per page."""
    files = list(page_files(paths))
    if url and len(files) != 1:
        fail("--url goes with a single file", 2)
    client = redis_client()
    batch: list[RawPage] = []
    show_progress = len(files) > 20
    with typer.progressbar(files, label="pushing", file=sys.stderr) if show_progress else _plain(files) as items:
        for path in items:
            batch.append(raw_page(path, url, source))
            if len(batch) >= 100:
                _emit(push_pages(client, batch))
                batch = []
    if batch:
        _emit(push_pages(client, batch))


class _plain:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self.items

    def __exit__(self, *exc):
        return False


def _emit(ids: list[str]) -> None:
    for page_id in ids:
        typer.echo(page_id)
