"""Self-training on corpus titles: which articles are read, and how a title is labelled."""

import gzip
import json

from akhbar.training.entities import self_training


class BodyOnlyTagger:
    """Stands in for the CRF: tags "البرادعي" PER only where "محمد" precedes it (the body's
    full name), never in a bare headline."""

    common_words = frozenset()
    mixed_words = frozenset()

    def tag_many(self, sentences):
        out = []
        for words in sentences:
            tags = ["O"] * len(words)
            for i in range(1, len(words)):
                if words[i] == "البرادعي" and words[i - 1] == "محمد":
                    tags[i - 1], tags[i] = "B-PER", "I-PER"
            out.append(tags)
        return out


def write_corpus(path, articles):
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for title, body in articles:
            f.write(json.dumps({"title": title, "body": body}, ensure_ascii=False) + "\n")


class TestTitleSentences:
    def test_title_takes_the_label_its_article_gives_the_name(self):
        """The body names "محمد البرادعي" in full; the title's bare "البرادعي" is labelled
        PER through document consistency, and the title's tokens are kept as written."""
        title = "البرادعي يستنكر العنف"
        body = ["قال الدكتور محمد البرادعي إن العنف مرفوض."]
        (tokens, tags), *rest = self_training.title_sentences(BodyOnlyTagger(), [(title, body)])
        assert not rest
        assert tokens == ["البرادعي", "يستنكر", "العنف"]
        assert tags == ["B-PER", "O", "O"]

    def test_only_title_sentences_come_back(self):
        """Body sentences are context, never training sentences."""
        out = self_training.title_sentences(
            BodyOnlyTagger(), [("عنوان أول", ["جملة. جملة أخرى."]), ("عنوان ثان", ["نص."])]
        )
        assert [toks for toks, _ in out] == [["عنوان", "أول"], ["عنوان", "ثان"]]


class TestBodySentences:
    def test_body_sentences_after_the_lead_come_back_labelled_by_the_whole_article(self):
        """The lead names "محمد البرادعي" in full; a later body sentence's bare "البرادعي"
        is labelled PER through consistency. The title and the lead are context only, and
        sentences shorter than six tokens are left out."""
        title = "البرادعي يستنكر العنف"
        body = [
            "قال الدكتور محمد البرادعي إن العنف مرفوض في كل الأحوال.",
            "قصيرة جدا.",
            "وأضاف البرادعي أن الحوار هو الطريق الوحيد للخروج من الأزمة.",
        ]
        out = self_training.body_sentences(BodyOnlyTagger(), [(title, body)], per_article=4)
        assert [toks[:2] for toks, _ in out] == [["وأضاف", "البرادعي"]]
        assert out[0][1][:3] == ["O", "B-PER", "O"]

    def test_at_most_per_article_sentences_of_each_article(self):
        body = ["جملة الافتتاح في هذا الخبر الطويل هنا."] + [
            f"هذه هي الجملة رقم {i} من نص الخبر الطويل." for i in range(6)
        ]
        out = self_training.body_sentences(BodyOnlyTagger(), [("عنوان", body)] * 2, per_article=2)
        assert len(out) == 4


class TestSampleArticles:
    def test_articles_of_the_evaluation_set_are_never_read(self, tmp_path):
        """An article whose title is in the headline set is skipped, whatever the rate."""
        path = tmp_path / "corpus.jsonl.gz"
        write_corpus(path, [("عنوان في مجموعة التقييم", ["نص"]), ("عنوان آخر", ["نص"])])
        got = self_training.sample_articles(path, 10, {"عنوان في مجموعة التقييم"}, total=2)
        assert [t for t, _ in got] == ["عنوان آخر"]

    def test_sampling_is_reproducible_and_bounded(self, tmp_path):
        """The same seed draws the same articles; never more than asked for."""
        path = tmp_path / "corpus.jsonl.gz"
        write_corpus(path, [(f"عنوان رقم {i}", ["نص"]) for i in range(50)])
        one = self_training.sample_articles(path, 5, set(), seed=7, total=50)
        assert one == self_training.sample_articles(path, 5, set(), seed=7, total=50)
        assert len(one) == 5

    def test_articles_without_body_are_skipped(self, tmp_path):
        """A title alone gives no context to label it with."""
        path = tmp_path / "corpus.jsonl.gz"
        write_corpus(path, [("عنوان بلا نص", []), ("عنوان", ["نص"])])
        assert [t for t, _ in self_training.sample_articles(path, 10, set(), total=2)] == ["عنوان"]
