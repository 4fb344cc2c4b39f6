"""``akhbar articles get|search``, ``akhbar entities top`` and ``akhbar api``.

The ``akhbar`` CLI mounts these; each opens the store at ``--database-url`` (else
``DATABASE_URL``, else the SQLite default). Usage errors exit 2 with a message, database
errors exit 1 with a message; neither prints a traceback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from enum import StrEnum

import typer
from sqlalchemy.exc import SQLAlchemyError

from akhbar.store.filters import LABELS, ArticleFilter
from akhbar.store.output import json_lines, table
from akhbar.store.store import Store
from akhbar.store.when import BadDate, parse_bound

articles_app = typer.Typer(help="Query stored articles.", no_args_is_help=True)


# Typer offers choices from an enum; this one is made from the one EntityLabel.
Label = StrEnum("Label", {label: label for label in LABELS})


# Option objects for enum-typed parameters live at module level (ruff B008 rightly objects to
# calling into a mutable-default factory in a signature; typer reads them the same way).
_ARTICLE_LABEL = typer.Option(None, "--label", help="Articles with an entity of this label.")
_ENTITY_LABEL = typer.Option(None, "--label", help="Only entities with this label.")


def _database_url_option():
    return typer.Option(
        None,
        "--database-url",
        envvar="DATABASE_URL",
        help="SQLAlchemy URL of the store (default: DATABASE_URL, else var/akhbar.db).",
    )


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _reason(exc: SQLAlchemyError) -> str:
    # The driver's own message (e.g. "connection refused") says more than SQLAlchemy's wrapper.
    return f"{exc.__class__.__name__}: {getattr(exc, 'orig', None) or exc}"


def _bounds(since: str | None, until: str | None):
    try:
        return parse_bound(since, "--since"), parse_bound(until, "--until")
    except BadDate as exc:
        raise _fail(str(exc), 2) from None


@contextlib.contextmanager
def _opened(database_url: str | None) -> Iterator[Store]:
    try:
        store = Store.from_url(database_url)
    except SQLAlchemyError as exc:
        raise _fail(f"cannot open the store: {_reason(exc)}", 1) from None
    try:
        yield store
    except SQLAlchemyError as exc:
        raise _fail(f"store query failed: {_reason(exc)}", 1) from None
    finally:
        store.close()


@articles_app.command("get")
def get(
    article_id: str = typer.Argument(..., metavar="ID", help="The article id."),
    database_url: str | None = _database_url_option(),
) -> None:
    """Print one stored article as JSON (exit 1 when there is none with that id)."""
    with _opened(database_url) as store:
        article = store.get(article_id)
    if article is None:
        raise _fail(f"no article with id {article_id!r}", 1)
    typer.echo(article.model_dump_json())


@articles_app.command("search")
def search(
    entity: str | None = typer.Option(
        None,
        "--entity",
        help="An entity: any of its names or spellings, Arabic or Latin, or one whole word of it.",
    ),
    label: Label | None = _ARTICLE_LABEL,
    outlet: str | None = typer.Option(None, "--outlet", help="Outlet name."),
    since: str | None = typer.Option(None, "--since", help="Published on or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Published on or before (YYYY-MM-DD)."),
    text: str | None = typer.Option(None, "--text", help="Words in title or body."),
    limit: int = typer.Option(50, "--limit", min=1, help="Articles to print."),
    offset: int = typer.Option(0, "--offset", min=0, help="Articles to skip."),
    as_table: bool = typer.Option(False, "--table", help="A readable table, not JSON lines."),
    database_url: str | None = _database_url_option(),
) -> None:
    """Print the articles matching every filter given, newest first, one JSON line each."""
    since_at, until_at = _bounds(since, until)
    filters = ArticleFilter(
        entity=entity,
        label=label.value if label else None,
        outlet=outlet,
        since=since_at,
        until=until_at,
        text=text,
        limit=limit,
        offset=offset,
    )
    with _opened(database_url) as store:
        found = store.search(filters)
    if as_table:
        rows = [(a.published, a.source_name, a.title, a.id) for a in found]
        typer.echo(table(rows, ["published", "outlet", "title", "id"]), nl=False)
    else:
        typer.echo(json_lines(found), nl=False)


def entities_top(
    since: str | None = typer.Option(None, "--since", help="Published on or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Published on or before (YYYY-MM-DD)."),
    label: Label | None = _ENTITY_LABEL,
    with_entity: str | None = typer.Option(
        None, "--with", help="Only articles that also mention this entity."
    ),
    limit: int = typer.Option(20, "--limit", min=1, help="Entities to print."),
    as_table: bool = typer.Option(False, "--table", help="A readable table, not JSON lines."),
    database_url: str | None = _database_url_option(),
) -> None:
    """Print the entities mentioned in the most stored articles, one JSON line each."""
    since_at, until_at = _bounds(since, until)
    with _opened(database_url) as store:
        found = store.top_entities(
            since=since_at,
            until=until_at,
            label=label.value if label else None,
            cooccurring=with_entity,
            limit=limit,
        )
    if as_table:
        rows = [(e.canonical, e.label, e.articles, e.mentions) for e in found]
        typer.echo(table(rows, ["entity", "label", "articles", "mentions"]), nl=False)
    else:
        typer.echo(json_lines(found), nl=False)


def api_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    database_url: str | None = _database_url_option(),
) -> None:
    """Serve the read API (OpenAPI at /docs and /openapi.json) with uvicorn."""
    import uvicorn

    from akhbar.store.api import create_app

    try:
        app = create_app(database_url)
    except SQLAlchemyError as exc:
        raise _fail(f"cannot open the store: {_reason(exc)}", 1) from None
    uvicorn.run(app, host=host, port=port)
