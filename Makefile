# One entry point. `make run` serves the demo portal, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test serve lint format install install-dev demo publish-scheduled bench check-links clean bench-search stack loadtest faultrun backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

install: $(VENV)/.runtime-installed
install-dev: $(VENV)/.dev-installed

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} $(MANAGE) set_site_address
	$(MANAGE) ensure_admin

run: demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Production-like: gunicorn + whitenoise, DEBUG off, configuration from the environment.
serve: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) collectstatic --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) set_site_address
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/gunicorn portal.wsgi \
		--bind 127.0.0.1:$(PORT) --workers 2 --no-control-socket --access-logfile -

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Run every few minutes from cron or a systemd timer (see README).
publish-scheduled: install
	$(MANAGE) publish_scheduled

# News benchmark at 2,000 and 20,000 articles on its own throwaway database (the command refuses
# a name without "bench"):
# SQLite by default; for PostgreSQL, createdb portal_news_bench and pass
# NEWS_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_news_bench.
NEWS_BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench-news.sqlite3
bench: install
	mkdir -p var
	DATABASE_URL=$(NEWS_BENCH_DATABASE_URL) $(MANAGE) migrate --noinput
	DATABASE_URL=$(NEWS_BENCH_DATABASE_URL) $(MANAGE) bench_news $(NEWS_BENCH_ARGS)

# Check every e-service address and store the result editors see in the admin (cron, daily).
check-links: install
	$(MANAGE) check_eservice_links

# Search benchmark on its own database (never the portal's): SQLite by default; for PostgreSQL,
# createdb portal_bench_search and pass BENCH_DATABASE_URL=postgres://.../portal_bench_search.
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench-search.sqlite3
bench-search: install-dev
	mkdir -p var
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) bench_search $(BENCH_ARGS)

# The production shape in the foreground (deploy/stack.py): Varnish on PORT (8080 unless given) ->
# 2 gunicorn -> PostgreSQL + Redis (DATABASE_URL, REDIS_URL), plus the task worker. Ctrl-C stops it.
stack: install
	PORT=$(if $(filter command line environment,$(origin PORT)),$(PORT),8080) $(BIN)/python deploy/stack.py

# wrk against the stack (article, home, news index, search through Varnish) beside the same
# article HTML as a static file served by nginx; prints req/s, p50/p99, non-2xx and the ratio.
loadtest: install
	PORT=$(if $(filter command line environment,$(origin PORT)),$(PORT),8090) $(BIN)/python -m deploy.loadtest

# Readers and commenters through the stack while a gunicorn worker is killed, PostgreSQL restarts
# and Redis stops: on its OWN throwaway PostgreSQL cluster and Redis (never the shared ones).
faultrun: install
	PORT=$(if $(filter command line environment,$(origin PORT)),$(PORT),8095) $(BIN)/python -m deploy.faultrun

# Database (pg_dump custom format) and every media file into var/backups/portal-<time>/ (or BACKUP=dir);
# restore one into the configured, empty database and media storage: make restore BACKUP=dir.
backup: install
	$(MANAGE) backup_portal $(if $(BACKUP),--output $(BACKUP))

restore: install
	@test -n "$(BACKUP)" || { echo "make restore BACKUP=var/backups/portal-..." >&2; exit 2; }
	$(MANAGE) restore_portal $(BACKUP)

clean:
	rm -rf $(VENV) var db.sqlite3
