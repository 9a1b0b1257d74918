# Quick start: `make run` sets everything up and serves the site; `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
FIXTURES := fixtures/sources.json fixtures/geography.json fixtures/cooperation.json fixtures/expo.json fixtures/news.json
# Optional, checked facts beyond the article (each record names its source).
EXTRA_FIXTURES := fixtures/extra_expo_history.json fixtures/extra_trade_statistics.json

.PHONY: run serve load test lighthouse lint fmt install install-dev install-prod migrate data fixtures fixtures-extra superuser admin-password check bench bench-pages clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is required (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-run the install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-prod: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[prod]'
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-prod: $(VENV)/.installed-prod

# The production stack locally (gunicorn, DEBUG off, hashed static files); docs/production.md
# lists the environment (DATABASE_URL, REDIS_URL, SECRET_KEY).
serve: install-prod
	HOST=$(HOST) PORT=$(PORT) FIXTURES="$(FIXTURES)" deploy/serve.sh

# 50 readers for 60 s against its own `make serve` (own database, own server, stopped
# after); prints requests/s and p50/p95, fails on any failed request.
load: install-dev install-prod
	$(BIN)/python bench/load.py --users $(or $(LOAD_USERS),50) --seconds $(or $(LOAD_SECONDS),60)

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

# First run: load the article data into an empty database; later runs keep staff edits.
data: migrate
	DEBUG=1 $(BIN)/python manage.py load_initial_data $(FIXTURES)

# Reload the fixtures over the database (overwrites edits to their records).
fixtures: migrate
	DEBUG=1 $(BIN)/python manage.py loaddata $(FIXTURES)
	@# A first version in the history of each loaded record (models with no history yet).
	DEBUG=1 $(BIN)/python manage.py populate_history --auto --verbosity 0

fixtures-extra: fixtures
	DEBUG=1 $(BIN)/python manage.py loaddata $(EXTRA_FIXTURES)
	DEBUG=1 $(BIN)/python manage.py populate_history --auto --verbosity 0

ADMIN_USER ?= admin

superuser: migrate
	DEBUG=1 $(BIN)/python manage.py ensure_local_superuser --username $(ADMIN_USER)

# A new random password for the local superuser, printed (the first one is shown once).
admin-password: migrate
	DEBUG=1 $(BIN)/python manage.py ensure_local_superuser --new-password --username $(ADMIN_USER)

run: data superuser
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, user $(ADMIN_USER);"
	@echo "'make admin-password' prints a new password for it)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/python -m pytest

# Lighthouse (pinned in tools/lighthouse/) on nine pages: 100 in accessibility, best practices
# and SEO, 90+ in performance; reports in test-results/lighthouse/. Needs Node.js and chromium.
lighthouse: install-dev
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	CI=true $(BIN)/python -m pytest tests/browser/test_lighthouse.py

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev
	DEBUG=1 $(BIN)/python manage.py check
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Imports 10,000 enterprises from CSV in a throwaway database; prints rows per second.
bench: install-dev
	$(BIN)/python bench/import_enterprises.py

# Downloads the whole enterprise directory (100,000 rows) as CSV and JSON, streamed;
# prints rows per second and the peak memory while streaming.
.PHONY: bench-export
bench-export: install-dev
	$(BIN)/python bench/export_enterprises.py $(BENCH_ARGS)

# Pages per second against a minimal Django view (bench/pages.py): 100 and 100,000
# enterprises, SQLite and PostgreSQL, cache off and on. Needs wrk (apt-get install wrk)
# and a PostgreSQL server (BENCH_ARGS="--databases sqlite" for SQLite alone).
bench-pages: install-dev
	$(BIN)/python -m pip install --quiet 'gunicorn>=22'
	$(BIN)/python bench/pages.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache
