"""Benchmark: per-article extraction speed (``rasd.pipeline.analyze``), one process.

Times ``analyze`` over generated articles (bench/corpus.py, 1.5-3 KB each) and prints
articles/s and MB/s of UTF-8 text, the median of several repeats, against the target of
300 articles/s per core. Then times each stage of the pipeline (``rasd.pipeline.STAGES``,
after the folding they share) on its own over the same texts, to show where the time goes.
The rest of ``analyze`` (building the Document) costs microseconds, but a stage run alone
in a loop keeps its data in the CPU caches, so the stages' sum is printed too: it falls
short of ``analyze``. Last, it checks that the speed comes with the output: how many of the
figures planted in the articles the extractor reads back.

    .venv/bin/python bench/extract.py [--articles N] [--repeats R] [--seed S]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable

from corpus import Report, reports

from rasd.model import Article
from rasd.pipeline import STAGES, Stage, State, analyze
from rasd.text.normalize import fold

TARGET_ARTICLES_PER_S = 300
WARM_UP = 50


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def stage_times(articles: list[Article]) -> dict[str, float]:
    """Seconds each pipeline stage (and the folding before them) takes over all ``articles``."""
    states = [State(a, fold(a.text)) for a in articles]
    times = {"fold": timed(lambda: [fold(a.text) for a in articles])}
    for stage in STAGES:
        times[stage.name] = timed(lambda: run_stage(stage, states))   # noqa: B023 (called at once)
    return times


def run_stage(stage: Stage, states: list[State]) -> None:
    """One stage over every article, keeping its output for the stages that require it."""
    for state in states:
        state.assigned[stage.name] = stage.run(state)


def recall(planted: list[Report]) -> tuple[int, int, int]:
    """(planted, read, matched) figures: (kind, min, max) per sentence, compared as multisets."""
    want = got = hit = 0
    for report in planted:
        doc = analyze(report.article)
        mine = Counter((c.sentence_span, c.kind, c.min, c.max) for c in report.claims)
        read = Counter((c.sentence_span, c.kind, c.min, c.max) for c in doc.claims)
        want, got, hit = want + mine.total(), got + read.total(), hit + (mine & read).total()
    return want, got, hit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    planted = reports(args.articles, args.seed)
    articles = [r.article for r in planted]
    size = sum(len(a.text.encode()) for a in articles)
    print(f"{len(articles)} generated articles, {size / len(articles) / 1024:.1f} KB each on average "
          f"({size / 1e6:.1f} MB)")
    for a in articles[:WARM_UP]:            # load gazetteer and word lists outside the timing
        analyze(a)

    runs = [timed(lambda: [analyze(a) for a in articles]) for _ in range(args.repeats)]
    best = statistics.median(runs)
    rate = len(articles) / best
    print(f"analyze: {rate:.0f} articles/s, {size / best / 1e6:.2f} MB/s, "
          f"{best / len(articles) * 1000:.2f} ms/article "
          f"(median of {args.repeats}: {', '.join(f'{r:.1f}' for r in runs)} s)")
    print(f"target: >= {TARGET_ARTICLES_PER_S} articles/s per core: "
          f"{'met' if rate >= TARGET_ARTICLES_PER_S else 'NOT met'}")

    stages = stage_times(articles)
    total = sum(stages.values())
    print(f"time per stage (each timed alone over the same texts; together "
          f"{total / len(articles) * 1000:.2f} ms/article):")
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<10} {seconds / total:6.1%}  {seconds / len(articles) * 1000:.3f} ms/article")

    want, got, hit = recall(planted[:WARM_UP * 4])
    print(f"check on {WARM_UP * 4} articles: {hit}/{want} planted figures read back "
          f"({hit / want:.1%}), {got - hit} other claims")
    return 0


if __name__ == "__main__":
    sys.exit(main())
