"""FastStream app of the enrich service: ``faststream run akhbar.enrich.app:create_app --factory``."""

from __future__ import annotations

from faststream import FastStream

from akhbar.enrich.handlers import handle
from akhbar.shared.schemas import ArticleEnriched, ArticleParsed
from akhbar.shared.service import StageSpec, build_app
from akhbar.shared.settings import Settings, get_settings

SPEC = StageSpec(
    "enrich", handle, ArticleParsed, ArticleEnriched,
    "Adds people, organizations, places, other names (PER/ORG/LOC/MISC) and dates, with offsets per field.",
)


def create_app(settings: Settings | None = None, sink=None) -> FastStream:
    return build_app(SPEC, settings or get_settings(), sink)
