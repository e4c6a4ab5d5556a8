# Two commands on a fresh machine with Python 3.11 and make: `make run`, `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-py install install-test install-dev check mutate mutate-survivors mutate-fresh bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp files make the install run again only when the pins change.
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,dev]'
	touch $@

install: $(VENV)/.installed
	$(BIN)/python scripts/vendor_player.py
install-test: install $(VENV)/.installed-test
install-dev: install $(VENV)/.installed-dev

run: install
	$(BIN)/python -m streamlit run app.py --server.port $(PORT) --server.address localhost

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-test
	$(BIN)/python benchmarks/bench_player.py
	$(BIN)/python benchmarks/bench_upload.py

# The unit and page suites on another Python, in its own venv: make test-py PY=3.13
PY ?= 3.13
PYENV_PYTHON = $(firstword $(wildcard $(HOME)/.pyenv/versions/$(PY).*/bin/python$(PY)) python$(PY))
$(VENV)-$(PY)/.installed-test: pyproject.toml constraints.txt
	$(PYENV_PYTHON) -m venv $(VENV)-$(PY)
	$(VENV)-$(PY)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)-$(PY)/bin/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

test-py: $(VENV)-$(PY)/.installed-test
	$(VENV)-$(PY)/bin/python -m pytest tests/unit tests/app $(PYTEST_ARGS)

# Lint, format and types of the package (configured in pyproject.toml).
check: install-dev
	$(BIN)/ruff check src
	$(BIN)/mypy
	$(BIN)/ruff format --check src

# Mutation testing of the pure modules against the unit tests, on demand, not in CI. A whole run
# takes hours on two cores (8,000 mutants), so it resumes: mutmut keeps each verdict in mutants/
# and re-tests only what is unchecked or whose function changed. `make mutate-survivors` re-tests
# the survivors against today's tests (mutmut keeps a verdict when only the tests change);
# `make mutate-fresh` starts over. MUTATE_JOBS: parallel test runs (default: half the cores).
MUTATE_JOBS ?= $(shell echo $$(( ($$(nproc) + 1) / 2 )))
# mutmut copies tests/ into mutants/ at every run but never deletes: a removed or renamed test
# file would go on running there, so the copy is made afresh (the verdicts live in mutants/src).
mutate: install-dev
	rm -rf mutants/tests
	$(BIN)/mutmut run --max-children $(MUTATE_JOBS) || true
	$(BIN)/python scripts/mutation_score.py

mutate-survivors: install-dev
	rm -rf mutants/tests
	$(BIN)/mutmut run --max-children $(MUTATE_JOBS) $$($(BIN)/python scripts/mutation_score.py --survivors) || true
	$(BIN)/python scripts/mutation_score.py

mutate-fresh: install-dev
	rm -rf mutants
	$(MAKE) mutate

clean:
	rm -rf $(VENV) $(VENV)-3.* artifacts .pytest_cache mutants
