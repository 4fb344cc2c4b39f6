"""Self-training on headlines: corpus titles labelled with their article's help.

A headline names people, parties and places with no context ("البرادعي يستنكر", "«الوفد»
يطرح مبادرة"), a syntax ANERcorp's sentences barely show, so the model misses most of
them. The article under a headline usually names the same entity in full, in sentences the
model reads well ("قال الدكتور محمد البرادعي"), and document consistency carries that label
back to the headline. Titles of unlabelled corpus articles, labelled that way (title and
body as one document, ``recognizer.consistent``), become extra training sentences: the
model learns headline syntax from its own best-informed labels (self-training, McClosky et
al. 2006; here the article is the teacher's extra evidence).

Articles are sampled with a fixed seed from ``egypt-2013`` only (the shipped model derives
from it alone), leaving out every article whose title or lead sentence is in the project's
headline evaluation set.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

from akhbar.enrich.entities.model import Tagger
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.recognizer import consistent, read_listed
from akhbar.enrich.entities.tokenize import sentences, tokenize

from .corpora import HEADLINES, Sentence, read_span_set

SEED = 20261204
CORPUS_ARTICLES = 144_474  # articles in egypt-2013: the sampling rate aims at ``n`` titles
MAX_TITLE_WORDS = 30


def evaluation_texts(folder: Path = HEADLINES) -> set[str]:
    """Whitespace-folded texts of the headline set: their articles are never trained on."""
    return {" ".join(c["text"].split()) for p in folder.glob("*.jsonl") for c in read_span_set(p)}


def sample_articles(
    path: Path, n: int, exclude: set[str], seed: int = SEED, total: int = CORPUS_ARTICLES
):
    """Up to ``n`` (title, paragraphs) pairs, drawn in file order at a fixed rate that
    spreads them over the ``total`` articles of the file."""
    rng = random.Random(seed)
    rate = min(1.0, 1.5 * n / total)
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if rng.random() >= rate:
                continue
            article = json.loads(line)
            title = " ".join((article.get("title") or "").split())
            body = [p for p in article.get("body") or [] if p.strip()]
            if not title or not body or len(title.split()) > MAX_TITLE_WORDS:
                continue
            first = " ".join(body[0].split())
            if title in exclude or any(first.startswith(t) for t in exclude if len(t) > 20):
                continue
            out.append((title, body))
            if len(out) == n:
                break
    return out


def _article_tags(tagger: Tagger, title: str, body: list[str], listed):
    """Tokens and labels of every sentence of an article (title first) labelled as one
    document (consistency and the ``listed`` names), and the title's sentence count."""
    toks: list[list[str]] = []
    for text in [title, *body]:
        toks += [[t.text for t in sent] for sent in sentences(text, tokenize(text))]
    n_title = len(sentences(title, tokenize(title)))
    words = [[normalize(t) for t in sent] for sent in toks]
    return toks, consistent(tagger, words, tagger.tag_many(words), listed=listed), n_title


def title_sentences(tagger: Tagger, articles) -> list[Sentence]:
    """(tokens, BIO labels) of each article's title, labelled with the article as context."""
    out: list[Sentence] = []
    # The teacher uses the hand-written names only: with the corpus-read names too
    # (``trigger_names``) the headline model came out 0.2 headline dev F1 lower.
    listed = read_listed(None)
    for title, body in articles:
        toks, tags, n_title = _article_tags(tagger, title, body, listed)
        out += [(toks[i], tags[i]) for i in range(n_title)]
    return out


# Body sentences of a length ANERcorp's sentences have: a one-line caption or a run-on
# paragraph of a hundred words teaches little and costs training time.
BODY_SENTENCE_WORDS = (6, 60)


def body_sentences(tagger: Tagger, articles, per_article: int = 4) -> list[Sentence]:
    """(tokens, BIO labels) of the first ``per_article`` body sentences of each article
    (after its lead, of ``BODY_SENTENCE_WORDS`` tokens), labelled with the whole article as
    context: self-training data in the teacher's conventions for body text."""
    out: list[Sentence] = []
    listed = read_listed(None)
    lo, hi = BODY_SENTENCE_WORDS
    for title, body in articles:
        toks, tags, n_title = _article_tags(tagger, title, body, listed)
        kept = [i for i in range(n_title + 1, len(toks)) if lo <= len(toks[i]) <= hi]
        out += [(toks[i], tags[i]) for i in kept[:per_article]]
    return out
