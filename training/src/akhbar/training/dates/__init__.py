"""Scoring of the date extractor against annotated cases (the dates quality gates and bench)."""
