"""The read API: ``uvicorn --factory akhbar.store.api:create_app`` (or ``akhbar api``).

Every list is paginated (``limit``/``offset``, ``next_offset`` null on the last page). Bad
queries answer 4xx with a message saying what to change: an unknown query parameter (400),
a malformed date, an unknown label or a page size over ``MAX_PAGE`` (422).
"""

from __future__ import annotations

import contextlib
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from pydantic import BaseModel

from akhbar.shared.schemas import EnrichedArticle, EntityLabel
from akhbar.store.filters import ArticleFilter
from akhbar.store.store import Store
from akhbar.store.story_views import StoryDetail, StorySummary
from akhbar.store.views import (
    ArticleSummary,
    DayCount,
    EntityDetail,
    RegistryEntity,
    RelatedEntity,
    TopEntity,
)
from akhbar.store.when import BadDate, parse_bound

MAX_PAGE = 200
DATE_HELP = "YYYY-MM-DD (inclusive day) or an ISO 8601 datetime"


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    limit: int
    offset: int
    next_offset: int | None


class EntityPage(BaseModel):
    items: list[TopEntity]
    limit: int
    offset: int
    next_offset: int | None


class RegistryPage(BaseModel):
    items: list[RegistryEntity]
    limit: int
    offset: int
    next_offset: int | None


class StoryPage(BaseModel):
    items: list[StorySummary]
    limit: int
    offset: int
    next_offset: int | None


class Health(BaseModel):
    status: Literal["ok"]


def only_params(*allowed: str):
    """A dependency that refuses query parameters the endpoint does not know: a typo such as
    ``?entitiy=`` must not silently widen a query to everything."""

    def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - set(allowed))
        if unknown:
            raise HTTPException(
                400,
                f"unknown query parameter(s) {', '.join(unknown)}; "
                f"allowed: {', '.join(allowed) or 'none'}",
            )

    return Depends(check)


def _bound(value: str | None, name: str):
    try:
        return parse_bound(value, name)
    except BadDate as exc:
        raise HTTPException(422, str(exc)) from None


def _page(items: list, limit: int, offset: int) -> dict:
    # One row more than asked was fetched: its presence says whether a next page exists.
    more = len(items) > limit
    return {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0)]
Since = Annotated[str | None, Query(description=f"published on or after: {DATE_HELP}")]
Until = Annotated[str | None, Query(description=f"published on or before: {DATE_HELP}")]


def create_app(database_url: str | None = None, redis_url: str | None = None) -> FastAPI:
    """The API over the store at ``database_url`` (else ``DATABASE_URL``, else SQLite); the
    dashboard reads the pipeline's state from ``redis_url`` (else ``REDIS_URL``, else the
    embedded server ``akhbar run`` started)."""
    store = Store.from_url(database_url)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="akhbar store",
        summary="Enriched Arabic news articles: by entity, outlet, date and text.",
        version="1",
        lifespan=lifespan,
    )
    app.state.store = store

    @app.get("/healthz", dependencies=[only_params()])
    def healthz() -> Health:
        store.ping()
        return Health(status="ok")

    @app.get(
        "/articles",
        dependencies=[
            only_params(
                "entity", "label", "outlet", "since", "until", "text", "story", "collapse",
                "limit", "offset",
            )
        ],
    )
    def search_articles(
        entity: Annotated[
            str | None,
            Query(description="an entity: any name or spelling, Arabic or Latin, or one whole word of it"),
        ] = None,
        label: EntityLabel | None = None,
        outlet: Annotated[str | None, Query(description="outlet name")] = None,
        since: Since = None,
        until: Until = None,
        text: Annotated[str | None, Query(description="words in title or body")] = None,
        story: Annotated[str | None, Query(description="only the articles of this story")] = None,
        collapse: Annotated[
            bool, Query(description="one article per story: its earliest matching article")
        ] = False,
        limit: PageSize = 50,
        offset: Offset = 0,
    ) -> ArticlePage:
        """Articles matching every given filter, newest first (Arabic spelling folded)."""
        filters = ArticleFilter(
            entity=entity,
            label=label,
            outlet=outlet,
            since=_bound(since, "since"),
            until=_bound(until, "until"),
            text=text,
            story=story,
            collapse=collapse,
            limit=limit + 1,
            offset=offset,
        )
        return ArticlePage(**_page(store.search(filters), limit, offset))

    @app.get(
        "/stories",
        dependencies=[only_params("since", "until", "entity", "outlet", "limit", "offset")],
    )
    def list_stories(
        since: Since = None,
        until: Until = None,
        entity: Annotated[
            str | None, Query(description="with an article mentioning this entity (any name)")
        ] = None,
        outlet: Annotated[str | None, Query(description="with an article of this outlet")] = None,
        limit: PageSize = 50,
        offset: Offset = 0,
    ) -> StoryPage:
        """Stories with an article matching every filter given, newest first (by their
        latest matching article): first seen, size, copies, outlets, last updated."""
        found = store.stories(
            since=_bound(since, "since"),
            until=_bound(until, "until"),
            entity=entity,
            outlet=outlet,
            limit=limit + 1,
            offset=offset,
        )
        return StoryPage(**_page(found, limit, offset))

    @app.get("/stories/{story_id}", dependencies=[only_params()])
    def get_story(story_id: Annotated[str, Path()]) -> StoryDetail:
        """One story: its articles by time and outlet (relation first, copy or same_event,
        the article a copy copies), the first seen, the entities and dates merged."""
        story = store.story(story_id)
        if story is None:
            raise HTTPException(404, f"no story with id {story_id!r}")
        return story

    @app.get("/articles/{article_id}", dependencies=[only_params()])
    def get_article(article_id: Annotated[str, Path()]) -> EnrichedArticle:
        article = store.get(article_id)
        if article is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return article

    @app.get(
        "/entities/top",
        dependencies=[only_params("since", "until", "label", "with", "limit", "offset")],
    )
    def top_entities(
        since: Since = None,
        until: Until = None,
        label: EntityLabel | None = None,
        with_entity: Annotated[
            str | None,
            Query(alias="with", description="only articles that also mention this entity"),
        ] = None,
        limit: PageSize = 20,
        offset: Offset = 0,
    ) -> EntityPage:
        """Entities mentioned in the most articles of the period, then by mentions."""
        found = store.top_entities(
            since=_bound(since, "since"),
            until=_bound(until, "until"),
            label=label,
            cooccurring=with_entity,
            limit=limit + 1,
            offset=offset,
        )
        return EntityPage(**_page(found, limit, offset))

    @app.get("/entities", dependencies=[only_params("q", "label", "limit", "offset")])
    def find_entities(
        q: Annotated[
            str, Query(min_length=1, description="a name, spelling or whole word of a name, "
                       "Arabic or Latin (Hammouchi, حموشي, الإنتربول)")
        ],
        label: EntityLabel | None = None,
        limit: PageSize = 20,
        offset: Offset = 0,
    ) -> RegistryPage:
        """Entities of the registry whose aliases match ``q``, most articles first."""
        found = store.find_entities(q, label=label, limit=limit + 1, offset=offset)
        return RegistryPage(**_page(found, limit, offset))

    def _entity_or_404(value, entity_id: int):
        if value is None:
            raise HTTPException(404, f"no entity with id {entity_id}")
        return value

    @app.get("/entities/{entity_id}", dependencies=[only_params()])
    def get_entity(entity_id: Annotated[int, Path()]) -> EntityDetail:
        """One entity across the store: aliases (Arabic and Latin), counts, first and last
        seen, the entities most mentioned with it, mentions per day."""
        return _entity_or_404(store.entity(entity_id), entity_id)

    @app.get(
        "/entities/{entity_id}/articles",
        dependencies=[only_params("since", "until", "limit", "offset")],
    )
    def entity_articles(
        entity_id: Annotated[int, Path()],
        since: Since = None,
        until: Until = None,
        limit: PageSize = 50,
        offset: Offset = 0,
    ) -> ArticlePage:
        """The articles that mention the entity under any of its names, newest first."""
        if not store.has_entity(entity_id):
            raise HTTPException(404, f"no entity with id {entity_id}")
        filters = ArticleFilter(
            entity_id=entity_id,
            since=_bound(since, "since"),
            until=_bound(until, "until"),
            limit=limit + 1,
            offset=offset,
        )
        return ArticlePage(**_page(store.search(filters), limit, offset))

    @app.get("/entities/{entity_id}/timeline", dependencies=[only_params()])
    def entity_timeline(entity_id: Annotated[int, Path()]) -> list[DayCount]:
        """Mentions and articles per day of publication, oldest first."""
        return _entity_or_404(store.entity_timeline(entity_id), entity_id)

    @app.get("/entities/{entity_id}/related", dependencies=[only_params("limit")])
    def entity_related(
        entity_id: Annotated[int, Path()], limit: PageSize = 10
    ) -> list[RelatedEntity]:
        """The entities mentioned in the most of its (latest 500) articles."""
        return _entity_or_404(store.entity_related(entity_id, limit=limit), entity_id)

    def _correct(action):
        try:
            return action()
        except LookupError as exc:
            raise HTTPException(404, str(exc.args[0] if exc.args else exc)) from None
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.post("/entities/{entity_id}/merge", dependencies=[only_params("into")])
    def merge_entity(
        entity_id: Annotated[int, Path()],
        into: Annotated[int, Query(description="the id of the entity it is")],
    ) -> EntityDetail:
        """Correct the registry: this entity is entity ``into``; kept for later articles
        and through reindexing."""
        return _correct(lambda: store.merge_entities(entity_id, into))

    @app.post("/entities/{entity_id}/split", dependencies=[only_params("alias")])
    def split_entity(
        entity_id: Annotated[int, Path()],
        alias: Annotated[str, Query(min_length=1, description="a name filed under it that is someone else")],
    ) -> EntityDetail:
        """Correct the registry: ``alias`` is not this entity; it becomes one of its own."""
        return _correct(lambda: store.split_entity(entity_id, alias))

    # The newsroom window (HTML pages at /, docs/ui.md), beside the JSON routes above.
    from akhbar.store.web import mount

    mount(app, store, redis_url)
    return app
