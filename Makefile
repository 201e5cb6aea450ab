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

# The team's yardstick on each labelled set, then on all of them together (every figure issue #20 names but the
# leave-one-cluster-out ones, which `make fit` prints).
SETS := ../shared/bench ../shared/bench-fresh ../shared/bench-open ../shared/bench-train fixtures/clusters fixtures/unseen
score: $(STAMP)
	@for s in $(SETS); do [ -d $$s ] || continue; printf '%-22s ' $$(basename $$s); \
	  $(BIN)/python ../shared/bench/score.py --checker "$(CURDIR)/$(BIN)/checker" $$s | $(BIN)/python -c 'import json,sys; j=json.load(sys.stdin); print("conflict P %s R %s F1 %s  consistent %s  false alarms %s  unsupported P %s R %s" % tuple(j[k] for k in ("conflict_precision","conflict_recall","conflict_f1","consistent_recall","false_alarms","unsupported_precision","unsupported_recall")))'; done
	@printf '%-22s ' "all together"; $(BIN)/python ../shared/bench/score.py --checker "$(CURDIR)/$(BIN)/checker" $(wildcard $(SETS)) | $(BIN)/python -c 'import json,sys; j=json.load(sys.stdin); print("conflict P %s R %s F1 %s  consistent %s  false alarms %s  unsupported P %s R %s  (%s clusters)" % tuple(j[k] for k in ("conflict_precision","conflict_recall","conflict_f1","consistent_recall","false_alarms","unsupported_precision","unsupported_recall","clusters")))'

# Refit the alignment model on every labelled cluster and print the leave-one-cluster-out figures
# (add --write to store the weights in rules/alignment.yaml).
fit: $(STAMP)
	$(BIN)/pip install --quiet -e '.[fit]'
	$(BIN)/python benchmarks/fit_alignment.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
