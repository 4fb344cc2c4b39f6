"""Stories: which articles report the same event, and how.

A plain-Python core (no SQL, no Redis): ``features`` turns an article into what is compared,
``assign`` files it into an ``Index`` of what was grouped before. The store keeps that index in
its database (``akhbar.store.story_index``); ``MemoryIndex`` serves evaluation and benchmarks.
"""

from akhbar.store.stories.grouping import (
    Assignment,
    Doc,
    Features,
    Index,
    MemoryIndex,
    Params,
    assign,
    decide,
    features,
    story_id_for,
)

__all__ = [
    "Assignment",
    "Doc",
    "Features",
    "Index",
    "MemoryIndex",
    "Params",
    "assign",
    "decide",
    "features",
    "story_id_for",
]
