"""CRFsuite's trained weights into the numpy model the recognizer reads (``model/*.npz``)."""

from __future__ import annotations

import numpy as np

from akhbar.enrich.entities.model import CrfWeights


def weights_from_crfsuite(tagger) -> CrfWeights:
    """The labels, transitions and state weights of an opened ``pycrfsuite.Tagger``."""
    info = tagger.info()
    labels = list(tagger.labels())
    pos = {lab: i for i, lab in enumerate(labels)}
    trans = np.zeros((len(labels), len(labels)))
    for (a, b), w in info.transitions.items():
        trans[pos[a], pos[b]] = w
    attrs: dict[str, int] = {}
    rows: list[tuple[int, int, float]] = []
    for (attr, lab), w in info.state_features.items():
        rows.append((attrs.setdefault(attr, len(attrs)), pos[lab], w))
    weights = np.zeros((len(attrs), len(labels)))
    for r, c, w in rows:
        weights[r, c] = w
    return CrfWeights(labels, trans, list(attrs), weights)
