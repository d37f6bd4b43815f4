# Ketenzicht — `make help` lists what you can do.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
HOST ?= 127.0.0.1:8000
SEED ?= 1
export KETENZICHT_HOME := $(CURDIR)

.PHONY: help install run test lint bench openapi clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

.tools/bin/uv:
	python3 -m venv .tools && .tools/bin/pip install -q uv

install: $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv) ## install Python (uv, locked) and front-end (npm) packages
	$(UV) sync --frozen --quiet --compile-bytecode
	@[ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error

run: install ## migrate, load the landelijk demo once, serve on http://$(HOST) and print demo logins
	$(UV) run ketenzicht beheer migrate --verbosity 0
	$(UV) run ketenzicht demo --schaal landelijk --seed $(SEED) --als-leeg
	@echo "Prognosemotor compileren (eenmalig na een checkout, ~20 s) of laden…"
	@$(UV) run python -c "from ketenzicht.domain.prognose.motor import opwarmen; opwarmen()"
	@echo "Ketenzicht draait op http://$(HOST)/  (Ctrl-C stopt)"
	KETENZICHT_DEBUG=1 $(UV) run ketenzicht beheer runserver $(HOST) --noreload

test: install ## the whole suite (unit, integration, e2e in Debian's Chromium) on DATABASE_URL or SQLite
	@command -v chromium >/dev/null || [ "$$(id -u)" != 0 ] || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null)
	$(UV) sync --frozen --quiet --extra ray --compile-bytecode
	$(UV) run pytest -n auto --dist loadfile

lint: install ## ruff and mypy (django-stubs)
	$(UV) run ruff check src tests bench
	$(UV) run mypy

bench: install ## benchmark scripts: demo, national monitor (and its kept figures), planner list + bulk proposal, doorbraak and monitor reports (SQLite and PostgreSQL), zorgbemiddeling, prognose vs SimPy, a process's first request
	$(UV) run python bench/demo_en_monitor.py
	$(UV) run python bench/planning.py
	$(UV) run python bench/rapportages.py
	$(UV) run python bench/monitor_bewaren.py
	$(UV) run python bench/bemiddeling.py
	$(UV) run python bench/prognose.py
	$(UV) run python bench/eerste_verzoek.py

openapi: install ## regenerate the committed openapi.yaml from the code
	KETENZICHT_SECRET_KEY=openapi $(UV) run ketenzicht beheer spectacular --file openapi.yaml --validate

clean: ## remove the local database and installed packages
	rm -rf var .venv node_modules .tools staticfiles
