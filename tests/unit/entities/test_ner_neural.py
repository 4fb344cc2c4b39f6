"""The neural tagger beside the CRF: its input encoding, its training, and the ensemble's
decoding."""

import io
from pathlib import Path

import numpy as np

from akhbar.enrich.entities.features import sentence_attributes
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.model import Tagger, viterbi
from akhbar.enrich.entities.network import Network
from akhbar.enrich.entities.normalize import normalize
from akhbar.training.entities import corpora, neural
from akhbar.training.entities.export import weights_from_crfsuite
from tests.tiny_crf import train_tiny_crf

DATA = Path(__file__).resolve().parents[2] / "data" / "entities"


class TinyVectors:
    """A word2vec table of three words, in gensim KeyedVectors' shape (the training code
    reads ``index_to_key``, ``vectors`` and ``vector_size``)."""

    def __init__(self, words, size=4, seed=0):
        self.index_to_key = list(words)
        self.vector_size = size
        self.vectors = (
            np.random.RandomState(seed).normal(size=(len(words), size)).astype(np.float32)
        )


def sentences():
    """Two names (a person after "قال", a place after "في") in a few frames."""
    out = []
    for name, place in (("زيد", "دمشق"), ("عمرو", "حلب"), ("سعاد", "حمص"), ("زيد", "حلب")):
        out.append((["قال", name, "في", place], ["O", "B-PER", "O", "B-LOC"]))
        out.append((["وصل", name, "الى", place, "امس"], ["O", "B-PER", "O", "B-LOC", "O"]))
    return out


def test_encode_marks_gazetteer_tags_and_unknown_words():
    vocab = neural.Vocabulary.build(sentences(), TinyVectors(["قال", "في"]), TinyVectors(["قال"]))
    enc = neural.encode(["قال", "مجهولتماما", "في"], [(), ("PER:B", "LOC:B"), ()], vocab)
    assert enc.words[0] == vocab.words["قال"] and enc.words[1] == neural.UNK
    assert enc.gaz[1, neural.GAZ_TAGS.index("PER:B")] == 1
    assert enc.gaz[1, neural.GAZ_TAGS.index("LOC:B")] == 1 and enc.gaz[0].sum() == 0
    # a long word keeps its first and last letters within MAX_CHARS
    assert len(neural.char_rows("ا" * 6 + "ب" * 10, vocab.chars)) == neural.MAX_CHARS


def test_vocabulary_starts_from_unit_length_vectors():
    kv = TinyVectors(["قال", "في", "الى"])
    vocab = neural.Vocabulary.build(sentences(), kv, kv)
    row = vocab.word_vectors[vocab.words["الى"]]
    assert np.isclose(np.linalg.norm(row), 1.0, atol=1e-5)
    assert np.allclose(row, kv.vectors[2] / np.linalg.norm(kv.vectors[2]), atol=1e-6)
    assert not vocab.word_vectors[neural.PAD].any()


def test_window_network_learns_its_training_names_and_trains_the_same_twice():
    data = sentences()
    matches = [[()] * len(toks) for toks, _ in data]
    kv = TinyVectors(["قال", "في", "وصل", "الى", "امس"])
    config = neural.Config(arch="window", hidden=16, epochs=40, lr=0.02, dropout=0.0, batch=4)
    net = neural.train(data, matches, kv, kv, config)
    again = neural.train(data, matches, kv, kv, config)
    for key in net.params:
        assert np.array_equal(net.params[key], again.params[key]), key
    encoded = [
        neural.encode(toks, m, net.vocab) for (toks, _), m in zip(data, matches, strict=True)
    ]
    for (_, gold), em in zip(data, net.emissions(encoded), strict=True):
        em = em.copy()
        em[0] += net.params["start"]
        em[-1] += net.params["end"]
        assert [neural.TAGS[i] for i in viterbi(em, net.params["transitions"])] == gold


def test_lstm_network_gives_one_row_of_scores_per_token():
    data = sentences()
    matches = [[()] * len(toks) for toks, _ in data]
    kv = TinyVectors(["قال", "في"])
    net = neural.train(data, matches, kv, kv, neural.Config(arch="lstm", hidden=8, epochs=1))
    encoded = [
        neural.encode(toks, m, net.vocab) for (toks, _), m in zip(data, matches, strict=True)
    ]
    ems = net.emissions(encoded)
    assert [e.shape for e in ems] == [(len(toks), len(neural.TAGS)) for toks, _ in data]
    assert all(np.isfinite(e).all() for e in ems)


def crf_side(labels):
    """CRF scores of a two-token sentence that prefer O, O."""
    em = np.zeros((2, len(labels)))
    em[:, labels.index("O")] = 1.0
    return em, np.zeros((len(labels), len(labels)))


def test_combined_tags_follow_the_crf_alone_at_weight_zero():
    labels = ["B-PER", "O", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
    em, tr = crf_side(labels)
    nn_em = np.zeros((2, len(neural.TAGS)))
    nn_em[0, neural.TAGS.index("B-PER")] = 10.0
    params = {k: np.zeros(s) for k, s in (("transitions", (9, 9)), ("start", 9), ("end", 9))}
    assert neural.combined_tags(em, tr, labels, nn_em, params, 0.0, 0.0) == ["O", "O"]
    # the network's column order is TAGS', the CRF's its own: B-PER must land on B-PER
    assert neural.combined_tags(em, tr, labels, nn_em, params, 1.0, 0.0) == ["B-PER", "O"]


def test_combined_tags_penalty_on_o_turns_a_close_call_into_a_name():
    labels = list(neural.TAGS)
    em, tr = crf_side(labels)
    em[1, labels.index("B-LOC")] = 0.8  # O wins by 0.2
    params = {k: np.zeros(s) for k, s in (("transitions", (9, 9)), ("start", 9), ("end", 9))}
    nn_em = np.zeros((2, 9))
    assert neural.combined_tags(em, tr, labels, nn_em, params, 1.0, 0.0) == ["O", "O"]
    assert neural.combined_tags(em, tr, labels, nn_em, params, 1.0, 0.5) == ["O", "B-LOC"]


def test_runtime_network_scores_as_the_trained_one():
    """The shipped numpy network (cached per word and offset) gives the JAX network's
    scores, sentence by sentence, with the padding rows between sentences skipped."""
    data = sentences()
    matches = [[("PER:B",) if t == "زيد" else () for t in toks] for toks, _ in data]
    kv = TinyVectors(["قال", "في", "وصل"])
    config = neural.Config(arch="window", hidden=8, epochs=3, batch=4)
    net = neural.train(data, matches, kv, kv, config)
    runtime = neural.runtime_network(net, 1.0, 0.0)
    encoded = [
        neural.encode(toks, m, net.vocab) for (toks, _), m in zip(data, matches, strict=True)
    ]
    expected = net.emissions(encoded)
    words = [[normalize(t) for t in toks] for toks, _ in data]
    stacked = runtime.emissions(words, matches)
    start = 0
    for sent, exp in zip(words, expected, strict=True):
        np.testing.assert_allclose(stacked[start : start + len(sent)], exp, atol=1e-4)
        start += len(sent) + 4
    # a second call reads the cached rows and gives the same scores
    np.testing.assert_allclose(runtime.emissions(words, matches), stacked)


def test_shipped_network_file_round_trips_with_small_vector_error():
    data = sentences()
    matches = [[()] * len(toks) for toks, _ in data]
    kv = TinyVectors(["قال", "في"])
    net = neural.train(data, matches, kv, kv, neural.Config(arch="window", hidden=8, epochs=1))
    runtime = neural.runtime_network(net, 0.75, 1.5)
    loaded = Network.load(io.BytesIO(runtime.save_bytes()))
    assert (loaded.weight, loaded.o_penalty) == (0.75, 1.5)
    assert loaded.words == runtime.words and loaded.chars == runtime.chars
    words = [[normalize(t) for t in toks] for toks, _ in data]
    np.testing.assert_allclose(
        loaded.emissions(words, matches), runtime.emissions(words, matches), atol=0.05
    )


def test_tagger_with_a_network_decodes_the_sum_of_both_models(tmp_path):
    """The body model's Tagger with a network labels a document as ``combined_tags`` of the
    CRF's own emissions and the network's does, sentence by sentence, and falls back to the
    CRF alone without one."""
    sents = corpora.read_anercorp(DATA / "tiny.conll")
    gaz = Gazetteer([("LOC", "المغرب"), ("ORG", "الأمم المتحدة")])
    crf = train_tiny_crf(
        sents,
        lambda tokens: sentence_attributes([normalize(t) for t in tokens], gaz),
        tmp_path,
    )
    weights = weights_from_crfsuite(crf)
    norm = [[normalize(t) for t in toks] for toks, _ in sents]
    matches = [gaz.match(words) for words in norm]
    kv = TinyVectors(sorted({w for words in norm for w in words})[:20])
    net = neural.train(sents, matches, kv, kv, neural.Config(arch="window", hidden=8, epochs=2))
    network = neural.runtime_network(net, 1.0, 0.5)
    alone = Tagger(weights, gaz)
    both = Tagger(weights, gaz, network=network)
    encoded = [
        neural.encode(toks, m, net.vocab) for (toks, _), m in zip(sents, matches, strict=True)
    ]
    expected = [
        neural.combined_tags(
            alone.emissions(words), weights.transitions, weights.labels, nn, net.params, 1.0, 0.5
        )
        for words, nn in zip(norm, net.emissions(encoded), strict=True)
    ]
    assert both.tag_many(norm) == expected
    assert [both.tag(words) for words in norm] == expected
    assert alone.tag_many(norm) == [crf.tag(sentence_attributes(w, gaz)) for w in norm]
    # the penalty on O reaches the decoder: a huge one leaves no token outside a name
    loud = Tagger(weights, gaz, network=neural.runtime_network(net, 1.0, 1000.0))
    assert all("O" not in tags for tags in loud.tag_many(norm))
