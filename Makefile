# Medvandrer task runner. `make run` and `make test` work on a fresh machine.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt requirements.lock | cksum | cut -d' ' -f1)

.PHONY: run test install lint format check bench eval serve clean security

$(STAMP): requirements.txt requirements-dev.txt requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt -c requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

## Start the app on http://127.0.0.1:8000 with SQLite and fictional demo data.
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py demo_data
	@echo "Medvandrer kjører på http://127.0.0.1:8000 – stopp med Ctrl+C."
	$(PY) manage.py runserver 127.0.0.1:8000

## Run the whole test suite (SQLite unless DATABASE_URL is set).
test: install
	$(PY) -m ruff check .
	$(PY) -m bandit -q -r accounts audit content people demo medvandrer -x "*/tests/*,*/migrations/*" -lll
	$(PY) manage.py makemigrations --check --dry-run > /dev/null
	$(PY) -m pytest

## Security scans: bandit (all severities) and pip-audit (needs a vulnerability database online).
security: install
	$(PY) -m bandit -r accounts audit content people demo medvandrer -x "*/tests/*,*/migrations/*"
	$(PY) -m pip_audit -r requirements.lock

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

## Latency of search and suggestions (prints p50/p95).
bench: install
	$(PY) benchmarks/bench_search.py

## Quality of situation suggestions on the hand-judged sets.
eval: install
	$(PY) benchmarks/eval_suggestions.py

clean:
	rm -rf $(VENV) var/*.sqlite3* .pytest_cache test-artifacts
