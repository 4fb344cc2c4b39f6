"""HTML pages: metadata, the displayed headline, its date line, the story, headline lists."""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from akhbar.parse.aggregator import READ_AT_SOURCE, posted_in
from akhbar.parse.guard import defuse
from akhbar.parse.html_blocks import Block, blocks_of
from akhbar.parse.html_body import body_paragraphs
from akhbar.parse.html_headlines import headline_list
from akhbar.parse.html_meta import Metadata, read_metadata
from akhbar.parse.html_title import heading_title, site_affix, strip_site_name
from akhbar.parse.published import from_metadata, from_url, printed_near_title
from akhbar.parse.textnorm import clean


def _source_link(blocks: list[Block]) -> str | None:
    """The href of the aggregator's "انقر هنا لقراءة الخبر من مصدره" link."""
    for block in blocks:
        if "مصدره" in block.text and READ_AT_SOURCE.search(block.text):
            node = block.element
            link = node if node.tag == "a" else node.css_first("a[href]")
            if link is not None and link.attributes.get("href"):
                return link.attributes["href"]
    return None


def _title_index(blocks: list[Block], title: str) -> int | None:
    size = len(title)
    for block in blocks:
        # clean() only ever shortens a block's text, so shorter blocks cannot match.
        if len(block.text) >= size and (block.text == title or clean(block.text) == title):
            return block.index
    return None


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    return urljoin(base, href) if base else href


def extract_html(html: str | bytes, url: str | None = None) -> dict:
    """Article fields read off an HTML page (bytes must be UTF-8)."""
    tree = LexborHTMLParser(defuse(html))
    meta: Metadata = read_metadata(tree)
    heading = heading_title(tree, meta.titles)
    if heading is not None:
        title = clean(heading.text())
    elif meta.titles:
        title = strip_site_name(meta.titles[0], meta.site_names)
    else:
        title = ""
    blocks = blocks_of(tree)
    headlines = headline_list(blocks)
    source_href = _source_link(blocks)
    base = url or meta.canonical or meta.og_url

    fields: dict = {"title": title, "headlines": headlines}
    skip = {title}
    published = None
    for block in blocks:
        if "نشر" not in block.text:  # posted_in's own first test, without a call per block
            continue
        found = posted_in(block.text)
        if found:
            fields["source_name"], date = found
            published = date.value
            skip.add(block.text)
            break
    title_index = _title_index(blocks, title) if title else None
    if published is None and title_index is not None:
        # The dateline is not added to ``skip``: the body drops datelines by their form,
        # and a prose paragraph that only mentions a date must stay.
        printed = printed_near_title(blocks, title_index)
        if printed is not None and not printed[0].updated:
            published = printed[0].value
        elif printed is not None:
            published = from_metadata(meta.published) or printed[0].value
    if published is None:
        published = from_metadata(meta.published) or from_url(url or meta.canonical)
    if published is None and title_index is not None:
        printed = printed_near_title(blocks, title_index, datelines_only=False)
        published = printed[0].value if printed is not None else None
    fields["published"] = published
    if "source_name" not in fields:
        fields["source_name"] = (meta.site_names or [None])[0] or site_affix(
            meta.page_title or "", title
        )
    fields["body"] = body_paragraphs(blocks, skip)
    fields["original_url"] = _absolute(source_href or meta.canonical or meta.og_url, base)
    for headline in headlines:
        headline.url = _absolute(headline.url, base)
    return fields
