"""Cross-validation of a training configuration: every sentence scored once, per mode."""

from pathlib import Path

from akhbar.enrich.entities.spans import bio_spans
from akhbar.training.entities import corpora, train
from akhbar.training.entities.crossval import cross_validate

DATA = Path(__file__).resolve().parents[2] / "data" / "entities"
PARAMS = {**train.PARAMS, "max_iterations": 30}


def corpus():
    # the tiny fixture three times over: enough sentences for three folds
    sents = corpora.read_anercorp(DATA / "tiny.conll")
    return sents * 3


class TestCrossValidate:
    def test_each_sentence_is_scored_once_in_every_mode(self):
        """Pooled gold counts equal the corpus's names: no fold is skipped or counted twice."""
        sents = corpus()
        report = cross_validate(sents, [("LOC", "المغرب")], PARAMS, folds=3, window=4)
        gold = sum(len(bio_spans(tags)) for _, tags in sents)
        assert set(report) == {"sentence", "document"}
        for mode in report.values():
            assert sum(lab["support"] for lab in mode["labels"].values()) == gold
            assert len(mode["folds_f1"]) == 3
            assert all(0.0 <= f <= 100.0 for f in mode["folds_f1"])

    def test_stacked_mode_and_fold_subset(self):
        """With a second pass a third mode is scored; ``only`` runs the first folds."""
        report = cross_validate(corpus(), [], PARAMS, stacked=True, folds=3, only=1, window=4)
        assert set(report) == {"sentence", "document", "document_stacked"}
        assert all(len(mode["folds_f1"]) == 1 for mode in report.values())
