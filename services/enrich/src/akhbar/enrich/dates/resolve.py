"""Turning what a sentence says into calendar values, relative to the publication date.

A missing year is the commonest gap: "3 يونيو الماضي", "من 28 إلى 30 جويلية". The sentence
says which way to look (PAST / FUTURE, from a relative word or the verb's tense); when it
does not, the nearest candidate to the reference date wins, ties going to the past because
news mostly reports what already happened.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hijridate import Gregorian, Hijri

PAST, NEAREST, FUTURE, CURRENT = -1, 0, 1, 2

# Units of a counted duration ("منذ ثلاثة أيام", "خلال الأشهر الخمسة المقبلة").
DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pick_day(month: int, day: int, ref: dt.date, direction: int) -> dt.date | None:
    """The date with this month and day closest to ``ref`` in the given direction."""
    if direction == CURRENT:
        return safe_date(ref.year, month, day)
    candidates = [
        d
        for y in (ref.year - 1, ref.year, ref.year + 1)
        if (d := safe_date(y, month, day)) is not None
    ]
    return _pick(candidates, ref, direction)


def pick_month_year(month: int, ref: dt.date, direction: int) -> int:
    """The year of the month named without one ("نونبر الماضي", "شهر أكتوبر")."""
    here = ref.year * 12 + ref.month - 1
    if direction == CURRENT:
        return ref.year
    candidates = [y * 12 + month - 1 for y in (ref.year - 1, ref.year, ref.year + 1)]
    if direction == PAST:
        # "نونبر الماضي" written in November is last year's: the month has to be over.
        chosen = max(c for c in candidates if c < here)
    elif direction == FUTURE:
        chosen = min(c for c in candidates if c > here)
    else:
        chosen = min(candidates, key=lambda c: (abs(c - here), c > here))
    return chosen // 12


def weekday_date(weekday: int, ref: dt.date, direction: int) -> dt.date:
    """The day named by a weekday: strictly before/after ``ref`` or the nearest one."""
    ahead = (weekday - ref.weekday()) % 7
    if direction == FUTURE:
        return ref + dt.timedelta(days=ahead or 7)
    behind = (ref.weekday() - weekday) % 7
    if direction == PAST:
        return ref - dt.timedelta(days=behind or 7)
    if direction == CURRENT:
        # "الخميس الجاري": the one in the current Monday-to-Sunday week.
        return ref + dt.timedelta(days=weekday - ref.weekday())
    return ref + dt.timedelta(days=ahead) if ahead < behind else ref - dt.timedelta(days=behind)


def week_span(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday around ``day`` (ISO weeks, the form the values use)."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def hijri_date(year: int, month: int, day: int) -> dt.date | None:
    """Gregorian day of a Hijri date (Umm al-Qura), None outside hijridate's range."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_year_of(ref: dt.date) -> int | None:
    try:
        return Gregorian(ref.year, ref.month, ref.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def pick_hijri_day(month: int, day: int, ref: dt.date, direction: int) -> dt.date | None:
    """A Hijri day named without its year, placed like ``pick_day`` places Gregorian ones."""
    year = hijri_year_of(ref)
    if year is None:
        return None
    candidates = [
        d for y in (year - 1, year, year + 1) if (d := hijri_date(y, month, day)) is not None
    ]
    return _pick(candidates, ref, direction)


def hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri month."""
    first = hijri_date(year, month, 1)
    if first is None:
        return None
    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    return first, first + dt.timedelta(days=length - 1)


def _pick(candidates: list, ref, direction):
    """The candidate the sentence points to: the last one before ``ref`` for the past, the
    first one after it for the future, otherwise the nearest (the past on a tie)."""
    if not candidates:
        return None
    if direction == PAST:
        before = [d for d in candidates if d <= ref]
        return max(before) if before else min(candidates)
    if direction == FUTURE:
        after = [d for d in candidates if d >= ref]
        return min(after) if after else max(candidates)
    return min(candidates, key=lambda d: (abs((d - ref).days), d > ref))


def add_months(day: dt.date, months: int) -> dt.date | None:
    """``day`` moved by whole calendar months, clamped to the month's end (31 Mar - 1 → 28 Feb)."""
    year, month = shift_month(day.year, day.month, months)
    if not 1 <= year <= 9999:
        return None
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_units(day: dt.date, unit: str, count: int) -> dt.date | None:
    """``day`` moved by ``count`` days, weeks, months or years (negative: back)."""
    try:
        if unit == DAY:
            return day + dt.timedelta(days=count)
        if unit == WEEK:
            return day + dt.timedelta(days=7 * count)
    except OverflowError:
        return None
    return add_months(day, count * (12 if unit == YEAR else 1))


def hijri_month_near(
    month: int, ref: dt.date, direction: int | None, year: int | None = None
) -> tuple[dt.date, dt.date] | None:
    """The Gregorian days of a Hijri month: of ``year`` when written, otherwise the
    occurrence the direction points to, or the one nearest ``ref`` (containing it first)."""
    if year is not None:
        return hijri_month_span(year, month)
    here = hijri_year_of(ref)
    if here is None:
        return None
    spans = [s for y in (here - 1, here, here + 1) if (s := hijri_month_span(y, month))]
    if direction == PAST:
        spans = [s for s in spans if s[1] < ref] or spans
    elif direction == FUTURE:
        spans = [s for s in spans if s[0] > ref] or spans
    return min(
        spans,
        key=lambda s: (
            0 if s[0] <= ref <= s[1] else min(abs((s[0] - ref).days), abs((s[1] - ref).days))
        ),
        default=None,
    )
