"""Builders for clock times: "الساعة العاشرة صباحا", "على الساعة 14:30", "3:28 عصرًا",
"منتصف الليل". Values are 24-hour HH:MM."""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.context import without_proclitic, words_before
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.numerals import HOUR_WORDS
from akhbar.enrich.dates.parts import (
    Found,
    folded_set,
    number_glued,
)

HOUR_WORDS_FOLDED = {fold(k): v for k, v in HOUR_WORDS.items()}

_PERIOD_KIND = {}

for _words, _kind in (
    (("صباحا", "صباح", "الصباح", "فجرا", "الفجر", "ص"), "am"),
    (("ظهرا", "الظهر", "زوالا", "الزوال", "بعد الظهر", "بعد الزوال"), "noon"),
    (("عصرا", "العصر", "مساء", "مساءا", "المساء", "م"), "pm"),
    (("ليلا", "الليل", "ليل"), "night"),
):
    for _w in _words:
        _PERIOD_KIND[fold(_w)] = _kind


def _clock(hour: int, minute: int, period: str | None) -> str | None:
    kind = _PERIOD_KIND.get(fold(period)) if period else None
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
    value = _clock(hour, minute, m.group("period"))
    # "الساعة الثامنة من مساء أمس": the period sets the hour, but "مساء أمس" is a day of
    # its own, so the time ends before "من".
    end = m.start("of") if m.group("of") else m.end()
    return None if value is None else (m.start(), end, "time", value)


def bare_clock(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()):
        return None
    if m.group("period") is None:
        if m.group("sep") == ".":
            return None  # "3.25" is a decimal unless a period word follows
        if m.group("zone") is None and not P.CLOCK_LEAD.search(
            text, max(0, m.start() - 14), m.start()
        ):
            return None  # a lone "14:30" may be a score or a ratio
    value = _clock(int(m.group("h")), int(m.group("mi")), m.group("period"))
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


def hour_alone(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    words = words_before(text, m.start(), 1)
    if not words or without_proclitic(words[0][1], _BEFORE_AN_HOUR) is None:
        return None
    return clock(m, text, ref)
