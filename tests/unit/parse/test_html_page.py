"""HTML pages: displayed title, printed date, body without furniture, headline lists, links."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.parse import extract


@pytest.fixture
def news_site(test_data):
    return extract(
        (test_data / "parse" / "news_site.html").read_bytes(), url="https://example-news.test/x"
    )


@pytest.fixture
def aggregator(test_data):
    return extract((test_data / "parse" / "aggregator.html").read_bytes())


class TestTitle:
    def test_title_is_the_displayed_heading_not_the_logo_or_title_tag(self, news_site):
        """The <h1> matching the metadata wins over the logo <h1> and the "- site" <title>."""
        assert news_site.title == "الحكومة تعلن خطة جديدة لدعم المزارعين في الشمال"

    def test_site_name_is_cut_from_the_title_tag_when_no_heading_matches(self):
        """Without a matching heading, "<headline> | <site>" loses the site name."""
        page = (
            "<html><head><title>ارتفاع أسعار الذهب في الأسواق المحلية | موقع الأخبار</title>"
            '<meta property="og:site_name" content="موقع الأخبار"></head>'
            "<body><p>نص قصير.</p></body></html>"
        )
        assert extract(page).title == "ارتفاع أسعار الذهب في الأسواق المحلية"


class TestPublished:
    def test_printed_local_date_beats_utc_metadata(self, news_site):
        """Printed "5 تشرين الثاني 2020 - 01:30 ص" wins over metadata 2020-11-04T22:30Z."""
        assert news_site.published == dt.datetime(2020, 11, 5, 1, 30)

    def test_metadata_date_is_used_when_nothing_is_printed(self):
        """With no printed date line, article:published_time is the publication date."""
        page = (
            '<html><head><meta property="article:published_time" content="2021-03-02T10:00:00+03:00">'
            "</head><body><h1>عنوان</h1><p>نص الخبر هنا.</p></body></html>"
        )
        assert extract(page).published_date == dt.date(2021, 3, 2)

    def test_json_ld_date_published_is_read(self):
        """JSON-LD datePublished of a NewsArticle counts as metadata."""
        page = (
            '<html><head><script type="application/ld+json">'
            '{"@context":"https://schema.org","@type":"NewsArticle","headline":"عنوان الخبر",'
            '"datePublished":"2022-07-01T08:00:00Z"}</script></head>'
            "<body><h1>عنوان الخبر</h1><p>نص الخبر هنا.</p></body></html>"
        )
        assert extract(page).published_date == dt.date(2022, 7, 1)

    def test_only_last_updated_line_is_used_when_it_is_the_only_date(self):
        """A lone "آخر تحديث" line next to the headline is the date there is."""
        page = (
            "<html><body><h1>عنوان الخبر الكامل هنا</h1>"
            "<div>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</div>"
            "<p>نص الخبر هنا.</p></body></html>"
        )
        assert extract(page, url="http://x.test/2013/8/3/story").published == dt.date(2013, 8, 28)

    def test_date_in_the_url_is_the_last_resort(self):
        """With no printed or metadata date, /YYYY/M/D/ in the URL is used."""
        page = "<html><body><h1>عنوان</h1><p>نص.</p></body></html>"
        assert extract(page, url="http://x.test/2013/8/3/story").published == dt.date(2013, 8, 3)


class TestBody:
    def test_body_is_the_article_paragraphs_in_order(self, news_site):
        """The three story paragraphs, in order, and nothing else."""
        assert [p[:12] for p in news_site.body] == ["أعلنت الحكوم", "وقال وزير ال", "وأضاف أن الو"]

    def test_share_bar_caption_read_also_and_comments_are_not_body(self, news_site):
        """Share buttons, figure caption, "اقرأ أيضا" link and reader comments are left out."""
        text = " ".join(news_site.body)
        for furniture in ("شارك", "خلال المؤتمر الصحفي", "اقرأ أيضا", "تعليق من قارئ"):
            assert furniture not in text


class TestHeadlines:
    def test_ticker_is_reported_each_item_once_with_absolute_links(self, news_site):
        """The breaking-news ticker wins over most-read; a repeated item appears once."""
        assert [h.text[:10] for h in news_site.headlines] == [
            "وزير المال",
            "ارتفاع أسع",
            "منتخب الشب",
        ]
        assert news_site.headlines[0].url == "https://example-news.test/a/1"

    def test_most_read_list_is_used_when_there_is_no_ticker(self):
        """Without a ticker or latest-news list, the most-read list is the headline list."""
        page = (
            '<html><body><h1>عنوان</h1><p>نص.</p><div class="most-read"><ul>'
            '<li><a href="/1">خمسة أسباب وراء ارتفاع الأسعار</a></li>'
            '<li><a href="/2">دراسة جديدة تكشف فوائد المشي اليومي</a></li>'
            "</ul></div></body></html>"
        )
        assert len(extract(page).headlines) == 2


class TestAggregatorHtml:
    def test_outlet_and_date_come_from_posted_in_line(self, aggregator):
        """ "نشر في هسبريس يوم ١٢ - ٠٩ - ٢٠٢٠" gives the outlet and date, not og:site_name."""
        assert aggregator.source_name == "هسبريس"
        assert aggregator.published == dt.date(2020, 9, 12)

    def test_original_url_is_the_read_at_source_link(self, aggregator):
        """ "انقر هنا لقراءة الخبر من مصدره" links to the original story."""
        assert aggregator.original_url == "https://www.hespress.test/article/123"

    def test_body_has_no_widget_or_source_link_text(self, aggregator):
        """The image-report widget and the read-at-source line are not body paragraphs."""
        assert len(aggregator.body) == 2
        assert not any("الإبلاغ" in p or "مصدره" in p for p in aggregator.body)

    def test_marquee_ticker_items_are_headlines(self, aggregator):
        """Links in a <marquee> ticker are the headline list."""
        assert len(aggregator.headlines) == 3


class TestSourceName:
    def test_site_name_from_title_suffix_when_no_metadata_names_it(self, test_data):
        """Without og:site_name, the part the <title> adds to the headline is the site."""
        article = extract((test_data / "parse" / "windows1256.html").read_bytes())
        assert article.source_name == "الصباح"
        assert article.published == dt.date(2019, 2, 8)
