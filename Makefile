# The two commands a newcomer needs: `make run` builds the warehouse, `make test` runs the tests.
# Both set up .venv themselves from the pinned dependencies (pyproject.toml + constraints.txt).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/.dagster
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false

# Some machines' pip configs list local indexes that do not exist and pip warns once per package: drop
# that noise, keep real errors and pip's exit status.
define pip_install
	set -o pipefail; $(BIN)/pip install --quiet --disable-pip-version-check $(1) 2>&1 \
	  | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
endef
.PHONY: install run test ui bench clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(call pip_install,--upgrade pip==26.0.1)
	$(call pip_install,-c constraints.txt -e '.[test]')
	$(BIN)/dcw prepare  # dbt parses the project once here, not in the first build
	touch $(STAMP)

run: $(STAMP)  ## build the whole warehouse from sources/
	$(BIN)/dcw build

test: $(STAMP)  ## run the test suite
	$(BIN)/python -m pytest

ui: $(STAMP)  ## the Dagster UI on http://127.0.0.1:3000
	$(BIN)/dcw prepare
	mkdir -p $(DAGSTER_HOME) && test -f $(DAGSTER_HOME)/dagster.yaml || printf 'telemetry:\n  enabled: false\n' > $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p 3000

bench: $(STAMP)  ## benchmark scripts: print the speed and scale figures
	$(BIN)/python bench/run_all.py

clean:
	rm -rf warehouse .dagster dbt_project/target dbt_project/logs
