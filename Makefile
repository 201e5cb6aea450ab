# Two commands on a fresh machine: `make demo` (the main job on the bundled fixtures) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench instructions recognizers score fit report venv clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/checker extract fixtures/shoigu/*.txt
	$(BIN)/checker compare fixtures/shoigu/*.txt --fail-on never

test: $(STAMP)
	$(BIN)/python -m pytest

# the bundled fixtures' report as one self-contained page, to open in a browser
report: $(STAMP)
	$(BIN)/checker compare fixtures/shoigu/*.txt --format html --fail-on never > report.html
	@echo "wrote report.html"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/wire_day.py

instructions: $(STAMP)
	$(BIN)/python benchmarks/instructions.py

recognizers: $(STAMP)
	$(BIN)/python benchmarks/recognizers.py

score: $(STAMP)
	$(BIN)/python ../shared/bench/score.py -v --checker "$(CURDIR)/$(BIN)/checker" ../shared/bench ../shared/bench-fresh

# Refit the alignment model on every labelled cluster and print the leave-one-cluster-out figures
# (add --write to store the weights in rules/alignment.yaml).
fit: $(STAMP)
	$(BIN)/pip install --quiet -e '.[fit]'
	$(BIN)/python benchmarks/fit_alignment.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
