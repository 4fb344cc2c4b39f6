"""The article's language (schema version 2): ``language`` and ``languages``, nullable.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Both columns are nullable, so rows stored before them read back as articles of unknown
language, as version 1 messages are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("language", sa.String(16), nullable=True))
        batch.add_column(sa.Column("languages", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("languages")
        batch.drop_column("language")
