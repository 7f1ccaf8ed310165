"""Grouping candidate events across articles into incidents.

Two candidates are one incident when
- they are news of the same day (published the same day), or a later report puts the event
  on the cluster's days ("فجر أمس" in one report, "ليل الثلاثاء – الأربعاء" in another) at
  the same or a nearby place; a report dated well before its publication (background, a
  misread weekday) is placed at its publication instead;
- their places agree: the same gazetteer place, places within ``SAME_PLACE_KM``, or the
  same governorate when one of them only names an area; a report that names no place
  joins the day's best-supported cluster;
- their perpetrators do not conflict (attackers of different camps, ``data/camps.json``),
  unless their places agree closely.
Candidates are taken in date order and each joins the best-scoring cluster of nearby days
or starts a new one: blocking by day keeps the cost near-linear in the number of reports.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rasd.incidents.events import Candidate, coarseness, distance_km
from rasd.model import PlaceMention

SAME_PLACE_KM = 25.0          # the tolerance ACLED users and the Airwars record use for "the same place"
STALE_DAYS = 2                # an event date this much before publication is not the report's news
PLACES_COMPARED = 3
PERPETRATOR_CONFLICT = 0.6
CROSS_DAY_PLACE = 0.95        # place agreement a report from another day needs (same place or nearby)


def span(c: Candidate) -> tuple[dt.date, dt.date] | None:
    """The days the report puts its event on."""
    published = c.published
    if published is None:
        return (c.date.start, c.date.end) if c.date is not None else None
    if c.date is not None and c.date.end >= published - dt.timedelta(days=STALE_DAYS):
        return c.date.start, max(c.date.end, published)
    return published, published


@dataclass(eq=False)
class Cluster:
    """Reports of one incident; what they agree on is kept up to date as reports join, so
    scoring a new report costs the same however large the cluster has grown."""
    members: list[Candidate] = field(default_factory=list)
    core: tuple[dt.date, dt.date] | None = None      # the days every member allows, when they agree
    published: set[dt.date | None] = field(default_factory=set)
    camps: set[str] = field(default_factory=set)
    places: list[PlaceMention] = field(default_factory=list)   # the places most reports lead with
    _votes: Counter[str] = field(default_factory=Counter)
    _camp_votes: Counter[str] = field(default_factory=Counter)
    _first: dict[str, PlaceMention] = field(default_factory=dict)

    def add(self, c: Candidate) -> None:
        self.members.append(c)
        mine = span(c)
        if self.core is None:
            self.core = mine
        elif mine is not None and (both := _overlap(self.core, mine)) is not None:
            self.core = both
        self.published.add(c.published)
        # The camps most reports blame: one report naming every side must not open the
        # cluster to all of them.
        for camp in {camp_of(a) for a, _ in c.perpetrators}:
            self._camp_votes[camp] += 1
        top = max(self._camp_votes.values(), default=0)
        self.camps = {camp for camp, n in self._camp_votes.items() if 2 * n >= top}
        # The leading places by vote: the union of all would let one report naming two areas
        # bridge two incidents, and clusters would keep growing.
        for rank, p in enumerate(_anchors(c)):
            key = p.gazetteer_id or p.name_en
            self._votes[key] += PLACES_COMPARED - rank
            self._first.setdefault(key, p)
        self.places = [self._first[key] for key, _ in self._votes.most_common(PLACES_COMPARED)]

    def day(self) -> dt.date | None:
        return self.core[1] if self.core else None


@cache
def _camps() -> dict[str, str]:
    data = json.loads(resources.files("rasd.incidents").joinpath("data/camps.json").read_text("utf-8"))
    return {actor: camp for camp, actors in data["camps"].items() for actor in actors}


def camp_of(actor: str) -> str:
    """The side an actor fights on (itself when the catalog of camps does not list it)."""
    return _camps().get(actor, actor)


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date] | None:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def _anchors(c: Candidate) -> list[PlaceMention]:
    """The places that locate a report: its first named places, countries left out.

    A report that states no figure (a statement, a round-up of reactions, a page of links)
    names places for other reasons, so its places do not keep it apart from an incident.
    """
    seen: dict[str, PlaceMention] = {}
    for p in c.places:
        if p.precision != "country":
            seen.setdefault(p.gazetteer_id or p.name_en, p)
    return list(seen.values())[:PLACES_COMPARED] if c.claims else []


def _specificity(c: Candidate) -> int:
    anchors = _anchors(c)
    return min((coarseness(p) for p in anchors), default=9)


def _place_score(mine: list[PlaceMention], theirs: list[PlaceMention]) -> float | None:
    """How well two sets of places agree: 1 the same place, down to 0.2 the same governorate;
    None when they name places in different areas; 0.1 when either names none.

    When both name villages or sites, only those are compared: two villages 40 km apart are
    two events even if both reports also say "ريف إدلب" or name the province's seat."""
    if not mine or not theirs:
        return 0.1
    sharp_mine = [p for p in mine if coarseness(p) == 0]
    sharp_theirs = [p for p in theirs if coarseness(p) == 0]
    if sharp_mine and sharp_theirs:
        mine, theirs = sharp_mine, sharp_theirs
    best: float | None = None
    for a in mine:
        for b in theirs:
            area = coarseness(a) > 0 or coarseness(b) > 0      # a province, its seat, "ريف X"
            if a.gazetteer_id == b.gazetteer_id and a.gazetteer_id and not area:
                return 1.0
            d = distance_km(a, b)
            if d <= SAME_PLACE_KM:
                score = 0.5 if area else 0.9 - d / (SAME_PLACE_KM * 4)
            elif area and a.admin1 and a.admin1 == b.admin1 and a.country == b.country:
                score = 0.3
            else:
                continue
            best = max(best or 0.0, score)
    return best


def _score(c: Candidate, anchors: list[PlaceMention], cluster: Cluster) -> float | None:
    place = _place_score(anchors, cluster.places)
    if place is None:
        return None
    if c.published not in cluster.published:
        # A report from another day joins only when it puts the event on the cluster's days
        # and at its place: the next day's report of last night's strike, not the next
        # day's strike on the same town.
        mine, core = span(c), cluster.core
        if mine is None or core is None or _overlap(mine, core) is None or place < CROSS_DAY_PLACE:
            return None
    ours, theirs = {camp_of(a) for a, _ in c.perpetrators}, cluster.camps
    if ours and theirs and not ours & theirs:
        # Reports of one attack often name the other side too (a raid and the reply to it,
        # "قصف تركي" answering "قصف لقسد"): different camps keep apart only reports that
        # do not name the same place.
        place -= PERPETRATOR_CONFLICT
        if place <= 0:
            return None
    return place + (0.1 if ours & theirs else 0.0) + 0.01 * min(len(cluster.members), 10)


def group(candidates: list[Candidate]) -> list[Cluster]:
    """Clusters of candidates that report the same incident."""
    # Within a day, reports that name a village or site go first, so that they found the
    # clusters and reports naming only a province join the best of them.
    ordered = sorted(candidates, key=lambda c: ((span(c) or (dt.date.min,) * 2)[1], _specificity(c), c.doc_id))
    clusters: list[Cluster] = []
    by_day: dict[dt.date | None, list[Cluster]] = defaultdict(list)
    for c in ordered:
        mine = span(c)
        nearby = by_day[None] if mine is None else list(dict.fromkeys(
            cl for k in range(-3, 4) for cl in by_day[mine[1] + dt.timedelta(days=k)]))
        anchors = _anchors(c)
        scored = [(s, cl) for cl in nearby if (s := _score(c, anchors, cl)) is not None]
        if scored:
            best = max(scored, key=lambda sc: sc[0])[1]
        else:
            best = Cluster()
            clusters.append(best)
            by_day[mine[1] if mine else None].append(best)
        best.add(c)
    return clusters
