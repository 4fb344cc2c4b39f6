"""Train the entity model: ``python -m akhbar.training.entities.train`` (``make train-ner``).

Reads the ANERcorp CAMeL *train* split, AQMAR and the Wojood sample (never the ANERcorp
test split; ``--data`` or $AKHBAR_NER_DATA point elsewhere), builds the gazetteer, trains a
CRF with CRFsuite, and writes ``model/crf.npz`` and ``model/gazetteer.tsv`` into the package
(or ``--out``).

Names seen in the training data become gazetteer entries, and so do the hand-written
names of today's news (``lists/news_names.tsv``), in the shipped gazetteer only. If the
model were trained with a gazetteer that already holds every training name, it would
learn to trust the gazetteer blindly; so each fifth of the training sentences is
featurized with a gazetteer built from the other four fifths (plus the package lists), as
it will meet unseen names.
``--extras`` says how AQMAR and Wojood are used. ``--dev`` holds out the last tenth of the
ANERcorp train split and scores on it: that is the split used for tuning.

By default the model also reads the word clusters of ``make ner-clusters``
(``model/clusters.tsv.gz``; ``--clusters none`` without), Wikidata's full names of people of
Arab countries go into the gazetteer (``wikidata``; ``--no-wikidata`` without), and the
titles of corpus articles train the model of headline fields (``self_training``,
``model/crf_headline.npz``; ``--headline-titles 0`` without); these need the ner-train
dependency group and ../shared/data/corpus.

These options are off by default (docs/entities.md says why): ``--word-lists`` compiles
``model/words.tsv.gz`` (``wordlists_build``) and adds its attributes; ``--stack`` also
trains the second pass (``stack``) into ``model/crf2.npz``, and ``--words-second-only``
gives the word-list attributes to that second pass alone; ``--corpus-names FILE`` puts
``corpus_names``' list into the shipped gazetteer; ``--vectors FILE`` adds the dense word
vectors of ``vectors_build`` as real-valued attributes and ships them as
``model/vectors.npz``.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from pathlib import Path

import numpy as np
import pycrfsuite

from akhbar.enrich.entities import wordlists
from akhbar.enrich.entities.clusters import Clusters
from akhbar.enrich.entities.features import sentence_items
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.model import CrfWeights, Tagger
from akhbar.enrich.entities.network import Network
from akhbar.enrich.entities.news import news_entries
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.stack import document_tags, stacked_attributes
from akhbar.enrich.entities.vectors import Vectors

from . import corpora, neural, news_labels, self_training, wikidata, wordlists_build
from .evaluate import WINDOW, evaluate
from .export import weights_from_crfsuite
from .lexicons import names_from, package_entries, word_classes

MODEL_DIR = corpora.MODEL_DIR
# Names the model finds often and consistently in the unlabelled corpus (``corpus_names``):
# with ``--corpus-names`` they join the shipped gazetteer. Off: on the headline dev set they
# moved F1 by +0.2 and cost 3 points of precision (docs/entities.md).
CORPUS_NAMES = corpora.DATA_DIR / "corpus_names.tsv"
# Titles of this many corpus articles, labelled with their article's help, train the model
# of headline fields (``self_training``; 0: headlines use the body model). Chosen on the
# headline set's dev split: headlines 64.7 -> 70.3 F1 (docs/entities.md).
HEADLINE_TITLES = 5000
# Word clusters learned from the unlabelled corpus (``make ner-clusters``), an input here.
CLUSTERS = MODEL_DIR / "clusters.tsv.gz"
# Provinces, councils, parties read off the corpus after their head nouns (``trigger_names``,
# ``make ner-trigger-names``): copied into the model folder, where the recognizer tags them
# where the model left them untagged. Not in the gazetteer: on the headline dev split that
# added 0.1 F1 and cost 0.7 precision over the list alone.
TRIGGER_NAMES = MODEL_DIR / "trigger_names.tsv"
# The project's labelled news (``news_labels``: 5,670 egypt-2013 headlines and leads
# annotated by docs/entities-annotation.md) train the headline model, each sentence this
# many times (news cross-validation, ``news_crossval``: copies 1 -> 2 moved the news
# headlines 72.5 -> 73.1).
NEWS_COPIES = 2
# They also train the model of body text in the project's conventions (``model/
# crf_news.npz``), folded out of a domain-augmented CRF over ANERcorp's
# train split and the labelled news, headlines and leads each a domain of their own
# (``train_domains``; decided by ``domain_crossval``, docs/entities.md). The body model of
# ANERcorp's conventions (``crf.npz``) stays trained on ANERcorp alone: mixed into it, the
# news cost ANERcorp's cross-validation 0.7 to 1.8 F1.
NEWS_BODY_MODEL = True
NEWS_BODY_COPIES = 1
# The shipped news body model: the shared weights, the lead sentences' copies and half of
# ANERcorp's. Cross-validated (``domain_crossval --blend``, docs/entities.md) against the
# leads' copies alone, it gives up 1.5 F1 on the headline set's dev split and gains 4.8 on
# ANERcorp's documents: the better sum over the two evaluation sets, one each.
NEWS_BODY_BLEND = {"@L:": 1.0, "@A:": 0.5}
FOLDS = 5
# AQMAR and Wojood annotate by other conventions (Wikipedia topics, nested spans): as
# training sentences they lowered dev F1 by about 4 points; their names still widen the
# gazetteer.
EXTRAS = "names"
# Wikidata's full names of people of Arab countries in the gazetteer (``wikidata``): with the
# word clusters, +0.6 F1 sentence by sentence and +1.0 in documents on cross-validation,
# every fold up (docs/entities.md).
WIKIDATA = True
PARAMS = {"c1": 0.15, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}
# The window network beside the body model (``neural``, model/network.npz; option
# ``--network``, off): better on ``neural_crossval`` (+1.1 and +1.2 F1 sentence by sentence and in
# documents, every fold up), and on the test split in micro F1 and precision, but the test
# split's MISC falls under its per-label floor (docs/entities.md, *A neural tagger beside
# the CRF*). Its weight in the sum and the penalty on O: the grid point chosen there.
# A layer of 64 scores as a layer of 200 on the folds (sentence 76.69 / 76.65, documents
# 78.63 / 78.52) for a third of the work per new word.
NETWORK = neural.Config(arch="window", hidden=64, epochs=8)
NETWORK_WEIGHT = 0.5
NETWORK_O_PENALTY = 0.5
# The second pass is tuned on its own (dev: c2 0.05 -> 74.0, 0.2 -> 74.9, 0.5 -> 74.4).
PARAMS2 = {**PARAMS, "c2": 0.2}


def load_training(ner_dir: Path, extras: bool = True):
    aner = corpora.read_anercorp(ner_dir / corpora.ANERCORP_TRAIN)
    extra = []
    if extras:
        extra += corpora.read_aqmar(ner_dir / "aqmar")
        for part in ("train.txt", "val.txt", "test.txt"):
            extra += corpora.read_wojood(ner_dir / "wojood_sample" / part)
    return aner, extra


def base_entries(ner_dir: Path, extra_names=(), people: bool = WIKIDATA) -> list[tuple[str, str]]:
    """Gazetteer entries every fold and the shipped model start from: the package and data
    lists, Wikidata's people (``people``) and the names of the ``extra_names`` sentences."""
    base = package_entries(ner_dir) + (wikidata.person_entries() if people else [])
    return base + names_from(extra_names, listed=base)


def headline_articles(n: int, ner_dir: Path | None = None, labelled=()):
    """The corpus articles whose titles train the headline model (``self_training``): none
    whose title or lead is in the headline evaluation set or among the ``labelled`` news
    texts (``news_labels`` cases)."""
    corpus = (ner_dir or corpora.data_dir()).parent / "corpus" / "egypt-2013.jsonl.gz"
    exclude = self_training.evaluation_texts() | {case["text"] for case in labelled}
    return self_training.sample_articles(corpus, n, exclude)


def corpus_entries(path: Path = CORPUS_NAMES) -> list[tuple[str, str]]:
    """(label, phrase) rows of a ``corpus_names`` list."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if line.strip()]


def jackknifed(sentences, base_entries, words=None, clusters=None, vectors=None):
    """(gazetteer, sentences) per fold of ``sentences``, in order: each fold's gazetteer
    holds only the other folds' names, as text the model never saw meets the shipped one."""
    n = len(sentences)
    bounds = [n * k // FOLDS for k in range(FOLDS + 1)]
    for k in range(FOLDS):
        held = sentences[bounds[k] : bounds[k + 1]]
        others = sentences[: bounds[k]] + sentences[bounds[k + 1] :]
        gaz = Gazetteer(
            base_entries + names_from(others, listed=base_entries),
            word_classes(others),
            words,
            clusters,
            vectors,
        )
        yield gaz, held


def featurize(sentences, base_entries, words=None, clusters=None, vectors=None) -> list[list]:
    """Attributes of every sentence (``sentence_items``), each fold seeing only the other
    folds' names."""
    return [
        sentence_items([normalize(t) for t in tokens], gaz)
        for gaz, held in jackknifed(sentences, base_entries, words, clusters, vectors)
        for tokens, _ in held
    ]


def jackknifed_matches(sentences, base_entries, clusters=None) -> list[list[tuple[str, ...]]]:
    """``Gazetteer.match`` of every sentence's normalized words, jackknifed as in
    ``featurize`` (the neural tagger's gazetteer input)."""
    return [
        gaz.match([normalize(t) for t in tokens])
        for gaz, held in jackknifed(sentences, base_entries, clusters=clusters)
        for tokens, _ in held
    ]


def load_vectors(path: str, scale: float | None = None, offsets: str | None = None):
    """A ``vectors_build`` file (None for 'none'), with the scale and offsets overridden."""
    if path == "none":
        return None
    vectors = Vectors.load_bytes(Path(path).read_bytes())
    offs = tuple(int(o) for o in offsets.split(",")) if offsets else None
    return vectors.with_settings(scale, offs)


def train_crf(attributes, tags, params: dict, verbose: bool = False) -> CrfWeights:
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for attrs, ytags in zip(attributes, tags, strict=True):
        trainer.append(attrs, ytags)
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "crf.model")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        weights = weights_from_crfsuite(tagger)
        tagger.close()
    return weights


def unseen_text_gazetteer(sentences, base_entries, words=None, clusters=None, vectors=None):
    """The gazetteer text the model never trained on is featurized with: every name of the
    gold ``sentences`` in it, as in the shipped gazetteer."""
    return Gazetteer(
        base_entries + names_from(sentences, listed=base_entries),
        word_classes(sentences),
        words,
        clusters,
        vectors,
    )


# Domain-augmented training (Daume 2007, "Frustratingly easy domain adaptation"): every
# attribute of a training sentence is given twice, once shared and once under its domain's
# prefix, so what ANERcorp's 2007 text and today's news disagree on goes into the prefixed
# copies, and what they agree on into the shared weights, which every domain trains. Each
# domain's model is the shared weights plus its own copies (``domain_weights``); the runtime
# labeller never sees a prefix. Domains: ANERcorp's sentences, and the labelled news by kind
# (headlines and lead sentences: headline syntax is not body syntax).
ANERCORP_DOMAIN = "@A:"
NEWS_DOMAINS = {"headline": "@H:", "lead": "@L:"}
# Corpus body sentences labelled by a teacher model with their article as context
# (``self_training.body_sentences``): a domain of their own, so what the teacher gets wrong
# can go into their copies rather than into the shared weights.
SELF_DOMAIN = "@S:"


def domain_items(items: list[list[list[str]]], prefix: str) -> list[list[list[str]]]:
    """``items`` (``sentence_items`` of each sentence of one domain) with each token's
    attributes also under the domain's ``prefix``."""
    return [[[*attrs, *(prefix + a for a in attrs)] for attrs in sent] for sent in items]


def domain_weights(weights: CrfWeights, scales: dict[str, float]) -> CrfWeights:
    """A model folded out of a domain-augmented CRF: each attribute's shared weights plus,
    for each prefix of ``scales``, its copy under that prefix times the scale (attributes of
    other prefixes dropped); shared transitions. A domain's own model is ``{prefix: 1.0}``."""
    shared = [a for a in weights.attributes if not a.startswith("@")]
    names = list(shared)
    seen = set(shared)
    copies: dict[str, list[tuple[int, float]]] = {}
    for prefix, scale in scales.items():
        for i, a in enumerate(weights.attributes):
            if a.startswith(prefix):
                name = a[len(prefix) :]
                copies.setdefault(name, []).append((i, scale))
                if name not in seen:
                    seen.add(name)
                    names.append(name)
    rows = np.zeros((len(names), len(weights.labels)))
    for j, name in enumerate(names):
        if name in weights.index:
            rows[j] += weights.weights[weights.index[name]]
        for i, scale in copies.get(name, ()):
            rows[j] += scale * weights.weights[i]
    return CrfWeights(weights.labels, weights.transitions, names, rows)


def train_domains(
    sentences,
    news: dict[str, list],
    base_entries,
    params: dict,
    clusters=None,
    copies: int = 1,
    auto=(),
) -> CrfWeights:
    """One domain-augmented CRF (its attributes prefixed, to fold with ``domain_weights``)
    trained on the gold ``sentences`` (ANERcorp's domain, featurized as for the body model,
    jackknifed), on the labelled news of each kind (``news``: kind -> sentences), each
    ``copies`` times, and on self-labelled ``auto`` sentences (``SELF_DOMAIN``); news and
    auto sentences are featurized as unseen text is, as the headline model's news are."""
    attributes = domain_items(featurize(sentences, base_entries, None, clusters), ANERCORP_DOMAIN)
    tags = [t for _, t in sentences]
    gaz = unseen_text_gazetteer(sentences, base_entries, None, clusters)
    domains = [(NEWS_DOMAINS[kind], s, copies) for kind, s in news.items()]
    for prefix, domain_sentences, times in [*domains, (SELF_DOMAIN, list(auto), 1)]:
        items = [sentence_items([normalize(t) for t in toks], gaz) for toks, _ in domain_sentences]
        attributes += domain_items(items, prefix) * times
        tags += [t for _, t in domain_sentences] * times
    return train_crf(attributes, tags, params)


def train_headline_model(
    sentences,
    base_entries,
    params: dict,
    weights: CrfWeights,
    gaz: Gazetteer,
    articles,
    words=None,
    clusters=None,
    vectors=None,
    news=(),
    news_copies: int = 1,
) -> CrfWeights:
    """The CRF for headline fields (``self_training``): trained on the gold ``sentences``, on
    the titles of corpus ``articles`` labelled by the body model (``weights`` with the
    shipped ``gaz``) with their article as context, and on the project's labelled ``news``
    sentences (``news_labels``), each ``news_copies`` times. Gold sentences are featurized
    as for the body model; titles and news as unseen text is (every gold name in the
    gazetteer)."""
    attributes = featurize(sentences, base_entries, words, clusters, vectors)
    tags = [t for _, t in sentences]
    auto = self_training.title_sentences(Tagger(weights, gaz), articles)
    auto_gaz = unseen_text_gazetteer(sentences, base_entries, words, clusters, vectors)
    extra = list(auto) + list(news) * news_copies
    attributes += [sentence_items([normalize(t) for t in toks], auto_gaz) for toks, _ in extra]
    return train_crf(attributes, tags + [t for _, t in extra], params)


def first_pass_labels(sentences, base_entries, params: dict, words, window: int, clusters=None):
    """First-pass labels and document tags of every sentence, each fifth labelled by a
    first-pass model trained on the other four fifths (as it will label new text)."""
    n = len(sentences)
    bounds = [n * k // FOLDS for k in range(FOLDS + 1)]
    labels, docs = [], []
    for k in range(FOLDS):
        held = sentences[bounds[k] : bounds[k + 1]]
        others = sentences[: bounds[k]] + sentences[bounds[k + 1] :]
        weights, _, gaz = train(
            others, base_entries, params, words, stacked=False, clusters=clusters
        )
        tagger = Tagger(weights, gaz)
        for i in range(0, len(held), window):
            norm = [[normalize(t) for t in toks] for toks, _ in held[i : i + window]]
            pred = tagger.tag_many(norm)
            labels += pred
            docs += document_tags(norm, pred)
    return labels, docs


def shipped_gazetteer(
    sentences, base_entries, words=None, clusters=None, vectors=None, shipped_names=()
) -> Gazetteer:
    """The gazetteer a model trained on ``sentences`` ships with: the base entries, the
    sentences' names, the hand-written news names and ``shipped_names``."""
    # The hand-written news names join the gazetteer the model ships with, not the one its
    # training sentences are featurized with: the 2007 training text barely mentions them,
    # and where it does its conventions differ (dev: 71.6 -> 71.0 in training, 71.5 here).
    return Gazetteer(
        base_entries
        + names_from(sentences, listed=base_entries)
        + news_entries()
        + list(shipped_names),
        word_classes(sentences),
        words,
        clusters,
        vectors,
    )


def train_network(sentences, base_entries, clusters, vector_cache: Path) -> Network:
    """The window network beside the body model, trained on ``sentences`` with their
    jackknifed gazetteer tags (``NETWORK``, joined with ``NETWORK_WEIGHT`` and
    ``NETWORK_O_PENALTY``)."""
    word_kv, stem_kv = neural.corpus_vectors(vector_cache)
    matches = jackknifed_matches(sentences, base_entries, clusters)
    net = neural.train(sentences, matches, word_kv, stem_kv, NETWORK)
    return neural.runtime_network(net, NETWORK_WEIGHT, NETWORK_O_PENALTY)


def train(
    sentences,
    base_entries,
    params: dict,
    words=None,
    stacked: bool = True,
    params2=None,
    words_second_only: bool = False,
    clusters: Clusters | None = None,
    shipped_names=(),
    vectors: Vectors | None = None,
) -> tuple[CrfWeights, CrfWeights | None, Gazetteer]:
    """The first-pass CRF, the stacked second-pass CRF (or None) and the gazetteer.
    ``words_second_only``: the word-list attributes go to the second pass only;
    ``shipped_names``: more (label, phrase) entries for the shipped gazetteer only, as the
    news names (the corpus names of ``corpus_names``); ``vectors``: dense word vectors as
    real-valued attributes (``vectors_build``; not with the second pass)."""
    if stacked and vectors is not None:
        raise ValueError("word vectors are not combined with the stacked second pass")
    tags = [t for _, t in sentences]
    first_words = None if words_second_only else words
    attributes = featurize(sentences, base_entries, first_words, clusters, vectors)
    weights = train_crf(attributes, tags, params)
    gaz = shipped_gazetteer(sentences, base_entries, words, clusters, vectors, shipped_names)
    if not stacked:
        return weights, None, gaz
    labels, docs = first_pass_labels(sentences, base_entries, params, first_words, WINDOW, clusters)
    if words_second_only and words:
        attributes = featurize(sentences, base_entries, words, clusters)
    second = train_crf(
        [stacked_attributes(a, lab, d) for a, lab, d in zip(attributes, labels, docs, strict=True)],
        tags,
        params2 or PARAMS2,
    )
    return weights, second, gaz


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", help="NER data folder (default $AKHBAR_NER_DATA or ../shared/data/ner)"
    )
    ap.add_argument(
        "--out", type=Path, help=f"model folder (default {MODEL_DIR}; with --dev, none)"
    )
    ap.add_argument(
        "--dev", action="store_true", help="hold out the last tenth of train and score it"
    )
    ap.add_argument(
        "--extras",
        choices=("names", "labels", "none"),
        default=EXTRAS,
        help="AQMAR + Wojood: their names into the gazetteer (default), also as labelled sentences, or unused",
    )
    ap.add_argument(
        "--word-lists",
        action="store_true",
        help="compile word lists (frequency, names, verbs) from the ner-train packages as features",
    )
    ap.add_argument(
        "--words", type=Path, help="use this compiled words.tsv.gz (implies --word-lists)"
    )
    ap.add_argument(
        "--wikidata",
        action=argparse.BooleanOptionalAction,
        default=WIKIDATA,
        help="full names of people of Arab countries from Wikidata into the gazetteer (ner-train group)",
    )
    ap.add_argument(
        "--clusters",
        default=str(CLUSTERS) if CLUSTERS.is_file() else "none",
        help=f"word clusters from ``clusters_build`` (default {CLUSTERS}; 'none': without)",
    )
    ap.add_argument(
        "--vectors",
        default="none",
        help="dense word vectors from ``vectors_build`` as real-valued attributes (off by "
        "default: see docs/entities.md; 'none': without)",
    )
    ap.add_argument("--vector-scale", type=float, help="override the vectors file's scale")
    ap.add_argument(
        "--vector-offsets", help="override the vectors file's offsets, e.g. 0 or -1,0,1"
    )
    ap.add_argument(
        "--corpus-names",
        default="none",
        help=f"a corpus_names list for the shipped gazetteer (made at {CORPUS_NAMES}; off by "
        "default: see docs/entities.md)",
    )
    ap.add_argument(
        "--trigger-names",
        default=str(TRIGGER_NAMES) if TRIGGER_NAMES.is_file() else "none",
        help=f"names after head nouns from ``trigger_names`` (default {TRIGGER_NAMES}; "
        "'none': without)",
    )
    ap.add_argument(
        "--headline-titles",
        type=int,
        default=HEADLINE_TITLES,
        help="corpus titles, labelled with their article, that train the model of headline "
        "fields (model/crf_headline.npz; 0: none)",
    )
    ap.add_argument(
        "--news-labels",
        default=str(news_labels.LABELS_FILE),
        help="the project's labelled news texts (``news_labels``, "
        f"{news_labels.LABELS_FILE.name}) that train the model of headline fields ('none': without)",
    )
    ap.add_argument(
        "--news-copies",
        type=int,
        default=NEWS_COPIES,
        help="how many times each labelled news sentence is trained on",
    )
    ap.add_argument(
        "--news-body-model",
        action=argparse.BooleanOptionalAction,
        default=NEWS_BODY_MODEL,
        help="train the model of body text in the project's conventions on the labelled news "
        "(model/crf_news.npz, domain-augmented)",
    )
    ap.add_argument(
        "--network",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="train the window network beside the body model (model/network.npz; "
        "word2vec vectors of the corpus, learned once into --network-vectors; off by "
        "default: see docs/entities.md)",
    )
    ap.add_argument("--network-vectors", type=Path, default=neural.VECTOR_CACHE)
    ap.add_argument(
        "--stack", action="store_true", help="also train the stacked second pass (stack.py)"
    )
    ap.add_argument(
        "--words-second-only",
        action="store_true",
        help="with --stack and word lists: their attributes in the second pass only",
    )
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--c2-second", type=float, default=PARAMS2["c2"])
    args = ap.parse_args(argv)
    ner_dir = corpora.data_dir(args.data)
    params = {**PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    aner, extra = load_training(ner_dir, extras=args.extras != "none")
    base = base_entries(ner_dir, extra if args.extras == "names" else [], args.wikidata)
    if args.extras == "names":
        extra = []
    dev = []
    if args.dev:
        cut = len(aner) * 9 // 10
        aner, dev = aner[:cut], aner[cut:]
    t0 = time.time()
    words_gz = None
    if args.words:
        words_gz = args.words.read_bytes()
    elif args.word_lists:
        words_gz = wordlists.save_bytes(wordlists_build.compile_words())
        print(f"compiled the word lists in {time.time() - t0:.0f}s")
    words = wordlists.load_bytes(words_gz) if words_gz else None
    clusters_gz = None if args.clusters == "none" else Path(args.clusters).read_bytes()
    clusters = Clusters.load_bytes(clusters_gz) if clusters_gz else None
    vectors = load_vectors(args.vectors, args.vector_scale, args.vector_offsets)
    vectors_npz = vectors.save_bytes() if vectors else None
    trigger_tsv = None if args.trigger_names == "none" else Path(args.trigger_names).read_bytes()
    t0 = time.time()
    params2 = {**params, "c2": args.c2_second}
    news = [] if args.news_labels == "none" else news_labels.load_cases(Path(args.news_labels))
    weights, second, gaz = train(
        aner + extra,
        base,
        params,
        words,
        stacked=args.stack,
        params2=params2,
        words_second_only=args.words_second_only,
        clusters=clusters,
        shipped_names=[]
        if args.corpus_names == "none"
        else corpus_entries(Path(args.corpus_names)),
        vectors=vectors,
    )
    headline = None
    if args.headline_titles:
        t1 = time.time()
        headline = train_headline_model(
            aner + extra,
            base,
            params,
            weights,
            gaz,
            headline_articles(args.headline_titles, ner_dir, news),
            None if args.words_second_only else words,
            clusters,
            vectors,
            news_labels.labelled_sentences(news),
            args.news_copies,
        )
        print(f"headline model trained in {time.time() - t1:.0f}s")
    news_body = None
    if args.news_body_model and news:
        if vectors is not None:
            raise SystemExit("--news-body-model is not trained with --vectors")
        t1 = time.time()
        by_kind = {
            kind: news_labels.labelled_sentences([c for c in news if c["kind"] == kind])
            for kind in NEWS_DOMAINS
        }
        news_body = domain_weights(
            train_domains(aner + extra, by_kind, base, params, clusters, NEWS_BODY_COPIES),
            NEWS_BODY_BLEND,
        )
        print(f"news body model trained in {time.time() - t1:.0f}s")
    network = None
    if args.network:
        t1 = time.time()
        network = train_network(aner + extra, base, clusters, args.network_vectors).save_bytes()
        print(f"window network trained in {time.time() - t1:.0f}s")
    print(
        f"trained on {sum(len(s[0]) for s in aner + extra)} tokens in {time.time() - t0:.0f}s; "
        f"{len(weights.attributes)} attributes"
        + (f" + {len(second.attributes)} in the second pass" if second else "")
        + f", {len(gaz)} gazetteer entries"
    )
    if args.dev:
        tagger = Tagger(
            weights, gaz, second=second, network=Network.load(io.BytesIO(network)) if network else None
        )
        for stacked in (False, True) if second else (False,):
            for window in (0, WINDOW):
                report = evaluate(tagger, dev, window, stacked=stacked).report()
                print(f"dev, stacked {stacked:d}, window {window}:", json.dumps(report))
        if not args.out:
            return
    args.out = args.out or MODEL_DIR
    args.out.mkdir(parents=True, exist_ok=True)
    # Optional files that this configuration does not produce must not outlive it: the
    # recognizer uses whatever the model folder holds.
    for name, data in (
        ("crf2.npz", second),
        ("crf_headline.npz", headline),
        ("crf_news.npz", news_body),
        ("words.tsv.gz", words_gz),
        ("clusters.tsv.gz", clusters_gz),
        ("vectors.npz", vectors_npz),
        ("trigger_names.tsv", trigger_tsv),
        ("network.npz", network),
    ):
        if data is None:
            (args.out / name).unlink(missing_ok=True)
    weights.save(args.out / "crf.npz")
    gaz.save(args.out / "gazetteer.tsv")
    files = ["crf.npz", "gazetteer.tsv"]
    for name, model in (
        ("crf2.npz", second),
        ("crf_headline.npz", headline),
        ("crf_news.npz", news_body),
    ):
        if model is not None:
            model.save(args.out / name)
            files.append(name)
    for name, data in (
        ("words.tsv.gz", words_gz),
        ("clusters.tsv.gz", clusters_gz),
        ("vectors.npz", vectors_npz),
        ("trigger_names.tsv", trigger_tsv),
        ("network.npz", network),
    ):
        if data is not None:
            (args.out / name).write_bytes(data)
            files.append(name)
    for f in files:
        print(f"wrote {args.out / f} ({(args.out / f).stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
