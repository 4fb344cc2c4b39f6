"""The parse stage: ``PageAccepted`` in, ``ArticleParsed`` out."""

from __future__ import annotations

from akhbar.parse import extract
from akhbar.shared.reliable import PermanentError, Processed
from akhbar.shared.schemas import ArticleParsed, PageAccepted
from akhbar.shared.wire import load


def handle(fields: dict[str, str]) -> Processed:
    page = load(PageAccepted, fields)
    try:
        article = extract(page.content, url=page.url, content_type=page.content_type, page_id=page.page_id)
    except ValueError as e:  # the parser's word that this page has no article in it
        raise PermanentError(f"unparseable page: {e}") from e
    return Processed(
        ArticleParsed(article=article), article.id,
        {"article_id": article.id, "headlines": len(article.headlines), "paragraphs": len(article.body)},
    )
