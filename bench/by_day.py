"""The B-cubed F1 of grouping reports by publication day: the yardstick rasd's grouping must beat.

    python bench/by_day.py GOLD_INCIDENTS.jsonl OUT/docs.jsonl
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict


def bcubed_f1(gold: list[list[str]], predicted: list[list[str]]) -> float:
    """B-cubed F1 of a clustering of the gold's documents (documents outside the gold ignored)."""
    gold_of: dict[str, set[str]] = {d: set(group) for group in gold for d in group}
    pred_of: dict[str, set[str]] = {}
    for group in predicted:
        kept = {d for d in group if d in gold_of}
        pred_of.update({d: kept for d in kept})
    if not pred_of:
        return 0.0
    precision = sum(len(pred_of[d] & gold_of[d]) / len(pred_of[d]) for d in pred_of) / len(pred_of)
    recall = sum(len(pred_of.get(d, {d}) & gold_of[d]) / len(gold_of[d]) for d in gold_of) / len(gold_of)
    return 2 * precision * recall / (precision + recall)


def main(gold_path: str, docs_path: str) -> int:
    gold = [json.loads(line)["doc_ids"] for line in open(gold_path, encoding="utf-8") if line.strip()]
    by_day: dict[str, list[str]] = defaultdict(list)
    for line in open(docs_path, encoding="utf-8"):
        doc = json.loads(line)
        by_day[(doc.get("published") or "")[:10]].append(doc["doc_id"])
    print(f"grouping by publication day: articles_bcubed_f1={bcubed_f1(gold, list(by_day.values())):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
