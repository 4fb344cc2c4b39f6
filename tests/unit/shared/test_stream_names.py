"""Stream names: the default names are the contract; a hash-tagged prefix gives one Cluster slot."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from redis.crc import key_slot

from akhbar.shared import streams

NAMES = (
    "from akhbar.shared import streams; import json; "
    "print(json.dumps([*streams.INPUT.values(), streams.STORED, *map(streams.dlq, streams.SERVICES)]))"
)


def names_with(prefix: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "AKHBAR_STREAM_PREFIX"}
    if prefix is not None:
        env["AKHBAR_STREAM_PREFIX"] = prefix
    return subprocess.run([sys.executable, "-c", NAMES], env=env, capture_output=True, text=True, timeout=60)


def test_default_names_are_the_documented_ones():
    names = json.loads(names_with(None).stdout)
    assert names[:5] == [
        "akhbar:pages:raw", "akhbar:pages:accepted", "akhbar:articles:parsed",
        "akhbar:articles:enriched", "akhbar:articles:stored",
    ]
    assert names[5:] == [f"akhbar:dlq:{s}" for s in streams.SERVICES]


def test_a_hash_tagged_prefix_puts_every_stream_in_one_cluster_slot():
    """Each stage's MULTI/EXEC spans its input, output and DLQ: a Cluster needs them in one slot."""
    names = json.loads(names_with("{akhbar}").stdout)
    assert len(names) == 9
    assert all(n.startswith("{akhbar}:") for n in names)
    assert len({key_slot(n.encode()) for n in names}) == 1
    untagged = json.loads(names_with(None).stdout)
    assert len({key_slot(n.encode()) for n in untagged}) > 1


def test_a_prefix_with_spaces_or_glob_characters_is_refused_with_the_reason():
    done = names_with("my prefix*")
    assert done.returncode != 0
    assert "AKHBAR_STREAM_PREFIX='my prefix*'" in done.stderr
