"""The project's labelled news: annotations become spans and token tags, the reference file
rebuilds its texts from the corpus, and near-duplicates of evaluation texts are not drawn."""

from __future__ import annotations

import gzip
import json

import pytest

from akhbar.training.entities import news_labels
from akhbar.training.entities.annotations import (
    article_texts,
    parse_annotation_line,
    read_annotations,
    spans_of,
)

TITLE = "أخنوش يترأس بالرباط مجلس الحكومة"
LEAD = "قال عزيز أخنوش في الرباط إن الحكومة ستجتمع. وأضاف أن الرباط جاهزة."


def test_spans_skip_proclitics_and_count_whole_word_occurrences():
    _, items = parse_annotation_line("x\tPER أخنوش | LOC الرباط | ORG مجلس الحكومة")
    spans = spans_of(TITLE, items)
    assert [(TITLE[s["start"] : s["end"]], s["label"]) for s in spans] == [
        ("أخنوش", "PER"),
        ("الرباط", "LOC"),
        ("مجلس الحكومة", "ORG"),
    ]
    _, second = parse_annotation_line("x\tLOC الرباط #2")
    (span,) = spans_of(LEAD, second)
    assert span["start"] == LEAD.rindex("الرباط")


def test_overlapping_or_missing_names_are_errors():
    with pytest.raises(ValueError, match="overlap"):
        spans_of(TITLE, parse_annotation_line("x\tORG مجلس الحكومة | ORG الحكومة")[1])
    with pytest.raises(ValueError, match="not in"):
        spans_of(TITLE, parse_annotation_line("x\tLOC فاس")[1])


def test_token_tags_cover_the_whole_token_with_its_proclitic():
    spans = spans_of(TITLE, parse_annotation_line("x\tLOC الرباط | ORG مجلس الحكومة")[1])
    ((tokens, tags),) = news_labels.token_tags(TITLE, spans)
    assert tokens == ["أخنوش", "يترأس", "بالرباط", "مجلس", "الحكومة"]
    assert tags == ["O", "O", "B-LOC", "B-ORG", "I-ORG"]


def test_a_text_of_two_sentences_gives_two_tagged_sentences():
    spans = spans_of(
        LEAD, parse_annotation_line("x\tPER عزيز أخنوش | LOC الرباط | LOC الرباط #2")[1]
    )
    first, second = news_labels.token_tags(LEAD, spans)
    assert first[1][1:3] == ["B-PER", "I-PER"]
    assert second[1].count("B-LOC") == 1 and first[1].count("B-LOC") == 1


def test_near_duplicates_share_half_their_words():
    seen = news_labels.NearDuplicates()
    seen.add("مرسي يلتقي وفد صندوق النقد الدولي في القاهرة")
    assert seen.seen("عاجل: مرسي يلتقي وفد صندوق النقد الدولي بالقاهرة")
    assert not seen.seen("الأهلي يفوز على الزمالك في الدوري")


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "egypt-2013.jsonl.gz"
    articles = [
        {"outlet": "a", "fetched": "2013-01-01", "title": "خبر بلا اسم هنا اليوم", "body": ["x"]},
        {"outlet": "b", "fetched": "2013-01-02", "title": TITLE, "body": [LEAD]},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for article in articles:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def test_the_reference_file_rebuilds_texts_and_spans_from_the_corpus(tmp_path, corpus):
    pool = {
        "nw-h-0001": {"kind": "headline", "article": 1, "text": TITLE},
        "nw-l-0001": {
            "kind": "lead",
            "article": 1,
            "text": article_texts({"title": TITLE, "body": [LEAD]})["lead"],
        },
    }
    annotations = tmp_path / "out.tsv"
    annotations.write_text(
        "nw-h-0001\tPER أخنوش | LOC الرباط\nnw-l-0001\tPER عزيز أخنوش | LOC الرباط\n",
        encoding="utf-8",
    )
    annotated, problems = read_annotations(pool, [annotations])
    assert problems == []
    reference = tmp_path / "labels.tsv"
    reference.write_text(news_labels.build(pool, annotated), encoding="utf-8")
    assert "أخنوش يترأس" not in reference.read_text(encoding="utf-8")  # names, never the text
    cases = news_labels.load_cases(reference, corpus)
    assert [c["text"] for c in cases] == [TITLE, "قال عزيز أخنوش في الرباط إن الحكومة ستجتمع."]
    assert [(e["text"], e["label"]) for e in cases[1]["entities"]] == [
        ("عزيز أخنوش", "PER"),
        ("الرباط", "LOC"),
    ]
    sentences = news_labels.labelled_sentences(cases)
    assert len(sentences) == 2 and sentences[0][1][0] == "B-PER"


def test_a_changed_corpus_text_is_refused(tmp_path, corpus):
    reference = tmp_path / "labels.tsv"
    reference.write_text("nw-h-0001\theadline\t0\t000000000000\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not the annotated text"):
        news_labels.load_cases(reference, corpus)


def test_annotation_problems_are_reported_not_raised(tmp_path):
    pool = {"nw-h-0001": {"kind": "headline", "article": 0, "text": TITLE}}
    annotations = tmp_path / "out.tsv"
    annotations.write_text(
        "nw-h-0001\tPER أخنوش\nnw-h-0001\tPER أخنوش\nnw-h-0002\tLOC فاس\n", encoding="utf-8"
    )
    annotated, problems = read_annotations(pool, [annotations])
    assert list(annotated) == ["nw-h-0001"]
    assert len(problems) == 2
