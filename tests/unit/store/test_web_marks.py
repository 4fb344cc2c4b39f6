"""Cutting text into marked pieces (article highlights, search snippets) and the charts'
geometry: pure functions, no store."""

from __future__ import annotations

import datetime as dt

from akhbar.store.normalize import search_tokens
from akhbar.store.web import charts
from akhbar.store.web.marks import Piece, Span, pieces, place, snippet, word_spans

TEXT = "قال عزيز أخنوش اليوم الخميس بالرباط إن الاستثمار أولوية"


def marked(out: list[Piece]) -> list[tuple[str, str | None]]:
    return [(p.text, p.kind) for p in out if p.kind]


class TestPieces:
    def test_pieces_join_back_to_the_text_and_mark_the_spans(self):
        start = TEXT.index("عزيز أخنوش")
        out = pieces(TEXT, [Span(start, start + 10, "PER", surface="عزيز أخنوش", tip="عزيز أخنوش · شخص")])
        assert "".join(p.text for p in out) == TEXT
        assert marked(out) == [("عزيز أخنوش", "PER")]

    def test_offsets_that_miss_their_surface_are_moved_to_the_nearest_occurrence(self):
        start = TEXT.index("بالرباط")
        moved = place(TEXT, Span(start - 3, start + 4, "LOC", surface="بالرباط"))
        assert TEXT[moved.start : moved.end] == "بالرباط"

    def test_a_surface_not_in_the_text_is_not_marked(self):
        assert place(TEXT, Span(0, 3, "LOC", surface="الدار البيضاء")) is None
        assert marked(pieces(TEXT, [Span(0, 3, "LOC", surface="الدار البيضاء")])) == []

    def test_overlaps_keep_the_earlier_then_the_longer_span(self):
        start = TEXT.index("اليوم")
        spans = [
            Span(start, start + 11, "date", surface="اليوم الخميس"),
            Span(start + 6, start + 11, "date", surface="الخميس"),
            Span(start, start + 5, "MISC", surface="اليوم"),
        ]
        assert marked(pieces(TEXT, spans)) == [("اليوم الخميس", "date")]


class TestSnippet:
    def test_text_search_marks_folded_and_prefixed_forms(self):
        words = set(search_tokens("الرباط"))
        assert [TEXT[s.start : s.end] for s in word_spans(TEXT, words)] == ["بالرباط"]
        words = set(search_tokens("استثمار"))
        assert [TEXT[s.start : s.end] for s in word_spans(TEXT, words)] == ["الاستثمار"]

    def test_the_snippet_starts_at_the_first_paragraph_with_a_match(self):
        paragraphs = ["لا شيء هنا " * 30, TEXT]
        out = snippet(paragraphs, {}, set(search_tokens("أولوية")))
        assert marked(out) == [("أولوية", "match")]
        assert "".join(p.text for p in out).endswith("أولوية")

    def test_a_long_paragraph_is_cut_at_spaces_around_the_match(self):
        paragraph = "كلمة " * 60 + TEXT + " كلمة" * 80
        out = snippet([paragraph], {}, set(search_tokens("أخنوش")))
        text = "".join(p.text for p in out)
        assert text.startswith("… كلمة") and text.endswith("كلمة …")
        assert len(text) < 300 and marked(out) == [("أخنوش", "match")]

    def test_entity_spans_are_marked_in_their_paragraph(self):
        start = TEXT.index("عزيز أخنوش")
        out = snippet(["فقرة أولى", TEXT], {1: [Span(start, start + 10, "match")]}, set())
        assert marked(out) == [("عزيز أخنوش", "match")]

    def test_without_a_match_the_snippet_is_the_lead(self):
        assert "".join(p.text for p in snippet([TEXT], {}, set())) == TEXT
        assert snippet([], {}, {"x"}) == []


class TestCharts:
    def test_per_day_per_outlet_stacks_each_day_and_lists_every_day(self):
        d = dt.date(2025, 11, 20)
        chart = charts.per_day_per_outlet([(d, "هسبريس", 3), (d, "الأول", 1)], d - dt.timedelta(days=2), d)
        assert [t for _, _, t, _ in chart.labels if "-" in t] == ["2025-11-20", "2025-11-19", "2025-11-18"]
        first, second = chart.bars
        # Right to left: the biggest outlet starts at the right, the next continues leftwards.
        assert first.title.endswith("هسبريس: 3") and first.width == 450.0
        assert first.x + first.width == chart.width - 90
        assert second.x + second.width == first.x and second.width == 150.0
        assert chart.rows == [("هسبريس", 3), ("الأول", 1)]

    def test_per_day_leaves_gaps_and_scales_to_the_peak(self):
        d = dt.date(2025, 1, 1)
        chart = charts.per_day([(d, 2), (d + dt.timedelta(days=3), 4)])
        low, high = chart.bars
        assert high.height == 140 and low.height == 70
        assert high.x == 3 * chart.width / 4
        assert charts.per_day([]) is None


class TestLinks:
    def test_only_http_and_https_addresses_become_links(self):
        from akhbar.store.web.render import web_link

        assert web_link("https://www.hespress.com/x") == "https://www.hespress.com/x"
        assert web_link(" http://a.ma/b ") == "http://a.ma/b"
        for bad in ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil", "", None):
            assert web_link(bad) is None
