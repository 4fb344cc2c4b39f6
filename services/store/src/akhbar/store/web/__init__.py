"""The newsroom window: HTML pages over the store, served by ``akhbar api`` beside the JSON
API (docs/ui.md). ``mount(app, store)`` adds the pages, their static files and the HTML
error pages of their own errors; the JSON routes and their errors are left as they are."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from akhbar.store.store import Store


def mount(app: FastAPI, store: Store, redis_url: str | None = None) -> None:
    from akhbar.store.web.params import BadParam
    from akhbar.store.web.render import render
    from akhbar.store.web.routes import PageNotFound, router

    app.include_router(router(store, redis_url))
    static = resources.files("akhbar.store.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.exception_handler(BadParam)
    async def bad_param(request: Request, exc: BadParam):
        return render(request, "error.html", {"status": 400, "message": str(exc)}, status=400)

    @app.exception_handler(PageNotFound)
    async def not_found(request: Request, exc: PageNotFound):
        return render(request, "error.html", {"status": 404, "message": str(exc)}, status=404)
