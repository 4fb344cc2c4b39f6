"""Durable consumers of enriched articles: `akhbar tail --group` and `akhbar.shared.subscribe`."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from akhbar.shared import streams
from akhbar.shared.schemas import ArticleEnriched, EnrichedArticle
from akhbar.shared.subscribe import Subscription, enriched_articles
from akhbar.shared.wire import encode

pytestmark = pytest.mark.integration


def _push(client, ids: list[str]) -> None:
    for i in ids:
        client.xadd(streams.ENRICHED, encode(ArticleEnriched(article=EnrichedArticle(id=i, title=f"خبر {i}")), i))


def _tail(redis_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "REDIS_URL": redis_url}
    return subprocess.run([sys.executable, "-m", "akhbar.cli", "tail", *args], env=env,
                          capture_output=True, text=True, timeout=60)


def _ids(out: str) -> list[str]:
    return [json.loads(line)["id"] for line in out.splitlines() if line.strip()]


def _lines_of(stream) -> queue.Queue[str | None]:
    """Every line ``stream`` gives, in order, then None at its end, read by a thread.

    All of a child's output has to go through this one reader: ``readline()`` on a pipe fills
    the file object's buffer with whatever the child has written so far, and
    ``Popen.communicate()`` reads the raw descriptor, so mixing the two silently drops the
    lines that sat in that buffer (on a busy machine the child is often many lines ahead).
    """
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _next_id(lines: queue.Queue[str | None]) -> str:
    line = lines.get(timeout=30)
    assert line is not None, "the reader stopped before printing the line"
    return json.loads(line)["id"]


class TestTailGroup:
    def test_a_second_run_resumes_where_the_first_stopped(self, client, redis_url):
        _push(client, [f"a{i}" for i in range(5)])
        first = _tail(redis_url, "--group", "reader", "--count", "2")
        assert first.returncode == 0, first.stderr
        assert _ids(first.stdout) == ["a0", "a1"]
        second = _tail(redis_url, "--group", "reader")
        assert _ids(second.stdout) == ["a2", "a3", "a4"]
        assert _ids(_tail(redis_url, "--group", "reader").stdout) == []
        assert client.xpending(streams.ENRICHED, "reader")["pending"] == 0
        # Another group has its own position; --from-now skips what is there.
        assert _ids(_tail(redis_url, "--group", "other", "--count", "1").stdout) == ["a0"]
        assert _ids(_tail(redis_url, "--group", "late", "--from-now").stdout) == []
        _push(client, ["a5"])
        assert _ids(_tail(redis_url, "--group", "late").stdout) == ["a5"]

    def test_what_a_stopped_reader_was_given_but_never_acknowledged_comes_first(self, client, redis_url):
        """A reader killed between reading and acknowledging loses nothing: the entries are pending."""
        _push(client, ["b0", "b1", "b2"])
        Subscription(client, "crashy", "tail").join()
        client.xreadgroup("crashy", "tail", {streams.ENRICHED: ">"}, count=2)  # read, never acked
        assert _ids(_tail(redis_url, "--group", "crashy").stdout) == ["b0", "b1", "b2"]
        assert client.xpending(streams.ENRICHED, "crashy")["pending"] == 0

    def test_ctrl_c_loses_nothing(self, client, redis_url, tmp_path):
        """SIGINT a following reader mid-stream; the next run prints what the first did not."""
        everything = [f"c{i}" for i in range(40)]
        _push(client, everything[:20])
        env = {**os.environ, "REDIS_URL": redis_url}
        # stderr to a file: an unread pipe could fill up and stall the reader.
        with (tmp_path / "stderr").open("w") as err:
            reader = subprocess.Popen([sys.executable, "-m", "akhbar.cli", "tail", "--group", "ctrl", "--follow"],
                                      env=env, stdout=subprocess.PIPE, stderr=err, text=True)
        lines = _lines_of(reader.stdout)
        first = [_next_id(lines) for _ in range(5)]
        _push(client, everything[20:])
        reader.send_signal(signal.SIGINT)
        assert reader.wait(timeout=30) == 130, (tmp_path / "stderr").read_text()
        first += [json.loads(line)["id"] for line in iter(lambda: lines.get(timeout=30), None)]
        second = _ids(_tail(redis_url, "--group", "ctrl").stdout)
        assert set(first) | set(second) == set(everything)
        assert len(set(first) & set(second)) <= 1  # at most the one printed as Ctrl-C came
        assert client.xpending(streams.ENRICHED, "ctrl")["pending"] == 0

    def test_an_entry_that_is_not_an_article_is_reported_and_passed(self, client, redis_url):
        _push(client, ["d0"])
        client.xadd(streams.ENRICHED, {"data": '{"article": {"title": "no id"}}'})
        _push(client, ["d1"])
        done = _tail(redis_url, "--group", "strict")
        assert _ids(done.stdout) == ["d0", "d1"]
        assert "not an enriched article" in done.stderr

    def test_from_start_and_from_now_together_is_a_usage_error(self, redis_url):
        done = _tail(redis_url, "--group", "g", "--from-start", "--from-now")
        assert done.returncode == 2 and "exclude" in done.stderr


class TestSubscriber:
    def test_an_article_is_acknowledged_only_when_the_loop_body_finished(self, client):
        _push(client, ["e0", "e1", "e2"])
        handled = []
        with pytest.raises(RuntimeError):
            for article in enriched_articles("indexer", client=client, follow=False):
                if article.id == "e1":
                    raise RuntimeError("index down")
                handled.append(article.id)
        assert handled == ["e0"]
        again = [a.id for a in enriched_articles("indexer", client=client, follow=False)]
        assert again == ["e1", "e2"]

    def test_follow_waits_for_new_articles_until_the_timeout(self, client):
        _push(client, ["f0"])
        started = time.monotonic()
        got = [a.id for a in enriched_articles("waiter", client=client, timeout=0.5)]
        assert got == ["f0"] and time.monotonic() - started >= 0.5


def test_the_example_subscriber_prints_each_article_and_stops_cleanly_on_ctrl_c(client, redis_url):
    from tests.conftest import REPO

    _push(client, ["g0", "g1"])
    env = {**os.environ, "REDIS_URL": redis_url}
    example = subprocess.Popen([sys.executable, str(REPO / "examples" / "subscriber.py"), "example-test"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = [example.stdout.readline().split()[0] for _ in range(2)]
    # g1 is acknowledged once the loop asks for the next article: milliseconds after it is
    # printed; the bound only keeps a broken build from hanging, so it is generous for a
    # loaded CI machine.
    deadline = time.monotonic() + 60
    while client.xpending(streams.ENRICHED, "example-test")["pending"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert client.xpending(streams.ENRICHED, "example-test")["pending"] == 0
    example.send_signal(signal.SIGINT)
    _, err = example.communicate(timeout=30)
    assert lines == ["g0", "g1"] and example.returncode == 0, err
