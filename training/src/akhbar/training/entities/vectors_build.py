"""Learn ``model/vectors.npz`` from the unlabelled news corpus (training time only; option).

``python -m akhbar.training.entities.vectors_build [--corpus FILE] [--out FILE] [--dims N]``
(needs the ``ner-train`` dependency group: gensim).

The same word2vec vectors as the word clusters (``clusters_build``: the same tokens, the
same settings, one thread and a fixed seed, so the same bytes every run), kept instead of
clustered: the unit vectors of the words and stems seen ``--min-count`` times are reduced
by PCA to ``--dims`` dimensions (one PCA for words, one for stems), made unit length
again and stored as int8 (``vectors.Vectors``). The CRF sees them as real-valued
attributes (``features``) when ``train``/``crossval`` get ``--vectors``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

from akhbar.enrich.entities.clusters import STEM
from akhbar.enrich.entities.vectors import Vectors

from .clusters_build import MIN_COUNT, corpus_path, word_vectors, write_token_files
from .corpora import MODEL_DIR

DIMS = 32


def reduce(vectors: np.ndarray, dims: int) -> np.ndarray:
    """Unit vectors of the first ``dims`` principal components, as int8 (x 127). The sign
    of each component is fixed (largest loading positive) so the file is byte-stable."""
    from threadpoolctl import threadpool_limits

    centred = vectors - vectors.mean(axis=0)
    with threadpool_limits(1):
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
    comps = vt[:dims]
    comps *= np.sign(comps[np.arange(dims), np.abs(comps).argmax(axis=1)])[:, None]
    out = centred @ comps.T
    out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-9
    return np.round(out * 127).astype(np.int8)


def build(corpus: Path, dims: int = DIMS, min_count: int = MIN_COUNT, log=print) -> Vectors:
    t0 = time.time()
    words_out: list[str] = []
    values: list[np.ndarray] = []
    with tempfile.TemporaryDirectory() as tmp:
        words_file, stems_file = Path(tmp) / "words.txt", Path(tmp) / "stems.txt"
        n = write_token_files(corpus, words_file, stems_file)
        log(f"tokenized {n:,} tokens in {time.time() - t0:.0f}s")
        for key, token_file in (("", words_file), (STEM, stems_file)):
            t0 = time.time()
            words, vectors = word_vectors(token_file, min_count)
            words_out += [key + w for w in words]
            values.append(reduce(vectors, dims))
            log(f"{len(words):,} {'stems' if key else 'words'} in {time.time() - t0:.0f}s")
    return Vectors(words_out, np.concatenate(values))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", help="corpus file (default ../shared/data/corpus/egypt-2013.jsonl.gz)"
    )
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "vectors.npz")
    ap.add_argument("--dims", type=int, default=DIMS)
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    args = ap.parse_args(argv)
    vectors = build(corpus_path(args.corpus), args.dims, args.min_count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(vectors.save_bytes())
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(vectors):,} entries)")


if __name__ == "__main__":
    main()
