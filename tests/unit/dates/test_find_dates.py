"""Behaviour of ``find_dates`` rule by rule, on sentences written as newspapers write them."""

from __future__ import annotations

import datetime as dt

from akhbar.enrich.dates import find_dates

REF = dt.date(2025, 11, 24)  # a Monday


def values(text: str, ref: dt.date = REF) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.value) for m in find_dates(text, ref)]


class TestOffsets:
    def test_offsets_point_into_the_original_text(self):
        """text[start:end] is the mention's text, even when vowel marks were dropped."""
        text = "وحُدِّد موعد الأذان الساعة 3:28 عصرًا يوم الأحد 28 شتنبر الجاري"
        mentions = find_dates(text, REF)
        assert mentions
        for m in mentions:
            assert text[m.start:m.end] == m.text

    def test_field_is_left_for_the_caller(self):
        """The caller names the field; the extractor leaves the default."""
        assert {m.field for m in find_dates("أمس الأحد", REF)} == {"text"}

    def test_ref_defaults_to_today(self):
        """Without a reference date, اليوم is today."""
        assert find_dates("اليوم")[0].value == dt.date.today().isoformat()


class TestNumericDates:
    def test_day_month_year_with_spaced_dashes(self):
        """The Maghress byline form "24 - 11 - 2025"."""
        assert values("نشر في الأول يوم 24 - 11 - 2025")[0][2] == "2025-11-24"

    def test_year_first_with_gregorian_suffix(self):
        """2021/11/25م is year/month/day."""
        assert values("نشرة ليوم الخميس 2021/11/25م")[0][2] == "2021-11-25"

    def test_eastern_digits_hijri(self):
        """١٦ /١ /١٤٤٦هـ is a Hijri date, converted to the Gregorian day."""
        assert values("بتاريخ ١٦ /١ /١٤٤٦هـ")[0][2] == "2024-07-22"

    def test_score_is_not_a_date(self):
        """A match score 3-1 has no year and is not a date."""
        assert values("وفاز الرجاء بنتيجة 3-1 في الجولة 12") == []
