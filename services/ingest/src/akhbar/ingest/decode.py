"""Bytes to text for pages pushed as raw bytes (``content_b64``): the shared rule
(``akhbar.shared.decoding``), so ingest and parse read a page's bytes the same way."""

from __future__ import annotations

from akhbar.shared.decoding import UndecodableBytes as UndecodableError
from akhbar.shared.decoding import declared_charset
from akhbar.shared.decoding import decode as decode_bytes

__all__ = ["UndecodableError", "declared_charset", "decode_bytes"]
