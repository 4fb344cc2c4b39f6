"""The public extract(): ids, content-type sniffing, bytes and text giving one article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.parse import UnparseablePage, content_id, extract, sniff_content_type
from akhbar.shared.schemas import Article


class TestExtract:
    def test_returns_the_shared_article_model(self, test_data):
        """extract() returns akhbar.shared.schemas.Article."""
        page = (test_data / "parse" / "news_site.html").read_text("utf-8")
        assert isinstance(extract(page), Article)

    def test_given_page_id_is_used(self):
        """The id the ingest service passes is the article id."""
        assert extract("نص قصير.", page_id="abc123").id == "abc123"

    def test_computed_id_is_stable_over_line_endings(self):
        """Without a page_id, the id is a content hash that ignores CRLF vs LF."""
        assert extract("سطر أول\r\nسطر ثان").id == extract("سطر أول\nسطر ثان").id
        assert len(content_id("نص")) == 32
        assert content_id("نص") != content_id("نص آخر")

    def test_bytes_and_text_of_one_page_give_the_same_article(self, test_data):
        """UTF-8 bytes and the decoded text of a page parse to the same fields."""
        raw = (test_data / "parse" / "news_site.html").read_bytes()
        assert extract(raw) == extract(raw.decode("utf-8"))

    def test_content_type_hint_overrides_sniffing(self):
        """content_type="text/plain" reads markup-looking text as plain text."""
        text = "<p> ليس صفحة</p>\nسطر ثان من النص"
        assert sniff_content_type(text) == "text/html"
        assert extract(text, content_type="text/plain").title == "<p> ليس صفحة</p>"


class TestOddInput:
    @settings(max_examples=150, deadline=None)
    @given(st.text(min_size=1).filter(lambda s: s.strip()))
    def test_any_non_blank_text_gives_an_article(self, text):
        """Odd but decodable input never raises: it gives an Article."""
        assert isinstance(extract(text), Article)

    @settings(max_examples=100, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "<div>",
                    "</div>",
                    "<p>",
                    "<br>",
                    "<h1>",
                    "</h1>",
                    "<a href='/x'>",
                    "</a>",
                    "<title>",
                    "</title>",
                    "<meta charset='utf-8'>",
                    "نشر في",
                    "يوم 1 - 2 - 2020",
                    "آخر تحديث",
                    "<script>x</script>",
                    "نص عربي طويل بعض الشيء هنا",
                    " ",
                ]
            ),
            min_size=1,
            max_size=40,
        )
    )
    def test_broken_html_gives_an_article(self, pieces):
        """Unclosed, misnested or contentless HTML still parses to an Article."""
        page = "<html>" + "".join(pieces)
        assert isinstance(extract(page.encode("utf-8")), Article)

    def test_undecodable_noise_is_text_or_a_clear_error(self):
        """Random bytes either decode to some text (an Article) or raise UnparseablePage."""
        noise = bytes(range(256)) * 4
        try:
            assert isinstance(extract(noise), Article)
        except UnparseablePage:
            pass
