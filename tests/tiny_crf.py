"""A CRF trained in a second on a handful of sentences, for tests that compare akhbar's
numpy labeller with CRFsuite's own tagger."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pycrfsuite


def train_tiny_crf(
    sentences: list[tuple[list[str], list[str]]],
    items: Callable[[list[str]], list],
    folder: Path,
) -> pycrfsuite.Tagger:
    """CRFsuite trained on ``sentences`` (tokens, BIO tags), each featurized by ``items``
    (the sentence's tokens -> CRFsuite items), and opened as a tagger."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sentences:
        trainer.append(items(tokens), tags)
    trainer.set_params(
        {"c1": 0.0, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True}
    )
    path = str(folder / "tiny.crf")
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger
