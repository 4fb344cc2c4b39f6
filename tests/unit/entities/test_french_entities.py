"""French entities, and enrich running each extractor only on its language's fields."""

from __future__ import annotations

import datetime as dt

from akhbar.enrich.core import enrich
from akhbar.enrich.entities.french import find_entities_fr
from akhbar.shared.language import with_languages
from akhbar.shared.schemas import Article

LEAD = (
    "Le chef du gouvernement Aziz Akhannouch a présidé jeudi 27 novembre 2025 à Rabat le "
    "conseil de gouvernement consacré au texte adopté la semaine dernière par la Chambre "
    "des représentants."
)


def test_french_lead_names_person_place_and_organization():
    found = {(e.text, e.label) for e in find_entities_fr(LEAD)}
    assert {("Aziz Akhannouch", "PER"), ("Rabat", "LOC")} <= found
    assert ("Chambre des représentants", "ORG") in found


def test_offsets_point_into_the_text():
    for e in find_entities_fr(LEAD):
        assert LEAD[e.start : e.end] == e.text


def test_no_garbage_spans_from_the_arabic_model_on_a_french_lead():
    """The issue's example: the Arabic tagger gave "Rabat le conseil de gouvernement" as PER."""
    article = with_languages(Article(id="a", title="Conseil de gouvernement", body=[LEAD]))
    article = article.model_copy(update={"published": dt.date(2025, 11, 28)})
    out = enrich(article)
    texts = {e.text for e in out.entities}
    assert "Aziz Akhannouch" in texts
    assert not any("conseil de gouvernement" in t for t in texts)
    assert ("jeudi 27 novembre 2025", "2025-11-27") in {(d.text, d.value) for d in out.dates}


def test_mixed_page_reads_each_paragraph_with_its_own_language():
    article = with_languages(
        Article(
            id="m",
            title="أخنوش يترأس مجلس الحكومة بالرباط",
            body=[LEAD, "وقال أخنوش أمس في الرباط إن الحكومة ماضية في تنزيل الإصلاحات الكبرى"],
            published=dt.date(2025, 11, 28),
        )
    )
    out = enrich(article)
    fields = {(e.field, e.text) for e in out.entities}
    assert ("body.0", "Aziz Akhannouch") in fields
    assert any(f == "body.1" for f, _ in fields)
    assert ("body.1", "2025-11-27") in {(d.field, d.value) for d in out.dates}


def test_language_without_extractors_gets_none():
    """English text gets parse and language only: no entities, no dates."""
    article = with_languages(
        Article(id="e", title="Prime minister chairs the weekly government council on Thursday")
    )
    assert article.language == "en"
    out = enrich(article)
    assert out.entities == [] and out.dates == []


def test_cached_word_scores_equal_scoring_every_attribute():
    """The per-word score cache gives the emissions CRF attributes would give, for short
    sentences (edges on both sides of a word) and long ones, repeated words included."""
    import numpy as np

    from akhbar.enrich.entities import french

    weights, lex = french.load_model()
    texts = (LEAD, "Rabat", "M. Akhannouch", "Le Maroc et la France , le Maroc .")
    batch = [[w for w, _, _ in french.tokenize(text)] for text in texts]
    together, sent, pos = french.emissions_many(batch, weights, lex)
    for k, words in enumerate(batch):
        expected = weights.score_groups(french.token_features(words, lex))
        np.testing.assert_allclose(french.emissions(words, weights, lex), expected, atol=1e-9)
        mine = sent == k
        assert pos[mine].tolist() == list(range(len(words)))
        np.testing.assert_allclose(together[mine], expected, atol=1e-9)


def _found(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in find_entities_fr(text)}


def test_a_lower_case_noun_announces_the_label_of_the_name_after_it():
    found = _found(
        "Le constructeur Renault a exposé au stade Prince Moulay Abdellah pendant le "
        "festival Mawazine."
    )
    assert {("Renault", "ORG"), ("Prince Moulay Abdellah", "LOC"), ("Mawazine", "MISC")} <= found
    assert not any(text.startswith(("constructeur", "stade", "festival")) for text, _ in found)
    assert not _found("Le texte est publié sur le site Internet du ministère.")


def test_events_by_their_head_or_acronym_and_nationalities_are_misc():
    found = _found("La CAN 2025 précède la Coupe du monde, et les Marocains y croient.")
    assert {("CAN 2025", "MISC"), ("Coupe du monde", "MISC"), ("Marocains", "MISC")} <= found


def test_a_plural_party_name_is_an_organization_not_a_people():
    assert ("Républicains", "ORG") in _found("Le patron des Républicains a posé ses conditions.")


def test_a_given_name_the_model_cut_short_gets_its_surname():
    assert ("Walid Regragui", "PER") in _found(
        "Le sélectionneur Walid Regragui a convoqué 26 joueurs."
    )


def test_a_place_after_a_name_the_noun_announced_keeps_its_own_span():
    found = _found("Le match se jouera au stade Prince Moulay Abdellah de Rabat.")
    assert {("Prince Moulay Abdellah", "LOC"), ("Rabat", "LOC")} <= found


def test_a_capitalized_function_word_never_opens_a_name_but_an_article_may():
    from akhbar.enrich.entities.french import lower_lead

    assert lower_lead(["Selon", "Javier", "López"]) == 1
    assert lower_lead(["Le", "colistier", "de", "Donald", "Trump"]) == 3
    assert lower_lead(["Le", "Caire"]) == 0
