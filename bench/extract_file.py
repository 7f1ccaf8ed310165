"""Benchmark: where one core's time goes on real articles (reading, extracting, writing).

bench/extract.py times generated articles; this reads any input rasd accepts (a .jsonl of
real reports, a folder) at run time and prints, per article: reading and cleaning
(``read_inputs``), ``analyze`` (median of several repeats, after a warm-up that loads the
word lists and gazetteer), writing the docs.jsonl line, the articles/s of one core for the
three together, and each pipeline stage timed alone over the same articles.

    .venv/bin/python bench/extract_file.py ../shared/dev/airwars/articles.jsonl [--repeats R]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from extract import stage_times

from rasd.export.jsonout import document_json, dumps
from rasd.ingest import IngestError, read_inputs
from rasd.pipeline import analyze

WARM_UP = 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    articles = [a for a in read_inputs(args.inputs) if not isinstance(a, IngestError)]
    reading = time.perf_counter() - start
    if not articles:
        print("no article read", file=sys.stderr)
        return 1
    for article in articles[:WARM_UP]:
        analyze(article)
    runs = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        docs = [analyze(a) for a in articles]
        runs.append(time.perf_counter() - start)
    analyzing = statistics.median(runs)
    start = time.perf_counter()
    for doc in docs:
        dumps(document_json(doc))
    writing = time.perf_counter() - start

    n = len(articles)
    print(f"{n} articles, per article: read {reading / n * 1e3:.2f} ms, analyze {analyzing / n * 1e3:.2f} ms "
          f"(median of {args.repeats}), write {writing / n * 1e3:.2f} ms; "
          f"one core: {n / (reading + analyzing + writing):.0f} articles/s")
    print("each stage alone, ms/article: " + ", ".join(
        f"{name} {seconds / n * 1e3:.2f}" for name, seconds in stage_times(articles).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
