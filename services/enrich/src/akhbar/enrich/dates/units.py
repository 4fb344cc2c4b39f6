"""The words of counted durations: units in every number form, the prepositions that make
a duration a point in time, and the adjectives that give a counted period its direction.

"قبل أسبوعين", "منذ خمسة أشهر", "بعد 3 سنوات", "خلال الأيام العشرة الماضية": a unit comes
singular (also the accusative after counts of 11 and more: "15 يوما"), dual (the count is
in the word) or plural, and each form maps to one unit of ``resolve``.
"""

from __future__ import annotations

from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.resolve import DAY, FUTURE, MONTH, PAST, WEEK, YEAR

SINGULAR_UNITS = {
    DAY: ["يوم", "يوما"],
    WEEK: ["أسبوع", "أسبوعا"],
    MONTH: ["شهر", "شهرا"],
    YEAR: ["سنة", "عام", "عاما"],
}
DUAL_UNITS = {
    DAY: ["يومين", "يومان"],
    WEEK: ["أسبوعين", "أسبوعان"],
    MONTH: ["شهرين", "شهران"],
    YEAR: ["سنتين", "سنتان", "عامين", "عامان"],
}
PLURAL_UNITS = {
    DAY: ["أيام"],
    WEEK: ["أسابيع"],
    MONTH: ["أشهر", "شهور"],
    YEAR: ["سنوات", "سنين", "أعوام"],
}


def _table(*tables: dict[str, list[str]]) -> dict[str, str]:
    return {fold(word): unit for table in tables for unit, words in table.items() for word in words}


UNIT_OF = _table(SINGULAR_UNITS, DUAL_UNITS, PLURAL_UNITS)
SINGULARS = [w for words in SINGULAR_UNITS.values() for w in words]
DUALS = [w for words in DUAL_UNITS.values() for w in words]
COUNTED_UNITS = SINGULARS + DUALS + [w for words in PLURAL_UNITS.values() for w in words]
DUAL_SET = frozenset(fold(w) for w in DUALS)

# With the article, a counted period: "الأيام العشرة الماضية", "الشهرين الماضيين".
DEFINITE_PLURALS = ["ال" + w for words in PLURAL_UNITS.values() for w in words]
DEFINITE_DUALS = ["ال" + w for words in DUAL_UNITS.values() for w in words]

# Prepositions that turn a duration into a point: back from the reference date, ahead of
# it, or ("خلال") ahead unless the sentence reads as the past.
PAST_PREPOSITIONS = ["قبل", "منذ", "مذ"]
FUTURE_PREPOSITIONS = ["بعد", "في غضون", "غضون"]
WITHIN = ["خلال"]
PREPOSITION_DIRECTION = {fold(w): PAST for w in PAST_PREPOSITIONS}
PREPOSITION_DIRECTION.update({fold(w): FUTURE for w in FUTURE_PREPOSITIONS})
DURATION_PREPOSITIONS = PAST_PREPOSITIONS + FUTURE_PREPOSITIONS + WITHIN

# A counted period's direction, in the agreement forms a plural or dual takes.
COUNTED_PAST = [
    "الماضية",
    "الماضي",
    "الماضيين",
    "الماضيتين",
    "الأخيرة",
    "الأخير",
    "الأخيرين",
    "الأخيرتين",
    "المنصرمة",
    "المنصرم",
    "المنصرمين",
    "الفائتة",
    "الفائت",
    "الفارطة",
    "الفارط",
    "السابقة",
    "المنقضية",
]
COUNTED_FUTURE = [
    "المقبلة",
    "المقبل",
    "المقبلين",
    "المقبلتين",
    "القادمة",
    "القادم",
    "القادمين",
    "القادمتين",
    "الآتية",
]
COUNTED_DIRECTION = {fold(w): PAST for w in COUNTED_PAST}
COUNTED_DIRECTION.update({fold(w): FUTURE for w in COUNTED_FUTURE})

# Prepositions a counted period takes into its span: "خلال/في/طوال الأيام العشرة الماضية".
PERIOD_LEADS = frozenset(fold(w) for w in ["خلال", "في", "طوال", "طيلة", "عبر", "مدى", "مدار"])
