"""A downstream consumer written as an outsider would: redis-py and jsonschema, no akhbar.

    python plain_consumer.py REDIS_URL SCHEMAS_DIR PREFIX GROUP N

Reads consumer group GROUP on the enriched and stored streams until it has N entries of
each, validates every entry's ``data`` against the published JSON Schema of its stream
(``SCHEMAS_DIR/streams.json`` names it), acknowledges it, and prints one JSON line per
entry: {"stream", "id", "valid", "error"}. Finally it prints the akhbar modules it
imported (none, if it is what it claims to be).
"""

import json
import sys
from pathlib import Path

import jsonschema
import redis


def main() -> None:
    url, folder, prefix, group, n = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
    index = json.loads((folder / "streams.json").read_text())["streams"]
    wanted = ["articles:enriched", "articles:stored"]
    validators = {}
    for name in wanted:
        schema = json.loads((folder / index[name]).read_text())
        validators[f"{prefix}:{name}"] = jsonschema.Draft202012Validator(schema)
    client = redis.Redis.from_url(url, decode_responses=True)
    for stream in validators:
        try:
            client.xgroup_create(stream, group, id="0", mkstream=True)
        except redis.ResponseError as e:
            if "BUSYGROUP" not in str(e):
                raise
    seen = dict.fromkeys(validators, 0)
    while any(count < n for count in seen.values()):
        reply = client.xreadgroup(group, "outsider", {s: ">" for s in validators}, count=50, block=1000)
        if not reply:
            continue
        for stream, entries in reply:
            for entry_id, fields in entries:
                errors = sorted(validators[stream].iter_errors(json.loads(fields["data"])), key=str)
                print(json.dumps({"stream": stream, "id": fields.get("id"), "valid": not errors,
                                  "error": errors[0].message if errors else None}, ensure_ascii=False), flush=True)
                client.xack(stream, group, entry_id)
                seen[stream] += 1
    print(json.dumps({"akhbar_modules": sorted(m for m in sys.modules if m.startswith("akhbar"))}), flush=True)


if __name__ == "__main__":
    main()
