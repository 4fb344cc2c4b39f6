"""Printed publication dates: every region's month names, digits and numeric forms."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.parse.printed_dates import find_dates, parse_iso, publication_date


class TestMonthNames:
    @pytest.mark.parametrize(
        ("printed", "expected"),
        [
            ("3 نونبر 2021", dt.date(2021, 11, 3)),  # Moroccan
            ("12 شتنبر 2019", dt.date(2019, 9, 12)),  # Moroccan
            ("الجمعة 8 فيفري 2019", dt.date(2019, 2, 8)),  # Tunisian/Algerian
            ("5 جويلية 2018", dt.date(2018, 7, 5)),  # Algerian
            ("5 تشرين الثاني 2020", dt.date(2020, 11, 5)),  # Levantine, two words
            ("14 آب 2013", dt.date(2013, 8, 14)),  # Levantine
            ("24 نوفمبر 2025", dt.date(2025, 11, 24)),  # Egyptian
            ("03 يونيو 2020م", dt.date(2020, 6, 3)),  # Gregorian era mark after the year
            ("الأربعاء، 28 آب/اغسطس 2013", dt.date(2013, 8, 28)),  # two names for one month
            ("24 نيسان / أبريل 2020", dt.date(2020, 4, 24)),
            ("March 17, 2020", dt.date(2020, 3, 17)),
            ("Publié le 27 fév 2025", dt.date(2025, 2, 27)),  # French abbreviations
            ("Publié le 3 juill. 2025", dt.date(2025, 7, 3)),
            ("Rabat, 27 nov. 2025 (MAP)", dt.date(2025, 11, 27)),
            ("Le 1er décembre 2025", dt.date(2025, 12, 1)),
        ],
    )
    def test_month_name_of_each_region_reads(self, printed, expected):
        """A day, a month name of any region and a year read as that calendar date."""
        assert publication_date(printed).date == expected

    def test_longer_month_name_is_not_cut_short(self):
        """ "مايو" is May read whole, not "ماي" followed by stray letters."""
        assert publication_date("13 مايو 2024").date == dt.date(2024, 5, 13)


class TestDigitsAndNumericForms:
    @pytest.mark.parametrize(
        ("printed", "expected"),
        [
            ("نشر في الأول يوم 24 - 11 - 2025", dt.date(2025, 11, 24)),
            ("١ / ١٢ / ٢٠٢٠", dt.date(2020, 12, 1)),
            ("۱۵ مارس ۲۰۲۰", dt.date(2020, 3, 15)),  # Persian digits
            ("17.03.2020", dt.date(2020, 3, 17)),
            ("2026-01-08 | 12:42", dt.date(2026, 1, 8)),
        ],
    )
    def test_numeric_and_eastern_digit_forms_read(self, printed, expected):
        """Day-month-year with -, / or . and year-month-day, in any digits, read."""
        assert publication_date(printed).date == expected

    def test_impossible_dates_are_not_dates(self):
        """Numbers that cannot be a calendar date (31 - 02, month 13) yield nothing."""
        assert find_dates("31 - 02 - 2020 و 40/13/2020") == []

    def test_mixed_separators_are_not_a_date(self):
        """A score or a range like "3-4 2020" is not read as a date."""
        assert find_dates("فاز الفريق 3-4 2020") == []


class TestClockAndUpdates:
    def test_clock_time_right_after_the_date_is_kept_in_local_time(self):
        """ "09:22 مساءً" after the date gives a naive 21:22 (the outlet's clock)."""
        date = publication_date("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً")
        assert date.value == dt.datetime(2020, 4, 24, 21, 22)

    def test_clock_after_other_words_is_not_attached(self):
        """The time of an "آخر تحديث" clause does not become the publication time."""
        date = publication_date("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00")
        assert date.value == dt.date(2013, 8, 28)

    def test_updated_date_is_skipped_when_a_publication_date_is_printed(self):
        """The date after "محدثة" is marked updated; the one before it is the publication."""
        dates = find_dates("GMT 17:27 16.03.2020 (محدثة GMT 17:49 17.03.2020)")
        assert [d.updated for d in dates] == [False, True]
        assert publication_date("آخر تحديث 6 مايو 2020 نشر 5 مايو 2020").date == dt.date(2020, 5, 5)

    def test_only_an_updated_date_is_still_returned(self):
        """When the update is the only printed date, it is the one returned."""
        assert publication_date("آخر تحديث: 6 تشرين الثاني 2020").date == dt.date(2020, 11, 6)


class TestMetadataDates:
    def test_offset_is_kept_as_written(self):
        """An ISO date with an offset keeps its wall clock: the outlet's local date."""
        value = parse_iso("2020-06-03T03:01+0400")
        assert value.date() == dt.date(2020, 6, 3)
        assert value.utcoffset() == dt.timedelta(hours=4)

    def test_date_only_and_garbage(self):
        """A bare date gives a date; text with no date gives None."""
        assert parse_iso("2019-02-08") == dt.date(2019, 2, 8)
        assert parse_iso("yesterday") is None
