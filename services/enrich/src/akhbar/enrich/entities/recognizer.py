"""Text in, entities out: tokenize, label, make names consistent, trim clitics, canonicalize."""

from __future__ import annotations

import functools
import os
import threading
from importlib import resources

from akhbar.shared.language import ARABIC, main_script
from akhbar.shared.schemas import Entity

from .canonical import canonical_names
from .clitics import attached_prefix
from .clusters import Clusters
from .consistency import propagate
from .gazetteer import Gazetteer
from .model import CrfWeights, Tagger
from .network import Network
from .news import news_names
from .normalize import normalize
from .repairs import repair_spans
from .spans import bio_spans
from .tokenize import Token, ends_sentence, is_word, sentences, tokenize
from .triggers import TRIGGERS
from .vectors import Vectors
from .wordlists import load_bytes
from .world_names import world_names

_HEAD_LABEL = {"TPER": "PER", "TORG": "ORG", "TLOC": "LOC", "TMISC": "MISC"}
_LOCK = threading.Lock()
_TAGGER: Tagger | None = None
_HEADLINE_TAGGER: Tagger | None = None  # the model of headline fields, when one ships
# The model of the other fields in the project's conventions (``crf_news.npz``), when one
# ships and the conventions are the project's; else the body model (``crf.npz``) labels them.
_NEWS_TAGGER: Tagger | None = None
# Whose conventions the body text is labelled by: "akhbar" (the project's, docs/entities-
# annotation.md; the body model that learned from the labelled news) or "anercorp" (the
# body model trained on ANERcorp alone, as the benchmark's annotators label 2007 newswire).
CONVENTIONS = ("akhbar", "anercorp")
_KNOWN: dict[str, set[str]] = {}
_LISTED: Gazetteer | None = None  # the names tagged wherever the model left them untagged


def load_tagger() -> Tagger:
    """The shipped body model (ANERcorp's conventions), loaded once per process on first
    use with the rest of the shipped model."""
    if _TAGGER is None:
        with _LOCK:
            if _TAGGER is None:
                _load(resources.files(__package__) / "model", None)
    assert _TAGGER is not None
    return _TAGGER


def use_model(folder=None, conventions: str | None = None) -> Tagger:
    """Label with the model in ``folder`` (default the shipped one) and in ``conventions``
    (default ``$AKHBAR_NER_CONVENTIONS``, else "akhbar") from now on in this process: the
    evaluation of a candidate trained with ``--out``, or of one convention."""
    with _LOCK:
        _load(folder or resources.files(__package__) / "model", conventions)
    assert _TAGGER is not None
    return _TAGGER


def body_tagger() -> Tagger:
    """The model body text is labelled with in this process: the news body model in the
    project's conventions when one ships, else the body model of ANERcorp's conventions."""
    load_tagger()
    return _NEWS_TAGGER or _TAGGER  # type: ignore[return-value]


def _load(folder, conventions: str | None) -> None:
    global _TAGGER, _KNOWN, _HEADLINE_TAGGER, _NEWS_TAGGER, _LISTED
    conventions = conventions or os.environ.get("AKHBAR_NER_CONVENTIONS") or CONVENTIONS[0]
    if conventions not in CONVENTIONS:
        raise ValueError(
            f"unknown entity conventions {conventions!r} (AKHBAR_NER_CONVENTIONS): "
            f"one of {', '.join(CONVENTIONS)}"
        )
    listed = read_listed(folder)
    tagger, known, headline, news = read_model(folder)
    _LISTED, _KNOWN, _HEADLINE_TAGGER = listed, known, headline
    _NEWS_TAGGER = news if conventions == "akhbar" else None
    _TAGGER = tagger


def read_model(files) -> tuple[Tagger, dict[str, set[str]], Tagger | None, Tagger | None]:
    """The body model's tagger of a model folder, the one-word names its spans may start
    with, the tagger of headline fields (``crf_headline.npz``) and the tagger of other
    fields in the project's conventions (``crf_news.npz``), each None when the folder has
    none (they share the body model's gazetteer)."""
    with (files / "crf.npz").open("rb") as f:
        weights = CrfWeights.load(f)
    words = None  # word lists and second pass: only if the model was trained with them
    if (files / "words.tsv.gz").is_file():
        words = load_bytes((files / "words.tsv.gz").read_bytes())
    clusters = None  # word clusters: only if the model was trained with them
    if (files / "clusters.tsv.gz").is_file():
        clusters = Clusters.load_bytes((files / "clusters.tsv.gz").read_bytes())
    vectors = None  # dense word vectors: likewise (option, off)
    if (files / "vectors.npz").is_file():
        vectors = Vectors.load_bytes((files / "vectors.npz").read_bytes())
    gaz = Gazetteer.load_text(
        (files / "gazetteer.tsv").read_text(encoding="utf-8"), words, clusters, vectors
    )
    known = {k[0]: set(labels) for k, labels in gaz.entries.items() if len(k) == 1}
    # "لمنظمة الأنتربول": a name may start with its head noun, not only a known name.
    for word, cls in TRIGGERS.items():
        if cls in _HEAD_LABEL:
            known.setdefault(word, set()).add(_HEAD_LABEL[cls])
    second = None
    if (files / "crf2.npz").is_file():
        with (files / "crf2.npz").open("rb") as f:
            second = CrfWeights.load(f)
    extra: dict[str, Tagger | None] = {"crf_headline.npz": None, "crf_news.npz": None}
    for name in extra:
        if (files / name).is_file():
            with (files / name).open("rb") as f:
                extra[name] = Tagger(CrfWeights.load(f), gaz)
    network = None  # the window network beside the body model: only if one was trained
    if (files / "network.npz").is_file():
        with (files / "network.npz").open("rb") as f:
            network = Network.load(f)
    body = Tagger(weights, gaz, second=second, network=network)
    return body, known, extra["crf_headline.npz"], extra["crf_news.npz"]


def is_arabic(text: str, sentence: list[Token]) -> bool:
    """Whether a sentence of ``text`` is Arabic text: at least as many Arabic letters as
    Latin ones (``akhbar.shared.language.main_script``, the language layer's one script
    rule). A Latin name inside an Arabic sentence ("«Sin City»") is still labelled; a French
    sentence left inside an Arabic paragraph is not (enrich already sends only Arabic
    paragraphs here; this keeps the model off a script it was not trained on)."""
    span = text[sentence[0].start : sentence[-1].end]
    return main_script(span) in (ARABIC, None)


def is_headline(field: str) -> bool:
    """A title or a headline the page carries: short lines with no sentence around them."""
    return field == "title" or field.startswith("headlines.")


# The headline model learned from corpus titles of at most this many words.
HEADLINE_MAX_WORDS = 30
_CLOSERS = frozenset("»\"”'’)]")


def reads_as_headline(field: str, field_sentences: list[list[Token]]) -> bool:
    """A headline field, or a lone text (``find_entities``, ``akhbar entities``: field
    "text", whose kind nobody says) that reads as a ticker line or a title: at most
    ``HEADLINE_MAX_WORDS`` words and no stop at its end ("بالفيديو.. X" has one inside).
    News sentences end with a stop, headlines do not: on the headline set's dev split this
    sends 137 of 141 headlines to the headline model and keeps 56 of 64 lead sentences on
    the body model (the others: bylines, datelines, a trailing ellipsis), and its texts
    given alone score 70.8 F1 instead of 68.0 (docs/entities.md)."""
    if is_headline(field):
        return True
    if field != "text" or not field_sentences:
        return False
    tokens = [t.text for sent in field_sentences for t in sent]
    if sum(map(is_word, tokens)) > HEADLINE_MAX_WORDS:
        return False
    while tokens and tokens[-1] in _CLOSERS:  # «... انتهى.» ends with its stop
        tokens.pop()
    return bool(tokens) and not ends_sentence(tokens[-1])


# A name right after an opening quote or bracket is written as is: a preposition that
# governs it stands before the mark (لـ«الوطن»), so the programme «بتوقيت القاهرة» keeps its ب.
_OPENING = frozenset("\"«“”„'(")


def quoted_at(sentence: list[Token], i: int) -> bool:
    """Whether token ``i`` follows an opening quote or bracket glued to it: a quoted title
    keeps its first letters («بتوقيت القاهرة»)."""
    if i == 0:
        return False
    mark = sentence[i - 1]
    return mark.text in _OPENING and mark.end == sentence[i].start


@functools.lru_cache(maxsize=500_000)  # bounded: news brings new words forever
def _normal(word: str) -> str:
    return normalize(word)


def _prefix_chars(token: str, letters: int) -> int:
    """Characters of ``token`` spanned by its first ``letters`` normalized letters."""
    if letters == 0:
        return 0
    seen = 0
    for i, ch in enumerate(token):
        if normalize(ch):
            seen += 1
            if seen == letters:
                j = i + 1
                while j < len(token) and not normalize(token[j]):
                    j += 1  # diacritics sitting on the cut letter stay with it
                return j
    return 0


def read_listed(files) -> Gazetteer:
    """The names tagged wherever the model left them untagged, and the non-names never
    inside a name (``consistency.propagate``): the hand-written names of today's news
    (``lists/news_names.tsv``); with a model folder ``files`` also the places,
    organizations and countries of the wider Arab world (``world_names``) and the names the
    corpus writes after their head nouns (``trigger_names.tsv`` when the folder has it,
    learned at training time). ``files`` None: the news names only, as the headline model's
    teacher reads them at training time (so training's output stays independent of them)."""
    rows = list(news_names())
    if files is not None:
        rows += world_names()
        if (files / "trigger_names.tsv").is_file():
            text = (files / "trigger_names.tsv").read_text(encoding="utf-8")
            rows += [tuple(line.split("\t", 1)) for line in text.splitlines() if line.strip()]
    return Gazetteer(rows)


def listed_names() -> Gazetteer:
    """The listed names of the model in use (``read_listed``)."""
    load_tagger()
    assert _LISTED is not None
    return _LISTED


def consistent(
    tagger: Tagger, words: list[list[str]], tags: list[list[str]], listed: Gazetteer | None = None
) -> list[list[str]]:
    """``tags`` of one document after ``consistency.propagate`` with the listed names
    (``listed``, else those of the model in use)."""
    listed = listed if listed is not None else listed_names()
    return propagate(words, tags, tagger.common_words, listed, mixed=tagger.mixed_words)


def find_entities_in_fields(fields: list[tuple[str, str]]) -> list[Entity]:
    """Entities of one article's (field name, text) pairs, consistent across the article."""
    tagger = load_tagger()
    where: list[tuple[str, str, list[Token]]] = []
    words: list[list[str]] = []
    headline: list[bool] = []
    for name, text in fields:
        text = text or ""
        field_sentences = sentences(text, tokenize(text))
        heading = reads_as_headline(name, field_sentences)
        for sent in field_sentences:
            if not is_arabic(text, sent):
                continue  # an Arabic model on French or English text finds only garbage
            where.append((name, text, sent))
            words.append([_normal(t.text) for t in sent])
            headline.append(heading)
    tags = consistent(tagger, words, _label(tagger, words, headline))
    tags = [repair_spans(w, t) for w, t in zip(words, tags, strict=True)]
    found: list[tuple[str, str, int, int, str]] = []
    for (name, text, sent), norm, stags in zip(where, words, tags, strict=True):
        for a, b, label in bio_spans(stags):
            start = trimmed_start(tagger, sent, norm, a, b, label)
            end = sent[b - 1].end
            if start >= end:
                continue
            found.append((name, text, start, end, label))
    canon = canonical_names([(text[s:e], label) for _, text, s, e, label in found])
    return [
        Entity(text=text[s:e], start=s, end=e, field=name, label=label, canonical=c)
        for (name, text, s, e, label), c in zip(found, canon, strict=True)
    ]


def trimmed_start(
    tagger: Tagger, sent: list[Token], norm: list[str], a: int, b: int, label: str
) -> int:
    """Where the name on tokens ``a`` to ``b`` of a sentence (``norm``: its normalized
    words) starts in the text: after the conjunction or preposition its first word carries
    (``clitics.attached_prefix`` with the known names and the corpus's words), unless the
    name is quoted (``quoted_at``). Call after ``load_tagger``."""
    first = sent[a]
    if quoted_at(sent, a):
        return first.start
    gaz = tagger.gazetteer
    corpus = gaz.clusters or ()
    cut = attached_prefix(norm[a], label, _KNOWN, norm[a + 1 : b], gaz.entries, corpus)
    return first.start + _prefix_chars(first.text, cut)


def _label(tagger: Tagger, words: list[list[str]], headline: list[bool]) -> list[list[str]]:
    """Labels of every sentence: headline fields by the headline model when one ships
    (trained on headline syntax), the rest by the news body model in the project's
    conventions (else by the body model), each batch decoded at once."""
    body = _NEWS_TAGGER or tagger
    if _HEADLINE_TAGGER is None or not any(headline):
        return body.tag_many(words)
    heads = [i for i, h in enumerate(headline) if h]
    rest = [i for i, h in enumerate(headline) if not h]
    out: list[list[str]] = [[] for _ in words]
    for idx, model in ((heads, _HEADLINE_TAGGER), (rest, body)):
        if idx:
            for i, tags in zip(idx, model.tag_many([words[i] for i in idx]), strict=True):
                out[i] = tags
    return out


def find_entities(text: str) -> list[Entity]:
    """Entities of one text, offsets into it, ``field`` left as "text"."""
    return find_entities_in_fields([("text", text)])
