# The two commands: `make run` (the demo on the seed articles) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
ARGS ?=
WORKERS ?= 2

.PHONY: run test install install-dev vendor demo-data serve serve-prod admin lint schema bench bench-load evaluate evaluate-extraction worker clean

# pip runs again only when a requirements file changes.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed requirements-bench.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# TimelineJS for the TimelineJS view, from npm at the version package-lock.json pins, copied into a
# git-ignored static folder; runs again only when package-lock.json changes. Without npm the view
# says so and its browser test skips.
TLJS_DIST := node_modules/@knight-lab/timelinejs/dist
TLJS_STATIC := web/static/vendor/timelinejs
$(TLJS_STATIC)/.installed: package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && \
	  rm -rf $(TLJS_STATIC) && mkdir -p $(TLJS_STATIC)/js/locale $(TLJS_STATIC)/css && \
	  cp $(TLJS_DIST)/js/timeline.js $(TLJS_DIST)/js/timeline.js.map $(TLJS_DIST)/js/timeline.js.LICENSE.txt $(TLJS_STATIC)/js/ && \
	  cp $(TLJS_DIST)/js/locale/en.json $(TLJS_STATIC)/js/locale/ && \
	  cp $(TLJS_DIST)/css/timeline.css $(TLJS_DIST)/css/timeline.css.map $(TLJS_STATIC)/css/ && \
	  cp -r $(TLJS_DIST)/css/icons $(TLJS_STATIC)/css/ && \
	  cp node_modules/@knight-lab/timelinejs/LICENSE $(TLJS_STATIC)/ && \
	  touch $@; \
	else echo "npm not found: the TimelineJS view will say it is not installed."; fi

vendor: $(TLJS_STATIC)/.installed

## make run: install, migrate, ingest the seeds, load their timeline, resolve dates, serve. Safe to re-run.
run: vendor demo-data serve

demo-data: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py ingest_seeds seeds
	$(PY) manage.py load_timeline fixtures/seed_timeline.json
	$(PY) manage.py resolve_dates

serve: install
	@echo ""
	@echo "  Admin:      http://$(HOST):$(PORT)/admin/   (create a login with: make admin)"
	@echo "  API:        http://$(HOST):$(PORT)/api/v1/"
	@echo "  Timeline:   http://$(HOST):$(PORT)/   (API: /api/v1/timeline)"
	@echo "  Story:      http://$(HOST):$(PORT)/api/v1/stories/us-embassy-russia-alerts   (the seeds' story)"
	@echo "  Swagger UI: http://$(HOST):$(PORT)/api/docs/"
	@echo "  ReDoc:      http://$(HOST):$(PORT)/api/redoc/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

## make serve-prod: the production server: gunicorn with WORKERS processes, DEBUG off, static files
## collected and served by whitenoise, database connections kept for a minute (DATABASE_CONN_MAX_AGE),
## a request given GUNICORN_TIMEOUT seconds (60: more than an import's IMPORT_FETCH_DEADLINE of 30).
## Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (see README).
serve-prod: install
	$(PY) manage.py migrate --no-input
	DJANGO_DEBUG=false $(PY) manage.py collectstatic --no-input -v0
	DJANGO_DEBUG=false DATABASE_CONN_MAX_AGE=$${DATABASE_CONN_MAX_AGE:-60} \
		$(VENV)/bin/gunicorn config.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT) \
		--timeout $${GUNICORN_TIMEOUT:-60}

## make admin: create an admin login (asks for a password; or set DJANGO_SUPERUSER_USERNAME,
## DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD to create it without prompts).
admin: install
	$(PY) manage.py migrate --no-input
	@if [ -n "$$DJANGO_SUPERUSER_PASSWORD" ]; then $(PY) manage.py createsuperuser --no-input; \
	else $(PY) manage.py createsuperuser; fi

## make test: install the test tools and run the suite (pass pytest options with ARGS="...").
test: install-dev vendor
	$(PY) -m pytest $(ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

schema: install
	$(PY) manage.py spectacular --validate --fail-on-warn --file /dev/null

bench: $(VENV)/.installed-bench
	$(PY) bench/temporal.py
	$(PY) bench/api.py
	$(PY) bench/reader.py

## make bench-load: readers and writers against two gunicorn processes (SQLite; add ARGS="--postgres URL").
bench-load: install
	$(PY) bench/load.py $(ARGS)

## make evaluate: the date engine on every corpus in ../shared/data, each figure beside the committed baseline.
evaluate: install
	$(PY) manage.py evaluate_dates ../shared/data/te3-train
	$(PY) manage.py evaluate_dates ../shared/data/tcr
	$(PY) manage.py evaluate_dates ../shared/data/tweets-syntime
	$(PY) manage.py evaluate_dates --narrative ../shared/data/wikiwars-tml

evaluate-extraction: install
	$(PY) manage.py evaluate_extraction

## make worker: run queued import jobs (with TASKS_BACKEND=database for the server too).
worker: install
	TASKS_BACKEND=database $(PY) manage.py db_worker

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache node_modules $(TLJS_STATIC) .artifacts
