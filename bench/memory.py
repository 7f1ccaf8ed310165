"""Benchmark: the memory of the process that holds the store (``rasd run``'s main process),
phase by phase, without the extraction (which runs in the workers).

It reads a docs.jsonl written by ``rasd extract`` (e.g. of bench/throughput.py's replicated
corpus), turns each line into the record a worker sends back (``StoredDocument``), builds a
fresh store of the first N of them as ``rasd run`` does (staging, grouping), then writes every
export from it. Printed per size: the resident memory at the end of each phase and its peak
during the phase (psutil, sampled every 20 ms), so growth per 1,000 articles can be read off.

    PYTHONPATH=src:bench .venv/bin/python -c "from throughput import *; \\
      write_jsonl(replicated(seed_records()[0], 9000), Path('/tmp/a9000.jsonl'))"
    .venv/bin/rasd extract /tmp/a9000.jsonl --out /tmp/d9000.jsonl
    .venv/bin/python bench/memory.py /tmp/d9000.jsonl --sizes 3000,9000
"""
from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import psutil


class Peak:
    """The highest resident memory of this process while the block runs."""

    def __enter__(self) -> Peak:
        self.peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, me.memory_info().rss)
            self._stop.wait(0.02)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, psutil.Process().memory_info().rss)


def records(docs: Path, limit: int) -> Iterator:
    from rasd.store import document_from_json, stored_document

    with docs.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                return
            yield stored_document(document_from_json(json.loads(line)))


def one_size(docs: Path, size: int) -> None:
    """In this process: the phases for ``size`` documents, one line of MB."""
    from rasd.cli import _write_exports
    from rasd.store import build

    mb = lambda b: f"{b / 1e6:,.0f}"  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="rasd-mem-") as tmp:
        folder = Path(tmp)
        start = psutil.Process().memory_info().rss
        with Peak() as staged:
            build(folder / "rasd.db", records(docs, size))
        gc.collect()
        after_build = psutil.Process().memory_info().rss
        with Peak() as exported:
            _write_exports(folder)
        after_exports = psutil.Process().memory_info().rss
    print(f"{size:>9,} {mb(start):>7} {mb(after_build):>14} {mb(staged.peak):>10} {mb(after_exports):>15} "
          f"{mb(exported.peak):>12}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", type=Path, help="a docs.jsonl from rasd extract")
    parser.add_argument("--sizes", default="3000,9000", help="documents per run, comma-separated")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)   # a size, in a fresh process
    args = parser.parse_args()
    if args.one:
        one_size(args.docs, args.one)
        return 0
    print("resident MB of the process holding the store (each size in a fresh process)")
    print(f"{'documents':>9} {'start':>7} {'after grouping':>14} {'peak':>10} {'after exports':>15} {'peak':>12}",
          flush=True)
    for size in map(int, args.sizes.split(",")):
        subprocess.run([sys.executable, __file__, str(args.docs), "--one", str(size)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
