"""Service logs: JSON lines off a terminal, console lines (colours only on a terminal) on one or when asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = (
    "import sys\nfrom akhbar.shared.logging import configure_logging, get_logger\n"
    "configure_logging('INFO', sys.argv[1])\nget_logger('t').info('processed', service='enrich', key='abc')\n"
)


def _log(fmt: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    return subprocess.run([sys.executable, "-c", PROBE, fmt], capture_output=True, text=True, env=env,
                          check=True).stderr.strip()


def test_auto_off_a_terminal_writes_one_json_object_per_event():
    event = json.loads(_log("auto"))
    assert event["event"] == "processed" and event["service"] == "enrich" and event["level"] == "info"


def test_console_is_readable_and_has_no_colour_codes_off_a_terminal():
    line = _log("console")
    assert "processed" in line and "service=enrich" in line
    assert "\x1b[" not in line
    assert not line.startswith("{")
