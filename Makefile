# rasd: `make demo` and `make test` each set up .venv from scratch when needed.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DEMO_OUT ?= out/demo

.PHONY: demo test bench clean chromium

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rasd run examples/articles --out $(DEMO_OUT)
	@echo "Results: $(DEMO_OUT)/docs.jsonl, $(DEMO_OUT)/incidents.json, $(DEMO_OUT)/report.md"
	@echo "$(BIN)/rasd serve --db $(DEMO_OUT)/rasd.db"

# The dashboard's browser tests drive Debian's Chromium (Playwright's own browser downloads are
# not used); install it when missing (needs root, as on the project's machines and CI).
chromium:
	@test -x /usr/bin/chromium || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

test: $(STAMP) chromium
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
