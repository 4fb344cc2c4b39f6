"""A small neural tagger over the corpus's word2vec vectors, for the CRF's ensemble
(training time only; JAX on CPU).

Why: the CRF sees a word through its attributes and the cluster ids of its vector; a
network sees the vector itself and learns which of its directions tell names apart
(docs/entities.md, *A neural tagger beside the CRF*). Alone it is weaker than the CRF on
ANERcorp's 125,000 training tokens; its emission scores added to the CRF's are better than
either (``neural_crossval``).

The network, per token: the word's and its proclitic-stripped stem's word2vec vectors
(``corpus_vectors``, kept fixed: fine-tuning 124,000 rows on 4,000 sentences overfits within
three epochs), a character CNN over the normalized word, and the gazetteer's tags of the
token (the CRF's own ``Gazetteer.match``, jackknifed on the training sentences as
``train.featurize`` does). Then either a BiLSTM (``arch="lstm"``) or one dense layer over a
window of five tokens (``arch="window"``, SENNA's shape: its first layer is linear in each
word, so a runtime can cache it per word as the CRF's scorer does), and a linear-chain CRF
layer trained by its log-likelihood.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from akhbar.enrich.entities.network import (
    GAZ_TAGS,
    MAX_CHARS,
    TAGS,
    UNK,
    WINDOW,
    Network,
    char_rows,
    gaz_vector,
    joined_emissions,
    joined_transitions,
    ordered_keys,
    word_forms,
)
from akhbar.enrich.entities.normalize import normalize

PAD = 0  # row of padding in every table (UNK, 1: a word the vocabulary lacks)
# word2vec of the corpus (``corpus_vectors``): learned once, kept out of git, for words seen
# this often (``Config.min_count`` chooses among them)
VECTOR_CACHE = Path("var/ner-vectors")
VECTOR_MIN_COUNT = 5


@dataclasses.dataclass(frozen=True)
class Config:
    arch: str = "lstm"
    hidden: int = 128
    epochs: int = 8
    lr: float = 2e-3
    dropout: float = 0.5
    batch: int = 16
    word_dropout: float = 0.05  # tokens replaced by the unknown word while training
    # Vectors of words the corpus writes this often (the clusters' threshold: rarer words'
    # vectors are noise), which also keeps the file near 15 MB.
    min_count: int = 10
    char_dim: int = 25
    char_filters: int = 50
    seed: int = 7


def forms(token: str) -> tuple[str, str]:
    """(normalized word, its stem) as the vectors were learned (``network.word_forms``)."""
    return word_forms(normalize(token))


@dataclasses.dataclass
class Vocabulary:
    """Row of each word, stem and letter; the embedding tables start from the vectors."""

    words: dict[str, int]
    stems: dict[str, int]
    chars: dict[str, int]
    word_vectors: np.ndarray
    stem_vectors: np.ndarray

    @classmethod
    def build(cls, sentences, word_kv, stem_kv, min_count: int = 1, seed: int = 1) -> Vocabulary:
        """The vectors' words and stems seen ``min_count`` times, then the training
        sentences' others (small random rows, fixed like the vectors: the character CNN
        and the neighbours carry such words); letters seen twice."""
        rng = np.random.RandomState(seed)
        pairs = [forms(t) for toks, _ in sentences for t in toks]
        words, wv = _table(word_kv, Counter(w for w, _ in pairs), rng, min_count)
        stems, sv = _table(stem_kv, Counter(s for _, s in pairs), rng, min_count)
        letters = Counter(c for toks, _ in sentences for t in toks for c in normalize(t))
        chars = {c: i + 2 for i, c in enumerate(sorted(c for c, n in letters.items() if n >= 2))}
        return cls(words, stems, chars, wv, sv)


def _table(kv, seen: Counter, rng, min_count: int) -> tuple[dict[str, int], np.ndarray]:
    # gensim orders its words by falling count: the frequent ones are a prefix
    keys = [w for i, w in enumerate(kv.index_to_key) if _count(kv, i) >= min_count]
    index = {w: i + 2 for i, w in enumerate(keys)}
    for w in sorted(seen):
        if w not in index:
            index[w] = len(index) + 2
    table = rng.normal(0, 0.1, (len(index) + 2, kv.vector_size)).astype(np.float32)
    table[PAD] = 0
    vectors = np.asarray(kv.vectors[: len(keys)], dtype=np.float32)
    assert keys == list(kv.index_to_key[: len(keys)])
    table[2 : 2 + len(keys)] = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    return index, table


def _count(kv, i: int) -> int:
    """How often the corpus wrote the ``i``-th word (a table without counts: always)."""
    try:
        return kv.get_vecattr(kv.index_to_key[i], "count")
    except (AttributeError, KeyError):
        return 1 << 30


@dataclasses.dataclass
class Encoded:
    words: np.ndarray  # [n] rows
    stems: np.ndarray
    chars: np.ndarray  # [n, MAX_CHARS]
    gaz: np.ndarray  # [n, len(GAZ_TAGS)] 0/1
    tags: np.ndarray | None


def encode(tokens: Sequence[str], gaz_tags, vocab: Vocabulary, tags=None) -> Encoded:
    """One sentence as the network reads it; ``gaz_tags``: ``Gazetteer.match`` of its
    normalized words."""
    pairs = [forms(t) for t in tokens]
    chars = np.zeros((len(tokens), MAX_CHARS), np.int32)
    for i, t in enumerate(tokens):
        rows = char_rows(normalize(t), vocab.chars)
        chars[i, : len(rows)] = rows
    gaz = np.zeros((len(tokens), len(GAZ_TAGS)), np.float32)
    for i, found in enumerate(gaz_tags):
        gaz[i] = gaz_vector(found)
    return Encoded(
        np.array([vocab.words.get(w, UNK) for w, _ in pairs], np.int32),
        np.array([vocab.stems.get(s, UNK) for _, s in pairs], np.int32),
        chars,
        gaz,
        None if tags is None else np.array([TAGS.index(t) for t in tags], np.int32),
    )


def batches(data: list[Encoded], size: int, rng=None):
    """Padded batches of sentences of similar length (lengths rounded up to 8, so JAX
    compiles few shapes); shuffled batch order with ``rng``."""
    order = np.argsort([len(d.words) for d in data], kind="stable")
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(groups)
    for g in groups:
        n = int(np.ceil(max(len(data[i].words) for i in g) / 8) * 8)
        b = len(g)
        out = {
            "words": np.zeros((b, n), np.int32),
            "stems": np.zeros((b, n), np.int32),
            "chars": np.zeros((b, n, MAX_CHARS), np.int32),
            "gaz": np.zeros((b, n, len(GAZ_TAGS)), np.float32),
            "tags": np.zeros((b, n), np.int32),
            "mask": np.zeros((b, n), np.float32),
        }
        for j, i in enumerate(g):
            d = data[i]
            m = len(d.words)
            out["words"][j, :m] = d.words
            out["stems"][j, :m] = d.stems
            out["chars"][j, :m] = d.chars
            out["gaz"][j, :m] = d.gaz
            out["mask"][j, :m] = 1
            if d.tags is not None:
                out["tags"][j, :m] = d.tags
        yield g, out


def input_width(vocab: Vocabulary, config: Config) -> int:
    return (
        vocab.word_vectors.shape[1]
        + vocab.stem_vectors.shape[1]
        + config.char_filters
        + len(GAZ_TAGS)
    )


def init_params(vocab: Vocabulary, config: Config) -> dict[str, np.ndarray]:
    rng = np.random.RandomState(config.seed)

    def glorot(*shape):
        lim = np.sqrt(6 / (shape[0] + shape[-1]))
        return rng.uniform(-lim, lim, shape).astype(np.float32)

    d, h, t = input_width(vocab, config), config.hidden, len(TAGS)
    p = {
        "word_vectors": vocab.word_vectors,
        "stem_vectors": vocab.stem_vectors,
        "char_emb": rng.normal(0, 0.1, (len(vocab.chars) + 2, config.char_dim)).astype(np.float32),
        "char_conv": glorot(3 * config.char_dim, config.char_filters),
        "char_bias": np.zeros(config.char_filters, np.float32),
    }
    if config.arch == "window":
        p["window"] = glorot((2 * WINDOW + 1) * d, h)
        p["window_bias"] = np.zeros(h, np.float32)
        p["out"] = glorot(h, t)
    elif config.arch == "lstm":
        for side in ("fwd", "bwd"):
            p[side] = glorot(d + h, 4 * h)
            bias = np.zeros(4 * h, np.float32)
            bias[h : 2 * h] = 1.0  # forget gates start open
            p[side + "_bias"] = bias
        p["out"] = glorot(2 * h, t)
    else:
        raise ValueError(f"unknown arch {config.arch!r}")
    p["out_bias"] = np.zeros(t, np.float32)
    p["transitions"] = np.zeros((t, t), np.float32)
    p["start"] = np.zeros(t, np.float32)
    p["end"] = np.zeros(t, np.float32)
    return p


FIXED = ("word_vectors", "stem_vectors")  # not trained (see the module's docstring)


@dataclasses.dataclass
class NeuralTagger:
    """A trained network: its vocabulary, weights and configuration."""

    vocab: Vocabulary
    params: dict[str, np.ndarray]
    config: Config

    def emissions(self, data: list[Encoded]) -> list[np.ndarray]:
        """Emission scores [token, TAGS] of each encoded sentence (no dropout)."""
        fn = _emit_fn(self.config)
        out: list[np.ndarray | None] = [None] * len(data)
        for g, b in batches(data, 64):
            e = np.asarray(fn(self.params, b))
            for j, i in enumerate(g):
                out[i] = e[j, : len(data[i].words)]
        return out  # type: ignore[return-value]


@functools.lru_cache(maxsize=4)
def _emit_fn(config: Config):
    import jax

    from . import neural_jax

    return jax.jit(lambda p, b: neural_jax.emissions(p, b, config, None))


def train(sentences, gaz_tags, word_kv, stem_kv, config: Config, log=None) -> NeuralTagger:
    """Train on gold (tokens, tags) ``sentences``; ``gaz_tags``: each sentence's
    ``Gazetteer.match`` (jackknifed). Deterministic for a given config and data on one
    machine (fixed seeds, fixed batch order)."""
    from . import neural_jax

    vocab = Vocabulary.build(sentences, word_kv, stem_kv, config.min_count)
    data = [
        encode(toks, g, vocab, tags) for (toks, tags), g in zip(sentences, gaz_tags, strict=True)
    ]
    params = neural_jax.fit(init_params(vocab, config), data, config, log)
    return NeuralTagger(vocab, params, config)


def corpus_vectors(cache: Path, corpus: Path | None = None, log=print):
    """word2vec KeyedVectors of the corpus's words and of their stems (``clusters_build``'s
    tokens and settings, ``clusters_build.word2vec``), trained once and kept under ``cache``."""
    from gensim.models import KeyedVectors

    from . import clusters_build as cb

    cache.mkdir(parents=True, exist_ok=True)
    paths = {k: cache / f"{k}.kv" for k in ("words", "stems")}
    if not all(p.is_file() for p in paths.values()):
        tokens = {k: cache / f"{k}.txt" for k in paths}
        cb.write_token_files(corpus or cb.corpus_path(), tokens["words"], tokens["stems"])
        for k, path in paths.items():
            model = cb.word2vec(tokens[k], VECTOR_MIN_COUNT)
            model.wv.save(str(path))
            tokens[k].unlink()
            log(f"{k}: {len(model.wv):,} vectors")
    return KeyedVectors.load(str(paths["words"])), KeyedVectors.load(str(paths["stems"]))


def combined_tags(
    crf_emissions: np.ndarray,
    crf_transitions: np.ndarray,
    crf_labels: Sequence[str],
    nn_emissions: np.ndarray,
    nn_params: dict[str, np.ndarray],
    weight: float,
    o_penalty: float,
) -> list[str]:
    """The labels of one sentence under the CRF's scores joined with the network's as the
    body model's ``Tagger`` joins them (``network.joined_emissions``), from emissions
    already computed: ``neural_crossval`` scores its grid of ``weight`` and ``o_penalty``
    without labelling the folds again for each point."""
    from akhbar.enrich.entities.model import viterbi

    em = joined_emissions(
        crf_emissions,
        crf_labels,
        nn_emissions,
        nn_params["start"],
        nn_params["end"],
        weight,
        o_penalty,
        [(0, len(crf_emissions))],
    )
    tr = joined_transitions(crf_transitions, crf_labels, nn_params["transitions"], weight)
    return [crf_labels[i] for i in viterbi(em, tr)]


def runtime_network(net: NeuralTagger, weight: float, o_penalty: float):
    """The shipped form of a window network (``akhbar.enrich.entities.network.Network``),
    joined to the CRF with ``weight`` and ``o_penalty``."""
    if net.config.arch != "window":
        raise ValueError("only the window network runs beside the CRF (a BiLSTM is too slow)")
    return Network(
        ordered_keys(net.vocab.words),
        ordered_keys(net.vocab.stems),
        ordered_keys(net.vocab.chars),
        net.params["word_vectors"],
        net.params["stem_vectors"],
        {k: net.params[k] for k in Network.ARRAYS},
        weight,
        o_penalty,
    )
