"""Builders for durations counted from the reference date.

A point: "قبل أسبوعين", "منذ خمسة أشهر", "بعد ثلاث سنوات" — the day, month or year that
many units back or ahead (``relative``; the value has the unit's precision). A period:
"خلال الأيام العشرة الماضية", "السنوات الخمس القادمة" — the span between the reference date
and that point (``range``). Months and years move by calendar months and years, clamped
to the month's end. A duration counted from another event ("قبل يومين من الانتخابات",
"بعد ثلاثة أيام على وفاته") is no date: its anchor is not the reference date.
"""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import units as U
from akhbar.enrich.dates.context import without_proclitic, words_before
from akhbar.enrich.dates.normalize import alternation, fold
from akhbar.enrich.dates.numerals import CARDINALS
from akhbar.enrich.dates.parts import Found, iso
from akhbar.enrich.dates.resolve import DAY, FUTURE, MONTH, WEEK, add_units
from akhbar.enrich.dates.tense import context_direction

_CARDINALS_FOLDED = {fold(k): v for k, v in CARDINALS.items()}

# "قبل يومين من الانتخابات", "بعد أسبوع على الحادث": counted from something else.
_ANCHORED = re.compile(r"\s*+(?:من|على|عن)\s++(?!" + alternation(["الآن", "الان"]) + r"(?!\w))")
# "الأيام العشرة الأخيرة من رمضان" (a period's own last days; "على الصعيد الدولي" after
# a counted period is only a phrase that follows it).
_OF_SOMETHING = re.compile(r"\s*+من\s++(?!" + alternation(["الآن", "الان"]) + r"(?!\w))")

# What may follow a unit named without a count ("منذ شهر", "قبل عام") for it to be one
# unit of time: the end of the phrase, a particle, a word with a clitic preposition or
# conjunction, or a word that closes a duration. Anything else is read as the noun in
# another role: "منذ عام 2011", "قبل شهر رمضان", "بعد يوم حافل", "قبل يوم الانتخابات".
_ONE_UNIT_ENDS = re.compile(
    r"\s*+(?:$|[.,،;:!?؟)\"»\-–]|(?:"
    + alternation(
        [
            "فقط",
            "تقريبا",
            "واحد",
            "واحدة",
            "مضى",
            "مضت",
            "خلا",
            "خلت",
            "فحسب",
            "في",
            "على",
            "إلى",
            "مع",
            "ثم",
            "حيث",
            "حين",
            "عندما",
            "كان",
            "كانت",
            "قد",
            "لم",
            "لن",
            "لا",
            "أو",
            "حتى",
        ]
    )
    + r"|[وفبل](?!ال)\w{3,}|و)(?!\w))"
)

# A unit just before the preposition: "يوما بعد يوم", "عاما بعد عام" (day after day).
_REPEATED = re.compile(r"(?:" + alternation(U.SINGULARS + ["سنة"]) + r")\s*+$")


def _count_of(m: re.Match[str], name: str) -> int | None:
    """The count a group names; None for a four-digit number above 1000, which is a year
    ("السنوات الأخيرة 2011") or an amount, not a count of units."""
    if m.group(name) is not None:
        count = int(m.group(name))
        return count if count <= 1000 else None
    if m.group(name + "w") is not None:
        return _CARDINALS_FOLDED[fold(m.group(name + "w"))]
    return None


# Words of plans and expectations that make "خلال/بعد N" count from now ("ضمن خطة الوزارة
# ... خلال شهرين", "على أن يتم ذلك بعد أسبوعين"), besides the verb cues of tense.py.
_PLAN = re.compile(
    r"(?<!\w)[وفبل]?(?:"
    + alternation(
        [
            "خطة",
            "الخطة",
            "على أن",
            "يتوقع",
            "تتوقع",
            "متوقع",
            "المتوقع",
            "يجب",
            "ينبغي",
            "من المفترض",
            "مهلة",
            "أمهل",
            "أمام",
        ]
    )
    + r")(?!\w)"
)


def _looks_ahead(text: str, m: re.Match[str]) -> bool:
    """Whether "بعد/خلال + a duration" counts from now: the sentence reads as the future.

    In a report of the past these count from the event told ("وصل بعد 4 أيام", "خلال 6
    سنوات قبل الثورة"), and the verb cues of a regex cannot always tell; only a sentence
    that looks ahead gets a date.
    """
    if context_direction(text, m.start(), m.end()) == FUTURE:
        return True
    return _PLAN.search(text, max(0, m.start() - 80), m.start()) is not None


def _value(ref: dt.date, unit: str, count: int) -> str | None:
    """The point ``count`` units from ``ref``, written to the unit's precision."""
    day = add_units(ref, unit, count)
    if day is None:
        return None
    if unit in (DAY, WEEK):
        return iso(day)
    if unit == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def duration(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if m.group("one") is not None:
        if not _ONE_UNIT_ENDS.match(text, m.end("one")):
            return None
        count, unit = 1, U.UNIT_OF[fold(m.group("one"))]
        if _REPEATED.search(text, max(0, m.start() - 8), m.start()):
            return None  # "يوما بعد يوم", "عاما بعد عام": day after day
    elif m.group("dual") is not None:
        count, unit = 2, U.UNIT_OF[fold(m.group("dual"))]
    else:
        count, unit = _count_of(m, "n"), U.UNIT_OF[fold(m.group("unit"))]
        if fold(m.group("unit")) in U.DUAL_SET:
            return None  # "3 يومين" is no count
    if not count or _ANCHORED.match(text, m.end()):
        return None
    said = U.COUNTED_DIRECTION.get(fold(m.group("dir") or ""))
    direction = U.PREPOSITION_DIRECTION.get(fold(m.group("prep")))
    if direction is not None and said is not None and said != direction:
        return None  # "قبل ثلاثة أيام المقبلة" says two things
    if direction is None:
        direction = said or FUTURE
        if said is None and not _looks_ahead(text, m):
            return None  # "تضاعف خلال 5 سنوات": a stretch of time with no anchor
    elif direction == FUTURE and not _looks_ahead(text, m):
        return None  # "ورد عليه البنك بعد 4 أيام": counted from the event told, not from now
    value = _value(ref, unit, count if direction == FUTURE else -count)
    return None if value is None else (m.start(), m.end(), "relative", value)


def counted_period(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    start = m.start()
    if m.group("dual") is not None:
        count, unit = 2, U.UNIT_OF[fold(m.group("dual"))[2:]]
    elif m.group("plural") is not None:
        count, unit = _count_of(m, "n1"), U.UNIT_OF[fold(m.group("plural"))[2:]]
    elif m.group("plural3") is not None:
        count, unit = _count_of(m, "n3"), U.UNIT_OF[fold(m.group("plural3"))[2:]]
    else:
        count, unit = _count_of(m, "n2"), U.UNIT_OF[fold(m.group("unit"))]
        if fold(m.group("unit")) in U.DUAL_SET:
            return None
        if m.group("n2") is not None and not text[start:].startswith("ال"):
            # started at the digits: "الـ10 سنوات الماضية" needs its article
            words = words_before(text, start, 1)
            if not words or words[0][1] != "ال":
                return None
            start = words[0][0]
    if not count:
        return None
    if _OF_SOMETHING.match(text, m.end()):
        return None  # "الأيام العشرة الأخيرة من رمضان": the last days of something else
    direction = U.COUNTED_DIRECTION[fold(m.group("dir") or m.group("dir3"))]
    edge = add_units(ref, unit, count if direction == FUTURE else -count)
    if edge is None:
        return None
    first, last = (ref, edge) if direction == FUTURE else (edge, ref)
    return _lead_start(text, start), m.end(), "range", f"{iso(first)}/{iso(last)}"


def _lead_start(text: str, start: int) -> int:
    """Take "خلال", "في", "طوال", "على مدى" before a counted period into its span."""
    words = words_before(text, start, 2)
    if words and without_proclitic(words[0][1], U.PERIOD_LEADS) is not None:
        start = words[0][0]
        if len(words) > 1 and words[0][1] in ("مدي", "مدار") and words[1][1] == "علي":
            start = words[1][0]
    return start
