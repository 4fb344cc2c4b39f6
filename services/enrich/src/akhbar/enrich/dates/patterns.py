"""The regular expressions, compiled once at import, that find date and time expressions.

``TRIGGER`` is the only pattern run over the whole text: it stops at numbers and at the
words an expression can start with. Every other pattern is matched at a trigger's
position with ``Pattern.match``, so it starts with that token and reads rightwards; the
words before it are read by context.py. What a regex cannot judge (is "مارس" a verb here?
is 2700 a year?) is left to the builders in extract.py.
"""

from __future__ import annotations

import re

from akhbar.enrich.dates import units as U
from akhbar.enrich.dates.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from akhbar.enrich.dates.normalize import alternation, literal
from akhbar.enrich.dates.numerals import CARDINALS, DAY_ORDINALS, HOUR_WORDS
from akhbar.enrich.dates.tense import MODIFIER

# Every whitespace run is possessive (\s*+, \s++, Python 3.11+): the token after one never
# starts with a space, so giving spaces back can never help a match, and pages extracted
# from HTML carry long whitespace runs on which "\s*[/(]?\s*\(?\s*" backtracks in cubic
# time (1.3 s for a month name followed by 400 spaces before this; linear now).

MONTH_G = alternation(GREGORIAN_MONTHS)
MONTH_H = alternation(HIJRI_MONTHS)
WEEKDAY = alternation(WEEKDAYS)
ORDINAL = alternation(DAY_ORDINALS)
HOUR_WORD = alternation(HOUR_WORDS)

RELATIVE_DAY_WORDS = [
    "اليوم",
    "لليوم",
    "أمس",
    "الأمس",
    "البارحة",
    "غدا",
    "غد",
    "الغد",
    "أول أمس",
    "أول من أمس",
    "قبل أمس",
    "بعد غد",
    "أمس الأول",
    "الليلة الماضية",
    "الليلة البارحة",
]
PERIOD_UNITS = ["الأسبوع", "الشهر", "العام", "السنة", "للأسبوع", "للشهر", "للعام", "للسنة"]
# "عامنا الحالي", "شهرنا هذا", "سنتنا الجارية": the period with "our" for the article.
OUR_PERIODS = ["أسبوعنا", "شهرنا", "عامنا", "سنتنا", "لأسبوعنا", "لشهرنا", "لعامنا", "لسنتنا"]
THIS_WORDS = ["هذا", "هذه", "لهذا", "لهذه", "بهذا", "بهذه"]
# The one before last and the one after next: "الأربعاء قبل الماضي", "الأسبوع بعد المقبل".
TWO_STEPS = ["قبل الماضي", "قبل الماضية", "بعد المقبل", "بعد المقبلة", "بعد القادم", "بعد القادمة"]
# Ordinals that pick a weekday of a month: "أول جمعة من رمضان", "الأحد الثاني من الشهر".
WEEKDAY_RANKS = {"أول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "آخر": -1}
WEEKDAY_RANKS_AFTER = {
    "الأول": 1,
    "الأولى": 1,
    "الثاني": 2,
    "الثانية": 2,
    "الثالث": 3,
    "الثالثة": 3,
    "الرابع": 4,
    "الرابعة": 4,
    "الخامس": 5,
    "الخامسة": 5,
    "الأخير": -1,
    "الأخيرة": -1,
}
DEFINITE_CARDINALS = ["ال" + w for w in CARDINALS if " " not in w]
CLOCK_WORDS = ["الساعة", "ساعة", "للساعة"]
MIDNIGHT_WORDS = ["منتصف الليل", "منتصف ليل"]

# Where a period word changes the hour: see extract._clock.
PERIOD_WORDS = [
    "صباحا",
    "صباح",
    "الصباح",
    "فجرا",
    "الفجر",
    "فجر",
    "ظهرا",
    "الظهر",
    "ظهر",
    "ظهيرة",
    "الظهيرة",
    "عصر",
    "زوالا",
    "الزوال",
    "بعد الظهر",
    "بعد الزوال",
    "عصرا",
    "العصر",
    "مساء",
    "مساءا",
    "المساء",
    "ليلا",
    "الليل",
    "ليل",
]
PERIODS = alternation(PERIOD_WORDS)
GREGORIAN_SUFFIX = alternation(["م", "ميلاديا", "ميلادي", "ميلادية", "للميلاد"])
HIJRI_SUFFIX = alternation(["ه", "هجريا", "هجري", "هجرية", "للهجرة"])

_END = r"(?!\w)"  # no word character after: "ماي" is not the start of "مايكل"

TRIGGER = re.compile(
    r"(?P<num>\d+)|(?P<word>"
    + alternation(
        [
            *GREGORIAN_MONTHS,
            *HIJRI_MONTHS,
            *WEEKDAYS,
            *DAY_ORDINALS,
            *RELATIVE_DAY_WORDS,
            *PERIOD_UNITS,
            *THIS_WORDS,
            *CLOCK_WORDS,
            *MIDNIGHT_WORDS,
            *HOUR_WORDS,
            *OUR_PERIODS,
            *U.DURATION_PREPOSITIONS,
            *U.DEFINITE_PLURALS,
            *U.DEFINITE_DUALS,
            *DEFINITE_CARDINALS,
            *WEEKDAY_RANKS,
        ]
    )
    + r")"
    + _END
)


def _day(name: str) -> str:
    """A day of the month: 1-2 digits or an ordinal word ("الثامن", "فاتح")."""
    return rf"(?:(?P<{name}>\d{{1,2}})(?!\d)|(?P<{name}w>{ORDINAL}){_END})"


# What papers put between a day and its month: "من", "من شهر", "شهر".
DAY_TO_MONTH = r"(?:\s++من)?(?:\s++[لب]?شهر)?\s*+"


def _gregorian_month(name: str) -> str:
    """A month name with an optional second form: "يونيو/ جوان", "نونبر (تشرين الثاني)"."""
    return (
        rf"(?P<{name}>{MONTH_G}){_END}"
        rf"(?:\s*+[/(\-,،]?\s*+\(?\s*+(?P<{name}2>{MONTH_G}){_END}(?:\s*+\))?)?"
    )


# "من عام 1987", "سنة 2006", "لعام 2007" between a month and its year.
YEAR_WORD = rf"(?:(?:من\s++)?(?:[لب]?ال|ل)?(?:{alternation(['عام', 'سنة'])})\s*+)?"


def _year(name: str) -> str:
    """A written year, or one named relatively: "من السنة الماضية", "من هذا العام"."""
    return (
        rf"(?:\s*+[,،]?\s*+{YEAR_WORD}(?P<{name}>\d{{4}})(?!\d)"
        rf"(?:\s*+(?:{GREGORIAN_SUFFIX}){_END})?"
        rf"|\s++من\s++(?:(?P<{name}this>{alternation(['هذا', 'هذه'])})\s++)?"
        rf"{alternation(['العام', 'السنة'])}"
        rf"(?({name}this)|\s++(?P<{name}rel>{MODIFIER})){_END})?"
    )


def _modifier(name: str) -> str:
    return rf"(?:\s++(?P<{name}>{MODIFIER}){_END})?"


GREGORIAN_DATE = re.compile(
    rf"{_day('d')}{DAY_TO_MONTH}{_gregorian_month('m')}{_year('y')}{_modifier('mod')}"
)

# Epithets papers add to Hijri months: "رمضان المبارك", "شعبان المعظم", "صفر الخير".
HIJRI_EPITHET = (
    r"(?:\s++(?:"
    + alternation(["المبارك", "المعظم", "الحرام", "الفرد", "المكرم", "الخير", "الأنور", "الأغر"])
    + rf"){_END})?"
)

HIJRI_DATE = re.compile(
    rf"{_day('d')}{DAY_TO_MONTH}(?P<m>{MONTH_H}){_END}{HIJRI_EPITHET}"
    rf"(?:\s*+[,،]?\s*+{YEAR_WORD}(?P<y>\d{{1,4}})(?!\d))?"
    rf"(?:\s*+(?P<suffix>{HIJRI_SUFFIX}){_END})?{_modifier('mod')}"
)

# 24 - 11 - 2025, 2021/11/25م, ١٦ /١ /١٤٤٦هـ, 27.11.2025: the same separator twice.
NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,4})\s*+(?P<sep>[-/.–])\s*+(?P<b>\d{1,2})\s*+(?P=sep)\s*+(?P<c>\d{1,4})"
    rf"(?!\d|[.,/:\-]\d)(?:\s*+(?P<suffix>{GREGORIAN_SUFFIX}|{HIJRI_SUFFIX}){_END})?"
)

_LINK = r"(?P<link>[-–—/,،]|" + alternation(["إلى غاية", "لغاية", "إلى", "حتى", "و"]) + ")"

# "24 و27 نونبر الجاري" (after "ما بين"), "3 إلى 5 يونيو" (after "من"), "26–28 جوان 2025".
RANGE_ONE_MONTH = re.compile(
    rf"{_day('d1')}\s*+{_LINK}\s*+(?:(?P<wd2>{WEEKDAY})\s*+[,،]?\s*+)?(?:ال\s*+)?{_day('d2')}"
    rf"{DAY_TO_MONTH}"
    rf"(?:{_gregorian_month('m')}|(?P<hm>{MONTH_H}){_END})"
    rf"{_year('y')}(?:\s*+(?P<suffix>{HIJRI_SUFFIX}){_END})?{_modifier('mod')}"
)

# "21 دجنبر 2025 إلى 18 يناير 2026" (after "من"), "19 ديسمبر و 05 جانفي" (after "بين").
RANGE_TWO_MONTHS = re.compile(
    rf"{_day('d1')}{DAY_TO_MONTH}{_gregorian_month('m1')}{_year('y1')}\s*+{_LINK}\s*+"
    rf"(?:{literal('يوم')}\s++)?(?:(?P<wd2>{WEEKDAY})\s*+[,،]?\s*+)?{_day('d2')}{DAY_TO_MONTH}"
    rf"{_gregorian_month('m2')}{_year('y2')}{_modifier('mod')}"
)

# "20 من الشهر الجاري", "الخامس من الشهر المقبل", "10 من هذا الشهر".
RELATIVE_MONTH_DAY = re.compile(
    rf"{_day('d')}\s++من\s++(?:(?P<this>{alternation(THIS_WORDS)})\s++)?{literal('الشهر')}"
    rf"{_modifier('mod')}{_END}"
)

# "يناير إلى مارس 2025" (after "من"), "أبريل / نيسان إلى يونيو / حزيران الماضيين".
MONTH_RANGE = re.compile(
    rf"{_gregorian_month('m1')}{_year('y1')}\s*+{_LINK}\s*+(?:[لب]?شهر\s++)?"
    rf"{_gregorian_month('m2')}{_year('y2')}{_modifier('mod')}"
)

# "نوفمبر 24, 2025", "نوفمبر 24، 2025": the month-first order of many site templates.
MONTH_DAY_YEAR = re.compile(
    rf"(?P<m>{MONTH_G}){_END}\s*+(?P<d>\d{{1,2}})(?!\d)\s*+[,،]?\s*+(?P<y>\d{{4}})(?!\d)"
)

# "أكتوبر" (after "نهاية شهر"), "حزيران 2024", "ديسمبر المقبل", "نونبر الجاري".
MONTH_ONLY = re.compile(rf"{_gregorian_month('m')}{_year('y')}{_modifier('mod')}")

# "رمضان" (after "شهر"), "ذي الحجة 1446 هـ": a whole Hijri month, as its Gregorian days.
HIJRI_MONTH = re.compile(
    rf"(?P<m>{MONTH_H}){_END}{HIJRI_EPITHET}(?:\s*+[,،]?\s*+{YEAR_WORD}(?P<y>\d{{1,4}})(?!\d))?"
    rf"(?:\s*+(?P<suffix>{HIJRI_SUFFIX}){_END})?{_modifier('mod')}"
)

# "أمس الأحد", "اليوم", "أول أمس", "غدا الجمعة", "بعد غد", "اليوم (الاثنين)".
RELATIVE_DAY = re.compile(
    rf"(?P<word>{alternation(RELATIVE_DAY_WORDS)}){_END}"
    rf"(?:\s*+(?:[,،]|(?P<bracket>\())?\s*+(?P<wd>{WEEKDAY}){_END}(?(bracket)\s*+\)))?"
)

_TWO_STEPS = alternation(TWO_STEPS)

# "الخميس المقبل", "الأحد" (after "يوم"/"ليلة"), "الأربعاء قبل الماضي".
WEEKDAY_MENTION = re.compile(
    rf"(?P<wd>{WEEKDAY}){_END}(?:\s++(?:(?P<mod>{MODIFIER})|(?P<two>{_TWO_STEPS})){_END})?"
)

# "يومي الثلاثاء والأربعاء القادمين", "السبت والأحد الماضيين": two weekdays sharing one
# (dual) modifier are a span.
WEEKDAY_PAIR = re.compile(
    rf"(?P<wd1>{WEEKDAY}){_END}\s*+(?:و|إلى|حتى)\s*+(?P<wd2>{WEEKDAY}){_END}"
    rf"\s++(?P<mod>{MODIFIER}){_END}"
)

# "الأسبوع المقبل", "السنة الجارية", "هذا العام", "لهذا العام", "عامنا الحالي",
# "شهرنا هذا", "الأسبوع قبل الماضي": a period word and its direction, in either order.
RELATIVE_PERIOD = re.compile(
    rf"(?:(?P<unit>{alternation(PERIOD_UNITS + OUR_PERIODS)})\s++"
    rf"(?:(?P<mod>{MODIFIER})|(?P<two>{_TWO_STEPS})|(?P<this_after>{alternation(THIS_WORDS)}))"
    rf"|(?P<this>{alternation(THIS_WORDS)})\s++(?P<unit2>{alternation(PERIOD_UNITS)})){_END}"
)

# A count: digits or a number word ("ثلاثة", "خمس وعشرين").
CARDINAL = alternation(CARDINALS)


def _count(name: str) -> str:
    return rf"(?:(?P<{name}>\d{{1,4}})(?!\d)|(?P<{name}w>{CARDINAL}){_END})"


# "قبل أسبوعين", "منذ خمسة أشهر", "بعد 3 سنوات", "خلال شهرين", "خلال 10 أيام المقبلة":
# a duration counted from the reference date. An approximate one ("منذ أكثر من عامين",
# "قبل نحو عامين") is left alone: its point is not a value.
DURATION = re.compile(
    rf"(?P<prep>{alternation(U.DURATION_PREPOSITIONS)})\s++"
    rf"(?:{_count('n')}\s*+(?P<unit>{alternation(U.COUNTED_UNITS)})"
    rf"|(?P<dual>{alternation(U.DUALS)})|(?P<one>{alternation(U.SINGULARS)}){_END}"
    rf"(?:\s++{alternation(['واحد', 'واحدة'])})?){_END}"
    rf"(?:\s++(?P<dir>{alternation(U.COUNTED_DIRECTION)}){_END})?"
)

# "الأيام العشرة الماضية", "السنوات الـ10 الأخيرة", "الخمس سنوات القادمة", "الشهرين
# الماضيين": a counted period next to the reference date (the preposition before it, if
# any, is read by the builder).
_COUNTED_DIRECTION = alternation(U.COUNTED_DIRECTION)
COUNTED_PERIOD = re.compile(
    rf"(?:(?:(?P<plural>{alternation(U.DEFINITE_PLURALS)})\s++(?:ال\s*+)?{_count('n1')}"
    rf"|(?:ال\s*+)?{_count('n2')}\s*+(?P<unit>{alternation(U.COUNTED_UNITS)})"
    rf"|(?P<dual>{alternation(U.DEFINITE_DUALS)})){_END}"
    rf"\s++(?P<dir>{_COUNTED_DIRECTION}){_END}"
    # the count after the adjective: "الأيام الماضية العشرة", "السنوات الأخيرة الخمس"
    rf"|(?P<plural3>{alternation(U.DEFINITE_PLURALS)})\s++(?P<dir3>{_COUNTED_DIRECTION})"
    rf"\s++(?:ال\s*+)?{_count('n3')})"
)

# "5 الجاري", "بتاريخ 28 الماضي": a day of the current, last or next month, the month
# left to a bare relative word.
# The words agree with "شهر", masculine singular, so "الـ3 الماضية" is not one.
DAY_OF_RELATIVE_MONTH = re.compile(
    r"(?P<d>\d{1,2})(?!\d)\s++(?P<mod>"
    + alternation(["الجاري", "الحالي", "الماضي", "المنصرم", "الفائت", "الفارط", "المقبل", "القادم"])
    + rf"){_END}"
)

_BARE_WEEKDAY = alternation([w[2:] for w in WEEKDAYS if w.startswith("ال")])
_OF_PERIOD = (
    rf"\s++من\s++(?:(?P<this>{alternation(['هذا', 'هذه'])})\s++)?(?:[لب]?شهر\s++)?"
    rf"(?:(?P<m>{MONTH_G}){_END}(?:\s*+[,،]?\s*+(?P<y>\d{{4}})(?!\d))?"
    rf"|(?P<hm>{MONTH_H}){_END}(?:\s*+(?P<hy>\d{{4}})(?!\d))?"
    rf"|(?P<period>{alternation(['الشهر', 'السنة', 'العام'])}){_END}"
    rf"(?:\s++(?P<mod>{MODIFIER}){_END})?)"
)

# "أول جمعة من رمضان", "ثاني أحد من الشهر المقبل", "آخر سبت من السنة", "الجمعة الأخيرة
# من شهر رمضان": the nth (or last) weekday of a named or relative month or year.
RANKED_WEEKDAY = re.compile(
    rf"(?:(?P<rank>{alternation(WEEKDAY_RANKS)})\s++(?:{literal('يوم')}\s++)?"
    rf"(?P<wd>{_BARE_WEEKDAY})"
    rf"|(?P<wd2>{WEEKDAY})\s++(?P<rank2>{alternation(WEEKDAY_RANKS_AFTER)})){_END}" + _OF_PERIOD
)

_FRACTION = alternation(
    ["والنصف", "والربع", "والثلث", "إلا ربعا", "إلا ربع", "إلا الربع", "إلا ثلثا", "إلا الثلث"]
)

# "الساعة 14:30", "الساعة العاشرة صباحا", "الساعة الثالثة والنصف عصرا".
CLOCK = re.compile(
    rf"{alternation(CLOCK_WORDS)}\s++"
    rf"(?:(?:ال\s*+)?(?P<h>\d{{1,2}})(?:\s*+[:.,h]\s*+(?P<mi>\d{{2}}))?(?!\d)"
    rf"|(?P<hw>{HOUR_WORD}){_END}(?:\s++(?P<frac>{_FRACTION}){_END})?)"
    rf"(?:\s++و\s*+(?P<extra>\d{{1,2}})\s++(?:{alternation(['دقيقة', 'دقائق'])}))?"
    rf"(?:\s++(?P<of>من\s++)?(?P<period>{PERIODS}|ص|م){_END})?"
)

# "في العاشرة صباحا", "الثالثة والنصف من مساء اليوم", "فجر اليوم عند الرابعة": an hour
# word without "الساعة" is a time only after a preposition and with a part of the day
# after or shortly before it ("الدورة الثانية" is not two o'clock).
HOUR_ALONE = re.compile(
    rf"(?P<hw>{HOUR_WORD}){_END}(?:\s++(?P<frac>{_FRACTION}){_END})?"
    rf"(?:\s++و\s*+(?P<extra>\d{{1,2}})\s++(?:{alternation(['دقيقة', 'دقائق'])}))?"
    rf"(?:\s++(?P<of>من\s++)?(?P<period>{PERIODS}){_END})?"
)

# "... وحتى العاشرة مساء", "إلى 10 مساء": the end of a span of hours, whose period word
# also sets its start ("من الساعة الرابعة وحتى العاشرة مساء").
UNTIL_HOUR = re.compile(
    rf"\s*+[,،]?\s*+(?:و\s*+)?{alternation(['حتى', 'إلى', 'لغاية', 'إلى غاية'])}\s++"
    rf"(?:{alternation(CLOCK_WORDS)}\s++)?(?:(?P<h>\d{{1,2}})(?![\d:])|(?P<hw>{HOUR_WORD}){_END})"
    rf"\s++(?P<period>{PERIODS}){_END}"
)

# "وحتى 12 ليلا", "في 8 صباحا": an hour in digits with its period word.
HOUR_DIGITS = re.compile(rf"(?P<h>\d{{1,2}})(?!\d)\s*+(?P<period>{PERIODS}){_END}")

# "3:28 عصرًا", "14:30 بتوقيت غرينتش", "09:23 ص", "10.30 صباحا", "2025 - 10:30". A bare
# hh:mm is a time when a period word, its one-letter abbreviation (ص morning, م evening, as
# bylines print them) or a time zone follows; extract.bare_clock also takes it after a
# date or a word like "على"/"في تمام". With a dot (10.30) only a period word will do.
BARE_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?P<sep>[:.,])(?P<mi>\d{2})(?!\d|:|[.,]\d)"
    rf"(?:\s*+(?P<period>{PERIODS}|ص|م){_END}"
    rf"|(?P<zone>(?=\s*+(?:{alternation(['بتوقيت', 'بالتوقيت', 'توقيت', 'تغ'])}(?!\w)"
    r"|ت\s*+\.?\s*+غ(?!\w)|GMT|gmt|UTC))))?"
)
# What may come before a bare hh:mm for it to be a clock time: a year or a whole numeric
# date with or without a bar, dash or comma ("27/11/2025 - 14:30", "2025-11-27 | 09:15",
# "27.11.2025، 10:05"), or a word of time.
CLOCK_LEAD = re.compile(
    r"(?:(?:\d{4}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})\s*+[-–|,،/]?|(?<!\w)(?:"
    + alternation(
        [
            "على",
            "في تمام",
            "تمام",
            "عند",
            "حوالي",
            "قرابة",
            "حدود",
            "منذ",
            "حتى",
            "بعد",
            "قبل",
            "ابتداء من",
            "من",
            "إلى",
        ]
    )
    + r"))\s*+$"
)

# "عند منتصف الليل": midnight.
MIDNIGHT = re.compile(alternation(["منتصف الليل", "منتصف ليل"]) + _END)

# A four-digit number; extract.year decides from the words before it whether it is a year.
YEAR_NUMBER = re.compile(
    rf"(?P<y>\d{{4}})(?!\d)(?:\s*+(?P<suffix>{GREGORIAN_SUFFIX}|{HIJRI_SUFFIX}){_END})?"
)

# Before Christ: "سنة 1500 ق.م" is not a Gregorian year of the value forms.
BEFORE_CHRIST = re.compile(r"\s*+(?:ق\s*+\.?\s*+م\b|" + alternation(["قبل الميلاد"]) + ")")

# What follows a number that makes it a count or an amount, not a year.
COUNTED = re.compile(
    r"\s*+(?:[%$€£\d]|"
    + alternation(
        [
            "دولار",
            "درهم",
            "دينار",
            "جنيه",
            "ريال",
            "ليرة",
            "يورو",
            "أورو",
            "مليون",
            "مليار",
            "ألف",
            "آلاف",
            "شخص",
            "أشخاص",
            "طن",
            "كيلومتر",
            "كلم",
            "كم",
            "متر",
            "هكتار",
            "حالة",
            "مواطن",
            "سنة",
            "عام",
            "يوم",
            "أيام",
            "ساعة",
            "دقيقة",
            "منصب",
            "وظيفة",
            "مشروع",
            "مقعد",
            "صوت",
            "نقطة",
            "درجة",
            "قتيل",
            "جريح",
            "مهاجر",
            "لاجئ",
            "طالب",
            "تلميذ",
            "أسرة",
            "عائلة",
            "وحدة",
            "سيارة",
            "منزل",
            "سكن",
            "برميل",
            "ميغاواط",
            "هكتارات",
            "كيلوغرام",
            "كلغ",
            "غرام",
            "لتر",
            "رحلة",
            "مسافر",
            "زائر",
            "سائح",
            "عضو",
            "مرة",
            "شركة",
            "مقاولة",
            "فرد",
            "نسمة",
            "مليم",
            "سنتيم",
            "فرنك",
            "رأس",
            "قطعة",
            "هدف",
            "متر مربع",
            "موظف",
            "عامل",
            "مترشح",
            "مرشح",
            "ناخب",
            "حاج",
            "معتمر",
            "بيت",
            "مسكن",
            "عملية",
            "مخالفة",
            "جريمة",
            "شكاية",
            "ملف",
            "قضية",
            "طلب",
            "مباراة",
            "ميدالية",
        ]
    )
    + r")"
    + _END
)

# Words after "اليوم" that make it "the day of ..." rather than today.
NOT_TODAY = re.compile(
    r"\s++(?:(?:"
    + alternation(
        [
            "العالمي",
            "الوطني",
            "الدولي",
            "الدراسي",
            "التالي",
            "الموالي",
            "السابق",
            "الأخير",
            "المفتوح",
            "التواصلي",
            "التحسيسي",
            "الإعلامي",
            "الآخر",
            "الموعود",
            "المشهود",
            "الذي",
            "الواحد",
            "نفسه",
            "ذاته",
            "ذلك",
            "التي",
        ]
    )
    + r"|"
    + ORDINAL
    + r")"
    + _END
    + r")"
    # "لليوم الـ15", "في اليوم الـ 100 من الحرب": a count of days, not today ("الأسهم
    # المتداولة اليوم 122 مليون" is today)
    + r"|\s*+ال\s*+\d|\s++\d+\s++من(?!\w)"
)

# What follows the verb غدا "became": a definite subject or an accusative ("غدا الأمر",
# "غدا واضحا"); tomorrow is followed by a preposition, a weekday or nothing.
BECAME = re.compile(r"\s++(?:ال\w|\w+ا(?!\w))")

YEAR_GOES_ON = re.compile(
    r"\s*+(?:$|[,،.;:!?)\"»]|و\s*+\d{4}|[-–/]\s*+\d{2,4}|[وفبل]?ال\w"
    r"|(?:"
    + alternation(
        [
            "و",
            "على",
            "إلى",
            "من",
            "عن",
            "مع",
            "في",
            "بنسبة",
            "مقارنة",
            "مقابل",
            "حيث",
            "حين",
            "عندما",
            "لما",
            "كما",
            "إذ",
            "أو",
            "ثم",
            "قبل",
            "بعد",
            "حتى",
            "بين",
            "أن",
            "إن",
            "سجل",
            "سجلت",
            "بلغ",
            "بلغت",
            "ارتفع",
            "ارتفعت",
            "تراجع",
            "تراجعت",
            "عرف",
            "عرفت",
            "شهد",
            "شهدت",
            "حقق",
            "حققت",
            "وصل",
            "وصلت",
            "انخفض",
            "انخفضت",
            "كان",
            "كانت",
            "تم",
            "أصبح",
            "أصبحت",
            "فاز",
            "فازت",
            "قام",
            "قامت",
            "أطلق",
            "أطلقت",
            "أعلن",
            "أعلنت",
            "استقبل",
            "استقبلت",
            "صدر",
            "صدرت",
            "بدأ",
            "بدأت",
            "انطلق",
            "انطلقت",
        ]
    )
    + r")(?!\w))"
)
