"""The annotated French sentences (``tests/data/french/sentences.txt``) and their scores.

``python -m akhbar.training.french_set`` prints the French entity and date scores of both
splits. Markup, one sentence a line: ``[LABEL words]`` is an entity, ``{words|value}`` a
date with its value; ``@ref YYYY-MM-DD`` sets the publication date of the lines after it,
``@split dev|test`` their split; ``#`` starts a comment line. The conventions are in
``tests/data/french/README.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from akhbar.training.dates.scoring import Scores as DateScores
from akhbar.training.dates.scoring import score as score_dates
from akhbar.training.entities.scores import Scores

SENTENCES = Path(__file__).resolve().parents[4] / "tests" / "data" / "french" / "sentences.txt"
_MARK = re.compile(r"\[(PER|ORG|LOC|MISC) ([^\[\]]+)\]|\{([^{}|]+)\|([^{}]+)\}")


def parse_line(line: str) -> tuple[str, list[tuple[int, int, str]], list[dict]]:
    """Plain text, entity spans (start, end, label) and date items of one marked line."""
    text, entities, dates, pos = [], [], [], 0
    length = 0
    for m in _MARK.finditer(line):
        plain = line[pos : m.start()]
        text.append(plain)
        length += len(plain)
        surface = m.group(2) if m.group(1) else m.group(3)
        if m.group(1):
            entities.append((length, length + len(surface), m.group(1)))
        else:
            dates.append({"surface": surface, "value": m.group(4)})
        text.append(surface)
        length += len(surface)
        pos = m.end()
    text.append(line[pos:])
    return "".join(text), entities, dates


def load(path: Path = SENTENCES) -> dict[str, list[dict]]:
    """Cases by split: ``{"text", "ref", "entities", "expected"}`` (``expected`` as the date
    scorer reads it)."""
    splits: dict[str, list[dict]] = {}
    ref, split = None, "dev"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@ref "):
            ref = dt.date.fromisoformat(line[5:].strip()).isoformat()
            continue
        if line.startswith("@split "):
            split = line[7:].strip()
            continue
        if ref is None:
            raise ValueError(f"{path}:{number}: a sentence before any @ref line")
        text, entities, dates = parse_line(line)
        splits.setdefault(split, []).append(
            {"id": number, "text": text, "ref": ref, "entities": entities, "expected": dates}
        )
    return splits


def score_entities(cases: list[dict], find) -> Scores:
    """Exact span and label micro scores of ``find(text) -> [Entity]`` on ``cases``."""
    scores = Scores()
    for case in cases:
        pred = [(e.start, e.end, e.label) for e in find(case["text"])]
        scores.add_spans(case["entities"], pred)
    return scores


def evaluate(path: Path = SENTENCES) -> dict:
    from akhbar.enrich.dates.french import find_dates_fr
    from akhbar.enrich.entities.french import find_entities_fr

    out = {}
    for split, cases in load(path).items():
        dates: DateScores = score_dates(cases, find_dates_fr)
        out[split] = {
            "sentences": len(cases),
            "entities": score_entities(cases, find_entities_fr).report(),
            "dates": {
                "gold": dates.gold,
                "value_accuracy": round(dates.value_accuracy, 3),
                "precision": round(dates.precision, 3),
                "recall": round(dates.recall, 3),
                "misses": dates.misses,
            },
        }
    return out


if __name__ == "__main__":
    print(json.dumps(evaluate(), indent=1, ensure_ascii=False))
