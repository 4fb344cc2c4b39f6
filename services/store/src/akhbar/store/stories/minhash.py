"""MinHash signatures and LSH band keys of shingle sets (numpy, no outside sketch library).

128 hash functions in 32 bands of 4 rows: two texts become candidates when one band agrees,
which happens with probability 1 - (1 - J^4)^32: 0.56 at Jaccard 0.4, 0.87 at 0.5, 0.99 at
0.6. Candidates are then re-checked with the exact Jaccard of their shingles, so the bands
only need to find them, not decide.
"""

from __future__ import annotations

import hashlib

import numpy as np

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS

# Fixed seed: signatures must agree across processes, replicas and releases.
_rng = np.random.default_rng(20130101)
_A = _rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)


def signature(shingles: np.ndarray) -> np.ndarray:
    """For each of the 128 hash functions (multiply-shift: the high 32 bits of a*x+b mod
    2^64), the minimum over the shingles."""
    if len(shingles) == 0:
        return _EMPTY.copy()
    x = shingles.astype(np.uint64)[:, None]
    hashed = (x * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return hashed.min(axis=0).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (the band's number is hashed in, so equal rows in two
    different bands never collide); what the index looks candidates up by."""
    rows = sig.reshape(BANDS, ROWS)
    keys = []
    for i in range(BANDS):
        digest = hashlib.blake2b(rows[i].tobytes(), digest_size=8, person=b"band%04d" % i)
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return keys
