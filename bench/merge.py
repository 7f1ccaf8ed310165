"""Benchmark: how incident grouping (``rasd.incidents.build_incidents``) scales.

Generates 20,000 articles (bench/corpus.py, in publication order over one year) and times
``build_incidents`` on the documents of the first 10,000 (half a year) and of all 20,000
(the whole year), the median of several repeats: with as many reports per day in both,
twice the reports should take about twice the time (target: ratio < 2). A second ratio
doubles the reports per day instead (every second article of the year against all of them),
which blocking by day cannot absorb: it shows how the cost grows with coverage density.

The documents are not extracted but built from the facts the generator planted
(``Report.document()``: what a perfect extractor reads), because extracting 20,000 articles
takes minutes; the point is the merge cost. On a 2,000-article sample the planted documents
and the extracted ones group into the same incidents. The grouping's quality against the
generated incidents is printed too, so a speed-up that merges too much or too little shows.
Its precision is low by construction: about 25 incidents a day fall on some 90 towns, so
the same town is often hit twice on one day by attackers of one camp, which no reader can
tell apart (docs/grouping.md).

    .venv/bin/python bench/merge.py [--articles N] [--repeats R] [--seed S]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from itertools import combinations

from corpus import reports

from rasd.incidents import build_incidents
from rasd.model import Document, Incident

TARGET_RATIO = 2.0


def median_time(docs: list[Document], repeats: int) -> tuple[float, list[Incident]]:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        incidents = build_incidents(docs)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), incidents


def pair_scores(incidents: list[Incident], truth: dict[str, int]) -> tuple[float, float]:
    """Precision and recall of "these two reports are one incident" against the generator."""
    found = {pair for inc in incidents for pair in combinations(sorted(inc.doc_ids), 2)}
    members: dict[int, list[str]] = {}
    for doc_id in sorted(truth):
        members.setdefault(truth[doc_id], []).append(doc_id)
    true = {pair for ids in members.values() for pair in combinations(ids, 2)}
    hit = len(found & true)
    return hit / max(1, len(found)), hit / max(1, len(true))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000, help="the larger corpus")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    planted = reports(args.articles, args.seed)
    docs = [r.document() for r in planted]
    truth = {r.article.doc_id: r.incident for r in planted}
    half = args.articles // 2
    print(f"{args.articles} generated articles from {len(set(truth.values()))} incidents, "
          f"{planted[0].article.published} to {planted[-1].article.published}")

    rows = (("first half (half the days)", docs[:half]), ("all", docs),
            ("every second (half per day)", docs[::2]))
    timings = {}
    for name, subset in rows:
        seconds, incidents = median_time(subset, args.repeats)
        timings[name] = seconds
        precision, recall = pair_scores(incidents, {d.doc_id: truth[d.doc_id] for d in subset})
        generated = len({truth[d.doc_id] for d in subset})
        print(f"{name:<28} {len(subset):>6} docs: {seconds:6.2f} s ({seconds / len(subset) * 1000:.2f} ms/doc), "
              f"{len(incidents)} incidents for {generated} generated; same-incident pairs: "
              f"precision {precision:.2f}, recall {recall:.2f}")

    ratio = timings["all"] / timings["first half (half the days)"]
    print(f"ratio {args.articles} / {half} docs over twice the days: {ratio:.2f} "
          f"(target < {TARGET_RATIO:g}: {'met' if ratio < TARGET_RATIO else 'NOT met'})")
    print(f"ratio {args.articles} / {half} docs over the same days: "
          f"{timings['all'] / timings['every second (half per day)']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
