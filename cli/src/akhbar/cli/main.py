"""Assembles the ``akhbar`` command. Names, flags and JSON shapes here are a public contract.

Each command is a line of ``COMMANDS``: its module and attribute, and the one line that
``akhbar --help`` shows. The module is imported only when the command runs, so the command
line answers at once whatever the command needs (the store, the entity model, FastStream).
Add a command by adding a line here; a test imports every one and checks its help line.
"""

from __future__ import annotations

import os
from enum import StrEnum

import typer

from akhbar.cli.lazy import Lazy, lazy_group

COMMANDS: dict[str, Lazy] = {
    "push": Lazy("akhbar.cli.pushing:push_cmd", "Push pages onto akhbar:pages:raw; print one page id per page."),
    "tail": Lazy("akhbar.cli.tailing:tail_cmd", "Print enriched articles as JSON lines, oldest first."),
    "run": Lazy("akhbar.cli.pipeline:run_cmd", "Run the whole pipeline on this machine; print enriched articles until Ctrl-C."),
    "serve": Lazy("akhbar.cli.pipeline:serve_cmd", "Run one service until SIGTERM/Ctrl-C (replicas join the same consumer group)."),
    "parse": Lazy("akhbar.cli.local:parse_cmd", "Print the Article JSON of a page."),
    "extract": Lazy("akhbar.cli.local:extract_cmd", "Print the EnrichedArticle JSON of a page (parse + enrich)."),
    "dates": Lazy("akhbar.cli.local:dates_cmd", "Date/time expressions of each stdin line: {\"dates\": [{text, start, end, kind, value}]}."),
    "entities": Lazy("akhbar.cli.entities:app", "Named entities of stdin lines (no subcommand), or the entities in the store."),
    "stats": Lazy("akhbar.cli.operating:stats_cmd", "Per stream: length; per group: lag, pending, consumers; DLQ sizes. Exit 1 if the DLQ is not empty."),
    "dlq": Lazy("akhbar.cli.operating:dlq_app", "Dead letters: messages a service gave up on, with the reason."),
    "articles": Lazy("akhbar.store.cli:articles_app", "Query stored articles."),
    "stories": Lazy("akhbar.store.cli:stories_app", "Stories: articles grouped as copies or reports of one event."),
    "store": Lazy("akhbar.store.cli:store_app", "Look after the store."),
    "api": Lazy("akhbar.store.cli:api_command", "Serve the read API (OpenAPI at /docs and /openapi.json) with uvicorn."),
}


class LogFormat(StrEnum):
    json = "json"
    console = "console"
    auto = "auto"


app = typer.Typer(
    cls=lazy_group(COMMANDS),
    name="akhbar",
    help="akhbar: raw Arabic news pages in, structured enriched articles out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

_LOG_FORMAT = typer.Option(
    None, "--log-format", help="Service logs as JSON lines or console lines (default: console on a terminal, else JSON)."
)


@app.callback()
def root(log_format: LogFormat | None = _LOG_FORMAT) -> None:
    """akhbar: raw Arabic news pages in, structured enriched articles out."""
    if log_format is not None:
        # Through the environment, so the services `akhbar run` starts inherit it too.
        os.environ["AKHBAR_LOG_FORMAT"] = log_format.value


def main() -> None:
    app()
