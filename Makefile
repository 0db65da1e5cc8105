# Two entry points for a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_HOME := $(CURDIR)/.prefect

.PHONY: run test install browser bench bench-tools clean
CHROMIUM ?= /usr/bin/chromium

$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

install: $(BIN)/.installed

## Run the main job: the Prefect flow over the bundled sample corpus, tables under out/, and the report
run: $(BIN)/.installed
	$(BIN)/policy run corpora/samples --out out
	$(BIN)/policy report --db out/policy.sqlite --out out/report.html

## Debian's chromium and a CJK font for the browser tests (UI, report); nothing when already there
browser:
	@if [ ! -x "$(CHROMIUM)" ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei \
			>/dev/null; \
	fi

## Run the test suite (what CI runs)
test: $(BIN)/.installed browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

## Benchmarks over ../shared/corpus/pool: each figure beside its reference measured in the same run (bare
## jieba pass, pdfplumber, pypdfium2's bare extraction, one worker); figures also written to out/bench/*.json
bench: $(BIN)/.installed
	$(BIN)/python benchmarks/cold_start.py
	$(BIN)/python benchmarks/references.py --repeat 3 --json out/bench/references.json
	$(BIN)/python benchmarks/stages.py
	$(BIN)/python benchmarks/end_to_end.py --runner processes --workers 1 2 --server both --json out/bench/end_to_end.json
	$(BIN)/python benchmarks/end_to_end.py --runner dask --workers 1 2

## JioNLP's time parser and cpca's region recognizer beside ours, on benchmarks/*_cases.tsv
bench-tools: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,bench]"
	$(BIN)/python benchmarks/compare_tools.py

clean:
	rm -rf $(VENV) out .prefect
