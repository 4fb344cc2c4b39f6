"""Fixtures shared by every test layer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TEST_DATA = REPO / "tests" / "data"
# ../shared beside the checkout holds the annotated corpora; quality tests read it in place.
SHARED_DATA = Path(os.environ.get("AKHBAR_SHARED_DATA", REPO.parent / "shared" / "data"))


def require_shared_data(*parts: str) -> Path:
    """Path into ../shared/data, or skip (fail under CI=true) when it is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        msg = f"quality data not found at {path} (../shared beside the checkout)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg + ": CI must run the quality gates")
        pytest.skip(msg)
    return path


@pytest.fixture
def shared_data() -> Path:
    return require_shared_data()


@pytest.fixture
def test_data() -> Path:
    return TEST_DATA
