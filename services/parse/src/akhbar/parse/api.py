"""The one public entry point: a page in, an ``Article`` out."""

from __future__ import annotations

import hashlib
import re

from akhbar.parse.decoding import decode
from akhbar.parse.errors import UnparseablePage
from akhbar.parse.html_page import extract_html
from akhbar.parse.plain_text import extract_text
from akhbar.shared.schemas import Article

_HTML_SIGNS = re.compile(r"<(?:!doctype|html|head|body|meta|title|div|p|article|br)[\s>/]", re.I)
_SNIFF_CHARS = 4096


def sniff_content_type(text: str) -> str:
    """ "text/html" when the start of the text carries HTML tags, else "text/plain"."""
    return "text/html" if _HTML_SIGNS.search(text[:_SNIFF_CHARS]) else "text/plain"


def content_id(text: str) -> str:
    """Stable id of a page: sha256 of its text with line ends and outer blanks normalized.

    Unicode normalization is left out on purpose: it costs as much as parsing the page,
    and the same page pushed twice arrives byte-identical.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:32]


def extract(
    content: str | bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    page_id: str | None = None,
) -> Article:
    """Read an article off a page given as text or bytes (HTML or plain text).

    Raises ``UnparseablePage`` (a ``ValueError``) only for empty or undecodable content.
    """
    text = decode(content) if isinstance(content, bytes) else content
    if not isinstance(text, str) or not text.strip():
        raise UnparseablePage("page is empty")
    text = text.lstrip("\ufeff")
    kind = content_type if content_type in ("text/html", "text/plain") else None
    kind = kind or sniff_content_type(text)
    fields = extract_html(text, url=url) if kind == "text/html" else extract_text(text)
    return Article(id=page_id or content_id(text), url=url, **fields)
