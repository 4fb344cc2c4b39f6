"""Resolution of what a sentence leaves out (the year, the week) against the reference date."""

from __future__ import annotations

import datetime as dt

from akhbar.enrich.dates.resolve import (
    CURRENT,
    FUTURE,
    NEAREST,
    PAST,
    hijri_date,
    hijri_month_span,
    pick_day,
    pick_hijri_day,
    pick_month_year,
    week_span,
    weekday_date,
)
from akhbar.enrich.dates.tense import context_direction

REF = dt.date(2025, 11, 24)  # Monday


class TestPickDay:
    def test_past_takes_the_latest_before_the_reference(self):
        """"3 يونيو الماضي" written in November is this year's June."""
        assert pick_day(6, 3, REF, PAST) == dt.date(2025, 6, 3)

    def test_past_rolls_back_a_year_when_needed(self):
        """"28 دجنبر الماضي" written in November is last year's December."""
        assert pick_day(12, 28, REF, PAST) == dt.date(2024, 12, 28)

    def test_future_rolls_forward(self):
        """"10 يوليو المقبل" written in November is next year's July."""
        assert pick_day(7, 10, REF, FUTURE) == dt.date(2026, 7, 10)

    def test_future_includes_the_reference_day(self):
        """A date announced for today is not pushed a year ahead."""
        assert pick_day(11, 24, REF, FUTURE) == REF

    def test_nearest_without_cue(self):
        """With no cue the closest date wins: early January is next year's."""
        assert pick_day(1, 3, REF, NEAREST) == dt.date(2026, 1, 3)
        assert pick_day(10, 28, REF, NEAREST) == dt.date(2025, 10, 28)

    def test_current_keeps_the_reference_year(self):
        """"28 شتنبر الجاري" is in the reference year."""
        assert pick_day(9, 28, dt.date(2025, 9, 23), CURRENT) == dt.date(2025, 9, 28)

    def test_impossible_day_is_none(self):
        """31 June exists in no year."""
        assert pick_day(6, 31, REF, NEAREST) is None


class TestPickMonthYear:
    def test_past_month_named_in_that_month_is_last_year(self):
        """"نونبر الماضي" written in November means the previous November."""
        assert pick_month_year(11, REF, PAST) == 2024

    def test_next_month_is_this_year_or_next(self):
        """"دجنبر المقبل" is this December; "يناير المقبل" next year's."""
        assert pick_month_year(12, REF, FUTURE) == 2025
        assert pick_month_year(1, REF, FUTURE) == 2026

    def test_nearest_month(self):
        """"نهاية شهر أكتوبر" written in November is the October just gone."""
        assert pick_month_year(10, REF, NEAREST) == 2025


class TestWeekdays:
    def test_next_weekday_is_strictly_after(self):
        """"الاثنين المقبل" written on a Monday is a week later."""
        assert weekday_date(0, REF, FUTURE) == dt.date(2025, 12, 1)

    def test_last_weekday_is_strictly_before(self):
        """"الأربعاء الماضي" written on a Monday is five days earlier."""
        assert weekday_date(2, REF, PAST) == dt.date(2025, 11, 19)

    def test_week_is_monday_to_sunday(self):
        """Weeks are ISO weeks, the form the values use."""
        assert week_span(dt.date(2025, 12, 3)) == (dt.date(2025, 12, 1), dt.date(2025, 12, 7))


class TestHijri:
    def test_hijri_date_converts_with_umm_al_qura(self):
        """10 ذو الحجة 1446 is 6 June 2025."""
        assert hijri_date(1446, 12, 10) == dt.date(2025, 6, 6)

    def test_out_of_range_is_none(self):
        """Years hijridate does not cover give no value rather than an error."""
        assert hijri_date(900, 1, 1) is None

    def test_yearless_hijri_day_is_nearest(self):
        """"غرة رمضان" a week before Ramadan 1447 is 18 February 2026."""
        assert pick_hijri_day(9, 1, dt.date(2026, 2, 10), NEAREST) == dt.date(2026, 2, 18)

    def test_month_span_covers_the_whole_month(self):
        """Ramadan 1446 ran from 1 to 29 March 2025."""
        assert hijri_month_span(1446, 9) == (dt.date(2025, 3, 1), dt.date(2025, 3, 29))


class TestTenseCues:
    def test_future_prefix_verb(self):
        """سـ on a verb before the date looks forward."""
        text = "وستنطلق الدورة في 3 يناير"
        assert context_direction(text, text.index("3")) == FUTURE

    def test_past_auxiliary(self):
        """كان/قد before the date looks back."""
        text = "وكانت الشركة قد أعلنت نتائجها في 28 أكتوبر"
        assert context_direction(text, text.index("28")) == PAST

    def test_reporting_verb_is_not_a_cue(self):
        """"أعلنت أن" reports now; it says nothing of the date that follows."""
        text = "وأعلنت المحكمة أن"
        assert context_direction(text, len(text)) == NEAREST

    def test_cue_after_the_date_when_none_before(self):
        """"غرة رمضان ستكون": the verb after the date is read when none precedes it."""
        text = "أن غرة رمضان ستكون يوم الأربعاء"
        assert context_direction(text, 3, 12) == FUTURE

    def test_noun_starting_like_future_prefix_is_not_a_cue(self):
        """سيارة (car) and سنة (year) are not future verbs."""
        text = "واشترى سيارة جديدة سنة"
        assert context_direction(text, len(text)) == NEAREST
