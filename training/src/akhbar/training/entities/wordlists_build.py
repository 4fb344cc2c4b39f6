"""Compile the word lists of ``model/words.tsv.gz`` from installed packages (training time).

Three things a CRF trained on 125k tokens cannot know about the words it never saw:
- how frequent a word is in Arabic at large (``wordfreq``): common words are rarely names,
  and a rare word is more often one ("برنامجا", "مرماه" after a name are frequent words);
- whether it is a person's first or last name (``names-dataset``: names with a rank in an
  Arab country; ``pyarabic``'s proper nouns: given names and family names);
- whether it is a conjugated verb (``arramooz``'s verb dictionary conjugated by
  ``libqutrub``, kept when ``wordfreq`` attests the form): "كوريا يدين" ends at كوريا.

Only training needs these packages (the ``ner-train`` dependency group); the recognizer
reads the compiled file. Each normalized word gets a tag string such as ``5 f l v``: its
zipf frequency bucket (absent: rarer than ``MIN_ZIPF``), ``f`` first name, ``l`` last name,
``v`` verb form.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from akhbar.enrich.entities.normalize import normalize

MIN_ZIPF = 2.5  # words rarer than this are left out: to the features they are "rare"
# Arab League members: names ranked there are Arabic-script names people really carry.
ARAB_COUNTRIES = frozenset(
    "MA DZ TN LY EG SD MR SA AE QA KW BH OM YE IQ SY JO LB PS DJ SO KM".split()
)
NAME_RANK = 5000  # names-dataset rank (per country) up to which a name is listed
COMMON_NAME_ZIPF = 5.0  # very frequent words listed as names are mostly noise ("انا")
_ARABIC_WORD = re.compile("^[\u0621-\u064a]{2,}$")


def frequencies() -> dict[str, float]:
    """Zipf frequency of each normalized Arabic word (spellings that normalize alike summed)."""
    import wordfreq

    total: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("ar").items():
        key = normalize(word)
        total[key] = total.get(key, 0.0) + freq
    return {w: math.log10(f * 1e9) for w, f in total.items() if f > 0}


def person_names(freq: dict[str, float]) -> dict[str, set[str]]:
    """Normalized word -> {"f", "l"}: first names and last names.

    names-dataset's Arabic-script names are user-entered and carry common words ("انا",
    "الحياة"); those as frequent as ``COMMON_NAME_ZIPF`` are dropped unless pyarabic's
    curated list has them (محمد, علي).
    """
    from names_dataset import NameDataset
    from pyarabic.propernouns import TEXT  # "lexeme label" lines (its own dict is left empty)

    curated: dict[str, set[str]] = {}
    for line in TEXT.splitlines():
        parts = line.split()
        kind = {"nom": "f", "nasab": "l"}.get(parts[-1]) if len(parts) == 2 else None
        if kind and _ARABIC_WORD.match(parts[0]):
            curated.setdefault(normalize(parts[0]), set()).add(kind)
    out = {w: set(k) for w, k in curated.items()}
    nd = NameDataset()
    for kind, table in (("f", nd.first_names), ("l", nd.last_names)):
        for name, info in table.items():
            ranks = [r for c, r in (info.get("rank") or {}).items() if c in ARAB_COUNTRIES]
            if ranks and min(ranks) <= NAME_RANK and _ARABIC_WORD.match(name):
                word = normalize(name)
                if word in curated or freq.get(word, 0.0) < COMMON_NAME_ZIPF:
                    out.setdefault(word, set()).add(kind)
    return out


# Persons and tenses a news sentence uses: third person, active and passive, past and present.
_PERSONS = ("هو", "هي", "هم")  # duals and feminine plurals: rare, and they collide with names
_TENSES = ("الماضي المعلوم", "الماضي المجهول", "المضارع المعلوم", "المضارع المجهول")


def verb_forms(attested: dict[str, float]) -> set[str]:
    """Normalized third-person conjugations of arramooz's verbs that ``attested`` holds."""
    import sqlite3

    import arramooz
    from libqutrub.conjugator import conjugate

    db = Path(arramooz.__file__).parent / "data" / "arabicdictionary.sqlite"
    with sqlite3.connect(db) as con:
        rows = con.execute("select vocalized, future_type, transitive from verbs").fetchall()
    out: set[str] = set()
    for vocalized, future_type, transitive in rows:
        try:
            table = conjugate(
                vocalized,
                future_type,
                alltense=False,
                past=True,
                future=True,
                passive=True,
                transitive=bool(transitive),
                display_format="DICT",
            )
        except Exception:  # a few dictionary entries do not conjugate
            table = None
        if not isinstance(table, dict):
            continue
        for tense in _TENSES:
            for person in _PERSONS:
                form = normalize((table.get(tense) or {}).get(person) or "")
                if form in attested:
                    out.add(form)
    return out


def compile_words(min_zipf: float = MIN_ZIPF) -> dict[str, str]:
    """Normalized word -> tag string (see the module doc)."""
    freq = frequencies()
    tags: dict[str, list[str]] = {}
    for word, z in freq.items():
        if z >= min_zipf:
            tags[word] = [str(min(int(z), 6))]
    for word, kinds in person_names(freq).items():
        tags.setdefault(word, []).extend(sorted(kinds))
    for word in verb_forms(freq):
        tags.setdefault(word, []).append("v")
    return {w: " ".join(t) for w, t in tags.items()}
