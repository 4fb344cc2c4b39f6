"""The lede stays even when it carries a full date; datelines and bylines leave the body and
give the publication date, in Arabic and in French ("Publié le ...")."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.parse import extract


class TestLedeWithDate:
    @pytest.fixture
    def article(self, test_data):
        return extract((test_data / "parse" / "lede_with_date.html").read_bytes())

    def test_short_lede_with_a_full_date_is_the_first_paragraph(self, article):
        """"ترأس ... يوم الخميس 27 نونبر 2025 بالقصر الملكي بالرباط، ..." opens the body."""
        assert article.body[0].startswith("ترأس جلالة الملك محمد السادس، يوم الخميس 27 نونبر 2025")
        assert len(article.body) == 4

    def test_with_no_dateline_the_metadata_date_is_used_not_the_ledes(self, article):
        """No dateline is printed: the metadata's publication time is the date."""
        assert article.published == dt.datetime(2025, 11, 27, 9, 5, tzinfo=dt.UTC)

    def test_a_dateline_above_the_lede_gives_the_date_and_leaves_the_body(self):
        """A short date-and-time line under the headline is read, and is not a paragraph."""
        page = (
            "<html><body><h1>عنوان الخبر هنا</h1><div>الخميس 27 نونبر 2025 - 10:05</div>"
            "<p>ترأس جلالة الملك محمد السادس، يوم الخميس 27 نونبر 2025 بالقصر الملكي بالرباط، "
            "مجلسا وزاريا.</p><p>وخلال هذا المجلس، صادق المجلس الوزاري على مشروع قانون إطار "
            "يتعلق بالإصلاح الضريبي.</p></body></html>"
        )
        article = extract(page)
        assert article.published == dt.datetime(2025, 11, 27, 10, 5)
        assert [p[:4] for p in article.body] == ["ترأس", "وخلا"]


class TestFrenchPage:
    @pytest.fixture
    def article(self, test_data):
        return extract((test_data / "parse" / "french_publie_le.html").read_bytes())

    def test_publie_le_line_gives_the_local_publication_time(self, article):
        """"Publié le jeudi 8 janvier 2026 à 07h45, mis à jour ..." is read, not the update."""
        assert article.published == dt.datetime(2026, 1, 8, 7, 45)

    def test_byline_dateline_share_and_ad_label_are_not_body(self, article):
        """"Par ...", "Publié le ...", the share bar and a lone "Publicité" leave the body."""
        text = "\n".join(article.body)
        for furniture in ("Par Salma", "Publié le", "Partager", "Publicité"):
            assert furniture not in text

    def test_lede_with_a_date_stays_first(self, article):
        """"TANGER, 7 janvier 2026 – Le port ..." is the lede and stays."""
        assert article.body[0].startswith("TANGER, 7 janvier 2026 – Le port de Tanger Med")
        assert len(article.body) == 4

    def test_title_and_outlet(self, article):
        """The displayed headline and og:site_name."""
        assert article.title == "Le port de Tanger Med bat un record de trafic"
        assert article.source_name == "Le Quotidien"


class TestPlainTextDatelines:
    def test_french_text_page_reads_publie_le_and_keeps_a_dated_lede(self):
        """Title, "Publié le" line (the date), then a lede that holds a date and stays."""
        text = (
            "Le port de Tanger Med bat un record de trafic\n"
            "Publié le 8 janvier 2026 à 07h45\n"
            "TANGER, 7 janvier 2026 – Le port de Tanger Med a traité plus de dix millions "
            "de conteneurs l'an dernier.\n"
            "Ce volume place le complexe portuaire au premier rang en Méditerranée.\n"
        )
        article = extract(text)
        assert article.title == "Le port de Tanger Med bat un record de trafic"
        assert article.published == dt.datetime(2026, 1, 8, 7, 45)
        assert article.body[0].startswith("TANGER, 7 janvier 2026")
        assert len(article.body) == 2

    def test_short_arabic_lede_with_a_date_stays_when_no_dateline_is_printed(self):
        """With no dateline, a short lede's date is the publication date, and the lede stays."""
        text = (
            "المجلس الوزاري يصادق على الإصلاح الضريبي\n"
            "ترأس الملك يوم الخميس 27 نونبر 2025 مجلسا وزاريا بالرباط.\n"
            "وصادق المجلس على مشروع قانون إطار يتعلق بالإصلاح الضريبي.\n"
        )
        article = extract(text)
        assert article.published == dt.date(2025, 11, 27)
        assert article.body[0].startswith("ترأس الملك يوم الخميس 27 نونبر 2025")

    def test_moroccan_french_byline_and_update_line_give_the_publication_time(self):
        """"Par ... • Publié le ... - Mis à jour le ..." under the title: the publication
        time is read, not the update, and the line leaves the body."""
        text = (
            "Akhannouch préside le conseil de gouvernement\n"
            "Par Karim Saidi • Publié le jeudi 27 novembre 2025 à 10:15 - Mis à jour le "
            "28/11/2025 à 09h12\n"
            "Le chef du gouvernement Aziz Akhannouch a présidé jeudi à Rabat le conseil de "
            "gouvernement, consacré au projet de loi de finances.\n"
            "Propos recueillis par Nadia Lamlili\n"
            "Le conseil a également adopté plusieurs projets de décrets.\n"
        )
        article = extract(text)
        assert article.title == "Akhannouch préside le conseil de gouvernement"
        assert article.published == dt.datetime(2025, 11, 27, 10, 15)
        assert [p[:9] for p in article.body] == ["Le chef d", "Le consei"]
        assert article.language == "fr"
