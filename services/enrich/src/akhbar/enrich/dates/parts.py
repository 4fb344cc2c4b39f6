"""Reading the parts of a match shared by the builders: day, month, prefix, direction.

Every builder gets a regex match on the mark-free text and returns ``Found`` (start, end,
kind, value) or None. The helpers here turn its groups into numbers and read the words
before it (context.py) that belong to the expression ("مساء اليوم الثلاثاء", "ما بين").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from akhbar.enrich.dates.context import without_proclitic, words_before
from akhbar.enrich.dates.months import (
    GREGORIAN_MONTHS,
    WEEKDAYS,
)
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.numerals import DAY_ORDINALS
from akhbar.enrich.dates.resolve import CURRENT, FUTURE, PAST
from akhbar.enrich.dates.tense import context_direction, modifier_direction

Found = tuple[int, int, str, str]  # start, end (offsets in the mark-free text), kind, value

Builder = Callable[[re.Match[str], str, dt.date], Found | None]


def folded_set(words) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


HIJRI_SUFFIXES = folded_set(["ه", "هجريا", "هجري", "هجرية", "للهجرة"])

TIME_OF_DAY = folded_set(
    [
        "صباح",
        "مساء",
        "ظهر",
        "ظهيرة",
        "عشية",
        "صبيحة",
        "ليلة",
        "فجر",
        "عصر",
        "زوال",
        "نهار",
        "مطلع",
        "منتصف",
    ]
)

DAY_WORDS = folded_set(["اليوم", "لليوم", "أمس", "غدا", "يوم"])

RANGE_INTROS = folded_set(["بين", "من", "يومي", "أيام", "خلال", "الفترة"])


def day_of(m: re.Match[str], name: str) -> int | None:
    if m.group(name) is not None:
        day = int(m.group(name))
    elif m.group(name + "w") is not None:
        day = DAY_ORDINALS_FOLDED[fold(m.group(name + "w"))]
    else:
        return None
    return day if 1 <= day <= 31 else None


DAY_ORDINALS_FOLDED = {fold(k): v for k, v in DAY_ORDINALS.items()}


def gregorian_month_of(m: re.Match[str], name: str) -> int | None:
    """The month number, None when a second form names a different month."""
    month = GREGORIAN_MONTHS[fold(m.group(name))]
    second = m.group(name + "2")
    if second is not None and GREGORIAN_MONTHS[fold(second)] != month:
        return None
    return month


def direction_of(m: re.Match[str], text: str, start: int, group: str = "mod") -> int:
    explicit = modifier_direction(m.group(group))
    return explicit if explicit is not None else context_direction(text, start, m.end())


_CONCORDANT = folded_set(["الموافق", "الموافقة", "موافق"])


def day_prefix(text: str, start: int) -> tuple[int, int | None]:
    """Extend a day leftwards over "مساء اليوم الثلاثاء" / "يوم الجمعة،"; its weekday."""
    weekday = None
    words = words_before(text, start, 4)
    i = 0
    if i < len(words) and (
        words[i][1] in _CONCORDANT or modifier_direction(words[i][1]) is not None
    ):
        # "الخميس الموافق 12 ديسمبر", "الاثنين المقبل 1 دجنبر": the weekday is this date's
        i += 1
    if i < len(words) and (w := without_proclitic(words[i][1], WEEKDAY_SET)) is not None:
        weekday, start, i = WEEKDAYS[w], words[i][0], i + 1
    if i < len(words) and without_proclitic(words[i][1], DAY_WORDS) is not None:
        start, i = words[i][0], i + 1
    if i < len(words) and without_proclitic(words[i][1], TIME_OF_DAY) is not None:
        start = words[i][0]
    return start, weekday


WEEKDAY_SET = frozenset(WEEKDAYS)

# Nouns that take a yearless date as their name: stadiums, streets, towns ("مدينة 6
# أكتوبر"), and events remembered by their day ("حركة 20 فبراير", "أحداث 16 ماي", "ثورة 25
# يناير"). Their day is not this year's; giving none beats giving a wrong one.
_NAMED_AFTER_A_DATE = folded_set(
    [
        "ملعب",
        "استاد",
        "ستاد",
        "شارع",
        "ساحة",
        "حي",
        "جسر",
        "كوبري",
        "محور",
        "مطار",
        "قاعة",
        "مدرسة",
        "ثانوية",
        "إعدادية",
        "مستشفى",
        "جامعة",
        "ميدان",
        "نادي",
        "مسجد",
        "مركب",
        "زنقة",
        "تجزئة",
        "إقامة",
        "مجمع",
        "مدينة",
        "قرية",
        "بلدة",
        "جائزة",
        "وسام",
        # movements, parties and coalitions named after a day: "حزب 6 أبريل", "قوى 14 آذار"
        "حزب",
        "شباب",
        "قوى",
        "تحالف",
        "تيار",
        "ائتلاف",
        "جبهة",
        # police and army units named after their town: "قسم أول العاشر من رمضان"
        "قسم",
        "فرقة",
        "مركز",
        "أول",
        "ثان",
        "ثورة",
        "انتفاضة",
        "حركة",
        "أحداث",
        "تفجيرات",
        "هجمات",
        "اعتداءات",
        "حرب",
        "نكسة",
        "نكبة",
        "مجزرة",
    ]
)


def names_a_place(text: str, start: int) -> bool:
    words = words_before(text, start, 1)
    return bool(words) and without_proclitic(words[0][1], _NAMED_AFTER_A_DATE) is not None


def number_glued(text: str, start: int) -> bool:
    """A number right after a decimal point, slash, colon or dash belongs to another number."""
    return start > 0 and text[start - 1] in ".,/:-–٫٬"


def iso(day: dt.date) -> str:
    return day.isoformat()


def range_start(text: str, start: int) -> tuple[int, bool]:
    """Extend a range leftwards over "ما بين", "من الاثنين"; whether an intro word was there."""
    words = [w for w in words_before(text, start, 4) if w[1] != "ال"]  # "من الـ 3"
    i = 0
    if i < len(words) and without_proclitic(words[i][1], WEEKDAY_SET) is not None:
        start, i = words[i][0], i + 1
    if i < len(words) and without_proclitic(words[i][1], RANGE_INTROS) is not None:
        start, i = words[i][0], i + 1
        if i < len(words) and without_proclitic(words[i][1], {"ما"}) is not None:
            start = words[i][0]
        return start, True
    return start, False


def range_value(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None or end is None or end < start:
        return None
    return f"{iso(start)}/{iso(end)}"


_YEAR_STEP = {PAST: -1, FUTURE: 1, CURRENT: 0}


def year_of(m: re.Match[str], name: str, ref: dt.date) -> int | None:
    """The year a pattern's ``_year`` group names: written, or "من السنة الماضية"."""
    if m.group(name) is not None:
        return int(m.group(name))
    if m.group(name + "this") is not None:
        return ref.year
    if m.group(name + "rel") is not None:
        return ref.year + _YEAR_STEP[modifier_direction(m.group(name + "rel"))]
    return None
