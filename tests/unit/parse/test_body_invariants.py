"""Invariants of the body over generated pages (HTML and plain text, Arabic and French).

A paragraph that holds a full date stays in the body wherever it sits (the lede, the middle,
the last paragraph), and a printed dateline above the story does not enter it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.parse import extract
from akhbar.parse.textnorm import clean
from tests.unit.parse.generated_pages import html_pages, sentences, stories, text_pages

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LANGUAGES = ("ar", "fr")


@st.composite
def pages(draw, language: str, kind: str):
    paragraphs, dated = draw(stories(language))
    title = draw(sentences(language, min_words=4, max_words=10)).rstrip(".")
    layout = html_pages if kind == "html" else text_pages
    return draw(layout(language, paragraphs, title)), paragraphs, dated


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["html", "text"])
class TestDatedParagraphsStay:
    @_SETTINGS
    @given(data=st.data())
    def test_every_paragraph_survives_in_order_wherever_the_date_is(self, data, language, kind):
        """All story paragraphs come out, in order, including the one holding a full date."""
        page, paragraphs, dated = data.draw(pages(language, kind))
        body = extract(page).body
        expected = [clean(p) for p in paragraphs]
        assert expected[dated] in body
        assert body == expected

    @_SETTINGS
    @given(data=st.data())
    def test_no_dateline_enters_the_body(self, data, language, kind):
        """Body paragraphs are the story's: a printed "Publié le ..." / date line stays out."""
        page, paragraphs, _ = data.draw(pages(language, kind))
        body = extract(page).body
        assert set(body) <= {clean(p) for p in paragraphs}
