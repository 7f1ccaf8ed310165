"""Benchmark: the peak memory of ``rasd run`` as a whole (reading, extraction, store, exports),
at two or more sizes of bench/throughput.py's replicated corpus, so growth per 1,000 articles
can be read off (issue 15: flat memory end to end).

Each run is ``python -m rasd run FILE --out DIR --workers N`` (what the ``rasd`` entry point,
``rasd.cli:main``, runs) in a fresh child process; its peak resident memory is the
``ru_maxrss`` that ``os.wait4`` gives for that child (what ``/usr/bin/time -v`` prints as
"Maximum resident set size"). With ``--workers 1`` the extraction runs in that process, so
this is the whole run; with more workers it is the largest of the main process and its
worker processes (Linux counts a child's reaped children in its maximum). Each size is run
``--repeat`` times and the median printed with every run's value.

    .venv/bin/python bench/memory_run.py --sizes 3000,12000 --workers 1 --repeat 3

The code measured is the ``rasd`` this interpreter imports (``PYTHONPATH=src`` for a checkout).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import replicated, seed_records, write_jsonl  # noqa: E402


def max_rss_mb(args: list[str]) -> tuple[float, float]:
    """Peak resident MB of one child process running ``args``, and its wall-clock seconds."""
    started = time.monotonic()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode not in (0, 1):        # 1: some records failed, named in errors.jsonl
        raise SystemExit(f"{' '.join(args)} exited {child.returncode}:\n{err[-2000:]}")
    return usage.ru_maxrss / 1024, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="3000,12000", help="articles per run, comma-separated")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the median is printed)")
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them (default: a temporary folder)")
    opts = parser.parse_args()
    sizes = [int(s) for s in opts.sizes.split(",")]
    records = seed_records()[0]
    folder = opts.keep or Path(tempfile.mkdtemp(prefix="rasd-memrun-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"rasd run --workers {opts.workers}, {opts.repeat} run(s) per size; peak RSS in MB")
    print(f"{'articles':>9} {'input MB':>9} {'median MB':>10}  runs (MB / s)")
    medians = []
    try:
        for n in sizes:
            corpus = folder / f"a{n}.jsonl"
            if not corpus.exists():
                write_jsonl(replicated(records, n), corpus)
            runs = []
            for k in range(opts.repeat):
                out = folder / f"out{n}-{k}-{os.getpid()}"
                runs.append(max_rss_mb([sys.executable, "-m", "rasd", "run", str(corpus), "--out", str(out),
                                        "--workers", str(opts.workers)]))
                shutil.rmtree(out, ignore_errors=True)
            median = statistics.median(mb for mb, _ in runs)
            medians.append(median)
            print(f"{n:>9,} {corpus.stat().st_size / 2**20:>9.1f} {median:>10.1f}  "
                  + ", ".join(f"{mb:.1f} / {s:.0f}" for mb, s in runs), flush=True)
    finally:
        if opts.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    if len(sizes) > 1:
        per_k = (medians[-1] - medians[0]) / (sizes[-1] - sizes[0]) * 1000
        print(f"growth: {per_k:+.2f} MB per 1,000 articles ({sizes[0]:,} -> {sizes[-1]:,}: "
              f"x{medians[-1] / medians[0]:.2f})")


if __name__ == "__main__":
    main()
