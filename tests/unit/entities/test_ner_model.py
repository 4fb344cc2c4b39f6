"""The numpy labeller gives exactly CRFsuite's answers, and the model file round-trips."""

from pathlib import Path

import numpy as np
import pytest

from akhbar.enrich.entities.features import sentence_attributes
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.model import CrfWeights, Tagger, viterbi
from akhbar.enrich.entities.normalize import normalize
from akhbar.training.entities import corpora
from akhbar.training.entities.export import weights_from_crfsuite
from tests.tiny_crf import train_tiny_crf

DATA = Path(__file__).resolve().parents[2] / "data" / "entities"


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    sents = corpora.read_anercorp(DATA / "tiny.conll")
    gaz = Gazetteer([("LOC", "المغرب"), ("ORG", "الأمم المتحدة")])
    tagger = train_tiny_crf(
        sents,
        lambda tokens: sentence_attributes([normalize(t) for t in tokens], gaz),
        tmp_path_factory.mktemp("crf"),
    )
    return tagger, gaz, sents


PROBES = [
    "قال الرئيس سمير في بيروت .",
    "أعلنت منظمة الأمم المتحدة أن المغرب وصل .",
    "زار الوزير عبد الله عمان",
    "كأس العالم",
]


class TestTagger:
    def test_numpy_inference_equals_crfsuite(self, trained):
        """Cached per-word scores and numpy Viterbi reproduce CRFsuite's labels."""
        crf, gaz, sents = trained
        ours = Tagger(weights_from_crfsuite(crf), gaz)
        for text in PROBES + [" ".join(t) for t, _ in sents]:
            words = [normalize(w) for w in text.split()]
            assert ours.tag(words) == crf.tag(sentence_attributes(words, gaz)), text

    def test_cached_word_scores_equal_the_sum_of_each_tokens_attribute_weights(self, trained):
        """Each token's emission row is the sum of the weights of exactly the attributes
        ``sentence_attributes`` gives it: a word's names looked up once for all offsets
        add the same rows as looking every offset's names up."""
        crf, gaz, _ = trained
        weights = weights_from_crfsuite(crf)
        ours = Tagger(weights, gaz)
        for text in PROBES:
            words = [normalize(w) for w in text.split()]
            expected = [weights.score(attrs) for attrs in sentence_attributes(words, gaz)]
            assert ours.emissions(words) == pytest.approx(np.array(expected), abs=1e-9), text

    def test_model_file_round_trip(self, trained, tmp_path):
        """Weights saved to .npz and loaded back label the same way."""
        crf, gaz, _ = trained
        weights = weights_from_crfsuite(crf)
        weights.save(tmp_path / "crf.npz")
        again = Tagger(CrfWeights.load(tmp_path / "crf.npz"), gaz)
        words = [normalize(w) for w in PROBES[0].split()]
        assert again.tag(words) == Tagger(weights, gaz).tag(words)

    def test_empty_sentence(self, trained):
        """An empty sentence has no labels."""
        crf, gaz, _ = trained
        assert Tagger(weights_from_crfsuite(crf), gaz).tag([]) == []


class TestViterbi:
    def test_transitions_can_overrule_emissions(self):
        """A forbidden transition makes the second-best label win."""
        import numpy as np

        em = np.array([[1.0, 0.0], [0.0, 0.6]])
        free = np.zeros((2, 2))
        assert viterbi(em, free) == [0, 1]
        blocked = np.array([[0.0, -5.0], [0.0, 0.0]])
        assert viterbi(em, blocked) == [0, 0]
