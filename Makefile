# Medvandrer task runner. `make run` and `make test` work on a fresh machine.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt requirements.lock | cksum | cut -d' ' -f1)

.PHONY: run test test-tools install lint format check bench bench-load bench-pages bench-backup eval serve backup retention clean security

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

## Production-style: gunicorn with several workers on http://127.0.0.1:8000 (DEBUG off,
## static files by whitenoise). Uses DATABASE_URL when set, else the SQLite file.
## Behind a TLS proxy set SECURE_SSL_REDIRECT=1 (see docs/DEPLOYMENT.md).
serve: install
	@test -n "$$SECRET_KEY" || test -s var/secret-key || (umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret-key)
	DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret-key)}" SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" $(PY) manage.py migrate --no-input
	DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret-key)}" $(PY) manage.py collectstatic --no-input -v 0
	DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret-key)}" SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" $(PY) -m gunicorn -c gunicorn.conf.py medvandrer.wsgi

## A backup of the database (PostgreSQL: pg_dump; SQLite: online backup) in var/backups/.
backup: install
	@mkdir -p var/backups
	$(PY) manage.py backup var/backups/medvandrer-$$(date +%Y%m%d-%H%M%S).backup

## Remove what has passed its retention time (run daily; see docs/DEPLOYMENT.md).
retention: install
	$(PY) manage.py retention

## Run the whole test suite (SQLite unless DATABASE_URL is set).
test: install test-tools
	$(PY) -m ruff check .
	$(PY) -m bandit -q -r accounts oidc audit content crisis people plans exports conversations chime mitools reflection language dashboard maintenance demo medvandrer -x "*/tests/*,*/migrations/*" -lll
	$(PY) manage.py makemigrations --check --dry-run > /dev/null
	$(PY) -m pytest

## Test-only tools from npm (the W3C Nu HTML Checker; oidc-provider, the OpenID Connect provider
## the sign-in tests talk to), from the committed lockfile. Without npm (or Java for the checker)
## those tests are skipped with a message; the app never needs node.
test-tools: node_modules/.installed
node_modules/.installed: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@ || echo "npm ci gikk ikke (uten nett?): HTML-sjekken (vnu) og innloggingsprøvene mot OpenID Connect hoppes over."; \
	else echo "npm mangler: HTML-sjekken (vnu) og innloggingsprøvene mot OpenID Connect hoppes over. Installer Debian-pakkene nodejs og npm for å kjøre dem."; fi

## Security scans: bandit (all severities) and pip-audit (needs a vulnerability database online).
security: install
	$(PY) -m bandit -r accounts oidc audit content crisis people plans exports conversations chime mitools reflection language dashboard maintenance demo medvandrer -x "*/tests/*,*/migrations/*"
	$(PY) -m pip_audit -r requirements.lock

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

## Latency of search and suggestions (prints p50/p95).
bench: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) benchmarks/bench_search.py
	$(PY) benchmarks/bench_plan_pdf.py
	$(PY) benchmarks/bench_access_log.py

## Load benchmark against bare Django (needs wrk: apt-get install wrk, and a scaled
## PostgreSQL database: manage.py scale_data --factor 1 --yes-fictional-data). Not in CI.
SCALE_DB ?= postgres://postgres@127.0.0.1:5432/medvandrer_scale_1
bench-load: install
	$(PY) -m benchmarks.load $(SCALE_DB)

## Lighthouse and pa11y on the signed-in pages, on a phone (needs npm and chromium; not in CI).
bench-pages: install benchmarks/pages/node_modules/.installed
	$(PY) -m benchmarks.pages.run
benchmarks/pages/node_modules/.installed: benchmarks/pages/package-lock.json
	cd benchmarks/pages && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed

## Backup and restore times on scaled data (not in CI).
bench-backup: install
	$(PY) benchmarks/bench_backup.py

## Quality of situation suggestions, the language check and the crisis recogniser on the hand-judged sets.
eval: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) benchmarks/eval_suggestions.py
	$(PY) benchmarks/eval_language.py
	$(PY) benchmarks/eval_crisis.py

clean:
	rm -rf $(VENV) var/*.sqlite3* .pytest_cache test-artifacts node_modules
