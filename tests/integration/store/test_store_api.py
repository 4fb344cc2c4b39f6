"""The read API over a filled store: JSON pages, one article, top entities, clear 4xx."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from akhbar.store.api import MAX_PAGE, create_app

pytestmark = pytest.mark.integration

MAGHRESS = "maghress-alaoual-2025-11-24"


@pytest.fixture
def client(filled, database_url) -> Iterator[TestClient]:
    with TestClient(create_app(database_url)) as api:
        yield api


class TestReads:
    def test_healthz_answers_ok(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}

    def test_get_article_returns_the_whole_enriched_article(self, client, articles):
        response = client.get(f"/articles/{MAGHRESS}")
        assert response.status_code == 200
        assert response.json() == articles[MAGHRESS].model_dump(mode="json")

    def test_get_unknown_article_is_404_naming_the_id(self, client):
        response = client.get("/articles/nope")
        assert response.status_code == 404
        assert "nope" in response.json()["detail"]

    def test_search_filters_like_the_library(self, client):
        response = client.get("/articles", params={"entity": "عزيز أخنوش", "since": "2025-11-21"})
        assert response.status_code == 200
        page = response.json()
        assert [a["id"] for a in page["items"]] == [MAGHRESS]
        assert page["items"][0]["source_name"] == "الأول"
        assert page["items"][0]["published"] == "2025-11-24"

    def test_pages_say_where_the_next_one_starts(self, client):
        first = client.get("/articles", params={"limit": 2}).json()
        assert len(first["items"]) == 2 and first["next_offset"] == 2
        last = client.get("/articles", params={"limit": 2, "offset": 4}).json()
        assert len(last["items"]) == 1 and last["next_offset"] is None

    def test_top_entities_are_paginated_counts(self, client):
        page = client.get("/entities/top", params={"label": "PER", "limit": 1}).json()
        assert page["items"] == [
            {"canonical": "عزيز أخنوش", "label": "PER", "articles": 2, "mentions": 4}
        ]
        assert page["next_offset"] == 1

    def test_top_entities_with_another_entity(self, client):
        page = client.get("/entities/top", params={"with": "غزة", "label": "PER"}).json()
        assert [e["canonical"] for e in page["items"]] == ["أنطونيو غوتيريش"]

    def test_openapi_document_is_published(self, client):
        paths = client.get("/openapi.json").json()["paths"]
        assert {"/articles", "/articles/{article_id}", "/entities/top", "/healthz"} <= set(paths)


class TestBadQueries:
    def test_unknown_query_parameter_is_400_listing_the_allowed_ones(self, client):
        response = client.get("/articles", params={"entitiy": "غزة"})
        assert response.status_code == 400
        detail = response.json()["detail"]
        assert "entitiy" in detail and "entity" in detail

    @pytest.mark.parametrize("path", ["/articles", "/entities/top"])
    def test_malformed_date_is_422_saying_the_format(self, client, path):
        response = client.get(path, params={"since": "24-11-2025"})
        assert response.status_code == 422
        assert "YYYY-MM-DD" in response.json()["detail"]

    def test_page_size_over_the_limit_is_422(self, client):
        response = client.get("/articles", params={"limit": MAX_PAGE + 1})
        assert response.status_code == 422
        assert str(MAX_PAGE) in response.text

    def test_unknown_label_is_422(self, client):
        response = client.get("/entities/top", params={"label": "PERSON"})
        assert response.status_code == 422
        assert "PER" in response.text

    def test_negative_offset_is_422(self, client):
        assert client.get("/articles", params={"offset": -1}).status_code == 422


class TestEntityRegistry:
    def _id(self, client, q: str) -> int:
        page = client.get("/entities", params={"q": q}).json()
        assert page["items"], q
        return page["items"][0]["id"]

    def test_entities_by_any_alias_latin_or_arabic(self, client):
        for q in ("Akhannouch", "أخنوش", "عزيز اخنوش"):
            page = client.get("/entities", params={"q": q}).json()
            assert [e["name"] for e in page["items"]] == ["عزيز أخنوش"], q
            assert page["items"][0]["articles"] == 2
            assert "Aziz Akhannouch" in page["items"][0]["latin"]

    def test_one_entity_with_aliases_related_and_timeline(self, client):
        entity_id = self._id(client, "Akhannouch")
        detail = client.get(f"/entities/{entity_id}").json()
        assert detail["name"] == "عزيز أخنوش" and detail["label"] == "PER"
        assert {"alias", "script", "source", "mentions"} == set(detail["aliases"][0])
        assert {a["alias"] for a in detail["aliases"] if a["script"] == "latin"} >= {"Aziz Akhannouch"}
        assert sum(d["mentions"] for d in detail["timeline"]) == detail["mentions"]
        assert detail["related"] == client.get(f"/entities/{entity_id}/related").json()
        assert detail["timeline"] == client.get(f"/entities/{entity_id}/timeline").json()

    def test_articles_of_an_entity_newest_first_and_paginated(self, client):
        entity_id = self._id(client, "Akhannouch")
        page = client.get(f"/entities/{entity_id}/articles", params={"limit": 1}).json()
        assert [a["id"] for a in page["items"]] == [MAGHRESS] and page["next_offset"] == 1
        dated = client.get(f"/entities/{entity_id}/articles", params={"until": "2025-11-21"}).json()
        assert [a["id"] for a in dated["items"]] == ["hespress-2025-11-20-akhannouch"]

    def test_unknown_entity_is_404_and_an_empty_query_422(self, client):
        for path in ("", "/articles", "/timeline", "/related"):
            assert client.get(f"/entities/999999{path}").status_code == 404
        assert client.get("/entities").status_code == 422
        assert client.get("/entities", params={"q": "x", "lable": "PER"}).status_code == 400

    def test_merge_and_split_through_the_api(self, client):
        rabat = self._id(client, "Rabat")
        akhannouch = self._id(client, "Akhannouch")
        refused = client.post(f"/entities/{rabat}/merge", params={"into": akhannouch})
        assert refused.status_code == 422 and "label" in refused.json()["detail"]
        split = client.post(f"/entities/{akhannouch}/split", params={"alias": "الرباط"})
        assert split.status_code == 404
