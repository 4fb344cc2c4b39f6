"""The regular expressions, compiled once at import, that find date and time expressions.

``TRIGGER`` is the only pattern run over the whole text: it stops at numbers and at the
words an expression can start with. Every other pattern is matched at a trigger's
position with ``Pattern.match``, so it starts with that token and reads rightwards; the
words before it are read by context.py. What a regex cannot judge (is "مارس" a verb here?
is 2700 a year?) is left to the builders in extract.py.
"""

from __future__ import annotations

import re

from akhbar.enrich.dates.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from akhbar.enrich.dates.normalize import alternation, literal
from akhbar.enrich.dates.numerals import DAY_ORDINALS, HOUR_WORDS
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
    "بعد غد",
    "أمس الأول",
    "الليلة الماضية",
    "الليلة البارحة",
]
PERIOD_UNITS = ["الأسبوع", "الشهر", "العام", "السنة", "للأسبوع", "للشهر", "للعام", "للسنة"]
THIS_WORDS = ["هذا", "هذه"]
CLOCK_WORDS = ["الساعة", "ساعة", "للساعة"]
MIDNIGHT_WORDS = ["منتصف الليل", "منتصف ليل"]

# Where a period word changes the hour: see extract._clock.
PERIOD_WORDS = [
    "صباحا",
    "صباح",
    "الصباح",
    "فجرا",
    "الفجر",
    "ظهرا",
    "الظهر",
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


# "من عام 1987", "سنة 2006" between a month and its year.
YEAR_WORD = rf"(?:(?:من\s++)?(?:ال)?(?:{alternation(['عام', 'سنة'])})\s*+)?"


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

_LINK = r"(?P<link>[-–—/]|" + alternation(["إلى غاية", "لغاية", "إلى", "حتى", "و"]) + ")"

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

# "أمس الأحد", "اليوم", "أول أمس", "غدا الجمعة", "بعد غد".
RELATIVE_DAY = re.compile(
    rf"(?P<word>{alternation(RELATIVE_DAY_WORDS)}){_END}"
    rf"(?:\s*+[,،]?\s*+(?P<wd>{WEEKDAY}){_END})?"
)

# "الخميس المقبل", "الأحد" (after "يوم"/"ليلة").
WEEKDAY_MENTION = re.compile(rf"(?P<wd>{WEEKDAY}){_END}{_modifier('mod')}")

# "الأسبوع المقبل", "السنة الجارية", "هذا العام", "الشهر الماضي".
RELATIVE_PERIOD = re.compile(
    rf"(?:(?P<unit>{alternation(PERIOD_UNITS)})\s++(?P<mod>{MODIFIER})"
    rf"|(?P<this>{alternation(THIS_WORDS)})\s++(?P<unit2>{alternation(PERIOD_UNITS)})){_END}"
)

_FRACTION = alternation(
    ["والنصف", "والربع", "والثلث", "إلا ربعا", "إلا ربع", "إلا الربع", "إلا ثلثا", "إلا الثلث"]
)

# "الساعة 14:30", "الساعة العاشرة صباحا", "الساعة الثالثة والنصف عصرا".
CLOCK = re.compile(
    rf"{alternation(CLOCK_WORDS)}\s++"
    rf"(?:(?:ال\s*+)?(?P<h>\d{{1,2}})(?:\s*+[:.h]\s*+(?P<mi>\d{{2}}))?(?!\d)"
    rf"|(?P<hw>{HOUR_WORD}){_END}(?:\s++(?P<frac>{_FRACTION}){_END})?)"
    rf"(?:\s++و\s*+(?P<extra>\d{{1,2}})\s++(?:{alternation(['دقيقة', 'دقائق'])}))?"
    rf"(?:\s++(?P<of>من\s++)?(?P<period>{PERIODS}){_END})?"
)

# "في العاشرة صباحا", "الثالثة والنصف من مساء اليوم": an hour word without "الساعة" is a
# time only with a period word after it ("الدورة الثانية" is not two o'clock).
HOUR_ALONE = re.compile(
    rf"(?P<hw>{HOUR_WORD}){_END}(?:\s++(?P<frac>{_FRACTION}){_END})?"
    rf"(?:\s++و\s*+(?P<extra>\d{{1,2}})\s++(?:{alternation(['دقيقة', 'دقائق'])}))?"
    rf"\s++(?P<of>من\s++)?(?P<period>{PERIODS}){_END}"
)

# "3:28 عصرًا", "14:30 بتوقيت غرينتش", "09:23 ص", "10.30 صباحا", "2025 - 10:30". A bare
# hh:mm is a time when a period word, its one-letter abbreviation (ص morning, م evening, as
# bylines print them) or a time zone follows; extract.bare_clock also takes it after a
# date or a word like "على"/"في تمام". With a dot (10.30) only a period word will do.
BARE_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?P<sep>[:.])(?P<mi>\d{2})(?!\d|:|[.,]\d)"
    rf"(?:\s*+(?P<period>{PERIODS}|ص|م){_END}"
    rf"|(?P<zone>(?=\s*+(?:{alternation(['بتوقيت', 'بالتوقيت', 'توقيت'])}|GMT|gmt))))?"
)
CLOCK_LEAD = re.compile(
    r"(?:\d{4}\s*+[-–|,،/]?|(?<!\w)(?:"
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
    r"\s++(?:"
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
