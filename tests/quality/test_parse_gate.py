"""Quality gate for the parse core on the real pages in ../shared/data/pages, the seed, and
the French pages in ../shared/data/pages_fr (scored against the expected JSON beside them).

Floors in floors/parse.json count correct pages per field and only ever rise: raise them
when the parser improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akhbar.parse import extract
from akhbar.training.parse.scoring import (
    Scores,
    check,
    expected_output_annotations,
    load_annotations,
)
from tests.conftest import TEST_DATA, require_shared_data

FLOORS = json.loads((Path(__file__).parent / "floors" / "parse.json").read_text())
SEED_ANNOTATION = json.loads((TEST_DATA / "parse" / "seed_annotation.json").read_text("utf-8"))

pytestmark = pytest.mark.quality


def _score_page(scores: Scores, annotation: dict, content: bytes, url: str | None) -> None:
    article = extract(content, url=url)
    published = article.published_date.isoformat() if article.published_date else None
    verdicts = check(
        annotation,
        title=article.title,
        published=published,
        body="\n".join(article.body),
        headline_count=len(article.headlines),
    )
    if "source_name" in annotation and annotation["source_name"] is not None:
        verdicts["source_name"] = article.source_name == annotation["source_name"]
    scores.add(annotation["file"], verdicts)


@pytest.fixture(scope="module")
def scores() -> Scores:
    pages = require_shared_data("pages")
    seed = require_shared_data("seed", SEED_ANNOTATION["file"])
    result = Scores()
    result.correct["source_name"] = result.judged["source_name"] = 0
    for annotation in load_annotations(pages / "index.jsonl"):
        content = (pages / annotation["file"]).read_bytes()
        _score_page(result, annotation, content, annotation.get("page_url"))
    _score_page(result, SEED_ANNOTATION, seed.read_bytes(), None)
    return result


@pytest.fixture(scope="module")
def french_scores() -> Scores:
    pages = require_shared_data("pages_fr")
    result = Scores()
    for annotation in expected_output_annotations(pages):
        content = (pages / annotation["file"]).read_bytes()
        _score_page(result, annotation, content, annotation["page_url"])
    return result


class TestParseGate:
    def test_every_annotated_page_is_scored(self, scores):
        """All annotated pages and the seed are parsed; none is silently left out."""
        assert scores.pages >= FLOORS["pages"]

    @pytest.mark.parametrize("field", ["title", "published", "body", "headlines"])
    def test_field_meets_floor(self, scores, field):
        """Pages whose field matches the annotation reach the pinned floor."""
        assert scores.correct[field] >= FLOORS[field], scores.misses

    def test_aggregator_outlet_is_the_posting_outlet(self, scores):
        """On the aggregator seed page the source is the outlet in "نشر في ... يوم"."""
        assert scores.judged["source_name"] == 1
        assert scores.correct["source_name"] == 1, scores.misses


class TestFrenchParseGate:
    def test_every_french_page_is_scored(self, french_scores):
        """Each page in pages_fr with an expected output is parsed; none is left out."""
        assert french_scores.pages >= FLOORS["french"]["pages"]

    @pytest.mark.parametrize("field", ["title", "published", "body"])
    def test_field_meets_floor(self, french_scores, field):
        """French pages whose field matches the expected output reach the pinned floor."""
        assert french_scores.correct[field] >= FLOORS["french"][field], french_scores.misses
