"""``akhbar articles get|search`` and ``akhbar entities top`` over a filled store."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from akhbar.store.cli import articles_app, entities_top

pytestmark = pytest.mark.integration

MAGHRESS = "maghress-alaoual-2025-11-24"
runner = CliRunner()


def top_app() -> typer.Typer:
    """Mounted the way the akhbar CLI mounts it, as a command of its own app."""
    app = typer.Typer()
    app.command("top")(entities_top)
    app.command("unused")(lambda: None)  # two commands, so "top" is addressed by name
    return app


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line]


class TestArticles:
    def test_search_prints_one_json_line_per_article(self, filled, database_url):
        result = runner.invoke(
            articles_app, ["search", "--outlet", "هسبريس", "--database-url", database_url]
        )
        assert result.exit_code == 0, result.output
        found = lines(result.stdout)
        assert [a["id"] for a in found] == [
            "hespress-2025-11-22-can",
            "hespress-2025-11-20-akhannouch",
        ]
        assert {"id", "title", "source_name", "published"} <= set(found[0])

    def test_search_reads_database_url_from_the_environment(self, filled, database_url):
        result = runner.invoke(
            articles_app, ["search", "--text", "غزة"], env={"DATABASE_URL": database_url}
        )
        assert result.exit_code == 0, result.output
        assert [a["id"] for a in lines(result.stdout)] == ["aljazeera-2025-10-05-gaza"]

    def test_table_shows_a_header_and_one_row_per_article(self, filled, database_url):
        result = runner.invoke(
            articles_app,
            ["search", "--entity", "الرباط", "--table", "--database-url", database_url],
        )
        assert result.exit_code == 0, result.output
        rows = result.stdout.splitlines()
        assert rows[0].split() == ["published", "outlet", "title", "id"]
        assert len(rows) == 2 + 2
        assert MAGHRESS in rows[2]

    def test_get_prints_the_article(self, filled, database_url, articles):
        result = runner.invoke(articles_app, ["get", MAGHRESS, "--database-url", database_url])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == articles[MAGHRESS].model_dump(mode="json")

    def test_get_of_a_missing_id_exits_1_with_a_message(self, filled, database_url):
        result = runner.invoke(articles_app, ["get", "nope", "--database-url", database_url])
        assert result.exit_code == 1
        assert "no article with id 'nope'" in result.stderr

    def test_malformed_date_exits_2_with_a_message_and_no_traceback(self, filled, database_url):
        result = runner.invoke(
            articles_app, ["search", "--until", "yesterday", "--database-url", database_url]
        )
        assert result.exit_code == 2
        assert "--until" in result.stderr and "YYYY-MM-DD" in result.stderr
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)

    def test_unknown_label_exits_2(self, filled, database_url):
        result = runner.invoke(
            articles_app, ["search", "--label", "PERSON", "--database-url", database_url]
        )
        assert result.exit_code == 2


class TestEntitiesTop:
    def test_prints_entities_with_counts(self, filled, database_url):
        result = runner.invoke(
            top_app(), ["top", "--label", "LOC", "--limit", "1", "--database-url", database_url]
        )
        assert result.exit_code == 0, result.output
        assert lines(result.stdout) == [
            {"canonical": "الرباط", "label": "LOC", "articles": 2, "mentions": 3}
        ]

    def test_with_limits_the_count_to_articles_naming_that_entity(self, filled, database_url):
        result = runner.invoke(
            top_app(), ["top", "--with", "كأس أمم إفريقيا", "--database-url", database_url]
        )
        assert result.exit_code == 0, result.output
        assert [e["canonical"] for e in lines(result.stdout)] == [
            "المنتخب المغربي",
            "الدار البيضاء",
        ]

    def test_table_output(self, filled, database_url):
        result = runner.invoke(top_app(), ["top", "--table", "--database-url", database_url])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0].split() == ["entity", "label", "articles", "mentions"]
        assert "عزيز أخنوش" in result.stdout.splitlines()[2]

    def test_malformed_date_exits_2(self, filled, database_url):
        result = runner.invoke(
            top_app(), ["top", "--since", "2025-13-01", "--database-url", database_url]
        )
        assert result.exit_code == 2
        assert "--since" in result.stderr


def test_unreachable_database_is_a_message_not_a_traceback():
    """A store that cannot be opened exits 1 and says why."""
    result = runner.invoke(
        articles_app,
        ["search", "--database-url", "postgresql+psycopg://nobody@127.0.0.1:1/none"],
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot open the store")


def registry_app() -> typer.Typer:
    """The registry commands, mounted as the akhbar CLI mounts them."""
    from akhbar.store.cli import (
        entities_merge,
        entities_search,
        entities_show,
        entities_split,
        store_app,
    )

    app = typer.Typer()
    app.command("show")(entities_show)
    app.command("search")(entities_search)
    app.command("merge")(entities_merge)
    app.command("split")(entities_split)
    app.add_typer(store_app, name="store")
    return app


class TestEntityRegistry:
    def test_show_prints_the_entity_with_aliases_in_both_scripts(self, filled, database_url):
        result = runner.invoke(registry_app(), ["show", "Akhannouch", "--database-url", database_url])
        assert result.exit_code == 0, result.output
        (entity,) = lines(result.stdout)
        assert entity["name"] == "عزيز أخنوش" and entity["articles"] == 2
        scripts = {a["script"] for a in entity["aliases"]}
        assert scripts == {"arabic", "latin"}
        assert {"related", "timeline", "first_seen", "last_seen"} <= set(entity)

    def test_show_table_has_the_entity_aliases_related_and_days(self, filled, database_url):
        result = runner.invoke(
            registry_app(), ["show", "أخنوش", "--table", "--database-url", database_url]
        )
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert "عزيز أخنوش" in out and "Aziz Akhannouch" in out
        for header in ("alias", "mentioned with", "day"):
            assert header in out

    def test_show_of_an_unknown_name_exits_1(self, filled, database_url):
        result = runner.invoke(registry_app(), ["show", "Benkirane", "--database-url", database_url])
        assert result.exit_code == 1
        assert "no entity named" in result.output

    def test_search_lists_matching_entities(self, filled, database_url):
        result = runner.invoke(registry_app(), ["search", "Rabat", "--database-url", database_url])
        assert result.exit_code == 0, result.output
        assert [(e["name"], e["label"]) for e in lines(result.stdout)] == [("الرباط", "LOC")]

    def test_merge_then_split_and_their_errors(self, filled, database_url):
        url = ["--database-url", database_url]
        refused = runner.invoke(registry_app(), ["merge", "الرباط", "أخنوش", *url])
        assert refused.exit_code == 2 and "label" in refused.output
        merged = runner.invoke(registry_app(), ["merge", "الدار البيضاء", "الرباط", *url])
        assert merged.exit_code == 0, merged.output
        (entity,) = lines(merged.stdout)
        assert entity["name"] == "الرباط"
        split = runner.invoke(registry_app(), ["split", "الرباط", "الدار البيضاء", *url])
        assert split.exit_code == 0, split.output
        assert lines(split.stdout)[0]["name"] == "الدار البيضاء"

    def test_reindex_reports_what_it_read(self, filled, database_url, articles):
        result = runner.invoke(registry_app(), ["store", "reindex", "--database-url", database_url])
        assert result.exit_code == 0, result.output
        report = lines(result.stdout)[-1]
        assert report["articles"] == len(articles) and report["entities"] > 0


class TestFrenchAndArabicArticlesOfOneEntity:
    """Issue 18, end to end: a French and an Arabic article through today's enrich and the
    store's upsert; ``entities show`` gives one entity with both articles and both scripts,
    whichever article was stored first."""

    FRENCH = (
        "Le chef du gouvernement Aziz Akhannouch a présidé jeudi 27 novembre 2025 à Rabat "
        "le conseil de gouvernement."
    )
    ARABIC = "ترأس رئيس الحكومة عزيز أخنوش يوم الخميس بالرباط اجتماع مجلس الحكومة."

    def _enriched(self, article_id: str, text: str):
        import datetime as dt

        from akhbar.enrich.core import enrich
        from akhbar.shared.schemas import Article

        return enrich(Article(id=article_id, title=article_id, published=dt.date(2025, 11, 27),
                              body=[text]))

    @pytest.mark.parametrize("french_first", [True, False])
    def test_show_lists_both_articles_and_scripts(self, store, database_url, french_first):
        pages = [self._enriched("fr", self.FRENCH), self._enriched("ar", self.ARABIC)]
        for page in pages if french_first else pages[::-1]:
            store.upsert(page)
        for query in ("Akhannouch", "أخنوش"):
            result = runner.invoke(registry_app(), ["show", query, "--database-url", database_url])
            assert result.exit_code == 0, result.output
            (entity,) = lines(result.stdout)
            assert entity["name"] == "عزيز أخنوش" and entity["articles"] == 2
            assert {a["script"] for a in entity["aliases"] if a["source"] == "seen"} == {
                "arabic", "latin"
            }
        found = runner.invoke(
            articles_app, ["search", "--entity", "الرباط", "--database-url", database_url]
        )
        assert {a["id"] for a in lines(found.stdout)} == {"fr", "ar"}
