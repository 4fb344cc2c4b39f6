"""A downstream service of your own: every enriched article, once, surviving restarts.

    REDIS_URL=redis://localhost:6379/0 uv run python examples/subscriber.py [GROUP]

It joins consumer group GROUP (default ``example-subscriber``) on the enriched stream and
prints one line per article: its id, outlet and the people it names. Stop it with Ctrl-C
and start it again: it goes on with the first article it had not finished. Without
REDIS_URL it reads the embedded server that ``akhbar run`` started in ``var/``.

Replace ``handle`` with your own work (index, notify, copy to your database). An article is
acknowledged once ``handle`` returns; if it raises, the article is delivered again on the
next run, so make ``handle`` idempotent by ``article.id``.
"""

from __future__ import annotations

import sys

from akhbar.shared.schemas import EnrichedArticle
from akhbar.shared.subscribe import enriched_articles


def handle(article: EnrichedArticle) -> None:
    people = sorted({e.canonical for e in article.entities if e.label == "PER"})
    print(f"{article.id}  {article.source_name or '?'}  {article.title[:60]}  people: {', '.join(people) or '-'}")


def main() -> None:
    group = sys.argv[1] if len(sys.argv) > 1 else "example-subscriber"
    try:
        for article in enriched_articles(group, consumer="example"):
            handle(article)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
