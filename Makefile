# rasd: `make demo` and `make test` each set up .venv from scratch when needed.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DEMO_OUT ?= out/demo

.PHONY: demo test bench lock clean

# Exact versions from requirements.lock, then rasd itself without resolving anything again.
$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rasd run examples/articles --out $(DEMO_OUT)
	@echo "Results: $(DEMO_OUT)/docs.jsonl, $(DEMO_OUT)/incidents.json, $(DEMO_OUT)/report.md"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/extract.py

# Re-resolve the ranges in pyproject.toml in a scratch venv and write the versions it gets.
lock:
	rm -rf .venv-lock
	$(PY) -m venv .venv-lock
	.venv-lock/bin/pip install -q -e '.[test]'
	{ sed -n '1,3p' requirements.lock; .venv-lock/bin/pip freeze --exclude-editable | grep -iv '^rasd'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
