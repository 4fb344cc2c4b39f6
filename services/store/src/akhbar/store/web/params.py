"""Reading a page's query string: every value checked, every mistake a ``BadParam`` whose
message the 400 page shows (never FastAPI's JSON 422, never a traceback)."""

from __future__ import annotations

import re

from starlette.datastructures import QueryParams

from akhbar.store.filters import ArticleFilter
from akhbar.store.when import BadDate, parse_bound

PAGE_SIZE = 20
MAX_PAGE_NUMBER = 500
MAX_TEXT = 300
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")

SEARCH_PARAMS = ("q", "entity", "outlet", "since", "until", "lang", "page")


class BadParam(ValueError):
    """A query parameter the page cannot use; the message says which and what to give."""


def only(params: QueryParams, *allowed: str) -> None:
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise BadParam(
            f"معامل غير معروف / unknown parameter: {', '.join(unknown)}; "
            f"allowed: {', '.join(allowed) or 'none'}"
        )
    repeated = sorted(k for k in set(params) if len(params.getlist(k)) > 1)
    if repeated:
        raise BadParam(f"parameter given more than once: {', '.join(repeated)}")


def text(params: QueryParams, name: str) -> str | None:
    value = params.get(name, "").strip()
    if len(value) > MAX_TEXT:
        raise BadParam(f"{name}: at most {MAX_TEXT} characters, not {len(value)}")
    if "\x00" in value:
        raise BadParam(f"{name}: contains a NUL character")
    return value or None


def page_number(params: QueryParams) -> int:
    raw = params.get("page", "").strip()
    if not raw:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_NUMBER:
        raise BadParam(f"page: a whole number from 1 to {MAX_PAGE_NUMBER}, not {raw!r}")
    return int(raw)


def search_filter(params: QueryParams) -> tuple[ArticleFilter, dict[str, str]]:
    """The ``ArticleFilter`` of the search form (one page, and one row more to know whether
    a next page exists), and the form's values to show again."""
    only(params, *SEARCH_PARAMS)
    form = {k: text(params, k) or "" for k in SEARCH_PARAMS if k != "page"}
    language = form["lang"] or None
    if language is not None and not _LANGUAGE.match(language):
        raise BadParam(f"lang: a language code such as ar or fr, not {language!r}")
    try:
        since = parse_bound(form["since"] or None, "since")
        until = parse_bound(form["until"] or None, "until")
    except BadDate as exc:
        raise BadParam(str(exc)) from None
    if since is not None and until is not None and str(since) > str(until):
        raise BadParam(f"since ({form['since']}) is after until ({form['until']})")
    page = page_number(params)
    filters = ArticleFilter(
        text=form["q"] or None,
        entity=form["entity"] or None,
        outlet=form["outlet"] or None,
        since=since,
        until=until,
        language=language,
        limit=PAGE_SIZE + 1,
        offset=(page - 1) * PAGE_SIZE,
    )
    form["page"] = str(page)
    return filters, form
