"""The store: one SQLite file that grows with every ``rasd add`` and keeps analysts' corrections.

- Every ``add`` is one transaction (WAL journal): a crash or kill leaves the file as it was
  before or with the whole addition.
- An article already stored with the same text is skipped; the same ``doc_id`` with another
  text is a new version of the article: it replaces the old one and its incident is regrouped.
- New reports are grouped together with the stored reports of their days (their dates plus or
  minus ``WINDOW_DAYS``, and the whole incidents those belong to), exactly as
  ``build_incidents`` groups, a window of days at a time (``rasd.store.pool``: the Briefs wait
  pickled in temporary tables, so memory does not grow with the addition); only the incidents
  connected to a new report are replaced (the closure of "shares a report with"), all others
  stay as they are. Each regrouped incident
  takes the id of the oldest stored incident it shares most reports with; an id that loses out
  becomes an alias of the incident holding most of its reports; the rest get new ids, unique
  in the store (a suffix on a clash).
- Corrections are stored with who/when/why. Field corrections are laid over the incident
  whenever it is written (``incidents.json`` holds the corrected incident, ``machine_json`` the
  uncorrected one); moves and merges are replayed after every regroup, so a later ``add`` never
  undoes them.
"""
from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasd.export.jsonout import incident_json
from rasd.incidents.merge import DEFAULT_SETTINGS, MergeSettings
from rasd.model import Document
from rasd.store import corrections as fixes
from rasd.store.documents import StoredDocument, document_from_json, stored_document
from rasd.store.grouping import Brief, Candidates, Member, reconcile
from rasd.store.pool import Pool
from rasd.store.schema import migrate

__all__ = ["AddResult", "DocumentHeaders", "IncidentFilter", "Selected", "Store", "StoredDocument", "build",
           "document_from_json", "stored_document"]

# Reports this many days apart can be grouped (the grouping looks 3 days around a report's
# day, and a report's days run from its event date, up to ``stale_days`` before publication,
# to a day after publication): stored reports within it are regrouped with the new ones.
WINDOW_DAYS = 7


@dataclass(frozen=True)
class IncidentFilter:
    date_from: dt.date | None = None   # incident date.start >= date_from
    date_to: dt.date | None = None     # incident date.end <= date_to
    admin1: str | None = None          # location admin1 (English), case-insensitive
    perpetrator: str | None = None     # an actor among perpetrator[].actor
    grade: str | None = None
    min_killed: int | None = None      # killed.best >= min_killed


@dataclass
class AddResult:
    added: list[str] = field(default_factory=list)       # doc_ids stored for the first time
    replaced: list[str] = field(default_factory=list)    # doc_ids stored again with another text
    skipped: list[str] = field(default_factory=list)     # doc_ids already stored with this text
    created: list[str] = field(default_factory=list)     # incident ids new in the store
    updated: list[str] = field(default_factory=list)     # stored incident ids regrouped
    aliased: dict[str, str] = field(default_factory=dict)   # id -> the incident it was merged into


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """One store file; see the module docstring."""

    def __init__(self, path: str | os.PathLike, clock: Callable[[], str] | None = None,
                 any_thread: bool = False):
        """``clock`` gives the time stamps written with additions and corrections (now, by
        default); a fixed clock makes a store built from the same articles byte-identical.
        ``any_thread`` lets a thread other than the opening one use the store (a web server
        running in its own thread), one thread at a time: the caller sees to that."""
        self.path = Path(path)
        self._now = clock or _now
        self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30,
                                     check_same_thread=not any_thread)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        migrate(self._conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # ---- reading -------------------------------------------------------------------------

    def incidents(self, where: IncidentFilter | None = None) -> list[dict]:
        """Incidents (corrections applied), ordered by date (undated last), the most reported of
        a day first, then id."""
        return list(self.selected(where))

    def selected(self, where: IncidentFilter | None = None) -> Selected:
        """The incidents ``incidents(where)`` lists, read from the database as they are used (an
        export of a large store holds one at a time) and counted without being read."""
        return Selected(self, where or IncidentFilter())

    def _each_incident(self, where: IncidentFilter) -> Iterator[dict]:
        condition, args = _condition(where)
        rows = self._conn.execute(f"SELECT json FROM incidents WHERE {condition} ORDER BY date_start IS NULL,"
                                  " date_start, json_array_length(incidents.json, '$.doc_ids') DESC, id", args)
        for row in rows:
            yield self._with_aliases(json.loads(row[0]))

    def _count_incidents(self, where: IncidentFilter) -> int:
        condition, args = _condition(where)
        return self._conn.execute(f"SELECT count(*) FROM incidents WHERE {condition}", args).fetchone()[0]

    def incident(self, incident_id: str) -> dict | None:
        """The incident with this id, or the one it was merged into."""
        row = self._conn.execute("SELECT json FROM incidents WHERE id = ?",
                                 (self._resolve(incident_id),)).fetchone()
        return self._with_aliases(json.loads(row["json"])) if row else None

    def documents(self, doc_ids: Iterable[str]) -> list[dict]:
        """The stored document dicts, in the order asked (unknown ids left out)."""
        out = []
        for doc_id in doc_ids:
            row = self._conn.execute("SELECT json FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if row:
                out.append(json.loads(row["json"]))
        return out

    def headers(self, where: IncidentFilter | None = None) -> DocumentHeaders:
        """The stored documents' doc_id, outlet, published, title and url (what the exports read
        of an article) by doc_id: every document's, or those of the incidents ``where`` selects."""
        return DocumentHeaders(self._conn, where)

    def _with_aliases(self, inc: dict) -> dict:
        inc["aliases"] = [r[0] for r in self._conn.execute(
            "SELECT alias FROM aliases WHERE incident_id = ? ORDER BY alias", (inc["incident_id"],))]
        return inc

    def _resolve(self, incident_id: str) -> str:
        row = self._conn.execute("SELECT incident_id FROM aliases WHERE alias = ?", (incident_id,)).fetchone()
        return row[0] if row else incident_id

    def _active(self, incident_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone() is not None

    def _members(self, incident_id: str) -> list[Member]:
        return [(r[0], r[1]) for r in self._conn.execute(
            "SELECT doc_id, part FROM incident_docs WHERE incident_id = ? ORDER BY doc_id, part", (incident_id,))]

    def _load_docs(self, doc_ids: Iterable[str]) -> list[Brief]:
        """The stored documents' Briefs (each Document read, then let go)."""
        return [Brief.of(document_from_json(d)) for d in self.documents(sorted(set(doc_ids)))]

    # ---- adding --------------------------------------------------------------------------

    def add(self, docs: Iterable[Document | StoredDocument],
            settings: MergeSettings = DEFAULT_SETTINGS) -> AddResult:
        """Store the documents and group them with the stored incidents, in one transaction.

        The documents go into the database as they come (a staging table of this connection,
        and the Briefs of those new or changed into the grouping pool, pickled), and grouping
        reads them back a window of days at a time: a large addition holds neither the
        articles nor their Briefs."""
        result = AddResult()
        with self._transaction():
            pool = Pool(self._conn, settings)
            self._stage(docs, pool)
            for doc_id, staged_sha1 in self._conn.execute("SELECT doc_id, text_sha1 FROM temp.staged ORDER BY seq"):
                row = self._conn.execute("SELECT version, text_sha1 FROM documents WHERE doc_id = ?",
                                         (doc_id,)).fetchone()
                if row and row["text_sha1"] == staged_sha1:
                    result.skipped.append(doc_id)
                    continue
                (result.replaced if row else result.added).append(doc_id)
                self._write_document(doc_id, row["version"] + 1 if row else 1)
            if result.added or result.replaced:
                _Regroup(self, set(result.replaced), settings, result).run(pool)
            pool.close()
            self._conn.execute("DROP TABLE temp.staged")
        return result

    def _stage(self, docs: Iterable[Document | StoredDocument], pool: Pool) -> None:
        """Each document's row into the staging table, in the order they count (``seq``): a
        doc_id twice in one batch, the last one counts (and takes its place); the Brief of a
        document not stored with this text (``fresh``) into ``pool``."""
        self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS staged (doc_id TEXT PRIMARY KEY, text_sha1 TEXT,"
                           " outlet TEXT, published TEXT, title TEXT, url TEXT, day_first TEXT, day_last TEXT,"
                           " json TEXT, seq INTEGER, fresh INTEGER)")
        self._conn.execute("DELETE FROM temp.staged")
        for seq, doc in enumerate(docs):
            ready = doc if isinstance(doc, StoredDocument) else stored_document(doc)
            days = ready.days or (None, None)
            fresh = self._conn.execute("SELECT 1 FROM documents WHERE doc_id = ? AND text_sha1 = ?",
                                       (ready.doc_id, ready.text_sha1)).fetchone() is None
            self._conn.execute("INSERT OR REPLACE INTO temp.staged VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                               (ready.doc_id, ready.text_sha1, ready.brief.outlet, ready.published,
                                ready.title, ready.url, days[0], days[1], ready.json, seq, int(fresh)))
            pool.remove(ready.doc_id)
            if fresh:
                pool.put(ready.brief, fresh=True)

    def _write_document(self, doc_id: str, version: int) -> None:
        """The staged document ``doc_id`` into the store, with its claims."""
        self._conn.execute("DELETE FROM claims WHERE doc_id = ?", (doc_id,))
        self._conn.execute(
            "INSERT INTO documents (doc_id, version, text_sha1, outlet, published, title, url,"
            " day_first, day_last, added_at, json) SELECT doc_id, ?, text_sha1, outlet, published, title, url,"
            " day_first, day_last, ?, json FROM temp.staged WHERE doc_id = ?"
            " ON CONFLICT (doc_id) DO UPDATE SET version=excluded.version, text_sha1=excluded.text_sha1,"
            " outlet=excluded.outlet, published=excluded.published, title=excluded.title, url=excluded.url,"
            " day_first=excluded.day_first, day_last=excluded.day_last, added_at=excluded.added_at,"
            " json=excluded.json",
            (version, self._now(), doc_id))
        data = json.loads(self._conn.execute("SELECT json FROM temp.staged WHERE doc_id = ?", (doc_id,)).fetchone()[0])
        self._conn.executemany(
            "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, n, c["kind"], c["min"], c["max"], c["qualifier"], c["group"], c["group_kind"],
              c["source"]["text"], c["source"]["kind"], c["denial"], c["span"][0], c["span"][1], c["sentence"])
             for n, c in enumerate(data["claims"])])

    # ---- correcting ----------------------------------------------------------------------

    def correct(self, incident_id: str, field: str, value: Any, who: str, why: str) -> None:
        """Set one field of an incident by hand (see ``rasd.store.corrections.FIELDS``)."""
        value = fixes.normalized(field, value)
        with self._transaction():
            target = self._existing(incident_id)
            shown = json.loads(self._conn.execute("SELECT json FROM incidents WHERE id = ?", (target,)).fetchone()[0])
            self._record(target, field, value, who, why,
                         old=json.dumps(fixes.current(field, shown), ensure_ascii=False))
            self._materialize(target)

    def move_article(self, doc_id: str, incident_id_from: str, who: str, why: str,
                     settings: MergeSettings = DEFAULT_SETTINGS) -> str:
        """Take an article out of an incident into an incident of its own; its id."""
        with self._transaction():
            source = self._existing(incident_id_from)
            moved = [m for m in self._members(source) if m[0] == doc_id]
            if not moved:
                raise KeyError(f"{doc_id} is not in incident {incident_id_from}")
            if len(moved) == len(self._members(source)):
                raise ValueError(f"{doc_id} is the only article of {incident_id_from}: nothing to move it out of")
            pool = Candidates(self._load_docs([doc_id]))
            new_id = self._unique_id(reconcile(moved, pool, settings).incident_id, set())
            self._record(source, "move", {"doc_id": doc_id, "to": new_id}, who, why)
            _Regroup(self, set(), settings, AddResult()).replay_and_write({source})
            return new_id

    def merge_incidents(self, keep_id: str, other_id: str, who: str, why: str,
                        settings: MergeSettings = DEFAULT_SETTINGS) -> None:
        """Make two incidents one, under ``keep_id``; ``other_id`` becomes its alias."""
        with self._transaction():
            keep, other = self._existing(keep_id), self._existing(other_id)
            if keep == other:
                raise ValueError(f"{keep_id} and {other_id} are already one incident")
            self._record(keep, "merge", {"other": other, "members": self._members(other)}, who, why)
            _Regroup(self, set(), settings, AddResult()).replay_and_write({keep, other})

    def _existing(self, incident_id: str) -> str:
        resolved = self._resolve(incident_id)
        if not self._active(resolved):
            raise KeyError(f"no incident {incident_id!r} in {self.path}")
        return resolved

    def _record(self, incident_id: str, field: str, value: Any, who: str, why: str, old: str | None = None) -> None:
        """Store a correction; ``old``: the JSON of the value it replaces (none for moves and merges)."""
        if not who.strip() or not why.strip():
            raise ValueError("a correction needs who made it and why")
        self._conn.execute(
            "INSERT INTO corrections (incident_id, field, value, old, who, at, why) VALUES (?,?,?,?,?,?,?)",
            (incident_id, field, json.dumps(value, ensure_ascii=False), old, who, self._now(), why))

    def _corrections(self, incident_id: str) -> list[dict]:
        """The corrections of an incident and of every id merged into it, oldest first."""
        ids = [incident_id] + [r[0] for r in self._conn.execute(
            "SELECT alias FROM aliases WHERE incident_id = ?", (incident_id,))]
        rows = self._conn.execute(
            f"SELECT * FROM corrections WHERE incident_id IN ({','.join('?' * len(ids))}) "
            "OR (field = 'move' AND json_extract(value, '$.to') = ?) ORDER BY id", ids + [incident_id])
        return [{"field": r["field"], "value": json.loads(r["value"]),
                 **({} if r["old"] is None else {"old": json.loads(r["old"])}),
                 "who": r["who"], "when": r["at"], "why": r["why"], "incident_id": r["incident_id"]} for r in rows]

    def _structural(self) -> list[dict]:
        return [{"id": r["id"], "incident_id": r["incident_id"], "field": r["field"], "value": json.loads(r["value"])}
                for r in self._conn.execute(
                    "SELECT * FROM corrections WHERE field IN ('move', 'merge') ORDER BY id")]

    def _materialize(self, incident_id: str) -> None:
        """Lay the corrections over the machine incident and refresh the key columns."""
        row = self._conn.execute("SELECT machine_json FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        inc = fixes.applied(json.loads(row[0]), self._corrections(incident_id))
        location = inc.get("location") or {}
        figure = lambda name, key: (inc.get(name) or {}).get(key)  # noqa: E731
        date = inc.get("date") or {}
        self._conn.execute(
            "UPDATE incidents SET date_start=?, date_end=?, event_type=?, sub_event_type=?, admin1=?,"
            " location_name=?, location_name_ar=?, location_lat=?, location_lon=?, killed_low=?, killed_best=?,"
            " killed_high=?, civilians_killed_low=?, civilians_killed_best=?, civilians_killed_high=?,"
            " injured_best=?, grade=?, perpetrators=?, doc_count=?, corrected=?, json=? WHERE id=?",
            (date.get("start"), date.get("end"), inc.get("event_type"), inc.get("sub_event_type"),
             location.get("admin1") or _first_admin1(inc), location.get("name_en"), location.get("name_ar"),
             location.get("lat"), location.get("lon"),
             figure("killed", "low"), figure("killed", "best"), figure("killed", "high"),
             figure("civilians_killed", "low"), figure("civilians_killed", "best"),
             figure("civilians_killed", "high"), figure("injured", "best"), inc.get("grade"),
             "; ".join(p["actor"] for p in inc.get("perpetrator") or []), len(inc.get("doc_ids") or []),
             int(bool(inc["corrections"])), json.dumps(inc, ensure_ascii=False), incident_id))

    def _unique_id(self, base: str, taken: set[str]) -> str:
        """``base``, or ``base-2``, ``base-3``... : the first not used in the store (nor in ``taken``)."""
        candidate, n = base, 1
        while (candidate in taken or self._active(candidate)
               or self._conn.execute("SELECT 1 FROM aliases WHERE alias = ?", (candidate,)).fetchone()):
            n += 1
            candidate = f"{base}-{n}"
        return candidate


def _condition(where: IncidentFilter) -> tuple[str, list[Any]]:
    """The SQL condition on the ``incidents`` table that ``where`` asks for, and its arguments."""
    sql, args = ["1"], []
    if where.date_from:
        sql.append("AND incidents.date_start >= ?"), args.append(where.date_from.isoformat())
    if where.date_to:
        sql.append("AND incidents.date_end <= ?"), args.append(where.date_to.isoformat())
    if where.admin1:
        sql.append("AND lower(incidents.admin1) = lower(?)"), args.append(where.admin1)
    if where.perpetrator:
        sql.append("AND EXISTS (SELECT 1 FROM json_each(incidents.json, '$.perpetrator') p "
                   "WHERE lower(json_extract(p.value, '$.actor')) = lower(?))")
        args.append(where.perpetrator)
    if where.grade:
        sql.append("AND incidents.grade = ?"), args.append(where.grade)
    if where.min_killed is not None:
        sql.append("AND incidents.killed_best >= ?"), args.append(where.min_killed)
    return " ".join(sql), args


class Selected:
    """The incidents a filter selects (``Store.selected``): each pass over it reads them from
    the database in order, one at a time; ``len`` counts them there."""

    def __init__(self, store: Store, where: IncidentFilter):
        self._store, self._where = store, where

    def __iter__(self) -> Iterator[dict]:
        return self._store._each_incident(self._where)

    def __len__(self) -> int:
        return self._store._count_incidents(self._where)


class DocumentHeaders(Mapping[str, dict]):
    """doc_id -> the document's doc_id, outlet, published, title and url, read from the store
    when asked (the last few thousand kept): every stored document, or (``where``) those of the
    incidents it selects. An export looks up an incident's reports as it writes the incident."""

    _COLUMNS = "documents.doc_id, documents.outlet, documents.published, documents.title, documents.url"

    def __init__(self, conn: sqlite3.Connection, where: IncidentFilter | None):
        self._conn = conn
        if where is None:
            self._from, self._args = "documents WHERE 1", []
        else:
            condition, args = _condition(where)
            self._from = (f"documents WHERE documents.doc_id IN (SELECT incident_docs.doc_id FROM incident_docs"
                          f" JOIN incidents ON incidents.id = incident_docs.incident_id WHERE {condition})")
            self._args = args
        self._header = lru_cache(maxsize=4096)(self._read)

    def _read(self, doc_id: str) -> dict | None:
        row = self._conn.execute(f"SELECT {self._COLUMNS} FROM {self._from} AND documents.doc_id = ?",
                                 [*self._args, doc_id]).fetchone()
        return None if row is None else dict(row)

    def __getitem__(self, doc_id: str) -> dict:
        header = self._header(doc_id)
        if header is None:
            raise KeyError(doc_id)
        return header

    def __iter__(self) -> Iterator[str]:
        for row in self._conn.execute(f"SELECT documents.doc_id FROM {self._from} ORDER BY documents.doc_id",
                                      self._args):
            yield row[0]

    def __len__(self) -> int:
        return self._conn.execute(f"SELECT count(*) FROM {self._from}", self._args).fetchone()[0]


def _first_admin1(inc: dict) -> str | None:
    """Without a chosen location, the governorate of the incident's first place."""
    return next((p.get("admin1") for p in inc.get("places") or [] if p.get("admin1")), None)


def _union(windows: Iterable[tuple[dt.date, dt.date]]) -> Iterator[tuple[dt.date, dt.date]]:
    """Day windows, in order of their first days, with overlapping (or touching) ones joined:
    the same days, fewer windows."""
    joined: tuple[dt.date, dt.date] | None = None
    for lo, hi in windows:
        if joined and lo <= joined[1] + dt.timedelta(days=1):
            joined = (joined[0], max(joined[1], hi))
        else:
            if joined:
                yield joined
            joined = (lo, hi)
    if joined:
        yield joined


@dataclass(frozen=True)
class _Made:
    """A regrouped incident waiting in ``temp.made``: its members, whether one is a new
    report, the id grouping gave it, and its row."""
    members: tuple[Member, ...]
    fresh: bool
    base_id: str
    row: int


class _Taken:
    """Ids a new incident may not take: ``fixed`` ones, and those already given in ``temp.made``."""

    def __init__(self, conn: sqlite3.Connection, fixed: set[str]):
        self.conn, self.fixed = conn, fixed

    def __contains__(self, inc_id: object) -> bool:
        return inc_id in self.fixed or self.conn.execute(
            "SELECT 1 FROM temp.made WHERE name = ?", (inc_id,)).fetchone() is not None


def _renamed(machine: str, base_id: str, inc_id: str) -> str:
    """The JSON text of an incident (``incident_json``, id first) under another id: the same
    text ``json.dumps`` gives the incident with that id, without parsing it again."""
    before, after = (f'{{"incident_id": {json.dumps(i, ensure_ascii=False)}' for i in (base_id, inc_id))
    if not machine.startswith(before):
        raise ValueError(f"not the JSON of incident {base_id}")
    return after + machine[len(before):]


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """``items`` in pieces small enough for one SQL ``IN (...)``."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Regroup:
    """One regrouping inside a store transaction (see the module docstring)."""

    def __init__(self, store: Store, replaced: set[str], settings: MergeSettings, result: AddResult):
        self.store, self.conn = store, store._conn
        self.replaced, self.settings, self.result = replaced, settings, result
        self.groups: dict[str, list[Member]] = {}      # id -> members, for the incidents rewritten from memory
        self.made: dict[tuple[Member, ...], int] = {}  # members -> the row of temp.made holding the incident
        self.aliases: dict[str, str] = {}              # ids that stop being incidents -> where they went
        self.dropped: set[str] = set()                 # stored ids replaced by this regroup
        self.minted: set[str] = set()                  # ids new in this regroup held in memory
        self.pool = Candidates([])                     # Briefs of reshaped groups, read when written
        self.streamed = False                          # whether temp.made holds incidents written from it

    def run(self, pool: Pool) -> None:
        """Group the fresh reports (in ``pool``) with their stored neighbourhood, a window of days at
        a time. The incidents wait in ``temp.made``; only those that share a report with a
        stored incident (``linked``) or that a correction names are taken into memory, to be
        matched to the stored ones; the rest are named and written straight from the table."""
        stored = self._stored_neighbourhood()
        old_tokens = {self._token(m) for members in stored["members"].values() for m in members}
        for brief in self.store._load_docs(stored["docs"] - self.replaced):
            pool.put(brief, fresh=False)
        for table in ("made", "made_docs"):
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        self.conn.execute("CREATE TEMP TABLE made (phase INTEGER, n INTEGER, members TEXT, fresh INTEGER,"
                          " linked INTEGER, chosen INTEGER DEFAULT 0, base_id TEXT, name TEXT, minted INTEGER DEFAULT 0,"
                          " machine TEXT)")
        self.conn.execute("CREATE TEMP TABLE made_docs (doc_id TEXT, row INTEGER)")   # read for corrections only
        corrected = bool(self.store._structural())
        for g in pool.groups():
            row = self.conn.execute(
                "INSERT INTO temp.made (phase, n, members, fresh, linked, base_id, machine) VALUES (?,?,?,?,?,?,?)",
                (*g.rank, json.dumps(g.members), int(g.fresh), int(any(self._token(m) in old_tokens for m in g.members)),
                 g.incident.incident_id, json.dumps(incident_json(g.incident), ensure_ascii=False))).lastrowid
            if corrected:
                self.conn.executemany("INSERT INTO temp.made_docs VALUES (?,?)", [(d, row) for d in {d for d, _ in g.members}])
        for sql in ("CREATE INDEX temp.made_rank ON made (phase, n)", "CREATE INDEX temp.made_name ON made (name)",
                    "CREATE INDEX temp.made_docs_doc ON made_docs (doc_id)"):
            self.conn.execute(sql)
        self.streamed = True
        linked = [_Made(tuple(map(tuple, json.loads(members))), bool(fresh), base_id, rowid)
                  for rowid, members, fresh, base_id in self.conn.execute(
                      "SELECT rowid, members, fresh, base_id FROM temp.made WHERE linked ORDER BY phase, n")]
        chosen, touched = self._closure(linked, stored["members"])
        self._name(chosen, touched, stored["members"], stored["created"])
        self._take_corrected()
        self.replay_and_write(set())
        for table in ("made", "made_docs"):
            self.conn.execute(f"DROP TABLE temp.{table}")

    def _stored_neighbourhood(self) -> dict[str, Any]:
        """The stored reports of the new reports' days (not the new reports themselves), with
        every incident they belong to (whole, and what those incidents' reports belong to,
        until nothing new comes in); a replaced report counts, for its old incident."""
        docs: set[str] = set()
        not_fresh = "AND doc_id NOT IN (SELECT doc_id FROM temp.staged WHERE fresh = 1)"
        windows = self.conn.execute("SELECT day_first, day_last FROM temp.staged WHERE fresh = 1"
                                    " AND day_first IS NOT NULL ORDER BY day_first")
        spans = ((dt.date.fromisoformat(lo) - dt.timedelta(WINDOW_DAYS),
                  dt.date.fromisoformat(hi) + dt.timedelta(WINDOW_DAYS)) for lo, hi in windows)
        for lo, hi in list(_union(spans)):     # one query per run of overlapping windows, not per report
            docs |= {r[0] for r in self.conn.execute(
                f"SELECT doc_id FROM documents WHERE day_first <= ? AND day_last >= ? {not_fresh}",
                (hi.isoformat(), lo.isoformat()))}
        if self.conn.execute("SELECT 1 FROM temp.staged WHERE fresh = 1 AND day_first IS NULL").fetchone():
            docs |= {r[0] for r in self.conn.execute(f"SELECT doc_id FROM documents WHERE day_first IS NULL {not_fresh}")}
        docs |= self.replaced
        incidents: set[str] = set()
        frontier = set(docs)
        while frontier:
            found = self._incidents_of(frontier) - incidents
            incidents |= found
            frontier = {m[0] for i in found for m in self.store._members(i)} - docs
            docs |= frontier
        members = {i: self.store._members(i) for i in incidents}
        created = {r[0]: r[1] for r in self.conn.execute(
            f"SELECT id, created FROM incidents WHERE id IN ({','.join('?' * len(incidents))})", sorted(incidents))}
        return {"docs": docs, "members": members, "created": created}

    def _incidents_of(self, doc_ids: set[str]) -> set[str]:
        out: set[str] = set()
        ids = sorted(doc_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            out |= {r[0] for r in self.conn.execute(
                f"SELECT DISTINCT incident_id FROM incident_docs WHERE doc_id IN ({','.join('?' * len(chunk))})", chunk)}
        return out

    def _token(self, m: Member) -> tuple[str, int | None]:
        """A member for matching old and new groups: a replaced article's events are renumbered,
        so they match as the article."""
        return (m[0], None) if m[0] in self.replaced else m

    def _closure(self, regrouped: list[_Made], old: dict[str, list[Member]]) -> tuple[list[_Made], set[str]]:
        """Of the regrouped incidents sharing a report with a stored one, those holding a new
        report and every one connected to them through a stored incident they share a report
        with; those stored incidents. (Every other regrouped incident holding a new report is
        chosen too, and connects to nothing stored.)"""
        old_of: dict[tuple, set[str]] = defaultdict(set)
        for inc_id, members in old.items():
            for m in members:
                old_of[self._token(m)].add(inc_id)
        new_of: dict[tuple, set[int]] = defaultdict(set)
        for n, g in enumerate(regrouped):
            for m in g.members:
                new_of[self._token(m)].add(n)
        chosen = {n for n, g in enumerate(regrouped) if g.fresh}
        touched = {i for i, members in old.items() if any(m[0] in self.replaced for m in members)}
        while True:
            more_old = {i for n in chosen for m in regrouped[n].members for i in old_of[self._token(m)]} - touched
            touched |= more_old
            more_new = {n for i in touched for m in old[i] for n in new_of[self._token(m)]} - chosen
            chosen |= more_new
            if not more_old and not more_new:
                return [regrouped[n] for n in sorted(chosen)], touched

    def _name(self, chosen: list[_Made], touched: set[str], old: dict[str, list[Member]],
              created: dict[str, int]) -> None:
        """Old ids to the regrouped incidents they share most reports with, oldest first; the
        other chosen incidents, in the order grouping made them, the id grouping gave them, made
        unique (written into ``temp.made``)."""
        holders: dict[tuple, set[int]] = defaultdict(set)
        for n, g in enumerate(chosen):
            for m in g.members:
                holders[self._token(m)].add(n)
        overlap = {i: [0] * len(chosen) for i in touched}
        for inc_id in touched:
            for token in {self._token(m) for m in old[inc_id]}:
                for n in holders[token]:
                    overlap[inc_id][n] += 1
        named: dict[int, str] = {}
        lost: list[str] = []
        for inc_id in sorted(touched, key=lambda i: (created[i], i)):
            free = [n for n in range(len(chosen)) if n not in named and overlap[inc_id][n] > 0]
            if free:
                named[max(free, key=lambda n: (overlap[inc_id][n], -n))] = inc_id
            else:
                lost.append(inc_id)
        for n, g in enumerate(chosen):
            self.conn.execute("UPDATE temp.made SET chosen = 1, name = ? WHERE rowid = ?", (named.get(n), g.row))
            if n in named:
                self.groups[named[n]] = list(g.members)
                self.made[tuple(sorted(g.members))] = g.row
        self.conn.execute("UPDATE temp.made SET chosen = 1 WHERE fresh AND NOT linked")
        taken = _Taken(self.conn, set(named.values()) | touched)
        last = (-1, -1)
        while True:      # in order, a thousand at a time (the table is written as it is read)
            rows = self.conn.execute("SELECT rowid, phase, n, base_id FROM temp.made WHERE chosen AND name IS NULL"
                                     " AND (phase, n) > (?, ?) ORDER BY phase, n LIMIT 1000", last).fetchall()
            if not rows:
                break
            for rowid, phase, n, base_id in rows:
                self.conn.execute("UPDATE temp.made SET name = ?, minted = 1 WHERE rowid = ?",
                                  (self.store._unique_id(base_id, taken), rowid))
            last = (rows[-1][1], rows[-1][2])
        names = {g.row: named[n] for n, g in enumerate(chosen) if n in named}
        for inc_id in lost:
            best = max(range(len(chosen)), key=lambda n: (overlap[inc_id][n], -n), default=None)
            if best is not None and overlap[inc_id][best] > 0:
                self.aliases[inc_id] = names.get(chosen[best].row) or self._name_of(chosen[best].row)
        self.dropped |= touched

    def _name_of(self, row: int) -> str:
        return self.conn.execute("SELECT name FROM temp.made WHERE rowid = ?", (row,)).fetchone()[0]

    def _take_corrected(self) -> None:
        """Into memory, the named incidents an analyst's move or merge may reshape: those named
        by a correction (or by an id it leads to through aliases) and those holding an article
        a correction names."""
        structural = self.store._structural()
        ids: set[str] = set()
        docs: set[str] = set()
        for c in structural:
            value = c["value"]
            ids |= {c["incident_id"], value.get("to"), value.get("other")} - {None}
            docs |= {value["doc_id"]} if c["field"] == "move" else {d for d, _ in value["members"]}
        frontier = set(ids)
        while frontier:       # every id the corrections' ids lead to, here or in the stored aliases
            more = {self.aliases.get(i) for i in frontier} | {self.store._resolve(i) for i in frontier}
            frontier = more - ids - {None}
            ids |= frontier
        rows = {r[0] for chunk in _chunks(sorted(ids)) for r in self.conn.execute(
            f"SELECT rowid FROM temp.made WHERE name IN ({','.join('?' * len(chunk))})", chunk)}
        rows |= {r[0] for chunk in _chunks(sorted(docs)) for r in self.conn.execute(
            f"SELECT made_docs.row FROM temp.made_docs JOIN temp.made ON made.rowid = made_docs.row"
            f" WHERE made.name IS NOT NULL AND made_docs.doc_id IN ({','.join('?' * len(chunk))})", chunk)}
        for rowid in sorted(rows):
            name, members, minted = self.conn.execute("SELECT name, members, minted FROM temp.made WHERE rowid = ?",
                                                      (rowid,)).fetchone()
            members = [tuple(m) for m in json.loads(members)]
            self.groups[name] = members
            self.made[tuple(sorted(members))] = rowid
            if minted:
                self.minted.add(name)
            self.conn.execute("UPDATE temp.made SET chosen = 0 WHERE rowid = ?", (rowid,))   # written from memory

    # ---- corrections replayed, then written ---------------------------------------------------

    def replay_and_write(self, load: set[str]) -> None:
        """Moves and merges replayed over the groups being rewritten (``load``: stored incidents
        to rewrite besides), then every changed incident written."""
        for inc_id in load:
            self._load(inc_id)
        for c in self.store._structural():
            if c["field"] == "move":
                self._replay_move(c)
            else:
                self._replay_merge(c)
        self._write()

    def _resolve(self, inc_id: str) -> str:
        seen = set()
        while inc_id in self.aliases and inc_id not in seen:
            seen.add(inc_id)
            inc_id = self.aliases[inc_id]
        if inc_id in self.groups:
            return inc_id
        stored = self.store._resolve(inc_id)
        return self._resolve(stored) if stored != inc_id and stored in self.aliases else stored

    def _load(self, inc_id: str) -> bool:
        """Take a stored incident into the groups being rewritten; whether it exists."""
        if inc_id in self.groups:
            return True
        if inc_id in self.dropped or not self.store._active(inc_id):
            return False
        self.groups[inc_id] = self.store._members(inc_id)
        self.dropped.add(inc_id)
        return True

    def _replay_move(self, c: dict) -> None:
        doc_id, to = c["value"]["doc_id"], c["value"]["to"]
        source = self._resolve(c["incident_id"])
        if source not in self.groups:
            return
        moved = [m for m in self.groups[source] if m[0] == doc_id]
        if not moved:
            return
        rest = [m for m in self.groups[source] if m[0] != doc_id]
        target = self._resolve(to)
        if target == source or not self._load(target):
            target = to
            self.aliases.pop(to, None)
            self.groups.setdefault(to, [])
        self.groups[target] = self.groups[target] + moved
        if rest:
            self.groups[source] = rest
        else:
            del self.groups[source]
            self._retire(source, target)

    def _replay_merge(self, c: dict) -> None:
        keep = self._resolve(c["incident_id"])
        other = {tuple(m) for m in c["value"]["members"]}
        sources = [i for i, members in self.groups.items()
                   if i != keep and (i == self._resolve(c["value"]["other"]) or other & set(members))]
        if not sources or not self._load(keep):
            return
        for inc_id in sources:
            self.groups[keep] = self.groups[keep] + self.groups.pop(inc_id)
            self._retire(inc_id, keep)

    def _retire(self, inc_id: str, into: str) -> None:
        """An id whose reports all went to ``into``: its alias, unless it was only just made."""
        if inc_id not in self.minted:
            self.aliases[inc_id] = into

    def _write(self) -> None:
        """Every changed incident written: the stored ones again (in the order they were
        created), then the new ones by id, those held in memory and those named in
        ``temp.made`` read in order from it; then aliases, then corrections laid over each."""
        conn = self.conn
        created = {r[0]: r[1] for chunk in _chunks(sorted(self.dropped)) for r in conn.execute(
            f"SELECT id, created FROM incidents WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        for inc_id in sorted(self.dropped):
            conn.execute("DELETE FROM incident_docs WHERE incident_id = ?", (inc_id,))
            conn.execute("DELETE FROM incidents WHERE id = ?", (inc_id,))
        next_created = (conn.execute("SELECT max(created) FROM incidents").fetchone()[0] or 0) + 1
        next_created = max([next_created] + [v + 1 for v in created.values()])
        kept = sorted((i for i in self.groups if i in created), key=lambda i: (created[i], i))
        new = heapq.merge(((i, self.groups[i], None) for i in sorted(set(self.groups) - set(created))),
                          self._streamed(), key=lambda g: g[0])
        for inc_id, members, row in itertools.chain(((i, self.groups[i], None) for i in kept), new):
            members = sorted({tuple(m) for m in members})
            made = row if row is not None else self.made.get(tuple(members))
            if made is None:
                machine = json.dumps(incident_json(replace(reconcile(members, self._pool_for(members), self.settings),
                                                           incident_id=inc_id)), ensure_ascii=False)
            else:       # as grouping made it, under its id in the store
                machine = _renamed(*conn.execute("SELECT machine, base_id FROM temp.made WHERE rowid = ?", (made,)).fetchone(),
                                   inc_id)
            if inc_id in created:
                number = created[inc_id]
            else:
                number, next_created = next_created, next_created + 1
            conn.execute(
                "INSERT INTO incidents (id, created, doc_count, corrected, machine_json, json) VALUES (?,?,?,?,?,?)",
                (inc_id, number, 0, 0, machine, "{}"))
            conn.executemany("INSERT INTO incident_docs VALUES (?,?,?)", [(inc_id, d, p) for d, p in members])
            conn.execute("DELETE FROM aliases WHERE alias = ?", (inc_id,))
        for alias, target in self.aliases.items():
            final = self._resolve(target)
            conn.execute("INSERT OR REPLACE INTO aliases VALUES (?,?,?)", (alias, final, self.store._now()))
            conn.execute("UPDATE aliases SET incident_id = ? WHERE incident_id = ?", (final, alias))
            self.result.aliased[alias] = final
        for inc_id in self.groups:
            self.store._materialize(inc_id)
        for inc_id, _, _ in self._streamed():
            self.store._materialize(inc_id)
        self.result.updated = sorted(set(self.groups) & self.dropped)
        self.result.created = list(heapq.merge(sorted(set(self.groups) - self.dropped),
                                               (inc_id for inc_id, _, _ in self._streamed())))

    def _streamed(self) -> Iterator[tuple[str, list[Member], int]]:
        """The new incidents written straight from ``temp.made`` (none outside ``run``) by id:
        id, members, row."""
        if self.streamed:
            for name, members, row in self.conn.execute(
                    "SELECT name, members, rowid FROM temp.made WHERE chosen AND minted ORDER BY name"):
                yield name, [tuple(m) for m in json.loads(members)], row

    def _pool_for(self, members: list[Member]) -> Candidates:
        missing = {d for d, _ in members} - set(self.pool.docs)
        if missing:
            self.pool = Candidates(list(self.pool.docs.values()) + self.store._load_docs(missing))
        return self.pool


def build(path: str | os.PathLike, docs: Iterable[Document | StoredDocument],
          settings: MergeSettings = DEFAULT_SETTINGS) -> Path:
    """A fresh store of ``docs`` at ``path``, swapped in whole (a temporary file, then a rename):
    readers see the old store or the new one, never a half-built file. ``docs`` is read once,
    as it comes (a generator of a long run keeps memory flat)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)
    newest: list[dt.date] = []

    def noting_newest() -> Iterator[Document | StoredDocument]:
        for doc in docs:
            published = doc.brief.published if isinstance(doc, StoredDocument) else doc.published
            if published and (not newest or published > newest[0]):
                newest[:] = [published]
            yield doc

    try:
        with Store(tmp, clock=lambda: "") as store:
            store.add(noting_newest(), settings)
            # same articles, same bytes: every time stamp is the newest publication day
            store._conn.execute("UPDATE documents SET added_at = ?", (newest[0].isoformat() if newest else "",))
            store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            store._conn.execute("PRAGMA journal_mode = DELETE")
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    for stale in (str(path) + "-wal", str(path) + "-shm"):
        if os.path.exists(stale):
            os.unlink(stale)
    return path
