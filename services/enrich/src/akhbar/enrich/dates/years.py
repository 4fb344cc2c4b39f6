"""The builder for a bare year, which is a year only after a word that makes it one:
"سنة 2007", "خلال 2025", "مونديال 2030"; never a count, an amount or a law number."""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.context import without_proclitic, words_before
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.parts import (
    HIJRI_SUFFIXES,
    Found,
    folded_set,
    number_glued,
)

_YEAR_WORDS = folded_set(["سنة", "عام", "العام", "السنة", "عامي", "سنتي"])

_YEAR_LEADS = _YEAR_WORDS | folded_set(
    [
        "خلال",
        "منذ",
        "مطلع",
        "بداية",
        "نهاية",
        "أواخر",
        "أوائل",
        "منتصف",
        "أواسط",
        "حتى",
        "بحلول",
        "قبل",
        "بعد",
        "في",
        "موسم",
        "مونديال",
        "أولمبياد",
        "رؤية",
        "أفق",
        "دورة",
        "انتخابات",
        "ميزانية",
        "غاية",
        "إلى",
        "طيلة",
        "طوال",
        "ربيع",
        "صيف",
        "خريف",
        "شتاء",
        "تعداد",
        "إحصاء",
        "حلول",
        "كأس العالم",
        "قانون المالية",
        "كأس أمم إفريقيا",
        "كأس إفريقيا",
        "إكسبو",
        "من",
        "مع",
        "برسم",
        "نسخة",
        "طبعة",
        "ابتداء من",
        "اعتبارا من",
        "انطلاقا من",
        "بداية من",
        "مواليد",
        "بين",
        "أرقام",
        "إحصاءات",
        "إحصائيات",
        "بيانات",
        "موازنة",
    ]
)

# Events named with their year: "أولمبياد باريس 2024", "كأس أمم إفريقيا المغرب 2025".
_EVENT_WORDS = folded_set(
    [
        "مونديال",
        "أولمبياد",
        "كأس",
        "بطولة",
        "إكسبو",
        "مؤتمر",
        "معرض",
        "منتدى",
        "مهرجان",
        "ملتقى",
        "قمة",
    ]
)

# After these a four-digit number is as often a count ("في 2000 منزل"): it is taken as a
# year only when what follows cannot follow a count (patterns.YEAR_GOES_ON): the end of
# the phrase ("في 2024،"), another year ("في 2024 و2025"), a definite word, a particle or
# a common past verb ("وفي 2024 سجلت الشركة"). A counted noun is indefinite, so it fails.
_LOOSE_YEAR_LEADS = folded_set(
    ["في", "قبل", "بعد", "حتى", "إلى", "غاية", "مع", "دورة", "من", "بين"]
)

# Quantity words before the number make it an amount whatever comes between:
# "أكثر من 2000", "حوالي 1500".
_QUANTITY_WORDS = folded_set(
    [
        "أكثر",
        "أقل",
        "أزيد",
        "قرابة",
        "حوالي",
        "نحو",
        "يقارب",
        "زهاء",
        "مجموع",
        "عدد",
        "رقم",
        "بلغ",
        "بلغت",
        "تجاوز",
        "تجاوزت",
        "ناهز",
        "ناهزت",
        "يناهز",
        "فاق",
        "فاقت",
        "أصل",
    ]
)

_YEAR_CHAIN = re.compile(
    r"(?<!\d)\d{4}\s*(?:" + P.alternation(["و", "إلى", "حتى"]) + r"|[-–/])\s*$"
)


# "أحداث 1956 و1973 و2011", "في 2011، 2012 أو 2013": years of this century and the last
# joined by و/أو/a comma are years, with or without a word before the list.
_MODERN = r"(?:19|20)\d\d(?!\d)"
_JOIN = r"\s*+(?:و|أو|[,،])\s*+"
_LIST_BEFORE = re.compile(r"(?<![\d.,])" + _MODERN + _JOIN + "$")
_LIST_AFTER = re.compile(_JOIN + _MODERN)
_LIST_TAIL = re.compile(r"(?:" + _JOIN + _MODERN + r")*")


# Numbers of resolutions, laws and articles come in lists too: "قراري مجلس الأمن 2014،2051".
_NUMBERED = folded_set(
    [
        "قرار",
        "قراري",
        "القرار",
        "القرارين",
        "القرارات",
        "قرارات",
        "رقم",
        "رقمي",
        "الرقم",
        "الرقمين",
        "مادة",
        "المادة",
        "المادتين",
        "الفصل",
        "الفصلين",
        "قانون",
        "القانون",
        "القانونين",
        "القضية",
        "القضايا",
    ]
)


def _in_a_list_of_years(text: str, m: re.Match[str]) -> bool:
    if not 1900 <= int(m.group("y")) <= 2099:
        return False
    start = m.start()
    while before := _LIST_BEFORE.search(text, max(0, start - 10), start):
        start = before.start()
    if start == m.start() and not _LIST_AFTER.match(text, m.end()):
        return False
    while start > 0 and text[start - 1] in " \"«“('":
        start -= 1  # 'قراري مجلس الأمن "2014،2051"': read past the quote
    if any(without_proclitic(w, _NUMBERED) for _, w in words_before(text, start, 4)):
        return False
    # "1990 و2000 شخص": the list is a list of counts when a counted noun ends it
    tail = _LIST_TAIL.match(text, m.end()).end()
    return not P.COUNTED.match(text, tail)


def _year_lead(words: list[tuple[int, str]]) -> tuple[str | None, int]:
    """The year lead ending just before a number (one to three words), and where it starts."""
    for n in range(len(words), 0, -1):  # longest first: "ابتداء من" before "من"
        phrase = " ".join(w for _, w in reversed(words[:n]))
        if (found := without_proclitic(phrase, _YEAR_LEADS)) is not None:
            return found, words[n - 1][0]
    return None, -1


def year(m: re.Match[str], text: str, ref: dt.date) -> Found | None:
    if number_glued(text, m.start()):
        return None
    suffix = m.group("suffix")
    if suffix is not None and fold(suffix) in HIJRI_SUFFIXES:
        return None  # a Hijri year is not a Gregorian one
    words = words_before(text, m.start(), 4)
    lead, start = _year_lead(words[:3])
    if lead is None and any(without_proclitic(w, _EVENT_WORDS) for _, w in words[1:]):
        event = next(i for i, (_, w) in enumerate(words) if without_proclitic(w, _EVENT_WORDS))
        lead, start = "event", words[event][0]
    if lead is None:
        # "عامي 2000 و2001", "من 1919 إلى 1946": a second year after a first one
        chained = _YEAR_CHAIN.search(text, max(0, m.start() - 12), m.start())
        if chained is not None and _year_lead(words_before(text, chained.start(), 3))[0]:
            lead, start = "و", m.start()
        elif _in_a_list_of_years(text, m):
            lead, start = "list", m.start()
        else:
            return None
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
