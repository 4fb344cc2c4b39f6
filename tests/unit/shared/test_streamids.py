"""Stream ids compare as numbers."""

from akhbar.shared.streamids import min_id


def test_ids_compare_numerically_not_as_text():
    assert min_id("10-0", "9-5") == "9-5"


def test_equal_ids_in_text_and_bytes_and_missing_ones():
    assert min_id(b"5-1", "5-1", None) == "5-1"
    assert min_id(None, None) is None
