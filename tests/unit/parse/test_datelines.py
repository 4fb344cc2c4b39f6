"""A dateline/byline line is told from prose by its form: short, mostly date, time or byline
words. Lines of each family leave; sentences that merely hold a date stay."""

from __future__ import annotations

import pytest

from akhbar.parse.datelines import is_dateline

DATELINES = [
    # Arabic: weekday, date, clock, "last updated", time zone.
    "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)",
    "الإثنين، 24 أغسطس 2020 09:56 ص",
    "تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً",
    "التاريخ: 03 يونيو 2020",
    "الأحد 12 أكتوبر 2025 م | 18 ربيع الآخر 1447 هـ",
    "آخر تحديث: منذ 5 دقائق",
    "١٢ / ٠٣ / ٢٠٢٤ - ١٠:٣٠",
    "نشر في الأول يوم 24 - 11 - 2025",
    # Bylines, with or without a date.
    "بقلم: محمد أحمد - 12 مارس 2024",
    "كتبت أسماء نصار",
    "بقلم: محمد أحمد",
    "حوار: آسيا العتروس",
    # Agency and source credits.
    "--(بترا)",
    "المصدر:",
    "Avec AFP",
    "Par Denis Loctier",
    "Par Jean-Baptiste Chastand et Claire Gatinois",
    "كتب محمد سعد - تصوير أحمد معروف",
    "القاهرة - أ ش أ",
    "(أ. ف. ب)",
    "تقرير: سعاد علي",
    "كتب ـ محمد العجرودي\u200f:\u200f",
    "By Sarah Smith, Reuters",
    # French and English publication lines.
    "Publié le 30/04/2024 - 16:00",
    "Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54",
    "Publié le jeudi 8 janvier 2026 à 07h45, mis à jour le 8 janvier 2026 à 11h02",
    "Mis à jour il y a 3 heures",
    "Il y a 2 heures",
    "Temps de Lecture 4 min.",
    "Updated 3 hours ago",
    "Published on 4 March 2024 at 10:15 GMT",
    # Moroccan French-language outlets' bylines and publication lines.
    "Par Le360 (avec MAP) | Le 27/11/2025 à 14h30",
    "Par Mohamed Amine Hafidi • Publié le jeudi 27 novembre 2025 à 10:15",
    "Rédaction Médias24 | 27 novembre 2025 à 12:00",
    "Hespress FR - Jeudi 27 novembre 2025",
    "27/11/2025 à 11h40 - Par Le Matin",
    "Rabat, 27 nov. 2025 (MAP)",
    "Publié le 27.11.2025 | Temps de lecture : 3 min",
    "Publié le : 27 fév 2025",
    "Par Karim Saidi, correspondant à Rabat",
    "Propos recueillis par Nadia Lamlili",
]

PROSE_WITH_DATES = [
    "ترأس جلالة الملك محمد السادس، يوم الخميس 27 نونبر 2025 بالقصر الملكي بالرباط، مجلسا وزاريا.",
    "أعلنت وزارة الصحة يوم 12 مارس 2024 عن حملة وطنية للتلقيح ضد الحصبة في المدارس.",
    "كتب وزير الخارجية على حسابه في منصة إكس يوم الخميس 27 نونبر 2025 أن المغرب يرحب بالقرار.",
    "TANGER, 7 janvier 2026 – Le port de Tanger Med a traité plus de dix millions de conteneurs.",
    "Le rapport publié le 12/03/2024 montre une hausse nette des exportations agricoles.",
    "Par ailleurs, le ministre a annoncé le 3 mai 2024 un plan de soutien aux éleveurs.",
    "Le conseil se tiendra le 27 novembre à Rabat",
    "Le 27 novembre, Aziz Akhannouch a présidé le conseil de gouvernement à Rabat.",
    "The ministry said on 4 March 2024 that exports of phosphate rose by a fifth.",
    # Short sentences: they end as sentences do.
    "وتوفي في 12 يناير 2024.",
    "Il est mort le 12 janvier 2024.",
    "Mon père est né le 12 mars 1950.",
    # A score line: "صفر" is zero here, not the Hijri month.
    "برشلونة - ريال مدريد صفر-2 (23 ابريل/نيسان 2002)",
    # An interview's question: "س" is no agency initial.
    "س: ما الضرر الواقع عليك؟",
    # "تقرير" (report) opens a sentence; only "تقرير:" is a label.
    "تقرير اللجنة صدر في 12 مارس 2024",
]


class TestDatelines:
    @pytest.mark.parametrize("line", DATELINES)
    def test_date_time_and_byline_lines_are_datelines(self, line):
        """Short lines made mostly of date, time and byline words are datelines."""
        assert is_dateline(line)

    @pytest.mark.parametrize("line", PROSE_WITH_DATES)
    def test_a_sentence_holding_a_date_is_not_a_dateline(self, line):
        """A sentence has a subject, a verb and objects besides its date: it stays prose."""
        assert not is_dateline(line)

    def test_a_long_line_is_never_a_dateline(self):
        """However many dates it holds, a paragraph-length line is not a dateline."""
        line = " - ".join(["الخميس 27 نونبر 2025 10:05"] * 8)
        assert len(line) > 160
        assert not is_dateline(line)

    def test_a_line_without_any_date_or_byline_word_is_not_a_dateline(self):
        """Short text with no date, time or byline word ("المغرب", "Économie") is not one."""
        assert not is_dateline("المغرب")
        assert not is_dateline("Économie")

    def test_a_word_of_marks_only_is_read_as_nothing(self):
        """A lone tatweel or diacritic (folded to nothing) neither counts nor breaks."""
        assert is_dateline("الخميس ـ 27 نونبر 2025 \u064b")
        assert not is_dateline("ـ")
