"""One database per backend for the store tests: a SQLite file, and a throwaway PostgreSQL
database on the server at ``DATABASE_URL_PG`` (default 127.0.0.1:5432), dropped afterwards.

Every test that takes ``database_url`` runs once per backend. The PostgreSQL run is skipped,
with the reason, only when no server answers; under ``CI=true`` that is a failure instead.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from akhbar.shared.schemas import EnrichedArticle
from akhbar.store import Store
from akhbar.store.db import normalize_url

PG_URL = os.environ.get("DATABASE_URL_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
FIXTURES = Path(__file__).resolve().parents[2] / "data" / "store"
TABLES = (
    "date_mentions, entity_mentions, headlines, articles, entity_terms, entity_aliases, "
    "entity_corrections, entities, entity_registry, outlets"
)


class PostgresServer:
    """Creates and drops uniquely named databases on one PostgreSQL server."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def create_database(self) -> str:
        name = f"akhbar_store_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer(normalize_url(PG_URL))
    try:
        with server.admin.connect():
            pass
    except OperationalError as exc:
        server.admin.dispose()
        msg = f"PostgreSQL not reachable at {server.url.render_as_string()}: {exc.orig}"
        if os.environ.get("CI") == "true":
            pytest.fail(msg + " (CI=true: the PostgreSQL run is required)")
        pytest.skip(msg)
    yield server
    server.drop_all()


@pytest.fixture(scope="session")
def pg_session_url(postgres: PostgresServer) -> str:
    """One migrated database for the whole run; tests empty it rather than recreate it."""
    url = postgres.create_database()
    Store.from_url(url).close()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> str:
    """An empty, migrated store database of each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = request.getfixturevalue("pg_session_url")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_database_url(request, tmp_path: Path) -> str:
    """A database of each backend that has never been opened (no schema at all)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh' / 'store.db'}"
    return request.getfixturevalue("postgres").create_database()


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store.from_url(database_url)
    yield opened
    opened.close()


def load_articles() -> dict[str, EnrichedArticle]:
    """The hand-made enriched articles of tests/data/store, by id."""
    found = {}
    for path in sorted(FIXTURES.glob("*.json")):
        article = EnrichedArticle.model_validate_json(path.read_text(encoding="utf-8"))
        found[article.id] = article
    return found


@pytest.fixture(scope="session")
def articles() -> dict[str, EnrichedArticle]:
    return load_articles()


@pytest.fixture
def filled(store: Store, articles: dict[str, EnrichedArticle]) -> Store:
    """A store holding every fixture article."""
    for article in articles.values():
        store.upsert(article)
    return store


def raw_json(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
