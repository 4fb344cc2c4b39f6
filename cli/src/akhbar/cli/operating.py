"""``akhbar dlq`` and ``akhbar stats``: what is stuck, what failed, and putting it back."""

from __future__ import annotations

import json
import time
from collections import Counter

import typer

from akhbar.cli.connect import redis_client
from akhbar.cli.errors import fail, friendly
from akhbar.shared import streams
from akhbar.shared.pipeline_state import collect_stats, health_code
from akhbar.shared.schemas import DeadLetter
from akhbar.shared.wire import load

dlq_app = typer.Typer(help="Dead letters: messages a service gave up on, with the reason.", no_args_is_help=True)


def _services(service: str | None) -> tuple[str, ...]:
    if service is None:
        return streams.SERVICES
    if service not in streams.SERVICES:
        fail(f"unknown service {service!r}; one of {', '.join(streams.SERVICES)}", 2)
    return (service,)


def dead_letters(client, service: str) -> list[tuple[str, DeadLetter]]:
    out = []
    for entry_id, fields in client.xrange(streams.dlq(service)):
        out.append((entry_id, load(DeadLetter, fields)))
    return out


@dlq_app.command("list")
@friendly
def dlq_list(service: str | None = typer.Argument(None, help="ingest, parse, enrich or store")) -> None:
    """One JSON line per service: count, counts by reason, and each dead letter."""
    names = _services(service)
    client = redis_client()
    for name in names:
        letters = dead_letters(client, name)
        reasons = Counter(d.reason for _, d in letters)
        typer.echo(json.dumps({
            "service": name,
            "count": len(letters),
            "reasons": dict(reasons),
            "entries": [
                {"id": i, "entry_id": d.entry_id, "reason": d.reason, "error": d.error,
                 "deliveries": d.deliveries, "failed_at": d.failed_at.isoformat()}
                for i, d in letters
            ],
        }, ensure_ascii=False))


@dlq_app.command("replay")
@friendly
def dlq_replay(
    service: str = typer.Argument(..., help="ingest, parse, enrich or store"),
    entry: str | None = typer.Option(None, "--id", help="Replay only this dead letter (its id in the DLQ)"),
) -> None:
    """Put dead letters back on the service's input stream (and off the DLQ), one transaction each."""
    (name,) = _services(service)
    client = redis_client()
    letters = dead_letters(client, name)
    if entry:
        letters = [(i, d) for i, d in letters if i == entry]
        if not letters:
            fail(f"no dead letter {entry} in {streams.dlq(name)}", 2)
    for dlq_id, letter in letters:
        pipe = client.pipeline(transaction=True)
        pipe.xadd(streams.INPUT[name], letter.entry)
        pipe.xdel(streams.dlq(name), dlq_id)
        new_id, _ = pipe.execute()
        typer.echo(json.dumps({"replayed": dlq_id, "to": streams.INPUT[name], "id": new_id}))


@friendly
def stats_cmd(
    watch: float | None = typer.Option(None, "--watch", help="Refresh every S seconds until Ctrl-C"),
    table: bool = typer.Option(False, "--table", help="A readable table instead of JSON"),
) -> None:
    """Per stream: length; per group: lag, pending, consumers; DLQ sizes. Exit 1 if the DLQ is not empty.

    Also each running consumer's state: working, or stalled (waiting for its database or
    Redis, with the error and for how long), or silent (no report for 30 s).
    """
    client = redis_client()
    while True:
        report = collect_stats(client)
        if watch:
            typer.echo("\x1b[2J\x1b[H", nl=False)
        typer.echo(render_table(report) if table or watch else json.dumps(report))
        if not watch:
            raise typer.Exit(health_code(report))
        try:
            time.sleep(watch)
        except KeyboardInterrupt:
            raise typer.Exit(health_code(report)) from None


def render_table(report: dict) -> str:
    lines = [f"{'stream':28} {'length':>8} {'group':16} {'lag':>6} {'pending':>8} {'consumers':>9}"]
    for stream, info in report["streams"].items():
        groups = info["groups"] or {"-": {"lag": "", "pending": "", "consumers": ""}}
        for name, g in groups.items():
            lines.append(
                f"{stream:28} {info['length']:>8} {name:16} {str(g['lag']):>6} {str(g['pending']):>8} {str(g['consumers']):>9}"
            )
    lines.append("dead letters: " + ", ".join(f"{s}={n}" for s, n in report["dlq"].items()))
    for service, consumers in report.get("stages", {}).items():
        for c in consumers:
            line = f"{service:8} {c['consumer']:32} {c['state']}"
            if c.get("dependency"):
                line += f" on {c['dependency']} for {c['stalled_s']}s: {c['reason']}"
            if c["state"] == "silent":
                line += f" (last report {c['seen_s_ago']}s ago)"
            lines.append(line)
    return "\n".join(lines)
