"""The one object a search's filters travel in, from the edge (API, CLI) to the query.

The eight filters were once passed along as eight arguments through every layer; each layer
restated them and could drift. Now the edge builds an ``ArticleFilter`` (which checks the label
and reads the dates once), and ``Store.search`` and ``queries.search_articles`` take it whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import get_args

from akhbar.shared.schemas import EntityLabel
from akhbar.store.when import parse_bound

LABELS: tuple[str, ...] = get_args(EntityLabel)

Bound = dt.datetime | dt.date | None


def check_label(label: str | None) -> str | None:
    """``label`` if it is one of ``EntityLabel``'s, else ``ValueError`` listing them."""
    label = getattr(label, "value", label)  # an enum member from the CLI
    if label is not None and label not in LABELS:
        raise ValueError(f"label: {label!r} is not one of {', '.join(LABELS)}")
    return label


@dataclasses.dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Articles matching every filter given, newest first; ``limit``/``offset`` page them.

    ``since``/``until`` take dates, datetimes or their ISO text and hold the parsed value
    (``BadDate`` names the filter otherwise); an unknown ``label`` is a ``ValueError``.
    """

    entity: str | None = None
    label: EntityLabel | None = None
    outlet: str | None = None
    since: Bound = None
    until: Bound = None
    text: str | None = None
    limit: int = 50
    offset: int = 0
    # One registry entity by its id (``/entities/{id}/articles``), beside ``entity`` by name.
    entity_id: int | None = None
    # Only the articles of this story (issue #17).
    story: str | None = None
    # One article per story: the earliest matching one (an article not grouped counts alone).
    collapse: bool = False
    # The article's language (ISO 639-1 as ``Article.language`` holds it: ``ar``, ``fr``...).
    language: str | None = None

    def __post_init__(self) -> None:
        # Frozen: the checked values are set through object.__setattr__, once, here.
        object.__setattr__(self, "label", check_label(self.label))
        object.__setattr__(self, "since", parse_bound(self.since, "since"))
        object.__setattr__(self, "until", parse_bound(self.until, "until"))
        if self.limit < 1 or self.offset < 0:
            raise ValueError(f"limit must be at least 1 and offset at least 0, not {self.limit}, {self.offset}")

    def page(self, limit: int, offset: int | None = None) -> ArticleFilter:
        """The same filters with another page."""
        return dataclasses.replace(self, limit=limit, offset=self.offset if offset is None else offset)
