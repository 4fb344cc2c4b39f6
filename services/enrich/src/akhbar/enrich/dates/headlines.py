"""Dates in a headline that prints its own date.

Ticker and related-news items carry their own day ("27/11/2025 | ... الأحد", "الخميس 27
نوفمبر: ..."), which may be days away from the page's publication date. The first day the
headline names is its reference: a lone weekday, "أمس" or "اليوم" in it counts from that
day, not from the page's.
"""

from __future__ import annotations

import datetime as dt

from akhbar.enrich.dates.extract import find_dates
from akhbar.shared.schemas import DateMention


def find_dates_in_headline(text: str, ref: dt.date | None = None) -> list[DateMention]:
    """``find_dates`` with the headline's own first date, if it has one, as the reference."""
    mentions = find_dates(text, ref)
    own = next((m for m in mentions if m.kind == "date"), None)
    if own is None:
        return mentions
    own_day = dt.date.fromisoformat(own.value)
    if own_day == ref:
        return mentions
    return find_dates(text, own_day)
