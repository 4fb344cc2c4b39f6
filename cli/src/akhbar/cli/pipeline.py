"""``akhbar serve`` (one service) and ``akhbar run`` (all four, on one machine)."""

from __future__ import annotations

import asyncio
import importlib
import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import typer

from akhbar.cli.errors import fail, friendly
from akhbar.shared import streams
from akhbar.shared.embedded import check_reachable, running_embedded_url
from akhbar.shared.settings import get_settings

APPS = {s: f"akhbar.{s}.app" for s in streams.SERVICES}


@friendly
def serve_cmd(service: str = typer.Argument(..., help="ingest, parse, enrich or store")) -> None:
    """Run one service until SIGTERM/Ctrl-C (replicas join the same consumer group)."""
    if service not in APPS:
        fail(f"unknown service {service!r}; one of {', '.join(APPS)}", 2)
    settings = get_settings()
    if settings.redis_url:
        check_reachable(settings.redis_url)
    app = importlib.import_module(APPS[service]).create_app(settings)
    asyncio.run(app.run())


def example_pages() -> list[Path]:
    folder = resources.files("akhbar.parse") / "examples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".txt", ".html")))


def summary(article) -> str:
    kinds: dict[str, int] = {}
    for e in article.entities:
        kinds[e.label] = kinds.get(e.label, 0) + 1
    ents = " ".join(f"{k}={v}" for k, v in sorted(kinds.items())) or "none"
    return (
        f"── {article.title or '(no title)'}\n"
        f"   outlet: {article.source_name or '?'} · published: {article.published or '?'} · id: {article.id}\n"
        f"   {len(article.body)} paragraphs · {len(article.headlines)} headlines · "
        f"entities: {len(article.entities)} ({ents}) · dates: {len(article.dates)}"
    )


@friendly
def run_cmd(
    demo: bool = typer.Option(False, "--demo", help="Push the bundled example pages"),
    json_lines: bool = typer.Option(False, "--json", help="Print each enriched article as JSON too"),
) -> None:
    """Run the whole pipeline on this machine; print enriched articles until Ctrl-C."""
    import redis

    from akhbar.cli.pushing import push_pages, raw_page
    from akhbar.cli.tailing import follow

    settings = get_settings()
    server = None
    url = settings.redis_url or running_embedded_url(settings.data_dir)
    if url:
        check_reachable(url)
    else:
        server = subprocess.Popen(
            [sys.executable, "-m", "akhbar.shared.embedded", str(settings.data_dir)],
            stdout=subprocess.PIPE, text=True, start_new_session=True,
        )
        url = server.stdout.readline().strip()
        if not url:
            fail(f"the embedded Valkey server did not start (see {settings.data_dir}/valkey/valkey.log)")
        typer.echo(f"embedded Valkey at {url} (data in {settings.data_dir / 'valkey'})", err=True)
    env = {**os.environ, "REDIS_URL": url}
    children = [
        subprocess.Popen([sys.executable, "-m", "akhbar.cli", "serve", s], env=env) for s in streams.SERVICES
    ]
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)  # the services get Ctrl-C too; wait for them, then stop
    try:
        client = redis.Redis.from_url(url, decode_responses=True)
        start = client.xinfo_stream(streams.ENRICHED)["last-generated-id"] if client.exists(streams.ENRICHED) else "0"
        if demo:
            pages = [raw_page(p, source="akhbar-demo") for p in example_pages()]
            for page_id in push_pages(client, pages):
                typer.echo(f"pushed {page_id}", err=True)
        typer.echo("pipeline running; Ctrl-C stops it", err=True)
        while not stopping:
            for entry_id, article in follow(client, streams.ENRICHED, start, timeout=1.0):
                start = entry_id
                typer.echo(summary(article))
                if json_lines:
                    typer.echo(article.model_dump_json())
            if not stopping and any(c.poll() is not None for c in children):
                dead = [s for s, c in zip(streams.SERVICES, children, strict=True) if c.poll() is not None]
                typer.echo(f"error: service(s) exited: {', '.join(dead)}", err=True)
                break
    except KeyboardInterrupt:
        pass
    finally:
        _stop_children(children)
        if server:
            server.terminate()
            server.wait(15)
        typer.echo("stopped", err=True)


def _stop_children(children: list[subprocess.Popen]) -> None:
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 20
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
