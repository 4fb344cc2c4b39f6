"""The regular expressions, compiled once at import, that find date and time expressions.

They run on folded text (see normalize.py), so every literal here is folded too: أ/إ/آ → ا,
ى → ي, ة → ه, no short vowels, Western digits. Each pattern captures the pieces its builder
in extract.py needs; what a regex cannot judge (is "مارس" a verb here? is 2700 a year?) is
left to the builder.
"""

from __future__ import annotations

import re

from akhbar.enrich.dates.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from akhbar.enrich.dates.normalize import alternation
from akhbar.enrich.dates.numerals import DAY_ORDINALS, HOUR_WORDS
from akhbar.enrich.dates.tense import MODIFIER

_FLAGS = re.UNICODE

MONTH_G = alternation(GREGORIAN_MONTHS)
MONTH_H = alternation(HIJRI_MONTHS)
WEEKDAY = alternation(WEEKDAYS)
ORDINAL = alternation(DAY_ORDINALS)
HOUR_WORD = alternation(HOUR_WORDS)

# Parts of the day that papers put before a day ("مساء اليوم", "صباح الغد", "ليلة الخميس").
TIME_OF_DAY = alternation(["صباح", "مساء", "ظهر", "ظهيرة", "عشية", "صبيحة", "ليلة", "فجر",
                           "زوال", "منتصف ليلة", "منتصف نهار", "نهار", "يوم", "ليوم", "بيوم"])
TIME_OF_DAY_PREFIX = rf"(?:[وف]?(?:{TIME_OF_DAY})\s+)"

# Where a period word changes the hour: see extract._clock.
PERIODS = alternation(["صباحا", "صباح", "الصباح", "فجرا", "الفجر", "ظهرا", "الظهر", "زوالا",
                       "الزوال", "بعد الظهر", "بعد الزوال", "عصرا", "العصر", "مساء", "مساءا",
                       "المساء", "ليلا", "الليل", "ليل"])

GREGORIAN_SUFFIX = alternation(["م", "ميلاديا", "ميلادي", "ميلادية", "للميلاد"])
HIJRI_SUFFIX = alternation(["هـ", "ه", "هجريا", "هجري", "هجرية", "للهجرة"])

_NO_WORD_BEFORE = r"(?<!\w)"
_NO_WORD_AFTER = r"(?!\w)"


def _day(name: str) -> str:
    """A day of the month: 1-2 digits not glued to other numbers, or an ordinal word."""
    return (rf"(?:(?<![0-9.,/:])(?P<{name}>[0-9]{{1,2}})(?![0-9])"
            rf"|{_NO_WORD_BEFORE}(?P<{name}w>{ORDINAL}){_NO_WORD_AFTER})")


# What papers put between a day and its month: "من", "من شهر", "شهر".
DAY_TO_MONTH = r"(?:\s+من)?(?:\s+(?:شهر|لشهر))?\s*"


def _gregorian_month(name: str) -> str:
    """A month name with an optional second form: "يونيو/ جوان", "نونبر (تشرين الثاني)"."""
    return (rf"(?P<{name}>{MONTH_G}){_NO_WORD_AFTER}"
            rf"(?:\s*(?:/|\(|-|,)?\s*\(?\s*(?P<{name}2>{MONTH_G}){_NO_WORD_AFTER}\s*\)?)?")


def _year(name: str) -> str:
    return (rf"(?:\s*,?\s*(?<![0-9])(?P<{name}>[0-9]{{4}})(?![0-9])"
            rf"(?:\s*(?:{GREGORIAN_SUFFIX}){_NO_WORD_AFTER})?)?")


def _modifier(name: str) -> str:
    return rf"(?:\s+(?P<{name}>{MODIFIER}){_NO_WORD_AFTER})?"


def _day_prefix(name: str) -> str:
    """What may precede a day: "مساء اليوم الثلاثاء", "يوم الجمعة،", "أمس الأحد"."""
    return (rf"(?P<{name}>{TIME_OF_DAY_PREFIX}?"
            rf"(?:[وف]?(?:اليوم|امس|غدا|يوم)\s+)?"
            rf"(?:[وف]?(?P<{name}wd>{WEEKDAY})\s*,?\s*)?)?")


GREGORIAN_DATE = re.compile(
    rf"{_NO_WORD_BEFORE}{_day_prefix('pre')}{_day('d')}{DAY_TO_MONTH}"
    rf"{_gregorian_month('m')}{_year('y')}{_modifier('mod')}",
    _FLAGS,
)

HIJRI_DATE = re.compile(
    rf"{_NO_WORD_BEFORE}{_day_prefix('pre')}{_day('d')}{DAY_TO_MONTH}"
    rf"(?P<m>{MONTH_H}){_NO_WORD_AFTER}"
    rf"(?:\s*,?\s*(?P<y>[0-9]{{3,4}})(?![0-9]))?"
    rf"(?:\s*(?P<suffix>{HIJRI_SUFFIX}){_NO_WORD_AFTER})?{_modifier('mod')}",
    _FLAGS,
)

# 24 - 11 - 2025, 2021/11/25م, ١٦ /١ /١٤٤٦هـ, 27.11.2025: the same separator twice.
NUMERIC_DATE = re.compile(
    rf"{_day_prefix('pre')}(?<![0-9.,/:-])(?P<a>[0-9]{{1,4}})\s*(?P<sep>[-/.])\s*"
    rf"(?P<b>[0-9]{{1,2}})\s*(?P=sep)\s*(?P<c>[0-9]{{1,4}})(?![0-9]|[.,/:-][0-9])"
    rf"(?:\s*(?P<suffix>{GREGORIAN_SUFFIX}|{HIJRI_SUFFIX}){_NO_WORD_AFTER})?",
    _FLAGS,
)

_RANGE_INTRO = r"(?:(?P<intro>(?:[وف]?ما\s+)?[وف]?بين|[وف]?من|[وف]?يومي|[وف]?ايام|[وف]?خلال)\s+)"
_RANGE_LINK = r"(?P<link>-|/|الي\s+غايه|لغايه|الي|حتي|و)"

# "ما بين 24 و27 نونبر الجاري", "من 3 إلى 5 يونيو", "26–28 جوان 2025".
RANGE_ONE_MONTH = re.compile(
    rf"{_RANGE_INTRO}?(?:(?P<wd1>{WEEKDAY})\s+)?{_day('d1')}\s*{_RANGE_LINK}\s*"
    rf"(?:(?P<wd2>{WEEKDAY})\s+)?{_day('d2')}{DAY_TO_MONTH}"
    rf"(?:{_gregorian_month('m')}|(?P<hm>{MONTH_H}){_NO_WORD_AFTER})"
    rf"{_year('y')}(?:\s*(?P<suffix>{HIJRI_SUFFIX}){_NO_WORD_AFTER})?{_modifier('mod')}",
    _FLAGS,
)

# "من 21 دجنبر 2025 إلى 18 يناير 2026", "بين 19 ديسمبر و 05 جانفي".
RANGE_TWO_MONTHS = re.compile(
    rf"{_RANGE_INTRO}(?:(?P<wd1>{WEEKDAY})\s*,?\s*)?{_day('d1')}{DAY_TO_MONTH}"
    rf"{_gregorian_month('m1')}{_year('y1')}\s*{_RANGE_LINK}\s*"
    rf"(?:(?:يوم|غايه)\s+)?(?:(?P<wd2>{WEEKDAY})\s*,?\s*)?{_day('d2')}{DAY_TO_MONTH}"
    rf"{_gregorian_month('m2')}{_year('y2')}{_modifier('mod')}",
    _FLAGS,
)

_MONTH_LEAD = alternation(["مطلع", "بداية", "أوائل", "منتصف", "أواسط", "نهاية", "أواخر",
                           "آخر", "خلال", "في", "منذ", "حتى", "قبل", "بعد", "إلى", "غاية",
                           "شهر", "طيلة", "طوال", "مع"])

# "نهاية شهر أكتوبر", "حزيران 2024", "منتصف ديسمبر المقبل", "نونبر الجاري".
MONTH_ONLY = re.compile(
    rf"{_NO_WORD_BEFORE}(?:(?P<lead>[وفبل]?(?:{_MONTH_LEAD}))\s+)?(?P<shahr>(?:ال)?شهر\s+)?"
    rf"{_gregorian_month('m')}{_year('y')}{_modifier('mod')}",
    _FLAGS,
)

# "شهر رمضان", "ذي الحجة 1446 هـ": a whole Hijri month, given as its Gregorian days.
HIJRI_MONTH = re.compile(
    rf"{_NO_WORD_BEFORE}(?P<shahr>[وفبل]?(?:ال)?شهر\s+)?(?P<m>{MONTH_H}){_NO_WORD_AFTER}"
    rf"(?:\s*,?\s*(?P<y>[0-9]{{4}})(?![0-9]))?"
    rf"(?:\s*(?P<suffix>{HIJRI_SUFFIX}){_NO_WORD_AFTER})?{_modifier('mod')}",
    _FLAGS,
)

# "أمس الأحد", "صباح اليوم", "أول أمس", "غدا الجمعة", "بعد غد".
RELATIVE_DAY = re.compile(
    rf"{_NO_WORD_BEFORE}(?P<tod>{TIME_OF_DAY_PREFIX})?"
    rf"(?P<word>[وف]?(?:اول\s+(?:من\s+)?امس|امس|البارحه|بعد\s+غد|غدا|الغد|غد|اليوم))"
    rf"{_NO_WORD_AFTER}(?:\s*,?\s*(?P<wd>{WEEKDAY}){_NO_WORD_AFTER})?",
    _FLAGS,
)

# "الخميس المقبل", "يوم الأحد", "ليلة السبت".
WEEKDAY_MENTION = re.compile(
    rf"{_NO_WORD_BEFORE}(?P<tod>{TIME_OF_DAY_PREFIX})?[وف]?(?P<wd>{WEEKDAY}){_NO_WORD_AFTER}"
    rf"{_modifier('mod')}",
    _FLAGS,
)

# "الأسبوع المقبل", "السنة الجارية", "هذا العام", "الشهر الماضي".
RELATIVE_PERIOD = re.compile(
    rf"{_NO_WORD_BEFORE}(?:(?P<unit>[وفبل]?(?:ال|لل)(?:اسبوع|شهر|عام|سنه))\s+(?P<mod>{MODIFIER})"
    rf"|(?P<this>[وفبل]?(?:هذا|هذه))\s+(?P<unit2>ال(?:اسبوع|شهر|عام|سنه))){_NO_WORD_AFTER}",
    _FLAGS,
)

_YEAR_LEAD = alternation(["سنة", "عام", "العام", "السنة", "عامي", "سنتي", "خلال", "منذ",
                          "مطلع", "بداية", "نهاية", "أواخر", "أوائل", "منتصف", "حتى", "بحلول",
                          "قبل", "بعد", "في", "موسم", "مونديال", "أولمبياد", "أولمبياد",
                          "رؤية", "أفق", "كأس العالم", "كأس أمم إفريقيا", "دورة",
                          "انتخابات", "ميزانية", "قانون المالية", "غاية", "إلى", "طيلة",
                          "طوال", "أواسط", "ربيع", "صيف", "خريف", "شتاء", "تعداد", "إحصاء"])

# "سنة 2007", "خلال 2025", "مونديال 2030", "لسنة 2023": only where the lead word says year.
YEAR_MENTION = re.compile(
    rf"{_NO_WORD_BEFORE}(?P<lead>[وفبل]?(?:{_YEAR_LEAD}))\s+(?<![0-9])(?P<y>[0-9]{{4}})(?![0-9])"
    rf"(?:\s*(?P<suffix>{GREGORIAN_SUFFIX}|{HIJRI_SUFFIX}){_NO_WORD_AFTER})?",
    _FLAGS,
)

# What follows a number that makes it a count or an amount, not a year.
COUNTED = re.compile(
    r"\s*(?:[%$€£0-9]|" + alternation([
        "دولار", "درهم", "دينار", "جنيه", "ريال", "ليرة", "يورو", "أورو", "مليون", "مليار",
        "ألف", "آلاف", "شخص", "أشخاص", "طن", "كيلومتر", "كلم", "كم", "متر", "هكتار", "حالة",
        "مواطن", "سنة", "عام", "يوم", "أيام", "ساعة", "دقيقة", "منصب", "وظيفة", "مشروع",
        "مقعد", "صوت", "نقطة", "درجة", "قتيل", "جريح", "مهاجر", "لاجئ", "طالب", "تلميذ",
        "أسرة", "عائلة", "وحدة", "سيارة", "منزل", "سكن", "برميل", "ميغاواط", "هكتارات",
        "كيلوغرام", "كلغ", "غرام", "لتر", "رحلة", "مسافر", "زائر", "سائح", "عضو", "مرة",
        "شركة", "مقاولة", "فرد", "نسمة", "مليم", "سنتيم", "فرنك", "رأس", "قطعة", "هدف",
    ]) + r")(?!\w)",
    _FLAGS,
)

_TIME_LEAD = r"(?:[وف]?(?:علي|في|عند|حوالي|نحو|منذ|قبل|بعد|حتي|ابتداء\s+من|انطلاقا\s+من)\s+)?(?:تمام\s+)?"

# "على الساعة 14:30", "الساعة العاشرة صباحا", "الساعة الثالثة والنصف عصرا".
CLOCK = re.compile(
    rf"{_NO_WORD_BEFORE}(?P<lead>{_TIME_LEAD}(?:ال|بال|لل)?ساعه)\s+"
    rf"(?:(?<![0-9])(?P<h>[0-9]{{1,2}})(?:\s*[:.h]\s*(?P<mi>[0-9]{{2}}))?(?![0-9])"
    rf"|(?P<hw>{HOUR_WORD}){_NO_WORD_AFTER}"
    rf"(?:\s+(?P<frac>والنصف|والربع|والثلث|الا\s+ربعا|الا\s+ربع|الا\s+الربع|الا\s+ثلثا|الا\s+الثلث))?)"
    rf"(?:\s+و\s*(?P<extra>[0-9]{{1,2}})\s+(?:دقيقه|دقائق))?"
    rf"(?:\s+(?P<period>{PERIODS}){_NO_WORD_AFTER})?",
    _FLAGS,
)

# "3:28 عصرًا", "14:30 بتوقيت غرينتش": a bare hh:mm needs a period word or a time zone.
BARE_CLOCK = re.compile(
    rf"(?<![0-9:.,/-])(?P<h>[0-9]{{1,2}}):(?P<mi>[0-9]{{2}})(?![0-9:]|[.,][0-9])"
    rf"(?:\s*(?P<period>{PERIODS}){_NO_WORD_AFTER}|(?=\s*(?:بتوقيت|بالتوقيت|توقيت|gmt|GMT|ت\.غ)))",
    _FLAGS,
)

# Words after "اليوم"/"يوم" that make it "the day of ..." rather than today.
NOT_TODAY = re.compile(
    r"\s+(?:" + alternation([
        "العالمي", "الوطني", "الدولي", "الدراسي", "التالي", "الموالي", "السابق", "الأخير",
        "المفتوح", "التواصلي", "التحسيسي", "الإعلامي", "الآخر", "الموعود", "المشهود",
        "الذي", "الواحد", "نفسه", "ذاته", "ذلك",
    ]) + r"|" + ORDINAL + r")(?!\w)",
    _FLAGS,
)
