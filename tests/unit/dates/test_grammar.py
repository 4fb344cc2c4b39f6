"""The duration and period grammar, tested as a grammar: every combination of its parts.

Prepositions × counts (digits, number words, duals, a bare singular) × units × directions
are generated and each phrase is checked against a value computed here with plain
calendar arithmetic, independently of the extractor's resolver. Hypothesis then draws
counts and reference dates the table does not list.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.enrich.dates import find_dates

REFS = [dt.date(2025, 11, 27), dt.date(2024, 2, 29), dt.date(2024, 1, 31), dt.date(2023, 12, 31)]


# --- expected values, computed here -------------------------------------------------


def months_later(day: dt.date, months: int) -> dt.date:
    """Calendar months later (negative: earlier), the day clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def point(ref: dt.date, unit: str, count: int) -> str:
    """The value of "count units from ref": a day, a month or a year."""
    if unit == "day":
        return (ref + dt.timedelta(days=count)).isoformat()
    if unit == "week":
        return (ref + dt.timedelta(days=7 * count)).isoformat()
    if unit == "month":
        return months_later(ref, count).isoformat()[:7]
    return f"{ref.year + count:04d}"


def edge(ref: dt.date, unit: str, count: int) -> dt.date:
    if unit == "day":
        return ref + dt.timedelta(days=count)
    if unit == "week":
        return ref + dt.timedelta(days=7 * count)
    return months_later(ref, count * (12 if unit == "year" else 1))


def only(text: str, ref: dt.date) -> tuple[str, str, str]:
    mentions = find_dates(text, ref)
    assert len(mentions) == 1, (text, mentions)
    return mentions[0].text, mentions[0].kind, mentions[0].value


# --- the lexicon of the test: each unit in its forms, with the words that agree -------

# unit: (singular, dual, plural for 3-10, accusative singular for 11+, feminine?)
UNITS = {
    "day": ("يوم", "يومين", "أيام", "يوما", False),
    "week": ("أسبوع", "أسبوعين", "أسابيع", "أسبوعا", False),
    "month": ("شهر", "شهرين", "أشهر", "شهرا", False),
    "year": ("عام", "عامين", "أعوام", "عاما", False),
    "year-f": ("سنة", "سنتين", "سنوات", "سنة", True),
}
EXTRA_PLURALS = {"month": ["شهور"], "year-f": ["سنين"]}

# n: (masculine counted noun form, feminine counted noun form) — Arabic counts 3-10 take
# the opposite gender to their noun.
NUMBER_WORDS = {
    3: ("ثلاثة", "ثلاث"),
    5: ("خمسة", "خمس"),
    7: ("سبعة", "سبع"),
    10: ("عشرة", "عشر"),
    15: ("خمسة عشر", "خمس عشرة"),
    25: ("خمسة وعشرين", "خمس وعشرين"),
}


def counted_phrases(unit_key: str) -> list[tuple[str, int]]:
    """Every way the grammar writes a count of this unit: (phrase, count)."""
    singular, dual, plural, accusative, feminine = UNITS[unit_key]
    plurals = [plural, *EXTRA_PLURALS.get(unit_key, [])]
    phrases = [(singular, 1), (dual, 2)]
    for n, (for_masculine, for_feminine) in NUMBER_WORDS.items():
        word = for_feminine if feminine else for_masculine
        nouns = plurals if n <= 10 else [accusative]
        for noun in nouns:
            phrases.append((f"{word} {noun}", n))
            phrases.append((f"{n} {noun}", n))
    return phrases


PAST_PREPOSITIONS = ["قبل", "منذ"]
FUTURE_PREPOSITIONS = ["بعد", "في غضون"]

POINT_CASES = [
    pytest.param(prep, phrase, n, unit_key, sign, id=f"{prep}-{phrase}")
    for unit_key in UNITS
    for phrase, n in counted_phrases(unit_key)
    for preps, sign in ((PAST_PREPOSITIONS, -1), (FUTURE_PREPOSITIONS, 1))
    for prep in preps
]


class TestDurationPoints:
    @pytest.mark.parametrize(("prep", "phrase", "count", "unit_key", "sign"), POINT_CASES)
    def test_every_preposition_count_and_unit(self, prep, phrase, count, unit_key, sign):
        """"قبل/منذ N unit" is N units back, "بعد/في غضون" N ahead, at the unit's precision;
        the span is the whole phrase with its preposition."""
        unit = unit_key.removesuffix("-f")
        frame = "أعلنت الوزارة ذلك {}." if sign < 0 else "ستعلن الوزارة النتائج {}."
        text = frame.format(f"{prep} {phrase}")
        for ref in REFS:
            assert only(text, ref) == (f"{prep} {phrase}", "relative", point(ref, unit, sign * count))

    @pytest.mark.parametrize(("unit_key", "direction", "sign"), [
        (u, d, s) for u in UNITS for d, s in (("المقبلة", 1), ("القادمة", 1), ("الماضية", -1))
    ])
    def test_within_takes_its_direction(self, unit_key, direction, sign):
        """"خلال N unit" with a direction word counts that way; without one it looks ahead
        in a sentence that does (a future verb, a plan) and is no date in a report."""
        unit = unit_key.removesuffix("-f")
        _, _, plural, _, feminine = UNITS[unit_key]
        word = NUMBER_WORDS[3][1 if feminine else 0]
        ref = REFS[0]
        text = f"خلال {word} {plural} {direction}"
        assert only(text, ref) == (text, "relative", point(ref, unit, 3 * sign))
        ahead = f"ستنتهي الأشغال خلال {word} {plural} فقط"
        assert only(ahead, ref)[2] == point(ref, unit, 3)
        assert only(f"ضمن خطة الوزارة خلال {word} {plural}", ref)[2] == point(ref, unit, 3)
        assert find_dates(f"تضاعف الإنتاج خلال {word} {plural} فقط", ref) == []

    @pytest.mark.parametrize("text", [
        "ورد عليه البنك بخطاب رسمي بعد 4 أيام",
        "تضيق الدائرة يوما بعد يوم",
        "يتحسن الأداء عاما بعد عام",
    ])
    def test_after_in_a_report_is_counted_from_the_event(self, text):
        """"بعد N" in a report of the past, and "يوما بعد يوم", count from no reference."""
        assert find_dates(text, REFS[0]) == []

    @pytest.mark.parametrize("text", [
        "قبل يومين من الانتخابات",
        "بعد ثلاثة أيام على وفاته",
        "بعد أسبوعين من اختطافه",
        "منذ عام 2011",
        "قبل شهر رمضان",
        "بعد يوم حافل",
        "قبل يوم الانتخابات",
        "منذ أكثر من عامين",
        "قبل نحو عامين",
        "منذ أيام",
        "خلال الأيام الماضية",
        "في السنوات الأخيرة",
        "لمدة ثلاثة أيام",
        "قبل يوم واحد من الانتخابات",
    ])
    def test_durations_not_counted_from_the_reference_date(self, text):
        """Counted from another event, approximate, without a count, or a length: no
        duration (the year or month the words also name may still be found on its own)."""
        first_word = text.split()[0]
        assert [m for m in find_dates(text, REFS[0]) if m.text.startswith(first_word)] == []


# --- counted periods -----------------------------------------------------------------

PERIOD_DIRECTIONS = {
    "plural": (("الماضية", -1), ("الأخيرة", -1), ("المنصرمة", -1), ("المقبلة", 1), ("القادمة", 1)),
    "dual": (("الماضيين", -1), ("الأخيرين", -1), ("المقبلين", 1), ("القادمين", 1)),
}


def period_phrases(unit_key: str) -> list[tuple[str, int, str]]:
    """Definite counted periods: (phrase without direction, count, agreement form)."""
    _, dual, plural, _, feminine = UNITS[unit_key]
    phrases = [(f"ال{dual}", 2, "dual")]
    for n in (3, 5, 10):
        word = NUMBER_WORDS[n][1 if feminine else 0]
        phrases += [
            (f"ال{plural} ال{word}", n, "plural"),  # "الأيام العشرة الماضية"
            (f"ال{word} {plural}", n, "plural"),  # "الخمس سنوات القادمة"
            (f"ال{plural} الـ{n}", n, "plural"),  # "السنوات الـ10 الأخيرة"
            (f"الـ{n} {plural}", n, "plural"),  # "الـ10 سنوات الماضية"
        ]
    return phrases


def adjective_first_phrases(unit_key: str) -> list[tuple[str, int]]:
    """The count after the direction word: "الأيام الماضية العشرة"."""
    _, _, plural, _, feminine = UNITS[unit_key]
    phrases = []
    for n in (3, 5, 10):
        word = NUMBER_WORDS[n][1 if feminine else 0]
        phrases += [(f"ال{plural} {{}} ال{word}", n), (f"ال{plural} {{}} الـ{n}", n)]
    return phrases


PERIOD_CASES = [
    pytest.param(lead, phrase, n, unit_key, direction, sign, id=f"{lead}-{phrase}-{direction}")
    for unit_key in UNITS
    for phrase, n, form in period_phrases(unit_key)
    for direction, sign in PERIOD_DIRECTIONS[form]
    for lead in ("خلال", "في", "")
]


ADJECTIVE_FIRST_CASES = [
    pytest.param(phrase.format(direction), n, unit_key, sign, id=phrase.format(direction))
    for unit_key in UNITS
    for phrase, n in adjective_first_phrases(unit_key)
    for direction, sign in PERIOD_DIRECTIONS["plural"]
]


class TestCountedPeriods:
    @pytest.mark.parametrize(("text", "count", "unit_key", "sign"), ADJECTIVE_FIRST_CASES)
    def test_count_after_the_direction_word(self, text, count, unit_key, sign):
        """"الأيام الماضية العشرة" is "الأيام العشرة الماضية"."""
        unit = unit_key.removesuffix("-f")
        ref = REFS[0]
        other = edge(ref, unit, sign * count)
        first, last = (other, ref) if sign < 0 else (ref, other)
        assert only(f"ارتفعت الأسعار خلال {text}.", ref) == (
            f"خلال {text}", "range", f"{first.isoformat()}/{last.isoformat()}")

    @pytest.mark.parametrize(("lead", "phrase", "count", "unit_key", "direction", "sign"),
                             PERIOD_CASES)
    def test_every_form_unit_and_direction(self, lead, phrase, count, unit_key, direction, sign):
        """A definite counted period is the span between the reference date and N units
        back (past words) or ahead (future words), its leading preposition included."""
        unit = unit_key.removesuffix("-f")
        text = f"{lead} {phrase} {direction}".strip()
        for ref in REFS:
            other = edge(ref, unit, sign * count)
            first, last = (other, ref) if sign < 0 else (ref, other)
            assert only(f"ارتفعت الأسعار {text}.", ref) == (
                text, "range", f"{first.isoformat()}/{last.isoformat()}")

    @pytest.mark.parametrize("text", [
        "الأيام العشرة الأخيرة من رمضان",
        "خلال السنوات العشر الأخيرة من حكمه",
    ])
    def test_a_period_of_something_else_is_no_span_from_the_reference(self, text):
        """"الأيام العشرة الأخيرة من رمضان" are the last days of another period."""
        assert [m for m in find_dates(text, REFS[0]) if m.kind == "range"] == []


# --- period words with a direction --------------------------------------------------

DIRECTION_WORDS = [  # (masculine, feminine, step)
    ("الماضي", "الماضية", -1),
    ("المنصرم", "المنصرمة", -1),
    ("الفائت", "الفائتة", -1),
    ("الفارط", "الفارطة", -1),
    ("القادم", "القادمة", 1),
    ("المقبل", "المقبلة", 1),
    ("الجاري", "الجارية", 0),
    ("الحالي", "الحالية", 0),
    ("المنقضي", "المنقضية", -1),
    ("الآتي", "الآتية", 1),
]
PERIOD_WORDS = [("الأسبوع", False, "week"), ("الشهر", False, "month"), ("العام", False, "year"),
                ("السنة", True, "year")]
OUR_WORDS = [("أسبوعنا", False, "week"), ("شهرنا", False, "month"), ("عامنا", False, "year"),
             ("سنتنا", True, "year")]


def period_value(ref: dt.date, unit: str, step: int) -> str:
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * step)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    if unit == "month":
        return months_later(ref.replace(day=1), step).isoformat()[:7]
    return f"{ref.year + step:04d}"


def direction_phrases():
    for (noun, feminine, unit), (masc, fem, step) in itertools.product(
        PERIOD_WORDS, DIRECTION_WORDS
    ):
        yield f"{noun} {fem if feminine else masc}", unit, step
    for noun, feminine, unit in PERIOD_WORDS:
        this = "هذه" if feminine else "هذا"
        yield f"{this} {noun}", unit, 0
        yield f"ل{this} {noun}", unit, 0
    for (noun, feminine, unit), (masc, fem, step) in itertools.product(
        OUR_WORDS, DIRECTION_WORDS
    ):
        if step == 0:
            yield f"{noun} {fem if feminine else masc}", unit, 0
    for noun, feminine, unit in OUR_WORDS:
        yield f"{noun} {'هذه' if feminine else 'هذا'}", unit, 0
    for noun, _feminine, unit in PERIOD_WORDS:
        # "للعام الماضي", "بالشهر الماضي", "والأسبوع الماضي", "فالسنة الماضي(ة)"
        yield f"لل{noun[2:]} الماضي", unit, -1
        for clitic in ("ب", "و", "ف"):
            yield f"{clitic}{noun} الماضي", unit, -1
    for noun, _feminine, unit in PERIOD_WORDS[:1]:
        yield f"{noun} قبل الماضي", unit, -2
        yield f"{noun} بعد المقبل", unit, 2


class TestPeriodWords:
    @pytest.mark.parametrize(("phrase", "unit", "step"), list(direction_phrases()))
    def test_every_direction_word_with_every_period_word(self, phrase, unit, step):
        """Each period word with each direction word resolves alike: an ISO week, a month
        or a year, ``step`` periods from the reference date's."""
        for ref in REFS:
            text, kind, value = only(f"تراجعت الصادرات {phrase}، حسب التقرير", ref)
            assert text in (phrase, phrase[1:])  # a clitic و/ف/ب may stay outside the span
            assert (kind, value) == ("relative", period_value(ref, unit, step))


# --- clock times with a part of the day before or after -----------------------------

HOURS = {1: "الواحدة", 2: "الثانية", 4: "الرابعة", 8: "الثامنة", 10: "العاشرة", 11: "الحادية عشرة"}
PARTS = {  # part word before (with a day word), part word after, the hour it gives
    "am": ("صباح اليوم", "صباحا", lambda h: h),
    "dawn": ("فجر اليوم", "فجرا", lambda h: h),
    "pm": ("مساء أمس", "مساء", lambda h: h + 12),
    "afternoon": ("عصر اليوم", "عصرا", lambda h: h + 12),
}


class TestClockWithPartOfDay:
    @pytest.mark.parametrize(("hour", "part"), list(itertools.product(HOURS, PARTS)))
    def test_part_of_day_before_or_after_the_hour(self, hour, part):
        """The part of the day sets the hour whether it comes after the hour ("الساعة
        الثامنة مساء") or before the clock phrase ("مساء أمس على الساعة الثامنة"); the day
        word is a mention of its own."""
        before, after, to_24 = PARTS[part]
        expected = f"{to_24(hour) % 24:02d}:00"
        word = HOURS[hour]
        for text, clock in (
            (f"انطلق الحفل {before} على الساعة {word}", f"الساعة {word}"),
            (f"انطلق الحفل {before} عند {word}", word),
            (f"انطلق الحفل على الساعة {word} {after}", f"الساعة {word} {after}"),
            (f"انطلق الحفل في {word} {after}", f"{word} {after}"),
        ):
            times = [(m.text, m.value) for m in find_dates(text, REFS[0]) if m.kind == "time"]
            assert times == [(clock, expected)], text

    @pytest.mark.parametrize(("text", "value"), [
        ("على الساعة الثانية بعد الظهر", "14:00"),
        ("وحتى 12 ليلاً", "00:00"),
        ("الساعة العاشرة ليلا", "22:00"),
        ("الساعة الثانية ليلا", "02:00"),
        ("الساعة 45 : 12 ظهراً", "12:45"),
        ("عند 08,00 تغ", "08:00"),
    ])
    def test_period_conventions(self, text, value):
        """After noon adds 12; night is 22:00 for ten but 02:00 for two; 12 at night is
        midnight; minutes typed first ("45 : 12") are read back; "تغ" is GMT."""
        assert [m.value for m in find_dates(text, REFS[0]) if m.kind == "time"] == [value]

    @pytest.mark.parametrize(("text", "times"), [
        ("من الساعة الرابعة وحتى العاشرة مساء", ["16:00", "22:00"]),
        ("من الساعة الثامنة إلى الساعة 11 ليلا", ["20:00", "23:00"]),
        ("من الساعة العاشرة حتى الثانية ظهرا", ["10:00", "14:00"]),
        ("من التاسعة صباحا حتى الثالثة عصرا", ["09:00", "15:00"]),
    ])
    def test_span_of_hours_shares_the_end_period(self, text, times):
        """The period after the end of a span of hours sets its start too, unless the start
        is later on the clock ("من العاشرة حتى الثانية ظهرا" starts at 10:00)."""
        assert [m.value for m in find_dates(text, REFS[0]) if m.kind == "time"] == times

    @pytest.mark.parametrize("text", ["فاز في الجولة الثانية", "الدورة الثانية مساء اليوم"])
    def test_ordinals_are_not_hours(self, text):
        """An ordinal adjective without a preposition before it is no clock time."""
        assert [m for m in find_dates(text, REFS[0]) if m.kind == "time"] == []


class TestTimeBesideNumericDate:
    @pytest.mark.parametrize("sep", [" - ", " | ", "، ", " / ", " – ", "|", ", "])
    @pytest.mark.parametrize("date", ["27/11/2025", "2025-11-27", "27.11.2025"])
    def test_date_then_time(self, date, sep):
        """A numeric date and a clock time side by side are two mentions."""
        got = [(m.kind, m.value) for m in find_dates(f"{date}{sep}14:30", REFS[0])]
        assert got == [("date", "2025-11-27"), ("time", "14:30")]


# --- ordinal weekdays ----------------------------------------------------------------

RANKS = {"أول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "آخر": -1}
RANKS_AFTER = {"الأولى": 1, "الثانية": 2, "الثالثة": 3, "الأخيرة": -1}
BARE_WEEKDAYS = {"اثنين": 0, "ثلاثاء": 1, "أربعاء": 2, "خميس": 3, "جمعة": 4, "سبت": 5, "أحد": 6}


def nth_weekday(first: dt.date, last: dt.date, weekday: int, rank: int) -> str:
    days = [first + dt.timedelta(d) for d in range((last - first).days + 1)]
    days = [d for d in days if d.weekday() == weekday]
    return days[rank - 1 if rank > 0 else -1].isoformat()


class TestRankedWeekdays:
    @pytest.mark.parametrize(("rank", "day"), list(itertools.product(RANKS, BARE_WEEKDAYS)))
    def test_nth_weekday_of_a_named_or_relative_month_or_year(self, rank, day):
        """"أول جمعة من مارس 2026", "ثاني أحد من الشهر المقبل", "آخر سبت من السنة" name one
        day each."""
        ref, weekday, n = REFS[0], BARE_WEEKDAYS[day], RANKS[rank]
        periods = {
            "مارس 2026": (dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
            "الشهر المقبل": (dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
            "الشهر الجاري": (dt.date(2025, 11, 1), dt.date(2025, 11, 30)),
            "السنة": (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            "العام المقبل": (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        }
        for period, (first, last) in periods.items():
            text = f"{rank} {day} من {period}"
            assert only(text, ref) == (text, "date", nth_weekday(first, last, weekday, n))

    def test_weekday_then_rank_and_hijri_month(self):
        """"الجمعة الأخيرة من شهر رمضان": Ramadan 1447 runs 18 Feb – 19 Mar 2026 (Umm
        al-Qura); its last Friday is 13 March."""
        assert only("الجمعة الأخيرة من شهر رمضان", REFS[0])[2] == "2026-03-13"
        assert only("أول جمعة من رمضان", REFS[0])[2] == "2026-02-20"


# --- years in a list; counting is not dating ----------------------------------------


class TestYearLists:
    @given(
        years=st.lists(st.integers(1900, 2099), min_size=2, max_size=4, unique=True),
        joiner=st.sampled_from([" و", " أو ", "، ", " و "]),
    )
    @settings(max_examples=60, deadline=None)
    def test_each_year_of_a_list_is_a_year(self, years, joiner):
        """Two or more years 1900–2099 joined by و/أو/a comma are each a year mention."""
        text = "أحداث " + joiner.join(str(y) for y in years) + " غيرت المنطقة"
        got = [(m.kind, m.value) for m in find_dates(text, REFS[0])]
        assert got == [("year", str(y)) for y in years]

    def test_a_list_of_resolution_numbers_is_no_years(self):
        """'قراري مجلس الأمن "2014،2051"' numbers two resolutions."""
        assert find_dates('وفق قراري مجلس الأمن الدولي "2014،2051" المؤكدين', REFS[0]) == []

    def test_a_list_ending_in_a_counted_noun_is_counts(self):
        """"1990 و2000 شخص" counts people."""
        assert find_dates("سجلت 1990 و2000 شخص", REFS[0]) == []


class TestCountingIsNotDating:
    @pytest.mark.parametrize("text", [
        "لليوم الثالث على التوالي",
        "للأسبوع الثاني",
        "للشهر الثامن على التوالي",
        "لليوم الـ15",
        "في اليوم الـ 100 من الحرب",
        "الجولة الخامسة",
        "خلال اليوم الثاني من المعرض",
    ])
    def test_consecutive_counts_are_no_dates(self, text):
        """A count of days, weeks or rounds, with an ordinal or الـ and digits, is no date."""
        assert find_dates(text, REFS[0]) == []

    def test_day_ordinal_of_a_relative_month_is_a_date(self):
        """"اليوم الثالث من الشهر الجاري" names a day of a month."""
        assert only("اليوم الثالث من الشهر الجاري", REFS[0])[2] == "2025-11-03"


# --- properties over drawn counts and reference dates -------------------------------


@settings(max_examples=150, deadline=None)
@given(
    count=st.integers(3, 10),
    unit_key=st.sampled_from(sorted(UNITS)),
    prep=st.sampled_from(PAST_PREPOSITIONS + FUTURE_PREPOSITIONS),
    ref=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
)
def test_any_point_duration_resolves_by_calendar_arithmetic(count, unit_key, prep, ref):
    """For any count and reference date, "prep N units" is N units back or ahead."""
    sign = -1 if prep in PAST_PREPOSITIONS else 1
    plural = UNITS[unit_key][2]
    frame = "أعلنت الوزارة ذلك {}." if sign < 0 else "ستعلن الوزارة النتائج {}."
    got = only(frame.format(f"{prep} {count} {plural}"), ref)
    assert got[2] == point(ref, unit_key.removesuffix("-f"), sign * count)


@settings(max_examples=150, deadline=None)
@given(
    count=st.integers(3, 99),
    unit_key=st.sampled_from(sorted(UNITS)),
    direction=st.sampled_from([("الماضية", -1), ("المقبلة", 1), ("الأخيرة", -1)]),
    ref=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
)
def test_any_counted_period_spans_to_the_reference_date(count, unit_key, direction, ref):
    """For any count and reference date, "الـN units الماضية/المقبلة" is a range with the
    reference date at one end and its other end N calendar units away."""
    word, sign = direction
    unit = unit_key.removesuffix("-f")
    plural = UNITS[unit_key][2]
    text, kind, value = only(f"خلال ال{plural} الـ{count} {word}", ref)
    other = edge(ref, unit, sign * count)
    first, last = (other, ref) if sign < 0 else (ref, other)
    assert (kind, value) == ("range", f"{first.isoformat()}/{last.isoformat()}")
