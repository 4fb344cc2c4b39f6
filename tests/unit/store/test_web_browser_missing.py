"""Without Debian's chromium the browser test fails, saying how to install it (never a
silent skip)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import test_ui_browser


def test_a_missing_browser_fails_with_the_install_command(monkeypatch):
    monkeypatch.setattr(test_ui_browser, "CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(pytest.fail.Exception) as failed:
        test_ui_browser._browser()
    assert "/nonexistent/chromium" in str(failed.value)
    assert "apt-get install -y chromium chromium-driver" in str(failed.value)
