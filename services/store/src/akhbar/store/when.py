"""Reading the ``since``/``until`` bounds people type: a date or an ISO datetime."""

from __future__ import annotations

import datetime as dt


class BadDate(ValueError):
    """A bound that is neither ``YYYY-MM-DD`` nor an ISO 8601 datetime."""


def parse_published(text: str) -> dt.datetime | dt.date:
    """The ISO text stored for ``published`` back as the date or datetime it was."""
    if len(text) <= 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)


def parse_bound(value: str | dt.date | None, name: str) -> dt.datetime | dt.date | None:
    """``value`` as a date or datetime, or ``BadDate`` naming the option and the format."""
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    try:
        return parse_published(text)
    except ValueError:
        raise BadDate(
            f"{name}: {value!r} is not a date; use YYYY-MM-DD or an ISO datetime "
            "such as 2025-11-24T08:30:00+01:00"
        ) from None


def lower_bound(value: dt.datetime | dt.date) -> dt.datetime:
    """Naive UTC instant from which ``since`` includes articles (a date from its midnight)."""
    if isinstance(value, dt.datetime):
        return _naive_utc(value)
    return dt.datetime.combine(value, dt.time())


def upper_bound(value: dt.datetime | dt.date) -> dt.datetime:
    """Naive UTC instant before which ``until`` includes articles (a date: the whole day)."""
    if isinstance(value, dt.datetime):
        return _naive_utc(value) + dt.timedelta(microseconds=1)
    return dt.datetime.combine(value + dt.timedelta(days=1), dt.time())


def _naive_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)
