"""Jinja2 templates shipped in this package, autoescaped."""

from __future__ import annotations

import functools
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse


def _query(form: dict[str, str], **changes) -> str:
    """The search's query string with some values changed (pagination links)."""
    merged = {**form, **{k: str(v) for k, v in changes.items()}}
    return urlencode({k: v for k, v in merged.items() if v and not (k == "page" and v == "1")})


def web_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: the URLs come from the pages people
    pushed, and a ``javascript:`` one must never become a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("akhbar.store.web", "templates"),
        autoescape=jinja2.select_autoescape(("html",)),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["query"] = _query
    env.filters["web_link"] = web_link
    return env


def render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    html = environment().get_template(template).render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)
