"""Plain-text pages: the aggregator layout of the seed page, and text with no structure."""

from __future__ import annotations

import datetime as dt

from akhbar.parse import extract
from akhbar.parse.examples import SEED_PAGE, example_names, read_example


class TestAggregatorTextPage:
    def test_fields_come_from_the_posted_in_line(self, test_data):
        """Title is the line above "نشر في <outlet> يوم <date>"; outlet and date come from it."""
        article = extract((test_data / "parse" / "aggregator_page.txt").read_text("utf-8"))
        assert article.title == "افتتاح الدورة الجديدة لمهرجان الفيلم بمدينة طنجة"
        assert article.source_name == "الصباح"
        assert article.published == dt.date(2021, 10, 3)

    def test_body_leaves_out_widget_and_read_at_source_lines(self, test_data):
        """The image-report widget and "انقر هنا لقراءة الخبر من مصدره" are not body."""
        article = extract((test_data / "parse" / "aggregator_page.txt").read_text("utf-8"))
        assert len(article.body) == 2
        assert article.body[0].startswith("افتتحت مساء أمس")
        assert not any("الإبلاغ" in p or "مصدره" in p for p in article.body)

    def test_ticker_items_split_on_space_runs_each_once_in_order(self, test_data):
        """The ticker line splits on runs of spaces; a repeated headline is kept once."""
        article = extract((test_data / "parse" / "aggregator_page.txt").read_text("utf-8"))
        assert [h.text for h in article.headlines] == [
            "الحكومة تصادق على مشروع قانون المالية",
            "توقعات أحوال الطقس ليوم غد في مختلف الجهات",
            "المنتخب الوطني يستعد لمواجهة حاسمة",
        ]


class TestBundledSeedPage:
    def test_seed_page_is_package_data(self):
        """The seed page ships inside the package and is found by importlib.resources."""
        assert SEED_PAGE in example_names()
        assert "نشر في الأول يوم 24 - 11 - 2025" in read_example()

    def test_seed_page_parses_to_the_expected_article(self):
        """Seed: outlet الأول, published 2025-11-24, 53 ticker headlines, body without widgets."""
        article = extract(read_example())
        assert article.source_name == "الأول"
        assert article.published == dt.date(2025, 11, 24)
        assert len(article.headlines) == 53
        assert article.title.startswith("حموشي: حرص المغرب")
        assert article.body[-1].endswith("وتعزيز مكانة المرأة في عمل الشرطة.")


class TestUnstructuredText:
    def test_one_paragraph_of_text_is_the_body(self, test_data):
        """Text with no title line, date or ticker still gives an article with a body."""
        text = (test_data / "parse" / "unstructured.txt").read_text("utf-8")
        article = extract(text)
        assert article.title == ""
        assert article.body == [" ".join(text.split())]

    def test_short_first_line_is_the_title(self):
        """A short first line followed by text is read as the title."""
        article = extract("عنوان الخبر\nالفقرة الأولى من النص.\nالفقرة الثانية.")
        assert article.title == "عنوان الخبر"
        assert article.body == ["الفقرة الأولى من النص.", "الفقرة الثانية."]
