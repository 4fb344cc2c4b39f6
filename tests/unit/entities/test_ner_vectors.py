"""Dense word vectors as real-valued CRF attributes: file format, the attributes they give,
and the numpy labeller still giving exactly CRFsuite's answers with them."""

import re
from pathlib import Path

import numpy as np
import pytest

from akhbar.enrich.entities.clitics import strip_proclitics
from akhbar.enrich.entities.clusters import STEM
from akhbar.enrich.entities.features import (
    END,
    START,
    sentence_attributes,
    sentence_items,
    word_vectors,
)
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.model import CrfWeights, Tagger
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.vectors import Vectors
from akhbar.training.entities import corpora
from akhbar.training.entities.export import weights_from_crfsuite
from tests.tiny_crf import train_tiny_crf

VECTOR = re.compile(r"-?\dv\d+$")  # the name of a vector attribute: offset, v, dimension
DATA = Path(__file__).resolve().parents[2] / "data" / "entities"
PROBES = [
    "قال الرئيس سمير في بيروت .",
    "أعلنت منظمة الأمم المتحدة أن المغرب وصل .",
    "زار الوزير عبد الله عمان",
    "كأس العالم",
]


def table(words: list[str], dims: int = 4, seed: int = 0) -> Vectors:
    """Random int8 vectors for the words and their stems, and for half of them only."""
    keys = sorted({w for w in words} | {STEM + strip_proclitics(w)[1] for w in words})
    keys = keys[::2]  # the others stay unknown: no vector, zeros
    values = np.random.RandomState(seed).randint(-127, 128, (len(keys), dims)).astype(np.int8)
    return Vectors(keys, values)


class TestVectorFile:
    def test_round_trip_keeps_values_and_settings(self):
        """Saved and loaded back, a table gives the same values, scale and offsets, and
        saving twice gives the same bytes."""
        vec = table(["بالرباط", "الرباط", "فاس"]).with_settings(2.5, (-1, 0, 1))
        back = Vectors.load_bytes(vec.save_bytes())
        assert back.save_bytes() == vec.save_bytes()
        assert (back.scale, back.offsets) == (2.5, (-1, 0, 1))
        words = ["بالرباط", "الرباط", "فاس", "مجهول"]
        stems = [strip_proclitics(w)[1] for w in words]
        assert np.array_equal(back.of(words, stems), vec.of(words, stems))

    def test_values_are_word_then_stem_scaled(self):
        """A word's attributes are its vector then its stem's, int8 / 127 x scale; zeros
        where one of them is unknown, and for padding."""
        vec = Vectors(["الرباط", STEM + "رباط"], np.array([[127, -127], [0, 64]], np.int8), 2.0)
        got = vec.of(["الرباط", "بالرباط", "فاس"], ["رباط", "رباط", "فاس"]).tolist()
        assert got == [[2.0, -2.0, 0.0, 2 * 64 / 127], [0, 0, 0, 2 * 64 / 127], [0, 0, 0, 0]]
        padded = word_vectors([START, "الرباط", END], vec).tolist()
        assert padded == [[0] * 4, [2.0, -2.0, 0.0, 2 * 64 / 127], [0] * 4]

    def test_fewer_dimensions_keep_the_first(self):
        """``dims`` keeps the first (largest) principal components of word and stem."""
        vec = Vectors(["a"], np.array([[127, 127, 127]], np.int8), dims=2)
        assert vec.of(["a"], ["zz"]).tolist() == [[1.0, 1.0, 0.0, 0.0]]


class TestItems:
    def test_without_vectors_the_attributes_are_unchanged(self):
        """No vectors: CRFsuite gets the plain attribute lists (the shipped model's input)."""
        gaz = Gazetteer([("LOC", "المغرب")])
        words = [normalize(w) for w in PROBES[1].split()]
        assert sentence_items(words, gaz) == sentence_attributes(words, gaz)

    def test_items_hold_every_attribute_and_the_vectors_at_their_offsets(self):
        """Each token's dict counts its attribute names and adds the vector values of the
        words at the table's offsets, named by offset and dimension."""
        words = [normalize(w) for w in PROBES[0].split()]
        vec = table(words).with_settings(offsets=(-1, 0))
        gaz = Gazetteer([("LOC", "بيروت")], vectors=vec)
        items = sentence_items(words, gaz)
        plain = sentence_attributes(words, Gazetteer([("LOC", "بيروت")]))
        for i, (item, names) in enumerate(zip(items, plain, strict=True)):
            assert {a: v for a, v in item.items() if not VECTOR.match(a)} == {
                a: float(names.count(a)) for a in names
            }
            for o in (-1, 0):
                j = i + o
                want = [0.0] * vec.width
                if j >= 0:
                    want = vec.of([words[j]], [strip_proclitics(words[j])[1]])[0].tolist()
                assert [item.get(f"{o}v{d}", 0.0) for d in range(vec.width)] == want
            assert not any(VECTOR.match(a) and a.startswith("1v") for a in item)


def path_score(tagger: Tagger, em: np.ndarray, path: list[str]) -> float:
    """Our unnormalized score of a label sequence: emissions plus transitions."""
    labels = tagger.weights.labels
    ids = [labels.index(lab) for lab in path]
    trans = tagger.weights.transitions
    return sum(em[t, i] for t, i in enumerate(ids)) + sum(
        trans[a, b] for a, b in zip(ids, ids[1:], strict=False)
    )


@pytest.fixture(scope="module", params=[(0,), (-1, 0, 1)])
def trained(request, tmp_path_factory):
    sents = corpora.read_anercorp(DATA / "tiny.conll")
    vocab = [normalize(t) for toks, _ in sents for t in toks]
    vocab += [normalize(w) for text in PROBES for w in text.split()]
    vec = table(vocab).with_settings(3.0, request.param)
    gaz = Gazetteer([("LOC", "المغرب"), ("ORG", "الأمم المتحدة")], vectors=vec)
    tagger = train_tiny_crf(
        sents,
        lambda tokens: sentence_items([normalize(t) for t in tokens], gaz),
        tmp_path_factory.mktemp("crf"),
    )
    return tagger, gaz, sents


class TestTaggerWithVectors:
    def test_the_model_weighs_the_vector_attributes(self, trained):
        """Training gave the vector attributes weights at each of the table's offsets."""
        crf, gaz, _ = trained
        names = set(weights_from_crfsuite(crf).attributes)
        for o in gaz.vectors.offsets:
            assert any(n.startswith(f"{o}v") for n in names)

    def test_numpy_inference_equals_crfsuite(self, trained):
        """Cached per-word rows with ``vector @ weights`` reproduce CRFsuite's labels, and
        its scores: the log-probability gap between CRFsuite's best path and the all-O
        path is the gap of the two paths' scores under our emissions and transitions
        (from a cold word cache, then a warm one)."""
        crf, gaz, sents = trained
        ours = Tagger(weights_from_crfsuite(crf), gaz)
        texts = PROBES + [" ".join(t) for t, _ in sents] + ["كلمة لم يرها أحد"]
        for _ in range(2):
            for text in texts:
                words = [normalize(w) for w in text.split()]
                items = sentence_items(words, gaz)
                assert ours.tag(words) == crf.tag(items), text
                best, plain = crf.tag(), ["O"] * len(words)
                em = ours.emissions(words)
                gap = np.log(crf.probability(best)) - np.log(crf.probability(plain))
                ours_gap = path_score(ours, em, best) - path_score(ours, em, plain)
                assert ours_gap == pytest.approx(gap, abs=1e-4), text

    def test_model_file_round_trip(self, trained, tmp_path):
        """Weights saved to .npz and loaded back label the same way with the vectors."""
        crf, gaz, _ = trained
        weights = weights_from_crfsuite(crf)
        weights.save(tmp_path / "crf.npz")
        again = Tagger(CrfWeights.load(tmp_path / "crf.npz"), gaz)
        for text in PROBES:
            words = [normalize(w) for w in text.split()]
            assert again.tag(words) == crf.tag(sentence_items(words, gaz))


class TestTrainingOption:
    def test_train_gives_the_model_vector_weights_and_the_gazetteer_the_table(self):
        """``train(vectors=...)`` weighs vector attributes, and the gazetteer it ships
        carries the table, so the labeller scores them as training did."""
        from akhbar.training.entities import train

        sents = corpora.read_anercorp(DATA / "tiny.conll") * 3
        vec = table([normalize(t) for toks, _ in sents for t in toks])
        params = {**train.PARAMS, "max_iterations": 30}
        weights, second, gaz = train.train(sents, [], params, stacked=False, vectors=vec)
        assert second is None and gaz.vectors is vec
        assert any(VECTOR.match(a) for a in weights.attributes)
        plain, _, _ = train.train(sents, [], params, stacked=False)
        assert not any(VECTOR.match(a) for a in plain.attributes)

    def test_not_with_the_second_pass(self):
        """The stacked second pass reads attribute lists: vectors are refused there."""
        from akhbar.training.entities import train

        sents = corpora.read_anercorp(DATA / "tiny.conll")
        with pytest.raises(ValueError):
            train.train(sents, [], train.PARAMS, stacked=True, vectors=table(["a"]))

    def test_load_vectors_overrides_the_settings(self, tmp_path):
        """``--vector-scale`` and ``--vector-offsets`` override the file's settings."""
        from akhbar.training.entities import train

        path = tmp_path / "vectors.npz"
        path.write_bytes(table(["الرباط"]).save_bytes())
        assert train.load_vectors("none") is None
        vec = train.load_vectors(str(path), 4.0, "-1,0,1")
        assert (vec.scale, vec.offsets) == (4.0, (-1, 0, 1))
        assert train.load_vectors(str(path)).offsets == (0,)
