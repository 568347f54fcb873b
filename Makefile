# videorace — `make run` and `make test` work on a fresh clone with only python3, pip and make.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := $(CURDIR)/.tools
UV := $(TOOLS)/bin/uv
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin

export UV_COMPILE_BYTECODE := 1
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export DAGSTER_DISABLE_TELEMETRY := 1

.PHONY: run test lint dev bench status clean install help screenshots

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

run: install  ## install everything, then a full offline (replay) refresh through Dagster
	$(BIN)/videorace refresh

test: install lint  ## every test, offline (notebooks and the browser test included)
	$(BIN)/pytest

lint: install  ## ruff
	$(BIN)/ruff check .

dev: install  ## the Dagster UI on http://127.0.0.1:3000 with the same definitions
	$(BIN)/dagster dev -m pipelines.definitions -h 127.0.0.1 -p 3000

bench: install  ## cold and unchanged refresh timings and peak memory -> benchmarks/RESULTS.md
	$(BIN)/python -m benchmarks.run

screenshots: install  ## page weight and time-to-drawn per page, full-page PNGs at 1440 and 390 px -> tests/artifacts/site/
	$(BIN)/python -m benchmarks.site_bench dashboards/site --screenshots tests/artifacts/site

status: install  ## rows and newest date per table; last outcome per source
	$(BIN)/videorace status

install: $(VENV)/.synced $(DAGSTER_HOME)/dagster.yaml

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --python $(PYTHON)
	@touch $@

$(DAGSTER_HOME)/dagster.yaml:
	@mkdir -p $(DAGSTER_HOME)
	@printf 'telemetry:\n  enabled: false\n' > $@

clean:  ## remove the warehouse, snapshots, site and Dagster home (keeps the venv)
	rm -rf warehouse/videorace.duckdb warehouse/videorace.duckdb.wal var dashboards/site $(DAGSTER_HOME)
