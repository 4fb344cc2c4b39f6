"""Builders for expressions that name one day: "28 شتنبر الجاري", "15 رمضان 1446 هـ",
"24 - 11 - 2025", "20 من الشهر الجاري", "نوفمبر 24, 2025"."""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates.context import without_proclitic, words_before
from akhbar.enrich.dates.months import (
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
)
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.parts import (
    HIJRI_SUFFIXES,
    Found,
    day_of,
    day_prefix,
    direction_of,
    folded_set,
    gregorian_month_of,
    iso,
    names_a_place,
    number_glued,
    year_of,
)
from akhbar.enrich.dates.resolve import (
    CURRENT,
    FUTURE,
    PAST,
    hijri_date,
    pick_day,
    pick_hijri_day,
    safe_date,
    shift_month,
)
from akhbar.enrich.dates.tense import modifier_direction

_REFERENCE_WORDS = folded_set(
    [
        "رقم",
        "الرقم",
        "عدد",
        "العدد",
        "القانون",
        "قانون",
        "المرسوم",
        "مرسوم",
        "الظهير",
        "ظهير",
        "الفصل",
        "المادة",
        "الهاتف",
    ]
)


def _after_reference_word(text: str, start: int) -> bool:
    """ "القانون رقم 31.13", "عدد 775": numbers that name texts, not days."""
    words = words_before(text, start, 2)
    return any(without_proclitic(w, _REFERENCE_WORDS) for _, w in words)


def _with_weekday(
    month: int, day: int, weekday: int | None, ref: dt.date, direction: int
) -> dt.date | None:
    """A yearless date whose weekday is given: the year where the weekday agrees wins."""
    if weekday is not None and direction != CURRENT:
        agreeing = [
            d
            for y in (ref.year - 1, ref.year, ref.year + 1)
            if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday
        ]
        if agreeing:
            return min(agreeing, key=lambda d: abs((d - ref).days))
    return pick_day(month, day, ref, direction)


def gregorian_date(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()):
        return None
    day, month = day_of(m, "d"), gregorian_month_of(m, "m")
    if day is None or month is None:
        return None
    start, weekday = day_prefix(text, m.start())
    if (year := year_of(m, "y", ref)) is not None:
        value = safe_date(year, month, day)
    elif m.group("mod") is None and names_a_place(text, start):
        return None  # "ملعب 11 يوليو", "ساحة 9 أبريل": a name, not a day
    else:
        direction = direction_of(m, text, start)
        value = _with_weekday(month, day, weekday, ref, direction)
    if value is None:
        return None
    return start, m.end(), "date", iso(value)


def hijri_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()):
        return None
    day, month = day_of(m, "d"), HIJRI_MONTHS[fold(m.group("m"))]
    if day is None or day > 30:
        return None
    start, _ = day_prefix(text, m.start())
    if m.group("y") is not None:
        value = hijri_date(int(m.group("y")), month, day)
    elif m.group("mod") is None and names_a_place(text, start):
        return None  # "مدينة العاشر من رمضان", "فرقة العاشر من رمضان": a town, not a day
    else:
        value = pick_hijri_day(month, day, ref, direction_of(m, text, start))
    if value is None:
        return None
    return start, m.end(), "date", iso(value)


def numeric_date(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()) or _after_reference_word(text, m.start()):
        return None
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        day, month, year = int(a), int(b), int(c)
        if month > 12 >= day:  # an American month/day/year
            day, month = month, day
    else:
        return None
    suffix = m.group("suffix")
    hijri = (fold(suffix) in HIJRI_SUFFIXES) if suffix else 1300 <= year <= 1500
    if hijri:
        value = hijri_date(year, month, day)
    elif 1900 <= year <= 2100:
        value = safe_date(year, month, day)
    else:
        return None
    if value is None:
        return None
    start, _ = day_prefix(text, m.start())
    return start, m.end(), "date", iso(value)


def relative_month_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()):
        return None
    day = day_of(m, "d")
    if m.group("this") is not None:
        step = 0
    elif m.group("mod") is not None:
        step = {PAST: -1, FUTURE: 1, CURRENT: 0}[modifier_direction(m.group("mod"))]
    else:
        return None  # "20 من الشهر" alone does not say which month
    year, month = shift_month(ref.year, ref.month, step)
    value = None if day is None else safe_date(year, month, day)
    if value is None:
        return None
    start, _ = day_prefix(text, m.start())
    return start, m.end(), "date", iso(value)


def month_day_year(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = GREGORIAN_MONTHS[fold(m.group("m"))]
    value = safe_date(int(m.group("y")), month, int(m.group("d")))
    return None if value is None else (m.start(), m.end(), "date", iso(value))


def day_of_relative_month(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    """ "بتاريخ 2 الجاري", "يوم 28 الماضي": the day of the month the bare word names."""
    if number_glued(text, m.start()) or _after_reference_word(text, m.start()):
        return None  # "الفصل 5 الحالي", "العدد 12 الماضي": numbers of texts and issues
    step = {PAST: -1, FUTURE: 1, CURRENT: 0}[modifier_direction(m.group("mod"))]
    year, month = shift_month(ref.year, ref.month, step)
    value = safe_date(year, month, int(m.group("d")))
    if value is None:
        return None
    start, _ = day_prefix(text, m.start())
    return start, m.end(), "date", iso(value)
