"""The story index: each grouped article's story and what later articles are compared with.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from akhbar.store.models import Key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_articles",
        sa.Column("article_pk", Key, nullable=False),
        sa.Column("story_id", sa.String(40), nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("match_pk", Key),
        sa.Column("published_at", sa.DateTime, nullable=False),
        sa.Column("shingles", sa.LargeBinary, nullable=False),
        sa.Column("starts", sa.LargeBinary, nullable=False),
        sa.Column("vector", sa.JSON, nullable=False),
        sa.Column("entities", sa.JSON, nullable=False),
        sa.Column("dates", sa.JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_pk"], ["articles.pk"], ondelete="CASCADE",
            name="fk_story_articles_article_pk_articles",
        ),
        sa.PrimaryKeyConstraint("article_pk", name="pk_story_articles"),
    )
    op.create_index(
        "ix_story_articles_story_id_published_at", "story_articles", ["story_id", "published_at"]
    )
    op.create_table(
        "story_bands",
        sa.Column("band", sa.BigInteger, nullable=False),
        sa.Column("article_pk", Key, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_pk"], ["articles.pk"], ondelete="CASCADE",
            name="fk_story_bands_article_pk_articles",
        ),
        sa.PrimaryKeyConstraint("band", "article_pk", name="pk_story_bands"),
    )
    op.create_index("ix_story_bands_article_pk", "story_bands", ["article_pk"])
    op.create_table(
        "story_keys",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("published_at", sa.DateTime, nullable=False),
        sa.Column("article_pk", Key, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_pk"], ["articles.pk"], ondelete="CASCADE",
            name="fk_story_keys_article_pk_articles",
        ),
        sa.PrimaryKeyConstraint("key", "published_at", "article_pk", name="pk_story_keys"),
    )
    op.create_index("ix_story_keys_article_pk", "story_keys", ["article_pk"])


def downgrade() -> None:
    op.drop_table("story_keys")
    op.drop_table("story_bands")
    op.drop_table("story_articles")
