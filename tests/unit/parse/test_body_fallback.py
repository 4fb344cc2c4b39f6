"""When the main block cannot be found, the body falls back to the densest text block, then
to every paragraph of prose length: a page that has prose never yields an empty body."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.parse import extract
from akhbar.parse.textnorm import clean
from tests.unit.parse.generated_pages import messy_html_pages, sentences

_SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestEgyptianPageWithoutContainer:
    @pytest.fixture
    def article(self, test_data):
        return extract((test_data / "parse" / "egyptian_no_container.html").read_bytes())

    def test_story_in_a_tab_panel_is_found(self, article):
        """Bare <br>-split text in a "tab-pane" (a furniture word) still gives the story."""
        assert len(article.body) == 3
        assert article.body[0].startswith("تفقد محافظ الجيزة صباح اليوم الأحد")
        assert article.body[-1].endswith("قبل نهاية العام الجاري.")

    def test_dateline_byline_and_lists_stay_out(self, article):
        """The date line, the "كتب ..." byline and the most-read links are not story."""
        text = "\n".join(article.body)
        assert "11:40" not in text and "كتب أحمد سامي" not in text
        assert "أسعار الذهب" not in text

    def test_title_and_date_are_read(self, article):
        """The headline and the printed local date come out as on other pages."""
        assert article.title == "محافظ الجيزة يتفقد أعمال تطوير الطريق الدائري"
        assert article.published_date.isoformat() == "2025-10-12"


@pytest.mark.parametrize("language", ["ar", "fr"])
class TestProseNeverYieldsAnEmptyBody:
    @_SETTINGS
    @given(data=st.data())
    def test_html_page_with_prose_has_a_body(self, data, language):
        """Whatever wraps the prose (tables, list items, furniture-like classes), at least
        one of the page's prose paragraphs is in the body."""
        page, paragraphs = data.draw(messy_html_pages(language))
        body = extract(page, content_type="text/html").body
        assert body
        assert {clean(p) for p in paragraphs} & set(body)

    @_SETTINGS
    @given(data=st.data())
    def test_text_page_with_prose_has_a_body(self, data, language):
        """A plain-text page of prose lines keeps them as its body (a first short line may
        be the title)."""
        lines = data.draw(st.lists(sentences(language, min_words=12), min_size=1, max_size=5))
        body = extract("\n\n".join(lines), content_type="text/plain").body
        assert body
        assert set(body) <= {clean(p) for p in lines}
