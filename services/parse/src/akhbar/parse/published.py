"""Which of a page's dates is its publication date, and in whose clock.

Readers see the printed line, in the outlet's local time; metadata is often UTC and can be a
day off. So the order is: the aggregator's "نشر في ... يوم" line, the dateline printed next
to the headline (a "last updated" date only when nothing else is printed there), the
metadata's publication date, a date in the URL path, and last a date in a short line of
prose next to the headline (a lede's date is often the event's, not the story's).
"""

from __future__ import annotations

import datetime as dt
import re

from akhbar.parse.datelines import is_dateline
from akhbar.parse.html_blocks import Block
from akhbar.parse.printed_dates import PrintedDate, find_dates, parse_iso

# Where a byline/date line sits: a few blocks after the headline, or just before it.
_AFTER_TITLE = 12
_BEFORE_TITLE = 4
# Date lines are short; a long block with a date in it is story text mentioning a day.
_DATE_LINE_MAX_CHARS = 160
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)")


def printed_near_title(
    blocks: list[Block], title_index: int, *, datelines_only: bool = True
) -> tuple[PrintedDate, Block] | None:
    """The publication date printed next to the headline, with the block that prints it.

    By default only a dateline (``datelines.is_dateline``) counts; with ``datelines_only``
    False, any short block does, so a short lede's date is a last resort.
    """
    window = blocks[title_index + 1 : title_index + 1 + _AFTER_TITLE]
    window += list(reversed(blocks[max(0, title_index - _BEFORE_TITLE) : title_index]))
    fallback = None
    for block in window:
        if len(block.text) > _DATE_LINE_MAX_CHARS:
            continue
        if datelines_only and not is_dateline(block.text):
            continue
        for date in find_dates(block.text):
            if not date.updated:
                return date, block
            fallback = fallback or (date, block)
    return fallback


def from_metadata(values: list[str]) -> dt.date | dt.datetime | None:
    for value in values:
        parsed = parse_iso(value)
        if parsed is not None:
            return parsed
    return None


def from_url(url: str | None) -> dt.date | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
