"""``find_dates``: every date and time expression in a text, with its span and value.

One scan (patterns.TRIGGER) finds the numbers and words an expression can start with;
at each, the rules that can start there are matched in place. Each rule's builder reads
its groups and the words before the match (context.py), rejects what the regex could not
(the verb "مارس", the count "2700 كيلومتر"), and resolves the value against the reference
date (resolve.py). Overlapping candidates are settled longest first, so "الأحد 28 شتنبر
الجاري" is one date rather than a weekday plus a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.context import starts_word, without_proclitic, words_before
from akhbar.enrich.dates.months import (
    AMBIGUOUS_MONTHS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    WEEKDAYS,
)
from akhbar.enrich.dates.normalize import fold, original_span, strip_marks
from akhbar.enrich.dates.numerals import DAY_ORDINALS, HOUR_WORDS
from akhbar.enrich.dates.resolve import (
    CURRENT,
    FUTURE,
    PAST,
    hijri_date,
    hijri_month_span,
    hijri_year_of,
    pick_day,
    pick_hijri_day,
    pick_month_year,
    safe_date,
    shift_month,
    week_span,
    weekday_date,
)
from akhbar.enrich.dates.tense import context_direction, modifier_direction
from akhbar.shared.schemas import DateMention

Found = tuple[int, int, str, str]  # start, end (offsets in the mark-free text), kind, value
Builder = Callable[[re.Match[str], str, dt.date], Found | None]


def _folded_set(words) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


_HIJRI_SUFFIXES = _folded_set(["ه", "هجريا", "هجري", "هجرية", "للهجرة"])
_TIME_OF_DAY = _folded_set(["صباح", "مساء", "ظهر", "ظهيرة", "عشية", "صبيحة", "ليلة", "فجر",
                            "زوال", "نهار", "مطلع", "منتصف"])
_DAY_WORDS = _folded_set(["اليوم", "لليوم", "أمس", "غدا", "يوم"])
_RANGE_INTROS = _folded_set(["بين", "من", "يومي", "أيام", "خلال", "الفترة"])
_SHAHR = _folded_set(["شهر"])
_MONTH_LEADS = _folded_set(["مطلع", "بداية", "أوائل", "منتصف", "أواسط", "نهاية", "أواخر",
                            "آخر", "خلال", "في", "منذ", "حتى", "قبل", "بعد", "إلى", "غاية",
                            "طيلة", "طوال", "حلول", "شهري"])
# Weekday names that are also common words: الاثنين "the two", الأحد "the One",
# الجمعة "Friday prayer". Alone, they need a comma, a time-of-day word or a modifier.
_AMBIGUOUS_WEEKDAYS = _folded_set(["الاثنين", "الأحد", "الجمعة"])
# Words before a weekday name that make it part of a place or a prayer.
_NOT_A_DAY_BEFORE = _folded_set(["سوق", "باب", "حد", "صلاة", "خطبة", "صلاه", "جامع",
                                 "مسجد", "سبت", "خميس", "أحد"])
_REFERENCE_WORDS = _folded_set(["رقم", "عدد", "القانون", "قانون", "المرسوم", "مرسوم",
                                "الظهير", "ظهير", "الفصل", "المادة", "الهاتف"])


def _key(word: str) -> str:
    return fold(word)


def _day(m: re.Match[str], name: str) -> int | None:
    if m.group(name) is not None:
        day = int(m.group(name))
    elif m.group(name + "w") is not None:
        day = DAY_ORDINALS_FOLDED[_key(m.group(name + "w"))]
    else:
        return None
    return day if 1 <= day <= 31 else None


DAY_ORDINALS_FOLDED = {fold(k): v for k, v in DAY_ORDINALS.items()}
HOUR_WORDS_FOLDED = {fold(k): v for k, v in HOUR_WORDS.items()}


def _gregorian_month(m: re.Match[str], name: str) -> int | None:
    """The month number, None when a second form names a different month."""
    month = GREGORIAN_MONTHS[_key(m.group(name))]
    second = m.group(name + "2")
    if second is not None and GREGORIAN_MONTHS[_key(second)] != month:
        return None
    return month


def _direction(m: re.Match[str], text: str, start: int, group: str = "mod") -> int:
    explicit = modifier_direction(m.group(group))
    return explicit if explicit is not None else context_direction(text, start, m.end())


_CONCORDANT = _folded_set(["الموافق", "الموافقة", "موافق"])


def _day_prefix(text: str, start: int) -> tuple[int, int | None]:
    """Extend a day leftwards over "مساء اليوم الثلاثاء" / "يوم الجمعة،"; its weekday."""
    weekday = None
    words = words_before(text, start, 4)
    i = 0
    if i < len(words) and words[i][1] in _CONCORDANT:
        i += 1  # "الخميس الموافق 12 ديسمبر": the weekday is still this date's
    if i < len(words) and (w := without_proclitic(words[i][1], WEEKDAY_SET)) is not None:
        weekday, start, i = WEEKDAYS[w], words[i][0], i + 1
    if i < len(words) and without_proclitic(words[i][1], _DAY_WORDS) is not None:
        start, i = words[i][0], i + 1
    if i < len(words) and without_proclitic(words[i][1], _TIME_OF_DAY) is not None:
        start = words[i][0]
    return start, weekday


WEEKDAY_SET = frozenset(WEEKDAYS)


# Nouns that take a yearless date as their name: stadiums, streets, towns ("مدينة 6
# أكتوبر"), and events remembered by their day ("حركة 20 فبراير", "أحداث 16 ماي", "ثورة 25
# يناير"). Their day is not this year's; giving none beats giving a wrong one.
_NAMED_AFTER_A_DATE = _folded_set([
    "ملعب", "استاد", "ستاد", "شارع", "ساحة", "حي", "جسر", "كوبري", "محور", "مطار", "قاعة",
    "مدرسة", "ثانوية", "إعدادية", "مستشفى", "جامعة", "ميدان", "نادي", "مسجد", "مركب", "زنقة",
    "تجزئة", "إقامة", "مجمع", "مدينة", "قرية", "بلدة", "جائزة", "وسام", "ثورة", "انتفاضة",
    "حركة", "أحداث", "تفجيرات", "هجمات", "اعتداءات", "حرب", "نكسة", "نكبة", "مجزرة",
])


def _names_a_place(text: str, start: int) -> bool:
    words = words_before(text, start, 1)
    return bool(words) and without_proclitic(words[0][1], _NAMED_AFTER_A_DATE) is not None


def _number_glued(text: str, start: int) -> bool:
    """A number right after a decimal point, slash, colon or dash belongs to another number."""
    return start > 0 and text[start - 1] in ".,/:-–٫٬"


def _after_reference_word(text: str, start: int) -> bool:
    """"القانون رقم 31.13", "عدد 775": numbers that name texts, not days."""
    words = words_before(text, start, 2)
    return any(without_proclitic(w, _REFERENCE_WORDS) for _, w in words)


def _with_weekday(month: int, day: int, weekday: int | None, ref: dt.date,
                  direction: int) -> dt.date | None:
    """A yearless date whose weekday is given: the year where the weekday agrees wins."""
    if weekday is not None and direction != CURRENT:
        agreeing = [d for y in (ref.year - 1, ref.year, ref.year + 1)
                    if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday]
        if agreeing:
            return min(agreeing, key=lambda d: abs((d - ref).days))
    return pick_day(month, day, ref, direction)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def gregorian_date(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if _number_glued(text, m.start()):
        return None
    day, month = _day(m, "d"), _gregorian_month(m, "m")
    if day is None or month is None:
        return None
    start, weekday = _day_prefix(text, m.start())
    if m.group("y") is not None:
        value = safe_date(int(m.group("y")), month, day)
    elif m.group("mod") is None and _names_a_place(text, start):
        return None  # "ملعب 11 يوليو", "ساحة 9 أبريل": a name, not a day
    else:
        direction = _direction(m, text, start)
        value = _with_weekday(month, day, weekday, ref, direction)
    if value is None:
        return None
    return start, m.end(), "date", _iso(value)


def hijri_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if _number_glued(text, m.start()):
        return None
    day, month = _day(m, "d"), HIJRI_MONTHS[_key(m.group("m"))]
    if day is None or day > 30:
        return None
    start, _ = _day_prefix(text, m.start())
    if m.group("y") is not None:
        value = hijri_date(int(m.group("y")), month, day)
    else:
        value = pick_hijri_day(month, day, ref, _direction(m, text, start))
    if value is None:
        return None
    return start, m.end(), "date", _iso(value)


def numeric_date(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if _number_glued(text, m.start()) or _after_reference_word(text, m.start()):
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
    hijri = (_key(suffix) in _HIJRI_SUFFIXES) if suffix else 1300 <= year <= 1500
    if hijri:
        value = hijri_date(year, month, day)
    elif 1900 <= year <= 2100:
        value = safe_date(year, month, day)
    else:
        return None
    if value is None:
        return None
    start, _ = _day_prefix(text, m.start())
    return start, m.end(), "date", _iso(value)


def _range_start(text: str, start: int) -> tuple[int, bool]:
    """Extend a range leftwards over "ما بين", "من الاثنين"; whether an intro word was there."""
    words = [w for w in words_before(text, start, 4) if w[1] != "ال"]  # "من الـ 3"
    i = 0
    if i < len(words) and without_proclitic(words[i][1], WEEKDAY_SET) is not None:
        start, i = words[i][0], i + 1
    if i < len(words) and without_proclitic(words[i][1], _RANGE_INTROS) is not None:
        start, i = words[i][0], i + 1
        if i < len(words) and without_proclitic(words[i][1], {"ما"}) is not None:
            start = words[i][0]
        return start, True
    return start, False


def _range_value(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None or end is None or end < start:
        return None
    return f"{_iso(start)}/{_iso(end)}"


def range_one_month(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if _number_glued(text, m.start()):
        return None
    first, last = _day(m, "d1"), _day(m, "d2")
    if first is None or last is None or first >= last:
        return None
    start, introduced = _range_start(text, m.start())
    link = _key(m.group("link"))
    if link == "و" and not introduced and last != first + 1:
        return None  # "3 و5 يونيو" may be two dates; "بين/من/يومي" make it a span
    direction = _direction(m, text, start)
    if m.group("hm") is not None:
        month = HIJRI_MONTHS[_key(m.group("hm"))]
        if m.group("y") is not None:
            first_day = hijri_date(int(m.group("y")), month, first)
        else:
            first_day = pick_hijri_day(month, first, ref, direction)
        last_day = first_day and first_day + dt.timedelta(days=last - first)
    else:
        month = _gregorian_month(m, "m")
        if month is None:
            return None
        if m.group("y") is not None:
            year = int(m.group("y"))
        else:
            picked = pick_day(month, first, ref, direction)
            if picked is None:
                return None
            year = picked.year
        first_day, last_day = safe_date(year, month, first), safe_date(year, month, last)
    value = _range_value(first_day, last_day)
    return None if value is None else (start, m.end(), "range", value)


def range_two_months(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if _number_glued(text, m.start()):
        return None
    d1, d2 = _day(m, "d1"), _day(m, "d2")
    m1, m2 = _gregorian_month(m, "m1"), _gregorian_month(m, "m2")
    if d1 is None or d2 is None or m1 is None or m2 is None:
        return None
    start, introduced = _range_start(text, m.start())
    if not introduced and _key(m.group("link")) == "و":
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
        first = pick_day(m1, d1, ref, _direction(m, text, start))
        if first is None:
            return None
        last = safe_date(first.year, m2, d2)
        if last is not None and last < first:
            last = safe_date(first.year + 1, m2, d2)
    value = _range_value(first, last)
    return None if value is None else (start, m.end(), "range", value)


_VERB_MONTHS = _folded_set(["مارس"])
_BEFORE_A_VERB = _folded_set(["الذي", "التي", "الذين", "قد", "لقد", "ما", "كما", "حيث", "أن",
                              "إذ", "عندما", "لما", "بعدما", "حين", "كان", "كانت", "من",
                              "طالما", "لطالما"])


def month_range(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    """"من يناير إلى مارس 2025": from the first day of one month to the last of the other."""
    m1, m2 = _gregorian_month(m, "m1"), _gregorian_month(m, "m2")
    if m1 is None or m2 is None or m1 == m2:
        return None
    start, introduced = _range_start(text, m.start())
    if not introduced:
        return None  # without "من/بين" two month names are a list, not a span
    y1, y2 = m.group("y1"), m.group("y2")
    if y2 is not None:
        last_year = int(y2)
        first_year = int(y1) if y1 else (last_year if m1 < m2 else last_year - 1)
    elif y1 is not None:
        first_year = int(y1)
        last_year = first_year if m1 < m2 else first_year + 1
    else:
        direction = _direction(m, text, start)
        last_year = pick_month_year(m2, ref, direction)
        first_year = last_year if m1 < m2 else last_year - 1
    first = safe_date(first_year, m1, 1)
    last = safe_date(last_year + m2 // 12, m2 % 12 + 1, 1)
    if first is None or last is None:
        return None
    value = _range_value(first, last - dt.timedelta(days=1))
    return None if value is None else (start, m.end(), "range", value)


def month_only(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = _gregorian_month(m, "m")
    if month is None:
        return None
    start = m.start()
    words = words_before(text, start, 2)
    shahr = lead = False
    if words and without_proclitic(words[0][1], _SHAHR) is not None:
        shahr, start, words = True, words[0][0], words[1:]
    if words and without_proclitic(words[0][1], _MONTH_LEADS) is not None:
        lead, start = True, words[0][0]
    if _key(m.group("m")) in _VERB_MONTHS and any(
            without_proclitic(w, _BEFORE_A_VERB) for _, w in words_before(text, m.start(), 1)):
        return None  # "الذي مارس 2000 عملية", "قد مارس الضغط": the verb "practised"
    has_year, has_mod = m.group("y") is not None, m.group("mod") is not None
    anchored = has_year or has_mod or shahr
    if not anchored:
        if not lead:
            return None  # "حميد شباط", "وقد مارس": a month name alone is too often a word
        if _key(m.group("m")) in AMBIGUOUS_MONTHS and not m.group("m").startswith("آ"):
            return None  # "إلى أب مغربي": father, not August
    if has_year:
        if P.COUNTED.match(text, m.end("y")):
            return None  # "الذي مارس 2000 عملية": the verb and a count
        year = int(m.group("y"))
    else:
        year = pick_month_year(month, ref, _direction(m, text, start))
    return start, m.end(), "month", f"{year:04d}-{month:02d}"


def hijri_month(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = HIJRI_MONTHS[_key(m.group("m"))]
    start = m.start()
    words = words_before(text, start, 1)
    shahr = bool(words) and without_proclitic(words[0][1], _SHAHR) is not None
    if shahr:
        start = words[0][0]
    if not shahr and m.group("y") is None:
        return None  # "رمضان", "رجب", "شعبان" alone are as often given names
    if m.group("y") is not None:
        span = hijri_month_span(int(m.group("y")), month)
    else:
        year = hijri_year_of(ref)
        if year is None:
            return None
        spans = [s for y in (year - 1, year, year + 1) if (s := hijri_month_span(y, month))]
        direction = modifier_direction(m.group("mod"))
        if direction == PAST:
            spans = [s for s in spans if s[1] < ref] or spans
        elif direction == FUTURE:
            spans = [s for s in spans if s[0] > ref] or spans
        span = min(spans, key=lambda s: 0 if s[0] <= ref <= s[1]
                   else min(abs((s[0] - ref).days), abs((s[1] - ref).days)), default=None)
    if span is None:
        return None
    return start, m.end(), "range", f"{_iso(span[0])}/{_iso(span[1])}"


_MEDIA = _folded_set(["صحيفة", "جريدة", "قناة", "موقع", "شبكة", "مجلة", "إذاعة", "وكالة"])
_DAY_OFFSETS = {fold(w): n for w, n in [("اليوم", 0), ("لليوم", 0), ("أمس", -1), ("البارحة", -1),
                                        ("غدا", 1), ("غد", 1), ("الغد", 1), ("أول أمس", -2),
                                        ("أول من أمس", -2), ("بعد غد", 2),
                                        ("أمس الأول", -2), ("الأمس", -1),
                                        ("الليلة الماضية", -1), ("الليلة البارحة", -1)]}


def _time_of_day_before(text: str, start: int) -> int | None:
    words = words_before(text, start, 1)
    if words and without_proclitic(words[0][1], _TIME_OF_DAY | _DAY_WORDS) is not None:
        return words[0][0]
    return None


def relative_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    word = _key(m.group("word"))
    weekday = m.group("wd")
    tod = _time_of_day_before(text, m.start())
    if word in ("اليوم", "لليوم") and weekday is None:
        if P.NOT_TODAY.match(text, m.end("word")):
            return None  # "اليوم العالمي", "اليوم الدراسي": a day of something, not today
        before = [w for _, w in words_before(text, m.start(), 2)]
        if before[:1] == ["المصري"] or (len(before) == 2 and before[1] in _MEDIA):
            return None  # "المصري اليوم", "قناة روسيا اليوم": outlets named "today"
    if word in ("غد", "الغد") and tod is None:
        return None  # "غد" needs "يوم/صباح" before it
    if word == "غدا" and tod is None and weekday is None and P.BECAME.match(text, m.end()):
        return None  # the verb غدا "became" is spelt the same
    if word == "الامس" and tod is None and not text[max(0, m.start() - 1):m.start()] == "ب":
        return None  # "بالأمس" is yesterday; "رجال الأمس" is the past
    value = ref + dt.timedelta(days=_DAY_OFFSETS[word])
    return (m.start() if tod is None else tod), m.end(), "relative", _iso(value)


def _ends_clause(text: str, at: int) -> bool:
    rest = text[at:at + 3].lstrip()
    return not rest or rest[0] in ",،.;:!?)\"'»"


def weekday(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    name = _key(m.group("wd"))
    day = WEEKDAYS[name]
    start = m.start()
    tod = _time_of_day_before(text, start)
    direction = modifier_direction(m.group("mod"))
    if direction is not None:
        value = weekday_date(day, ref, direction)
        return (start if tod is None else tod), m.end(), "relative", _iso(value)
    if tod is None:
        words = words_before(text, start, 1)
        if words and without_proclitic(words[0][1], _NOT_A_DAY_BEFORE) is not None:
            return None  # "سوق الأربعاء", "باب الأحد", "صلاة الجمعة": places and prayers
        before = text[max(0, start - 3):start].rstrip()
        if name in _AMBIGUOUS_WEEKDAYS and not before.endswith((",", "،", "(")):
            return None
    direction = context_direction(text, start, m.end())
    if day == ref.weekday():
        value = ref  # a bare weekday naming the publication day is that day, whatever the tense
    else:
        # A bare weekday in a report is mostly a day of the week that is ending
        # ("أعلنت الحكومة، الخميس،"): the latest such day, unless the sentence looks ahead.
        value = weekday_date(day, ref, FUTURE if direction == FUTURE else PAST)
    return (start if tod is None else tod), m.end(), "weekday", _iso(value)


def relative_period(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("this") is not None:
        unit, direction = _key(m.group("unit2")), CURRENT
    else:
        unit, direction = _key(m.group("unit")), modifier_direction(m.group("mod"))
        words = words_before(text, m.start(), 1)
        if unit.endswith("عام") and words and words[0][1].startswith("ال"):
            return None  # "الأمين العام السابق": after a definite noun, العام is "general"
    step = {PAST: -1, FUTURE: 1, CURRENT: 0}.get(direction, 0)
    if unit.endswith("اسبوع"):
        first, last = week_span(ref + dt.timedelta(days=7 * step))
        value = f"{_iso(first)}/{_iso(last)}"
    elif unit.endswith("شهر"):
        year, month = shift_month(ref.year, ref.month, step)
        value = f"{year:04d}-{month:02d}"
    else:
        value = f"{ref.year + step:04d}"
    return m.start(), m.end(), "relative", value


_YEAR_WORDS = _folded_set(["سنة", "عام", "العام", "السنة", "عامي", "سنتي"])
_YEAR_LEADS = _YEAR_WORDS | _folded_set([
    "خلال", "منذ", "مطلع", "بداية", "نهاية", "أواخر", "أوائل", "منتصف", "أواسط", "حتى",
    "بحلول", "قبل", "بعد", "في", "موسم", "مونديال", "أولمبياد", "رؤية", "أفق", "دورة",
    "انتخابات", "ميزانية", "غاية", "إلى", "طيلة", "طوال", "ربيع", "صيف", "خريف", "شتاء",
    "تعداد", "إحصاء", "حلول", "كأس العالم", "قانون المالية", "كأس أمم إفريقيا",
    "كأس إفريقيا", "إكسبو", "من", "مع", "برسم", "نسخة", "طبعة", "ابتداء من", "اعتبارا من",
    "انطلاقا من", "بداية من", "مواليد",
])
# Events named with their year: "أولمبياد باريس 2024", "كأس أمم إفريقيا المغرب 2025".
_EVENT_WORDS = _folded_set(["مونديال", "أولمبياد", "كأس", "بطولة", "إكسبو"])
# After these a four-digit number is as often a count ("في 2000 منزل"): it is taken as a
# year only when what follows cannot follow a count (patterns.YEAR_GOES_ON): the end of
# the phrase ("في 2024،"), another year ("في 2024 و2025"), a definite word, a particle or
# a common past verb ("وفي 2024 سجلت الشركة"). A counted noun is indefinite, so it fails.
_LOOSE_YEAR_LEADS = _folded_set(["في", "قبل", "بعد", "حتى", "إلى", "غاية", "مع", "دورة",
                                 "من"])
# Quantity words before the number make it an amount whatever comes between:
# "أكثر من 2000", "حوالي 1500".
_QUANTITY_WORDS = _folded_set(["أكثر", "أقل", "أزيد", "قرابة", "حوالي", "نحو", "يقارب",
                               "زهاء", "مجموع", "عدد", "رقم", "بلغ", "بلغت", "تجاوز",
                               "تجاوزت", "ناهز", "ناهزت", "يناهز", "فاق", "فاقت", "أصل"])


_YEAR_CHAIN = re.compile(r"(?<!\d)\d{4}\s*(?:" + P.alternation(["و", "إلى", "حتى"])
                         + r"|[-–/])\s*$")


def _year_lead(words: list[tuple[int, str]]) -> tuple[str | None, int]:
    """The year lead ending just before a number (one to three words), and where it starts."""
    for n in range(len(words), 0, -1):  # longest first: "ابتداء من" before "من"
        phrase = " ".join(w for _, w in reversed(words[:n]))
        if (found := without_proclitic(phrase, _YEAR_LEADS)) is not None:
            return found, words[n - 1][0]
    return None, -1


def year(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if _number_glued(text, m.start()):
        return None
    suffix = m.group("suffix")
    if suffix is not None and _key(suffix) in _HIJRI_SUFFIXES:
        return None  # a Hijri year is not a Gregorian one
    words = words_before(text, m.start(), 3)
    lead, start = _year_lead(words)
    if lead is None and any(without_proclitic(w, _EVENT_WORDS) for _, w in words[1:]):
        event = next(i for i, (_, w) in enumerate(words) if without_proclitic(w, _EVENT_WORDS))
        lead, start = "event", words[event][0]
    if lead is None:
        # "عامي 2000 و2001", "من 1919 إلى 1946": a second year after a first one
        chained = _YEAR_CHAIN.search(text, max(0, m.start() - 12), m.start())
        if chained is None or not _year_lead(words_before(text, chained.start(), 3))[0]:
            return None
        lead, start = "و", m.start()
    if P.BEFORE_CHRIST.match(text, m.end()):
        return None
    value = int(m.group("y"))
    if not (1000 if lead in _YEAR_WORDS else 1900) <= value <= 2100:
        return None
    if P.COUNTED.match(text, m.end()):
        return None
    if lead in _LOOSE_YEAR_LEADS:
        if any(without_proclitic(w, _QUANTITY_WORDS) for _, w in words[:3]):
            return None
        if not P.YEAR_GOES_ON.match(text, m.end()):
            return None
    return start, m.end(), "year", f"{value:04d}"


_PERIOD_KIND = {}
for _words, _kind in ((("صباحا", "صباح", "الصباح", "فجرا", "الفجر", "ص"), "am"),
                      (("ظهرا", "الظهر", "زوالا", "الزوال", "بعد الظهر", "بعد الزوال"), "noon"),
                      (("عصرا", "العصر", "مساء", "مساءا", "المساء", "م"), "pm"),
                      (("ليلا", "الليل", "ليل"), "night")):
    for _w in _words:
        _PERIOD_KIND[fold(_w)] = _kind


def _clock(hour: int, minute: int, period: str | None) -> str | None:
    kind = _PERIOD_KIND.get(_key(period)) if period else None
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
    if m.group("h") is not None:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
    else:
        hour, minute = HOUR_WORDS_FOLDED[_key(m.group("hw"))], 0
        frac = m.group("frac")
        if frac is not None:
            frac = _key(frac)
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


def relative_month_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if _number_glued(text, m.start()):
        return None
    day = _day(m, "d")
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
    start, _ = _day_prefix(text, m.start())
    return start, m.end(), "date", _iso(value)


def bare_clock(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if _number_glued(text, m.start()):
        return None
    if m.group("period") is None:
        if m.group("sep") == ".":
            return None  # "3.25" is a decimal unless a period word follows
        if m.group("zone") is None and not P.CLOCK_LEAD.search(
                text, max(0, m.start() - 14), m.start()):
            return None  # a lone "14:30" may be a score or a ratio
    value = _clock(int(m.group("h")), int(m.group("mi")), m.group("period"))
    return None if value is None else (m.start(), m.end(), "time", value)


def midnight(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if P.MIDNIGHT.match(text, m.start()) is None or (
            m.group().endswith("ليل") and not m.group().endswith("الليل")):
        return None  # "منتصف ليل الجمعة" is a night, not a clock time
    return m.start(), m.end(), "time", "00:00"


def month_day_year(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = GREGORIAN_MONTHS[_key(m.group("m"))]
    value = safe_date(int(m.group("y")), month, int(m.group("d")))
    return None if value is None else (m.start(), m.end(), "date", _iso(value))


Rule = tuple[int, re.Pattern[str], Builder]

# Rank breaks ties between candidates of equal length: the more specific rule first.
_RANKED = [
    (P.RANGE_TWO_MONTHS, range_two_months),
    (P.RANGE_ONE_MONTH, range_one_month),
    (P.NUMERIC_DATE, numeric_date),
    (P.HIJRI_DATE, hijri_day),
    (P.GREGORIAN_DATE, gregorian_date),
    (P.RELATIVE_MONTH_DAY, relative_month_day),
    (P.HIJRI_MONTH, hijri_month),
    (P.MONTH_ONLY, month_only),
    (P.RELATIVE_PERIOD, relative_period),
    (P.RELATIVE_DAY, relative_day),
    (P.WEEKDAY_MENTION, weekday),
    (P.CLOCK, clock),
    (P.BARE_CLOCK, bare_clock),
    (P.YEAR_NUMBER, year),
    (P.MIDNIGHT, midnight),
    (P.MONTH_DAY_YEAR, month_day_year),
    (P.MONTH_RANGE, month_range),
]
_RANK = {builder: rank for rank, (_, builder) in enumerate(_RANKED)}


def _rules(*builders: Builder) -> tuple[Rule, ...]:
    patterns = {b: p for p, b in _RANKED}
    return tuple((_RANK[b], patterns[b], b) for b in builders)


_DAY_RULES = _rules(range_two_months, range_one_month, hijri_day, gregorian_date,
                    relative_month_day)
# Rules for a number, by what it can be: a day (1-2 digits), a year (4), either one
# starting a numeric date; what follows it rules out most of them before any regex runs.
_DAY_NUMBER_RULES = _DAY_RULES
_NUMERIC_RULES = _rules(range_one_month, numeric_date)  # "24 - 11 - 2025", "26-28 جوان"
_CLOCK_RULES = _rules(bare_clock)
_YEAR_RULES = _rules(year)
_YEAR_NUMERIC_RULES = _rules(numeric_date, year)


def _number_rules(s: str, start: int, end: int) -> tuple[Rule, ...]:
    after = s[end:end + 2].lstrip()[:1]
    digits = end - start
    if digits <= 2:
        if after == ":":
            return _CLOCK_RULES
        if after and after in "-/.–":
            return _NUMERIC_RULES
        return _DAY_NUMBER_RULES
    if digits == 4:
        return _YEAR_NUMERIC_RULES if after and after in "-/." else _YEAR_RULES
    return ()
# Which rules can start at each trigger word, by its folded spelling.
_WORD_RULES: dict[str, tuple[Rule, ...]] = {}
for _words, _rule_set in (
    (GREGORIAN_MONTHS, _rules(month_range, month_day_year, month_only)),
    (HIJRI_MONTHS, _rules(hijri_month)),
    (WEEKDAYS, _rules(weekday)),
    (DAY_ORDINALS, _DAY_RULES),
    (P.RELATIVE_DAY_WORDS, _rules(relative_day)),
    (P.PERIOD_UNITS + P.THIS_WORDS, _rules(relative_period)),
    (P.CLOCK_WORDS, _rules(clock)),
    (P.MIDNIGHT_WORDS, _rules(midnight)),
):
    for _word in _words:
        _WORD_RULES[fold(_word)] = _WORD_RULES.get(fold(_word), ()) + _rule_set


def _candidates(s: str, ref: dt.date) -> list[tuple[int, Found]]:
    candidates = []
    pos = 0
    while (trigger := P.TRIGGER.search(s, pos)) is not None:
        start = pos = trigger.start()
        if trigger.lastgroup == "num":
            rules = _number_rules(s, start, trigger.end())
        elif starts_word(s, start) is None:
            # Inside a longer word ("آب" in "نواب", "أول أمس" in "باول أمس"): look again
            # from the next letter, so a real expression right after is not skipped.
            pos += 1
            continue
        else:
            rules = _WORD_RULES.get(_key(trigger.group()), ())
        pos = trigger.end()
        for rank, pattern, build in rules:
            match = pattern.match(s, start)
            if match is not None and (found := build(match, s, ref)) is not None:
                candidates.append((rank, found))
    return candidates


def _settle(candidates: list[tuple[int, Found]]) -> list[Found]:
    """Keep the longest of overlapping candidates (the better-ranked rule on a tie)."""
    kept: list[Found] = []
    for _, found in sorted(candidates, key=lambda c: (c[1][0] - c[1][1], c[0], c[1][0])):
        start, end = found[0], found[1]
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append(found)
    return sorted(kept)


_RANGE_GAP = re.compile(r"\s*(?:" + P.alternation(["إلى غاية", "لغاية", "إلى", "حتى", "و"])
                        + r"|[-–—])\s*$")


def _join_ranges(found: list[Found], text: str) -> list[Found]:
    """Two dates joined as a span become one range: "من 01/12/2025 إلى 05/12/2025".

    The pattern rules build ranges whose parts share a month name; this catches the rest
    (numeric dates, dates each with its weekday) from the dates already found.
    """
    joined: list[Found] = []
    for item in found:
        if joined and item[2] == "date" and joined[-1][2] == "date":
            first = joined[-1]
            gap = text[first[1]:item[0]]
            if _RANGE_GAP.match(gap) and first[3] < item[3]:
                start, introduced = _range_start(text, first[0])
                if introduced or "-" in gap or "–" in gap or "—" in gap:
                    joined[-1] = (start, item[1], "range", f"{first[3]}/{item[3]}")
                    continue
        joined.append(item)
    return joined


def find_dates(text: str, ref: dt.date | None = None) -> list[DateMention]:
    """Every date/time expression in ``text``, resolved against ``ref`` (None: today).

    Offsets are characters into ``text``; ``text[start:end] == mention.text``.
    """
    if ref is None:
        ref = dt.date.today()
    elif isinstance(ref, dt.datetime):
        ref = ref.date()
    s, origin = strip_marks(text)
    mentions = []
    for start, end, kind, value in _join_ranges(_settle(_candidates(s, ref)), s):
        start, end = _trim(s, start, end)
        o_start, o_end = original_span(origin, start, end, text)
        mentions.append(DateMention(text=text[o_start:o_end], start=o_start, end=o_end,
                                    kind=kind, value=value))
    return mentions


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces, commas and an unclosed bracket that optional parts swallowed."""
    while start < end and s[start] in " ,،\t\n(":
        start += 1
    while end > start and s[end - 1] in " ,،\t\n(":
        end -= 1
    if s[end - 1] == ")" and "(" not in s[start:end]:
        end -= 1
    return start, end
