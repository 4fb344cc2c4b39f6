"""Builders for spans of days or months: "ما بين 24 و27 نونبر", "من 21 دجنبر 2025 إلى 18
يناير 2026", "من يناير إلى مارس", and the joining of two dates found apart into one range."""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.months import (
    HIJRI_MONTHS,
)
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.parts import (
    Found,
    day_of,
    direction_of,
    gregorian_month_of,
    number_glued,
    range_start,
    range_value,
    year_of,
)
from akhbar.enrich.dates.resolve import (
    hijri_date,
    pick_day,
    pick_hijri_day,
    pick_month_year,
    safe_date,
)


def range_one_month(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()):
        return None
    first, last = day_of(m, "d1"), day_of(m, "d2")
    if first is None or last is None or first >= last:
        return None
    start, introduced = range_start(text, m.start())
    link = fold(m.group("link"))
    if link == "," and not introduced:
        return None  # "25، 26 يناير" is a span only after "يومي", "بين", "من"
    if link == "و" and not introduced and last != first + 1:
        return None  # "3 و5 يونيو" may be two dates; "بين/من/يومي" make it a span
    direction = direction_of(m, text, start)
    if m.group("hm") is not None:
        month = HIJRI_MONTHS[fold(m.group("hm"))]
        if m.group("y") is not None:
            first_day = hijri_date(int(m.group("y")), month, first)
        else:
            first_day = pick_hijri_day(month, first, ref, direction)
        last_day = first_day and first_day + dt.timedelta(days=last - first)
    else:
        month = gregorian_month_of(m, "m")
        if month is None:
            return None
        if (year := year_of(m, "y", ref)) is None:
            picked = pick_day(month, first, ref, direction)
            if picked is None:
                return None
            year = picked.year
        first_day, last_day = safe_date(year, month, first), safe_date(year, month, last)
    value = range_value(first_day, last_day)
    return None if value is None else (start, m.end(), "range", value)


def range_two_months(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()):
        return None
    d1, d2 = day_of(m, "d1"), day_of(m, "d2")
    m1, m2 = gregorian_month_of(m, "m1"), gregorian_month_of(m, "m2")
    if d1 is None or d2 is None or m1 is None or m2 is None:
        return None
    start, introduced = range_start(text, m.start())
    if not introduced and fold(m.group("link")) in ("و", ","):
        return None  # "19 ديسمبر و 5 جانفي" alone may be two dates
    y1, y2 = m.group("y1"), m.group("y2")
    if y1 is not None:
        first = safe_date(int(y1), m1, d1)
        last = safe_date(int(y2) if y2 else int(y1), m2, d2)
        if y2 is None and first and last and last < first:
            last = safe_date(int(y1) + 1, m2, d2)
    elif y2 is not None:
        last = safe_date(int(y2), m2, d2)
        first = safe_date(int(y2), m1, d1)
        if first and last and first > last:
            first = safe_date(int(y2) - 1, m1, d1)
    else:
        first = pick_day(m1, d1, ref, direction_of(m, text, start))
        if first is None:
            return None
        last = safe_date(first.year, m2, d2)
        if last is not None and last < first:
            last = safe_date(first.year + 1, m2, d2)
    value = range_value(first, last)
    return None if value is None else (start, m.end(), "range", value)


def month_range(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    """ "من يناير إلى مارس 2025": from the first day of one month to the last of the other."""
    m1, m2 = gregorian_month_of(m, "m1"), gregorian_month_of(m, "m2")
    if m1 is None or m2 is None or m1 == m2:
        return None
    start, introduced = range_start(text, m.start())
    if not introduced and fold(m.group("link")) not in "-–—/":
        return None  # without "من/بين" or a dash, two month names are a list, not a span
    y1, y2 = m.group("y1"), m.group("y2")
    if y2 is not None:
        last_year = int(y2)
        first_year = int(y1) if y1 else (last_year if m1 < m2 else last_year - 1)
    elif y1 is not None:
        first_year = int(y1)
        last_year = first_year if m1 < m2 else first_year + 1
    else:
        direction = direction_of(m, text, start)
        last_year = pick_month_year(m2, ref, direction)
        first_year = last_year if m1 < m2 else last_year - 1
    first = safe_date(first_year, m1, 1)
    last = safe_date(last_year + m2 // 12, m2 % 12 + 1, 1)
    if first is None or last is None:
        return None
    value = range_value(first, last - dt.timedelta(days=1))
    return None if value is None else (start, m.end(), "range", value)


# What joins two days into a span: a word of the end ("إلى", "حتى", "لغاية", after an
# optional comma and "و": "اليوم، وحتى 21 من الشهر الجاري"), a dash, or "و" after an
# intro word ("بين 3 و5").
_TO_THE_END = re.compile(
    r"\s*+[,،]?\s*+(?:و\s*+)?(?:" + P.alternation(["إلى غاية", "لغاية", "إلى", "حتى"]) + r")\s*+$"
)
_RANGE_GAP = re.compile(r"\s*+(?:و|[-–—])\s*+$")
# A relative day ("أمس", "مساء الخميس المقبل") starts or ends a span only with "حتى":
# "منذ ظهر أمس وحتى صباح اليوم"; "من مساء الثلاثاء 30 شتنبر وإلى غاية مساء الخميس
# المقبل" is read, as the shared dev cases annotate it, as two days.
_UNTIL = re.compile(r"\s*+[,،]?\s*+(?:و\s*+)?حتى\s*+$")

# Kinds whose value may be one day: "من 01/12/2025 إلى 05/12/2025", "منذ ظهر أمس وحتى
# صباح اليوم", "من الاثنين 3 إلى الخميس 6".
_DAY_KINDS = frozenset(["date", "relative", "weekday"])


def _one_day(found: Found) -> bool:
    return found[2] in _DAY_KINDS and len(found[3]) == 10


def join_ranges(found: list[Found], text: str) -> list[Found]:
    """Two days joined as a span become one range: "من 01/12/2025 إلى 05/12/2025".

    The pattern rules build ranges whose parts share a month name; this catches the rest
    (numeric dates, dates each with its weekday, relative days) from the days already found.
    """
    joined: list[Found] = []
    for item in found:
        if joined and _one_day(item) and _one_day(joined[-1]) and joined[-1][3] < item[3]:
            first = joined[-1]
            gap = text[first[1] : item[0]]
            start, introduced = range_start(text, first[0])
            both_dates = item[2] == first[2] == "date"
            if (_UNTIL.match(gap) if not both_dates else _TO_THE_END.match(gap)) or (
                both_dates and _RANGE_GAP.match(gap) and (introduced or gap.strip() in "-–—")
            ):
                if not introduced:
                    start = first[0]
                joined[-1] = (start, item[1], "range", f"{first[3]}/{item[3]}")
                continue
        joined.append(item)
    return joined
