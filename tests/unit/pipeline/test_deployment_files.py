"""The committed AsyncAPI documents, compose file and Makefile agree with the code."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
import yaml

from akhbar.shared import streams
from akhbar.shared.settings import Settings

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("service", streams.SERVICES)
def test_committed_asyncapi_document_is_current(service):
    """docs/asyncapi/<service>.json is what `make docs` generates from the app today."""
    settings = Settings(redis_url="redis://redis:6379/0", consumer=f"{service}-replica")
    app = importlib.import_module(f"akhbar.{service}.app").create_app(settings)
    generated = app.schema.to_specification().to_jsonable()
    committed = json.loads((REPO / "docs" / "asyncapi" / f"{service}.json").read_text())
    assert generated == committed, f"docs/asyncapi/{service}.json is stale: run `make docs`"


def test_committed_json_schemas_are_current():
    """docs/schemas/ holds exactly what `make docs` generates from the message models today."""
    from akhbar.shared.schema_docs import documents, render

    folder = REPO / "docs" / "schemas"
    generated = {name: render(doc) for name, doc in documents().items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.json")}
    assert sorted(committed) == sorted(generated), "docs/schemas/ is stale: run `make docs`"
    for name, text in generated.items():
        assert committed[name] == text, f"docs/schemas/{name} is stale: run `make docs`"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


class TestCompose:
    def test_each_service_runs_the_same_serve_command_as_the_tests(self, compose):
        """Every stage is one container running `akhbar serve <stage>`, as the e2e tests do."""
        for service in streams.SERVICES:
            assert compose["services"][service]["command"] == ["serve", service]

    def test_redis_and_postgres_are_healthchecked_dependencies(self, compose):
        for infra in ("redis", "postgres"):
            assert "healthcheck" in compose["services"][infra]
        assert compose["services"]["store"]["depends_on"]["postgres"]["condition"] == "service_healthy"
        for service in streams.SERVICES:
            assert compose["services"][service]["depends_on"]["redis"]["condition"] == "service_healthy"
            assert "healthcheck" in compose["services"][service]

    def test_credentials_come_from_the_environment_with_defaults(self, compose):
        """No literal password in the compose file: `.env` (see `.env.example`) or a default."""
        assert compose["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"] == "${POSTGRES_PASSWORD:-akhbar}"
        assert "${POSTGRES_PASSWORD" in compose["x-akhbar"]["environment"]["DATABASE_URL"]
        example = (REPO / ".env.example").read_text()
        for name in ("POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"):
            assert f"{name}=" in example

    def test_the_image_entry_point_is_the_akhbar_cli(self):
        dockerfile = (REPO / "Dockerfile").read_text()
        assert 'ENTRYPOINT ["akhbar"]' in dockerfile


def test_ci_runs_the_readme_test_command():
    assert "make test" in (REPO / ".ci" / "run").read_text()
    assert "make test" in (REPO / "README.md").read_text()
