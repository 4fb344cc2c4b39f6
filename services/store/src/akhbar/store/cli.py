"""``akhbar articles get|search``, ``akhbar entities top``, ``akhbar stories list|show``
and ``akhbar api``.

The ``akhbar`` CLI mounts these; each opens the store at ``--database-url`` (else
``DATABASE_URL``, else the SQLite default). Usage errors exit 2 with a message, database
errors exit 1 with a message; neither prints a traceback.
"""

from __future__ import annotations

import contextlib
import json
import sys
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
    story: str | None = typer.Option(None, "--story", metavar="ID", help="Only the articles of this story."),
    collapse: bool = typer.Option(
        False, "--collapse", help="One article per story: its earliest matching article."
    ),
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
        story=story,
        collapse=collapse,
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


_REGISTRY_LABEL = typer.Option(None, "--label", help="Only an entity with this label.")


def _found(action):
    """Run ``action``; a name that names nothing (or several) is exit 1 with the message,
    a correction that cannot be made exit 2."""
    try:
        return action()
    except LookupError as exc:
        raise _fail(str(exc.args[0] if exc.args else exc), 1) from None
    except ValueError as exc:
        raise _fail(str(exc), 2) from None


def _detail_table(entity) -> str:
    head = [
        ("name", entity.name),
        ("id", entity.id),
        ("label", entity.label),
        ("articles", entity.articles),
        ("mentions", entity.mentions),
        ("first seen", entity.first_seen.date() if entity.first_seen else ""),
        ("last seen", entity.last_seen.date() if entity.last_seen else ""),
        ("latin", ", ".join(entity.latin)),
    ]
    parts = [
        table(head, ["entity", ""]),
        "\n",
        table([(a.alias, a.script, a.source, a.mentions) for a in entity.aliases],
              ["alias", "script", "source", "mentions"]),
        "\n",
        table([(r.name, r.label, r.articles) for r in entity.related],
              ["mentioned with", "label", "articles"]),
        "\n",
        table([(d.day, d.articles, d.mentions) for d in entity.timeline],
              ["day", "articles", "mentions"]),
    ]
    return "".join(parts)


def entities_show(
    name: str = typer.Argument(..., metavar="NAME", help="Any name, spelling or whole word of a name, Arabic or Latin."),
    label: Label | None = _REGISTRY_LABEL,
    as_table: bool = typer.Option(False, "--table", help="Readable tables, not one JSON line."),
    database_url: str | None = _database_url_option(),
) -> None:
    """Print one entity across the store, found by any of its names.

    Its aliases (Arabic and Latin), article count, first and last seen, the entities most
    often mentioned with it, and mentions per day."""
    with _opened(database_url) as store:
        entity = _found(lambda: store.entity_named(name, label.value if label else None))
    if entity is None:
        raise _fail(f"no entity named {name!r}", 1)
    if as_table:
        typer.echo(_detail_table(entity), nl=False)
    else:
        typer.echo(entity.model_dump_json())


def entities_search(
    text: str = typer.Argument(..., metavar="TEXT", help="A name, spelling or whole word of one."),
    label: Label | None = _ENTITY_LABEL,
    limit: int = typer.Option(20, "--limit", min=1, help="Entities to print."),
    as_table: bool = typer.Option(False, "--table", help="A readable table, not JSON lines."),
    database_url: str | None = _database_url_option(),
) -> None:
    """Print the entities whose aliases match TEXT, most articles first, one JSON line each."""
    with _opened(database_url) as store:
        found = _found(lambda: store.find_entities(text, label.value if label else None, limit))
    if as_table:
        rows = [(e.name, e.label, e.articles, ", ".join(e.latin), e.id) for e in found]
        typer.echo(table(rows, ["entity", "label", "articles", "latin", "id"]), nl=False)
    else:
        typer.echo(json_lines(found), nl=False)


def entities_merge(
    source: str = typer.Argument(..., metavar="A", help="The entity that is another (name or id)."),
    target: str = typer.Argument(..., metavar="B", help="The entity it is (name or id)."),
    label: Label | None = _REGISTRY_LABEL,
    database_url: str | None = _database_url_option(),
) -> None:
    """Correct the registry: A is B; print B as one JSON line.

    Every name of A becomes a name of B, now, for later articles and through reindexing."""
    with _opened(database_url) as store:
        merged = _found(lambda: store.merge_entities(source, target, label.value if label else None))
    typer.echo(merged.model_dump_json())


def entities_split(
    name: str = typer.Argument(..., metavar="NAME", help="The entity (name or id)."),
    alias: str = typer.Argument(..., metavar="ALIAS", help="A name filed under it that is someone else."),
    label: Label | None = _REGISTRY_LABEL,
    database_url: str | None = _database_url_option(),
) -> None:
    """Correct the registry: ALIAS is not NAME; print the new entity as one JSON line.

    ALIAS becomes an entity of its own and stays one for later articles and through
    reindexing."""
    with _opened(database_url) as store:
        new = _found(lambda: store.split_entity(name, alias, label.value if label else None))
    typer.echo(new.model_dump_json())


stories_app = typer.Typer(
    help="Stories: articles grouped as copies or reports of one event.", no_args_is_help=True
)


def _when(value) -> str:
    return value.isoformat(sep=" ", timespec="minutes") if value is not None else ""


@stories_app.command("list")
def stories_list(
    since: str | None = typer.Option(None, "--since", help="With an article published on or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="With an article published on or before (YYYY-MM-DD)."),
    entity: str | None = typer.Option(
        None, "--entity", help="With an article mentioning this entity (any name or spelling)."
    ),
    outlet: str | None = typer.Option(None, "--outlet", help="With an article of this outlet."),
    limit: int = typer.Option(50, "--limit", min=1, help="Stories to print."),
    offset: int = typer.Option(0, "--offset", min=0, help="Stories to skip."),
    as_table: bool = typer.Option(False, "--table", help="A readable table, not JSON lines."),
    database_url: str | None = _database_url_option(),
) -> None:
    """Print stories newest first (by their latest matching article), one JSON line each:
    first seen, size, copies, outlets, last updated."""
    since_at, until_at = _bounds(since, until)
    with _opened(database_url) as store:
        found = store.stories(
            since=since_at, until=until_at, entity=entity, outlet=outlet, limit=limit, offset=offset
        )
    if as_table:
        rows = [
            (_when(s.last_updated), s.size, s.copies, len(s.outlets), s.first_seen.title, s.id)
            for s in found
        ]
        typer.echo(table(rows, ["last updated", "articles", "copies", "outlets", "first title", "id"]), nl=False)
    else:
        typer.echo(json_lines(found), nl=False)


def _story_table(story) -> str:
    head = [
        ("id", story.id),
        ("first seen", f"{_when(story.first_seen.seen_at)} {story.first_seen.outlet or ''}: "
                       f"{story.first_seen.title}"),
        ("articles", f"{story.size} ({story.copies} copies, {story.same_event} same event)"),
        ("outlets", ", ".join(story.outlets)),
        ("last updated", _when(story.last_updated)),
    ]
    parts = [
        table(head, ["story", ""]),
        "\n",
        table([(o.outlet, _when(a.seen_at), a.relation, a.copy_of or "", a.title, a.id)
               for o in story.by_outlet for a in story.articles if a.id in o.articles],
              ["outlet", "time", "relation", "copy of", "title", "id"]),
        "\n",
        table([(e.name, e.label, e.articles) for e in story.entities], ["entity", "label", "articles"]),
        "\n",
        table([(d.value, d.kind, d.articles) for d in story.dates], ["date", "kind", "articles"]),
    ]
    return "".join(parts)


@stories_app.command("show")
def stories_show(
    story_id: str = typer.Argument(..., metavar="ID", help="The story id (s-...)."),
    as_table: bool = typer.Option(False, "--table", help="Readable tables, not one JSON line."),
    database_url: str | None = _database_url_option(),
) -> None:
    """Print one story as JSON: its articles by time (and by outlet) with how each joined,
    the first seen, the entities and dates merged (exit 1 when there is no such story)."""
    with _opened(database_url) as store:
        story = store.story(story_id)
    if story is None:
        raise _fail(f"no story with id {story_id!r}", 1)
    if as_table:
        typer.echo(_story_table(story), nl=False)
    else:
        typer.echo(story.model_dump_json())


store_app = typer.Typer(help="Look after the store.", no_args_is_help=True)


def _with_progress(label: str, total: int, action):
    with typer.progressbar(length=max(total, 1), label=label, file=sys.stderr) as bar:
        shown = 0

        def progress(done: int, _total: int) -> None:
            nonlocal shown
            bar.update(done - shown)
            shown = done

        return action(progress)


@store_app.command("reindex")
def store_reindex(database_url: str | None = _database_url_option()) -> None:
    """Rebuild the entity registry from every stored article, corrections kept (also what
    fills it in a store that held articles before it existed), then group into stories the
    articles that have none (stored before grouping existed; grouped ones keep their story).
    Progress bars go to stderr; prints {"articles": N, "entities": M, "grouped": K}."""
    with _opened(database_url) as store:
        articles = _with_progress("reindexing", store.count(), store.reindex)
        entities = store.registry_size()
        grouped = _with_progress("grouping", store.count(), store.group_ungrouped)
    typer.echo(json.dumps({"articles": articles, "entities": entities, "grouped": grouped}))


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
