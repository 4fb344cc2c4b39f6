"""Stories read back through the CLI (``akhbar stories list/show``, ``articles search
--story/--collapse``) and the API (``/stories``, ``/stories/{id}``), on SQLite and
PostgreSQL, over articles grouped by the real upsert path."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from akhbar.store.api import create_app
from akhbar.store.cli import articles_app, stories_app
from tests.story_articles import CARTER, MARKET, fill

pytestmark = pytest.mark.integration
runner = CliRunner()


@pytest.fixture
def grouped(store):
    return fill(store)


@pytest.fixture
def client(grouped, database_url) -> Iterator[TestClient]:
    with TestClient(create_app(database_url)) as api:
        yield api


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


class TestStoriesCli:
    def test_list_prints_one_json_line_per_story_newest_first(self, grouped, database_url):
        result = runner.invoke(stories_app, ["list", "--database-url", database_url])
        assert result.exit_code == 0, result.output
        found = lines(result.stdout)
        assert [s["id"] for s in found] == [MARKET, CARTER]
        assert found[1]["size"] == 4 and found[1]["copies"] == 3
        assert found[1]["first_seen"]["id"] == "maghress-1"

    def test_list_filters_and_table(self, grouped, database_url):
        result = runner.invoke(
            stories_app,
            ["list", "--outlet", "okaz", "--until", "2015-07-22", "--entity", "كارتر",
             "--table", "--database-url", database_url],
        )
        assert result.exit_code == 0, result.output
        rows = result.stdout.splitlines()
        assert rows[0].split()[:2] == ["last", "updated"]
        assert len(rows) == 3 and CARTER in rows[2]

    def test_list_with_a_bad_date_exits_2_without_traceback(self, grouped, database_url):
        result = runner.invoke(stories_app, ["list", "--since", "soon", "--database-url", database_url])
        assert result.exit_code == 2
        assert "--since" in result.output and "Traceback" not in result.output

    def test_show_prints_the_story_and_its_table(self, grouped, database_url):
        result = runner.invoke(stories_app, ["show", CARTER, "--database-url", database_url])
        assert result.exit_code == 0, result.output
        story = json.loads(result.stdout)
        assert [a["id"] for a in story["articles"]] == ["maghress-1", "spa-1", "okaz-1", "riyadh-1"]
        assert story["entities"][0]["articles"] == 4
        table = runner.invoke(stories_app, ["show", CARTER, "--table", "--database-url", database_url])
        assert table.exit_code == 0 and "okaz-1" in table.stdout and "copy" in table.stdout

    def test_show_of_an_unknown_story_exits_1(self, grouped, database_url):
        result = runner.invoke(stories_app, ["show", "s-nope", "--database-url", database_url])
        assert result.exit_code == 1 and "s-nope" in result.output

    def test_search_by_story_and_collapsed(self, grouped, database_url):
        """--story keeps one story's articles; --collapse keeps the earliest of each story,
        newest first, each line naming its story."""
        by_story = runner.invoke(
            articles_app, ["search", "--story", CARTER, "--database-url", database_url]
        )
        assert {a["id"] for a in lines(by_story.stdout)} == {"spa-1", "okaz-1", "riyadh-1", "maghress-1"}
        collapsed = runner.invoke(articles_app, ["search", "--collapse", "--database-url", database_url])
        assert [(a["id"], a["story_id"]) for a in lines(collapsed.stdout)] == [
            ("market-1", MARKET), ("maghress-1", CARTER)]
        # Collapsing applies to the matching articles: the earliest okaz/riyadh one here.
        narrowed = runner.invoke(
            articles_app,
            ["search", "--collapse", "--since", "2015-07-22T10:00:00", "--until", "2015-07-22",
             "--database-url", database_url],
        )
        assert [a["id"] for a in lines(narrowed.stdout)] == ["okaz-1"]


class TestStoriesApi:
    def test_stories_page(self, client):
        page = client.get("/stories", params={"limit": 1}).json()
        assert [s["id"] for s in page["items"]] == [MARKET] and page["next_offset"] == 1
        page = client.get("/stories", params={"entity": "اشتون كارتر"}).json()
        assert [s["id"] for s in page["items"]] == [CARTER] and page["next_offset"] is None

    def test_one_story_and_404(self, client):
        story = client.get(f"/stories/{CARTER}").json()
        assert story["size"] == 4 and story["by_outlet"][0]["outlet"] == "maghress"
        assert {a["id"]: a["copy_of"] for a in story["articles"]}["okaz-1"] == "spa-1"
        missing = client.get("/stories/s-nope")
        assert missing.status_code == 404 and "s-nope" in missing.json()["detail"]

    def test_bad_parameters_are_4xx_with_a_message(self, client):
        unknown = client.get("/stories", params={"outlett": "spa"})
        assert unknown.status_code == 400 and "outlett" in unknown.json()["detail"]
        bad_date = client.get("/stories", params={"since": "soon"})
        assert bad_date.status_code == 422 and "since" in bad_date.json()["detail"]

    def test_articles_by_story_and_collapsed(self, client):
        ids = [a["id"] for a in client.get("/articles", params={"story": MARKET}).json()["items"]]
        assert ids == ["market-1"]
        items = client.get("/articles", params={"collapse": "true"}).json()["items"]
        assert [a["id"] for a in items] == ["market-1", "maghress-1"]
