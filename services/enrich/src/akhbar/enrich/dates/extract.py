"""``find_dates``: every date and time expression in a text, with its span and value.

One scan (patterns.TRIGGER) finds the numbers and words an expression can start with;
at each, the rules that can start there are matched in place. Each rule's builder reads
its groups and the words before the match (context.py), rejects what the regex could not
(the verb "مارس", the count "2700 كيلومتر"), and resolves the value against the reference
date (resolve.py). Overlapping candidates are settled longest first, so "الأحد 28 شتنبر
الجاري" is one date rather than a weekday plus a date.
"""

from __future__ import annotations

import datetime as dt
import re

from akhbar.enrich.dates import patterns as P
from akhbar.enrich.dates.clock import bare_clock, clock, hour_alone, hour_digits, midnight
from akhbar.enrich.dates.context import starts_word
from akhbar.enrich.dates.days import (
    day_of_relative_month,
    gregorian_date,
    hijri_day,
    month_day_year,
    numeric_date,
    relative_month_day,
)
from akhbar.enrich.dates.durations import counted_period, duration
from akhbar.enrich.dates.months import (
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    WEEKDAYS,
)
from akhbar.enrich.dates.normalize import fold, original_span, strip_marks
from akhbar.enrich.dates.numerals import DAY_ORDINALS, HOUR_WORDS
from akhbar.enrich.dates.parts import (
    Builder,
    Found,
)
from akhbar.enrich.dates.ranges import join_ranges, month_range, range_one_month, range_two_months
from akhbar.enrich.dates.ranked_weekdays import ranked_weekday
from akhbar.enrich.dates.relative import relative_day, relative_period, weekday, weekday_pair
from akhbar.enrich.dates.whole_months import hijri_month, month_only
from akhbar.enrich.dates.years import year
from akhbar.shared.schemas import DateMention

Rule = tuple[int, re.Pattern[str], Builder]

# Rank breaks ties between candidates of equal length: the more specific rule first.
_RANKED = [
    (P.RANGE_TWO_MONTHS, range_two_months),
    (P.RANGE_ONE_MONTH, range_one_month),
    (P.NUMERIC_DATE, numeric_date),
    (P.HIJRI_DATE, hijri_day),
    (P.GREGORIAN_DATE, gregorian_date),
    (P.RELATIVE_MONTH_DAY, relative_month_day),
    (P.DAY_OF_RELATIVE_MONTH, day_of_relative_month),
    (P.RANKED_WEEKDAY, ranked_weekday),
    (P.HIJRI_MONTH, hijri_month),
    (P.MONTH_ONLY, month_only),
    (P.COUNTED_PERIOD, counted_period),
    (P.DURATION, duration),
    (P.RELATIVE_PERIOD, relative_period),
    (P.RELATIVE_DAY, relative_day),
    (P.WEEKDAY_PAIR, weekday_pair),
    (P.WEEKDAY_MENTION, weekday),
    (P.CLOCK, clock),
    (P.BARE_CLOCK, bare_clock),
    (P.HOUR_DIGITS, hour_digits),
    (P.YEAR_NUMBER, year),
    (P.MIDNIGHT, midnight),
    (P.MONTH_DAY_YEAR, month_day_year),
    (P.MONTH_RANGE, month_range),
]

_RANK = {builder: rank for rank, (_, builder) in enumerate(_RANKED)}


def _rules(*builders: Builder) -> tuple[Rule, ...]:
    patterns = {b: p for p, b in _RANKED}
    return tuple((_RANK[b], patterns[b], b) for b in builders)


_DAY_RULES = _rules(
    range_two_months, range_one_month, hijri_day, gregorian_date, relative_month_day
)

# Rules for a number, by what it can be: a day (1-2 digits), a year (4), either one
# starting a numeric date; what follows it rules out most of them before any regex runs.
_DAY_NUMBER_RULES = _DAY_RULES + _rules(day_of_relative_month, hour_digits)

_COUNTED_RULES = _rules(counted_period)  # "الـ10 سنوات الماضية"

_NUMERIC_RULES = _rules(range_one_month, numeric_date)  # "24 - 11 - 2025", "26-28 جوان"

_CLOCK_RULES = _rules(bare_clock)

_YEAR_RULES = _rules(year)

_YEAR_NUMERIC_RULES = _rules(numeric_date, year)


def _number_rules(s: str, start: int, end: int) -> tuple[Rule, ...]:
    if s[max(0, start - 4) : start].rstrip().endswith("ال"):
        return _COUNTED_RULES + _rules_by_digits(s, start, end)
    return _rules_by_digits(s, start, end)


def _rules_by_digits(s: str, start: int, end: int) -> tuple[Rule, ...]:
    after = s[end : end + 2].lstrip()[:1]
    digits = end - start
    if digits <= 2:
        if after == ":":
            return _CLOCK_RULES
        if after == ",":
            return _CLOCK_RULES  # "08,00 تغ"
        if after and after in "-/.–":
            return _NUMERIC_RULES
        return _DAY_NUMBER_RULES
    if digits == 4:
        return _YEAR_NUMERIC_RULES if after and after in "-/." else _YEAR_RULES
    return ()


# Which rules can start at each trigger word, by its folded spelling.
_WORD_RULES: dict[str, tuple[Rule, ...]] = {}

for _words, _rule_set in (
    (GREGORIAN_MONTHS, _rules(month_range, month_day_year, month_only)),
    (HIJRI_MONTHS, _rules(hijri_month)),
    (WEEKDAYS, _rules(weekday, weekday_pair, ranked_weekday)),
    (P.WEEKDAY_RANKS, _rules(ranked_weekday)),
    (DAY_ORDINALS, _DAY_RULES),
    (P.RELATIVE_DAY_WORDS, _rules(relative_day)),
    (P.PERIOD_UNITS + P.THIS_WORDS + P.OUR_PERIODS, _rules(relative_period)),
    (P.U.DURATION_PREPOSITIONS, _rules(duration)),
    (P.U.DEFINITE_PLURALS + P.U.DEFINITE_DUALS + P.DEFINITE_CARDINALS, _rules(counted_period)),
    (P.CLOCK_WORDS, _rules(clock)),
    (HOUR_WORDS, ((len(_RANKED), P.HOUR_ALONE, hour_alone),)),
    (P.MIDNIGHT_WORDS, _rules(midnight)),
):
    for _word in _words:
        _WORD_RULES[fold(_word)] = _WORD_RULES.get(fold(_word), ()) + _rule_set


def _candidates(s: str, ref: dt.date) -> list[tuple[int, Found]]:
    candidates = []
    pos = 0
    while (trigger := P.TRIGGER.search(s, pos)) is not None:
        start = pos = trigger.start()
        if trigger.lastgroup == "num":
            rules = _number_rules(s, start, trigger.end())
        elif starts_word(s, start) is None:
            # Inside a longer word ("آب" in "نواب", "أول أمس" in "باول أمس"): look again
            # from the next letter, so a real expression right after is not skipped.
            pos += 1
            continue
        else:
            rules = _WORD_RULES.get(fold(trigger.group()), ())
        pos = trigger.end()
        for rank, pattern, build in rules:
            match = pattern.match(s, start)
            if match is not None and (found := build(match, s, ref)) is not None:
                candidates.append((rank, found))
    return candidates


def _settle(candidates: list[tuple[int, Found]]) -> list[Found]:
    """Keep the longest of overlapping candidates (the better-ranked rule on a tie)."""
    kept: list[Found] = []
    for _, found in sorted(candidates, key=lambda c: (c[1][0] - c[1][1], c[0], c[1][0])):
        start, end = found[0], found[1]
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append(found)
    return sorted(kept)


def find_dates(text: str, ref: dt.date | None = None) -> list[DateMention]:
    """Every date/time expression in ``text``, resolved against ``ref`` (None: today).

    Offsets are characters into ``text``; ``text[start:end] == mention.text``.
    """
    if ref is None:
        ref = dt.date.today()
    elif isinstance(ref, dt.datetime):
        ref = ref.date()
    s, origin = strip_marks(text)
    mentions = []
    for start, end, kind, value in join_ranges(_settle(_candidates(s, ref)), s):
        start, end = _trim(s, start, end)
        o_start, o_end = original_span(origin, start, end, text)
        mentions.append(
            DateMention(text=text[o_start:o_end], start=o_start, end=o_end, kind=kind, value=value)
        )
    return mentions


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces, commas and an unclosed bracket that optional parts swallowed."""
    while start < end and s[start] in " ,،\t\n(":
        start += 1
    while end > start and s[end - 1] in " ,،\t\n(":
        end -= 1
    if s[end - 1] == ")" and "(" not in s[start:end]:
        end -= 1
    return start, end
