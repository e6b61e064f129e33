# nrc: make demo | make test | make bench | make fuzz
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench fuzz compile check clean eval

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q extractor >/dev/null  # bytecode even where PYTHONDONTWRITEBYTECODE is set
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/nrc compile corpus
	$(BIN)/nrc diff compiled_rules

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench.py

fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/fuzz.py --minutes $${FUZZ_MINUTES:-10}

check: $(STAMP)
	$(BIN)/nrc check

eval: $(STAMP)
	$(PY) ../shared/eval/score.py ../shared/eval/gold-dev/*.json --verbose

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
