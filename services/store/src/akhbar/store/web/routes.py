"""The newsroom pages: search (``/``), an article (``/a/{id}``), an entity (``/e/{id}``), a
story (``/s/{id}``) and the dashboard (``/dashboard``). Server-rendered HTML over the same
``Store`` the JSON API reads; left out of the OpenAPI document."""

from __future__ import annotations

import datetime as dt

import redis
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from akhbar.shared.embedded import NoRedisError
from akhbar.shared.pipeline_state import collect_stats, health_code, redis_client
from akhbar.shared.schemas import EnrichedArticle
from akhbar.store.filters import ArticleFilter
from akhbar.store.normalize import search_tokens
from akhbar.store.store import Store
from akhbar.store.story_views import StoryArticle, StoryDetail
from akhbar.store.views import ArticleSummary
from akhbar.store.web import charts, queries
from akhbar.store.web.marks import Span, pieces, snippet
from akhbar.store.web.params import PAGE_SIZE, BadParam, only, search_filter
from akhbar.store.web.render import render

DASHBOARD_DAYS = 14
TOP_WEEK = 15
ENTITY_ARTICLES = 20
# A dashboard must answer even when Redis hangs: each command gets this long.
REDIS_TIMEOUT_S = 1.0

LABEL_NAMES = {"PER": "شخص", "ORG": "هيئة", "LOC": "مكان", "MISC": "متفرقات", "date": "تاريخ"}


class PageNotFound(LookupError):
    """No such article, entity or story: a 404 page with the message."""


def results(store: Store, found: list[ArticleSummary], filters: ArticleFilter) -> list[dict]:
    """Search hits with what the list shows: a snippet with the match marked, the story
    and its size."""
    ids = [a.id for a in found]
    with store.reader() as conn:
        texts = queries.bodies(conn, ids)
        sizes = queries.story_sizes(conn, [a.story_id for a in found if a.story_id])
        marked = (
            queries.entity_spans(conn, [pk for pk, _ in texts.values()], filters.entity)
            if filters.entity else {}
        )
    words = set(search_tokens(filters.text)) if filters.text else set()
    rows = []
    for a in found:
        pk, body = texts.get(a.id, (None, []))
        spans: dict[int, list[Span]] = {}
        for field, start, end in marked.get(pk, []):
            if field.startswith("body."):
                spans.setdefault(int(field[5:]), []).append(Span(start, end, "match"))
        rows.append({
            "article": a,
            "snippet": snippet(body, spans, words),
            "story_id": a.story_id,
            "story_size": sizes.get(a.story_id) if a.story_id else None,
        })
    return rows


def article_view(store: Store, article: EnrichedArticle) -> dict:
    """The article's fields cut into highlighted pieces, each entity linked to its page."""
    with store.reader() as conn:
        rids = queries.registry_ids(conn, [(e.canonical, e.label) for e in article.entities])
        story_id = store.stories_of([article.id]).get(article.id)
        size = queries.story_sizes(conn, [story_id]).get(story_id) if story_id else None
    spans: dict[str, list[Span]] = {}
    for e in article.entities:
        rid = rids.get((e.canonical, e.label))
        spans.setdefault(e.field, []).append(Span(
            e.start, e.end, e.label, surface=e.text,
            tip=f"{e.canonical} · {LABEL_NAMES.get(e.label, e.label)}",
            href=f"/e/{rid}" if rid is not None else None,
        ))
    for d in article.dates:
        spans.setdefault(d.field, []).append(
            Span(d.start, d.end, "date", surface=d.text, tip=f"{d.value} · {d.kind}")
        )

    def field(name: str, text: str) -> dict:
        language = article.language_of(name) or "ar"
        return {"pieces": pieces(text, spans.get(name, [])), "lang": language,
                "dir": "ltr" if language not in ("ar", "fa", "ur", "he") else "rtl"}

    # Each entity once, in the order first mentioned, for the list beside the text.
    seen: dict[tuple[str, str], dict] = {}
    for e in article.entities:
        seen.setdefault((e.canonical, e.label), {
            "name": e.canonical, "label": e.label, "id": rids.get((e.canonical, e.label)),
        })
    return {
        "article": article,
        "title": field("title", article.title),
        "body": [field(f"body.{i}", p) for i, p in enumerate(article.body)],
        "headlines": [
            {"url": h.url, **field(f"headlines.{i}", h.text)} for i, h in enumerate(article.headlines)
        ],
        "entities": list(seen.values()),
        "story_id": story_id,
        "story_size": size,
    }


def story_view(story: StoryDetail) -> dict:
    """The story's articles by outlet, in time order, each copy folded under the article it
    copies (followed to the original when it copies a copy), wherever that one is listed.
    A copy whose original is no longer stored stands on its own."""
    by_id = {a.id: a for a in story.articles}

    def original(a: StoryArticle) -> str:
        seen = {a.id}
        while a.copy_of in by_id and a.copy_of not in seen:
            a = by_id[a.copy_of]
            seen.add(a.id)
        return a.id

    copies: dict[str, list[StoryArticle]] = {}
    for a in story.articles:
        if a.relation == "copy" and original(a) != a.id:
            copies.setdefault(original(a), []).append(a)
    folded = {c.id for group in copies.values() for c in group}
    outlets = []
    for cover in story.by_outlet:
        heads = [by_id[i] for i in cover.articles if i in by_id and i not in folded]
        if heads:
            outlets.append({
                "outlet": cover.outlet,
                "first": cover.first,
                "articles": [{"article": a, "copies": copies.get(a.id, [])} for a in heads],
            })
    return {"story": story, "outlets": outlets}


def pipeline_state(redis_url: str | None) -> dict:
    """``akhbar stats``' report, or why it could not be read."""
    try:
        client = redis_client(redis_url, timeout_s=REDIS_TIMEOUT_S)
        try:
            report = collect_stats(client)
        finally:
            client.close()
    except (NoRedisError, redis.RedisError, OSError) as exc:
        return {"error": str(exc) or exc.__class__.__name__}
    return {"report": report, "code": health_code(report)}


def router(store: Store, redis_url: str | None = None) -> APIRouter:
    pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    @pages.get("/")
    def search(request: Request):
        filters, form = search_filter(request.query_params)
        searched = any(form[k] for k in ("q", "entity", "outlet", "since", "until", "lang"))
        found = store.search(filters)
        page = int(form["page"])
        suggestions = store.find_entities(filters.entity, limit=3) if filters.entity else []
        with store.reader() as conn:
            outlets = queries.outlet_names(conn)
        return render(request, "search.html", {
            "form": form,
            "searched": searched,
            "rows": results(store, found[:PAGE_SIZE], filters),
            "page": page,
            "has_next": len(found) > PAGE_SIZE,
            "outlets": outlets,
            "suggestions": suggestions,
        })

    @pages.get("/a/{article_id}")
    def article(request: Request, article_id: str):
        only(request.query_params)
        found = store.get(article_id)
        if found is None:
            raise PageNotFound(f"لا يوجد مقال بالمعرف {article_id!r} / no article with id {article_id!r}")
        return render(request, "article.html", article_view(store, found))

    @pages.get("/e/{entity_id}")
    def entity(request: Request, entity_id: str):
        only(request.query_params)
        if not entity_id.isdigit():
            raise BadParam(f"entity id: a whole number, not {entity_id!r}")
        detail = store.entity(int(entity_id))
        if detail is None:
            raise PageNotFound(f"لا يوجد كيان بالمعرف {entity_id} / no entity with id {entity_id}")
        latest = store.search(ArticleFilter(entity_id=detail.id, limit=ENTITY_ARTICLES))
        return render(request, "entity.html", {
            "entity": detail,
            "labels": LABEL_NAMES,
            "arabic": [a for a in detail.aliases if a.script == "arabic"],
            "latin": [a for a in detail.aliases if a.script == "latin"],
            "chart": charts.per_day([(d.day, d.mentions) for d in detail.timeline]),
            "rows": results(store, latest, ArticleFilter(limit=1)),
        })

    @pages.get("/dashboard")
    def dashboard(request: Request):
        only(request.query_params)
        with store.reader() as conn:
            last = queries.newest_day(conn)
            first = last - dt.timedelta(days=DASHBOARD_DAYS - 1) if last else None
            counts = queries.per_day_per_outlet(conn, first, last) if last else []
        week = store.top_entities(
            since=last - dt.timedelta(days=6), until=last, limit=TOP_WEEK
        ) if last else []
        with store.reader() as conn:
            ids = queries.registry_ids_by_folded(conn, [(t.canonical, t.label) for t in week])
        return render(request, "dashboard.html", {
            "last": last,
            "chart": charts.per_day_per_outlet(counts, first, last) if last else None,
            "week": [{"entity": t, "id": ids.get((t.canonical, t.label))} for t in week],
            "week_from": last - dt.timedelta(days=6) if last else None,
            "total": store.count(),
            "pipeline": pipeline_state(redis_url),
        })

    @pages.get("/s/{story_id}")
    def story(request: Request, story_id: str):
        only(request.query_params)
        found = store.story(story_id)
        if found is None:
            raise PageNotFound(f"لا توجد قصة بالمعرف {story_id!r} / no story with id {story_id!r}")
        return render(request, "story.html", story_view(found))

    return pages
