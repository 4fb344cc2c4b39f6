"""The news body model: one domain-augmented CRF (each attribute shared and under its
domain's prefix), whose domains' models are folded back into plain weights."""

import numpy as np
import pytest

from akhbar.enrich.entities import recognizer
from akhbar.enrich.entities.model import CrfWeights
from akhbar.training.entities import train

PARAMS = {**train.PARAMS, "max_iterations": 50}


def _weights(rows: dict[str, list[float]]) -> CrfWeights:
    names = list(rows)
    return CrfWeights(
        ["O", "B-LOC"],
        np.array([[0.5, -1.0], [0.0, 0.25]]),
        names,
        np.array([rows[n] for n in names]),
    )


class TestDomainFolding:
    def test_each_attribute_gets_its_shared_weights_plus_its_domains_copy(self):
        w = _weights({"0w=a": [1.0, 2.0], "@L:0w=a": [0.5, -1.0], "@A:0w=a": [9.0, 9.0]})
        lead = train.domain_weights(w, {"@L:": 1.0})
        assert lead.attributes == ["0w=a"]
        assert lead.weights.tolist() == [[1.5, 1.0]]

    def test_a_domain_only_attribute_is_kept_and_other_domains_are_dropped(self):
        w = _weights({"0w=a": [1.0, 0.0], "@A:0w=b": [0.0, 3.0], "@L:0w=c": [2.0, 0.0]})
        anercorp = train.domain_weights(w, {"@A:": 1.0})
        assert anercorp.attributes == ["0w=a", "0w=b"]
        assert anercorp.weights.tolist() == [[1.0, 0.0], [0.0, 3.0]]
        assert np.array_equal(anercorp.transitions, w.transitions)  # transitions are shared

    def test_a_blend_adds_each_domains_copy_times_its_scale(self):
        w = _weights({"0w=a": [1.0, 2.0], "@L:0w=a": [0.5, -1.0], "@A:0w=a": [2.0, 4.0]})
        blend = train.domain_weights(w, {"@L:": 1.0, "@A:": 0.5})
        assert blend.weights.tolist() == [[2.5, 3.0]]

    def test_items_carry_each_attribute_shared_and_prefixed(self):
        items = [[["0w=a", "1w=b"], ["0w=b"]]]
        assert train.domain_items(items, "@H:") == [
            [["0w=a", "1w=b", "@H:0w=a", "@H:1w=b"], ["0w=b", "@H:0w=b"]]
        ]

    def test_two_domains_that_label_one_word_differently_each_keep_their_own_label(self):
        """What the corpora disagree on goes into the prefixed copies: trained together, the
        model of each domain gives the word its domain's label (a council ANERcorp leaves O
        and the project's conventions name), while a word both label alike is learned once."""
        aner = [(["مجلس", "في", "مصر"], ["O", "O", "B-LOC"])] * 6
        news = [(["مجلس", "في", "مصر"], ["B-ORG", "O", "B-LOC"])] * 6
        attrs = [[[f"0w={w}", "0bias"] for w in toks] for toks, _ in aner]
        items = train.domain_items(attrs, train.ANERCORP_DOMAIN) + train.domain_items(
            attrs, train.NEWS_DOMAINS["lead"]
        )
        crf = train.train_crf(items, [t for _, t in aner + news], PARAMS)
        for prefix, want in (
            (train.ANERCORP_DOMAIN, aner[0][1]),
            (train.NEWS_DOMAINS["lead"], news[0][1]),
        ):
            model = train.domain_weights(crf, {prefix: 1.0})
            scores = np.array([model.score(a) for a in attrs[0]])
            got = [model.labels[i] for i in scores.argmax(axis=1)]
            assert got == want


class TestConventions:
    def test_the_shipped_folder_has_a_news_body_model_and_anercorp_conventions_leave_it_out(self):
        try:
            recognizer.use_model(conventions="anercorp")
            assert recognizer._NEWS_TAGGER is None
            recognizer.use_model(conventions="akhbar")
            assert recognizer._NEWS_TAGGER is not None
        finally:
            recognizer.use_model()

    def test_the_conventions_come_from_the_environment(self, monkeypatch):
        try:
            monkeypatch.setenv("AKHBAR_NER_CONVENTIONS", "anercorp")
            recognizer.use_model()
            assert recognizer._NEWS_TAGGER is None
        finally:
            monkeypatch.delenv("AKHBAR_NER_CONVENTIONS")
            recognizer.use_model()

    def test_unknown_conventions_are_a_clear_error(self):
        with pytest.raises(ValueError, match="one of akhbar, anercorp"):
            recognizer.use_model(conventions="conll")
        recognizer.use_model()
