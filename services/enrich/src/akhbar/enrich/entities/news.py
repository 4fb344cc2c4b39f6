"""The hand-written names of today's news, read from ``lists/news_names.tsv``.

Public figures, parties, institutions and places of current Moroccan and Arab news, which
no list the project can build offline holds, and words of the news that are never names
(label "O": كورونا). Training puts the names into the shipped gazetteer (``lexicons``,
``train``); at run time the recognizer tags them where the model left them untagged
(``consistency.propagate``). This module stays free of the training-time packages, as
the recognizer imports it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def news_entries() -> list[tuple[str, str]]:
    """(label, phrase) of the names in ``lists/news_names.tsv``."""
    return [(label, p) for label, p in news_names() if label != "O"]


@cache
def news_names() -> tuple[tuple[str, str], ...]:
    """(label, phrase) rows of ``lists/news_names.tsv``; label "O" marks a non-name."""
    text = (resources.files(__package__) / "lists" / "news_names.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            label, phrase = line.split("\t")
            rows.append((label, " ".join(phrase.split())))
    return tuple(rows)
