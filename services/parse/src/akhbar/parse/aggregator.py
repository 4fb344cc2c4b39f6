"""The lines that aggregator sites (Maghress, Masress, Sauress, Turess, Djazairess) print.

They republish an outlet's story under "نشر في <outlet> يوم <D - M - YYYY>" and link back
with "انقر هنا لقراءة الخبر من مصدره". These lines name the real source and date; neither is
part of the story.
"""

from __future__ import annotations

import re

from akhbar.parse.printed_dates import PrintedDate, publication_date

# The outlet name runs up to "يوم" (day) or to the date itself when "يوم" is left out.
POSTED_IN = re.compile(r"^\s*نشر\s+في\s+(?P<outlet>.+?)\s+(?:يوم\s+)?(?P<date>[\d٠-٩].*)$")
READ_AT_SOURCE = re.compile(r"انقر\s+هنا\s+لقراءة\s+الخبر\s+من\s+مصدره")


def posted_in(line: str) -> tuple[str, PrintedDate] | None:
    """(outlet, date) from a "نشر في <outlet> يوم <date>" line, or None for other lines."""
    if "نشر" not in line:  # cheap test first: this runs on every block of a page
        return None
    match = POSTED_IN.match(line)
    if not match:
        return None
    date = publication_date(match["date"])
    if date is None:
        return None
    return match["outlet"].strip(" ،,"), date
