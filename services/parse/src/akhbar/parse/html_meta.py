"""What a page says about itself in machine-readable form: meta tags, JSON-LD, links."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from akhbar.parse.textnorm import clean

_PUBLISHED_KEYS = (
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "datecreated",
    "og:published_time",
)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "webpage"}


@dataclass
class Metadata:
    titles: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    page_title: str | None = None  # the <title> element, site name and all
    canonical: str | None = None
    og_url: str | None = None


def _json_ld_items(scripts: list[LexborNode]):
    for script in scripts:
        try:
            data = json.loads(script.text(deep=True))
        except (ValueError, TypeError):
            continue  # broken JSON-LD is common; the meta tags still count
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                yield item


def _json_ld(scripts: list[LexborNode], meta: Metadata) -> None:
    for item in _json_ld_items(scripts):
        kind = item.get("@type")
        kinds = {
            k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)
        }
        if kinds & _ARTICLE_TYPES:
            if isinstance(item.get("headline"), str):
                meta.titles.append(clean(html.unescape(item["headline"])))
            if isinstance(item.get("datePublished"), str):
                meta.published.insert(0, item["datePublished"])
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                meta.site_names.append(clean(publisher["name"]))
        elif "website" in kinds and isinstance(item.get("name"), str):
            meta.site_names.append(clean(item["name"]))


# Everything read here, found in one selector pass over the page (each pass walks it all).
_SELECTOR = (
    'meta[content], time[datetime], script[type="application/ld+json"], title, '
    'link[rel="canonical"][href]'
)


def read_metadata(tree: LexborHTMLParser) -> Metadata:
    meta = Metadata()
    published: dict[str, str] = {}
    found: dict[str, list[LexborNode]] = {
        "meta": [],
        "time": [],
        "script": [],
        "title": [],
        "link": [],
    }
    for node in tree.css(_SELECTOR):
        found.setdefault(node.tag, []).append(node)
    for node in found["meta"]:
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = (attrs.get("content") or "").strip()
        if not key or not value:
            continue
        if key in ("og:title", "twitter:title"):
            meta.titles.append(clean(value))
        elif key in ("og:site_name", "application-name"):
            meta.site_names.append(clean(value))
        elif key == "og:url":
            meta.og_url = value
        elif key in _PUBLISHED_KEYS:
            published.setdefault(key, value)
    for node in found["time"]:
        if (node.attributes.get("itemprop") or "").lower() == "datepublished":
            published.setdefault("datepublished", node.attributes.get("datetime") or "")
    meta.published = [published[key] for key in _PUBLISHED_KEYS if published.get(key)]
    _json_ld(found["script"], meta)
    title = found["title"][0] if found["title"] else None
    if title is not None and clean(title.text()):
        meta.page_title = clean(title.text())
        meta.titles.append(meta.page_title)
    canonical = found["link"][0] if found["link"] else None
    if canonical is not None:
        meta.canonical = (canonical.attributes.get("href") or "").strip() or None
    return meta
