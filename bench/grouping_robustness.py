"""How grouping holds up when reporting differs from the dev set: villages missing from the
gazetteer, and reports published the day after the strike. Prints articles B-cubed F1 of rasd
and of grouping by publication day, per incident year, under each condition.

Usage: python bench/grouping_robustness.py DOCS_JSONL GOLD_INCIDENTS_JSONL
(DOCS_JSONL from `rasd run` on the articles the gold incidents cite; the dev set's
`../shared/dev/airwars/incidents.jsonl` is such a gold). Conditions are deterministic: a
village is dropped, or a report moved to the next day, by a hash of its id.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable

from rasd.incidents import build_incidents
from rasd.model import Document
from rasd.store.documents import document_from_json

Groups = list[list[str]]


def _chosen(key: str, share: float) -> bool:
    return int(hashlib.md5(key.encode()).hexdigest(), 16) % 1000 < share * 1000


def without_villages(docs: list[Document], share: float) -> list[Document]:
    """The same documents as if ``share`` of the gazetteer's villages and towns were missing."""
    def kept(doc: Document) -> Document:
        places = tuple(p for p in doc.places if p.precision not in ("point", "town")
                       or not _chosen("village:" + (p.gazetteer_id or p.name_en), share))
        return dataclasses.replace(doc, places=places)
    return [kept(d) for d in docs]


def next_day(docs: list[Document], share: float) -> list[Document]:
    """The same documents with ``share`` of them published a day later (their dates, read
    against the original day, now say "yesterday")."""
    return [dataclasses.replace(d, published=d.published + dt.timedelta(days=1))
            if d.published and _chosen("day:" + d.doc_id, share) else d for d in docs]


def bcubed(gold: Groups, predicted: Groups) -> float:
    """Articles B-cubed F1 as ../shared/eval/score_incidents.py computes it."""
    gold_of: dict[str, set[str]] = defaultdict(set)
    pred_of: dict[str, set[str]] = defaultdict(set)
    for group in gold:
        for d in group:
            gold_of[d] |= set(group)
    for group in predicted:
        for d in group:
            pred_of[d] |= set(group)
    scored = [d for d in gold_of if d in pred_of]
    if not scored:
        return 0.0
    p = sum(len(pred_of[d] & gold_of[d]) / len(pred_of[d]) for d in scored) / len(scored)
    r = sum(len(pred_of[d] & gold_of[d]) / len(gold_of[d]) for d in gold_of) / len(gold_of)
    return 2 * p * r / (p + r) if p + r else 0.0


def by_publication_day(docs: Iterable[Document]) -> Groups:
    days: dict[dt.date | None, list[str]] = defaultdict(list)
    for d in docs:
        days[d.published].append(d.doc_id)
    return list(days.values())


def main(docs_path: str, gold_path: str) -> None:
    docs = [document_from_json(json.loads(line)) for line in open(docs_path, encoding="utf-8") if line.strip()]
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    years = sorted({g["incident_date"][:4] for g in gold})
    conditions: list[tuple[str, Callable[[list[Document]], list[Document]]]] = [
        ("as read", lambda ds: ds),
        ("30% of villages missing", lambda ds: without_villages(ds, 0.3)),
        ("50% of villages missing", lambda ds: without_villages(ds, 0.5)),
        ("25% of reports next day", lambda ds: next_day(ds, 0.25)),
    ]
    print(f"{'condition':<26} {'year':<5} {'rasd':>6} {'by day':>7}")
    for name, change in conditions:
        changed = change(docs)
        rasd_groups = [list(i.doc_ids) for i in build_incidents(changed)]
        day_groups = by_publication_day(changed)
        for year in years + ["all"]:
            coded = [g["doc_ids"] for g in gold if year == "all" or g["incident_date"].startswith(year)]
            cited = {d for group in coded for d in group}
            keep = lambda groups: [[d for d in g if d in cited] for g in groups]  # noqa: E731
            print(f"{name:<26} {year:<5} {bcubed(coded, keep(rasd_groups)):>6.3f} "
                  f"{bcubed(coded, keep(day_groups)):>7.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
