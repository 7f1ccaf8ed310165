"""Benchmark: the memory of the process that holds the store (``rasd run``'s main process),
phase by phase, without the extraction (which runs in the workers).

It reads a docs.jsonl written by ``rasd extract`` (e.g. of bench/throughput.py's replicated
corpus), turns each line into the record a worker sends back (``StoredDocument``), builds a
fresh store of the first N of them as ``rasd run`` does (staging, grouping), then writes every
export from it. Printed per size: the resident memory at the end of each phase and its peak
during the phase (psutil, sampled every 20 ms), so growth per 1,000 articles can be read off.
A size larger than the file takes the file again, as many times as needed, each copy's ids
suffixed and its days moved past the file's last day (what extracting the replicated articles
gives, without extracting them again). The seconds the store's build took are printed too,
wall-clock and CPU time of this process (on a shared machine the CPU time varies less).

    PYTHONPATH=src:bench .venv/bin/python -c "from throughput import *; \\
      write_jsonl(replicated(seed_records()[0], 9000), Path('/tmp/a9000.jsonl'))"
    .venv/bin/rasd extract /tmp/a9000.jsonl --out /tmp/d9000.jsonl
    .venv/bin/python bench/memory.py /tmp/d9000.jsonl --sizes 3000,9000
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import itertools
import json
import subprocess
import sys
import tempfile
import threading
import time
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

    days = [dt.date.fromisoformat(json.loads(line)["published"][:10]) for line in docs.open(encoding="utf-8")
            if json.loads(line).get("published")]
    shift = (max(days) - min(days)).days + 400 if days else 0
    made = 0
    for copy in itertools.count():
        with docs.open(encoding="utf-8") as f:
            for line in f:
                if made >= limit:
                    return
                yield stored_document(moved(document_from_json(json.loads(line)), copy, shift * copy))
                made += 1


def moved(doc, copy: int, days: int):
    """The document as a copy of it published ``days`` later reads."""
    if not copy:
        return doc
    later = lambda d: d and d + dt.timedelta(days=days)  # noqa: E731
    date = doc.event_date and dataclasses.replace(doc.event_date, start=later(doc.event_date.start),
                                                  end=later(doc.event_date.end))
    return dataclasses.replace(doc, doc_id=f"{doc.doc_id}-m{copy}", published=later(doc.published), event_date=date)


def one_size(docs: Path, size: int) -> None:
    """In this process: the phases for ``size`` documents, one line of MB."""
    from rasd.cli import _write_exports
    from rasd.store import build

    mb = lambda b: f"{b / 1e6:,.0f}"  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="rasd-mem-") as tmp:
        folder = Path(tmp)
        start = psutil.Process().memory_info().rss
        with Peak() as staged:
            began, began_cpu = time.perf_counter(), time.process_time()
            build(folder / "rasd.db", records(docs, size))
            seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
        gc.collect()
        after_build = psutil.Process().memory_info().rss
        with Peak() as exported:
            _write_exports(folder)
        after_exports = psutil.Process().memory_info().rss
    print(f"{size:>9,} {mb(start):>7} {mb(after_build):>14} {mb(staged.peak):>10} {mb(after_exports):>15} "
          f"{mb(exported.peak):>12} {seconds:>8.1f} {cpu:>8.1f}", flush=True)


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
    print(f"{'documents':>9} {'start':>7} {'after grouping':>14} {'peak':>10} {'after exports':>15} {'peak':>12}"
          f" {'build s':>8} {'CPU s':>8}",
          flush=True)
    for size in map(int, args.sizes.split(",")):
        subprocess.run([sys.executable, __file__, str(args.docs), "--one", str(size)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
