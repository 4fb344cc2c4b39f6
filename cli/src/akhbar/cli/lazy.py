"""Commands loaded when they are run, so ``akhbar --help`` answers without importing them all.

A command is named by ``"module:attribute"`` (a function or a ``typer.Typer``) with its
one-line help, which ``--help`` lists without importing the module. The module is imported
only when the command runs (or its own ``--help`` is asked for); an import that fails then
fails loudly, with its traceback, never silently dropping the command.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, ClassVar

import typer
from typer.core import TyperGroup


@dataclass(frozen=True)
class Lazy:
    target: str
    """``"package.module:attribute"``: a command function or a ``typer.Typer``."""
    help: str
    """The one line ``--help`` lists; a test checks it against the command's own help."""

    def load(self) -> Any:
        module, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module), attribute)


def build(name: str, spec: Lazy) -> Any:
    """The click command of ``spec`` under ``name``."""
    target = spec.load()
    if isinstance(target, typer.Typer):
        command = typer.main.get_group(target)
    else:
        single = typer.Typer()
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """A command group whose subcommands come from ``lazy`` (set by ``lazy_group``)."""

    lazy: ClassVar[dict[str, Lazy]] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        # Rich's help asks every command for its help, importing them all; click's plain
        # help goes through format_commands below.
        self.rich_markup_mode = None

    def list_commands(self, ctx: Any) -> list[str]:
        return [*self.commands, *(n for n in self.lazy if n not in self.commands)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.commands[cmd_name] = build(cmd_name, self.lazy[cmd_name])
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # From the table, not from the commands: listing them must not import them.
        rows = [(name, cmd.get_short_help_str(200)) for name, cmd in self.commands.items() if not cmd.hidden]
        rows += [(name, spec.help) for name, spec in self.lazy.items() if name not in self.commands]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def lazy_group(commands: dict[str, Lazy]) -> type[LazyGroup]:
    """A ``LazyGroup`` class for ``typer.Typer(cls=...)`` with these commands."""
    return type("AkhbarLazyGroup", (LazyGroup,), {"lazy": commands})
