"""The ingest stage: raw stream entry in, ``PageAccepted`` out."""

from __future__ import annotations

from akhbar.ingest.accept import accept_page
from akhbar.shared.reliable import Processed
from akhbar.shared.settings import Settings
from akhbar.shared.wire import payload


def make_handler(settings: Settings):
    def handle(fields: dict[str, str]) -> Processed:
        page = accept_page(payload(fields), settings.max_page_bytes)
        return Processed(page, page.page_id, {"page_id": page.page_id, "bytes": len(page.content)})

    return handle
