"""FastStream app of the enrich service: ``faststream run akhbar.enrich.app:create_app --factory``."""

from __future__ import annotations

from faststream import FastStream

from akhbar.enrich.core import enrich
from akhbar.enrich.handlers import handle
from akhbar.shared.schemas import Article, ArticleEnriched, ArticleParsed
from akhbar.shared.service import StageSpec, build_app
from akhbar.shared.settings import Settings, get_settings


def warm_up() -> None:
    """Load the entity model and compile the date rules on a two-line article."""
    enrich(Article(id="warm-up", title="قال الرئيس في الرباط", body=["زار الوزير مدينة مراكش يوم 3 مارس 2025."]))


SPEC = StageSpec(
    service="enrich",
    handler=handle,
    consumes=ArticleParsed,
    produces=ArticleEnriched,
    description="Adds people, organizations, places, other names (PER/ORG/LOC/MISC) and dates, with offsets per field.",
    warmup=warm_up,
)


def create_app(settings: Settings | None = None, sink=None) -> FastStream:
    return build_app(SPEC, settings or get_settings(), sink)
