# akhbar: `make run` runs the pipeline on the bundled example pages, `make test` runs the tests.
# Both install what they need: uv (into .tools/ when it is not on PATH), then the locked workspace.

SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
SERVICES := ingest parse enrich store
# The AsyncAPI documents describe the compose deployment.
DOCS_ENV := REDIS_URL=redis://redis:6379/0

.PHONY: install browser ui-screens bench-ui run test test-fast lint up down docs bench bench-pipeline ner-clusters ner-corpus-names ner-trigger-names train-ner train-ner-fr eval-ner eval-stories bench-stories clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

install: $(UV)
	$(UV) sync --frozen

run: install
	$(UV) run --frozen akhbar run --demo

# The browser test (tests/e2e/test_ui_browser.py) drives Debian's chromium through its
# chromedriver; nothing is downloaded besides the two Debian packages. As root they are
# installed when missing; otherwise the test fails saying how to install them.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium and chromium-driver (Debian packages) for the browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
		echo "note: /usr/bin/chromium or /usr/bin/chromedriver is missing and this is not root:"; \
		echo "      sudo apt-get install -y chromium chromium-driver (the browser test fails without them)"; \
	fi

test: install browser
	$(UV) run --frozen pytest

# The README's screenshots of the web pages (docs/img/ui-*.png), from the browser test.
ui-screens: install browser
	AKHBAR_UI_SCREENS_DIR=docs/img $(UV) run --frozen pytest tests/e2e/test_ui_browser.py -q

# Page latency of the web UI beside the JSON API's, over a store of BENCH_UI_N articles.
bench-ui: install
	$(UV) run --frozen python bench/bench_ui.py --n $(or $(BENCH_UI_N),20000)

test-fast: install
	$(UV) run --frozen pytest -m "not e2e and not quality"

lint: install
	$(UV) run --frozen ruff check .

docs: install
	@for s in $(SERVICES); do \
		$(DOCS_ENV) AKHBAR_CONSUMER=$$s-replica $(UV) run --frozen faststream docs gen \
			akhbar.$$s.app:create_app --factory --out docs/asyncapi/$$s.json; \
	done
	$(UV) run --frozen python -m akhbar.shared.schema_docs docs/schemas

bench: install
	$(UV) sync --frozen --group bench
	$(UV) run --frozen python bench/bench_parse.py
	$(UV) run --frozen python bench/bench_dates.py
	$(UV) run --frozen python bench/bench_ner.py
	$(UV) run --frozen python bench/bench_language.py
	$(UV) run --frozen python bench/bench_enrich_french.py
	$(UV) run --frozen python bench/bench_store.py --n 20000
	$(MAKE) bench-pipeline

# The four services and the server on this machine beside a plain redis-py floor
# (REDIS_URL when set, e.g. redis://127.0.0.1:6379/11; else an embedded Valkey).
bench-pipeline: install
	$(UV) run --frozen python bench/bench_pipeline.py $(BENCH_PIPELINE_ARGS)

# Word clusters learned from the unlabelled corpus (egypt-2013), an input of train-ner;
# about 10 minutes on one core, the same bytes on every run.
ner-clusters: install
	$(UV) run --frozen --group ner-train python -m akhbar.training.entities.clusters_build

# Names the shipped model finds often and consistently in the corpus (egypt-2013), an input
# of train-ner's shipped gazetteer; about 20 minutes on two cores.
ner-corpus-names: install
	$(UV) run --frozen --group ner-train python -m akhbar.training.entities.corpus_names

# Provinces, councils, parties the corpus (egypt-2013) writes after their head nouns, an input
# of train-ner (model/trigger_names.tsv); about 1 minute on two cores, the same bytes every run.
ner-trigger-names: install
	$(UV) run --frozen --group ner-train python -m akhbar.training.entities.trigger_names

# Reads ../shared/data/ner and, for the headline model's titles, ../shared/data/corpus;
# reproduces the shipped model files byte for byte (about 3 minutes on one core). Options
# and word lists need packages only training uses (dependency group ner-train).
train-ner: install
	$(UV) run --frozen --group ner-train python -m akhbar.training.entities.train

# The French entity model (docs/languages.md): the French part of the Europeana Newspapers
# NER corpus (CC0, EuropeanaNewspapers/ner-corpora enp_FR.bnf.bio) at AKHBAR_NER_FR_DATA or
# ../shared/data/ner_fr/enp_FR.bnf.bio (from a clone of that repository: `git show
# HEAD:enp_FR.bnf.bio/enp_FR.bnf.bio > enp_FR.bnf.bio`); about 40 s, and it gives the
# shipped model_fr/crf.npz byte for byte. The first-name list it reads is compiled
# by `python -m akhbar.training.entities.french_lists` (group ner-train).
train-ner-fr: install
	$(UV) run --frozen python -m akhbar.training.entities.french

eval-ner: install
	$(UV) run --frozen python -m akhbar.training.entities.evaluate

# Story grouping against tests/data/stories (reads ../shared/data/corpus; about a minute,
# entities cached under var/stories-eval); --tune re-chooses thresholds on the dev pairs.
eval-stories: install
	$(UV) run --frozen python -m akhbar.training.stories.evaluate $(EVAL_STORIES_ARGS)

# The grouping core over the whole corpus (~174k articles, ~8 minutes) and PostgreSQL's cost.
bench-stories: install
	$(UV) run --frozen python bench/bench_stories.py --db 2000

up:
	docker compose up --build -d

down:
	docker compose down

clean:
	rm -rf var .pytest_cache .ruff_cache
