"""The compiled word lists the model may be trained with: ``model/words.tsv.gz``.

Each normalized word gets a tag string such as ``5 f l v``: its zipf frequency bucket,
``f`` first name, ``l`` last name, ``v`` verb form. ``akhbar.training.entities.wordlists_build``
compiles it from installed packages at training time; the recognizer only reads it here.
"""

from __future__ import annotations

import gzip


def save_bytes(words: dict[str, str]) -> bytes:
    """The gzipped ``word<TAB>tags`` lines of ``model/words.tsv.gz`` (byte-stable)."""
    text = "".join(f"{w}\t{t}\n" for w, t in sorted(words.items()))
    return gzip.compress(text.encode("utf-8"), mtime=0)


def load_bytes(data: bytes) -> dict[str, tuple[str, ...]]:
    out = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, tags = line.split("\t", 1)
        out[word] = tuple(tags.split())
    return out
