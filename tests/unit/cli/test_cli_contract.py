"""The CLI's names, flags and JSON shapes: a contract tools outside the repo rely on."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from akhbar.cli.main import app
from akhbar.cli.pipeline import example_pages

runner = CliRunner()


def _lines(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


class TestDates:
    def test_one_json_object_per_input_line_with_the_contract_keys(self):
        """Plain lines and {"text", "ref"} objects both work; offsets index the input text."""
        text = "انعقد الاجتماع يوم 24 - 11 - 2025 بالرباط"
        stdin = text + "\n" + json.dumps({"text": "وصل أمس إلى مراكش", "ref": "2025-11-24"}) + "\nلا تاريخ هنا\n"
        first, second, third = _lines(runner.invoke(app, ["dates", "--ref", "2025-01-01"], input=stdin))
        (mention,) = first["dates"]
        assert set(mention) == {"text", "start", "end", "kind", "value"}
        assert text[mention["start"]:mention["end"]] == mention["text"]
        assert mention["value"] == "2025-11-24"
        assert second["dates"][0]["value"] == "2025-11-23"  # resolved against the line's own ref
        assert third == {"dates": []}

    def test_malformed_ref_is_a_clear_error(self):
        result = runner.invoke(app, ["dates", "--ref", "24/11/2025"], input="اليوم\n")
        assert result.exit_code == 2
        assert "not a date" in result.output


class TestEntities:
    def test_one_json_object_per_input_line_with_the_contract_keys(self):
        text = "استقبل الملك محمد السادس بالرباط رئيس الحكومة"
        (line,) = _lines(runner.invoke(app, ["entities"], input=text + "\n"))
        assert line["entities"], line
        for e in line["entities"]:
            assert set(e) == {"text", "start", "end", "label", "canonical"}
            assert e["label"] in {"PER", "ORG", "LOC", "MISC"}
            assert text[e["start"]:e["end"]] == e["text"]

    def test_the_store_subcommands_sit_beside_stdin_tagging(self):
        """Issue 16 adds show/search/merge/split; "akhbar entities" with no subcommand still tags stdin."""
        result = runner.invoke(app, ["entities", "--help"])
        assert result.exit_code == 0, result.output
        for command in ("top", "show", "search", "merge", "split"):
            assert command in result.output
        reindex = runner.invoke(app, ["store", "--help"])
        assert reindex.exit_code == 0 and "reindex" in reindex.output


class TestLocalExtraction:
    @pytest.fixture
    def seed(self):
        (path,) = [p for p in example_pages() if p.name.startswith("maghress")]
        return path

    def test_parse_prints_the_article_fields(self, seed):
        (article,) = _lines(runner.invoke(app, ["parse", str(seed), "--url", "https://www.maghress.com/x"]))
        assert {"id", "url", "title", "source_name", "published", "body", "original_url", "headlines"} <= set(article)
        assert article["url"] == "https://www.maghress.com/x"
        assert article["source_name"] == "الأول"
        assert all(set(h) == {"text", "url"} for h in article["headlines"])

    def test_extract_adds_entities_and_dates_pointing_into_named_fields(self, seed):
        (article,) = _lines(runner.invoke(app, ["extract", str(seed)]))
        assert article["entities"] and article["dates"]
        for item in article["entities"] + article["dates"]:
            field = item["field"]
            if field == "title":
                text = article["title"]
            elif field.startswith("body."):
                text = article["body"][int(field[5:])]
            else:
                text = article["headlines"][int(field.split(".")[1])]["text"]
            assert text[item["start"]:item["end"]] == item["text"]

    def test_missing_file_is_one_error_line_not_a_traceback(self, tmp_path):
        result = runner.invoke(app, ["parse", str(tmp_path / "nope.html")])
        assert result.exit_code == 2
        assert "no such file" in result.output and "Traceback" not in result.output
