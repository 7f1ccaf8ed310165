"""The reports one regrouping groups, kept in temporary tables of the store's connection and
grouped a window of days at a time (``rasd.incidents.sweep``), so that an addition of any size
holds only the Briefs of the days being grouped.

Each report goes in with ``put`` (its Brief pickled, each candidate event's day and span, the
places it leads with); ``groups`` then reads the days in order, loads a report's Brief when the
first of its events comes up and lets it go when the last of its events is in a final
incident, and hands out each incident as soon as nothing can change it, with its rank in the
order ``clusters`` gives the same reports at once.
"""
from __future__ import annotations

import datetime as dt
import pickle
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from rasd.incidents import incident_of
from rasd.incidents.events import Candidate
from rasd.incidents.merge import MergeSettings, anchors, place_key, span
from rasd.incidents.sweep import Day, Rank, reach_of, sweep
from rasd.model import Incident
from rasd.store.grouping import Brief, Member

_NO_DAY = ""     # the publication day of a report without one, in the place counts


@dataclass(frozen=True)
class Group:
    """One incident of a regrouping: its rank in the order of a whole-pool grouping, its
    members, whether a member is a fresh report, and the incident."""
    rank: Rank
    members: tuple[Member, ...]
    fresh: bool
    incident: Incident


class Pool:
    """The temporary tables of one regrouping on ``conn`` (module docstring)."""

    def __init__(self, conn: sqlite3.Connection, settings: MergeSettings):
        self.conn, self.settings = conn, settings
        self.close()       # what a failed addition may have left on this connection
        for sql in ("CREATE TEMP TABLE pool (doc_id TEXT PRIMARY KEY, fresh INTEGER, brief BLOB)",
                    "CREATE TEMP TABLE pool_events (day INTEGER, doc_id TEXT, part INTEGER)",
                    "CREATE TEMP TABLE pool_places (published TEXT, place TEXT, doc_id TEXT)"):
            conn.execute(sql)
        self.reach = 0
        self.most_live = 0      # the most Briefs held at once while grouping

    def close(self) -> None:
        for table in ("pool", "pool_events", "pool_places"):
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")

    def put(self, brief: Brief, fresh: bool) -> None:
        """A report into the pool; ``fresh``: new in this addition."""
        self.conn.execute("INSERT INTO temp.pool VALUES (?,?,?)",
                          (brief.doc_id, int(fresh), pickle.dumps(brief, pickle.HIGHEST_PROTOCOL)))
        for part, c in enumerate(brief.candidates):
            self.reach = max(self.reach, reach_of(c, self.settings))
            self.conn.execute("INSERT INTO temp.pool_events VALUES (?,?,?)", (_day(c, self.settings), brief.doc_id, part))
            published = c.published.isoformat() if c.published else _NO_DAY
            self.conn.executemany("INSERT INTO temp.pool_places VALUES (?,?,?)",
                                  [(published, place_key(p), brief.doc_id) for p in anchors(c, self.settings.places_compared)])

    def remove(self, doc_id: str) -> None:
        """A report out of the pool again, if it is there (a later record of one batch replaces
        it). The reach found stays: a wider window than needed changes nothing."""
        if self.conn.execute("SELECT 1 FROM temp.pool WHERE doc_id = ?", (doc_id,)).fetchone():
            for table in ("pool", "pool_events", "pool_places"):
                self.conn.execute(f"DELETE FROM temp.{table} WHERE doc_id = ?", (doc_id,))

    def groups(self) -> Iterator[Group]:
        """The incidents of the pool's reports as ``clusters`` makes them, each once final."""
        self.conn.execute("CREATE INDEX temp.pool_events_day ON pool_events (day)")
        self.conn.execute("CREATE INDEX temp.pool_places_key ON pool_places (published, place)")
        live: dict[str, Brief] = {}
        fresh: dict[str, bool] = {}
        waiting: dict[str, int] = {}           # doc_id -> its events not yet in a final incident
        for rank, cluster in sweep(self._days(live, fresh, waiting), self.reach, self.settings):
            members = tuple((c.doc_id, c.part) for c in cluster.members)
            incident = incident_of(cluster, live)
            yield Group(rank, members, any(fresh[d] for d, _ in members), incident)
            for doc_id, _ in members:
                waiting[doc_id] -= 1
                if not waiting[doc_id]:
                    del waiting[doc_id], live[doc_id], fresh[doc_id]

    def _days(self, live: dict[str, Brief], fresh: dict[str, bool], waiting: dict[str, int]) -> Iterator[Day]:
        for day in self._each_day():
            events: list[Candidate] = []
            for doc_id, part, is_fresh, brief in self.conn.execute(
                    "SELECT doc_id, part, fresh, brief FROM temp.pool_events JOIN temp.pool USING (doc_id)"
                    " WHERE day = ? ORDER BY doc_id, part", (day,)).fetchall():
                if doc_id not in live:
                    live[doc_id], fresh[doc_id] = pickle.loads(brief), bool(is_fresh)
                    waiting[doc_id] = len(live[doc_id].candidates)
                    self.most_live = max(self.most_live, len(live))
                events.append(live[doc_id].candidates[part])
            yield Day(dt.date.fromordinal(day), events, self._counts(events))

    def _each_day(self) -> Iterator[int]:
        """The days the pool's events are grouped on, in order, read a thousand at a time."""
        last = -1
        while days := [r[0] for r in self.conn.execute(
                "SELECT DISTINCT day FROM temp.pool_events WHERE day > ? ORDER BY day LIMIT 1000", (last,))]:
            yield from days
            last = days[-1]

    def _counts(self, events: list[Candidate]) -> dict[tuple[dt.date | None, str], int]:
        """For each publication day and place the day's reports lead with, how many reports
        of the pool lead with it."""
        days = sorted({c.published.isoformat() if c.published else _NO_DAY for c in events})
        rows = self.conn.execute(f"SELECT published, place, count(*) FROM temp.pool_places WHERE published IN"
                                 f" ({','.join('?' * len(days))}) GROUP BY published, place", days)
        return {(dt.date.fromisoformat(published) if published else None, place): n for published, place, n in rows}


def _day(c: Candidate, settings: MergeSettings) -> int:
    """The day a candidate event is grouped on (the last it may share; reports with no date first)."""
    return (span(c, settings) or (dt.date.min,) * 2)[1].toordinal()
