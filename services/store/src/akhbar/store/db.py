"""Engines for SQLite and PostgreSQL, and migrating a database to head on open."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

if TYPE_CHECKING:
    from alembic.config import Config

# Waiting for another writer is normal with several consumers on one SQLite file.
SQLITE_BUSY_TIMEOUT_S = 30
# One constant lock id for "migrating akhbar's store" on a PostgreSQL database.
_PG_MIGRATION_LOCK = (
    int.from_bytes(hashlib.sha256(b"akhbar.store.migrate").digest()[:8], "big") >> 1
)


def normalize_url(database_url: str) -> URL:
    """Parse a URL; a bare ``postgresql://`` uses psycopg 3, the driver this package ships."""
    url = make_url(database_url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_file(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _json_text(value) -> str:
    # json.dumps escapes every Arabic letter as \uXXXX (6 bytes instead of 2) by default.
    return json.dumps(value, ensure_ascii=False)


def create_store_engine(database_url: str) -> Engine:
    url = normalize_url(database_url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    # No pool_pre_ping: it costs a round trip per checkout, and a connection that went stale
    # (server restart) fails one call, after which SQLAlchemy drops the whole pool; the
    # store service's consumer redelivers that message.
    return create_engine(url, pool_size=5, max_overflow=10, json_serializer=_json_text)


def _sqlite_engine(url: URL) -> Engine:
    path = _sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}, json_serializer=_json_text
        )
    else:
        # An in-memory database lives as long as its one connection: share that connection.
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S},
            poolclass=StaticPool,
            json_serializer=_json_text,
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (below).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        if path is not None:
            # WAL lets readers (the API) run while a consumer writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # A writer takes the write lock up front: two deferred transactions that both try to
        # upgrade to writing would fail with "database is locked" instead of waiting.
        if conn.get_execution_options().get("write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Hold a lock only one process at a time can have while migrating this database."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_MIGRATION_LOCK})
                conn.commit()
        return
    path = _sqlite_file(engine.url)
    if path is None:
        yield
        return
    lock_path = path.with_name(path.name + ".migrate.lock")
    try:
        import fcntl
    except ImportError:  # not POSIX: SQLite's own locking is all there is
        yield
        return
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "akhbar.store:migrations")
    return config


_REVISION = re.compile(r"""^(down_)?revision\s*(?::[^=]*)?=\s*["']?([\w]+)["']?""", re.M)


def head_revision() -> str | None:
    """The newest migration's id, read off the migration files (no Alembic import).

    A migration names itself (``revision``) and its parent (``down_revision``); the head is
    the one no other migration names as its parent. A test checks this against Alembic.
    """
    revisions, parents = set(), set()
    for path in (resources.files("akhbar.store") / "migrations" / "versions").iterdir():
        if not path.name.endswith(".py"):
            continue
        for down, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """True when the database is already at the newest schema (then opening needs no Alembic)."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:
        return False  # a new database, or one Alembic has never seen: migrate it
    return current == [head]


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema; safe when several processes open it at once."""
    if _at_head(engine):
        # Every command opens the store: importing Alembic and walking its scripts costs
        # more than the query a command runs.
        return
    from alembic import command

    with _migration_lock(engine), engine.connect() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()


def database_label(engine: Engine) -> str:
    """The URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


__all__ = ["create_store_engine", "migrate", "normalize_url", "database_label"]
