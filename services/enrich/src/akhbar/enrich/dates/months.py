"""Month and weekday names of every Arabic-writing region, folded for matching.

Gregorian month names come from the one table the project keeps (``akhbar.shared.months``,
which parse reads too): the Egyptian/Gulf set (يناير...), the Levantine/Iraqi set (كانون
الثاني...), the Moroccan set (يوليوز، غشت، شتنبر، نونبر، دجنبر), the Algerian/Tunisian set
(جانفي، فيفري، جوان، جويلية، أوت), the Mauritanian spellings and what print adds; a unit
test checks it holds every name CLDR lists for the ar_* locales. Free text takes only the
Arabic names ("mar", "may" are English words). Islamic month names are listed here and
converted with hijridate elsewhere; weekday names come from CLDR through Babel.
"""

from __future__ import annotations

from babel import Locale

from akhbar.enrich.dates.normalize import fold
from akhbar.shared.months import ARABIC_MONTH_NAMES

GREGORIAN_MONTHS: dict[str, int] = {
    fold(name): number for number, names in ARABIC_MONTH_NAMES.items() for name in names
}

# Every month name alone needs something that makes it a month: a day, a year, "شهر", a
# relative word, or a preposition ("في مارس"; a verb or a surname never follows one).
# These need more than a preposition, being common words or names after one too:
# "أب" (father) once hamza is folded — "آب" spelt with madda is accepted —, the given
# names جوان (Juan) and تموز, and the verb ينير "lights up" ("حتى ينير الطريق").
AMBIGUOUS_MONTHS = frozenset(fold(w) for w in ["آب", "جوان", "تموز", "ينير"])

_HIJRI_SPELLINGS = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع آخر"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى ثاني"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذا القعدة", "ذوالقعدة", "ذيالقعدة"],
    12: ["ذو الحجة", "ذي الحجة", "ذا الحجة", "ذوالحجة", "ذيالحجة"],
}
HIJRI_MONTHS: dict[str, int] = {
    fold(name): number for number, names in _HIJRI_SPELLINGS.items() for name in names
}


def _babel_weekdays() -> dict[str, int]:
    """Weekday names (Monday = 0, as ``date.weekday()`` counts) from CLDR."""
    days = Locale.parse("ar").days["format"]["wide"]
    return {fold(name): number for number, name in days.items()}


WEEKDAYS: dict[str, int] = _babel_weekdays()
# "الإثنين" and "الأثنين" fold to the CLDR form already; "الاتنين" is a common typo.
WEEKDAYS.setdefault(fold("الاتنين"), 0)
