"""Dates as a page prints them ("الجمعة 8 فيفري 2019", "24 - 11 - 2025", "١ / ١٢ / ٢٠٢٠").

This reads the publication line of a page, not free text: a day, a month (name or number)
and a four-digit year, with the clock time when it follows the date directly. A date is
marked ``updated`` when a "last updated" word comes before it on its line, so a caller can
prefer the publication date when both are printed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from akhbar.parse.textnorm import fold
from akhbar.shared.months import MONTH_PATTERN, month_number

_DIGIT = re.compile(r"\d")
_SEP = r"\s*[,،\-/\.]?\s*"
_MONTH = rf"(?<!\w)({MONTH_PATTERN})(?!\w)"
# "28 آب/اغسطس 2013", "24 نيسان / أبريل 2020": the second name repeats the first.
_MONTH_PAIR = rf"{_MONTH}(?:\s*/\s*(?:{MONTH_PATTERN})(?!\w))?"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?{_SEP}(?:من\s+)?{_MONTH_PAIR}{_SEP}(\d{{4}})(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*(\d{{4}})(?!\d)")
# Numeric forms keep one separator throughout, so "17.03.2020" and "24 - 11 - 2025" read
# as dates while "3-4 2020" does not.
_NUMERIC_DMY = re.compile(r"(?<![\d.])(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d])")
_NUMERIC_YMD = re.compile(r"(?<![\d.])(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d])")
# "09:22 مساءً", "at 9:22 pm", and the French "à 14h52" / "à 8 h 05".
_CLOCK = re.compile(
    r"\s*[,،\-|]?\s*(?:الساعه\s*|at\s+|à\s+)?(\d{1,2})(?::|\s?h\s?)(\d{2})(?::(\d{2}))?"
    r"\s*(صباحا|مساء|ص|م|am|pm|a\.m\.|p\.m\.)?(?!\w)"
)
_UPDATED = re.compile(r"تحديث|محدث|حدث في|updated|modified|mis a jour|mis à jour")
_PM = {"مساء", "م", "pm", "p.m."}
_AM = {"صباحا", "ص", "am", "a.m."}


@dataclass(frozen=True)
class PrintedDate:
    value: dt.date | dt.datetime
    start: int
    end: int
    updated: bool

    @property
    def date(self) -> dt.date:
        return self.value.date() if isinstance(self.value, dt.datetime) else self.value


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_clock(date: dt.date, text: str, end: int) -> tuple[dt.date | dt.datetime, int]:
    """Attach the clock time printed right after the date, read as the outlet's local time."""
    match = _CLOCK.match(text, end)
    if not match:
        return date, end
    hour, minute = int(match[1]), int(match[2])
    second = int(match[3] or 0)
    meridiem = match[4]
    if meridiem in _PM and hour < 12:
        hour += 12
    elif meridiem in _AM and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return date, end
    return dt.datetime(date.year, date.month, date.day, hour, minute, second), match.end()


def _matches(text: str):
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = month_number(match[2])
        if month:
            yield match, _valid(int(match[3]), month, int(match[1]))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = month_number(match[1])
        if month:
            yield match, _valid(int(match[3]), month, int(match[2]))
    for match in _NUMERIC_DMY.finditer(text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        yield match, _valid(year, month, day) or _valid(year, day, month)
    for match in _NUMERIC_YMD.finditer(text):
        yield match, _valid(int(match[1]), int(match[3]), int(match[4]))


def find_dates(text: str) -> list[PrintedDate]:
    """Every printed calendar date in a line of text, in reading order."""
    if not _DIGIT.search(text):
        return []  # every form holds a digit, and folding only maps digits to digits
    folded = fold(text)
    found: list[PrintedDate] = []
    taken: list[tuple[int, int]] = []
    for match, date in _matches(folded):
        if date is None or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        value, end = _with_clock(date, folded, match.end())
        taken.append((match.start(), end))
        found.append(PrintedDate(value, match.start(), end, updated=False))
    found.sort(key=lambda d: d.start)
    marked: list[PrintedDate] = []
    previous_end = 0
    for date in found:
        updated = bool(_UPDATED.search(folded, previous_end, date.start))
        marked.append(PrintedDate(date.value, date.start, date.end, updated))
        previous_end = date.end
    return marked


def publication_date(text: str) -> PrintedDate | None:
    """The first printed date of a line that is not marked as an update, else the first."""
    dates = find_dates(text)
    for date in dates:
        if not date.updated:
            return date
    return dates[0] if dates else None


_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_iso(value: str) -> dt.date | dt.datetime | None:
    """A machine-readable date from metadata, kept in the offset it was written in."""
    match = _ISO.search(value.strip())
    if not match:
        return None
    date = _valid(int(match[1]), int(match[2]), int(match[3]))
    if date is None or match[4] is None:
        return date
    tz = None
    if match[7] == "Z":
        tz = dt.UTC
    elif match[7]:
        sign = 1 if match[7][0] == "+" else -1
        digits = match[7][1:].replace(":", "")
        tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        return dt.datetime(
            date.year,
            date.month,
            date.day,
            int(match[4]),
            int(match[5]),
            int(match[6] or 0),
            tzinfo=tz,
        )
    except ValueError:
        return date
