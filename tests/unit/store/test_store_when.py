"""Reading since/until bounds and turning them into the instants filters compare."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.store.when import BadDate, lower_bound, parse_bound, parse_published, upper_bound


class TestParseBound:
    def test_a_date_stays_a_date(self):
        assert parse_bound("2025-11-24", "since") == dt.date(2025, 11, 24)

    def test_an_iso_datetime_keeps_its_zone(self):
        value = parse_bound("2025-11-24T08:30:00+01:00", "since")
        assert value == dt.datetime(2025, 11, 24, 7, 30, tzinfo=dt.UTC)

    def test_none_and_date_objects_pass_through(self):
        assert parse_bound(None, "since") is None
        assert parse_bound(dt.date(2025, 1, 1), "until") == dt.date(2025, 1, 1)

    @pytest.mark.parametrize("text", ["24/11/2025", "2025-13-01", "yesterday", ""])
    def test_malformed_bounds_raise_bad_date_naming_the_option(self, text):
        with pytest.raises(BadDate, match="--since.*YYYY-MM-DD"):
            parse_bound(text, "--since")


class TestBounds:
    def test_a_date_covers_its_whole_day(self):
        day = dt.date(2025, 11, 24)
        assert lower_bound(day) == dt.datetime(2025, 11, 24)
        assert upper_bound(day) == dt.datetime(2025, 11, 25)

    def test_aware_datetimes_become_naive_utc(self):
        moment = dt.datetime(2025, 10, 5, 18, 40, tzinfo=dt.timezone(dt.timedelta(hours=3)))
        assert lower_bound(moment) == dt.datetime(2025, 10, 5, 15, 40)
        assert upper_bound(moment) > lower_bound(moment)


class TestParsePublished:
    def test_round_trips_dates_and_datetimes(self):
        for value in (dt.date(2025, 11, 24), dt.datetime(2025, 11, 20, 10, 15, tzinfo=dt.UTC)):
            assert parse_published(value.isoformat()) == value
            assert type(parse_published(value.isoformat())) is type(value)
