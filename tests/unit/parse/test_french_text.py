"""A French plain-text page: title, "Publié le" line, byline and language."""

from __future__ import annotations

import datetime as dt

from akhbar.parse import extract

PAGE = """Le gouvernement adopte le projet de loi de finances

Rabat, le 27 novembre 2025 (MAP) - Le chef du gouvernement Aziz Akhannouch a présidé jeudi \
à Rabat le conseil de gouvernement.

Par Karim Alaoui
Publié le jeudi 27 novembre 2025 à 10h30

Le texte sera examiné le 4 décembre prochain par la Chambre des conseillers.
"""


def test_publication_line_and_byline_are_read_not_kept_in_the_body():
    article = extract(PAGE)
    assert article.title == "Le gouvernement adopte le projet de loi de finances"
    assert article.published == dt.datetime(2025, 11, 27, 10, 30)
    assert not any(p.startswith(("Par ", "Publié")) for p in article.body)
    assert len(article.body) == 2


def test_the_article_is_tagged_french():
    article = extract(PAGE)
    assert article.language == "fr"
    assert article.languages == {}
