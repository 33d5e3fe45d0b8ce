# geomap: `make run` sets up and serves; `make test` sets up and runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` serves with two processes: on the 1M-incident store two workers keep the bbox p99
# and /healthz within issue 13's targets where one does not (README, API under load)
WORKERS ?= 2
export GEOMAP_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test setup venv assets gazetteer ingest lint bench bench-geoparse bench-events bench-cache bench-map bench-api clean

run: setup ingest
	$(BIN)/geomap serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

test: setup ingest lint
	$(BIN)/python -m pytest

setup: venv assets gazetteer

venv: $(BIN)/geomap

$(BIN)/geomap: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

assets: static/node_modules/.package-lock.json

static/node_modules/.package-lock.json: static/package.json static/package-lock.json
	npm ci --prefix static --no-audit --no-fund --ignore-scripts
	touch $@

# (re)built when missing or built by another index version (geomap.gazetteer.index.INDEX_VERSION)
gazetteer: | $(BIN)/geomap
	@$(BIN)/python -c "import sys; from geomap.gazetteer.index import is_current; \
	sys.exit(not is_current('$(GEOMAP_DATA_DIR)/gazetteer.sqlite'))" \
	|| $(BIN)/geomap gazetteer build --force

ingest: setup
	$(BIN)/geomap ingest seeds/

lint: venv
	$(BIN)/ruff check geomap api tests bench
	$(BIN)/ruff format --check geomap api tests bench
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/pipeline.py

bench-geoparse: setup
	$(BIN)/python bench/geoparse.py --corpus all --runs 5 --build --gold-spans

# own sets, and the real-news dev/check sets (check: its summary line only)
bench-events: setup
	$(BIN)/python bench/real_events_select.py --verify
	$(BIN)/python bench/events.py

bench-cache: setup
	$(BIN)/python bench/cache.py

bench-map: setup
	$(BIN)/python bench/map.py

# needs Debian's wrk, gdal-bin, python3-gdal and postgresql-15-postgis-3; pygeoapi (OGR and
# PostgreSQL providers) goes in data/bench/venv and tipg in data/bench/venv-tipg (not .venv)
bench-api: setup
	data/bench/venv/bin/python -c 'import pygeoapi, psycopg2, geoalchemy2' 2>/dev/null || \
	  ( /usr/bin/python3 -m venv --system-site-packages \
	  data/bench/venv && data/bench/venv/bin/pip install --quiet pygeoapi uvicorn starlette \
	  httptools uvloop psycopg2-binary sqlalchemy geoalchemy2 )
	test -x data/bench/venv-tipg/bin/uvicorn || ( $(BIN)/python -m venv data/bench/venv-tipg \
	  && data/bench/venv-tipg/bin/pip install --quiet tipg uvicorn httptools uvloop )
	$(BIN)/python bench/api.py --duration 5 --runs 3

clean:
	rm -rf $(VENV) data static/node_modules
