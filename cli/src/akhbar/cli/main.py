"""Assembles the ``akhbar`` command. Names, flags and JSON shapes here are a public contract."""

from __future__ import annotations

import typer

from akhbar.cli import local, operating, pipeline, pushing, tailing

app = typer.Typer(
    name="akhbar",
    help="akhbar: raw Arabic news pages in, structured enriched articles out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

app.command("push")(pushing.push_cmd)
app.command("tail")(tailing.tail_cmd)
app.command("run")(pipeline.run_cmd)
app.command("serve")(pipeline.serve_cmd)
app.command("parse")(local.parse_cmd)
app.command("extract")(local.extract_cmd)
app.command("dates")(local.dates_cmd)
app.command("stats")(operating.stats_cmd)
app.add_typer(operating.dlq_app, name="dlq")

entities_app = typer.Typer(
    help="Named entities of stdin lines (no subcommand), or the top entities in the store.",
    invoke_without_command=True,
)


@entities_app.callback()
def entities(ctx: typer.Context) -> None:
    """Read stdin, one item per line; print {"entities": [...]} per line."""
    if ctx.invoked_subcommand is None:
        local.entities_stdin()


app.add_typer(entities_app, name="entities")


def _store_commands() -> None:
    from akhbar.store import cli as store_cli

    app.add_typer(store_cli.articles_app, name="articles", help="Query stored articles.")
    entities_app.command("top")(store_cli.entities_top)
    entities_app.command("show")(store_cli.entities_show)
    entities_app.command("search")(store_cli.entities_search)
    entities_app.command("merge")(store_cli.entities_merge)
    entities_app.command("split")(store_cli.entities_split)
    app.add_typer(store_cli.store_app, name="store", help="Look after the store.")
    app.command("api")(store_cli.api_command)


try:
    _store_commands()
except (ImportError, AttributeError):  # the store's CLI lands separately; the rest works without it
    pass


def main() -> None:
    app()
