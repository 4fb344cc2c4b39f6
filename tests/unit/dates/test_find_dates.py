"""Behaviour of ``find_dates`` rule by rule, on sentences written as newspapers write them."""

from __future__ import annotations

import datetime as dt

import pytest

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


class TestMonthNames:
    def test_double_form_keeps_its_modifier(self):
        """"مايو / أيار الماضي": the relative word after a double form still counts."""
        assert values("التي شكلت في مايو / أيار الماضي .", dt.date(2007, 6, 1)) == [
            ("في مايو / أيار الماضي", "month", "2007-05")]

    def test_year_after_words_for_year(self):
        """"26 يوليو من عام 1987" takes its year from "من عام"."""
        assert values("توفي في 26 يوليو من عام 1987")[0][2] == "1987-07-26"

    def test_year_named_relatively_after_the_month(self):
        """"في شهر مارس من السنة الماضية", "15 يناير من العام المقبل", "من هذا العام"."""
        assert values("في شهر مارس من السنة الماضية")[0][2] == "2024-03"
        assert values("يوم 15 يناير من العام المقبل")[0][2] == "2026-01-15"
        assert values("في أكتوبر من هذا العام")[0][2] == "2025-10"

    def test_weekday_picks_the_year(self):
        """A yearless date with its weekday takes the year where the weekday agrees."""
        assert values("يوم الأربعاء 19 يوليوز", dt.date(2007, 6, 1))[0][2] == "2006-07-19"

    def test_disagreeing_double_form_is_not_one_month(self):
        """"يونيو/ أكتوبر" names two months: no single value is made of them."""
        assert all(v[2] != "2025-06-03" for v in values("في 3 يونيو/ أكتوبر 2025"))

    def test_place_named_after_a_date_is_not_a_date(self):
        """"ملعب 11 يوليو", "مدينة 6 أكتوبر" are names."""
        assert values("المباراة التي جرت بملعب 11 يوليو") == []
        assert values("في معسكره بمدينة 6 اكتوبر") == []

    def test_month_name_after_a_preposition(self):
        """"في مارس" is a month; the verb مارس never follows a preposition."""
        assert values("وسيقدم المشروع في مارس .")[0][1:] == ("month", "2026-03")

    def test_father_is_not_august(self):
        """"إلى أب مغربي": أب without madda after a preposition is "father"."""
        assert values("ينتمي إلى أب مغربي وأم فرنسية") == []


class TestHijri:
    def test_hijri_date_with_ancient_year_gives_nothing(self):
        """"21 من رمضان سنة 40 للهجرة" is outside the convertible range: no wrong value."""
        assert values("قتل في 21 من رمضان سنة 40 للهجرة") == []

    def test_hijri_month_alone_is_a_name(self):
        """"رمضان صبحي" is a footballer; a Hijri month needs a day, a year or "شهر"."""
        assert values("وسجل رمضان صبحي الهدف الثاني") == []

    def test_epithet_between_month_and_year(self):
        """"15 رمضان المبارك 1446 هـ": the epithet does not cut the year off."""
        assert values("مساء 15 رمضان المبارك 1446 هـ", dt.date(2025, 3, 1))[0][2] == "2025-03-15"

    def test_month_written_without_space(self):
        """"ذوالحجة" as some sites write it."""
        assert values("يوم 10 ذوالحجة 1446")[0][2] == "2025-06-06"

    def test_month_of_ramadan_is_its_days(self):
        """"شهر رمضان" is the whole month nearest the reference date."""
        assert values("خلال شهر رمضان", dt.date(2025, 2, 20))[0][2] == "2025-03-01/2025-03-29"


class TestRelative:
    def test_word_inside_a_name_does_not_hide_the_next_expression(self):
        """"باول أمس الأول": "أول" inside "باول" is skipped, "أمس الأول" is found."""
        assert values("وزير الخارجية باول أمس الأول", dt.date(2007, 6, 1)) == [
            ("أمس الأول", "relative", "2007-05-30")]

    def test_day_of_the_current_month(self):
        """"السادس والعشرين من الشهر الجاري" is a day of the reference month."""
        assert values("في السادس والعشرين من الشهر الجاري")[0][2] == "2025-11-26"

    def test_dual_modifier(self):
        """"يومي السبت والأحد الماضيين": the dual modifier makes both days one past span."""
        assert values("يومي السبت والاحد الماضيين") == [
            ("يومي السبت والاحد الماضيين", "range", "2025-11-22/2025-11-23")]

    def test_general_is_not_year(self):
        """"الأمين العام السابق": العام after a definite noun means "general"."""
        assert values("وقال الأمين العام السابق للحزب") == []

    def test_ghadan_the_verb_is_not_tomorrow(self):
        """"غدا الأمر صعبا" (it became difficult) and "غدا واضحا" are not tomorrow."""
        assert values("وقد غدا الأمر صعبا على الجميع") == []
        assert values("وغدا واضحا أن الحكومة تراجعت") == []

    def test_ghadan_before_a_preposition_is_tomorrow(self):
        """"يلتقي الفريقان غدا في الدار البيضاء"."""
        assert values("وسيلتقي الفريقان غدا في الدار البيضاء") == [
            ("غدا", "relative", "2025-11-25")]

    def test_bil_ams_is_yesterday_but_al_ams_alone_is_the_past(self):
        """"بالأمس" is yesterday; "رجال الأمس" (yesterday's men) is not a day."""
        assert values("وأعلن بالأمس أن")[0][2] == "2025-11-23"
        assert values("رجال الأمس واليوم")[:1] != [("الأمس", "relative", "2025-11-23")]

    def test_last_night(self):
        """"الليلة الماضية" is the day before."""
        assert values("وقعت الليلة الماضية") == [("الليلة الماضية", "relative", "2025-11-23")]


class TestYears:
    def test_second_year_of_a_pair(self):
        """"عامي 2000 و2001": both are years."""
        assert [v[2] for v in values("كانت عامي 2000 و2001 .")] == ["2000", "2001"]

    def test_before_christ_is_not_a_year(self):
        """"سنة 1500 ق.م." has no value in the Gregorian forms."""
        assert values("وبحلول سنة 1500 ق.م. كانت") == []

    def test_count_after_loose_preposition(self):
        """"في 2024 عملية": a counted noun follows, so 2024 is a count."""
        assert values("وحجزت المصالح المخدرات في 2024 عملية") == []

    def test_year_then_verb(self):
        """"وفي 2024 سجلت": a verb follows, so 2024 is a year."""
        assert values("وفي 2024 سجلت الشركة أرباحا")[0][2] == "2024"

    def test_amount_after_quantity_word(self):
        """"أكثر من 2000" is an amount."""
        assert values("وشارك أكثر من 2000 .") == []


class TestRanges:
    def test_numeric_dates_joined_as_a_range(self):
        """"من 01/12/2025 إلى 05/12/2025" is one inclusive range."""
        assert values("من 01/12/2025 إلى 05/12/2025")[0][1:] == (
            "range", "2025-12-01/2025-12-05")

    def test_month_to_month(self):
        """"من يناير إلى مارس 2025" runs from 1 January to 31 March."""
        assert values("خلال الفترة من يناير إلى مارس 2025")[0][1:] == (
            "range", "2025-01-01/2025-03-31")

    def test_month_range_over_new_year(self):
        """"من نونبر إلى فبراير المقبل" ends in next year's February."""
        assert values("من نونبر إلى فبراير المقبل")[0][2] == "2025-11-01/2026-02-28"

    def test_two_months_without_intro_are_a_list(self):
        """"يناير ومارس" names two months, not the span between them."""
        assert all(v[1] != "range" for v in values("في يناير ومارس"))

    def test_ila_makes_a_range_without_intro(self):
        """"24 إلى 27 نونبر": "إلى" alone says from-to."""
        assert values("في 24 إلى 27 نونبر")[0][2] == "2025-11-24/2025-11-27"

    def test_days_written_with_al(self):
        """"من الـ 3 إلى الـ 5 يونيو" (tatweel and the article before the days)."""
        assert values("من الـ 3 إلى الـ 5 يونيو 2026")[0][2] == "2026-06-03/2026-06-05"

    def test_consecutive_days_are_a_range_without_intro(self):
        """"24 و25 نونبر" (two consecutive days) is a range."""
        assert values("الدورة المنعقدة 24 و25 نونبر")[0][2] == "2025-11-24/2025-11-25"

    def test_two_days_apart_without_intro_are_not_a_range(self):
        """"في 3 و5 يونيو" may be two separate days: no range spanning the 4th."""
        assert all(v[1] != "range" for v in values("وستجرى الانتخابات في 3 و5 يونيو"))


class TestTimes:
    def test_period_after_min_sets_the_hour_but_not_the_span(self):
        """"الساعة الثامنة من مساء أمس": 20:00, and "مساء أمس" stays its own day."""
        assert values("وصل الساعة الثامنة من مساء أمس") == [
            ("الساعة الثامنة", "time", "20:00"), ("مساء أمس", "relative", "2025-11-23")]

    def test_hour_word_without_saa_after_a_preposition(self):
        """"في العاشرة صباحا" is 10:00; "الدورة الثانية مساء" is the second session."""
        assert values("وتنطلق الجلسة في العاشرة صباحا") == [("العاشرة صباحا", "time", "10:00")]
        assert values("وتعقد الدورة الثانية مساء") == []

    def test_bare_hh_mm_needs_a_period_or_zone(self):
        """A bare 14:30 without a period word or a time zone is left alone (a score?)."""
        assert values("وانتهت النتيجة 14:30 بعد التمديد") == []


class TestBylinesAndTemplates:
    def test_month_first_template_date(self):
        """"نوفمبر 24, 2025", the order many site templates print."""
        assert values("نشر في نوفمبر 24, 2025")[0][1:] == ("date", "2025-11-24")

    def test_clock_after_a_dateline(self):
        """"الأحد 23 نوفمبر 2025 - 10:30": a bare time right after a date is a time."""
        assert ("10:30", "time", "10:30") in values("الأحد 23 نوفمبر 2025 - 10:30")

    def test_dotted_clock_needs_a_period_word(self):
        """"10.30 صباحا" is a time; "3.25 في المائة" is a decimal."""
        assert values("على الساعة 10.30 صباحا")[0][2] == "10:30"
        assert values("ارتفع بنسبة 3.25 في المائة") == []

    def test_midnight(self):
        """"منتصف الليل" is 00:00; "منتصف ليل الجمعة" names a night, not a time."""
        assert values("عند منتصف الليل") == [("منتصف الليل", "time", "00:00")]
        assert values("بعد منتصف ليل الجمعة") == []


class TestYearLeads:
    def test_longest_lead_wins(self):
        """"ابتداء من 2026" is a year even though "من" alone would need more."""
        assert values("ابتداء من 2026 ستصبح الخدمة إلزامية")[0][2] == "2026"

    def test_event_named_with_its_year(self):
        """"أولمبياد باريس 2024": the event word may be two words before the year."""
        assert values("وشارك في أولمبياد باريس 2024 بوفد كبير")[0][2] == "2024"


class TestNamesThatLookLikeDates:
    def test_outlets_named_today(self):
        """"المصري اليوم", "قناة روسيا اليوم" are outlets; "أعلنت روسيا اليوم" is today."""
        assert values("ذكرت صحيفة المصري اليوم أن") == []
        assert values("وقالت قناة روسيا اليوم إن") == []
        assert values("أعلنت روسيا اليوم أنها")[0][2] == "2025-11-24"

    def test_events_remembered_by_their_day(self):
        """"حركة 20 فبراير", "أحداث 16 ماي": a yearless day naming an event gets no value."""
        assert values("خرجت حركة 20 فبراير إلى الشارع") == []
        assert values("بعد أحداث 16 ماي الإرهابية") == []

    def test_verb_marasa_after_a_particle(self):
        """"الذي مارس 2000 عملية": after الذي/قد, مارس is the verb even before a number."""
        assert values("الذي مارس 2000 عملية") == []
        assert values("منذ مارس 2020")[0][2] == "2020-03"

    def test_year_of_birth(self):
        """"من مواليد 1990" is a year."""
        assert values("وهو من مواليد 1990 بمدينة فاس")[0][2] == "1990"


class TestBareWeekdays:
    def test_publication_day_is_today_whatever_the_tense(self):
        """"وكان المجلس قد صادق الاثنين" published on a Monday is that Monday."""
        assert values("وكان المجلس قد صادق، الاثنين، على المشروع")[0][2] == "2025-11-24"

    def test_future_sentence_looks_ahead(self):
        """"سيلتقي الوزير الخميس" published on a Monday is the coming Thursday."""
        assert values("وسيلتقي الوزير الخميس نظيره الفرنسي")[0][2] == "2025-11-27"

    def test_report_looks_back(self):
        """"أطلق السبت" published on a Monday is the Saturday just gone."""
        assert values("وكان رئيس الحكومة أطلق السبت مبادرة")[0][2] == "2025-11-22"


class TestPrefixes:
    def test_weekday_with_modifier_before_the_day(self):
        """"يوم الاثنين المقبل 1 دجنبر" is one date."""
        assert values("يوم الاثنين المقبل 1 دجنبر") == [
            ("يوم الاثنين المقبل 1 دجنبر", "date", "2025-12-01")]

    def test_time_of_day_and_today_before_weekday_and_day(self):
        """"مساء اليوم الثلاثاء 30 شتنبر" is one date, prefix included."""
        assert values("ابتداء من مساء اليوم الثلاثاء 30 شتنبر", dt.date(2025, 9, 30)) == [
            ("مساء اليوم الثلاثاء 30 شتنبر", "date", "2025-09-30")]


class TestWeekdayWitness:
    def test_today_with_another_weekday_follows_the_weekday(self):
        """"اليوم الأربعاء" under a Monday reference is that week's Wednesday."""
        assert values("أسعار صرف العملات اليوم الأربعاء")[0][2] == "2025-11-26"

    def test_yesterday_with_its_weekday_is_unchanged(self):
        """"أمس الأحد" under a Monday reference is the Sunday before."""
        assert values("وكان الاجتماع قد انعقد أمس الأحد")[0][2] == "2025-11-23"


class TestMoreShapes:
    def test_that_day_and_per_day_are_not_today(self):
        """"في ذلك اليوم" (that day), "مرتين في اليوم" (a day), "طوال اليوم" are not dates."""
        assert values("ولعب في ذلك اليوم مع فريقه") == []
        assert values("ثلاث مرات في اليوم") == []

    def test_awwal_without_article_is_the_first(self):
        """"في أول نوفمبر 2025" is the first of November."""
        assert values("وفي أول نوفمبر 2025 وقعت المعاهدة")[0][2] == "2025-11-01"

    def test_month_dash_month(self):
        """"يوليو - اغسطس 2004": a dash makes two months one span."""
        assert values("بحلول يوليو - اغسطس 2004")[0][2] == "2004-07-01/2004-08-31"


class TestNamesAndWordsFromRealNews:
    @pytest.mark.parametrize("text", [
        "أوضح مراسل روسيا اليوم أن الكاميرا تحطمت",
        "في برنامجه القاهرة اليوم من تصريحات",
        "أحمد حجازي – عين اليوم",
        "أكد المختصون لـ«اليوم» على ارتفاع النسبة",
        "نحن في أمس الحاجة إلى الدعم",
        "المتحدث باسم حزب 6 أبريل، إن",
        "اجتماع قوى 14 آذار الأسبوعي",
        "رئيس فرقة العاشر من رمضان",
        "وأكد المدير العام المقبل للمكتب",
        "العدد 12 الماضي من المجلة",
    ])
    def test_outlets_parties_units_and_words_are_no_dates(self, text):
        """Outlets and programmes named "اليوم", أمسّ "direst", movements, coalitions and police
        units named after a day, "العام" as "general", issue numbers: no date."""
        assert values(text) == []

    def test_day_of_a_month_named_by_a_bare_relative_word(self):
        """"بتاريخ 2 الجاري" is the 2nd of the current month, "يوم 28 الماضي" of the last."""
        assert values("سرقت بتاريخ 2 الجاري")[0][1:] == ("date", "2025-11-02")
        assert values("وقع يوم 28 الماضي")[0][1:] == ("date", "2025-10-28")

    def test_general_year_reads_last_year_after_an_adjective(self):
        """"في السوق الدولية العام الماضي": after a definite adjective العام is still a year."""
        assert values("تراجع السعر في السوق الدولية العام الماضي") == [
            ("العام الماضي", "relative", "2024")]

    def test_ambiguous_weekday_with_a_comma_after(self):
        """"الأحد،" after a place name is Sunday: a comma after it is enough."""
        assert values("هجوم في مدينة كركوك شمالي العراق الأحد، حسبما أفادت مصادر") == [
            ("الأحد", "weekday", "2025-11-23")]

    def test_double_form_month_is_a_month(self):
        """"تموز (يوليو)": the second name of the same month makes تموز a month."""
        assert values("نمت الأنشطة خلال تموز (يوليو)") == [
            ("خلال تموز (يوليو)", "month", "2025-07")]

    def test_noon_and_afternoon_in_construct_set_the_hour(self):
        """"الساعة الواحدة من ظهر اليوم" is 13:00, "الثالثة من عصر أمس" 15:00; the day part
        opens its own day mention."""
        assert values("عند الساعة الواحدة من ظهر اليوم") == [
            ("الساعة الواحدة", "time", "13:00"), ("ظهر اليوم", "relative", "2025-11-24")]
        assert values("في الثالثة من عصر أمس") == [
            ("الثالثة", "time", "15:00"), ("عصر أمس", "relative", "2025-11-23")]

    def test_pm_letter_after_saa(self):
        """"الساعة 6 م": the bylines' م is post meridiem after an hour."""
        assert values("تمام الساعة 6 م بتوقيت النمسا") == [("الساعة 6 م", "time", "18:00")]

    def test_weekday_in_brackets_after_today(self):
        """"اليوم (الخميس)", as Saudi papers write it, is one mention led by its weekday."""
        assert values("يبدأ اليوم (الخميس) المؤتمر") == [
            ("اليوم (الخميس)", "relative", "2025-11-27")]

    def test_qabl_ams_is_the_day_before_yesterday(self):
        """"قبل أمس" (Gulf usage) is the day before yesterday, like "أول أمس"."""
        assert values("وصل الوفد قبل أمس إلى الرياض") == [("قبل أمس", "relative", "2025-11-22")]
