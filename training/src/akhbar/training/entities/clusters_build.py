"""Learn ``model/clusters.tsv.gz`` from the unlabelled news corpus (training time only).

``python -m akhbar.training.entities.clusters_build [--corpus FILE] [--out FILE]``
(``make ner-clusters``; needs the ``ner-train`` dependency group: gensim, scikit-learn).

1. Every title and paragraph of the corpus is tokenized and normalized as the recognizer
   does it; a second copy has each word's proclitics stripped (``strip_proclitics``), so
   "بالرباط", "والرباط" and "الرباط" share a stem vector.
2. word2vec (CBOW) learns a vector per word of each copy. One worker thread and a fixed
   seed make the vectors, and so the shipped file, the same on every run.
3. k-means on the unit-length vectors of the words seen ``--min-count`` times, at several
   granularities, gives each word its cluster ids (coarse to fine, like Brown cluster
   prefixes; Guo et al. 2014 found clustered embeddings better CRF features than the raw
   vectors).

Only ``egypt-2013`` (Apache-2.0) may feed a shipped file: ``saudi-2015`` is
non-commercial (../shared/data/corpus/README.md).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from akhbar.enrich.entities.clitics import strip_proclitics
from akhbar.enrich.entities.clusters import STEM, Clusters
from akhbar.enrich.entities.normalize import normalize

from .corpora import MODEL_DIR, data_dir

SIZES = (64, 256, 1024)
MIN_COUNT = 10  # rarer words get no cluster: their vectors are noise
DIM = 100
EPOCHS = 5
SEED = 20261204
# Words as the recognizer's tokenizer cuts them, except that a number is cut off a word
# it is glued to ("2025م" -> "2025", "م"): every number becomes one "<num>" word below,
# and the letters after it stay a word of their own.
CORPUS_WORD = re.compile(r"[^\W\d_][\w\u064b-\u065f\u0670\u0640]*|\d+")


def corpus_path(override: str | None = None) -> Path:
    return Path(override) if override else data_dir().parent / "corpus" / "egypt-2013.jsonl.gz"


@functools.lru_cache(maxsize=1_000_000)
def _forms(token: str) -> tuple[str, str]:
    if token.isdigit():  # numbers are one word to the vectors: their value says nothing
        return "<num>", "<num>"
    word = normalize(token)
    return word, strip_proclitics(word)[1]


def texts_by_article(path: Path) -> Iterator[list[str]]:
    """The title and paragraphs of each article of a corpus file, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            yield [article.get("title") or "", *(article.get("body") or [])]


def texts(path: Path) -> Iterator[str]:
    """Each title and paragraph of a corpus file, in file order."""
    for paragraphs in texts_by_article(path):
        yield from paragraphs


def write_token_files(path: Path, words_out: Path, stems_out: Path) -> int:
    """One line of normalized words (and one of stems) per title or paragraph; token count."""
    n = 0
    with words_out.open("w", encoding="utf-8") as fw, stems_out.open("w", encoding="utf-8") as fs:
        for text in texts(path):
            forms = [_forms(t) for t in CORPUS_WORD.findall(text)]
            if len(forms) < 3:
                continue
            n += len(forms)
            fw.write(" ".join(w for w, _ in forms) + "\n")
            fs.write(" ".join(s for _, s in forms) + "\n")
    return n


def word2vec(token_file: Path, min_count: int):
    """gensim's word2vec (CBOW) over a token file (one text per line) with the clusters'
    settings, for words seen ``min_count`` times; one thread: the same vectors every run."""
    from gensim.models import Word2Vec

    return Word2Vec(
        corpus_file=str(token_file),
        vector_size=DIM,
        window=5,
        min_count=min_count,
        sg=0,
        negative=5,
        epochs=EPOCHS,
        workers=1,
        seed=SEED,
    )


def word_vectors(token_file: Path, min_count: int) -> tuple[list[str], np.ndarray]:
    """Words seen ``min_count`` times and their unit-length word2vec vectors."""
    model = word2vec(token_file, min_count)
    words = [w for w in model.wv.index_to_key if w != "<num>"]
    vectors = np.stack([model.wv[w] for w in words]).astype(np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return words, vectors


def cluster_ids(vectors: np.ndarray, sizes=SIZES) -> np.ndarray:
    """[word, granularity] k-means cluster ids (fixed seeds, one thread: reproducible)."""
    from sklearn.cluster import MiniBatchKMeans
    from threadpoolctl import threadpool_limits

    out = np.zeros((len(vectors), len(sizes)), dtype=np.int32)
    with threadpool_limits(1):
        for j, k in enumerate(sizes):
            km = MiniBatchKMeans(
                n_clusters=k, batch_size=8192, n_init=3, max_iter=100, random_state=SEED
            )
            out[:, j] = km.fit_predict(vectors)
    return out


def build(corpus: Path, min_count: int = MIN_COUNT, sizes=SIZES, log=print) -> Clusters:
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        words_file, stems_file = Path(tmp) / "words.txt", Path(tmp) / "stems.txt"
        n = write_token_files(corpus, words_file, stems_file)
        log(f"tokenized {n:,} tokens in {time.time() - t0:.0f}s")
        table: dict[str, list[int]] = {}
        for key, token_file in (("", words_file), (STEM, stems_file)):
            t0 = time.time()
            words, vectors = word_vectors(token_file, min_count)
            ids = cluster_ids(vectors, sizes)
            for w, row in zip(words, ids, strict=True):
                table[key + w] = row.tolist()
            log(
                f"{len(words):,} {'stems' if key else 'words'} clustered in {time.time() - t0:.0f}s"
            )
    return Clusters.from_ids(tuple(sizes), table)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", help="corpus file (default ../shared/data/corpus/egypt-2013.jsonl.gz)"
    )
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "clusters.tsv.gz")
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = ap.parse_args(argv)
    sizes = tuple(int(k) for k in args.sizes.split(","))
    clusters = build(corpus_path(args.corpus), args.min_count, sizes)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(clusters.save_bytes())
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(clusters):,} entries)")


if __name__ == "__main__":
    main()
