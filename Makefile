# The two commands that matter: `make run` and `make test`. Both install what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PYTEST_ARGS ?=

.PHONY: run test lint fmt messages install audit audit-code audit-deps bench load

$(VENV_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV_STAMP) $(NODE_STAMP)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	mkdir -p .celery/queue .celery/processed .celery/control
	$(PY) manage.py seed_demo --if-empty --no-logins
	$(PY) -m porous.demo
	$(VENV)/bin/honcho start

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint --check templates

fmt: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint --reformat templates

messages: install
	$(PY) manage.py makemessages --locale nl --locale en --ignore '.venv/*' --ignore 'node_modules/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*'

# Security checks: bandit on our code (medium and high findings fail; each accepted one has a
# `# nosec` with its reason), then the installed packages against the PyPI advisory data.
audit: install audit-code audit-deps

audit-code:
	$(VENV)/bin/bandit -c pyproject.toml -r . --quiet --severity-level medium

# --strict: a package that could not be checked fails the run, instead of being skipped while
# the summary says "No known vulnerabilities found". Our own (editable) project is left out.
audit-deps:
	$(VENV)/bin/pip list --format=freeze --exclude-editable > .audit-requirements.txt
	test -s .audit-requirements.txt
	$(VENV)/bin/pip-audit --strict --progress-spinner off --no-deps --disable-pip \
		--requirement .audit-requirements.txt

# The benchmark and the load test (outside the test suite) on a PostgreSQL database of their
# own, e.g. BENCH_DATABASE_URL=postgres://porous_ci:porous_ci@127.0.0.1:5432/porous_bench.
# The first run seeds 100,000 households; later runs reuse them. Results: bench/results.md.
bench: install
	$(PY) bench/run.py
	$(PY) bench/reminder_sweep.py

# 50 users for 5 minutes; also needs BENCH_REDIS_URL (e.g. redis://127.0.0.1:6379/4).
load: install
	$(PY) bench/load.py
