"""akhbar's parse core: turn a news page (HTML or text) into an ``Article``.

    from akhbar.parse import extract
    article = extract(html_or_text, url=..., content_type=None, page_id=None)

Plain Python: no Redis, no FastStream. The service in ``app.py`` is a thin edge over this.
"""

from akhbar.parse.api import content_id, extract, sniff_content_type
from akhbar.parse.errors import UnparseablePage

__all__ = ["UnparseablePage", "content_id", "extract", "sniff_content_type"]
