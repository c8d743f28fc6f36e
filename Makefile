# nextyes: `make run` opens the app, `make test` runs every test. Both set up .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-quick screenshots demo-data bench clean

run: $(VENV)/.installed-app
	$(BIN)/nextyes $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

test-quick: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

screenshots: $(VENV)/.installed-test
	$(BIN)/python screenshots/capture.py

bench: $(VENV)/.installed-app
	$(BIN)/python benchmarks/performance.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/exchange.py

demo-data: $(VENV)/.installed-app
	$(BIN)/python -m tui.demo data/demo.json

clean:
	rm -rf $(VENV) build dist .pytest_cache

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $@ $(VENV)/.installed-app
