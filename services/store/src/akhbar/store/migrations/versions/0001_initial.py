"""Articles, headlines, outlets, entities with their mentions, date mentions, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Key = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", Key, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_normalized", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_outlets"),
        sa.UniqueConstraint("name", name="uq_outlets_name"),
    )
    op.create_index("ix_outlets_name_normalized", "outlets", ["name_normalized"])

    op.create_table(
        "articles",
        sa.Column("pk", Key, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("outlet_id", Key),
        sa.Column("published", sa.String(40)),
        sa.Column("published_at", sa.DateTime),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("original_url", sa.Text),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("stored_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_articles"),
        sa.UniqueConstraint("id", name="uq_articles_id"),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name="fk_articles_outlet_id_outlets"
        ),
    )
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_index("ix_articles_outlet_id_published_at", "articles", ["outlet_id", "published_at"])

    op.create_table(
        "headlines",
        sa.Column("article_pk", Key, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.PrimaryKeyConstraint("article_pk", "position", name="pk_headlines"),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name="fk_headlines_article_pk_articles",
            ondelete="CASCADE",
        ),
    )

    op.create_table(
        "entities",
        sa.Column("id", Key, primary_key=True, autoincrement=True),
        sa.Column("canonical", sa.Text, nullable=False),
        sa.Column("label", sa.String(8), nullable=False),
        sa.Column("canonical_normalized", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.UniqueConstraint("canonical", "label", name="uq_entities_canonical_label"),
    )
    op.create_index(
        "ix_entities_canonical_normalized_label", "entities", ["canonical_normalized", "label"]
    )

    op.create_table(
        "entity_mentions",
        sa.Column("id", Key, primary_key=True, autoincrement=True),
        sa.Column("article_pk", Key, nullable=False),
        sa.Column("entity_id", Key, nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entity_mentions"),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name="fk_entity_mentions_article_pk_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name="fk_entity_mentions_entity_id_entities"
        ),
    )
    op.create_index(
        "ix_entity_mentions_entity_id_article_pk", "entity_mentions", ["entity_id", "article_pk"]
    )
    op.create_index("ix_entity_mentions_article_pk", "entity_mentions", ["article_pk"])

    op.create_table(
        "date_mentions",
        sa.Column("id", Key, primary_key=True, autoincrement=True),
        sa.Column("article_pk", Key, nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_date_mentions"),
        sa.ForeignKeyConstraint(
            ["article_pk"],
            ["articles.pk"],
            name="fk_date_mentions_article_pk_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_date_mentions_article_pk", "date_mentions", ["article_pk"])

    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts_up()
    else:
        # Tokens are already normalized and article-stripped, so the 'simple' configuration
        # (split and lowercase, no stemming, no stop words) is the right one for Arabic here.
        op.execute(
            "CREATE INDEX ix_articles_search_tsv ON articles "
            "USING gin (to_tsvector('simple', search_text))"
        )


def _sqlite_fts_up() -> None:
    # External-content FTS5: the index reads its text from articles.search_text (stored once)
    # and triggers keep it in step with every insert, update and delete of an article.
    op.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5("
        "search_text, content='articles', content_rowid='pk', tokenize='unicode61')"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO article_fts(rowid, search_text) VALUES (new.pk, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO article_fts(article_fts, rowid, search_text) "
        "VALUES ('delete', old.pk, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF search_text ON articles BEGIN "
        "INSERT INTO article_fts(article_fts, rowid, search_text) "
        "VALUES ('delete', old.pk, old.search_text); "
        "INSERT INTO article_fts(rowid, search_text) VALUES (new.pk, new.search_text); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS article_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_articles_search_tsv")
    for table in (
        "date_mentions",
        "entity_mentions",
        "entities",
        "headlines",
        "articles",
        "outlets",
    ):
        op.drop_table(table)
