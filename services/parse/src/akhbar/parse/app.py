"""FastStream app of the parse service: ``faststream run akhbar.parse.app:create_app --factory``."""

from __future__ import annotations

from faststream import FastStream

from akhbar.parse.handlers import handle
from akhbar.shared.schemas import ArticleParsed, PageAccepted
from akhbar.shared.service import StageSpec, build_app
from akhbar.shared.settings import Settings, get_settings

SPEC = StageSpec(
    service="parse",
    handler=handle,
    consumes=PageAccepted,
    produces=ArticleParsed,
    description="Turns an accepted page (HTML or text) into an Article: title, outlet, date, body, headlines.",
)


def create_app(settings: Settings | None = None, sink=None) -> FastStream:
    return build_app(SPEC, settings or get_settings(), sink)
