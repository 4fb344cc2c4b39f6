"""Month and weekday names of every Arabic-writing region, folded for matching.

Most names come from CLDR through Babel, read once at import: the ar_* locales carry the
Egyptian/Gulf set (يناير...), the Levantine/Iraqi set (كانون الثاني...), the Moroccan set
(يوليوز، غشت، شتنبر، نونبر، دجنبر), the Mauritanian spellings and the Algerian/Tunisian set
(جانفي، فيفري، جوان، جويلية، أوت). CLDR gives one spelling per locale; newspapers use more,
and those extra spellings are listed below. Islamic month names are not in Babel's
Gregorian data, so they are listed here and converted with hijridate elsewhere.
"""

from __future__ import annotations

from babel import Locale
from babel.localedata import locale_identifiers

from akhbar.enrich.dates.normalize import fold


def _babel_months() -> dict[str, int]:
    names: dict[str, int] = {}
    for ident in locale_identifiers():
        if not (ident == "ar" or ident.startswith("ar_")):
            continue
        months = Locale.parse(ident).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    # Some locales fall back to the placeholders "M01".."M12".
                    if any("\u0600" <= ch <= "\u06ff" for ch in name):
                        names[fold(name)] = number
    return names


# Spellings seen in print that CLDR does not list.
_EXTRA_MONTHS = {
    1: ["يناير", "جانفي", "كانون ثاني"],
    2: ["فبراير", "فيفري"],
    3: ["مارس", "آذار"],
    4: ["أبريل", "إبريل", "ابريل", "أفريل", "افريل", "نيسان"],
    5: ["مايو", "ماي", "أيار"],
    6: ["يونيو", "يونيه", "جوان", "حزيران"],
    7: ["يوليو", "يوليوز", "يوليه", "جويلية", "تموز"],
    8: ["أغسطس", "اغسطس", "أغشت", "غشت", "أوت", "اوت", "آب"],
    9: ["سبتمبر", "شتنبر", "شتمبر", "أيلول"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول"],
    11: ["نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني"],
    12: ["ديسمبر", "دجنبر", "دجمبر", "كانون الأول", "كانون أول"],
}

GREGORIAN_MONTHS: dict[str, int] = _babel_months()
for _number, _names in _EXTRA_MONTHS.items():
    for _name in _names:
        GREGORIAN_MONTHS.setdefault(" ".join(fold(_name).split()), _number)

# Every month name alone needs something that makes it a month: a day, a year, "شهر", a
# relative word, or a preposition ("في مارس"; a verb or a surname never follows one).
# These need more than a preposition, being common words or names after one too:
# "أب" (father) once hamza is folded — "آب" spelt with madda is accepted —, the given
# names جوان (Juan) and تموز.
AMBIGUOUS_MONTHS = frozenset(fold(w) for w in ["آب", "جوان", "تموز"])

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
