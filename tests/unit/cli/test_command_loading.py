"""The command line loads a command's code only when that command runs, and loudly."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from akhbar.cli.entities import SUBCOMMANDS
from akhbar.cli.lazy import Lazy, build, lazy_group
from akhbar.cli.main import COMMANDS, app

HEAVY = ("sqlalchemy", "faststream", "numpy", "redis", "akhbar.store", "akhbar.enrich")


def _loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    modules = json.loads(out.splitlines()[-1])
    return sorted({m.split(".")[0] if not m.startswith("akhbar.") else ".".join(m.split(".")[:2]) for m in modules
                   if any(m == h or m.startswith(h + ".") for h in HEAVY)})


def test_importing_the_cli_pulls_in_no_store_broker_or_model():
    """A fresh interpreter importing akhbar.cli.main loads none of SQLAlchemy, FastStream, numpy."""
    assert _loaded_after("import akhbar.cli.main") == []


def test_store_reads_load_no_writing_code():
    """Opening the store's commands (`akhbar articles get`) loads SQLAlchemy, not the
    writing path with its numpy story grouping: that loads on the first write."""
    loaded = _loaded_after("import akhbar.store.cli")
    assert "sqlalchemy" in loaded
    assert "numpy" not in loaded


def test_top_level_help_lists_every_command_without_importing_any():
    code = (
        "from typer.testing import CliRunner\nfrom akhbar.cli.main import app, COMMANDS\n"
        "r = CliRunner().invoke(app, ['--help'])\nassert r.exit_code == 0, r.output\n"
        "assert all(name in r.output for name in COMMANDS), r.output"
    )
    assert _loaded_after(code) == []


@pytest.mark.parametrize("table", [COMMANDS, SUBCOMMANDS], ids=["akhbar", "akhbar entities"])
def test_every_command_imports_and_its_listed_help_is_its_own(table):
    """The one line --help lists without importing a command matches the command's own help."""
    for name, spec in table.items():
        command = build(name, spec)
        own = (command.help or "").strip().splitlines()[0]
        assert own == spec.help, f"{name}: listed {spec.help!r}, the command says {own!r}"


def test_a_command_whose_module_fails_to_import_fails_loudly():
    """No silent drop: the import error surfaces when the command is run."""
    broken = typer.Typer(cls=lazy_group({"gone": Lazy("akhbar.no_such_module:cmd", "Never loads.")}))

    @broken.callback()
    def _root() -> None:
        """Root."""

    listed = CliRunner().invoke(broken, ["--help"])
    assert listed.exit_code == 0 and "gone" in listed.output
    result = CliRunner().invoke(broken, ["gone"])
    assert isinstance(result.exception, ModuleNotFoundError)


def test_log_format_option_reaches_the_environment(monkeypatch):
    monkeypatch.delenv("AKHBAR_LOG_FORMAT", raising=False)
    result = CliRunner().invoke(app, ["--log-format", "console", "dates", "--ref", "2025-01-01"], input="")
    assert result.exit_code == 0, result.output
    import os

    assert os.environ["AKHBAR_LOG_FORMAT"] == "console"
    bad = CliRunner().invoke(app, ["--log-format", "xml", "dates"], input="")
    assert bad.exit_code == 2
