"""The window network's cost beside the ANERcorp body model, alternated in one process.

The body model of ANERcorp's conventions (``crf.npz``) labels the ANERcorp test split in
chunks of 16 sentences, alone and with a window network (``model/network.npz``, option,
off: build one with ``train --network --out DIR``), each from fresh caches (every word new)
and then warm, alternated ``--rounds`` times. Prints tokens per CPU-second and the ratio of
the pair in each round. ``--blas-threads N`` sets OpenBLAS's threads before numpy loads:
the network's two small matrix products per call are split over the threads, whose
spinning CPU time counts (docs/entities.md, *A neural tagger beside the CRF*).

    uv run python bench/bench_ner_network.py --network DIR/network.npz [--blas-threads 1]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--network", type=Path, required=True, help="a network.npz")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--blas-threads", type=int, help="OPENBLAS_NUM_THREADS for this run")
    args = ap.parse_args(argv)
    if args.blas_threads:
        if "numpy" in sys.modules:
            raise SystemExit("--blas-threads must be set before numpy is imported")
        os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(args.blas_threads)

    from akhbar.enrich.entities import recognizer
    from akhbar.enrich.entities.model import Tagger
    from akhbar.enrich.entities.network import Network
    from akhbar.enrich.entities.normalize import normalize
    from akhbar.training.entities import corpora

    sentences = corpora.read_anercorp(corpora.data_dir() / corpora.ANERCORP_TEST)
    norm = [[normalize(t) for t in toks] for toks, _ in sentences]
    tokens = sum(map(len, norm))
    body = recognizer.load_tagger()
    raw = args.network.read_bytes()
    t0 = time.process_time()
    Network.load(io.BytesIO(raw))
    print(f"network loaded in {time.process_time() - t0:.2f} CPU-s ({len(raw) / 1e6:.1f} MB)")

    def speed(tagger: Tagger) -> float:
        t = time.process_time()
        for i in range(0, len(norm), 16):
            tagger.tag_many(norm[i : i + 16], stacked=False)
        return tokens / (time.process_time() - t)

    for r in range(args.rounds):
        got = {}
        for name, network in (("alone", None), ("with network", raw)):
            net = Network.load(io.BytesIO(network)) if network else None
            tagger = Tagger(body.weights, body.gazetteer, network=net)
            got[name] = (speed(tagger), speed(tagger))
        for name, (cold, warm) in got.items():
            print(f"round {r}: {name:>12}: cold {cold:,.0f}  warm {warm:,.0f} tokens/CPU-s")
        (ca, wa), (cn, wn) = got["alone"], got["with network"]
        print(f"round {r}: with network / alone: cold {cn / ca:.2f}x  warm {wn / wa:.2f}x")


if __name__ == "__main__":
    main()
