"""Grouping quality through the store: a corpus added at once, in two halves by publication
date, and in two random halves (seeded), each dumped as incidents.json for the scorer.

Usage: python bench/store_halves.py ARTICLES OUT_DIR
then, from ../shared/eval: score_incidents.py --quiet --gold ... --incidents OUT_DIR/NAME.json
"""
from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from rasd.ingest import IngestError, read_inputs
from rasd.pipeline import analyze
from rasd.store import Store


def main(articles: str, out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    docs = [analyze(a) for a in read_inputs([Path(articles)]) if not isinstance(a, IngestError)]
    by_date = sorted(docs, key=lambda d: (d.published.isoformat() if d.published else "", d.doc_id))
    shuffled = docs[:]
    random.Random(14).shuffle(shuffled)
    half = len(docs) // 2
    plans = {"at_once": [docs], "halves_by_date": [by_date[:half], by_date[half:]],
             "halves_random": [shuffled[:half], shuffled[half:]]}
    for name, batches in plans.items():
        db = out / f"{name}.db"
        for leftover in out.glob(f"{name}.db*"):
            leftover.unlink()
        started = time.perf_counter()
        with Store(db) as store:
            for batch in batches:
                store.add(batch)
            incidents = store.incidents()
        (out / f"{name}.json").write_text(json.dumps(incidents, ensure_ascii=False), encoding="utf-8")
        print(f"{name}: {len(incidents)} incidents, {time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
