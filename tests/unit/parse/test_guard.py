"""Nesting bombs are defused before parsing; ordinary pages pass through unchanged."""

from __future__ import annotations

from akhbar.parse import extract
from akhbar.parse.guard import MAX_RUN, defuse


class TestDefuse:
    def test_a_run_of_unclosed_tags_is_cut_to_the_limit_keeping_text(self):
        html = "<div>" * 1000 + "<p>النص</p>" + "</div>" * 1000
        out = defuse(html)
        assert out.count("<div>") == MAX_RUN
        assert "النص" in out

    def test_bytes_are_defused_like_text(self):
        html = ("<span>" * 600 + "نص" + "</span>" * 600).encode()
        assert defuse(html).count(b"<span>") == MAX_RUN

    def test_ordinary_nesting_and_void_runs_are_untouched(self):
        html = "<html><body>" + "<div><p>فقرة<br><br><img src=a.png></p></div>" * 300 + "</body></html>"
        html += "<br>" * 400
        assert defuse(html) == html

    def test_a_nesting_bomb_still_gives_its_text_as_the_body(self):
        html = "<div>" * 50_000 + "<p>قنبلة وسوم متداخلة</p>" + "</div>" * 50_000
        assert extract(html).body == ["قنبلة وسوم متداخلة"]
