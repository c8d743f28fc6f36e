# nextyes: `make run` opens the app, `make test` runs every test. Both set up .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CODE := tui tests benchmarks screenshots

.PHONY: run test test-quick lint format screenshots demo-data bench clean

run: $(VENV)/.installed-app
	$(BIN)/nextyes $(ARGS)

# Two passes: every test but those marked `serial`, in parallel (one worker per core); then the serial
# ones (kills, many processes at once, timing) alone, so each has the machine to itself.
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m "not serial" $(PYTEST_ARGS)
	$(BIN)/python -m pytest -q -n 0 -m serial $(PYTEST_ARGS)

test-quick: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m "not slow and not serial" $(PYTEST_ARGS)

# The shape of the code: ruff (lint and format), mypy on the pure parts, the import contracts.
lint: $(VENV)/.installed-check
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(VENV)/.installed-check
	$(BIN)/ruff check --fix $(CODE)
	$(BIN)/ruff format $(CODE)

screenshots: $(VENV)/.installed-test
	$(BIN)/python screenshots/capture.py

# jrnl is the peer the shell commands are measured against: a venv of its own, outside nextyes's dependencies.
JRNL_VERSION := 4.6
JRNL_VENV := .venv-jrnl

bench: $(VENV)/.installed-app $(JRNL_VENV)/.installed-$(JRNL_VERSION)
	$(BIN)/python benchmarks/performance.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/exchange.py

$(JRNL_VENV)/.installed-$(JRNL_VERSION):
	$(PYTHON) -m venv $(JRNL_VENV)
	$(JRNL_VENV)/bin/python -m pip install --quiet jrnl==$(JRNL_VERSION)
	touch $@

demo-data: $(VENV)/.installed-app
	$(BIN)/python -m tui.demo data/demo.json

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $@ $(VENV)/.installed-app

$(VENV)/.installed-check: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable '.[check]'
	touch $@
