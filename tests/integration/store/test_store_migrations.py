"""The Alembic migrations build exactly the schema the code's models describe."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from akhbar.store import Store
from akhbar.store.models import described_here, metadata

pytestmark = pytest.mark.integration


def test_migrated_database_matches_the_models(store: Store):
    """No table, column, index or constraint differs between models.py and the migrations."""
    with store.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": described_here}), metadata
        )
    assert diff == []


def test_opening_an_empty_database_migrates_it_to_head(fresh_database_url):
    with Store.from_url(fresh_database_url) as store:
        names = set(inspect(store.engine).get_table_names())
        with store.engine.connect() as conn:
            head = MigrationContext.configure(conn).get_current_revision()
    assert {
        "articles",
        "headlines",
        "outlets",
        "entities",
        "entity_mentions",
        "date_mentions",
        "story_articles",
        "story_bands",
        "story_keys",
    } <= names
    assert head == "0007"


def test_opening_twice_keeps_the_data(fresh_database_url, articles):
    """A second open finds the schema at head and migrates nothing away."""
    article = next(iter(articles.values()))
    with Store.from_url(fresh_database_url) as store:
        store.upsert(article)
    with Store.from_url(fresh_database_url) as store:
        assert store.get(article.id) == article


def test_a_database_at_the_first_revision_upgrades_on_open(fresh_database_url, articles, monkeypatch):
    """A store made by an older release opens with its data intact at the newest revision."""
    from alembic import command

    import akhbar.store.upsert
    from akhbar.store.db import alembic_config

    # The older release wrote articles without grouping them into stories.
    monkeypatch.setattr(akhbar.store.upsert, "file_story", lambda *args, **kwargs: None)

    article = next(iter(articles.values()))
    # registry=False: what the release before the entity registry wrote.
    with Store.from_url(fresh_database_url, migrate_schema=False, registry=False) as old:
        with old.engine.connect() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
            conn.commit()
        old.upsert(article)
    monkeypatch.undo()
    with Store.from_url(fresh_database_url) as store:
        with store.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == "0007"
        assert store.get(article.id) == article


def test_the_head_read_off_the_migration_files_is_alembics_head():
    """Opening a store at head skips Alembic; the head it compares with must be Alembic's own."""
    from alembic.script import ScriptDirectory

    from akhbar.store.db import alembic_config, head_revision

    assert [head_revision()] == ScriptDirectory.from_config(alembic_config()).get_heads()
