"""The CLI's two output shapes."""

from __future__ import annotations

import json

from akhbar.store.output import json_lines, table
from akhbar.store.views import TopEntity


def test_json_lines_is_one_object_per_line():
    items = [TopEntity(canonical="غزة", label="LOC", articles=2, mentions=3)] * 2
    out = json_lines(items)
    assert out.endswith("\n")
    assert [json.loads(line)["canonical"] for line in out.splitlines()] == ["غزة", "غزة"]


def test_table_pads_columns_and_cuts_long_cells():
    out = table([("a", "x" * 100), (None, "short")], ["h1", "h2"], max_width=10)
    lines = out.splitlines()
    assert lines[0] == "h1  h2"
    assert lines[2] == "a   " + "x" * 9 + "…"
    assert lines[3].startswith("    short")
