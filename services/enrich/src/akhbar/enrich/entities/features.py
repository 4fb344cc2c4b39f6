"""The attributes the CRF sees for each token.

Every attribute is a function of ONE token seen at a fixed offset from the token being
labelled (the word itself, or the gazetteer tags of that token). That restriction is what
makes inference fast: the weights of everything a word contributes at each offset are
summed once per distinct word and cached (see ``model.Tagger``), so labelling a token
costs a few array additions instead of building and hashing dozens of strings.
Training (``train.py``) and inference call these same functions.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from .clitics import strip_proclitics
from .clusters import STEM, Clusters
from .gazetteer import Gazetteer, candidates
from .triggers import trigger_class
from .vectors import Vectors

OFFSETS = (-2, -1, 0, 1, 2)
GAZ_OFFSETS = (-1, 0, 1)
START, END = "\x02", "\x03"  # padding words outside the sentence


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if word.isascii():
        return "L" if word.isalpha() else ("P" if len(word) == 1 else "M")
    if len(word) == 1 and not word.isalpha():
        return "P"
    return "A"


def word_attributes(word: str, gaz: Gazetteer) -> list[list[str]]:
    """Attribute names of normalized ``word`` as seen from each offset in ``OFFSETS``."""
    own, near, far = word_names(word, gaz)
    out = []
    for o in OFFSETS:
        names = own if o == 0 else near if abs(o) == 1 else far
        out.append([f"{o}{n}" for n in names])
    return out


def word_names(word: str, gaz: Gazetteer) -> tuple[list[str], list[str], list[str]]:
    """Attribute names of normalized ``word`` without their offset: (as the word labelled,
    as a neighbour at ±1, as a word two away). The labeller looks them up per offset as
    they are, which spares building five prefixed copies of each new word's names. The
    neighbour names come first among the word's own names (the labeller looks each up once
    for both offsets)."""
    if word in (START, END):
        pad = [f"pad{word == END:d}"]
        return pad, pad, pad
    clitics, stem = strip_proclitics(word)
    trig = trigger_class(word)
    shape = _shape(word)
    parts = sorted(gaz.parts_of(word))
    size = min(len(stem), 8)
    vocab = gaz.vocab.get(word, "r")
    near = [f"w={word}", f"s={stem}", f"x={word[-2:]}", f"h={shape}", f"v={vocab}"]
    near += [f"q={p}" for p in parts]
    near += _lexicon(word, stem, clitics, gaz.words)
    far = [f"s={stem}", f"h={shape}"]
    own_clusters: list[str] = []
    if gaz.clusters is not None:
        own_clusters, near_clusters, far_clusters = _cluster_attributes(word, stem, gaz.clusters)
        near += near_clusters
        far += far_clusters
    if trig:
        near.append(f"t={trig}")
        far.append(f"t={trig}")
    own = near + [
        "bias",
        f"c={clitics}",
        f"p2={stem[:2]}",
        f"p3={stem[:3]}",
        f"x1={word[-1:]}",
        f"x3={word[-3:]}",
        f"sx2={stem[-2:]}",
        f"n={size}",
        *own_clusters,
    ]
    # Letter trigrams tell transliterated foreign names (فينغر, بنفيكا) from Arabic words.
    padded = f"<{stem}>"
    own += [f"g={padded[i : i + 3]}" for i in range(len(padded) - 2)] if shape == "A" else []
    return own, near, far


def _cluster_attributes(word: str, stem: str, clusters: Clusters):
    """(own, near, far) cluster attributes of the word as written and of its stem: every
    granularity for the word itself, the middle ones for its neighbours, the coarsest for words two away (finer
    context ids multiply attributes that training sees too rarely to weigh)."""
    ids = clusters.of(word)
    stem_ids = clusters.of(STEM + stem)
    near = [f"k={i}" for i in ids[:2]] + [f"ks={i}" for i in stem_ids[1:2]]
    far = [f"ks={i}" for i in stem_ids[:1]]
    # the word's own attributes start from ``near``: only the rest is added here
    own = [f"k={i}" for i in ids[2:]] + [f"ks={i}" for i in stem_ids[:1] + stem_ids[2:]]
    if not ids and not stem_ids:
        own.append("k=none")  # the corpus never showed it: a new name, a typo, a rare form
    return own, near, far


def _bucket(tags: tuple[str, ...]) -> str:
    return tags[0] if tags and tags[0].isdigit() else "-"


def _lexicon(word: str, stem: str, clitics: str, words: dict[str, tuple[str, ...]]) -> list[str]:
    """Attributes from the compiled word lists: frequency of the word as written, of its
    stem, and of the stem with the article (common nouns take it, names rarely); first or
    last name; verb form."""
    if not words:
        return []
    own = words.get(word, ())
    out = []
    out = [f"f={_bucket(own)}"]
    if stem != word:
        out.append(f"fs={_bucket(words.get(stem, ()))}")
    if not clitics.endswith(("ال", "لل")):
        out.append(f"fa={_bucket(words.get('ال' + stem, ()))}")
    kinds = {k for c in candidates(word) for k in words.get(c, ()) if k in ("f", "l")}
    out += [f"pn={k}" for k in sorted(kinds)]
    # a verb, also behind the conjunction and the future prefix: "وسيغيب" -> يغيب
    bare = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    bare = bare[1:] if bare[:1] == "س" and bare[1:2] in "يتن" and len(bare) > 3 else bare
    if "v" in own or "v" in words.get(bare, ()):
        out.append("vb")
    return out


def gaz_attributes(tags: tuple[str, ...]) -> list[list[str]]:
    """Attribute names of one token's gazetteer tags as seen from each offset in ``GAZ_OFFSETS``."""
    if not tags:
        return [[] for _ in GAZ_OFFSETS]
    return [[f"{o}G{t}" for t in tags] for o in GAZ_OFFSETS]


def word_vectors(words: list[str], vectors: Vectors) -> np.ndarray:
    """The real-valued attributes [word, attribute] of normalized ``words``
    (``Vectors.of``: each word's vector and its stem's), the same at every offset a word is
    seen from; zeros for padding and for words the corpus never showed."""
    real = [w not in (START, END) for w in words]
    return vectors.of(
        [w if r else "" for w, r in zip(words, real, strict=True)],
        [strip_proclitics(w)[1] if r else "" for w, r in zip(words, real, strict=True)],
    )


def vector_names(offset: int, vectors: Vectors) -> list[str]:
    """The names of the vector attributes seen from ``offset``, one per dimension."""
    return [f"{offset}v{j}" for j in range(vectors.width)]


def sentence_items(words: list[str], gaz: Gazetteer) -> list[list[str]] | list[dict[str, float]]:
    """What CRFsuite is given for each token (for training): ``sentence_attributes``, and
    with word vectors ``{name: value}`` with the vector attributes of the words at
    ``vectors.offsets`` (a name listed twice, as a letter trigram can be, counts twice)."""
    attrs = sentence_attributes(words, gaz)
    vectors = gaz.vectors
    if vectors is None:
        return attrs
    padded = [START, START, *words, END, END]
    values = word_vectors(padded, vectors).tolist()
    names = {o: vector_names(o, vectors) for o in vectors.offsets}
    out: list[dict[str, float]] = []
    for i, token_attrs in enumerate(attrs):
        item = {a: float(n) for a, n in Counter(token_attrs).items()}
        for o in vectors.offsets:
            v = values[i + 2 + o]
            item.update((a, x) for a, x in zip(names[o], v, strict=True) if x)
        out.append(item)
    return out


def sentence_attributes(words: list[str], gaz: Gazetteer) -> list[list[str]]:
    """All attribute names of each token of a sentence of normalized words (for training)."""
    padded = [START, START, *words, END, END]
    per_word = [word_attributes(w, gaz) for w in padded]
    gtags = [(), *gaz.match(words), ()]
    per_gaz = [gaz_attributes(t) for t in gtags]
    out = []
    for i in range(len(words)):
        attrs: list[str] = []
        for k, o in enumerate(OFFSETS):
            attrs += per_word[i + 2 + o][k]
        for k, o in enumerate(GAZ_OFFSETS):
            attrs += per_gaz[i + 1 + o][k]
        out.append(attrs)
    return out
