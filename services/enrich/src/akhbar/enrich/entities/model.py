"""The trained CRF as plain arrays, and a fast labeller built on it.

Training uses CRFsuite; its weights are exported into one compressed ``.npz`` (labels,
label-transition matrix, attribute names, attribute-by-label weights). Inference is done
here with numpy: per distinct word, the weights of all its attributes at every offset are
summed once and cached, a sentence's emission scores are a handful of shifted array
additions, and Viterbi decodes them. The result is identical to CRFsuite's tagger (a unit
test checks this) at a fraction of the cost.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from .features import (
    END,
    GAZ_OFFSETS,
    OFFSETS,
    START,
    gaz_attributes,
    vector_names,
    word_names,
    word_vectors,
)
from .gazetteer import Gazetteer
from .network import WINDOW, Network, joined_emissions, joined_transitions
from .stack import DOC_OFFSETS, LABEL_OFFSETS, MIN_LETTERS, PAD, label_attributes, stem_key

_ROLES = ("first", "in", "last", "one")  # of a word inside a name (``stack.document_tags``)


class CrfWeights:
    """Labels, transitions[from, to] and one weight row per attribute name."""

    def __init__(
        self, labels: list[str], transitions: np.ndarray, attributes: list[str], weights: np.ndarray
    ):
        self.labels = labels
        self.transitions = transitions.astype(np.float64)
        self.index = {a: i for i, a in enumerate(attributes)}
        self.attributes = attributes
        self.weights = weights.astype(np.float64)

    def save(self, path: Path) -> None:
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            labels=np.frombuffer("\n".join(self.labels).encode(), dtype=np.uint8),
            attributes=np.frombuffer("\n".join(self.attributes).encode(), dtype=np.uint8),
            transitions=self.transitions.astype(np.float32),
            weights=self.weights.astype(np.float32),
        )
        path.write_bytes(buf.getvalue())

    @classmethod
    def load(cls, source) -> CrfWeights:
        with np.load(source, allow_pickle=False) as z:
            labels = z["labels"].tobytes().decode().split("\n")
            attributes = z["attributes"].tobytes().decode().split("\n")
            return cls(labels, z["transitions"], attributes, z["weights"])

    def score(self, attributes: list[str]) -> np.ndarray:
        """Sum of the weight rows of the known ``attributes``."""
        rows = [self.index[a] for a in attributes if a in self.index]
        if not rows:
            return np.zeros(len(self.labels))
        return self.weights[rows].sum(axis=0)

    def score_groups(self, groups: list[list[str]]) -> np.ndarray:
        """One ``score`` row per group of attributes, in a single gather (new words are
        scored once each, so this is the cold-cache cost of the labeller)."""
        index = self.index
        rows: list[int] = []
        owner: list[int] = []
        for g, attrs in enumerate(groups):
            for a in attrs:
                r = index.get(a)
                if r is not None:
                    rows.append(r)
                    owner.append(g)
        out = np.zeros((len(groups), len(self.labels)))
        if rows:
            np.add.at(out, owner, self.weights[rows])
        return out


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """Best label path for emissions[token, label] under transitions[from, to]."""
    return viterbi_batch(emissions[None], np.array([emissions.shape[0]]), transitions)[0]


def viterbi_batch(
    emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray
) -> list[list[int]]:
    """Best paths of several sentences at once: emissions[sentence, token, label], zero-padded.

    One numpy step per token position instead of per token: the sentences of an article
    are decoded together, which is where most of the labelling time would otherwise go.
    Sentences are taken longest first, so the ones still running at a position are a
    prefix of the batch and each step works on a plain slice.
    """
    n_sent, n_tok, n_lab = emissions.shape
    if n_tok == 0:
        return [[] for _ in range(n_sent)]
    order = np.argsort(-lengths, kind="stable")
    em = emissions[order]
    ls = lengths[order]
    # running[t]: how many sentences (a prefix of the batch) have a token at position t
    running = np.searchsorted(-ls, -np.arange(n_tok), side="left").tolist()
    delta = em[:, 0].copy()
    back = np.zeros((n_sent, n_tok, n_lab), dtype=np.intp)
    for t in range(1, n_tok):
        k = running[t]
        cand = delta[:k, :, None] + transitions
        back[:k, t] = cand.argmax(axis=1)
        delta[:k] = cand.max(axis=1) + em[:k, t]
    out = np.zeros((n_sent, n_tok), dtype=np.intp)
    last = np.maximum(ls - 1, 0)
    out[np.arange(n_sent), last] = delta.argmax(axis=1)
    for t in range(n_tok - 1, 0, -1):
        k = running[t]
        out[:k, t - 1] = back[np.arange(k), t, out[:k, t]]
    paths: list[list[int]] = [[] for _ in range(n_sent)]
    for row, s, n in zip(out.tolist(), order.tolist(), ls.tolist(), strict=True):
        paths[s] = row[:n]
    return paths


class _Scorer:
    """Cached score tables of one or two CRFs side by side: one row per distinct word, one
    per gazetteer tag tuple, each [offset, label of either CRF]. Both passes of the stacked
    model read the same word rows, so a word is scored once for both."""

    def __init__(self, models: list[CrfWeights], gazetteer: Gazetteer, cache_size: int):
        self.gazetteer = gazetteer
        attributes: dict[str, int] = {}
        for m in models:
            for name in m.attributes:
                attributes.setdefault(name, len(attributes))
        width = sum(len(m.labels) for m in models)
        matrix = np.zeros((len(attributes), width))
        col = 0
        for m in models:
            rows = [attributes[name] for name in m.attributes]
            matrix[rows, col : col + len(m.labels)] = m.weights
            col += len(m.labels)
        self.weights = CrfWeights(
            [str(i) for i in range(width)], np.zeros((1, 1)), list(attributes), matrix
        )
        self.width = width
        # attribute name without its offset -> row, one index per offset in OFFSETS
        self.by_offset: list[dict[str, int]] = [{} for _ in OFFSETS]
        where = {str(o): k for k, o in enumerate(OFFSETS)}
        for name, row in self.weights.index.items():
            cut = 2 if name[0] == "-" else 1
            k = where.get(name[:cut])
            if k is not None:
                self.by_offset[k][name[cut:]] = row
        # One id per attribute name without its offset, and the weight row of each name at
        # each offset (-1: no weights there). A new word's names are looked up once each,
        # not once per offset; the last row of ``offset_rows`` answers unknown names (-1).
        self.name_ids: dict[str, int] = {}
        for index in self.by_offset:
            for name in index:
                self.name_ids.setdefault(name, len(self.name_ids))
        self.offset_rows = np.full((len(self.name_ids) + 1, len(OFFSETS)), -1, dtype=np.intp)
        for k, index in enumerate(self.by_offset):
            for name, row in index.items():
                self.offset_rows[self.name_ids[name], k] = row
        # which of word_names' (own, near, far) lists each offset reads
        self.offset_kinds = [0 if o == 0 else 1 if abs(o) == 1 else 2 for o in OFFSETS]
        self._vector_weights(gazetteer)
        self.cache_size = cache_size
        self._reset()
        self.gaz_rows: dict[tuple[str, ...], int] = {(): 0}
        self.gaz_table = np.zeros((16, len(GAZ_OFFSETS), width))

    def _vector_weights(self, gazetteer: Gazetteer) -> None:
        """vector_table[offset, dimension, label]: the weights of the real-valued vector
        attributes (``features.sentence_items``), or None when the models have none."""
        self.vectors = gazetteer.vectors
        self.vector_table = None
        if self.vectors is None:
            return
        index = self.weights.index
        table = np.zeros((len(OFFSETS), self.vectors.width, self.width))
        found = False
        for k, o in enumerate(OFFSETS):
            for j, name in enumerate(vector_names(o, self.vectors)):
                r = index.get(name)
                if r is not None:
                    table[k, j] = self.weights.weights[r]
                    found = True
        if found:
            self.vector_table = table

    def _reset(self) -> None:
        self.rows: dict[str, int] = {}
        self.table = np.zeros((1024, len(OFFSETS), self.width))

    def word_rows(self, words: list[str]) -> list[int]:
        rows = self.rows
        out = []
        new: list[str] = []
        for w in words:
            r = rows.get(w)
            if r is None:
                r = rows[w] = len(rows)
                new.append(w)
            out.append(r)
        if new:
            if len(rows) > self.cache_size:  # bounded memory on endless streams of new words
                self._reset()
                return self.word_rows(words)
            n = len(rows)
            if n > len(self.table):
                grown = np.zeros((max(n, 2 * len(self.table)), *self.table.shape[1:]))
                grown[: n - len(new)] = self.table[: n - len(new)]
                self.table = grown
            self.table[n - len(new) : n] = self._score_words(new)
        return out

    def _score_words(self, words: list[str]) -> np.ndarray:
        """[word, offset, label] scores of new words (the same sums as ``score_groups`` over
        ``word_attributes``). ``word_names`` lists a word's neighbour names first among its
        own names, so one lookup per own name serves offsets 0 and ±1, one per far name ±2;
        the rows of every offset are then gathered with numpy."""
        get = self.name_ids.get
        missing = len(self.name_ids)
        own_ids: list[int] = []
        own_word: list[int] = []
        near_at: list[int] = []  # positions in own_ids of the neighbour names
        far_ids: list[int] = []
        far_word: list[int] = []
        for w, word in enumerate(words):
            own, near, far = word_names(word, self.gazetteer)
            base = len(own_ids)
            own_ids += [get(a, missing) for a in own]
            own_word += [w] * len(own)
            near_at += range(base, base + len(near))
            far_ids += [get(a, missing) for a in far]
            far_word += [w] * len(far)
        ids = np.array(own_ids, dtype=np.intp)
        owner = np.array(own_word, dtype=np.intp)
        near = np.array(near_at, dtype=np.intp)
        ids_of_kind = (ids, ids[near], np.array(far_ids, dtype=np.intp))
        word_of_kind = (owner, owner[near], np.array(far_word, dtype=np.intp))
        rows: list[np.ndarray] = []
        groups: list[np.ndarray] = []
        n_off = len(OFFSETS)
        for k, kind in enumerate(self.offset_kinds):
            r = self.offset_rows[ids_of_kind[kind], k]
            hit = r >= 0
            rows.append(r[hit])
            groups.append(word_of_kind[kind][hit] * n_off + k)
        out = np.zeros((len(words) * n_off, self.width))
        row = np.concatenate(rows)
        if len(row):
            np.add.at(out, np.concatenate(groups), self.weights.weights[row])
        out = out.reshape(len(words), n_off, self.width)
        if self.vector_table is not None:  # + vector @ weights, per offset
            values = word_vectors(words, self.vectors)
            out += np.einsum("nd,kdl->nkl", values, self.vector_table)
        return out

    def gaz_row(self, tags: tuple[str, ...]) -> int:
        r = self.gaz_rows.get(tags)
        if r is None:
            r = self.gaz_rows[tags] = len(self.gaz_rows)
            if r >= len(self.gaz_table):
                grown = np.zeros((2 * len(self.gaz_table), *self.gaz_table.shape[1:]))
                grown[:r] = self.gaz_table[:r]
                self.gaz_table = grown
            self.gaz_table[r] = self.weights.score_groups(gaz_attributes(tags))
        return r

    def emissions(
        self, sentences: list[list[str]], gtags: list[list[tuple[str, ...]]]
    ) -> tuple[np.ndarray, list[int]]:
        """Emission scores of all sentences stacked [token, label], and where each starts."""
        # All sentences side by side, each padded with two START and two END words, so
        # every offset's contribution is one shifted slice of one stacked array.
        flat: list[str] = []
        gflat: list[int] = []
        starts = []
        gaz_row = self.gaz_row
        for words, tags in zip(sentences, gtags, strict=True):
            starts.append(len(flat))
            flat += [START, START, *words, END, END]
            gflat += [0, 0, *[gaz_row(t) for t in tags], 0, 0]
        rows = self.word_rows(flat)  # may grow the table: index it afterwards
        w = self.table[rows]
        g = self.gaz_table[gflat]
        m = len(flat) - 4
        em = w[2 + OFFSETS[0] : 2 + OFFSETS[0] + m, 0].copy()
        for k, o in enumerate(OFFSETS[1:], 1):
            em += w[2 + o : 2 + o + m, k]
        for k, o in enumerate(GAZ_OFFSETS):
            em += g[2 + o : 2 + o + m, k]
        return em, starts


class Tagger:
    """Labels sentences of normalized words with a ``CrfWeights`` and a ``Gazetteer``;
    with ``second``, a stacked second CRF relabels them (see ``stack``)."""

    def __init__(
        self,
        weights: CrfWeights,
        gazetteer: Gazetteer,
        cache_size: int = 200_000,
        second: CrfWeights | None = None,
        network: Network | None = None,
    ):
        self.weights = weights
        self.gazetteer = gazetteer
        self.scorer = _Scorer([weights] + ([second] if second else []), gazetteer, cache_size)
        self.second = second
        # The window network beside the first pass (``network``): its scores, times its
        # weight, join the CRF's, in the CRF's label order.
        self.network = network
        self.first_transitions = weights.transitions
        if network is not None:
            # the network stacks sentences with the scorer's padding, row for row
            assert WINDOW == -OFFSETS[0] == OFFSETS[-1]
            self.first_transitions = joined_transitions(
                weights.transitions, weights.labels, network.a["transitions"], network.weight
            )
        if second is not None:
            # label_table[first-pass label (last row: padding), offset, second-pass label]
            names = [*weights.labels, PAD]
            self.label_table = np.stack(
                [np.stack(second.score_groups(label_attributes(lab))) for lab in names]
            )
            self._doc_tables(weights.labels, second)
        self.common_words = frozenset(w for w, c in gazetteer.vocab.items() if c == "c")
        self.mixed_words = frozenset(w for w, c in gazetteer.vocab.items() if c == "m")

    def _doc_tables(self, labels: list[str], second: CrfWeights) -> None:
        """Weights of every document attribute (``stack.document_tags``) by kind and role,
        so the second pass scores them with array lookups (same sums as the tag tuples)."""
        kinds = sorted({lab[2:] for lab in labels if len(lab) > 2})
        self._kinds = ["O", *kinds]  # alphabetical after O: argmax ties break as in stack
        col = {k: i for i, k in enumerate(self._kinds)}
        self._kind_of = np.array([col.get(lab[2:], 0) for lab in labels] + [0])
        self._prefix_of = np.array(
            [" BI".find(lab[0]) if len(lab) > 2 else 0 for lab in labels] + [0]
        )
        score = second.score
        self._w_d = np.array(
            [[score([f"{o}D={k}"]) for k in self._kinds] for o in DOC_OFFSETS]
        )  # [offset, kind, label]
        self._w_share = np.array(
            [[score([f"0Ds={k}:{sh}"]) for sh in ("all", "some")] for k in self._kinds]
        )  # [kind, all/some, label]
        self._w_pos = np.array(
            [[score([f"0Dp={k}:{p}"]) for p in _ROLES] for k in self._kinds]
        )  # [kind, role, label]

    def _doc_emissions(self, sentences: list[list[str]], lab: np.ndarray) -> np.ndarray:
        """Document-attribute scores of the stacked tokens, [flat position - 2, label]."""
        kid_list: list[int] = []
        ids: dict[str, int] = {}
        for words in sentences:
            kid_list += [-1, -1]
            kid_list += [
                ids.setdefault(stem_key(w), len(ids)) if len(w) >= MIN_LETTERS else -1
                for w in words
            ]
            kid_list += [-1, -1]
        n_flat = len(kid_list)
        m = n_flat - 4
        out = np.zeros((m, self._w_d.shape[2]))
        if not ids:
            return out
        kid = np.array(kid_list)
        kind = self._kind_of[lab]
        prefix = self._prefix_of[lab]
        ent = kind > 0
        prev_kind = np.concatenate(([0], kind[:-1]))
        next_kind = np.concatenate((kind[1:], [0]))
        next_prefix = np.concatenate((prefix[1:], [0]))
        first = ent & ((prefix == 1) | (prev_kind != kind))
        last = ent & ~((next_prefix == 2) & (next_kind == kind))
        role = np.where(first & last, 3, np.where(first, 0, np.where(last, 2, 1)))
        valid = kid >= 0
        keys = np.where(valid, kid, 0)
        count = np.bincount(kid[valid], minlength=len(ids))
        sel = np.flatnonzero(valid & (count[keys] >= 2))
        if not len(sel):
            return out
        n_kinds = len(self._kinds)
        votes = np.zeros((len(ids), n_kinds))
        np.add.at(votes, (kid[valid], kind[valid]), 1)
        roles = np.zeros((len(ids), n_kinds, len(_ROLES)))
        e = valid & ent
        np.add.at(roles, (kid[e], kind[e], role[e]), 1)
        k_sel, kind_sel = kid[sel], kind[sel]
        others = votes[k_sel]
        others[np.arange(len(sel)), kind_sel] -= 1
        names = others[:, 1:]
        has = names.sum(axis=1) > 0
        best = names.argmax(axis=1) + 1
        code = np.where(has, best, 0)
        flat_d = np.zeros((n_flat, 3, out.shape[1]))
        for k in range(len(DOC_OFFSETS)):
            flat_d[sel, k] = self._w_d[k, code]
        rows = np.arange(len(sel))
        share = (others[rows, best] != count[k_sel] - 1).astype(np.intp)  # 0 all, 1 some
        pv = roles[k_sel, best]
        own = (kind_sel == best) & ent[sel]
        pv[rows[own], role[sel][own]] -= 1
        extra = self._w_share[best, share] + np.einsum("nr,nrl->nl", pv > 0, self._w_pos[best])
        flat_d[sel, 1] += np.where(has[:, None], extra, 0.0)
        for k, o in enumerate(DOC_OFFSETS):
            out += flat_d[2 + o : 2 + o + m, k]
        return out

    def emissions(self, words: list[str]) -> np.ndarray:
        """First-pass emission scores[token, label] of one sentence of normalized words
        (with the network's, when there is one)."""
        gtags = [self.gazetteer.match(words)]
        em, starts = self.scorer.emissions([words], gtags)
        return self._first(em, starts, [words], gtags)

    def _first(self, both: np.ndarray, starts, sentences, gtags) -> np.ndarray:
        """The first pass's emissions of the stacked ``sentences``: the CRF's columns of
        ``both`` and, with a network, its weighted scores, start and end scores at each
        sentence's ends and the penalty on O (``network``)."""
        em = both[:, : len(self.weights.labels)]
        net = self.network
        if net is None or not len(em):
            return em
        return joined_emissions(
            em,
            self.weights.labels,
            net.emissions(sentences, gtags),
            net.a["start"],
            net.a["end"],
            net.weight,
            net.o_penalty,
            [(s, len(words)) for s, words in zip(starts, sentences, strict=True)],
        )

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels of a sentence of normalized words."""
        return self.tag_many([words])[0]

    def tag_many(self, sentences: list[list[str]], stacked: bool = True) -> list[list[str]]:
        """BIO labels of each sentence (decoded together, see ``viterbi_batch``). The
        sentences are one document: the second pass reads labels across all of them."""
        if not any(sentences):
            return [[] for _ in sentences]
        gtags = [self.gazetteer.match(words) for words in sentences]
        both, starts = self.scorer.emissions(sentences, gtags)
        n1 = len(self.weights.labels)
        first = self._decode(
            self._first(both, starts, sentences, gtags), starts, sentences, self.first_transitions
        )
        # A lone sentence gives the second pass none of the document evidence it was
        # trained on (ANERcorp test: -2.2 F1 sentence by sentence): the first pass stays.
        if self.second is None or not stacked or len(sentences) < 2:
            return [[self.weights.labels[i] for i in path] for path in first]
        em2 = both[:, n1:]
        # first-pass labels of the stacked tokens, padding rows around each sentence
        pad = len(self.weights.labels)
        lab = np.full(len(em2) + 4, pad, dtype=np.intp)
        for s, path in zip(starts, first, strict=True):
            lab[s + 2 : s + 2 + len(path)] = path
        m = len(em2)
        for k, o in enumerate(LABEL_OFFSETS):
            em2 += self.label_table[lab[2 + o : 2 + o + m], k]
        em2 += self._doc_emissions(sentences, lab)
        second = self._decode(em2, starts, sentences, self.second.transitions)
        return [[self.second.labels[i] for i in path] for path in second]

    @staticmethod
    def _decode(em, starts, sentences, transitions: np.ndarray) -> list[list[int]]:
        lengths = np.array([len(x) for x in sentences])
        padded = np.zeros((len(sentences), int(lengths.max()), em.shape[1]))
        for i, (s, words) in enumerate(zip(starts, sentences, strict=True)):
            padded[i, : len(words)] = em[s : s + len(words)]
        return viterbi_batch(padded, lengths, transitions)
