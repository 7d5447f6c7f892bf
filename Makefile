# The two commands: `make run` (the demo on the seed articles) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
ARGS ?=
WORKERS ?= 2

.PHONY: run test install install-dev demo-data serve serve-prod admin lint schema bench bench-load evaluate clean

# pip runs again only when a requirements file changes.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: install, migrate, ingest the seeds, load their timeline, resolve dates, serve. Safe to re-run.
run: demo-data serve

demo-data: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py ingest_seeds seeds
	$(PY) manage.py load_timeline fixtures/seed_timeline.json
	$(PY) manage.py resolve_dates

serve: install
	@echo ""
	@echo "  Admin:      http://$(HOST):$(PORT)/admin/   (create a login with: make admin)"
	@echo "  API:        http://$(HOST):$(PORT)/api/v1/"
	@echo "  Timeline:   http://$(HOST):$(PORT)/api/v1/timeline"
	@echo "  Swagger UI: http://$(HOST):$(PORT)/api/docs/"
	@echo "  ReDoc:      http://$(HOST):$(PORT)/api/redoc/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

## make serve-prod: the production server: gunicorn with WORKERS processes, DEBUG off, static files
## collected and served by whitenoise. Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (see README).
serve-prod: install
	$(PY) manage.py migrate --no-input
	DJANGO_DEBUG=false $(PY) manage.py collectstatic --no-input -v0
	DJANGO_DEBUG=false $(VENV)/bin/gunicorn config.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT)

## make admin: create an admin login (asks for a password; or set DJANGO_SUPERUSER_USERNAME,
## DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD to create it without prompts).
admin: install
	$(PY) manage.py migrate --no-input
	@if [ -n "$$DJANGO_SUPERUSER_PASSWORD" ]; then $(PY) manage.py createsuperuser --no-input; \
	else $(PY) manage.py createsuperuser; fi

## make test: install the test tools and run the suite (pass pytest options with ARGS="...").
test: install-dev
	$(PY) -m pytest $(ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

schema: install
	$(PY) manage.py spectacular --validate --fail-on-warn --file /dev/null

bench: install
	$(PY) bench/temporal.py

## make bench-load: readers and writers against two gunicorn processes (SQLite; add ARGS="--postgres URL").
bench-load: install
	$(PY) bench/load.py $(ARGS)

evaluate: install
	$(PY) manage.py evaluate_dates ../shared/data/te3-train

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
