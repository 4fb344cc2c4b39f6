"""The store: enriched articles in SQLite or PostgreSQL, and the queries people ask of them.

``from akhbar.store import Store`` is the library; ``akhbar.store.api`` serves it over HTTP and
``akhbar.store.cli`` holds the ``akhbar articles``/``akhbar entities top`` commands.
"""

from akhbar.store.store import Store
from akhbar.store.views import ArticleSummary, TopEntity
from akhbar.store.when import BadDate

__all__ = ["Store", "ArticleSummary", "TopEntity", "BadDate"]
