"""Month names as Arabic news outlets print them, region by region, plus English and French.

Keys are written as printed; ``MONTHS`` holds them folded (see ``textnorm.fold``) so a
page's hamza or taa-marbuta spelling does not matter.
"""

from __future__ import annotations

import re

from akhbar.parse.textnorm import fold

_NAMES: dict[int, tuple[str, ...]] = {
    # Egyptian/Gulf (Latin-derived), Maghrebi (Morocco), Tunisian/Algerian (French-derived),
    # Levantine/Iraqi (Syriac), then English and French.
    1: ("يناير", "ينير", "جانفي", "كانون الثاني", "january", "jan", "janvier"),
    2: ("فبراير", "فبرير", "فيفري", "شباط", "february", "feb", "février", "fevrier"),
    3: ("مارس", "آذار", "march", "mar", "mars"),
    4: ("أبريل", "ابريل", "إبريل", "أفريل", "نيسان", "april", "apr", "avril"),
    5: ("مايو", "ماي", "أيار", "may", "mai"),
    6: ("يونيو", "يونيه", "يونيو", "جوان", "حزيران", "june", "jun", "juin"),
    7: ("يوليو", "يوليوز", "يوليه", "جويلية", "تموز", "july", "jul", "juillet"),
    8: ("أغسطس", "اغسطس", "أغشت", "غشت", "أوت", "آب", "august", "aug", "août", "aout"),
    9: ("سبتمبر", "شتنبر", "أيلول", "september", "sep", "sept", "septembre"),
    10: ("أكتوبر", "اكتوبر", "أكتوبر", "تشرين الأول", "october", "oct", "octobre"),
    11: ("نوفمبر", "نونبر", "تشرين الثاني", "november", "nov", "novembre"),
    12: ("ديسمبر", "دجنبر", "كانون الأول", "december", "dec", "décembre", "decembre"),
}

MONTHS: dict[str, int] = {fold(name): number for number, names in _NAMES.items() for name in names}

# Longest names first so "مايو" is not read as "ماي" and "تشرين الثاني" not cut short.
MONTH_PATTERN = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(MONTHS, key=len, reverse=True)
)


def month_number(name: str) -> int | None:
    """The month a (folded or not) name stands for, or None."""
    return MONTHS.get(re.sub(r"\s+", " ", fold(name)))
