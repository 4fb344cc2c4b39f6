"""Starting akhbar services as real OS processes, the way compose and `akhbar run` do."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from akhbar.shared import streams


class Pipeline:
    def __init__(self, redis_url: str, workdir: Path, **env: str) -> None:
        """Four service processes on ``redis_url``, a SQLite store and the logs in ``workdir``."""
        self.env = {
            **os.environ,
            "REDIS_URL": redis_url,
            "DATABASE_URL": f"sqlite:///{workdir / 'akhbar.db'}",
            "AKHBAR_LOG_FORMAT": "json",
            "AKHBAR_CLAIM_IDLE_MS": "1500",
            "AKHBAR_MAINTENANCE_INTERVAL_S": "0.5",
            **env,
        }
        self.logs = workdir
        self.procs: dict[str, subprocess.Popen] = {}
        self.redis = redis.Redis.from_url(redis_url, decode_responses=True)

    def start(self, *services: str) -> None:
        for s in services or streams.SERVICES:
            self._spawn(s, s)

    def start_replica(self, service: str) -> str:
        """One more process of ``service`` (same group, own consumer); its name in ``procs``."""
        n = 2
        while f"{service}.{n}" in self.procs:
            n += 1
        name = f"{service}.{n}"
        self._spawn(name, service)
        return name

    def _spawn(self, name: str, service: str) -> None:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", "akhbar.cli", "serve", service], env=self.env, stdout=log, stderr=log
        )

    def kill9(self, service: str) -> None:
        self.procs[service].send_signal(signal.SIGKILL)
        self.procs[service].wait(10)

    def stop(self, timeout: float = 30) -> dict[str, int | None]:
        for p in self.procs.values():
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        codes = {}
        for s, p in self.procs.items():
            try:
                codes[s] = p.wait(timeout)
            except subprocess.TimeoutExpired:
                p.kill()
                codes[s] = None
        return codes

    def akhbar(self, *args: str, input: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "akhbar.cli", *args], env=self.env, input=input,
            capture_output=True, text=True, timeout=timeout,
        )

    def wait_for(self, stream: str, n: int, timeout: float = 180) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            length = self.redis.xlen(stream)
            if length >= n:
                return length
            for s, p in self.procs.items():
                assert p.poll() is None, f"{s} exited with {p.returncode}: {self.log_tail(s)}"
            time.sleep(0.2)
        return self.redis.xlen(stream)

    def log_tail(self, service: str, n: int = 3000) -> str:
        return (self.logs / f"{service}.log").read_text(errors="replace")[-n:]

    def pending(self) -> dict[str, int]:
        out = {}
        for s in streams.SERVICES:
            for g in self.redis.xinfo_groups(streams.INPUT[s]):
                if g["name"] == streams.group(s):
                    out[s] = g["pending"]
        return out

    def dlq_sizes(self) -> dict[str, int]:
        return {s: self.redis.xlen(streams.dlq(s)) for s in streams.SERVICES}


def distinct_pages(n: int) -> list[dict[str, str]]:
    """N small news pages, each with its own content id, as raw-stream fields."""
    cities = ["الرباط", "مراكش", "طنجة", "فاس", "أكادير", "وجدة"]
    return [
        {"content": (
            f"<html><head><title>اجتماع رقم {i} في {cities[i % 6]}</title>"
            f'<meta property="article:published_time" content="2025-11-{1 + i % 28:02d}T10:00:00+01:00"></head>'
            f"<body><article><p>عقد المجلس الجماعي لمدينة {cities[i % 6]} يوم الاثنين اجتماعه رقم {i} "
            f"برئاسة الوزير محمد العلمي لمناقشة ميزانية سنة 2026.</p>"
            f"<p>وقال المتحدث إن الدورة المقبلة ستنعقد ما بين 3 و5 دجنبر المقبل.</p></article></body></html>"
        ), "url": f"https://example.ma/news/{i}"}
        for i in range(n)
    ]
