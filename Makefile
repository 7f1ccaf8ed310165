# rasd: `make demo` and `make test` each set up .venv from scratch when needed.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DEMO_OUT ?= out/demo

.PHONY: demo test bench lock clean chromium

# Exact versions from requirements.lock, then rasd itself without resolving anything again,
# byte-compiled as pip compiles an installed wheel (an editable install is not, and where
# PYTHONDONTWRITEBYTECODE is set every run would compile rasd's modules again: 0.1 s).
$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m compileall -q src
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rasd run examples/articles --out $(DEMO_OUT)
	@echo "Results: $(DEMO_OUT)/docs.jsonl, $(DEMO_OUT)/incidents.json, $(DEMO_OUT)/report.md"
	@echo "Store: $(DEMO_OUT)/rasd.db; exports: acled.csv, ucdp.csv, incidents.geojson"
	@echo "Open the dashboard: $(BIN)/rasd serve --db $(DEMO_OUT)/rasd.db   (then http://127.0.0.1:8000)"

# The dashboard's browser tests drive Debian's Chromium (Playwright's own browser downloads are
# not used); install it when missing (needs root, as on the project's machines and CI).
chromium:
	@test -x /usr/bin/chromium || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

test: $(STAMP) chromium
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/extract.py
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/throughput.py

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
