"""The one table of Gregorian month names as news pages print them, region by region.

Parse reads publication lines with it (Arabic, English and French names); the date
extractor in enrich reads free text with the Arabic names only. Every name CLDR lists for
the ``ar_*`` locales is here (a unit test in enrich checks that against Babel), plus the
spellings print uses that CLDR lacks. Keys are written as printed; ``MONTHS`` holds them
folded with ``arabic.fold_letters`` and lower-cased, so hamza, taa marbuta and case do not
matter.
"""

from __future__ import annotations

import re

from akhbar.shared.arabic import fold_letters

# Egyptian/Gulf (Latin-derived), Moroccan, Algerian/Tunisian (French-derived),
# Levantine/Iraqi (Syriac), Mauritanian, and the spellings papers use beside them.
ARABIC_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "ينير", "جانفي", "كانون الثاني", "كانون ثاني"),
    2: ("فبراير", "فبرير", "فيفري", "شباط"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "ابريل", "إبريل", "أفريل", "افريل", "نيسان"),
    5: ("مايو", "ماي", "أيار"),
    6: ("يونيو", "يونيه", "جوان", "حزيران"),
    7: ("يوليو", "يوليوز", "يوليه", "جويلية", "تموز"),
    8: ("أغسطس", "اغسطس", "أغشت", "غشت", "أوت", "اوت", "آب"),
    9: ("سبتمبر", "شتنبر", "شتمبر", "أيلول"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول"),
    11: ("نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني"),
    12: ("ديسمبر", "دجنبر", "دجمبر", "كانون الأول", "كانون أول"),
}

# French names as French-language pages print them (full, and the abbreviations of
# datelines and tables); the French date extractor in enrich reads free text with these.
FRENCH_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("janvier", "janv"),
    2: ("février", "fevrier", "févr", "fevr", "fév", "fev"),
    3: ("mars",),
    4: ("avril", "avr"),
    5: ("mai",),
    6: ("juin",),
    7: ("juillet", "juil", "juill"),
    8: ("août", "aout"),
    9: ("septembre", "sept"),
    10: ("octobre", "oct"),
    11: ("novembre", "nov"),
    12: ("décembre", "decembre", "déc", "dec"),
}

# Monday first, as ``datetime.date.weekday`` counts.
FRENCH_WEEKDAYS: tuple[str, ...] = (
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
)  # fmt: skip

_ENGLISH_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan"),
    2: ("february", "feb"),
    3: ("march", "mar"),
    4: ("april", "apr"),
    5: ("may",),
    6: ("june", "jun"),
    7: ("july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("october", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}

# English and French names, printed by bylines and by templates of bilingual sites.
LATIN_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    n: tuple(dict.fromkeys(_ENGLISH_MONTH_NAMES[n] + FRENCH_MONTH_NAMES[n])) for n in range(1, 13)
}


def fold_name(name: str) -> str:
    """The key a month name is looked up by: letters folded, one space, lower case."""
    return " ".join(fold_letters(name).split()).lower()


MONTHS: dict[str, int] = {
    fold_name(name): number
    for table in (ARABIC_MONTH_NAMES, LATIN_MONTH_NAMES)
    for number, names in table.items()
    for name in names
}

# Longest names first so "مايو" is not read as "ماي" and "تشرين الثاني" not cut short.
MONTH_PATTERN = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(MONTHS, key=len, reverse=True)
)


def month_number(name: str) -> int | None:
    """The month a (folded or not) name stands for, or None."""
    return MONTHS.get(fold_name(name))
