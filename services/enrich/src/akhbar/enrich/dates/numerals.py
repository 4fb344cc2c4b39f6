"""Digits and number words as Arabic news writes them.

Digits come in three alphabets (Western, Eastern Arabic, Persian); the folding table maps
them one to one so offsets survive. Ordinal words name days ("الثامن من سبتمبر") in the
masculine and clock hours ("الساعة العاشرة") in the feminine, so there are two tables.
"""

from __future__ import annotations

EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

DIGIT_FOLD: dict[int, str] = {}
for _alphabet in (EASTERN_DIGITS, PERSIAN_DIGITS):
    for _value, _char in enumerate(_alphabet):
        DIGIT_FOLD[ord(_char)] = str(_value)
# The Arabic decimal and thousands separators: folded so "1٫2 مليار" reads as an amount.
DIGIT_FOLD[ord("٫")] = "."
DIGIT_FOLD[ord("٬")] = ","

_UNITS_MASCULINE = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
]
_UNITS_FEMININE = [
    "الواحدة",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
]


def _day_ordinals() -> dict[str, int]:
    """Masculine ordinal words for days 1..31 ("الحادي والعشرين" = 21)."""
    words = {unit: n for n, unit in enumerate(_UNITS_MASCULINE, start=1)}
    words["العاشر"] = 10
    words["الحادي عشر"] = 11
    for n, unit in enumerate(_UNITS_MASCULINE[1:], start=2):
        words[f"{unit} عشر"] = 10 + n
    for tens_word, tens in (("العشرين", 20), ("الثلاثين", 30)):
        words[tens_word] = tens
        words[f"الحادي و{tens_word}"] = tens + 1
        if tens == 20:
            for n, unit in enumerate(_UNITS_MASCULINE[1:], start=2):
                words[f"{unit} و{tens_word}"] = tens + n
    # Moroccan and Gulf papers write the first of a month as "فاتح" / "غرة"; "أول نوفمبر"
    # (without the article) is the first too.
    words["فاتح"] = 1
    words["غرة"] = 1
    words["أول"] = 1
    return words


def _hour_words() -> dict[str, int]:
    """Feminine ordinal words for clock hours 1..12 ("الحادية عشرة" = 11)."""
    words = {unit: n for n, unit in enumerate(_UNITS_FEMININE, start=1)}
    words["العاشرة"] = 10
    for tail in ("عشرة", "عشر"):
        words[f"الحادية {tail}"] = 11
        words[f"الثانية {tail}"] = 12
    return words


DAY_ORDINALS = _day_ordinals()
HOUR_WORDS = _hour_words()


_CARDINAL_UNITS = [
    ("واحد", "واحدة"),
    ("اثنين", "اثنان", "اثنتين", "اثنتان"),
    ("ثلاث", "ثلاثة"),
    ("أربع", "أربعة"),
    ("خمس", "خمسة"),
    ("ست", "ستة"),
    ("سبع", "سبعة"),
    ("ثمان", "ثماني", "ثمانية"),
    ("تسع", "تسعة"),
]
_CARDINAL_TENS = [
    ("عشرين", "عشرون"),
    ("ثلاثين", "ثلاثون"),
    ("أربعين", "أربعون"),
    ("خمسين", "خمسون"),
    ("ستين", "ستون"),
    ("سبعين", "سبعون"),
    ("ثمانين", "ثمانون"),
    ("تسعين", "تسعون"),
]


def _cardinals() -> dict[str, int]:
    """Cardinal number words 1..99 and round hundreds, both genders and cases.

    Counts of days, weeks, months and years ("منذ خمسة أشهر", "بعد ثلاث سنوات", "قبل خمسة
    وعشرين عاما") are written this way as often as with digits.
    """
    words: dict[str, int] = {}
    for n, forms in enumerate(_CARDINAL_UNITS, start=1):
        for form in forms:
            words[form] = n
    words.update({"عشر": 10, "عشرة": 10})
    for form in ("أحد عشر", "إحدى عشرة", "إحدى عشر", "احدى عشرة"):
        words[form] = 11
    for form in ("اثني عشر", "اثنا عشر", "اثنتي عشرة", "اثنتا عشرة"):
        words[form] = 12
    for n, forms in enumerate(_CARDINAL_UNITS[2:], start=3):
        for form in forms:
            for ten in ("عشر", "عشرة"):
                words[f"{form} {ten}"] = 10 + n
    for t, tens in enumerate(_CARDINAL_TENS, start=2):
        for ten in tens:
            words[ten] = 10 * t
            for n, forms in enumerate(_CARDINAL_UNITS, start=1):
                for form in forms:
                    words[f"{form} و{ten}"] = 10 * t + n
    for form in ("مئة", "مائة"):
        words[form] = 100
    for form in ("مئتي", "مائتي", "مئتين", "مائتين"):
        words[form] = 200
    words["ألف"] = 1000
    return words


CARDINALS = _cardinals()
