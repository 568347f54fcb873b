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

.PHONY: run test pytest test-cluster lint format dev notebook bench status clean install help screenshots

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

run: install  ## install everything, then a full offline (replay) refresh through Dagster
	$(BIN)/videorace refresh

# `make test` = lint and pytest side by side (lint is ~13 s of mypy on a fresh clone, one core; pytest
# leaves a core idle part of the time), each line printed whole as it comes (--output-sync=line).
# pytest-xdist: one worker more than cores (about a fifth of the suite waits on loopback servers,
# subprocesses and bounded lock waits; 3 workers on 2 cores: 151 s against 169 s for 2, 4 gained no
# more), whole modules per worker so a module-scoped fixture is built once (loadgroup would be
# finer, but xdist 3.8 cannot tag pytest 9.2's node ids, so it silently falls back to load), the
# slowest modules handed out first (tests/xdist_order.py); the 15 slowest tests are printed so the
# budget in CONTRIBUTING.md stays visible.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: install  ## every test, offline (notebooks and the browser test included), lint beside it
	@$(MAKE) --no-print-directory -j2 --output-sync=line lint pytest

pytest: install  ## the tests alone (TEST_WORKERS=N to choose the workers)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope --durations=15

test-cluster: install  ## the cluster profile end to end: throwaway Postgres + moto S3, parallel refresh, a reader during a refresh (deploy/)
	bash deploy/test-cluster.sh

# `ruff format --check` is part of `make lint`: the tree was formatted once, in its own commit.
FORMAT_CHECK ?= 1
WAREHOUSE ?= $(or $(VIDEORACE_WAREHOUSE),$(CURDIR)/warehouse/videorace.duckdb)
# notebooks open the copy each clean refresh publishes (pipelines/publish.py), so they never block a refresh
WAREHOUSE_READ := $(basename $(WAREHOUSE)).read.duckdb
NOTEBOOK_WAREHOUSE = $(if $(wildcard $(WAREHOUSE_READ)),$(WAREHOUSE_READ),$(WAREHOUSE))
NOTEBOOK_PORT ?= 8888
# Jupyter refuses to run as root unless told; containers and CI runners often are root.
JUPYTER_AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lint: install  ## ruff check, mypy (the baseline is in pyproject.toml); FORMAT_CHECK=1 adds ruff format --check
	$(BIN)/ruff check .
	$(BIN)/mypy
ifeq ($(FORMAT_CHECK),1)
	$(BIN)/ruff format --check .
endif

format: install  ## ruff format the tree and sort imports (what pre-commit does to the files you commit)
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

# dg reads [tool.dg] in pyproject.toml; VIRTUAL_ENV tells it the venv it runs in is the project's.
dev: install  ## the Dagster UI on http://127.0.0.1:3000 with the same definitions (dg dev)
	VIRTUAL_ENV=$(VENV) $(BIN)/dg dev --host 127.0.0.1 --port 3000

notebook: install  ## JupyterLab on http://127.0.0.1:8888 over notebooks/, reading the copy `make run` publishes
	@test -f "$(WAREHOUSE)" || echo "note: no warehouse at $(WAREHOUSE) yet: run \`make run\` first"
	VIDEORACE_WAREHOUSE="$(NOTEBOOK_WAREHOUSE)" $(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 \
		--ServerApp.port=$(NOTEBOOK_PORT) --ServerApp.root_dir="$(CURDIR)/notebooks" $(JUPYTER_AS_ROOT) $(NOTEBOOK_ARGS)

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
	rm -rf warehouse/videorace.duckdb warehouse/videorace.duckdb.wal warehouse/videorace.read.duckdb var dashboards/site $(DAGSTER_HOME)
