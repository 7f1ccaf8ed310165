"""Grouping candidate events across articles into incidents.

Two candidates are one incident when their dates agree within a day, their places agree
(the same gazetteer place, or town-level places within ``SAME_PLACE_KM``, or a coarse
area that contains the other), and their perpetrators do not conflict. Candidates are taken
in date order and each joins the best-scoring open cluster of nearby dates, or starts a new
one: blocking by date keeps the cost near-linear in the number of articles.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rasd.incidents.events import Candidate, distance_km
from rasd.model import PlaceMention

SAME_PLACE_KM = 25.0          # scorer's and ACLED users' tolerance for "the same place"
AREA_KM = 60.0                # a governorate-level mention is compatible this far
DATE_SLACK = dt.timedelta(days=1)
PLACES_COMPARED = 3


@dataclass
class Cluster:
    members: list[Candidate] = field(default_factory=list)

    def day(self) -> dt.date | None:
        days = Counter(d for c in self.members if (d := _day(c)) is not None)
        return days.most_common(1)[0][0] if days else None

    def places(self) -> list[PlaceMention]:
        return [p for c in self.members for p in c.places[:PLACES_COMPARED]]

    def perpetrators(self) -> set[str]:
        return {a for c in self.members for a, certainty in c.perpetrators[:1] if certainty == "stated"}


def _day(c: Candidate) -> dt.date | None:
    if c.date is not None:
        return c.date.start
    return c.published


def _dates_agree(c: Candidate, cluster: Cluster) -> bool:
    day = cluster.day()
    mine = _day(c)
    if day is None or mine is None:
        return day is None and mine is None
    end = c.date.end if c.date is not None else mine
    return mine - DATE_SLACK <= day <= end + DATE_SLACK


def _place_score(mine: tuple[PlaceMention, ...], theirs: list[PlaceMention]) -> float | None:
    """1.0 for the same place, less as they get further apart, None when they disagree."""
    if not mine or not theirs:
        return 0.2
    best: float | None = None
    for a in mine[:PLACES_COMPARED]:
        for b in theirs:
            if a.gazetteer_id == b.gazetteer_id and a.name_en == b.name_en:
                return 1.0
            coarse = a.precision in ("governorate", "district") or b.precision in ("governorate", "district") \
                or a.near or b.near
            reach = AREA_KM if coarse else SAME_PLACE_KM
            d = distance_km(a, b)
            if d <= reach:
                score = (0.3 if coarse else 0.8) * (1 - d / (reach * 2))
                best = max(best or 0.0, score)
    return best


def _score(c: Candidate, cluster: Cluster) -> float | None:
    if not _dates_agree(c, cluster):
        return None
    place = _place_score(c.places, cluster.places())
    if place is None:
        return None
    mine = {a for a, certainty in c.perpetrators[:1] if certainty == "stated"}
    theirs = cluster.perpetrators()
    if mine and theirs and not mine & theirs:
        return None
    same_day = 0.2 if _day(c) == cluster.day() else 0.0
    return place + same_day + (0.1 if mine & theirs else 0.0)


def group(candidates: list[Candidate]) -> list[Cluster]:
    """Clusters of candidates that report the same incident."""
    ordered = sorted(candidates, key=lambda c: (_day(c) or dt.date.min, c.doc_id))
    clusters: list[Cluster] = []
    by_day: dict[dt.date | None, list[Cluster]] = defaultdict(list)
    for c in ordered:
        day = _day(c)
        nearby = by_day[None] if day is None else [
            cl for k in (-2, -1, 0, 1, 2) for cl in by_day[day + dt.timedelta(days=k)]]
        scored = [(s, cl) for cl in nearby if (s := _score(c, cl)) is not None]
        if not c.places and len(scored) > 1:
            scored = []                  # a placeless report on a busy day: no way to tell which
        if scored:
            best = max(scored, key=lambda sc: sc[0])[1]
            best.members.append(c)
        else:
            best = Cluster([c])
            clusters.append(best)
            by_day[day].append(best)
    return clusters
