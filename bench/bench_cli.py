"""How long the ``akhbar`` command takes to answer, beside the floors it cannot beat.

Each command runs ``--runs`` times as a new process (as a person types it); the median is
printed with its ratio to two references timed the same way in the same run: the bare
interpreter (``python -c pass``) and ``import sqlalchemy`` (the floor of any command that
reads the store). Byte code is cached in a temporary ``PYTHONPYCACHEPREFIX`` and warmed by a
first run, as it is after ``pip install``/``uv sync`` (this repository's environment may set
PYTHONDONTWRITEBYTECODE, under which every run compiles every module: several times slower).

    uv run python bench/bench_cli.py [--runs 15]

``akhbar articles get`` reads a fresh SQLite store in a temporary folder (one stored article,
migrated on the warm-up run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKHBAR = [sys.executable, "-m", "akhbar.cli"]


def timed(argv: list[str], env: dict[str, str], cwd: Path, runs: int) -> float:
    subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)  # warm the byte code
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "DATABASE_URL")}
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        env["AKHBAR_DATA_DIR"] = str(folder / "var")
        article = '{"id": "bench-1", "title": "خبر", "body": ["نص الخبر."]}'
        seed = (
            "from akhbar.shared.schemas import EnrichedArticle; from akhbar.store import Store; "
            f"s = Store.from_url(); s.upsert(EnrichedArticle.model_validate_json({article!r})); s.close()"
        )
        subprocess.run([sys.executable, "-c", seed], env=env, cwd=folder, check=True)

        floor = timed([sys.executable, "-c", "pass"], env, folder, args.runs)
        sqlalchemy = timed([sys.executable, "-c", "import sqlalchemy"], env, folder, args.runs)
        rows = [("python -c pass", floor), ("python -c 'import sqlalchemy'", sqlalchemy)]
        for label, argv in [
            ("akhbar --help", [*AKHBAR, "--help"]),
            ("akhbar articles get bench-1", [*AKHBAR, "articles", "get", "bench-1"]),
            ("akhbar articles get (no such id)", [*AKHBAR, "articles", "get", "nope"]),
            ("akhbar dlq --help", [*AKHBAR, "dlq", "--help"]),
        ]:
            rows.append((label, timed(argv, env, folder, args.runs)))
    print(f"{'command':36} {'median s':>9} {'x python':>9} {'x sqlalchemy':>13}")
    for label, seconds in rows:
        print(f"{label:36} {seconds:9.3f} {seconds / floor:9.1f} {seconds / sqlalchemy:13.2f}")


if __name__ == "__main__":
    main()
