"""What the parser raises: only for content that holds nothing to read."""

from __future__ import annotations


class UnparseablePage(ValueError):
    """The content is empty, or bytes that no known encoding turns into text."""
