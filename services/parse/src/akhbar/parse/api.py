"""The one public entry point: a page in, an ``Article`` out."""

from __future__ import annotations

import codecs
import hashlib
import re

from akhbar.parse.decoding import declares_utf8, decode
from akhbar.parse.errors import UnparseablePage
from akhbar.parse.html_page import extract_html
from akhbar.parse.plain_text import extract_text
from akhbar.shared.language import with_languages
from akhbar.shared.schemas import Article

_HTML_SIGNS = re.compile(r"<(?:!doctype|html|head|body|meta|title|div|p|article|br)[\s>/]", re.I)
_SNIFF_CHARS = 4096
_ASCII_SPACE = frozenset(b" \t\n\r\x0b\x0c")  # what bytes.strip() removes


def sniff_content_type(text: str) -> str:
    """ "text/html" when the start of the text carries HTML tags, else "text/plain"."""
    return "text/html" if _HTML_SIGNS.search(text[:_SNIFF_CHARS]) else "text/plain"


def content_id(content: str | bytes) -> str:
    """Stable id of a page: sha256 of its UTF-8 bytes, line ends and outer blanks normalized.

    Text and its UTF-8 bytes give the same id. Unicode normalization is left out on
    purpose: it costs as much as parsing the page, and a page pushed twice arrives
    byte-identical.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
        if b"\r" in data:  # a lone CR is rare: the second copy of the page is mostly saved
            data = data.replace(b"\r", b"\n")
    # The hash reads the stripped span through a memoryview: data.strip() would copy the page.
    start, end = 0, len(data)
    while start < end and data[start] in _ASCII_SPACE:
        start += 1
    while end > start and data[end - 1] in _ASCII_SPACE:
        end -= 1
    return hashlib.sha256(memoryview(data)[start:end]).hexdigest()[:32]


def _kind(hint: str | None, head: str) -> str:
    return hint if hint in ("text/html", "text/plain") else sniff_content_type(head)


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
    if isinstance(content, bytes) and declares_utf8(content):
        # UTF-8 HTML goes to the parser as bytes: decoding it here only for lexbor to
        # encode it again would cost a fifth of the parse.
        if not content.strip():
            raise UnparseablePage("page is empty")
        if _kind(content_type, content[:_SNIFF_CHARS].decode("utf-8", "ignore")) == "text/html":
            fields = extract_html(content, url=url)
            return with_languages(Article(id=page_id or content_id(content), url=url, **fields))
    text = decode(content) if isinstance(content, bytes) else content
    if not isinstance(text, str) or not text.strip():
        raise UnparseablePage("page is empty")
    text = text.lstrip("\ufeff")
    if _kind(content_type, text[:_SNIFF_CHARS]) == "text/html":
        fields = extract_html(text, url=url)
    else:
        fields = extract_text(text)
    return with_languages(Article(id=page_id or content_id(text), url=url, **fields))
