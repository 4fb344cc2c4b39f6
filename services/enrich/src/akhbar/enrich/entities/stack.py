"""The second pass: a CRF that also sees the first pass's labels, here and across the article.

A sentence-level CRF labels each mention of a name on its own evidence; the article
usually has better evidence elsewhere ("حموشي" after "عبد اللطيف حموشي", a club named
after its city that a neighbouring mention calls a team). The second CRF gets every
first-pass attribute plus:
- the first-pass label of the word and of its neighbours at ±1/±2 (``label_attributes``);
- document aggregates (``document_tags``): how the first pass labelled the other
  mentions of the same stem in the article (majority label, and whether that was the
  whole, first or last word of a name).
Its training data is labelled by first-pass models that never saw those sentences (5-fold
jackknife, in ``train.py``), so it learns how far to trust first-pass output on new text.
All these attributes still depend on one token at a fixed offset, so the numpy labeller
keeps its cached per-word scores and adds small per-label and per-tag tables.
"""

from __future__ import annotations

import functools
from collections import Counter

from .clitics import strip_proclitics
from .spans import bio_spans

LABEL_OFFSETS = (-2, -1, 0, 1, 2)
DOC_OFFSETS = (-1, 0, 1)
PAD = "PAD"
MIN_LETTERS = 3


def label_attributes(label: str) -> list[list[str]]:
    """Attribute names of one token's first-pass label seen from each offset in ``LABEL_OFFSETS``."""
    kind = label[2:] if len(label) > 2 else label
    out = []
    for o in LABEL_OFFSETS:
        names = [f"{o}L={label}"]
        if abs(o) == 1 and label not in ("O", PAD):
            names.append(f"{o}K={kind}")
        out.append(names)
    return out


@functools.lru_cache(maxsize=500_000)
def stem_key(word: str) -> str:
    return strip_proclitics(word)[1]


def document_tags(words: list[list[str]], tags: list[list[str]]) -> list[list[tuple[str, ...]]]:
    """Per token, tags summing how the first pass labelled the same stem elsewhere in the
    document: ``D=PER`` (majority label of its other mentions, ``D=O`` if never in a name),
    ``Ds=PER:all`` / ``Ds=PER:some`` (share), ``Dp=PER:last`` (position inside those names).
    A token whose stem occurs nowhere else gets no tags."""
    role: dict[tuple[int, int], tuple[str, str]] = {}
    for s, stags in enumerate(tags):
        for a, b, label in bio_spans(stags):
            for i in range(a, b):
                pos = "one" if b - a == 1 else "first" if i == a else "last" if i == b - 1 else "in"
                role[(s, i)] = (label, pos)
    where: dict[str, list[tuple[int, int]]] = {}
    for s, sent in enumerate(words):
        for i, w in enumerate(sent):
            if len(w) >= MIN_LETTERS:
                where.setdefault(stem_key(w), []).append((s, i))
    out: list[list[tuple[str, ...]]] = [[()] * len(sent) for sent in words]
    for places in where.values():
        if len(places) < 2:
            continue
        votes: Counter = Counter()
        posv: Counter = Counter()
        roles = [role.get(p, ("O", "")) for p in places]
        for lab, pos in roles:
            votes[lab] += 1
            if pos:
                posv[(lab, pos)] += 1
        n = len(places) - 1
        for (s, i), (own, own_pos) in zip(places, roles, strict=True):
            # the other mentions: all of them less this one
            names = {k: v - (k == own) for k, v in votes.items() if k != "O" and v - (k == own)}
            if not names:
                out[s][i] = ("D=O",)
                continue
            best = max(sorted(names), key=names.get)
            share = "all" if names[best] == n else "some"
            found = [f"D={best}", f"Ds={best}:{share}"]
            for lab, pos in sorted(posv):
                if lab == best and posv[(lab, pos)] - (lab == own and pos == own_pos) > 0:
                    found.append(f"Dp={lab}:{pos}")
            out[s][i] = tuple(found)
    return out


def doc_attributes(tags: tuple[str, ...]) -> list[list[str]]:
    """Attribute names of one token's document tags seen from each offset in ``DOC_OFFSETS``."""
    if not tags:
        return [[] for _ in DOC_OFFSETS]
    return [
        [f"{o}{t}" for t in tags] if o == 0 else [f"{o}{t}" for t in tags[:1]] for o in DOC_OFFSETS
    ]


def stacked_attributes(
    first: list[list[str]], labels: list[str], doc: list[tuple[str, ...]]
) -> list[list[str]]:
    """Second-pass attribute names of a sentence: its first-pass ``attributes`` plus the
    label and document attributes (for training; ``model.Tagger`` computes the same)."""
    n = len(labels)
    padded = [PAD, PAD, *labels, PAD, PAD]
    per_label = [label_attributes(lab) for lab in padded]
    dpad = [(), *doc, ()]
    per_doc = [doc_attributes(t) for t in dpad]
    out = []
    for i in range(n):
        attrs = list(first[i])
        for k, o in enumerate(LABEL_OFFSETS):
            attrs += per_label[i + 2 + o][k]
        for k, o in enumerate(DOC_OFFSETS):
            attrs += per_doc[i + 1 + o][k]
        out.append(attrs)
    return out
