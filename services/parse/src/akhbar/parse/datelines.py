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

from akhbar.parse.textnorm import fold
from akhbar.shared.arabic import DIACRITICS, TATWEEL
from akhbar.shared.months import month_number

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
# Hijri months, printed beside the Gregorian date ("03 يونيو 2020م - 11 شوال 1441هـ"); not
# "صفر", which is also "zero" in scores and counts.
_HIJRI = "محرم ربيع جمادى جمادي رجب شعبان رمضان شوال القعدة الحجة هـ ه"
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
# Who wrote or sent the story. Signers introduce names ("كتب محمد أحمد", "Par Denis
# Loctier"); labels do too, but only with a colon or dash after them, since "تقرير" (report)
# or "المصدر" (source) open ordinary sentences as well; roles and agencies sign by
# themselves ("مراسل", "--(بترا)", "(AFP)").
_SIGNERS = "بقلم كتب كتبت إعداد اعداد حرر تصوير par by"
_LABELS = "تحرير حوار تقرير متابعة المصدر مصدر source rédaction redaction"
_SIGNS = (
    "مراسل مراسلة المراسل محرر المحرر "
    "correspondant correspondante correspondants envoyé envoyée spécial spéciale "
    "propos recueillis "  # "Propos recueillis par ...", an interview's byline
    "وكالات رويترز بترا وام واس قنا كونا سانا الأناضول "
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
_SIGNER_WORDS = _folded_set(_SIGNERS)
_LABEL_WORDS = _folded_set(_LABELS)
_SIGN_WORDS = _folded_set(_SIGNS)
_GLUE_WORDS = _folded_set(_GLUE)
# Punctuation between two segments of a line ("بقلم: محمد أحمد - الرباط"); it ends a run of
# names. A hyphen inside a word joins a name ("Jean-Baptiste").
_RUN_BREAK = re.compile(r"[,،:;|•·(){}\[\]/]|\s[-–—]|[-–—]\s")
_LABEL_END = re.compile(r"\s*[:：\-–—]")
# Agency initials: two to four lone Arabic letters ("أ ف ب", "أ ش أ", "و.م.ع"). A lone
# letter by itself ("س:" and "ج:" of an interview, "د." for doctor) is no agency.
_LONE_LETTER = r"[\u0621-\u064a](?![^\W\d_])"
_INITIALS = re.compile(rf"(?<![^\W\d_]){_LONE_LETTER}(?:[\s.]+{_LONE_LETTER}){{1,3}}")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")

_SIGNER, _LABEL, _SIGN, _DATE_WORD, _JOINER, _GLUE_WORD, _OTHER = range(7)


# Pages repeat the same few hundred short words (names of days, "Publié", digits): each is
# folded and classified once, which keeps this test cheap on every short block.
@lru_cache(maxsize=8192)
def _kind(token: str) -> int:
    folded = fold(token)
    if not folded:
        return _GLUE_WORD
    if folded in _SIGNER_WORDS:
        return _SIGNER
    if folded in _LABEL_WORDS:
        return _LABEL
    if folded in _SIGN_WORDS:
        return _SIGN
    if folded[0].isdigit() or folded in WEEKDAYS or folded in _TIME:
        return _DATE_WORD
    if month_number(folded) is not None:
        return _DATE_WORD
    if folded in _NAME_JOINERS:
        return _JOINER
    return _GLUE_WORD if folded in _GLUE_WORDS else _OTHER


def _counts(text: str) -> tuple[int, int, bool]:
    """(date or byline words, other words, whether any word anchors a date or byline);
    counting stops once there are more other words than a dateline may hold."""
    # Short vowels and tatweel sit inside words ("يُقشر"); they must not split them.
    text = DIACRITICS.sub("", text).replace(TATWEEL, "")
    dated = other = 0
    anchored = False
    if _ARABIC_LETTER.search(text):
        for match in _INITIALS.finditer(text):
            dated += len(_ARABIC_LETTER.findall(match[0]))
            anchored = True
        text = _INITIALS.sub(" ", text)
    names_left = 0  # words after a signer that are read as the author's name
    previous_end = 0
    for match in _TOKEN.finditer(text):
        token = match[0]
        kind = _kind(token)
        # Whether punctuation separates this word from the last one: only asked when a run
        # of names is open or an Arabic signer may open one (a regex call per word costs).
        if names_left or (kind in (_SIGNER, _LABEL) and not token.isascii()):
            broken = not previous_end or bool(
                _RUN_BREAK.search(text, previous_end, match.start())
            )
            if broken and names_left < _MAX_NAME_WORDS:  # "بقلم: محمد": the colon opens it
                names_left = 0
        else:
            broken = not previous_end
        previous_end = match.end()
        opens = broken or token.isascii()  # Latin names are told by their capital
        if kind == _LABEL and not _LABEL_END.match(text, match.end()):
            kind = _OTHER
        if kind in (_SIGNER, _LABEL, _SIGN, _DATE_WORD):
            dated += 1
            anchored = True
            names_left = _MAX_NAME_WORDS if kind != _SIGN and kind != _DATE_WORD and opens else 0
        elif kind == _JOINER and names_left:
            names_left = _MAX_NAME_WORDS - 1
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
            if other > _MAX_OTHER_WORDS:
                break  # already prose: the rest of the line cannot change the answer
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
