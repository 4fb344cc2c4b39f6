"""FastStream app of the store service: ``faststream run akhbar.store.app:create_app --factory``."""

from __future__ import annotations

from faststream import FastStream

from akhbar.shared.schemas import ArticleEnriched, ArticleStored, StoryUpdated
from akhbar.shared.service import Retention, StageSpec, build_app
from akhbar.shared.settings import Settings, get_settings
from akhbar.shared.streams import STORIES_UPDATED
from akhbar.store.handlers import StoreHandlers


def create_app(settings: Settings | None = None, sink=None) -> FastStream:
    settings = settings or get_settings()
    handlers = StoreHandlers(settings)
    spec = StageSpec(
        service="store",
        handler=handlers.one,
        consumes=ArticleEnriched,
        produces=ArticleStored,
        description=(
            "Upserts enriched articles by id into SQLite or PostgreSQL, groups each into a "
            "story, and announces each stored article and its story."
        ),
        batch_handler=handlers.batch,
        warmup=handlers.store,  # connects and runs the migrations before the first article
        # Downstream consumers read the enriched stream (the store's input) and the stored one.
        retention=Retention(input=True, output=True),
        also_produces={STORIES_UPDATED: StoryUpdated},
    )
    return build_app(spec, settings, sink)
