"""Errors the CLI reports as one clear line on stderr, never a traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import redis
import typer

from akhbar.shared.embedded import NoRedisError


class CliError(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = 1) -> None:
    raise CliError(message, code)


def friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn expected failures (no Redis, missing file, bad input) into ``error: ...`` lines."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CliError as e:
            _die(str(e), e.code)
        except NoRedisError as e:
            _die(str(e), 3)
        except (redis.ConnectionError, redis.TimeoutError) as e:
            _die(f"Redis is not reachable: {e}", 3)
        except FileNotFoundError as e:
            _die(f"no such file: {e.filename or e}", 2)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper


def _die(message: str, code: int) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
