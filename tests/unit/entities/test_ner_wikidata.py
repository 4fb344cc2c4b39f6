"""Wikidata full names read from arabic-name-romanizer's table, as PER gazetteer entries."""

import sqlite3

import pytest

from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.normalize import normalize
from akhbar.training.entities import wikidata


@pytest.fixture
def table(tmp_path):
    """A name table shaped like the package's, with rows the filter must keep and drop."""
    path = tmp_path / "names.sqlite3"
    con = sqlite3.connect(path)
    con.execute(
        "CREATE TABLE full_names (arabic_key TEXT NOT NULL, latin TEXT NOT NULL,"
        " latin_lang TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',"
        " count INTEGER NOT NULL, source TEXT NOT NULL)"
    )
    rows = [
        ("ادريس بن زكري", "Driss Benzekri", "MA"),
        ("ادريس بن زكري", "Driss Benzekry", "MA"),  # two spellings, one name
        ("عبد الحميد  عدو", "Abdelhamid Addou", "DZ"),  # doubled space
        ("رابح", "Rabah", "DZ"),  # one word: as often a common word
        ("ايوان شفيق", "Ivan Shafiq", "PK"),  # outside the Arab League
    ]
    con.executemany(
        "INSERT INTO full_names VALUES (?, ?, 'en', ?, 1, 'wikidata')",
        rows,
    )
    con.commit()
    con.close()
    return path


def test_full_names_of_arab_countries_become_person_entries(table):
    """Multi-word names of Arab League countries are kept once each, spaces collapsed."""
    assert wikidata.person_entries(table) == [
        ("PER", "ادريس بن زكري"),
        ("PER", "عبد الحميد عدو"),
    ]


def test_entries_match_names_written_with_hamza_and_clitics(table):
    """The table is in normalized spelling; text with أ/إ and a proclitic still matches."""
    gaz = Gazetteer(wikidata.person_entries(table))
    words = [normalize(w) for w in "قال وإدريس بن زكري إن".split()]
    assert gaz.match(words) == [(), ("PER:B",), ("PER:I",), ("PER:I",), ()]


def test_missing_package_is_a_clear_error(monkeypatch):
    """Without the ner-train group, training stops and says what to install."""
    monkeypatch.setattr(wikidata, "PACKAGE", "akhbar_no_such_package")
    with pytest.raises(SystemExit, match="ner-train"):
        wikidata.table_path()
