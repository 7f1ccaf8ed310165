"""Benchmark: seconds ``rasd run`` spends writing its five exports from a store (median of
``--repeat`` passes), the same function the command calls (``rasd.cli._write_exports``).

    .venv/bin/python bench/exports.py OUT/rasd.db [--repeat 5]

OUT is a ``rasd run`` output folder (e.g. of ../shared/dev/airwars/articles.jsonl); its store
is copied to a temporary folder, where the exports are written, so OUT is left as it is.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rasd.cli import _write_exports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copyfile(args.db, folder / "rasd.db")
        seconds = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            incidents = _write_exports(folder)
            seconds.append(time.perf_counter() - started)
    print(f"{incidents} incidents: median {statistics.median(seconds):.3f} s of {args.repeat} "
          f"(min {min(seconds):.3f}, max {max(seconds):.3f})")


if __name__ == "__main__":
    main()
