"""Grouping in a sliding window of days: the clusters ``merge.group`` makes of all reports at
once, made from reports fed one day at a time while holding only a bounded window of them.

``merge.group`` runs three passes over the reports sorted by the last day they may share
(``merge.span``): (A) each full report joins the best cluster founded within ``NEARBY_DAYS``
of its day or founds one; (B) each lone report is adopted by a cluster published on its
publication day; (C) each round-up's other event joins a cluster whose day is within
``NEARBY_DAYS`` of its own, or founds one. ``Sweep`` runs the three passes as a pipeline, each
behind the one before by as many days as can still change what it reads, so every decision
sees exactly the clusters, in the same states and order, that the whole run shows it. With
``reach`` the longest report span (last day minus first day of ``merge.span``) in the input:

- (A) a cluster founded on day F takes reports of days F..F+3 only: once the input has reached
  day F+4 it is *closed* and goes on to (B).
- (B) a lone report published on day P may be adopted by clusters founded up to day
  P + reach + 1 (a member published on P has its last day at most reach + 1 after P), so it
  waits until (A) has closed those; a cluster stops being a possible home once every lone
  report published on its publication days has been seen, which are founded at most reach + 1
  days after them. A lone report naming no place may also be adopted by clusters published
  on the days it dates its event to, P - reach at the earliest: a cluster published on day
  D >= P - reach stays a home until the reports founded by day D + reach + 1 >= P + 1 have
  passed (B), and this report is founded by day P + 1, so those homes are still there.
- (C) a cluster's day (its core's last day) is at least its founding day minus ``reach``, so a
  round-up event of day D waits until (B) has let go of every cluster founded up to day
  D + 3 + reach; a cluster is *final* once the round-up events up to 3 days after its day are
  placed, and is handed out then (with its rank in the whole run's order of output).

The window is thus ``reach`` + about two weeks of reports; ``reach`` comes from the input
(a few days for news dated "yesterday" or "the night of Tuesday to Wednesday"), so one report
spanning months widens it for the whole run but never changes the result.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from rasd.incidents.events import Candidate
from rasd.incidents.merge import DEFAULT_SETTINGS, NEARBY_DAYS, Cluster, MergeSettings, _Grouping, span

Rank = tuple[int, int]     # (pass, n): (0, n) the n-th cluster of pass A, (1, n) of pass C
_UNDATED = dt.date.min.toordinal()   # where reports with no day sort (``_Grouping.order``)
_END = float("inf")


@dataclass
class Day:
    """The reports whose last shared day is ``day`` (``dt.date.min`` for reports with no date),
    and, for each publication day and place they lead with, how many reports of the whole input
    lead with it (what ``_Grouping.order`` ranks a day's reports by)."""
    day: dt.date
    candidates: list[Candidate]
    reported: Mapping[tuple[dt.date | None, str], int]


def days_of(candidates: Iterable[Candidate], settings: MergeSettings = DEFAULT_SETTINGS) -> list[Day]:
    """Reports held in memory as the ``Day``s ``sweep`` reads, in order."""
    grouping = _Grouping(settings)
    candidates = list(candidates)
    reported = grouping.reported(candidates)
    by_day: dict[dt.date, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_day[(span(c, settings) or (dt.date.min,) * 2)[1]].append(c)
    return [Day(day, by_day[day], reported) for day in sorted(by_day)]


def reach_of(c: Candidate, settings: MergeSettings = DEFAULT_SETTINGS) -> int:
    """How many days a report spans (``merge.span``: its last shared day minus its first)."""
    days = span(c, settings)
    return 0 if days is None else (days[1] - days[0]).days


@dataclass(eq=False)
class _Held:
    cluster: Cluster
    rank: Rank
    founded: int                  # the ordinal of the day its first report was taken on
    homes_of: tuple[dt.date, ...] = ()   # the publication days it is a possible home for (B)


class Sweep:
    """One windowed run (module docstring). ``reach``: the longest report span of the input,
    in days (``reach_of``); a smaller one than the input's gives wrong groups."""

    def __init__(self, reach: int, settings: MergeSettings = DEFAULT_SETTINGS):
        self.grouping = _Grouping(settings)
        self.adoption_lag = reach + 1   # a cluster may be founded this long after a member's publication
        self.core_lag = reach           # a cluster's day may lie this long before its founding day
        self.counts = [0, 0]                                           # clusters founded in A, C
        self.by_day_a: dict[dt.date | None, list[Cluster]] = {}
        self.open_a: deque[_Held] = deque()      # founded in A, still open, by founding day
        self.closed_through: float = _UNDATED - 1   # (A) every cluster founded up to here is closed
        self.b_in: deque[_Held] = deque()        # closed in A, not yet passed by B
        self.homes: dict[dt.date, list[Cluster]] = defaultdict(list)   # possible homes by publication day
        self.b_out: deque[_Held] = deque()       # passed by B, waiting until no lone report can join
        self.c_wait: deque[tuple[int, list[Candidate]]] = deque()    # round-up events by day, in order
        self.by_day_c: dict[dt.date | None, list[Cluster]] = {}
        self.held_c: dict[Cluster, _Held] = {}
        self.fed_through: float = _UNDATED - 1   # every report up to this day has been read

    def run(self, days: Iterable[Day]) -> Iterator[tuple[Rank, Cluster]]:
        """The clusters ``merge.group`` makes of the reports of ``days`` (in increasing order),
        each with its rank in that run's list, as soon as it is final."""
        for block in days:
            today = block.day.toordinal()
            if today <= self.fed_through:
                raise ValueError(f"days out of order: {block.day} after day {self.fed_through}")
            self._close(today - NEARBY_DAYS - 1)
            yield from self._pump()
            ordered = sorted(block.candidates, key=lambda c: self.grouping.order(c, block.reported))
            for c in ordered:
                if not c.split_off:
                    self._found(self.grouping.join(c, self.by_day_a), 0, today)
            events = [c for c in ordered if c.split_off]
            if events:
                self.c_wait.append((today, events))
            self.fed_through = today
        self._close(_END)
        self.fed_through = _END
        yield from self._pump()

    def _found(self, cluster: Cluster | None, phase: int, today: int) -> None:
        if cluster is None:
            return
        held = _Held(cluster, (phase, self.counts[phase]), today)
        self.counts[phase] += 1
        if phase == 0:
            self.open_a.append(held)
        else:
            self.held_c[cluster] = held

    def _close(self, through: float) -> None:
        """(A) the clusters founded up to day ``through`` can take no more reports."""
        self.closed_through = through
        while self.open_a and self.open_a[0].founded <= through:
            held = self.open_a.popleft()
            self._drop_a_day(held)
            if len(held.cluster.members) > 1:
                held.homes_of = tuple(d for d in held.cluster.published if d is not None)
                for day in held.homes_of:
                    self.homes[day].append(held.cluster)
            self.b_in.append(held)

    def _drop_a_day(self, held: _Held) -> None:
        """The founding day's list of pass A, once its clusters are closed."""
        first = held.cluster.members[0]
        days = span(first, self.grouping.settings)
        self.by_day_a.pop(days[1] if days else None, None)

    def _pump(self) -> Iterator[tuple[Rank, Cluster]]:
        self._adopt()
        self._release()
        self._place_events()
        yield from self._emit()

    def _adopt(self) -> None:
        """(B) lone reports, in order, once every cluster that may adopt them is closed."""
        while self.b_in:
            held = self.b_in[0]
            cluster = held.cluster
            if len(cluster.members) == 1:
                c = cluster.members[0]
                if c.published is not None and c.published.toordinal() + self.adoption_lag > self.closed_through:
                    return
                if self.grouping.adopt(c, self.homes):
                    self.b_in.popleft()
                    continue
            self.b_out.append(self.b_in.popleft())

    def _release(self) -> None:
        """(B to C) clusters no lone report can join any more, in order, filed by their day."""
        passed = self.b_in[0].founded - 1 if self.b_in else self.closed_through
        while self.b_out and all(d.toordinal() + self.adoption_lag <= passed for d in self.b_out[0].homes_of):
            held = self.b_out.popleft()
            for day in held.homes_of:
                self.homes[day].remove(held.cluster)
                if not self.homes[day]:
                    del self.homes[day]
            self.by_day_c.setdefault(held.cluster.day(), []).append(held.cluster)
            self.held_c[held.cluster] = held

    def _place_events(self) -> None:
        """(C) round-up events, day by day, once every cluster they may join is let go by B."""
        released = self.b_out[0].founded - 1 if self.b_out else (
            self.b_in[0].founded - 1 if self.b_in else self.closed_through)
        while self.c_wait and self.c_wait[0][0] + NEARBY_DAYS + self.core_lag <= released:
            today, events = self.c_wait.popleft()
            for c in events:
                self._found(self.grouping.join(c, self.by_day_c), 1, today)

    def _emit(self) -> Iterator[tuple[Rank, Cluster]]:
        """Clusters no round-up event can reach any more, with their ranks."""
        placed = self.c_wait[0][0] - 1 if self.c_wait else self.fed_through
        for day in sorted(self.by_day_c, key=lambda d: d.toordinal() if d else _UNDATED):
            if (day.toordinal() if day else _UNDATED) + NEARBY_DAYS > placed:
                break
            for cluster in self.by_day_c.pop(day):
                held = self.held_c.pop(cluster)
                for c in cluster.members:
                    self.grouping.forget(c)
                yield held.rank, cluster


def sweep(days: Iterable[Day], reach: int, settings: MergeSettings = DEFAULT_SETTINGS) -> Iterator[tuple[Rank, Cluster]]:
    """``Sweep(reach, settings).run(days)``."""
    return Sweep(reach, settings).run(days)
