"""Which way a sentence looks in time, for dates written without their year.

Relative words after a date say it outright (الماضي، المقبل، الجاري). Otherwise the verb
near the date is the best cue a regex can read: the future prefix سـ on a verb (سينطلق،
ستكون), "سوف", words of plans (المرتقب، من المقرر); past auxiliaries (كان، قد) and
past event verbs. Reporting verbs (قال، أعلن، أكد) are not cues: "أعلنت أن غرة رمضان
ستكون..." reports now about the future. The clause before the date is read first, then a
few words after it ("غرة رمضان ستكون"); a cue from another sentence does not leak in.
"""

from __future__ import annotations

import re

from akhbar.enrich.dates.normalize import alternation, fold
from akhbar.enrich.dates.resolve import CURRENT, FUTURE, NEAREST, PAST

# Singular, dual and plural forms: "يومي السبت والأحد الماضيين".
PAST_WORDS = [
    "الماضي",
    "الماضية",
    "المنصرم",
    "المنصرمة",
    "الفارط",
    "الفارطة",
    "المنقضي",
    "المنقضية",
    "السابق",
    "السابقة",
    "الماضيين",
    "الماضيتين",
    "المنصرمين",
    "الفائت",
    "الفائتة",
]
FUTURE_WORDS = [
    "المقبل",
    "المقبلة",
    "القادم",
    "القادمة",
    "الآتي",
    "الآتية",
    "المقبلين",
    "المقبلتين",
    "القادمين",
]
CURRENT_WORDS = ["الجاري", "الجارية", "الحالي", "الحالية"]

MODIFIER = alternation(PAST_WORDS + FUTURE_WORDS + CURRENT_WORDS)
_MODIFIER_DIRECTION = {fold(w): PAST for w in PAST_WORDS}
_MODIFIER_DIRECTION.update({fold(w): FUTURE for w in FUTURE_WORDS})
_MODIFIER_DIRECTION.update({fold(w): CURRENT for w in CURRENT_WORDS})


def modifier_direction(word: str | None) -> int | None:
    return None if word is None else _MODIFIER_DIRECTION.get(fold(word))


# Verb stems after the future prefix سـ (سيـ/ستـ/سنـ): a closed list, because an open
# "س + letters" would also take nouns (سيارة، سنة، ستة، سياسة).
_FUTURE_STEMS = [
    "تم",
    "كون",
    "عقد",
    "نعقد",
    "نطلق",
    "بدأ",
    "نظم",
    "شارك",
    "حتضن",
    "جري",
    "قام",
    "ستضيف",
    "ستمر",
    "صل",
    "علن",
    "دخل",
    "نتهي",
    "لتقي",
    "عود",
    "حل",
    "زور",
    "شهد",
    "خوض",
    "واجه",
    "لعب",
    "صدر",
    "فتح",
    "غلق",
    "طلق",
    "عرف",
    "جتمع",
    "توجه",
    "سافر",
    "قدم",
    "حتفل",
    "خصص",
    "عرض",
    "ستقبل",
    "عمل",
    "صبح",
    "طبق",
    "رفع",
    "صرف",
    "ختتم",
    "فتتح",
    "نتخب",
    "ؤدي",
    "حضر",
    "قرر",
    "بحث",
    "ناقش",
    "نظر",
    "صوت",
    "ستأنف",
    "نطلق",
    "كشف",
    "صادق",
]
_FUTURE_CUE = re.compile(
    r"(?<!\w)[وف]?(?:س[يتن](?:"
    + alternation(_FUTURE_STEMS)
    + r")\w*|"
    + alternation(
        [
            "سوف",
            "المرتقب",
            "المرتقبة",
            "مرتقب",
            "مرتقبة",
            "يرتقب",
            "ترتقب",
            "المقرر",
            "المقررة",
            "مقرر",
            "مقررة",
            "المنتظر",
            "المنتظرة",
            "ينتظر",
            "المزمع",
            "المزمعة",
            "يعتزم",
            "تعتزم",
            "ابتداء من",
            "اعتبارا من",
            "في أفق",
            "بحلول",
            # Present-tense verbs of scheduled events read as future in news copy.
            "يبدأ",
            "تبدأ",
            "ينطلق",
            "تنطلق",
            "يلتقي",
            "تلتقي",
            "يجرى",
            "تجرى",
            "يقام",
            "تقام",
            "ينعقد",
            "تنعقد",
            "يعقد",
            "تعقد",
            "يحتضن",
            "تحتضن",
            "يستضيف",
            "تستضيف",
            "يفتتح",
            "تفتتح",
            "يخوض",
            "تخوض",
            "يواجه",
            "تواجه",
            "تنطلق",
            "يحل",
            "تحل",
            "يشارك",
            "تشارك",
            "ينظم",
            "تنظم",
            "يستأنف",
            "تستأنف",
            "يدخل",
            "تدخل",
            "يبدأ",
        ]
    )
    + r")(?!\w)"
)
_PAST_CUE = re.compile(
    r"(?<!\w)[وف]?(?:"
    + alternation(
        [
            "كان",
            "كانت",
            "قد",
            "لقد",
            "جرى",
            "جرت",
            "تم",
            "شهد",
            "شهدت",
            "انعقد",
            "انعقدت",
            "عقد",
            "عقدت",
            "أقيم",
            "أقيمت",
            "صادق",
            "صادقت",
            "نظم",
            "نظمت",
            "سجل",
            "سجلت",
            "وقع",
            "وقعت",
            "اندلع",
            "اندلعت",
            "توفي",
            "توفيت",
            "أقيل",
            "أقيلت",
            "صدر",
            "صدرت",
            "انطلق",
            "انطلقت",
            "اختتم",
            "اختتمت",
            "افتتح",
            "افتتحت",
            "منذ",
            "يعود",
            "تعود",
            "أمس",
            "المنعقد",
            "المنعقدة",
            "حل",
            "حلت",
            "زار",
            "زارت",
            "عاد",
            "عادت",
            "فاز",
            "فازت",
            "أجرى",
            "أجريت",
            "نشر",
            "نشرت",
        ]
    )
    + r")(?!\w)"
)
_WINDOW = 70
_AFTER = 30
_BOUNDARY = re.compile(r"[.!?؟;\n]")


def context_direction(text: str, start: int, end: int | None = None) -> int:
    """PAST or FUTURE from the cue nearest the date in its sentence, else NEAREST.

    Cues before ``start`` win (the closest one); without any, the words shortly after
    ``end`` are read.
    """
    window_start = max(0, start - _WINDOW)
    stops = [stop.end() for stop in _BOUNDARY.finditer(text, window_start, start)]
    if stops:
        window_start = stops[-1]
    best, where = NEAREST, -1
    for cue, direction in ((_FUTURE_CUE, FUTURE), (_PAST_CUE, PAST)):
        for match in cue.finditer(text, window_start, start):
            if match.start() > where:
                best, where = direction, match.start()
    if best != NEAREST or end is None:
        return best
    stop = _BOUNDARY.search(text, end, end + _AFTER)
    window_end = stop.start() if stop else min(len(text), end + _AFTER)
    where = len(text)
    for cue, direction in ((_FUTURE_CUE, FUTURE), (_PAST_CUE, PAST)):
        match = cue.search(text, end, window_end)
        if match is not None and match.start() < where:
            best, where = direction, match.start()
    return best
