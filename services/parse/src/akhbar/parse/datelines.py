"""Lines that date or sign a story instead of telling it.

"الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", "بقلم: محمد أحمد - 12 مارس 2024",
"Par Denis Loctier • Publié le 30/04/2024 - 16:00": short, and made mostly of date, time and
byline words. Such a line is not prose and leaves the body; a sentence that merely holds a
date ("ترأس ... يوم الخميس 27 نونبر 2025 بالرباط، ...") has more other words than date words
and stays. The rule reads what kind of word each word is, never a page's own strings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from akhbar.parse.months import month_number
from akhbar.parse.textnorm import fold

# A dateline is a line, not a paragraph.
MAX_CHARS = 160
# "Mostly": date/byline words at least twice the other words, and only a few others (a
# city, "المشاهدات", a section name); a sentence has a verb and its objects besides.
_MAX_OTHER_WORDS = 3
_DATE_SHARE = 2
# Number groups are one token ("30/04/2024", "14:00", "16h00", "GMT+0400" gives "0400").
_TOKEN = re.compile(r"\d+(?:\s?[/.:h\-]\s?\d+)*(?:h)?|[^\W\d_]+(?:['’][^\W\d_]+)?")
# Fold-insensitive vocabularies (written as printed, folded once below).
_WEEKDAYS = (
    "الأحد الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "monday tuesday wednesday thursday friday saturday sunday tue wed thu fri"
)  # no "mon", "sat", "sun": French "mon" is "my"
# Hijri months, printed beside the Gregorian date ("03 يونيو 2020م - 11 شوال 1441هـ").
_HIJRI = "محرم صفر ربيع جمادى جمادي رجب شعبان رمضان شوال القعدة الحجة هـ ه"
# Words that only ever say when: clock, time zone, "updated", "published", "ago".
_TIME_WORDS = (
    "يوم اليوم أمس الساعة ساعة ساعات دقيقة دقائق منذ صباحا صباح مساء مساءا ص م بتوقيت توقيت "
    "غرينتش جرينتش تاريخ بتاريخ التاريخ نشر نشرت النشر منشور آخر اخر تحديث التحديث محدث "
    "محدثة كانون تشرين "
    "publié publiée publication mis mise jour màj maj modifié actualisé hier aujourd'hui "
    "aujourd’hui heure heures min mn lecture temps depuis "
    "published posted updated update last ago today yesterday hours hour minutes read "
    "am pm gmt utc cet cest"
)  # no "est" (EST): it is French "is"
# Words that introduce who wrote or sent the story; the names after them are byline too.
# News agencies sign wire copy the same way ("--(بترا)", "(AFP)"), and "المصدر:" / "Source :"
# introduces the outlet a story is credited to.
_BYLINE_WORDS = (
    "بقلم كتب كتبت إعداد اعداد تحرير حرر حوار تصوير مراسل مراسلة المراسل محرر المحرر تقرير "
    "متابعة "
    "المصدر مصدر "
    "وكالات رويترز بترا وام واس قنا كونا سانا الأناضول "
    "par by rédaction redaction correspondant correspondante correspondants envoyé envoyée "
    "spécial spéciale source "
    "afp reuters ap ansa dpa map aps tap"
)
# Glue words: neither date nor prose evidence ("le", "à", "de", "on", "at", "في", "و").
_GLUE = (
    "le la les l de du des d à a au aux et avec il y on at the of and في من و ب ل "
    "الأول الاول الثاني الآخر الاخر ذو ذي"  # "ربيع الآخر", "ذو الحجة"
)
_NAME_JOINERS = frozenset(fold(w) for w in "et and و".split())
_MAX_NAME_WORDS = 4


def _folded_set(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


WEEKDAYS = _folded_set(_WEEKDAYS)
_TIME = _folded_set(_TIME_WORDS) | _folded_set(_HIJRI)
_BYLINE = _folded_set(_BYLINE_WORDS)
_GLUE_WORDS = _folded_set(_GLUE)
# Punctuation that ends a byline's run of names ("بقلم: محمد أحمد - الرباط"); a hyphen
# inside a word joins a name ("Jean-Baptiste").
_RUN_BREAK = re.compile(r"[,،:;|•·(){}\[\]/]|\s[-–—]|[-–—]\s")


_BYLINE_WORD, _DATE_WORD, _JOINER, _GLUE_WORD, _OTHER = range(5)


# Pages repeat the same few hundred short words (names of days, "Publié", digits): each is
# folded and classified once, which keeps this test cheap on every short block.
@lru_cache(maxsize=8192)
def _kind(token: str) -> int:
    folded = fold(token)
    if folded in _BYLINE:
        return _BYLINE_WORD
    if folded[0].isdigit() or folded in WEEKDAYS or folded in _TIME:
        return _DATE_WORD
    if month_number(folded) is not None:
        return _DATE_WORD
    if folded in _NAME_JOINERS:
        return _JOINER
    if folded in _GLUE_WORDS:
        return _GLUE_WORD
    # Lone Arabic letters are agency initials ("أ ف ب", "أ ش أ", "و م ع"); Latin ones are
    # a name's initials or glue.
    return _BYLINE_WORD if len(folded) == 1 and "\u0621" <= folded <= "\u064a" else _OTHER


def _counts(text: str) -> tuple[int, int, bool]:
    """(date or byline words, other words, whether any word anchors a date or byline)."""
    dated = other = 0
    anchored = False
    names_left = 0  # words after a byline word that are read as the author's name
    naming = False  # inside a run of names (punctuation right after "بقلم:" does not end it)
    previous_end = 0
    for match in _TOKEN.finditer(text):
        token = match[0]
        if naming and _RUN_BREAK.search(text, previous_end, match.start()):
            names_left = 0
        naming = names_left > 0
        previous_end = match.end()
        kind = _kind(token)
        if kind == _BYLINE_WORD:
            dated += 1
            anchored = True
            names_left = _MAX_NAME_WORDS
        elif kind == _DATE_WORD:
            dated += 1
            anchored = True
            names_left = 0
        elif kind == _JOINER and names_left:
            names_left = _MAX_NAME_WORDS
        elif kind in (_GLUE_WORD, _JOINER):
            continue
        elif names_left and (token[0].isupper() or token[0].lower() == token[0].upper()):
            # Names in a cased script are capitalized ("Par ailleurs, ..." is prose); Arabic
            # has no case, so there the run's length and punctuation bound it.
            dated += 1
            names_left -= 1
        else:
            other += 1
            names_left = 0
    return dated, other, anchored


# How a sentence ends; a dateline has no reason to ("Lecture : 3 min." has no other word).
_SENTENCE_END = (".", "!", "?", "؟", "…", ".»", ".\"", "!»", "?»")


def is_dateline(text: str) -> bool:
    """True for a short line made mostly of date, time and byline words (not prose).

    A line that ends as a sentence does and holds any other word is prose ("وتوفي في 12
    يناير 2024.", "Il est mort le 12 janvier 2024.").
    """
    if len(text) > MAX_CHARS:
        return False
    dated, other, anchored = _counts(text)
    if other and text.rstrip().endswith(_SENTENCE_END):
        return False
    return anchored and other <= _MAX_OTHER_WORDS and dated >= _DATE_SHARE * other
