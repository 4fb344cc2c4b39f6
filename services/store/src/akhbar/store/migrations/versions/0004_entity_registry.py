"""The entity registry: one entity across the store, its aliases, lookup terms, corrections.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

Stores that already hold articles get their registry from ``akhbar store reindex`` (a
migration step would have to run today's registry code against a schema that later
revisions may change). Until then entity search still matches exact canonical names.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# BIGINT on PostgreSQL, INTEGER (the rowid alias) on SQLite, as in models.Key.
Key = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "entity_registry",
        sa.Column("id", Key, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("label", sa.String(8), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("head", sa.Text(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.DateTime()),
        sa.Column("last_seen", sa.DateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_entity_registry"),
        sa.UniqueConstraint("key", "label", name="uq_entity_registry_key_label"),
    )
    op.create_index("ix_entity_registry_head_label", "entity_registry", ["head", "label"])
    if op.get_bind().dialect.name == "sqlite":
        # Batch mode would copy and drop ``entities``, which entity_mentions references: SQLite
        # adds a nullable column with its reference in place instead.
        op.execute(
            "ALTER TABLE entities ADD COLUMN registry_id INTEGER "
            "CONSTRAINT fk_entities_registry_id_entity_registry REFERENCES entity_registry (id)"
        )
    else:
        op.add_column("entities", sa.Column("registry_id", Key))
        op.create_foreign_key(
            "fk_entities_registry_id_entity_registry",
            "entities",
            "entity_registry",
            ["registry_id"],
            ["id"],
        )
    op.create_index("ix_entities_registry_id", "entities", ["registry_id"])
    op.create_table(
        "entity_aliases",
        sa.Column("registry_id", Key, nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("registry_id", "alias", "source", name="pk_entity_aliases"),
        sa.ForeignKeyConstraint(
            ["registry_id"],
            ["entity_registry.id"],
            name="fk_entity_aliases_registry_id_entity_registry",
        ),
    )
    op.create_table(
        "entity_terms",
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("registry_id", Key, nullable=False),
        sa.PrimaryKeyConstraint("kind", "term", "registry_id", name="pk_entity_terms"),
        sa.ForeignKeyConstraint(
            ["registry_id"],
            ["entity_registry.id"],
            name="fk_entity_terms_registry_id_entity_registry",
        ),
    )
    op.create_index("ix_entity_terms_registry_id", "entity_terms", ["registry_id"])
    op.create_table(
        "entity_corrections",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("label", sa.String(8), nullable=False),
        sa.Column("target_key", sa.Text(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", "label", name="pk_entity_corrections"),
    )


def downgrade() -> None:
    op.drop_table("entity_corrections")
    op.drop_index("ix_entity_terms_registry_id", table_name="entity_terms")
    op.drop_table("entity_terms")
    op.drop_table("entity_aliases")
    op.drop_index("ix_entities_registry_id", table_name="entities")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite drops a column in place (3.35+) unless a constraint names it; its reference
        # does, so the column stays (null, unused) on SQLite.
        op.execute("UPDATE entities SET registry_id = NULL")
    else:
        op.drop_constraint(
            "fk_entities_registry_id_entity_registry", "entities", type_="foreignkey"
        )
        op.drop_column("entities", "registry_id")
    op.drop_index("ix_entity_registry_head_label", table_name="entity_registry")
    op.drop_table("entity_registry")
