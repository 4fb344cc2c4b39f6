"""What a pushed page must be to enter the pipeline, and the stable id it gets."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
import unicodedata
from typing import Any

from akhbar.ingest.decode import UndecodableError, decode_bytes
from akhbar.shared.reliable import PermanentError
from akhbar.shared.schemas import PageAccepted, RawPage

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_HINT = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.IGNORECASE)
_FLAT_IGNORED = {"id"}


class RejectedPage(PermanentError):
    """The page can never be accepted; the message says why."""


def accept_page(payload: dict[str, Any], max_bytes: int, now: dt.datetime | None = None) -> PageAccepted:
    """Validate a pushed page and give it its content id, or raise ``RejectedPage``."""
    raw = RawPage.model_validate({k: v for k, v in payload.items() if k not in _FLAT_IGNORED})
    text = _text_of(raw, max_bytes)
    if _looks_binary(text):
        raise RejectedPage("content looks binary (NUL bytes or mostly control characters), not a page")
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))  # NFC last: removals can un-normalize
    if not text.strip():
        raise RejectedPage("empty content: nothing but whitespace or control characters")
    content_type = raw.content_type or ("text/html" if _HTML_HINT.search(text[:5000]) else "text/plain")
    return PageAccepted(
        page_id=_fingerprint(text),  # text is NFC already
        content=text,
        content_type=content_type,
        url=raw.url,
        source=raw.source,
        received_at=now or dt.datetime.now(dt.UTC),
    )


def page_id(text: str) -> str:
    """Hash of the normalized content: the same page pushed twice is one page."""
    return _fingerprint(unicodedata.normalize("NFC", text))


def _fingerprint(nfc_text: str) -> str:
    # str.split() folds the same whitespace as \s+, three times faster on 500 KB pages.
    return hashlib.sha256(" ".join(nfc_text.split()).encode("utf-8")).hexdigest()[:32]


def _text_of(raw: RawPage, max_bytes: int) -> str:
    if (raw.content is None) == (raw.content_b64 is None):
        raise RejectedPage("give exactly one of 'content' (text) or 'content_b64' (base64 bytes)")
    if raw.content is not None:
        size = len(raw.content.encode("utf-8", errors="surrogatepass"))
        if size > max_bytes:
            raise RejectedPage(f"page is {size} bytes, over the limit of {max_bytes}")
        return raw.content
    if len(raw.content_b64) * 3 // 4 > max_bytes:
        raise RejectedPage(f"page is about {len(raw.content_b64) * 3 // 4} bytes, over the limit of {max_bytes}")
    try:
        data = base64.b64decode(raw.content_b64, validate=True)
    except (binascii.Error, ValueError) as e:
        raise RejectedPage(f"'content_b64' is not valid base64: {e}") from e
    if b"\x00" in data[:8192]:
        raise RejectedPage("content looks binary (NUL bytes), not a page")
    try:
        return decode_bytes(data, raw.charset)
    except UndecodableError as e:
        raise RejectedPage(str(e)) from e


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if "\x00" in sample:
        return True
    controls = len(_CONTROL.findall(sample))
    return bool(sample) and controls / len(sample) > 0.3
