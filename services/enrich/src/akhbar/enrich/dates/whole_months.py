"""Builders for a whole month named without a day: "نهاية شهر أكتوبر", "حزيران 2024",
"ديسمبر المقبل", "شهر رمضان" (a Hijri month, given as its Gregorian days)."""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.context import without_proclitic, words_before
from akhbar.enrich.dates.months import (
    AMBIGUOUS_MONTHS,
    HIJRI_MONTHS,
)
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.parts import (
    Found,
    direction_of,
    folded_set,
    gregorian_month_of,
    iso,
    year_of,
)
from akhbar.enrich.dates.resolve import hijri_month_near, pick_month_year
from akhbar.enrich.dates.tense import modifier_direction

_SHAHR = folded_set(["شهر"])

_MONTH_LEADS = folded_set(
    [
        "مطلع",
        "بداية",
        "أوائل",
        "منتصف",
        "أواسط",
        "نهاية",
        "أواخر",
        "آخر",
        "خلال",
        "في",
        "منذ",
        "حتى",
        "قبل",
        "بعد",
        "إلى",
        "غاية",
        "طيلة",
        "طوال",
        "حلول",
        "شهري",
        "انتقالات",
        "ميركاتو",
    ]
)

_VERB_MONTHS = folded_set(["مارس"])

_BEFORE_A_VERB = folded_set(
    [
        "الذي",
        "التي",
        "الذين",
        "قد",
        "لقد",
        "ما",
        "كما",
        "حيث",
        "أن",
        "إذ",
        "عندما",
        "لما",
        "بعدما",
        "حين",
        "كان",
        "كانت",
        "من",
        "طالما",
        "لطالما",
    ]
)


def month_only(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = gregorian_month_of(m, "m")
    if month is None:
        return None
    start = m.start()
    words = words_before(text, start, 2)
    shahr = lead = False
    if words and without_proclitic(words[0][1], _SHAHR) is not None:
        shahr, start, words = True, words[0][0], words[1:]
    if words and without_proclitic(words[0][1], _MONTH_LEADS) is not None:
        lead, start = True, words[0][0]
    if fold(m.group("m")) in _VERB_MONTHS and any(
        without_proclitic(w, _BEFORE_A_VERB) for _, w in words_before(text, m.start(), 1)
    ):
        return None  # "الذي مارس 2000 عملية", "قد مارس الضغط": the verb "practised"
    year = year_of(m, "y", ref)
    has_year, has_mod = year is not None, m.group("mod") is not None
    # "تموز (يوليو)": a second name of the same month makes it a month, not a word
    anchored = has_year or has_mod or shahr or m.group("m2") is not None
    if not anchored:
        if not lead:
            return None  # "حميد شباط", "وقد مارس": a month name alone is too often a word
        if fold(m.group("m")) in AMBIGUOUS_MONTHS and not m.group("m").startswith("آ"):
            return None  # "إلى أب مغربي": father, not August
    if has_year:
        if m.group("y") is not None and P.COUNTED.match(text, m.end("y")):
            return None  # "الذي مارس 2000 عملية": the verb and a count
    else:
        year = pick_month_year(month, ref, direction_of(m, text, start))
    return start, m.end(), "month", f"{year:04d}-{month:02d}"


def hijri_month(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    month = HIJRI_MONTHS[fold(m.group("m"))]
    start = m.start()
    words = words_before(text, start, 1)
    shahr = bool(words) and without_proclitic(words[0][1], _SHAHR) is not None
    if shahr:
        start = words[0][0]
    if not shahr and m.group("y") is None:
        return None  # "رمضان", "رجب", "شعبان" alone are as often given names
    year = int(m.group("y")) if m.group("y") is not None else None
    span = hijri_month_near(month, ref, modifier_direction(m.group("mod")), year)
    if span is None:
        return None
    return start, m.end(), "range", f"{iso(span[0])}/{iso(span[1])}"
