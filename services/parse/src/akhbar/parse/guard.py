"""Defusing nesting bombs before lexbor sees them.

The HTML5 tree builder scans its stack of open elements for many tags, so a page of tens
of thousands of unclosed tags costs quadratic time (50,000 nested divs: 9 s in lexbor).
Real pages never open hundreds of elements in a row without closing one, so runs past
``MAX_RUN`` lose their extra opening tags; their text is kept.
"""

from __future__ import annotations

import re

MAX_RUN = 256
_VOID = r"(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b"
# An opening tag that is not a void element, followed by anything but another tag.
_OPEN = rf"<(?!{_VOID})[A-Za-z][^<>]*(?<!/)>[^<]*"
_RUN = re.compile(rf"(?:{_OPEN}){{{MAX_RUN},}}", re.IGNORECASE)
_RUN_BYTES = re.compile(_RUN.pattern.encode(), re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_TAG_BYTES = re.compile(rb"<[^<>]*>")


def defuse(html: str | bytes) -> str | bytes:
    """``html`` with every run of more than ``MAX_RUN`` unclosed opening tags cut down."""
    is_bytes = isinstance(html, bytes)
    closer, lt = (b"</", b"<") if is_bytes else ("</", "<")
    # A run of unclosed tags lies between two closing tags: only a stretch holding more
    # than MAX_RUN tags can hold one, and splitting and counting are C-speed scans.
    pieces = html.split(closer)
    # Each tag takes at least three characters, so only a long stretch can hold a run.
    if all(p.count(lt) <= MAX_RUN for p in pieces if len(p) > 3 * MAX_RUN):
        return html
    run, tag, empty = (_RUN_BYTES, _TAG_BYTES, b"") if is_bytes else (_RUN, _TAG, "")
    pieces = [
        run.sub(lambda m: _keep_first(m.group(0), tag, empty), p) if p.count(lt) > MAX_RUN else p
        for p in pieces
    ]
    return closer.join(pieces)


def _keep_first(run, tag, empty):
    seen = 0

    def drop_late(m):
        nonlocal seen
        seen += 1
        return m.group(0) if seen <= MAX_RUN else empty

    return tag.sub(drop_late, run)
