"""Properties that hold for any input: no exception, valid offsets, well-formed values."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.enrich.dates import find_dates

# Pieces that combine into date-like and date-free text alike, with vowel marks, Eastern
# digits and separators, so the property runs through every rule and its edge cases.
PIECES = [
    "يوم", "اليوم", "أمس", "غداً", "الأحد", "الخميس", "المقبل", "الماضي", "الجاري", "من",
    "إلى", "بين", "ما", "و", "شهر", "سنة", "عام", "نونبر", "يونيو", "تشرين الثاني", "آب",
    "رمضان", "ذي الحجة", "هـ", "م", "الساعة", "العاشرة", "والنصف", "صباحا", "مساءً", "فاتح",
    "الثامن", "الأسبوع", "العام", "هذا", "خلال", "منذ", "دولار", "(", ")", "/", "-", "–",
    ":", ".", "،", "24", "2025", "1446", "٢٠٢٥", "۱۵", "3", "31", "12", "99", "0", "14:30",
    "ـ", "َ", "ً", "نواب", "مارس", "شباط", "الأول", "من", "\n",
    # the duration and period grammar
    "قبل", "بعد", "أسبوعين", "ثلاثة", "أيام", "سنوات", "الأيام", "العشرة", "الماضية",
    "المقبلة", "الـ", "عامنا", "الحالي", "أول", "آخر", "جمعة", "من", "الشهر", "قبل الماضي",
    "ليلا", "فجر", "عند", "الرابعة", "تغ", "|", "1956", "و1973", "2011",
]
VALUE = re.compile(
    r"\d{4}(-\d{2}(-\d{2})?)?|\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}|\d{2}:\d{2}"
)


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=14),
    glue=st.sampled_from([" ", "", "  "]),
    ref=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)),
)
def test_any_text_gives_valid_mentions(pieces, glue, ref):
    """Offsets slice the input exactly, mentions do not overlap, values are well formed."""
    text = glue.join(pieces)
    mentions = find_dates(text, ref)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert VALUE.fullmatch(m.value), m
        if "/" in m.value:
            first, last = m.value.split("/")
            assert first <= last


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_never_raises(text):
    """Whatever a page carries (emoji, Latin, control characters), the extractor answers."""
    for m in find_dates(text, dt.date(2025, 11, 24)):
        assert text[m.start:m.end] == m.text
