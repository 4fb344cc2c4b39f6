"""The stories evaluation's entity cache belongs to one enrich stage."""

from akhbar.training.stories.evaluate import enrich_fingerprint


def test_the_fingerprint_is_stable_and_follows_the_entity_conventions(monkeypatch):
    """Same code, models and settings: the same cache; other conventions: another one."""
    monkeypatch.delenv("AKHBAR_NER_CONVENTIONS", raising=False)
    first = enrich_fingerprint()
    assert first == enrich_fingerprint()
    monkeypatch.setenv("AKHBAR_NER_CONVENTIONS", "anercorp")
    assert enrich_fingerprint() != first


def test_the_fingerprint_reads_the_shipped_models(monkeypatch, tmp_path):
    """A retrained model file changes the fingerprint (the cache was keyed by article only,
    so a retrained model read stale entities until ``make clean``)."""
    import akhbar.enrich

    model = tmp_path / "enrich"
    monkeypatch.setattr(akhbar.enrich, "__file__", str(model / "__init__.py"))
    (model / "entities" / "model").mkdir(parents=True)
    (model / "entities" / "model" / "crf.npz").write_bytes(b"one")
    before = enrich_fingerprint()
    (model / "entities" / "model" / "crf.npz").write_bytes(b"two")
    assert enrich_fingerprint() != before
