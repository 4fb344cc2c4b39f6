"""The public extract(): ids, content-type sniffing, bytes and text giving one article."""

from __future__ import annotations

from akhbar.parse import content_id, extract, sniff_content_type
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
