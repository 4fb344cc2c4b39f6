"""Builders for days and periods named relative to the publication date: اليوم، أمس،
غدا، "الخميس المقبل", bare weekdays, "الأسبوع المقبل", "السنة الجارية"."""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.context import without_proclitic, words_before
from akhbar.enrich.dates.months import (
    WEEKDAYS,
)
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.parts import (
    DAY_WORDS,
    TIME_OF_DAY,
    Found,
    folded_set,
    iso,
    range_start,
)
from akhbar.enrich.dates.resolve import (
    CURRENT,
    FUTURE,
    PAST,
    shift_month,
    week_span,
    weekday_date,
)
from akhbar.enrich.dates.tense import context_direction, modifier_direction

# Weekday names that are also common words: الاثنين "the two", الأحد "the One",
# الجمعة "Friday prayer". Alone, they need a comma, a time-of-day word or a modifier.
_AMBIGUOUS_WEEKDAYS = folded_set(["الاثنين", "الأحد", "الجمعة"])

# Words before a weekday name that make it part of a place or a prayer.
_NOT_A_DAY_BEFORE = folded_set(
    ["سوق", "باب", "حد", "صلاة", "خطبة", "صلاه", "جامع", "مسجد", "سبت", "خميس", "أحد"]
)

_DIREST = re.compile(r"\s++(?:ال)?حاج")

_NOT_TODAY_BEFORE = folded_set(["ذلك", "تلك", "نفس", "ذات", "في", "طوال", "طيلة", "كل", "خلال"])
_MEDIA = folded_set(
    [
        "صحيفة",
        "جريدة",
        "قناة",
        "موقع",
        "شبكة",
        "مجلة",
        "إذاعة",
        "وكالة",
    ]
)
_PROGRAMMES = folded_set(["مراسل", "مراسلة", "برنامج", "برنامجه", "برنامجها"])
# Outlets and programmes called "<place or word> اليوم" that are cited bare.
_OUTLET_HEADS = folded_set(["المصري", "روسيا", "عين", "الحياة", "القاهرة", "مصر", "العرب"])
_QUOTES = "\"'«»“”"


def _names_an_outlet(text: str, m: re.Match[str], before: list[str]) -> bool:
    """ "اليوم" as (part of) a title: quoted alone ("لـ«اليوم»"), "المصري اليوم", two words
    after a media noun ("مراسل روسيا اليوم", "برنامجه القاهرة اليوم"), or after an outlet's
    head word that opens the clause ("– عين اليوم", "– الحياة اليوم –")."""
    opening, closing = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
    if opening and closing and opening in _QUOTES and closing in _QUOTES:
        return True
    if not before:
        return False
    if before[0] == "المصري":
        return True
    if len(before) >= 2 and without_proclitic(before[1], _MEDIA) is not None:
        return True
    if before[0] not in _OUTLET_HEADS:
        return False
    return len(before) == 1 or without_proclitic(before[1], _PROGRAMMES) is not None


_DAY_OFFSETS = {
    fold(w): n
    for w, n in [
        ("اليوم", 0),
        ("لليوم", 0),
        ("أمس", -1),
        ("البارحة", -1),
        ("غدا", 1),
        ("غد", 1),
        ("الغد", 1),
        ("أول أمس", -2),
        ("أول من أمس", -2),
        ("قبل أمس", -2),
        ("بعد غد", 2),
        ("أمس الأول", -2),
        ("الأمس", -1),
        ("الليلة الماضية", -1),
        ("الليلة البارحة", -1),
    ]
}


# "قبل الماضي" is one further back, "بعد المقبل" one further ahead.
_TWO_STEPS = {fold("قبل"): PAST, fold("بعد"): FUTURE}

# Nouns "العام" qualifies as "general" ("المدير العام المقبل", "الأمين العام السابق").
# After other words "العام الماضي" is last year, even after a definite adjective ("في
# السوق الدولية العام الماضي", "تراجعت الصادرات العام الحالي"): every direction word
# reads alike.
_GENERAL_NOUNS = folded_set(
    [
        "الأمين",
        "المدير",
        "النائب",
        "المدعي",
        "المفتش",
        "المراقب",
        "المنسق",
        "المرشد",
        "القائد",
        "الكاتب",
        "المستشار",
        "المقرر",
        "الوكيل",
        "المحامي",
        "الرأي",
        "القطاع",
        "المؤتمر",
        "الإضراب",
        "النظام",
        "الأمن",
        "الصالح",
        "المال",
        "الشأن",
        "المجلس",
        "الاتحاد",
        "الإطار",
        "العفو",
        "المرفق",
        "الموظف",
        "التعليم",
        "الطابع",
        "الاتجاه",
        "المشهد",
        "الوضع",
        "الخط",
        "المستشفى",
        "المدعى",
        "الحق",
        "الذوق",
        "النفع",
    ]
)


def _general(text: str, start: int) -> bool:
    words = words_before(text, start, 1)
    if not words:
        return False
    return without_proclitic(words[0][1], _GENERAL_NOUNS) is not None


def _time_of_day_before(text: str, start: int) -> int | None:
    words = words_before(text, start, 1)
    if words and without_proclitic(words[0][1], TIME_OF_DAY | DAY_WORDS) is not None:
        return words[0][0]
    return None


def relative_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    word = fold(m.group("word"))
    weekday = m.group("wd")
    tod = _time_of_day_before(text, m.start())
    if word in ("اليوم", "لليوم") and weekday is None:
        if P.NOT_TODAY.match(text, m.end("word")):
            return None  # "اليوم العالمي", "اليوم الدراسي": a day of something, not today
        before = [w for _, w in words_before(text, m.start(), 3)]
        if _names_an_outlet(text, m, before):
            return None  # "المصري اليوم", "مراسل روسيا اليوم", "لـ«اليوم»": outlets named "today"
        if before and without_proclitic(before[0], _NOT_TODAY_BEFORE) is not None:
            return None  # "في ذلك اليوم" (that day), "مرتين في اليوم" (a day), "طوال اليوم"
    if word in ("غد", "الغد") and tod is None:
        return None  # "غد" needs "يوم/صباح" before it
    if word == "غدا" and tod is None and weekday is None and P.BECAME.match(text, m.end()):
        return None  # the verb غدا "became" is spelt the same
    if word == "امس" and weekday is None and _DIREST.match(text, m.end()):
        return None  # "في أمس الحاجة": أمسّ "the direst", not yesterday
    if word == "الامس" and tod is None and not text[max(0, m.start() - 1) : m.start()] == "ب":
        return None  # "بالأمس" is yesterday; "رجال الأمس" is the past
    value = ref + dt.timedelta(days=_DAY_OFFSETS[word])
    if weekday is not None:
        # "اليوم الأربعاء" under a Monday reference: the page's date is off (a ticker
        # headline from later in the week); the weekday the sentence names is the better
        # witness, so take the nearest day with it.
        shift = (WEEKDAYS[fold(weekday)] - value.weekday()) % 7
        value += dt.timedelta(days=shift if shift <= 3 else shift - 7)
    return (m.start() if tod is None else tod), m.end(), "relative", iso(value)


def weekday(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    name = fold(m.group("wd"))
    day = WEEKDAYS[name]
    start = m.start()
    tod = _time_of_day_before(text, start)
    direction = modifier_direction(m.group("mod"))
    if m.group("two") is not None:
        # "الأربعاء قبل الماضي": one week further than "الأربعاء الماضي"
        direction = _TWO_STEPS[fold(m.group("two")).split()[0]]
        value = weekday_date(day, ref, direction) + dt.timedelta(days=7 * direction)
        return (start if tod is None else tod), m.end(), "relative", iso(value)
    if direction is not None:
        value = weekday_date(day, ref, direction)
        return (start if tod is None else tod), m.end(), "relative", iso(value)
    if tod is None:
        words = words_before(text, start, 1)
        if words and without_proclitic(words[0][1], _NOT_A_DAY_BEFORE) is not None:
            return None  # "سوق الأربعاء", "باب الأحد", "صلاة الجمعة": places and prayers
        before = text[max(0, start - 3) : start].rstrip()
        after = text[m.end() : m.end() + 3].lstrip()[:1]
        if name in _AMBIGUOUS_WEEKDAYS and not (
            before.endswith((",", "،", "(")) or after in (",", "،", ")")
        ):
            return None  # "الاثنين" alone is "the two": a day needs commas or brackets
    direction = context_direction(text, start, m.end())
    if day == ref.weekday():
        value = ref  # a bare weekday naming the publication day is that day, whatever the tense
    else:
        # A bare weekday in a report is mostly a day of the week that is ending
        # ("أعلنت الحكومة، الخميس،"): the latest such day, unless the sentence looks ahead.
        value = weekday_date(day, ref, FUTURE if direction == FUTURE else PAST)
    return (start if tod is None else tod), m.end(), "weekday", iso(value)


def relative_period(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("this") is not None:
        unit, step = fold(m.group("unit2")), 0
    else:
        unit = fold(m.group("unit"))
        if m.group("two") is not None:
            step = 2 * _TWO_STEPS[fold(m.group("two")).split()[0]]
        elif m.group("this_after") is not None:
            step = 0
        else:
            mod = fold(m.group("mod"))
            if unit.endswith("عام") and _general(text, m.start()):
                return None  # "الأمين العام السابق": العام is "general"
            step = {PAST: -1, FUTURE: 1, CURRENT: 0}[modifier_direction(mod)]
    unit = unit.removesuffix("نا")  # "عامنا الحالي": our year
    if unit.endswith("اسبوع"):
        first, last = week_span(ref + dt.timedelta(days=7 * step))
        value = f"{iso(first)}/{iso(last)}"
    elif unit.endswith("شهر"):
        year, month = shift_month(ref.year, ref.month, step)
        value = f"{year:04d}-{month:02d}"
    else:
        value = f"{ref.year + step:04d}"
    return m.start(), m.end(), "relative", value


def weekday_pair(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    first = weekday_date(WEEKDAYS[fold(m.group("wd1"))], ref, modifier_direction(m.group("mod")))
    gap = (WEEKDAYS[fold(m.group("wd2"))] - first.weekday()) % 7
    if gap == 0:
        return None
    start, _ = range_start(text, m.start())
    last = first + dt.timedelta(days=gap)
    return start, m.end(), "range", f"{iso(first)}/{iso(last)}"
