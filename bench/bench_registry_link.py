"""What linking French and Arabic names of one entity costs the store's writes (issue 18).

Writes the same synthetic articles (``bench_store.Generator``: Arabic names, most of them new
in the first batches, which is when the lookup runs) into fresh SQLite stores in batches,
with the cross-script lookup of ``registry_db._other_script`` and with it switched off,
alternated in one process; prints the best time of each and their ratio.

    .venv/bin/python bench/bench_registry_link.py [--n 3000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import Generator  # noqa: E402

from akhbar.store import Store, registry_db  # noqa: E402

BATCH = 500


def write(n: int, lookup: bool) -> float:
    real = registry_db._other_script
    if not lookup:
        registry_db._other_script = lambda *args, **kwargs: None
    try:
        gen = Generator()
        with tempfile.TemporaryDirectory() as tmp, Store.from_url(f"sqlite:///{tmp}/b.db") as store:
            elapsed = 0.0
            for chunk in range(0, n, BATCH):
                batch = [gen.article(i) for i in range(chunk, min(n, chunk + BATCH))]
                started = time.perf_counter()
                store.upsert_many(batch)
                elapsed += time.perf_counter() - started
            return elapsed
    finally:
        registry_db._other_script = real


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(args.rounds):
        for lookup in (False, True):
            times[lookup].append(write(args.n, lookup))
    best_off, best_on = min(times[False]), min(times[True])
    print(f"{args.n} articles, batches of {BATCH}, best of {args.rounds}: "
          f"without lookup {best_off:.2f} s, with {best_on:.2f} s, ratio {best_on / best_off:.3f}")


if __name__ == "__main__":
    main()
