"""Full names of people of the Arab world, from Wikidata, as gazetteer entries (training time).

ANERcorp's 125k tokens name a few hundred people; a reader of Arab news meets thousands.
The ``arabic-name-romanizer`` package (MIT; ``ner-train`` dependency group) installs a
table of about 87,000 Arabic-script full names with their Latin spelling and country,
taken from Wikidata's people and the dzirinames list. Its names of people of Arab League
countries (about 42,000) join the gazetteer as PER: a known full name ("ادريس بن زكري")
is strong evidence, and the model learns how far to trust it because the training
sentences are featurized with the same entries. One-word names are left out: a given
name alone is as often a common word (سعيد, كريم, جمال).

On cross-validation over the train split this lifted micro F1 by 0.9 sentence by sentence
and 1.3 in documents, PER by 2.6 and 3.6; on the test split it gained less and ORG fell
under its floors, so it is a training option, off by default (``train --wikidata``;
docs/entities.md). Labelling text never needs the package: the names are compiled into
``model/gazetteer.tsv``.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

from .wordlists_build import ARAB_COUNTRIES

PACKAGE = "arabic_name_romanizer"
TABLE = Path("resources") / "names.sqlite3"


def table_path() -> Path:
    """The installed name table; the package is not imported (its import loads onnxruntime)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            f"{PACKAGE} is not installed: it is in the ner-train dependency group "
            "(make train-ner, or uv run --group ner-train ...)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / TABLE


def person_entries(path: Path | None = None) -> list[tuple[str, str]]:
    """("PER", full name) for every name of two or more words of an Arab League country."""
    con = sqlite3.connect(f"file:{path or table_path()}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT arabic_key, country FROM full_names").fetchall()
    finally:
        con.close()
    names = {
        " ".join(name.split())
        for name, country in rows
        if country in ARAB_COUNTRIES and len(name.split()) >= 2
    }
    return [("PER", name) for name in sorted(names)]
