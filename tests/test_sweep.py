"""Grouping a window of days at a time (rasd.incidents.sweep, rasd.store.pool) gives exactly
the incidents of grouping everything at once.

The reports are bench/corpus.py's planted ones (what a perfect extractor reads of generated
articles), pushed closer together in time and bent by hypothesis: shuffled, publication days
moved or lost, event dates dropped, stale (weeks before publication), in the future or
spanning up to three weeks, some made a round-up's other events, several sharing one doc_id,
and the days left without reports that a subset leaves.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import random
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.export.jsonout import incident_json
from rasd.incidents import build_incidents
from rasd.incidents import sweep as sweep_module
from rasd.incidents.events import Candidate, candidates, distance_km
from rasd.incidents.merge import DEFAULT_SETTINGS, NEARBY_DAYS, Cluster, group
from rasd.incidents.sweep import Day, Sweep, days_of, reach_of, sweep
from rasd.model import Document, EventDate
from rasd.store import Store
from rasd.store.grouping import Brief
from rasd.store.pool import Pool

ROOT = Path(__file__).resolve().parents[1]
BASE = dt.date(2024, 1, 1)


@cache
def planted() -> tuple[Document, ...]:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module           # its dataclasses look their module up
    spec.loader.exec_module(module)
    return tuple(r.document() for r in module.reports(900, seed=5))


def squeezed(day: dt.date | None, factor: int) -> dt.date | None:
    """A day of the planted year brought ``factor`` times closer to the first day: more
    reports per day, so that windows hold many incidents."""
    return None if day is None else BASE + dt.timedelta(days=(day - BASE).days // factor)


def bent_dates(rng: random.Random, published: dt.date | None, date: EventDate | None,
               ) -> tuple[dt.date | None, EventDate | None]:
    """A publication day and an event date as odd reports have them."""
    if rng.random() < 0.1:
        published = None
    elif published is not None and rng.random() < 0.5:
        published += dt.timedelta(days=rng.randint(-3, 3))
    kind = rng.choice(["keep", "keep", "none", "stale", "future", "long", "shift"])
    anchor = published or (date.start if date else BASE)
    if kind == "none" or (kind == "keep" and date is None):
        return published, None
    if kind == "keep":
        return published, date
    start = {"stale": anchor - dt.timedelta(days=rng.randint(3, 40)),
             "future": anchor + dt.timedelta(days=rng.randint(2, 12)),
             "long": anchor - dt.timedelta(days=rng.randint(0, 6)),
             "shift": anchor + dt.timedelta(days=rng.randint(-2, 1))}[kind]
    length = rng.randint(0, 21) if kind == "long" else rng.randint(0, 1)
    return published, EventDate(start, start + dt.timedelta(days=length), "")


def squeezed_date(date: EventDate | None, factor: int) -> EventDate | None:
    return date and dataclasses.replace(date, start=squeezed(date.start, factor), end=squeezed(date.end, factor))


@st.composite
def bent_candidates(draw) -> list[Candidate]:
    """Candidate events of up to 150 planted reports, bent at random (hypothesis draws the
    seed, how close the days come and how many reports are round-up events, share a doc_id or
    name no place)."""
    docs = planted()
    rng = draw(st.randoms(use_true_random=False))
    factor, size = draw(st.integers(1, 30)), draw(st.integers(0, 150))
    split_share, shared_ids = draw(st.sampled_from([0.0, 0.1, 0.3])), draw(st.sampled_from([0.0, 0.1]))
    placeless = draw(st.sampled_from([0.0, 0.1]))     # statements naming no place (adopted by their dates)
    chosen = rng.sample(range(len(docs)), size)
    out = []
    for n in chosen:
        for c in candidates(docs[n]):
            published, date = bent_dates(rng, squeezed(c.published, factor), squeezed_date(c.date, factor))
            doc_id = docs[rng.choice(chosen)].doc_id if rng.random() < shared_ids else c.doc_id
            bent = dataclasses.replace(c, doc_id=doc_id, published=published, date=date,
                                       split_off=rng.random() < split_share)
            if rng.random() < placeless:
                bent = dataclasses.replace(bent, places=(), headline_places=(), pinned=False)
            out.append(bent)
    rng.shuffle(out)
    return out


def positions(ranked: Iterable[tuple[tuple[int, int], Cluster]], cands: list[Candidate]) -> list[list[int]]:
    """The sweep's clusters in the order of their ranks, each as its members' places in ``cands``."""
    position = {id(c): n for n, c in enumerate(cands)}
    return [[position[id(c)] for c in cluster.members] for _, cluster in sorted(ranked, key=lambda rc: rc[0])]


def windowed(cands: list[Candidate]) -> list[list[int]]:
    return positions(sweep(days_of(cands), max((reach_of(c) for c in cands), default=0)), cands)


def whole(cands: list[Candidate]) -> list[list[int]]:
    position = {id(c): n for n, c in enumerate(cands)}
    return [[position[id(c)] for c in cluster.members] for cluster in group(cands)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(bent_candidates())
def test_windowed_grouping_makes_the_clusters_of_grouping_at_once(cands):
    assert windowed(cands) == whole(cands)


def test_the_planted_year_groups_the_same_in_windows():
    cands = [c for d in planted() for c in candidates(d)]
    assert len(whole(cands)) > 100
    assert windowed(cands) == whole(cands)


# ---- the window's bounds, each at its edge: a window one day narrower changes the groups ----------

def report(doc_id: str, published: dt.date, start: dt.date | None = None, end: dt.date | None = None,
           split_off: bool = False, far: bool = False) -> Candidate:
    """A planted report at one town (or, ``far``, at a town 300 km away) with these dates."""
    here = candidates(planted()[0])[0]
    model = next(c for d in planted() for c in candidates(d)
                 if distance_km(c.places[0], here.places[0]) > 300) if far else here
    return dataclasses.replace(model, doc_id=doc_id, published=published, split_off=split_off,
                               date=EventDate(start, end or start, "") if start else None)


def fillers(first: dt.date, last: dt.date) -> list[Candidate]:
    """A report far away on each day, dated to its day ("اليوم": each another strike there, not
    an undated account of the day before's): the sweep moves on day by day."""
    days = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    return [dataclasses.replace(report(f"filler-{k}", day, far=True), date=EventDate(day, day, "اليوم"))
            for k, day in enumerate(days)]


def members(ranked: Iterable[tuple[tuple[int, int], Cluster]]) -> list[list[str]]:
    return [[c.doc_id for c in cl.members] for _, cl in sorted(ranked, key=lambda rc: rc[0])]


def narrower(monkeypatch, bound: str) -> None:
    """The sweep with one of its bounds a day short (the core lag: none at all)."""
    if bound == "nearby":
        monkeypatch.setattr(sweep_module, "NEARBY_DAYS", NEARBY_DAYS - 1)
        return
    real = Sweep.__init__

    def narrow(self, reach, settings=DEFAULT_SETTINGS):
        real(self, reach, settings)
        setattr(self, bound, getattr(self, bound) - 1 if bound == "adoption_lag" else 0)
    monkeypatch.setattr(Sweep, "__init__", narrow)


DAY = dt.date(2024, 3, 1)
EDGES = {   # case -> (the bound it needs, its reports)
    # a report on the third day after an incident's first report, dating it back to that day
    "A: a report joins a cluster of 3 days before": ("nearby", [
        report("first", DAY), report("second", DAY), report("later", DAY + dt.timedelta(days=3), DAY, DAY + dt.timedelta(days=3)),
        *fillers(DAY + dt.timedelta(days=4), DAY + dt.timedelta(days=12))]),
    # two reports published on DAY date the event from the next day to 7 days after (a span of
    # 6 days): their incident is founded 7 days after DAY, and a lone report of DAY joins it
    "B: a lone report joins a cluster founded reach + 1 days later": ("adoption_lag", [
        report("lone", DAY), *(report(f"long-{k}", DAY, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=7))
                               for k in range(2)),
        *fillers(DAY + dt.timedelta(days=8), DAY + dt.timedelta(days=20))]),
    # a round-up's sentence dated over 3 days joins the incident of its publication day
    "C: a round-up event joins a cluster 3 days before it": ("nearby", [
        report("first", DAY), report("second", DAY),
        report("roundup", DAY, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=3), split_off=True),
        *fillers(DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=20))]),
    # a lone report moves a cluster founded weeks later back to its own day, where a round-up's
    # sentence of the next day finds it; meanwhile another lone report keeps that cluster waiting
    "C: a round-up event joins a cluster founded weeks after it": ("core_lag", [
        report("lone", DAY), *(report(f"long-{k}", DAY, DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=12))
                               for k in range(2)),
        report("roundup", DAY, DAY + dt.timedelta(days=1), split_off=True),
        report("other", DAY + dt.timedelta(days=12), far=True),
        *fillers(DAY + dt.timedelta(days=13), DAY + dt.timedelta(days=40))]),
}


@pytest.mark.parametrize("case", list(EDGES))
def test_each_bound_of_the_window_is_needed(case, monkeypatch):
    bound, cands = EDGES[case]
    together = [[c.doc_id for c in cl.members] for cl in group(cands)]
    assert any(len(m) > 2 for m in together)             # the case does join across the edge
    reach = max(reach_of(c) for c in cands)
    assert members(sweep(days_of(cands), reach)) == together
    narrower(monkeypatch, bound)
    assert members(sweep(days_of(cands), reach)) != together


def test_days_must_come_in_order():
    cands = [c for d in planted()[:30] for c in candidates(d)]
    days = days_of(cands)
    with pytest.raises(ValueError, match="out of order"):
        list(sweep([days[1], days[0]], 0))


def test_a_day_without_reports_in_between_changes_nothing():
    cands = [c for d in planted()[:200] for c in candidates(d)]
    days = days_of(cands)
    empty = [Day(d.day + dt.timedelta(days=1), [], {}) for d in days[:-1]
             if d.day + dt.timedelta(days=1) not in {x.day for x in days}]
    both = sorted(days + empty, key=lambda d: d.day)
    with_empty = positions(sweep(both, max(reach_of(c) for c in cands)), cands)
    assert empty and with_empty == whole(cands)


# ---- the store ------------------------------------------------------------------------------

@st.composite
def bent_documents(draw) -> list[Document]:
    docs = planted()
    rng = draw(st.randoms(use_true_random=False))
    factor = draw(st.integers(2, 30))
    out = []
    for n in rng.sample(range(len(docs)), draw(st.integers(1, 60))):
        doc = docs[n]
        published, date = bent_dates(rng, squeezed(doc.published, factor), squeezed_date(doc.event_date, factor))
        out.append(dataclasses.replace(doc, published=published, event_date=date))
    rng.shuffle(out)
    return out


def stored_incidents(path: Path) -> list[dict]:
    with Store(path) as store:
        found = store.incidents()
    for inc in found:
        assert inc.pop("corrections") == [] and inc.pop("aliases") == []
    return sorted(found, key=lambda i: i["incident_id"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(bent_documents())
def test_a_store_holds_the_incidents_of_grouping_at_once(tmp_path_factory, docs):
    path = tmp_path_factory.mktemp("store") / "s.db"
    with Store(path) as store:
        store.add(docs)
    expected = sorted((json.loads(json.dumps(incident_json(i), ensure_ascii=False)) for i in build_incidents(docs)),
                      key=lambda i: i["incident_id"])
    assert stored_incidents(path) == expected


def test_the_pool_holds_a_window_of_reports_not_all(tmp_path):
    docs = planted()
    with Store(tmp_path / "s.db") as store:
        pool = Pool(store._conn, DEFAULT_SETTINGS)
        for doc in docs:
            pool.put(Brief.of(doc), fresh=True)
        groups = list(pool.groups())
    assert {d for g in groups for d, _ in g.members} == {d.doc_id for d in docs if candidates(d)}
    assert 0 < pool.most_live < len(docs) / 10
