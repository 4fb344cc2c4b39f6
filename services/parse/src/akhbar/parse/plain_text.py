"""Pages saved as text: an aggregator page like the seed, or text with no structure at all.

Layout read here (the seed page): a ticker line whose headlines are separated by runs of
spaces, the image-report widget, the title, "نشر في <outlet> يوم <date>", the body, and the
read-at-source line. Text without those lines still yields a body; a short first line
followed by more text is taken as its title. Dateline and byline lines (short, mostly
date/time/byline words) leave the body; a paragraph that mentions a date stays.
"""

from __future__ import annotations

import re

from akhbar.parse.aggregator import posted_in
from akhbar.parse.boilerplate import is_widget_text
from akhbar.parse.datelines import is_dateline
from akhbar.parse.printed_dates import publication_date
from akhbar.parse.textnorm import clean
from akhbar.shared.schemas import Headline

# Ticker items are separated by three or more spaces; prose never has such runs.
_TICKER_GAP = re.compile(r"[ \t\u00a0]{3,}")
_MIN_TICKER_ITEMS = 3
_MAX_TITLE_CHARS = 250
# The publication date is looked for in the first lines (title, dateline, lede).
_DATE_LINES = 4
_SHORT_LINE_CHARS = 80


def _ticker_items(line: str) -> list[str] | None:
    items = [clean(part) for part in _TICKER_GAP.split(line)]
    items = [item for item in items if item]
    return items if len(items) >= _MIN_TICKER_ITEMS else None


def _dedupe(items: list[str]) -> list[Headline]:
    seen: set[str] = set()
    headlines = []
    for item in items:
        if item not in seen:
            seen.add(item)
            headlines.append(Headline(text=item))
    return headlines


def _dated(lines: list[str]):
    """The lines without datelines, and the publication date: the first dateline's near the
    top, else (a last resort) a date in a short line there, which stays in the body."""
    published = None
    for line in lines[:_DATE_LINES]:
        date = publication_date(line) if is_dateline(line) else None
        if date:
            published = date.value
            break
    body = [line for line in lines if not is_dateline(line)]
    for line in body[:_DATE_LINES] if published is None else ():
        date = publication_date(line) if len(line) <= _SHORT_LINE_CHARS else None
        if date:
            published = date.value
            break
    return body, published


def extract_text(text: str) -> dict:
    """Article fields read off a plain-text page (see the module docstring for the layout)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ticker: list[str] = []
    content: list[str] = []  # cleaned non-empty lines that are neither ticker nor widget
    for line in lines:
        items = _ticker_items(line)
        if items:
            ticker.extend(items)
            continue
        line = clean(line)
        if line and not is_widget_text(line):
            content.append(line)

    fields: dict = {"headlines": _dedupe(ticker)}
    for index, line in enumerate(content):
        found = posted_in(line)
        if found:
            fields["source_name"], date = found
            fields["published"] = date.value
            fields["title"] = content[index - 1] if index else ""
            body = [line for line in content[index + 1 :] if not is_dateline(line)]
            break
    else:
        body, fields["published"] = _dated(content)
        if len(body) > 1 and len(body[0]) <= _MAX_TITLE_CHARS:
            fields["title"], body = body[0], body[1:]

    fields["body"] = body
    return fields
