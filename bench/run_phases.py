"""Benchmark: where the wall clock of one ``rasd run --workers 1`` goes, stages and the rest.

bench/extract_file.py times the pipeline's stages alone; this runs the whole command in this
process and adds up the wall time spent in each phase around them (by wrapping the functions
the run calls, no profiler): reading and cleaning each article, ``analyze``, the docs.jsonl
line, the document made ready for the store (its JSON and ``Brief``), the per-article time
limit, the store (with the batch loop that feeds it: progress bar, error bookkeeping, writing
docs.jsonl; staging, grouping, writing the incidents; minus the phases it drives) and the
exports; the rest is the command's set-up after the imports (output folder, run.json).

    .venv/bin/python bench/run_phases.py ARTICLES.jsonl [--out DIR]

Build a replicated corpus first (see docs/performance.md, Reproduce); the dev texts are read
at run time, never copied into the repository.
"""
from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import rasd.cli as cli
import rasd.engine as engine
import rasd.ingest.readers as readers
import rasd.store as store

SPENT: Counter[str] = Counter()


def wrap(module: Any, name: str, phase: str) -> None:
    """Replace ``module.name`` by itself adding its wall time to ``SPENT[phase]``."""
    original = getattr(module, name)

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SPENT[phase] += time.perf_counter() - started

    setattr(module, name, timed)


class TimedLimit(engine.time_limit):
    """The engine's time limit, its arming and disarming timed."""

    def __enter__(self) -> None:
        started = time.perf_counter()
        super().__enter__()
        SPENT["time limit"] += time.perf_counter() - started

    def __exit__(self, *exc: object) -> None:
        started = time.perf_counter()
        super().__exit__(*exc)
        SPENT["time limit"] += time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="rasd-phases-")) / "out")
    args = parser.parse_args()

    wrap(readers, "_from_record", "read and clean")
    wrap(engine, "analyze", "analyze (the stages)")
    wrap(engine, "document_json", "docs.jsonl line")
    wrap(engine, "dumps", "docs.jsonl line")
    wrap(store, "stored_document", "store record (JSON, Brief)")   # the engine imports it when it runs
    wrap(store, "build", "store")
    wrap(cli, "_write_exports", "exports")
    engine.time_limit = TimedLimit          # type: ignore[misc]
    sys.argv = ["rasd", "-q", "run", str(args.articles), "--out", str(args.out), "--workers", "1"]
    started = time.perf_counter()
    try:
        cli.main()
    except SystemExit as done:
        if done.code not in (0, 1, None):
            raise
    total = time.perf_counter() - started
    articles = sum(1 for line in (args.out / "docs.jsonl").open(encoding="utf-8") if line.strip())
    inside = sum(v for k, v in SPENT.items() if k not in ("store", "exports"))
    SPENT["store"] -= inside                  # the store drives reading and extraction
    SPENT["the rest (set-up)"] = total - sum(SPENT.values())
    print(f"{articles} articles, {total:.1f} s, {articles / total:.0f} articles/s; ms per article:")
    for phase, seconds in SPENT.most_common():
        print(f"  {phase:<34} {seconds / articles * 1e3:6.2f}  ({seconds / total:5.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
