"""``akhbar entities``: named entities of stdin lines, and subcommands that read the store.

Subcommands load lazily, like the top-level commands: add one by adding a line to
``SUBCOMMANDS``.
"""

from __future__ import annotations

import typer

from akhbar.cli.lazy import Lazy, lazy_group

SUBCOMMANDS: dict[str, Lazy] = {
    "top": Lazy("akhbar.store.cli:entities_top", "Print the entities mentioned in the most stored articles, one JSON line each."),
    "show": Lazy("akhbar.store.cli:entities_show", "Print one entity across the store, found by any of its names."),
    "search": Lazy("akhbar.store.cli:entities_search", "Print the entities whose aliases match TEXT, most articles first, one JSON line each."),
    "merge": Lazy("akhbar.store.cli:entities_merge", "Correct the registry: A is B; print B as one JSON line."),
    "split": Lazy("akhbar.store.cli:entities_split", "Correct the registry: ALIAS is not NAME; print the new entity as one JSON line."),
}

app = typer.Typer(
    cls=lazy_group(SUBCOMMANDS),
    help="Named entities of stdin lines (no subcommand), or the entities in the store.",
    invoke_without_command=True,
)


@app.callback()
def entities(
    ctx: typer.Context,
    conventions: str | None = typer.Option(
        None,
        "--conventions",
        help="label Arabic text by 'akhbar' (the project's conventions, default) or "
        "'anercorp' (the body model trained on ANERcorp alone); default $AKHBAR_NER_CONVENTIONS",
    ),
) -> None:
    """Read stdin, one item per line; print {"entities": [...]} per line."""
    if ctx.invoked_subcommand is None:
        from akhbar.cli.local import entities_stdin

        entities_stdin(conventions)
