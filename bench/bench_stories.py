"""Articles per CPU-second through the story grouping core, and its memory, over the corpora
of ../shared/data/corpus (egypt-2013 then saudi-2015, about 174k articles, in fetch order per
corpus), beside a reference run in the same process: the store's own search-index tokenizing
of the same articles (``search_document``), work every upsert already does.

    uv run python bench/bench_stories.py [--limit N]

Entities and dates are not computed here (that is enrich's cost, not grouping's): articles are
grouped on text alone, so same-event candidates come from title and lead words only.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc

from akhbar.store.normalize import search_document
from akhbar.store.stories import MemoryIndex, Params, assign, features
from akhbar.store.stories.text import Idf
from akhbar.training.stories.corpus import read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0: all)")
    args = parser.parse_args()
    idf, params = Idf.shipped(), Params()
    grouping_cpu = reference_cpu = 0.0
    n = copies = same_event = 0
    checkpoints = []
    tracemalloc.start()
    for corpus in ("egypt-2013", "saudi-2015"):
        # Each corpus in fetch order, as a live feed would deliver it; one index per corpus
        # (two years apart: nothing would match across them anyway).
        articles = sorted(read(corpus), key=lambda a: (a.fetched, a.ref))
        index = MemoryIndex()
        for a in articles:
            if args.limit and n >= args.limit:
                break
            doc = a.doc()
            t = time.process_time()
            search_document(doc.title, *doc.body)
            reference_cpu += time.process_time() - t
            t = time.process_time()
            decision = assign(features(doc, idf), index, params)
            grouping_cpu += time.process_time() - t
            copies += decision.relation == "copy"
            same_event += decision.relation == "same_event"
            n += 1
            if n % 20_000 == 0:
                current, _ = tracemalloc.get_traced_memory()
                checkpoints.append((n, len(index.items), current / 2**20))
                print(f"{n:>7} articles  index holds {len(index.items):>6}  "
                      f"traced memory {current / 2**20:7.1f} MiB  "
                      f"{n / grouping_cpu:7.0f} articles/CPU-s", flush=True)
        del articles
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{n} articles: {copies} copies, {same_event} same-event, "
          f"{n - copies - same_event} first of a story")
    print(f"grouping core   {n / grouping_cpu:8.0f} articles/CPU-s  ({1000 * grouping_cpu / n:.2f} ms each)")
    print(f"reference       {n / reference_cpu:8.0f} articles/CPU-s  (search_document tokenizing)")
    print(f"ratio           {grouping_cpu / reference_cpu:8.2f}x the reference's CPU time")
    print(f"peak RSS {rss:.0f} MiB (includes each corpus held sorted in memory); "
          f"index memory by checkpoint: "
          + ", ".join(f"{k}: {m:.0f} MiB/{h} items" for k, h, m in checkpoints))


if __name__ == "__main__":
    main()
