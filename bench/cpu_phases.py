"""Benchmark: CPU ms per article of reading, the stages and the store record, each alone.

In one process: ``read_inputs`` of the file, ``analyze`` of its articles and
``stored_document`` of their documents, each timed with ``time.process_time`` (CPU, which
other jobs on a shared machine disturb less than the wall clock), the minimum of R repeats
after one warm-up. Run it with each version's ``src`` on ``PYTHONPATH``, alternating, to
compare two versions.

    PYTHONPATH=src .venv/bin/python bench/cpu_phases.py ARTICLES.jsonl [--repeats 3]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rasd.ingest import IngestError, read_inputs
from rasd.pipeline import analyze
from rasd.store.documents import stored_document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    articles = [a for a in read_inputs([args.articles]) if not isinstance(a, IngestError)]
    docs = [analyze(a) for a in articles]
    for doc in docs:
        stored_document(doc)
    n = len(articles)

    def best(work: Callable[[], object]) -> float:
        times = []
        for _ in range(args.repeats):
            started = time.process_time()
            work()
            times.append(time.process_time() - started)
        return min(times) / n * 1e3

    read = best(lambda: list(read_inputs([args.articles])))
    stages = best(lambda: [analyze(a) for a in articles])
    record = best(lambda: [stored_document(d) for d in docs])
    print(f"{n} articles, CPU ms per article (min of {args.repeats}): read {read:.3f}, "
          f"analyze {stages:.3f}, store record {record:.3f}, together {read + stages + record:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
