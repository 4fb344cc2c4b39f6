"""The stacked second pass: document tags, and numpy labelling equal to CRFsuite's."""

from pathlib import Path

import pycrfsuite
import pytest

from akhbar.enrich.entities.features import sentence_attributes
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.model import Tagger
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.stack import document_tags, label_attributes, stacked_attributes
from akhbar.training.entities import corpora
from akhbar.training.entities.export import weights_from_crfsuite

DATA = Path(__file__).resolve().parents[2] / "data" / "entities"


class TestDocumentTags:
    def test_other_mentions_vote(self):
        """A surname tagged as the last word of a name elsewhere carries that evidence."""
        words = [["عبد", "اللطيف", "حموشي", "قال"], ["وقال", "حموشي", "ان"]]
        tags = [["B-PER", "I-PER", "I-PER", "O"], ["O", "O", "O"]]
        doc = document_tags(words, tags)
        assert doc[1][1] == ("D=PER", "Ds=PER:all", "Dp=PER:last")
        # the first mention's only other mention was not in a name
        assert doc[0][2] == ("D=O",)
        # قال / وقال share their stem: both never in a name
        assert doc[0][3] == ("D=O",) and doc[1][0] == ("D=O",)

    def test_words_seen_once_get_nothing(self):
        """No other mention, no document evidence; short words are ignored."""
        doc = document_tags([["زار", "في", "مراكش"]], [["O", "O", "B-LOC"]])
        assert doc == [[(), (), ()]]

    def test_own_label_is_not_counted(self):
        """Votes count the other mentions only."""
        words = [["حموشي"], ["حموشي"], ["حموشي"]]
        doc = document_tags(words, [["B-PER"], ["O"], ["O"]])
        assert doc[0][0] == ("D=O",)
        assert doc[1][0] == ("D=PER", "Ds=PER:some", "Dp=PER:one")


@pytest.fixture(scope="module")
def stacked(tmp_path_factory):
    sents = corpora.read_anercorp(DATA / "tiny.conll")
    gaz = Gazetteer([("LOC", "المغرب"), ("ORG", "الأمم المتحدة")])
    tmp = tmp_path_factory.mktemp("crf")
    norm = [[normalize(t) for t in tokens] for tokens, _ in sents]
    first_attrs = [sentence_attributes(w, gaz) for w in norm]
    params = {"c1": 0.0, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True}

    def fit(attrs, name):
        trainer = pycrfsuite.Trainer(verbose=False)
        for a, (_, tags) in zip(attrs, sents, strict=True):
            trainer.append(a, tags)
        trainer.set_params(params)
        trainer.train(str(tmp / name))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(tmp / name))
        return tagger

    first = fit(first_attrs, "first.crf")
    # the second pass learns from (here: non-jackknifed) first-pass labels
    labels = [first.tag(a) for a in first_attrs]
    docs = document_tags(norm, labels)
    second = fit(
        [
            stacked_attributes(a, lab, d)
            for a, lab, d in zip(first_attrs, labels, docs, strict=True)
        ],
        "second.crf",
    )
    return first, second, gaz, sents


class TestStackedTagger:
    def test_numpy_second_pass_equals_crfsuite(self, stacked):
        """The cached tables of both passes reproduce CRFsuite run twice over a document."""
        first, second, gaz, sents = stacked
        ours = Tagger(weights_from_crfsuite(first), gaz, second=weights_from_crfsuite(second))
        docs = [
            [" ".join(t) for t, _ in sents],
            ["قال الرئيس سمير في بيروت .", "وأكد سمير أن المغرب وصل ."],
        ]
        for doc in docs:
            norm = [[normalize(w) for w in text.split()] for text in doc]
            attrs = [sentence_attributes(w, gaz) for w in norm]
            labels = [first.tag(a) for a in attrs]
            dtags = document_tags(norm, labels)
            want = [
                second.tag(stacked_attributes(a, lab, d))
                for a, lab, d in zip(attrs, labels, dtags, strict=True)
            ]
            assert ours.tag_many(norm) == want
            assert ours.tag_many(norm, stacked=False) == labels

    def test_lone_sentence_keeps_the_first_pass(self, stacked):
        """One sentence has no document evidence: the second pass runs on documents only.

        The second pass here is made to call every word a person, so which pass labelled
        a sentence shows."""
        first, second, gaz, sents = stacked
        loud = weights_from_crfsuite(second)
        loud.weights[loud.index["0bias"], loud.labels.index("B-PER")] += 100.0
        ours = Tagger(weights_from_crfsuite(first), gaz, second=loud)
        norm = [[normalize(w) for w in tokens] for tokens, _ in sents[:2]]
        assert ours.tag_many(norm[:1]) == [first.tag(sentence_attributes(norm[0], gaz))]
        assert ours.tag_many(norm) == [["B-PER"] * len(w) for w in norm]

    def test_label_attributes_name_the_offset(self):
        """A first-pass label is seen as itself at each offset, its kind at ±1."""
        attrs = label_attributes("B-PER")
        assert attrs[2] == ["0L=B-PER"] and "-1K=PER" in attrs[1] and attrs[0] == ["-2L=B-PER"]
