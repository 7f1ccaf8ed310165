"""Grouping for the store: incidents with their members named, so that they can be matched
to the incidents already stored and kept as analysts fix them.

A member is one candidate event of one document, named ``(doc_id, part)``: ``part`` is its
index among ``rasd.incidents.events.candidates(doc)`` (a round-up gives one per place).
``clusters`` groups exactly as ``rasd.incidents.build_incidents`` does; ``reconcile`` makes
the incident of a group an analyst fixed (moved an article out, merged two incidents).

Grouping works on ``Brief``s, not Documents: a document's candidate events and the few fields
reconciliation reads, without its text, so that a store can group a large addition while
holding only these in memory; ``SharedValues`` makes the Briefs of one addition hold each
equal name, number, day and span once.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rasd.incidents import incident_of
from rasd.incidents.events import Candidate, candidates
from rasd.incidents.merge import Cluster, MergeSettings, group
from rasd.model import Document, EventDate, Incident

Member = tuple[str, int]


@dataclass(frozen=True)
class Grouped:
    members: tuple[Member, ...]
    incident: Incident


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


class SharedValues:
    """One object for each equal string, integer, day and tuple of strings and integers (a
    span) held by the Briefs it has seen, which are changed in place to use them.

    Briefs come from worker processes (unpickled) or from the store (parsed JSON), so each holds
    its own copy of every place name, country, actor, claim kind and offset it mentions: most of
    a Brief's memory. The values swapped in are equal (and of the same type) to those they
    replace, so nothing read from a Brief changes; a Brief is a value from then on, which frozen
    dataclasses promise already."""

    def __init__(self) -> None:
        self._by_type: dict[type, dict[Any, Any]] = {str: {}, int: {}, dt.date: {}, tuple: {}}
        self._fields: dict[type, tuple[str, ...] | None] = {}

    def brief(self, brief: Brief) -> Brief:
        self._fill(brief)
        return brief

    def _fill(self, obj: Any) -> None:
        for name in self._fields_of(type(obj)) or ():
            value = getattr(obj, name)
            shared = self._shared(value)
            if shared is not value:
                object.__setattr__(obj, name, shared)   # an equal value: frozen in meaning

    def _fields_of(self, kind: type) -> tuple[str, ...] | None:
        """The field names of a dataclass type, None for any other type."""
        if kind not in self._fields:
            found = getattr(kind, "__dataclass_fields__", None)
            self._fields[kind] = tuple(found) if found is not None else None
        return self._fields[kind]

    def _shared(self, value: Any) -> Any:
        kind = type(value)
        if kind is tuple:
            items = tuple(self._shared(v) for v in value)
            if all(type(v) is str or type(v) is int for v in items):   # equal means same types
                return self._by_type[tuple].setdefault(items, items)
            return value if all(a is b for a, b in zip(items, value)) else items
        table = self._by_type.get(kind)
        if table is not None:
            return table.setdefault(value, value)
        if self._fields_of(kind) is not None:
            self._fill(value)
        return value


class Candidates:
    """The documents being grouped, by doc_id, each with its candidate events."""

    def __init__(self, briefs: Iterable[Brief]):
        self.docs = {b.doc_id: b for b in briefs}

    def of(self, doc_id: str) -> tuple[Candidate, ...]:
        return self.docs[doc_id].candidates


def clusters(pool: Candidates, settings: MergeSettings) -> list[Grouped]:
    """The incidents ``build_incidents`` makes of the pool's documents, with their members."""
    everything: list[Candidate] = []
    name: dict[int, Member] = {}
    for doc_id in pool.docs:
        for part, c in enumerate(pool.of(doc_id)):
            everything.append(c)
            name[id(c)] = (doc_id, part)
    return [Grouped(tuple(name[id(c)] for c in cl.members), incident_of(cl, pool.docs))
            for cl in group(everything, settings)]


def reconcile(members: Iterable[Member], pool: Candidates, settings: MergeSettings) -> Incident:
    """The incident of a fixed group of members (earliest published first)."""
    ordered = sorted(members, key=lambda m: (pool.docs[m[0]].published or dt.date.min, m))
    cluster = Cluster(settings)
    for doc_id, part in ordered:
        c = pool.of(doc_id)[part]
        cluster.add(c, list(c.places[:settings.places_compared]))
    return incident_of(cluster, pool.docs)

