"""Which way a sentence looks in time, for dates written without their year.

Relative words after a date say it outright (الماضي، المقبل، الجاري). Otherwise the verb
near the date is the best cue a regex can read: the future prefix سـ on a verb (سينطلق،
ستكون), "سوف", words of plans (المرتقب، من المقرر); past auxiliaries (كان، قد) and
reported-past verbs. Only the text shortly before the date is read, so a cue from another
clause of a long sentence does not leak in.
"""

from __future__ import annotations

import re

from akhbar.enrich.dates.normalize import alternation as _alternation
from akhbar.enrich.dates.normalize import fold
from akhbar.enrich.dates.resolve import CURRENT, FUTURE, NEAREST, PAST

PAST_WORDS = ["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفارط", "الفارطة", "المنقضي",
              "المنقضية", "السابق", "السابقة"]
FUTURE_WORDS = ["المقبل", "المقبلة", "القادم", "القادمة", "الآتي", "الآتية"]
CURRENT_WORDS = ["الجاري", "الجارية", "الحالي", "الحالية"]

MODIFIER = _alternation(PAST_WORDS + FUTURE_WORDS + CURRENT_WORDS)
_MODIFIER_DIRECTION = {fold(w): PAST for w in PAST_WORDS}
_MODIFIER_DIRECTION.update({fold(w): FUTURE for w in FUTURE_WORDS})
_MODIFIER_DIRECTION.update({fold(w): CURRENT for w in CURRENT_WORDS})


def modifier_direction(word: str | None) -> int | None:
    return None if word is None else _MODIFIER_DIRECTION.get(word)


# Verb stems after the future prefix سـ (سيـ/ستـ/سنـ): a closed list, because an open
# "س + letters" would also take nouns (سيارة، سنة، ستة، سياسة).
_FUTURE_STEMS = ["تم", "كون", "عقد", "نعقد", "نطلق", "بدأ", "نظم", "شارك", "حتضن", "جري",
                 "قام", "ستضيف", "ستمر", "صل", "علن", "دخل", "نتهي", "لتقي", "عود", "حل",
                 "زور", "شهد", "خوض", "واجه", "لعب", "صدر", "فتح", "غلق", "طلق", "عرف",
                 "جتمع", "توجه", "سافر", "قدم", "حتفل", "خصص", "عرض", "ستقبل", "عمل",
                 "صبح", "طبق", "رفع", "صرف", "ختتم", "فتتح", "نتخب", "جرى", "ؤدي", "حضر"]
_FUTURE_CUE = re.compile(
    r"(?<![\w])(?:[وف])?(?:س[يتن](?:" + _alternation(_FUTURE_STEMS) + r")\w*|"
    + _alternation(["سوف", "المرتقب", "المرتقبة", "مرتقب", "مرتقبة", "يرتقب", "ترتقب",
                    "المقرر", "المقررة", "مقرر", "مقررة", "المنتظر", "المنتظرة", "ينتظر",
                    "المزمع", "المزمعة", "يعتزم", "تعتزم", "ابتداء من", "اعتبارا من",
                    "في أفق", "بحلول"]) + r")(?!\w)"
)
_PAST_CUE = re.compile(
    r"(?<![\w])(?:[وف])?(?:" + _alternation(
        ["كان", "كانت", "قد", "لقد", "جرى", "جرت", "تم", "شهد", "شهدت", "انعقد", "انعقدت",
         "عقد", "عقدت", "أقيم", "أقيمت", "أعلن", "أعلنت", "صادق", "صادقت", "نظم", "نظمت",
         "سجل", "سجلت", "وقع", "وقعت", "اندلع", "اندلعت", "توفي", "توفيت", "قال", "قالت",
         "أكد", "أكدت", "أقيل", "أقيلت", "صدر", "صدرت", "انطلق", "انطلقت", "اختتم",
         "اختتمت", "افتتح", "افتتحت", "منذ", "خلال", "يعود", "تعود", "أمس"])
    + r")(?!\w)"
)
_WINDOW = 60


def context_direction(folded: str, start: int) -> int:
    """PAST or FUTURE from the closest cue before ``start``, else NEAREST."""
    window_start = max(0, start - _WINDOW)
    # Stop at the previous sentence or clause boundary.
    for stop in (".", "!", "?", ";", "\n"):
        cut = folded.rfind(stop, window_start, start)
        if cut >= 0:
            window_start = cut + 1
    window = folded[window_start:start]
    best, where = NEAREST, -1
    for cue, direction in ((_FUTURE_CUE, FUTURE), (_PAST_CUE, PAST)):
        for match in cue.finditer(window):
            if match.start() > where:
                best, where = direction, match.start()
    return best
