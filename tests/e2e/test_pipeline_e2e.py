"""The four services as separate processes on a real server, from push to stored row."""

from __future__ import annotations

import json

import pytest

from akhbar.cli.pipeline import example_pages
from akhbar.shared import streams
from tests.e2e.processes import Pipeline

pytestmark = pytest.mark.e2e

SEED = "maghress-alaoual-2025-11-24.txt"


@pytest.fixture
def pipeline(redis_url, tmp_path):
    p = Pipeline(redis_url, tmp_path)
    yield p
    p.stop()


def _seed_path():
    (path,) = [p for p in example_pages() if p.name == SEED]
    return path


class TestSeedPageEndToEnd:
    def test_seed_page_comes_out_enriched_and_stored(self, pipeline, tmp_path):
        """Pushed with the CLI, the seed page is parsed, enriched, stored, and tail prints it."""
        pipeline.start()
        pushed = pipeline.akhbar("push", str(_seed_path()))
        assert pushed.returncode == 0, pushed.stderr
        (page_id,) = pushed.stdout.split()

        assert pipeline.wait_for(streams.STORED, 1) == 1, pipeline.log_tail("enrich")
        tail = pipeline.akhbar("tail", "--count", "1", "--timeout", "30")
        assert tail.returncode == 0, tail.stderr
        article = json.loads(tail.stdout.splitlines()[0])

        assert article["id"] == page_id
        assert article["title"].startswith("حموشي: حرص المغرب على احتضان الدورة 93 للأنتربول")
        assert article["source_name"] == "الأول"
        assert article["published"] == "2025-11-24"
        assert len(article["headlines"]) == 53
        assert article["headlines"][0]["text"].startswith("المكتب السياسي للتجمع الوطني للأحرار")

        found = {(e["label"], e["canonical"]) for e in article["entities"] if not e["field"].startswith("headlines")}
        labels = {canonical: label for label, canonical in found}
        assert any("حموشي" in c and lab == "PER" for c, lab in labels.items()), found
        assert labels.get("مراكش") == "LOC", found
        assert any("نتربول" in c and lab == "ORG" for c, lab in labels.items()), found
        for e in article["entities"]:
            text = article["title"] if e["field"] == "title" else None
            if e["field"].startswith("body."):
                text = article["body"][int(e["field"].split(".")[1])]
            if text is not None:
                assert text[e["start"]:e["end"]] == e["text"]

        values = {d["value"] for d in article["dates"]}
        assert "2025-11-24" in values  # "اليوم الاثنين" against the publication date
        assert "2025-11-24/2025-11-27" in values  # "ما بين 24 و27 نونبر الجاري"

        from akhbar.store import Store

        store = Store.from_url(pipeline.env["DATABASE_URL"])
        row = store.get(page_id)
        store.close()
        assert row is not None and row.title == article["title"]
        assert len(row.entities) == len(article["entities"])

        assert pipeline.pending() == {s: 0 for s in streams.SERVICES}
        assert pipeline.dlq_sizes() == {s: 0 for s in streams.SERVICES}
        codes = pipeline.stop()
        assert codes == {s: 0 for s in streams.SERVICES}, codes  # SIGTERM is a clean shutdown

    def test_bad_input_lands_in_ingest_dlq_and_a_good_page_still_comes_out(self, pipeline):
        """Raw entries pushed by a plain Redis client: each bad one gets a reason, services stay up."""
        pipeline.start("ingest", "parse")
        r = pipeline.redis
        bad = [
            {"data": "not json {"},
            {"data": json.dumps(["a", "list"])},
            {"url": "https://example.ma/no-content"},
            {"content": ""},
            {"content": "نص", "unexpected": "field"},
            {"content": "x" * 20_000_000},
            {"content": b"\xff\xfe\xfa not utf-8 \xc3\x28"},
            {"data": "[" * 200_000},
            {"content": "\x00\x01\x02\x03" * 1000},
        ]
        # Odd but valid pages: each must come out as an article, not kill a service.
        odd = [
            "<div>" * 50_000 + "<p>قنبلة وسوم متداخلة</p>" + "</div>" * 50_000,
            "<html><head><title>English page</title></head><body><p>Rabat hosted the meeting on Monday.</p></body></html>",
            "نص \x07بأحرف\x1b تحكم\x0c في وسطه عن اجتماع الرباط",
        ]
        for fields in bad:
            r.xadd(streams.RAW, fields)
        r.xadd(streams.RAW, {"content": "<html><head><title>عنوان الخبر</title></head><body><p>فقرة أولى من الخبر الذي نشر اليوم في الرباط.</p></body></html>"})
        for page in odd:
            r.xadd(streams.RAW, {"content": page})
        assert pipeline.wait_for(streams.PARSED, 1 + len(odd), timeout=90) == 1 + len(odd)
        assert pipeline.wait_for(streams.dlq("ingest"), len(bad), timeout=60) == len(bad)
        listing = pipeline.akhbar("dlq", "list", "ingest")
        report = json.loads(listing.stdout)
        assert report["count"] == len(bad)
        errors = " | ".join(e["error"] for e in report["entries"])
        for expected in (
            "not valid JSON", "must be a JSON object", "exactly one of", "empty content",
            "Extra inputs", "over the limit", "not valid UTF-8", "binary",
        ):
            assert expected in errors, errors
        stats = pipeline.akhbar("stats")
        assert stats.returncode == 1  # dead letters waiting: monitoring sees it
        assert json.loads(stats.stdout)["dlq"]["ingest"] == len(bad)
        assert pipeline.dlq_sizes()["parse"] == 0
        assert all(p.poll() is None for p in pipeline.procs.values())
