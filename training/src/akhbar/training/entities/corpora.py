"""Readers for the annotated corpora in ../shared/data/ner, mapped to PER/ORG/LOC/MISC.

Each reader yields sentences as (tokens, BIO tags) with akhbar's four labels. The data
folder is ``$AKHBAR_NER_DATA`` or ../shared/data/ner beside the checkout.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import akhbar.enrich.entities as entities_package
from akhbar.enrich.entities.spans import bio_spans

Sentence = tuple[list[str], list[str]]

REPO = Path(__file__).resolve().parents[5]
# The runtime package's model folder: what training writes and the recognizer reads.
MODEL_DIR = Path(entities_package.__file__).parent / "model"
# Training inputs that are not shipped: the corpus names list.
DATA_DIR = Path(__file__).parent / "data"
# The project's annotated headlines and lead sentences (character spans, JSON lines).
HEADLINES = REPO / "tests" / "data" / "entities" / "headlines"


def read_span_set(path: Path) -> list[dict]:
    """The annotated texts of a headline set file (JSON lines with ``entities`` spans)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ANERCORP_TRAIN = "anercorp_camel/ANERCorp_CamelLab_train.txt"
ANERCORP_TEST = "anercorp_camel/ANERCorp_CamelLab_test.txt"

_ANER = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
# AQMAR's MIS0..MIS3 mark Wikipedia topic terms (electron, proton, ...), nothing like
# ANERcorp's MISC (events, products, competitions): training on them lowered dev F1, so
# they are read as O; its PER/LOC/ORG are kept.
_AQMAR = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
# Wojood's 21 types: places (geo-political, natural, facilities) become LOC, events MISC;
# dates, numbers, occupations, nationalities are not names in ANERcorp's sense.
_WOJOOD = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "MISC"}


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override)
    env = os.environ.get("AKHBAR_NER_DATA")
    if env:
        return Path(env)
    # training/src/akhbar/training/entities -> the checkout is 5 levels up, ../shared beside it
    return REPO.parent / "shared" / "data" / "ner"


def _map(tag: str, mapping: dict[str, str]) -> str:
    if len(tag) < 3 or tag[1] != "-":
        return "O"
    kind = tag[2:]
    label = mapping.get(kind)
    return f"{tag[0]}-{label}" if label else "O"


def _blocks(path: Path) -> Iterator[list[list[str]]]:
    block: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            if block:
                yield block
            block = []
            continue
        block.append(cols)
    if block:
        yield block


def read_anercorp(path: Path) -> list[Sentence]:
    return [
        ([c[0] for c in b], [_map(c[1] if len(c) > 1 else "O", _ANER) for c in b])
        for b in _blocks(path)
    ]


def read_aqmar(folder: Path) -> list[Sentence]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        for b in _blocks(path):
            out.append(([c[0] for c in b], [_map(c[1] if len(c) > 1 else "O", _AQMAR) for c in b]))
    return out


def read_wojood(path: Path) -> list[Sentence]:
    """Nested Wojood tags flattened: the outermost mapped entity wins, inner ones fill gaps."""
    out = []
    for b in _blocks(path):
        tokens = [c[0] for c in b if c[0] != "$#$"]
        layers = [c[1:] for c in b if c[0] != "$#$"]
        tags = ["O"] * len(tokens)
        depth = max((len(x) for x in layers), default=0)
        for level in range(depth):
            for start, end, kind in bio_spans(
                [x[level] if level < len(x) else "O" for x in layers]
            ):
                label = _WOJOOD.get(kind)
                if label and all(t == "O" for t in tags[start:end]):
                    tags[start] = f"B-{label}"
                    for k in range(start + 1, end):
                        tags[k] = f"I-{label}"
        out.append((tokens, tags))
    return out
