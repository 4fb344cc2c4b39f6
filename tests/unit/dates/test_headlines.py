"""A headline that prints its own date is read against it, in the extractor and in enrich."""

from __future__ import annotations

import datetime as dt

from akhbar.enrich.dates import find_dates_in_headline

PAGE_DAY = dt.date(2025, 12, 10)  # a Wednesday, two weeks after the headline's own day


class TestHeadlineOwnDate:
    def test_lone_weekday_counts_from_the_headline_date(self):
        """"27/11/2025 | ... الأحد": the Sunday before 27 November, not before 10 December."""
        mentions = find_dates_in_headline("27/11/2025 | الحكومة تعلن، الأحد، خطة جديدة", PAGE_DAY)
        assert [(m.text, m.value) for m in mentions] == [
            ("27/11/2025", "2025-11-27"), ("الأحد", "2025-11-23")]

    def test_yesterday_counts_from_the_headline_date(self):
        """"الخميس 27 نوفمبر 2025: ... أمس" is 26 November."""
        mentions = find_dates_in_headline("الخميس 27 نوفمبر 2025: وصل الوفد أمس", PAGE_DAY)
        assert [m.value for m in mentions] == ["2025-11-27", "2025-11-26"]

    def test_headline_without_a_date_uses_the_page_date(self):
        """Without a date of its own a headline counts from the page's publication date."""
        mentions = find_dates_in_headline("الحكومة تعلن، الأحد، خطة جديدة", PAGE_DAY)
        assert [m.value for m in mentions] == ["2025-12-07"]


class TestEnrichReadsHeadlinesByTheirDate:
    def test_enrich_resolves_a_headline_weekday_against_the_headline_date(self):
        """enrich's core reads each headline field with its own date, the body with the page's."""
        from akhbar.enrich.core import enrich
        from akhbar.shared.schemas import Article, Headline

        article = Article(
            id="a1",
            title="الحكومة تعلن، الأحد، خطة جديدة",
            published=PAGE_DAY,
            headlines=[Headline(text="27/11/2025 | الحكومة تعلن، الأحد، خطة جديدة")],
        )
        dates = {(d.field, d.text): d.value for d in enrich(article).dates}
        assert dates[("title", "الأحد")] == "2025-12-07"
        assert dates[("headlines.0", "الأحد")] == "2025-11-23"
