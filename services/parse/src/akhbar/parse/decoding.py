"""Bytes to text for the parser: the shared rule (``akhbar.shared.decoding``), with what
nothing can read reported as ``UnparseablePage``, the parser's one error."""

from __future__ import annotations

from akhbar.parse.errors import UnparseablePage
from akhbar.shared import decoding
from akhbar.shared.decoding import declared_charset, declares_utf8

__all__ = ["declared_charset", "declares_utf8", "decode"]


def decode(content: bytes, charset: str | None = None) -> str:
    """Text of a page given as bytes; ``charset`` is a transport hint (HTTP header)."""
    try:
        return decoding.decode(content, charset)
    except decoding.UndecodableBytes as e:
        raise UnparseablePage(str(e)) from e
