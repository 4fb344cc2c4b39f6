"""The nth (or last) weekday of a month or year: "أول جمعة من رمضان", "ثاني أحد من الشهر
المقبل", "آخر سبت من السنة", "الجمعة الأخيرة من شهر رمضان" — one day, kind ``date``.

The period is a Gregorian month (its year written, or placed by the sentence's tense), a
Hijri month (the occurrence nearest the reference date, Umm al-Qura), "الشهر"/"السنة" with
a direction (none: the reference date's own month or year).
"""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.parts import Found, iso
from akhbar.enrich.dates.resolve import (
    CURRENT,
    FUTURE,
    PAST,
    hijri_month_near,
    pick_month_year,
    safe_date,
    shift_month,
)
from akhbar.enrich.dates.tense import context_direction, modifier_direction

_RANKS = {fold(k): v for k, v in P.WEEKDAY_RANKS.items()}
_RANKS.update({fold(k): v for k, v in P.WEEKDAY_RANKS_AFTER.items()})
_STEP = {PAST: -1, FUTURE: 1, CURRENT: 0, None: 0}


def _span(m: re.Match[str], text: str, ref: dt.date) -> tuple[dt.date, dt.date] | None:
    """First and last day of the month or year the expression names."""
    if m.group("m") is not None:
        month = GREGORIAN_MONTHS[fold(m.group("m"))]
        if m.group("y") is not None:
            year = int(m.group("y"))
        else:
            year = pick_month_year(month, ref, context_direction(text, m.start(), m.end()))
        first = safe_date(year, month, 1)
        year, month = shift_month(year, month, 1)
        return None if first is None else (first, dt.date(year, month, 1) - dt.timedelta(1))
    if m.group("hm") is not None:
        month = HIJRI_MONTHS[fold(m.group("hm"))]
        return hijri_month_near(month, ref, None, int(m.group("hy")) if m.group("hy") else None)
    step = 0 if m.group("this") else _STEP[modifier_direction(m.group("mod"))]
    if fold(m.group("period")).endswith("شهر"):
        year, month = shift_month(ref.year, ref.month, step)
        after_year, after_month = shift_month(year, month, 1)
        return dt.date(year, month, 1), dt.date(after_year, after_month, 1) - dt.timedelta(1)
    year = ref.year + step
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def ranked_weekday(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("wd") is not None:
        weekday, rank = WEEKDAYS[fold("ال" + m.group("wd"))], _RANKS[fold(m.group("rank"))]
    else:
        weekday, rank = WEEKDAYS[fold(m.group("wd2"))], _RANKS[fold(m.group("rank2"))]
    span = _span(m, text, ref)
    if span is None:
        return None
    first, last = span
    days = [
        first + dt.timedelta(days=i)
        for i in range((last - first).days + 1)
        if (first + dt.timedelta(days=i)).weekday() == weekday
    ]
    if rank > len(days):
        return None
    return m.start(), m.end(), "date", iso(days[rank - 1] if rank > 0 else days[-1])
