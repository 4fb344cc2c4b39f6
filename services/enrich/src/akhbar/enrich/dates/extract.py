"""``find_dates``: every date and time expression in a text, with its span and value.

Each pattern in patterns.py has a builder here that reads its groups, rejects what the
regex could not (a verb "مارس", a count "2700 كيلومتر"), and resolves the value against the
reference date. Overlapping candidates are settled longest first, so "الأحد 28 شتنبر
الجاري" is one date rather than a weekday plus a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.months import (
    AMBIGUOUS_MONTHS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    WEEKDAYS,
)
from akhbar.enrich.dates.normalize import fold, fold_with_offsets
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

Found = tuple[int, int, str, str]  # start, end (folded offsets), kind, value
Builder = Callable[[re.Match[str], str, dt.date], Found | None]

_SPACES = re.compile(r"\s+")
_DAY_ORDINALS = {" ".join(fold(k).split()): v for k, v in DAY_ORDINALS.items()}
_HOUR_WORDS = {" ".join(fold(k).split()): v for k, v in HOUR_WORDS.items()}
_HIJRI_SUFFIXES = {fold(w) for w in ("هـ", "ه", "هجريا", "هجري", "هجرية", "للهجرة")}
_PROCLITIC = re.compile(r"^[وف](?=ال|يوم|امس|غد|بين|من|ما|خلال)")
# Weekday names that are also common words: الاثنين "the two", الأحد "the One",
# الجمعة "Friday prayer". Alone, they need a comma, a time-of-day word or a modifier.
_AMBIGUOUS_WEEKDAYS = frozenset(fold(w) for w in ("الاثنين", "الأحد", "الجمعة"))
_NOT_PAST_AMOUNT = re.compile(r"(?:رقم|عدد|القانون|قانون|المرسوم|مرسوم|الظهير)\s*$")


def _key(word: str) -> str:
    return _SPACES.sub(" ", word)


def _day(m: re.Match[str], name: str) -> int | None:
    if m.group(name) is not None:
        day = int(m.group(name))
    elif m.group(name + "w") is not None:
        day = _DAY_ORDINALS[_key(m.group(name + "w"))]
    else:
        return None
    return day if 1 <= day <= 31 else None


def _gregorian_month(m: re.Match[str], name: str) -> int | None:
    """The month number, None when a second form names a different month."""
    month = GREGORIAN_MONTHS[_key(m.group(name))]
    second = m.group(name + "2")
    if second is not None and GREGORIAN_MONTHS[_key(second)] != month:
        return None
    return month


def _direction(m: re.Match[str], text: str, group: str = "mod") -> int:
    explicit = modifier_direction(m.group(group))
    return explicit if explicit is not None else context_direction(text, m.start())


def _with_weekday(month: int, day: int, weekday: int | None, ref: dt.date,
                  direction: int) -> dt.date | None:
    """A yearless date whose weekday is given: the year where the weekday agrees wins."""
    if weekday is not None and direction != CURRENT:
        agreeing = [d for y in (ref.year - 1, ref.year, ref.year + 1)
                    if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday]
        if agreeing:
            return min(agreeing, key=lambda d: abs((d - ref).days))
    return pick_day(month, day, ref, direction)


def _weekday_of(m: re.Match[str], group: str) -> int | None:
    name = m.group(group)
    return None if name is None else WEEKDAYS[name]


def _iso(day: dt.date) -> str:
    return day.isoformat()


def gregorian_date(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    day, month = _day(m, "d"), _gregorian_month(m, "m")
    if day is None or month is None:
        return None
    if m.group("y") is not None:
        value = safe_date(int(m.group("y")), month, day)
    else:
        direction = _direction(m, text)
        value = _with_weekday(month, day, _weekday_of(m, "prewd"), ref, direction)
    if value is None:
        return None
    return m.start(), m.end(), "date", _iso(value)


def hijri_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    day, month = _day(m, "d"), HIJRI_MONTHS[_key(m.group("m"))]
    if day is None or day > 30:
        return None
    if m.group("y") is not None:
        value = hijri_date(int(m.group("y")), month, day)
    else:
        value = pick_hijri_day(month, day, ref, _direction(m, text))
    if value is None:
        return None
    return m.start(), m.end(), "date", _iso(value)


def numeric_date(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if _NOT_PAST_AMOUNT.search(text, max(0, m.start() - 12), m.start()):
        return None
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        day, month, year = int(a), int(b), int(c)
        if month > 12 >= day:  # an American month/day/year
            day, month = month, day
    else:
        return None
    suffix = m.group("suffix")
    hijri = (suffix in _HIJRI_SUFFIXES) if suffix else 1300 <= year <= 1500
    if hijri:
        value = hijri_date(year, month, day)
    elif 1900 <= year <= 2100:
        value = safe_date(year, month, day)
    else:
        return None
    if value is None:
        return None
    return m.start(), m.end(), "date", _iso(value)


def _range_value(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None or end is None or end < start:
        return None
    return f"{_iso(start)}/{_iso(end)}"


def range_one_month(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    first, last = _day(m, "d1"), _day(m, "d2")
    if first is None or last is None or first >= last:
        return None
    if m.group("link") not in ("-", "/") and m.group("intro") is None:
        return None  # "3 و5 يونيو" may be two dates; only "بين/من/يومي" make it a span
    direction = _direction(m, text)
    if m.group("hm") is not None:
        month = HIJRI_MONTHS[_key(m.group("hm"))]
        if m.group("y") is not None:
            start = hijri_date(int(m.group("y")), month, first)
            end = hijri_date(int(m.group("y")), month, last)
        else:
            start = pick_hijri_day(month, first, ref, direction)
            end = start and start + dt.timedelta(days=last - first)
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
        start, end = safe_date(year, month, first), safe_date(year, month, last)
    value = _range_value(start, end)
    return None if value is None else (m.start(), m.end(), "range", value)


def range_two_months(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    d1, d2 = _day(m, "d1"), _day(m, "d2")
    m1, m2 = _gregorian_month(m, "m1"), _gregorian_month(m, "m2")
    if None in (d1, d2, m1, m2):
        return None
    y1, y2 = m.group("y1"), m.group("y2")
    if y1 is not None:
        start = safe_date(int(y1), m1, d1)
        end = safe_date(int(y2) if y2 else int(y1), m2, d2)
        if y2 is None and start and end and end < start:
            end = safe_date(int(y1) + 1, m2, d2)
    elif y2 is not None:
        end = safe_date(int(y2), m2, d2)
        start = safe_date(int(y2), m1, d1)
        if start and end and start > end:
            start = safe_date(int(y2) - 1, m1, d1)
    else:
        start = pick_day(m1, d1, ref, _direction(m, text))
        if start is None:
            return None
        end = safe_date(start.year, m2, d2)
        if end is not None and end < start:
            end = safe_date(start.year + 1, m2, d2)
    value = _range_value(start, end)
    return None if value is None else (m.start(), m.end(), "range", value)


def month_only(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = _gregorian_month(m, "m")
    if month is None:
        return None
    name = _key(m.group("m"))
    has_year, has_mod = m.group("y") is not None, m.group("mod") is not None
    anchored = has_year or has_mod or m.group("shahr") is not None
    if not anchored and (m.group("lead") is None or name in AMBIGUOUS_MONTHS):
        return None
    if has_year:
        year = int(m.group("y"))
        if not 1000 <= year <= 2200:
            return None
    else:
        year = pick_month_year(month, ref, _direction(m, text))
    return m.start(), m.end(), "month", f"{year:04d}-{month:02d}"


def hijri_month(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = HIJRI_MONTHS[_key(m.group("m"))]
    if m.group("shahr") is None and m.group("y") is None:
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
    return m.start(), m.end(), "range", f"{_iso(span[0])}/{_iso(span[1])}"


_DAY_OFFSETS = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1, "غد": 1, "الغد": 1}


def relative_day(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    word = _PROCLITIC.sub("", _key(m.group("word")))
    tod, weekday = m.group("tod"), m.group("wd")
    if word.startswith("اول"):
        offset = -2
    elif word.startswith("بعد"):
        offset = 2
    else:
        offset = _DAY_OFFSETS[word]
    if word == "اليوم" and weekday is None and P.NOT_TODAY.match(text, m.end("word")):
        return None  # "اليوم العالمي", "اليوم الدراسي": a day of something, not today
    if word in ("غد", "الغد") and tod is None:
        return None  # "غد" needs "يوم/صباح/بعد"
    if word == "غدا" and tod is None and weekday is None and not _ends_clause(text, m.end()):
        return None  # the verb غدا "became" is spelt the same
    value = ref + dt.timedelta(days=offset)
    return m.start(), m.end(), "relative", _iso(value)


def _ends_clause(text: str, at: int) -> bool:
    rest = text[at:at + 2].lstrip()
    return not rest or rest[0] in ",.;:!?)\"'»"


def weekday(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    name = m.group("wd")
    day = WEEKDAYS[name]
    direction = modifier_direction(m.group("mod"))
    if direction is not None:
        return m.start(), m.end(), "relative", _iso(weekday_date(day, ref, direction))
    if name in _AMBIGUOUS_WEEKDAYS and m.group("tod") is None:
        before = text[max(0, m.start() - 2):m.start()]
        if "," not in before and not _ends_clause(text, m.end()):
            return None
    value = weekday_date(day, ref, context_direction(text, m.start()))
    return m.start(), m.end(), "weekday", _iso(value)


_ADJECTIVE_SLOT = re.compile(r"(?<!\w)ال\w+\s+$")


def relative_period(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("this") is not None:
        unit, direction = m.group("unit2"), CURRENT
    else:
        unit, direction = m.group("unit"), modifier_direction(m.group("mod"))
        if unit.endswith("عام") and _ADJECTIVE_SLOT.search(text, 0, m.start()):
            return None  # "الأمين العام السابق": العام is "general" after a definite noun
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


_LOOSE_YEAR_LEADS = {fold(w) for w in ("في", "قبل", "بعد", "حتى", "إلى", "غاية", "مع")}
_YEAR_WORDS = {fold(w) for w in ("سنة", "عام", "العام", "السنة", "عامي", "سنتي")}
_YEAR_GOES_ON = re.compile(r"\s*(?:$|[,.;:!?)\"»]|و\s*[0-9]{4}|-\s*[0-9]{4})")


def year(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    value = int(m.group("y"))
    suffix = m.group("suffix")
    if suffix is not None and suffix in _HIJRI_SUFFIXES:
        return None  # a Hijri year is not a Gregorian one
    lead = re.sub(r"^[وفبل](?=.)", "", _key(m.group("lead")))
    low = 1000 if (lead in _YEAR_WORDS or _key(m.group("lead")) in _YEAR_WORDS) else 1900
    if not low <= value <= 2100:
        return None
    if P.COUNTED.match(text, m.end()):
        return None
    if lead in _LOOSE_YEAR_LEADS and not _YEAR_GOES_ON.match(text, m.end()):
        return None  # "في 2000 منزل": after a bare preposition, a number must stand alone
    return m.start(), m.end(), "year", f"{value:04d}"


_PERIOD_SHIFT = {}
for _words, _kind in ((("صباحا", "صباح", "الصباح", "فجرا", "الفجر"), "am"),
                      (("ظهرا", "الظهر", "زوالا", "الزوال", "بعد الظهر", "بعد الزوال"), "noon"),
                      (("عصرا", "العصر", "مساء", "مساءا", "المساء"), "pm"),
                      (("ليلا", "الليل", "ليل"), "night")):
    for _w in _words:
        _PERIOD_SHIFT[fold(_w)] = _kind


def _clock(hour: int, minute: int, period: str | None) -> str | None:
    kind = _PERIOD_SHIFT.get(_key(period)) if period else None
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


_FRACTIONS = {"والنصف": 30, "والربع": 15, "والثلث": 20}


def clock(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("h") is not None:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
    else:
        hour, minute = _HOUR_WORDS[_key(m.group("hw"))], 0
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
    return None if value is None else (m.start(), m.end(), "time", value)


def bare_clock(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    value = _clock(int(m.group("h")), int(m.group("mi")), m.group("period"))
    return None if value is None else (m.start(), m.end(), "time", value)


# Order breaks ties between candidates of equal length: the more specific rule first.
RULES: list[tuple[re.Pattern[str], Builder]] = [
    (P.RANGE_TWO_MONTHS, range_two_months),
    (P.RANGE_ONE_MONTH, range_one_month),
    (P.NUMERIC_DATE, numeric_date),
    (P.HIJRI_DATE, hijri_day),
    (P.GREGORIAN_DATE, gregorian_date),
    (P.HIJRI_MONTH, hijri_month),
    (P.MONTH_ONLY, month_only),
    (P.RELATIVE_PERIOD, relative_period),
    (P.RELATIVE_DAY, relative_day),
    (P.WEEKDAY_MENTION, weekday),
    (P.CLOCK, clock),
    (P.BARE_CLOCK, bare_clock),
    (P.YEAR_MENTION, year),
]


def _settle(candidates: list[tuple[int, Found]]) -> list[Found]:
    """Keep the longest of overlapping candidates (earlier rule on a tie)."""
    kept: list[Found] = []
    taken: list[tuple[int, int]] = []
    for _, found in sorted(candidates, key=lambda c: (c[1][0] - c[1][1], c[0])):
        start, end = found[0], found[1]
        if all(end <= s or start >= e for s, e in taken):
            kept.append(found)
            taken.append((start, end))
    return sorted(kept)


def find_dates(text: str, ref: dt.date | None = None) -> list[DateMention]:
    """Every date/time expression in ``text``, resolved against ``ref`` (None: today).

    Offsets are characters into ``text``; ``text[start:end] == mention.text``.
    """
    if ref is None:
        ref = dt.date.today()
    elif isinstance(ref, dt.datetime):
        ref = ref.date()
    folded = fold_with_offsets(text)
    s = folded.text
    candidates: list[tuple[int, Found]] = []
    for rank, (pattern, build) in enumerate(RULES):
        for match in pattern.finditer(s):
            found = build(match, s, ref)
            if found is not None:
                candidates.append((rank, found))
    mentions = []
    for start, end, kind, value in _settle(candidates):
        start, end = _trim(s, start, end)
        o_start, o_end = folded.span(start, end, text)
        mentions.append(DateMention(text=text[o_start:o_end], start=o_start, end=o_end,
                                    kind=kind, value=value))
    return mentions


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and commas a pattern's optional parts swallowed."""
    while start < end and s[start] in " ,\t\n":
        start += 1
    while end > start and s[end - 1] in " ,\t\n":
        end -= 1
    return start, end
