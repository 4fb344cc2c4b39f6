"""Batched Viterbi: sentences of any lengths decoded together get their own best paths."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.enrich.entities.model import viterbi_batch


def best_by_enumeration(em: np.ndarray, transitions: np.ndarray) -> list[int]:
    n, labels = em.shape
    if n == 0:
        return []

    def score(path):
        return sum(em[i, y] for i, y in enumerate(path)) + sum(
            transitions[a, b] for a, b in itertools.pairwise(path)
        )

    return list(max(itertools.product(range(labels), repeat=n), key=score))


@settings(max_examples=60, deadline=None)
@given(lengths=st.lists(st.integers(0, 5), min_size=1, max_size=6), seed=st.integers(0, 2**32 - 1))
def test_each_sentence_gets_the_path_exhaustive_search_finds(lengths, seed):
    rng = np.random.default_rng(seed)
    transitions = rng.normal(size=(3, 3))
    sentences = [rng.normal(size=(n, 3)) for n in lengths]
    padded = np.zeros((len(lengths), max(max(lengths), 1), 3))
    for i, em in enumerate(sentences):
        padded[i, : len(em)] = em
    got = viterbi_batch(padded, np.array(lengths), transitions)
    assert got == [best_by_enumeration(em, transitions) for em in sentences]


def test_padding_does_not_leak_into_a_short_sentence():
    """A short sentence next to a long one ends where it ends, whatever the padding holds."""
    transitions = np.zeros((2, 2))
    padded = np.array(
        [[[0.0, 1.0], [5.0, 0.0], [5.0, 0.0]], [[1.0, 0.0], [99.0, -99.0], [99.0, -99.0]]]
    )
    assert viterbi_batch(padded, np.array([3, 1]), transitions) == [[1, 0, 0], [0]]
