"""Scoring of the page parser against annotated pages (the parse quality gate and bench)."""
