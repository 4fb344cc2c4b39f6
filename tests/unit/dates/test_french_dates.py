"""French date expressions resolve against the publication date like the Arabic ones."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.enrich.dates.french import find_dates_fr

REF = dt.date(2025, 11, 27)  # a Thursday


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("a présidé jeudi 27 novembre 2025 à Rabat", "jeudi 27 novembre 2025", "date", "2025-11-27"),
        ("sera examiné le 4 décembre prochain", "4 décembre prochain", "date", "2025-12-04"),
        ("adopté la semaine dernière", "la semaine dernière", "relative", "2025-11-17/2025-11-23"),
        ("reçu jeudi dernier", "jeudi dernier", "relative", "2025-11-20"),
        ("il y a deux jours, il pleuvait", "il y a deux jours", "relative", "2025-11-25"),
        ("la conférence de mi-janvier", "mi-janvier", "month", "2026-01"),
        ("Hier, les prix ont baissé", "Hier", "relative", "2025-11-26"),
        ("aujourd'hui ils remontent", "aujourd'hui", "relative", "2025-11-27"),
        ("du 3 au 5 juin 2025", "3 au 5 juin 2025", "range", "2025-06-03/2025-06-05"),
        ("publié le 27/11/2025", "27/11/2025", "date", "2025-11-27"),
        ("en mai dernier", "mai dernier", "month", "2025-05"),
        ("l'an dernier", "l'an dernier", "relative", "2024"),
        ("la réunion à 14h30", "14h30", "time", "14:30"),
        ("depuis trois ans", "depuis trois ans", "relative", "2022"),
        ("le week-end dernier", "le week-end dernier", "relative", "2025-11-22/2025-11-23"),
    ],
)
def test_expression_resolves_to_value(text, surface, kind, value):
    found = [(m.text, m.kind, m.value) for m in find_dates_fr(text, REF)]
    assert found == [(surface, kind, value)]


def test_offsets_point_into_the_text():
    text = "Le 4 décembre prochain et jeudi dernier."
    for m in find_dates_fr(text, REF):
        assert text[m.start : m.end] == m.text


def test_bare_month_name_without_cue_is_no_date():
    """"Mars" the planet and "Mai" a first name are not months without a cue word."""
    assert find_dates_fr("La planète Mars et la chanteuse Mai Lan.", REF) == []


def test_bare_weekday_looks_ahead_in_a_future_sentence():
    (m,) = find_dates_fr("La réunion aura lieu mardi.", REF)
    assert (m.kind, m.value) == ("weekday", "2025-12-02")
