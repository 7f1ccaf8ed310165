"""Grouping for the store: incidents with their members named, so that they can be matched
to the incidents already stored and kept as analysts fix them.

A member is one candidate event of one document, named ``(doc_id, part)``: ``part`` is its
index among ``rasd.incidents.events.candidates(doc)`` (a round-up gives one per place).
``rasd.store.pool`` groups exactly as ``rasd.incidents.build_incidents`` does, a window of
days at a time; ``reconcile`` makes the incident of a group an analyst fixed (moved an
article out, merged two incidents).

Grouping works on ``Brief``s, not Documents: a document's candidate events and the few fields
reconciliation reads, without its text, small enough to pickle into the store's staging
table and read back for the days being grouped.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from rasd.incidents import incident_of
from rasd.incidents.events import Candidate, candidates
from rasd.incidents.merge import Cluster, MergeSettings
from rasd.model import Document, EventDate, Incident

Member = tuple[str, int]


@dataclass(frozen=True)
class Brief:
    """What grouping needs of a document: its candidate events (``candidates``), its outlet
    and publication day (reconciliation ranks and counts sources by them) and its days (the
    store finds the stored reports to regroup with by them); not its text."""
    doc_id: str
    outlet: str | None
    published: dt.date | None
    event_date: EventDate | None
    candidates: tuple[Candidate, ...]

    @classmethod
    def of(cls, doc: Document) -> Brief:
        return cls(doc.doc_id, doc.outlet, doc.published, doc.event_date, tuple(candidates(doc)))


class Candidates:
    """The documents being grouped, by doc_id, each with its candidate events."""

    def __init__(self, briefs: Iterable[Brief]):
        self.docs = {b.doc_id: b for b in briefs}

    def of(self, doc_id: str) -> tuple[Candidate, ...]:
        return self.docs[doc_id].candidates


def reconcile(members: Iterable[Member], pool: Candidates, settings: MergeSettings) -> Incident:
    """The incident of a fixed group of members (earliest published first)."""
    ordered = sorted(members, key=lambda m: (pool.docs[m[0]].published or dt.date.min, m))
    cluster = Cluster(settings)
    for doc_id, part in ordered:
        c = pool.of(doc_id)[part]
        cluster.add(c, list(c.places[:settings.places_compared]))
    return incident_of(cluster, pool.docs)

