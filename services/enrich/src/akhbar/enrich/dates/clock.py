"""Builders for clock times: "الساعة العاشرة صباحا", "على الساعة 14:30", "3:28 عصرًا",
"منتصف الليل". Values are 24-hour HH:MM."""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.context import without_proclitic, words_before
from akhbar.enrich.dates.months import WEEKDAYS
from akhbar.enrich.dates.normalize import alternation, fold
from akhbar.enrich.dates.numerals import HOUR_WORDS
from akhbar.enrich.dates.parts import (
    DAY_WORDS,
    Found,
    folded_set,
    number_glued,
)

HOUR_WORDS_FOLDED = {fold(k): v for k, v in HOUR_WORDS.items()}

_PERIOD_KIND = {}

for _words, _kind in (
    (("صباحا", "صباح", "الصباح", "فجرا", "الفجر", "فجر", "صبيحة", "ص"), "am"),
    (
        (
            "ظهرا",
            "الظهر",
            "ظهر",
            "ظهيرة",
            "الظهيرة",
            "زوالا",
            "الزوال",
            "زوال",
            "بعد الظهر",
            "بعد الزوال",
        ),
        "noon",
    ),
    (("عصرا", "العصر", "عصر", "مساء", "مساءا", "المساء", "عشية", "م"), "pm"),
    (("ليلا", "الليل", "ليل", "ليلة"), "night"),
):
    for _w in _words:
        _PERIOD_KIND[fold(_w)] = _kind


def _clock(hour: int, minute: int, kind: str | None) -> str | None:
    if hour > 24 and minute <= 12:
        # "الساعة 45 : 12 ظهرا": typed minutes first, as right-to-left editors flip it
        hour, minute = minute, hour
    if hour <= 12:
        if kind == "am" and hour == 12:
            hour = 0
        elif kind == "noon" and hour < 11:
            hour += 12
        elif kind == "pm" and hour < 12:
            hour += 12
        elif kind == "night":
            # "الثانية ليلا" is 02:00; "العاشرة ليلا" is 22:00.
            hour = 0 if hour == 12 else hour + 12 if hour >= 6 else hour
    if hour == 24:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"


def _hour_of(m: re.Match[str]) -> int | None:
    if m.group("h") is not None:
        return int(m.group("h"))
    return HOUR_WORDS_FOLDED.get(fold(m.group("hw")))


def _kind_of(period: str | None) -> str | None:
    return _PERIOD_KIND.get(fold(period)) if period else None


def _part_of_day_before(text: str, start: int) -> str | None:
    """The part of the day a few words before a clock phrase: "مساء أمس على الساعة الثامنة",
    "فجر اليوم عند الرابعة". Only day words and prepositions may stand between."""
    for _, word in words_before(text, start, 4):
        if (found := without_proclitic(word, _PARTS_BEFORE)) is not None:
            return _PERIOD_KIND[found]
        if without_proclitic(word, _BETWEEN_PART_AND_HOUR) is None:
            return None
    return None


_PARTS_BEFORE = folded_set(
    ["صباح", "فجر", "صبيحة", "ظهر", "ظهيرة", "زوال", "عصر", "مساء", "عشية", "ليلة", "ليل"]
)
_BETWEEN_PART_AND_HOUR = (
    DAY_WORDS
    | folded_set(
        ["على", "عند", "في", "تمام", "حوالي", "قرابة", "حدود", "نحو", "الساعة", "أمس", "الغد", "غد"]
    )
    | frozenset(WEEKDAYS)
)

# A part of the day that opens a day expression ("الخامسة مساء اليوم الثلاثاء"): it sets
# the hour, and the day expression keeps it, so the time ends before it.
_DAY_AFTER = re.compile(
    r"\s++[وفبل]?(?:"
    + alternation(["اليوم", "أمس", "الأمس", "غد", "الغد", "يوم", *WEEKDAYS])
    + r")(?!\w)"
)


_FRACTIONS = {fold("والنصف"): 30, fold("والربع"): 15, fold("والثلث"): 20}


def clock(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    """ "الساعة ..." with digits or an hour word; also an hour word with its period."""
    if m.groupdict().get("h") is not None:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
    else:
        hour, minute = HOUR_WORDS_FOLDED[fold(m.group("hw"))], 0
        frac = m.group("frac")
        if frac is not None:
            frac = fold(frac)
            if frac in _FRACTIONS:
                minute = _FRACTIONS[frac]
            else:  # "إلا ربعا/ثلثا": before the hour
                hour, minute = hour - 1 or 12, 40 if "ثلث" in frac else 45
    if m.group("extra") is not None:
        minute += int(m.group("extra"))
    return _with_period(m, text, hour, minute)


def _with_period(m: re.Match[str], text: str, hour: int, minute: int) -> Found | None:
    """The time, its period read after the hour or, failing that, shortly before it."""
    period = m.group("period")
    kind = _kind_of(period) if period else _part_of_day_before(text, m.start())
    if kind is None and (later := P.UNTIL_HOUR.match(text, m.end())) is not None:
        # "من الساعة الرابعة وحتى العاشرة مساء": the end's period covers the start too, when
        # the start is not later on the clock than the end
        end_hour = _hour_of(later)
        if end_hour is not None and hour <= end_hour:
            kind = _kind_of(later.group("period"))
    value = _clock(hour, minute, kind)
    if value is None:
        return None
    end = m.end()
    if m.groupdict().get("of"):
        # "الساعة الثامنة من مساء أمس": "مساء أمس" is a day of its own
        end = m.start("of")
    elif period is not None and _DAY_AFTER.match(text, m.end("period")):
        end = m.start("period")  # "الخامسة مساء اليوم الثلاثاء"
    return m.start(), end, "time", value


def bare_clock(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()):
        return None
    if m.group("period") is None:
        if m.group("sep") != ":" and m.group("zone") is None:
            return None  # "3.25", "08,30" are decimals unless a period word or zone follows
        if m.group("zone") is None and not P.CLOCK_LEAD.search(
            text, max(0, m.start() - 20), m.start()
        ):
            return None  # a lone "14:30" may be a score or a ratio
    value = _clock(int(m.group("h")), int(m.group("mi")), _kind_of(m.group("period")))
    return None if value is None else (m.start(), m.end(), "time", value)


def midnight(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if P.MIDNIGHT.match(text, m.start()) is None or (
        m.group().endswith("ليل") and not m.group().endswith("الليل")
    ):
        return None  # "منتصف ليل الجمعة" is a night, not a clock time
    return m.start(), m.end(), "time", "00:00"


# Before a bare hour word, a preposition makes it a clock time ("في العاشرة صباحا");
# after a noun it is an ordinal adjective ("الدورة الثانية مساء اليوم").
_BEFORE_AN_HOUR = folded_set(
    [
        "في",
        "على",
        "عند",
        "حوالي",
        "قرابة",
        "حتى",
        "إلى",
        "من",
        "بعد",
        "قبل",
        "منذ",
        "حدود",
        "تمام",
        "نحو",
        "غاية",
    ]
)


def _after_preposition(text: str, start: int) -> bool:
    words = words_before(text, start, 1)
    return bool(words) and without_proclitic(words[0][1], _BEFORE_AN_HOUR) is not None


def hour_alone(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if not _after_preposition(text, m.start()):
        return None
    if m.group("period") is None and _part_of_day_before(text, m.start()) is None:
        return None  # "في الثانية" alone may be a round, a grade, a place in a list
    return clock(m, text, ref)


def hour_digits(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    """ "وحتى 12 ليلا", "من 8 صباحا": digits read as an hour after a preposition."""
    if number_glued(text, m.start()) or not _after_preposition(text, m.start()):
        return None
    return _with_period(m, text, int(m.group("h")), 0)
