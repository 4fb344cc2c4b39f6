"""FastStream app of the ingest service: ``faststream run akhbar.ingest.app:create_app --factory``."""

from __future__ import annotations

from faststream import FastStream

from akhbar.ingest.handlers import make_handler
from akhbar.shared.schemas import PageAccepted, RawPage
from akhbar.shared.service import StageSpec, build_app
from akhbar.shared.settings import Settings, get_settings


def spec(settings: Settings) -> StageSpec:
    return StageSpec(
        service="ingest",
        handler=make_handler(settings),
        consumes=RawPage,
        produces=PageAccepted,
        description="Validates pushed pages (schema, size, encoding, content) and gives each a content-hash id.",
    )


def create_app(settings: Settings | None = None, sink=None) -> FastStream:
    settings = settings or get_settings()
    return build_app(spec(settings), settings, sink)
