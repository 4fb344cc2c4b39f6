"""Compile the French model's first-name list: ``python -m akhbar.training.entities.french_lists``.

Writes ``lists/first_names_fr.txt`` of the enrich package: the first names names-dataset
(dependency group ner-train) ranks among the ``RANK`` most common of a country whose press
akhbar reads in French or whose people it names often (the Maghreb, France, Belgium,
Switzerland, the Sahel and West Africa, the Gulf and Levant, the United States and Europe),
written in Latin letters, less those that are also common French words (wordfreq Zipf at
least ``COMMON_WORD_ZIPF`` in lower case, so "France" and "Marie"-like words of the language go; wordfreq lowercases names too, so a lower bar would drop "Sophie"). A feature of the
French entity model (``akhbar.enrich.entities.french``); the model must be retrained
(``make train-ner-fr``) after the list changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from akhbar.enrich.entities import french

COUNTRIES = (
    "MA", "DZ", "TN", "LY", "EG", "MR", "SN", "ML", "CI", "CM", "FR", "BE", "CH", "CA",
    "SA", "AE", "QA", "KW", "JO", "LB", "SY", "IQ", "PS", "US", "GB", "ES", "IT", "PT",
    "DE", "NL", "NG",
)  # fmt: skip
RANK = 400
COMMON_WORD_ZIPF = 5.0
_LATIN_NAME = re.compile(r"^[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?$")
OUT = Path(french.__file__).parent / "lists" / "first_names_fr.txt"


def first_names() -> list[str]:
    from names_dataset import NameDataset
    from wordfreq import zipf_frequency

    nd = NameDataset()
    keep = set()
    for name, info in nd.first_names.items():
        ranks = [r for c, r in (info.get("rank") or {}).items() if c in COUNTRIES]
        if not ranks or min(ranks) > RANK or not _LATIN_NAME.match(name):
            continue
        if zipf_frequency(name.lower(), "fr") >= COMMON_WORD_ZIPF:
            continue
        keep.add(name)
    return sorted(keep)


def main() -> None:
    names = first_names()
    header = (
        "# Compiled by akhbar.training.entities.french_lists from names-dataset; do not edit.\n"
    )
    OUT.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} first names -> {OUT}")


if __name__ == "__main__":
    main()
