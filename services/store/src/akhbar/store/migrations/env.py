"""Alembic environment: runs on the connection the store hands over, or on a URL.

``Store.from_url`` passes its own connection (``config.attributes["connection"]``) so the
upgrade happens under the lock it holds; the ``alembic`` command line builds an engine from
``sqlalchemy.url`` or ``DATABASE_URL``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from akhbar.store.models import described_here, metadata
from akhbar.store.settings import default_database_url

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=described_here,
        # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or default_database_url()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("akhbar's store migrations run online only (they differ per database)")
run_online()
