"""Grouping candidate events across articles into incidents.

Two candidates are one incident when
- their date spans overlap ("فجر أمس" in one report, "ليل الثلاثاء – الأربعاء" in another);
  a report dated well before its publication (background, a misread weekday) is placed at
  its publication instead;
- their places agree: the same gazetteer place, places within ``SAME_PLACE_KM``, or the
  same governorate when one of them only names an area; a report that names no place
  joins the day's best-supported cluster;
- their perpetrators do not conflict: some attacker of one report is in the same camp
  (``data/camps.json``) as an attacker of the other.
Candidates are taken in date order and each joins the best-scoring cluster of nearby days
or starts a new one: blocking by day keeps the cost near-linear in the number of reports.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rasd.incidents.events import Candidate, distance_km
from rasd.model import PlaceMention

SAME_PLACE_KM = 25.0          # the tolerance ACLED users and the Airwars record use for "the same place"
STALE_DAYS = 2                # an event date this much before publication is not the report's news
PLACES_COMPARED = 3
_AREA = ("governorate", "district", "country")


def span(c: Candidate) -> tuple[dt.date, dt.date] | None:
    """The days the report puts its event on."""
    published = c.published
    if c.date is not None and (published is None or c.date.end >= published - dt.timedelta(days=STALE_DAYS)):
        return c.date.start, c.date.end
    if published is None:
        return None
    return published - dt.timedelta(days=1), published


@dataclass(eq=False)
class Cluster:
    members: list[Candidate] = field(default_factory=list)
    core: tuple[dt.date, dt.date] | None = None      # the days every member allows, when they agree

    def add(self, c: Candidate) -> None:
        self.members.append(c)
        mine = span(c)
        if self.core is None:
            self.core = mine
        elif mine is not None and (both := _overlap(self.core, mine)) is not None:
            self.core = both

    def day(self) -> dt.date | None:
        return self.core[1] if self.core else None

    def places(self) -> list[PlaceMention]:
        return [p for c in self.members for p in _anchors(c)]

    def camps(self) -> set[str]:
        return {camp_of(a) for c in self.members for a, _ in c.perpetrators}


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
    if not c.claims:
        return []
    seen: dict[str, PlaceMention] = {}
    for p in c.places:
        if p.precision != "country":
            seen.setdefault(p.gazetteer_id or p.name_en, p)
    return list(seen.values())[:PLACES_COMPARED]


def _place_score(mine: list[PlaceMention], theirs: list[PlaceMention]) -> float | None:
    """How well two sets of places agree: 1 the same place, down to 0.3 the same governorate;
    None when they name places in different areas; 0.1 when either names none."""
    if not mine or not theirs:
        return 0.1
    best: float | None = None
    for a in mine:
        for b in theirs:
            if a.gazetteer_id == b.gazetteer_id and a.gazetteer_id:
                return 1.0
            area = a.precision in _AREA or b.precision in _AREA or a.near or b.near
            d = distance_km(a, b)
            if d <= SAME_PLACE_KM:
                score = 0.5 if area else 0.9 - d / (SAME_PLACE_KM * 4)
            elif a.admin1 and a.admin1 == b.admin1 and a.country == b.country:
                score = 0.3 if area else 0.2
            else:
                continue
            best = max(best or 0.0, score)
    return best


def _score(c: Candidate, cluster: Cluster) -> float | None:
    mine, core = span(c), cluster.core
    place = _place_score(_anchors(c), cluster.places())
    if place is None:
        return None
    if mine is not None and core is not None and _overlap(mine, core) is None:
        # Two reports out the same day that put one strike on neighbouring days ("اليوم" /
        # "أمس") still meet; reports from different days of different days do not.
        adjacent = abs((mine[0] - core[1]).days) <= 1 or abs((core[0] - mine[1]).days) <= 1
        same_day = any(m.published == c.published for m in cluster.members)
        if not (adjacent and same_day and place >= 0.5):
            return None
    ours, theirs = {camp_of(a) for a, _ in c.perpetrators}, cluster.camps()
    if ours and theirs and not ours & theirs:
        return None
    return place + (0.1 if ours & theirs else 0.0) + 0.01 * min(len(cluster.members), 10)


def group(candidates: list[Candidate]) -> list[Cluster]:
    """Clusters of candidates that report the same incident."""
    ordered = sorted(candidates, key=lambda c: (span(c) or (dt.date.min, dt.date.min), c.doc_id))
    clusters: list[Cluster] = []
    by_day: dict[dt.date | None, list[Cluster]] = defaultdict(list)
    for c in ordered:
        mine = span(c)
        nearby = by_day[None] if mine is None else list(dict.fromkeys(
            cl for k in range(-3, 4) for cl in by_day[mine[1] + dt.timedelta(days=k)]))
        scored = [(s, cl) for cl in nearby if (s := _score(c, cl)) is not None]
        if scored:
            best = max(scored, key=lambda sc: sc[0])[1]
        else:
            best = Cluster()
            clusters.append(best)
            by_day[mine[1] if mine else None].append(best)
        best.add(c)
    return clusters
