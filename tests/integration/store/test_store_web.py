"""The newsroom window's pages over a real store (SQLite and PostgreSQL) filled through the
store's upsert: what each page shows, where the highlights sit, and clear 400/404 pages."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from akhbar.shared.schemas import DateMention, EnrichedArticle, Entity
from akhbar.store.api import create_app

from .conftest import FIXTURES

pytestmark = pytest.mark.integration

HESPRESS = "hespress-2025-11-20-akhannouch"
MAGHRESS = "maghress-alaoual-2025-11-24"  # hand-made
# tests/data/store/pipeline: the real pipeline's output for the same page
PIPELINE_SEED = "24d86e37bf691892a69323e33a0ca195"
FRENCH = "lemonde-test-fr"
COPY = "hespress-2025-11-20-akhannouch-copy"


def french_article() -> EnrichedArticle:
    body = "Le Premier ministre Aziz Akhannouch a présidé jeudi à Rabat une réunion sur l'investissement."
    start = body.index("Aziz Akhannouch")
    rabat = body.index("Rabat")
    jeudi = body.index("jeudi")
    return EnrichedArticle(
        id=FRENCH,
        title="Réunion sur l'investissement à Rabat",
        source_name="Le Monde",
        published="2025-11-21",
        body=[body],
        language="fr",
        entities=[
            Entity(text="Aziz Akhannouch", start=start, end=start + 15, field="body.0", label="PER",
                   canonical="Aziz Akhannouch"),
            Entity(text="Rabat", start=rabat, end=rabat + 5, field="body.0", label="LOC", canonical="Rabat"),
        ],
        dates=[DateMention(text="jeudi", start=jeudi, end=jeudi + 5, field="body.0", kind="weekday",
                           value="2025-11-20")],
    )


def pipeline_article() -> EnrichedArticle:
    path = FIXTURES / "pipeline" / f"{MAGHRESS}.json"
    return EnrichedArticle.model_validate_json(path.read_text(encoding="utf-8"))


@pytest.fixture
def web(filled, articles, database_url, redis_url) -> Iterator[TestClient]:
    """The app over the fixture articles, the pipeline's seed article, a French article and
    a copy of a Hespress article published by another outlet an hour later."""
    filled.upsert(pipeline_article())
    filled.upsert(french_article())
    copy = EnrichedArticle.model_validate({
        **articles[HESPRESS].model_dump(),
        "id": COPY, "source_name": "هبة بريس", "published": "2025-11-20T11:15:00+01:00",
    })
    filled.upsert(copy)
    with TestClient(create_app(database_url, redis_url=redis_url)) as client:
        yield client


class Marks(HTMLParser):
    """Every highlighted stretch of a page: (tag, attributes, text inside)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict, str]] = []
        self._open: list[tuple[str, dict, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark" or "hl" in (attrs.get("class") or "").split():
            self._open.append((tag, attrs, []))

    def handle_data(self, data):
        for _, _, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            t, attrs, parts = self._open.pop()
            self.found.append((t, attrs, "".join(parts)))


def marks(page: str) -> list[tuple[str, dict, str]]:
    parser = Marks()
    parser.feed(page)
    return parser.found


def body_of(page: str) -> str:
    return page.split('<div class="body">', 1)[1].split("</div>", 1)[0]


def result_ids(page: str) -> list[str]:
    return re.findall(r'<h3><a href="/a/([^"]+)">', page)


class TestSearch:
    def test_page_is_arabic_right_to_left_with_a_skip_link_and_labelled_controls(self, web):
        page = web.get("/").text
        assert '<html lang="ar" dir="rtl">' in page
        assert '<a class="skip" href="#main">' in page and 'id="main"' in page
        for control in ("q", "entity", "outlet", "since", "until", "lang"):
            assert f'<label for="{control}">' in page and f'id="{control}"' in page

    def test_without_filters_lists_the_newest_first_with_outlet_and_date(self, web):
        page = web.get("/").text
        ids = result_ids(page)
        assert ids[:4] == [PIPELINE_SEED, MAGHRESS, "hespress-2025-11-22-can", FRENCH]
        assert ids.index(COPY) < ids.index(HESPRESS)  # an hour later
        assert 'datetime="2025-11-24"' in page and "الأول" in page

    def test_text_search_marks_the_matched_word_in_the_snippet(self, web):
        page = web.get("/", params={"q": "الاستثمار"}).text
        assert HESPRESS in result_ids(page)
        snippets = re.findall(r'<p class="snippet">(.*?)</p>', page, re.S)
        marked = [html.unescape(m) for s in snippets for m in re.findall(r"<mark>(.*?)</mark>", s)]
        assert marked and all("استثمار" in m for m in marked), marked

    def test_an_entity_by_its_latin_name_finds_it_and_marks_its_mention(self, web):
        page = web.get("/", params={"entity": "Akhannouch"}).text
        ids = result_ids(page)
        assert HESPRESS in ids and COPY in ids
        snippet = re.findall(r'<p class="snippet">(.*?)</p>', page, re.S)[ids.index(HESPRESS)]
        assert re.findall(r"<mark>(.*?)</mark>", snippet) == ["عزيز أخنوش"]
        assert re.search(r'الكيان: <a href="/e/\d+">', page)  # the entity page is one click away

    def test_the_story_size_counts_the_copy(self, web):
        page = web.get("/", params={"entity": "Akhannouch"}).text
        row = page.split(f'href="/a/{HESPRESS}"', 1)[1].split("</li>", 1)[0]
        assert re.search(r'href="/s/[^"]+" class="story">قصة من 2 مقالات', row), row

    def test_outlet_date_range_and_language_filters(self, web):
        assert result_ids(web.get("/", params={"outlet": "هسبريس"}).text) == [
            "hespress-2025-11-22-can", HESPRESS]
        ranged = result_ids(web.get("/", params={"since": "2025-11-21", "until": "2025-11-22"}).text)
        assert ranged == ["hespress-2025-11-22-can", FRENCH]
        assert result_ids(web.get("/", params={"lang": "fr"}).text) == [FRENCH]

    def test_pages_link_to_the_next_with_the_same_filters(self, web, filled):
        for i in range(25):
            filled.upsert(EnrichedArticle.model_validate(
                {**french_article().model_dump(), "id": f"fr-{i:02}", "published": f"2025-10-{i + 1:02}"}))
        first = web.get("/", params={"lang": "fr"}).text
        assert len(result_ids(first)) == 20
        link = html.unescape(re.search(r'rel="next" href="([^"]+)"', first).group(1))
        assert "lang=fr" in link and "page=2" in link
        assert len(result_ids(web.get(link).text)) == 6


class TestArticle:
    def test_each_entity_and_date_highlight_sits_on_its_words_with_its_tooltip(self, web):
        article = pipeline_article()
        page = web.get(f"/a/{PIPELINE_SEED}")
        assert page.status_code == 200
        shown = marks(body_of(page.text))
        expected = []
        for i, paragraph in enumerate(article.body):
            spans = [(e.start, e.end, e.text, e.label, e.canonical) for e in article.entities if e.field == f"body.{i}"]
            spans += [(d.start, d.end, d.text, "date", d.value) for d in article.dates if d.field == f"body.{i}"]
            at = 0
            for start, end, text, label, tip in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
                if start >= at:
                    assert paragraph[start:end] == text
                    expected.append((text, label, tip))
                    at = end
        assert len(expected) > 20
        got = [(html.unescape(t), a["class"].split()[1][3:], html.unescape(a["data-tip"])) for _, a, t in shown]
        assert [(t, lab) for t, lab, _ in got] == [(t, lab) for t, lab, _ in expected]
        for (_, _, tip), (_, _, want) in zip(got, expected, strict=True):
            assert tip.startswith(want + " · ")

    def test_entities_link_to_their_entity_page(self, web):
        page = web.get(f"/a/{HESPRESS}").text
        link = re.search(r'<a class="hl hl-PER" href="(/e/\d+)"[^>]*>عزيز أخنوش</a>', page).group(1)
        entity = web.get(link).text
        assert "عزيز أخنوش" in entity and "Akhannouch" in entity

    def test_headlines_the_page_carried_are_listed(self, web):
        page = web.get(f"/a/{PIPELINE_SEED}").text
        assert "عناوين الصفحة (53)" in page
        assert page.count('<li lang="ar" dir="rtl">') >= 53

    def test_a_french_article_is_left_to_right_in_french(self, web):
        page = web.get(f"/a/{FRENCH}").text
        assert '<p lang="fr" dir="ltr">' in page
        assert '<h1 lang="fr" dir="ltr">' in page
        assert 'data-tip="2025-11-20 · weekday">jeudi</mark>' in page

    def test_links_to_its_story(self, web):
        page = web.get(f"/a/{COPY}").text
        story = re.search(r'href="(/s/[^"]+)" class="story">القصة \(2 مقالات\)', page).group(1)
        assert web.get(story).status_code == 200


class TestStory:
    def test_articles_by_outlet_and_time_with_copies_folded_under_the_first(self, web):
        page = web.get(f"/a/{HESPRESS}").text
        story = web.get(re.search(r'href="(/s/[^"]+)" class="story"', page).group(1)).text
        first, folded = story.split("<details", 1)
        assert f'href="/a/{HESPRESS}"' in first and f'href="/a/{COPY}"' not in first
        assert f'href="/a/{COPY}"' in folded.split("</details>", 1)[0]
        assert "1 نسخة من هذا المقال" in story


class TestEntity:
    def test_aliases_in_both_scripts_chart_related_and_latest(self, web):
        page = web.get("/", params={"entity": "حموشي"}).text
        link = re.search(r'الكيان: <a href="(/e/\d+)">', page).group(1)
        entity = web.get(link).text
        aliases = entity.split('id="aliases-h"', 1)[1].split("</section>", 1)[0]
        arabic, latin = aliases.split("بالحروف اللاتينية", 1)
        assert "حموشي" in arabic and "Hammouchi" in latin
        assert "<svg" in entity and "<rect" in entity
        assert 'id="related-h"' in entity and re.search(r'<a class="hl hl-\w+" href="/e/\d+">', entity)
        assert f'href="/a/{PIPELINE_SEED}"' in entity


class TestDashboard:
    def test_articles_per_day_per_outlet_top_entities_and_pipeline_state(self, web):
        page = web.get("/dashboard")
        assert page.status_code == 200
        text = page.text
        assert 'aria-label="6 مقالا من \u20662025-11-11\u2069 إلى \u20662025-11-24\u2069"' in text
        assert "<title>2025-11-20 · هسبريس: 1</title>" in text
        week = text.split('id="week-h"', 1)[1]
        assert re.search(r'href="/e/\d+">عزيز أخنوش</a>', week)
        assert "akhbar:pages:raw" in text and "store=0" in text

    def test_says_so_when_redis_cannot_be_reached(self, filled, database_url):
        with TestClient(create_app(database_url, redis_url="redis://127.0.0.1:1/0")) as client:
            page = client.get("/dashboard")
        assert page.status_code == 200
        assert "تعذر الوصول إلى Redis" in page.text and "127.0.0.1:1" in page.text


class TestBadInput:
    @pytest.mark.parametrize(
        ("path", "params", "message"),
        [
            ("/", {"since": "yesterday"}, "since: &#39;yesterday&#39; is not a date"),
            ("/", {"until": "2025-13-01"}, "until: &#39;2025-13-01&#39; is not a date"),
            ("/", {"since": "2025-12-01", "until": "2025-11-01"}, "since (2025-12-01) is after until"),
            ("/", {"page": "two"}, "page: a whole number"),
            ("/", {"page": "0"}, "page: a whole number"),
            ("/", {"lang": "french!"}, "lang: a language code"),
            ("/", {"entitiy": "x"}, "unknown parameter: entitiy"),
            ("/", {"q": "x" * 400}, "q: at most 300 characters"),
            ("/e/abc", {}, "entity id: a whole number"),
            (f"/a/{HESPRESS}", {"x": "1"}, "unknown parameter: x"),
        ],
    )
    def test_bad_parameters_get_a_400_page_with_the_message(self, web, path, params, message):
        response = web.get(path, params=params)
        assert response.status_code == 400
        assert response.headers["content-type"].startswith("text/html")
        assert message in response.text
        assert "Traceback" not in response.text

    @pytest.mark.parametrize("path", ["/a/nope", "/e/999999", "/s/nope"])
    def test_unknown_ids_get_a_404_page(self, web, path):
        response = web.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "nope" in response.text or "999999" in response.text


class TestUntrustedAndEmpty:
    def test_only_http_links_come_from_the_pages_pushed(self, web, filled, database_url):
        hostile = EnrichedArticle.model_validate({
            **french_article().model_dump(), "id": "hostile", "url": "javascript:alert(1)",
            "headlines": [{"text": "<script>alert(2)</script>", "url": "javascript:alert(3)"},
                          {"text": "ok", "url": "https://example.org/x"}],
        })
        filled.upsert(hostile)
        page = web.get("/a/hostile").text
        assert "javascript:" not in page and "<script>alert" not in page
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
        assert 'href="https://example.org/x"' in page

    def test_an_empty_store_shows_empty_pages(self, store, database_url):
        with TestClient(create_app(database_url, redis_url="redis://127.0.0.1:1/0")) as client:
            assert "لا نتائج" in client.get("/").text
            dashboard = client.get("/dashboard")
            assert dashboard.status_code == 200 and "لا مقالات مؤرخة بعد" in dashboard.text


class TestBesideTheJsonApi:
    def test_json_routes_and_their_errors_are_unchanged(self, web):
        assert web.get("/articles", params={"outlet": "هسبريس"}).json()["items"][0]["id"] == "hespress-2025-11-22-can"
        bad = web.get("/articles", params={"since": "yesterday"})
        assert bad.status_code == 422 and "since" in bad.json()["detail"]
        assert web.get("/articles/nope").json()["detail"] == "no article with id 'nope'"

    def test_pages_stay_out_of_the_openapi_document(self, web):
        paths = web.get("/openapi.json").json()["paths"]
        assert "/" not in paths and "/a/{article_id}" not in paths and "/dashboard" not in paths

    def test_static_css_is_served_from_the_package(self, web):
        css = web.get("/static/style.css")
        assert css.status_code == 200 and "font-family" in css.text
        assert "http" not in css.text  # nothing fetched from elsewhere
