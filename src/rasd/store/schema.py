"""The store's schema, as ordered migration steps.

``PRAGMA user_version`` holds how many steps a file has taken; opening a file runs the missing
ones, each in its own transaction, so a file of any older version (or an empty one) comes up
to date. Steps are only ever appended: a released step is never edited.
Plain tables and columns throughout, so that Datasette, pandas or the sqlite3 shell read the
file as it is.
"""
from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE documents (
    doc_id     TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,          -- 1, then +1 each time the same id comes with another text
    text_sha1  TEXT NOT NULL,
    outlet     TEXT,
    published  TEXT,
    title      TEXT,
    url        TEXT,
    day_first  TEXT,                      -- earliest of published / event date (grouping window)
    day_last   TEXT,
    added_at   TEXT NOT NULL,
    json       TEXT NOT NULL              -- the contract's document JSON (plus sentence spans)
);
CREATE INDEX documents_days ON documents (day_first, day_last);

CREATE TABLE incidents (
    id                    TEXT PRIMARY KEY,
    created               INTEGER NOT NULL,   -- creation order: the older id survives a merge
    date_start            TEXT,
    date_end              TEXT,
    event_type            TEXT,
    sub_event_type        TEXT,
    admin1                TEXT,
    location_name         TEXT,
    location_name_ar      TEXT,
    location_lat          REAL,
    location_lon          REAL,
    killed_low            INTEGER,
    killed_best           INTEGER,
    killed_high           INTEGER,
    civilians_killed_low  INTEGER,
    civilians_killed_best INTEGER,
    civilians_killed_high INTEGER,
    injured_best          INTEGER,
    grade                 TEXT,
    perpetrators          TEXT,               -- actors, "; "-separated
    doc_count             INTEGER NOT NULL,
    corrected             INTEGER NOT NULL,   -- 1 when an analyst's correction applies
    machine_json          TEXT NOT NULL,      -- the incident as grouping and reconciliation made it
    json                  TEXT NOT NULL       -- the same with the corrections applied (what readers get)
);
CREATE INDEX incidents_date ON incidents (date_start, id);

CREATE TABLE incident_docs (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    doc_id      TEXT NOT NULL REFERENCES documents (doc_id),
    part        INTEGER NOT NULL,             -- which of the document's candidate events
    PRIMARY KEY (incident_id, doc_id, part)
);
CREATE INDEX incident_docs_doc ON incident_docs (doc_id);

CREATE TABLE aliases (
    alias       TEXT PRIMARY KEY,             -- an id merged into another
    incident_id TEXT NOT NULL,                -- the id that survived
    since       TEXT NOT NULL
);
CREATE INDEX aliases_target ON aliases (incident_id);

CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,                -- as the analyst named it
    field       TEXT NOT NULL,                -- location, perpetrator, killed, ..., move, merge
    value       TEXT NOT NULL,                -- JSON
    who         TEXT NOT NULL,
    at          TEXT NOT NULL,
    why         TEXT NOT NULL
);
CREATE INDEX corrections_incident ON corrections (incident_id);
"""

# Step 2: one row per claim, for querying figures without parsing JSON; filled from the
# documents already stored.
_V2 = """
CREATE TABLE claims (
    doc_id        TEXT NOT NULL REFERENCES documents (doc_id),
    n             INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    min           INTEGER,
    max           INTEGER,
    qualifier     TEXT,
    group_text    TEXT,
    group_kind    TEXT,
    source        TEXT,
    source_kind   TEXT,
    denial        INTEGER,
    span_start    INTEGER,
    span_end      INTEGER,
    sentence      TEXT,
    PRIMARY KEY (doc_id, n)
);
INSERT INTO claims
SELECT d.doc_id, CAST(c.key AS INTEGER), json_extract(c.value, '$.kind'), json_extract(c.value, '$.min'),
       json_extract(c.value, '$.max'), json_extract(c.value, '$.qualifier'),
       json_extract(c.value, '$.group'), json_extract(c.value, '$.group_kind'),
       json_extract(c.value, '$.source.text'), json_extract(c.value, '$.source.kind'),
       json_extract(c.value, '$.denial'), json_extract(c.value, '$.span[0]'),
       json_extract(c.value, '$.span[1]'), json_extract(c.value, '$.sentence')
FROM documents d, json_each(d.json, '$.claims') c;
"""

# Step 3: a field correction keeps the value it replaced (JSON; NULL for moves and merges, and
# for corrections stored before this step), so that a reader sees old -> new.
_V3 = """
ALTER TABLE corrections ADD COLUMN old TEXT;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
LATEST = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, upto: int = LATEST) -> int:
    """Run the steps a file has not taken yet (up to ``upto``); the version it ends at.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each step commits whole."""
    current = version(conn)
    if current > LATEST:
        raise RuntimeError(f"store schema version {current} is newer than this rasd ({LATEST}); upgrade rasd")
    for number in range(current + 1, upto + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version(conn)


def _statements(script: str) -> list[str]:
    """A script's statements, so they run inside the step's transaction (``executescript``
    would commit first)."""
    out, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    return [s for s in out if s]
