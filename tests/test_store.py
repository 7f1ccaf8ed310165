"""The store (rasd.store): documents rebuilt from their JSON; adding is incremental, idempotent
and atomic (a real process killed mid-add); stable ids and aliases; analysts' corrections
surviving later adds; migrations; the plain tables; ``rasd add`` / ``rasd correct``.

The articles (tests/data/store_articles.jsonl) were written for these tests: two outlets and a
denial on one strike in Saraqib, a strike in al-Mayadin told on two days, and strikes elsewhere.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from click.testing import CliRunner

from rasd.cli import app
from rasd.export.jsonout import document_json, incident_json
from rasd.incidents import MergeSettings, build_incidents
from rasd.ingest import IngestError, read_inputs
from rasd.pipeline import analyze
from rasd.store import IncidentFilter, Store, build, document_from_json, schema
from rasd.store.documents import stored_document_json

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "store_articles.jsonl"
EXAMPLES = ROOT / "examples" / "articles"

SARAQIB = ("agency-2023-05-10-saraqib", "monitor-2023-05-10-saraqib")
SARAQIB_DENIAL = "state-2023-05-10-saraqib-denial"
MAYADIN = ("local-2023-05-10-mayadin", "monitor-2023-05-11-mayadin")


def _read(path: Path) -> list:
    return [analyze(a) for a in read_inputs([path]) if not isinstance(a, IngestError)]


@pytest.fixture(scope="module")
def docs() -> list:
    return _read(ARTICLES)


@pytest.fixture(scope="module")
def example_docs() -> list:
    return _read(EXAMPLES)


def by_id(docs: list) -> dict:
    return {d.doc_id: d for d in docs}


def partition(incidents: list[dict]) -> set[frozenset[str]]:
    return {frozenset(i["doc_ids"]) for i in incidents}


def holding(store: Store, doc_id: str) -> dict:
    found = [i for i in store.incidents() if doc_id in i["doc_ids"]]
    assert len(found) == 1, found
    return found[0]


def dump(path: Path) -> dict[str, list]:
    """Every row of every table, for comparing two states of a store."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out = {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    out["user_version"] = conn.execute("PRAGMA user_version").fetchall()
    conn.close()
    return out


# ---- documents back from their JSON ------------------------------------------------------------

@pytest.mark.parametrize("which", ["docs", "example_docs"])
def test_documents_rebuilt_from_stored_json_equal_the_originals(which, request):
    originals = request.getfixturevalue(which)
    assert originals and any(d.claims for d in originals)
    rebuilt = [document_from_json(json.loads(json.dumps(stored_document_json(d)))) for d in originals]
    assert rebuilt == originals
    assert ([incident_json(i) for i in build_incidents(rebuilt)]
            == [incident_json(i) for i in build_incidents(originals)])


@pytest.mark.parametrize("which", ["docs", "example_docs"])
def test_documents_rebuilt_from_contract_json_find_their_sentences(which, request):
    """docs.jsonl lines carry the sentence as text only: its place is found around the claim."""
    originals = request.getfixturevalue(which)
    rebuilt = [document_from_json(json.loads(json.dumps(document_json(d)))) for d in originals]
    assert rebuilt == originals
    assert ([incident_json(i) for i in build_incidents(rebuilt)]
            == [incident_json(i) for i in build_incidents(originals)])


def test_sentence_found_where_it_holds_the_claim_when_repeated():
    text = "قتل 3 مدنيين. وقال المرصد. قتل 3 مدنيين."
    second = text.rindex("قتل 3")
    data = {"doc_id": "d", "text": text, "claims": [{
        "kind": "killed", "min": 3, "max": 3, "span": [second, second + 12], "sentence": "قتل 3 مدنيين.",
        "source": {"text": "o", "kind": "outlet", "span": None}}]}
    claim = document_from_json(data).claims[0]
    assert claim.sentence_span == (second, len(text))


@given(st.lists(st.sampled_from(["قتل 3 مدنيين.", "وقال المرصد.", "أصيب طفل", "غارة على سراقب."]),
                min_size=1, max_size=6), st.data())
def test_a_sentence_found_again_holds_its_claim(sentences, data):
    text = " ".join(sentences)
    which = data.draw(st.integers(0, len(sentences) - 1))
    start = sum(len(s) + 1 for s in sentences[:which])
    end = start + len(sentences[which])
    a = data.draw(st.integers(start, end - 1))
    b = data.draw(st.integers(a + 1, end))
    doc = {"doc_id": "d", "text": text, "claims": [{
        "kind": "killed", "min": 3, "max": 3, "span": [a, b], "sentence": sentences[which],
        "source": {"text": "o", "kind": "outlet", "span": None}}]}
    found = document_from_json(doc).claims[0].sentence_span
    assert text[found[0]:found[1]] == sentences[which]
    assert found[0] <= a and b <= found[1]


# ---- adding ------------------------------------------------------------------------------------

def test_add_groups_like_build_incidents(tmp_path, docs):
    with Store(tmp_path / "s.db") as store:
        result = store.add(docs)
        stored = store.incidents()
    assert sorted(result.added) == sorted(d.doc_id for d in docs)
    assert partition(stored) == {frozenset(i.doc_ids) for i in build_incidents(docs)}
    saraqib = next(i for i in stored if SARAQIB[0] in i["doc_ids"])
    assert set(SARAQIB) <= set(saraqib["doc_ids"]) and not set(MAYADIN) & set(saraqib["doc_ids"])
    assert len({i["incident_id"] for i in stored}) == len(stored)
    assert all(i["corrections"] == [] and i["aliases"] == [] for i in stored)


@pytest.mark.parametrize("where", [None, IncidentFilter(admin1="idlib"), IncidentFilter(min_killed=3),
                                   IncidentFilter(date_from=dt.date(2023, 5, 11)), IncidentFilter(grade="nothing")],
                         ids=["all", "admin1", "min_killed", "date_from", "none"])
def test_the_selection_and_headers_read_what_incidents_and_documents_return(tmp_path, docs, where):
    """What the exports read, one incident and one article at a time, is what the lists hold."""
    with Store(tmp_path / "s.db") as store:
        store.add(docs)
        listed = store.incidents(where)
        selected = store.selected(where)
        assert list(selected) == listed and len(selected) == len(listed)
        assert list(selected) == listed                       # each pass reads them again
        wanted = sorted({d for i in listed for d in i["doc_ids"]}) if where else sorted(d.doc_id for d in docs)
        headers = store.headers(where)
        assert list(headers) == wanted and len(headers) == len(wanted)
        for full in store.documents(wanted):
            assert headers[full["doc_id"]] == {k: full[k] for k in ("doc_id", "outlet", "published", "title", "url")}
        with pytest.raises(KeyError):
            headers["no-such-article"]
        if where is not None and wanted != sorted(d.doc_id for d in docs):
            left_out = next(d.doc_id for d in docs if d.doc_id not in wanted)
            assert left_out not in headers


def test_adding_the_same_articles_again_changes_nothing(tmp_path, docs):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(docs)
    before = dump(path)
    with Store(path) as store:
        again = store.add(docs)
    assert again.skipped == [d.doc_id for d in docs] and not again.added and not again.created
    assert dump(path) == before


@pytest.mark.parametrize("split", ["by_date", "random"])
def test_two_halves_group_as_at_once(tmp_path, docs, split):
    ordered = (sorted(docs, key=lambda d: (d.published, d.doc_id)) if split == "by_date"
               else random.Random(7).sample(docs, len(docs)))
    half = len(ordered) // 2
    with Store(tmp_path / "halves.db") as store:
        store.add(ordered[:half])
        store.add(ordered[half:])
        halves = store.incidents()
    with Store(tmp_path / "once.db") as store:
        store.add(docs)
        once = store.incidents()
    assert partition(halves) == partition(once)
    assert len({i["incident_id"] for i in halves}) == len(halves)


def test_a_new_report_joins_its_incident_and_leaves_the_others_untouched(tmp_path, docs):
    d = by_id(docs)
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add([d[SARAQIB[0]], *[d[m] for m in MAYADIN]])
        first_saraqib = holding(store, SARAQIB[0])
        mayadin = holding(store, MAYADIN[0])
        result = store.add([d[SARAQIB[1]]])
        now = holding(store, SARAQIB[1])
        assert now["incident_id"] == first_saraqib["incident_id"]
        assert set(now["doc_ids"]) == set(SARAQIB)
        assert result.updated == [first_saraqib["incident_id"]] and result.created == []
        assert store.incident(mayadin["incident_id"]) == mayadin


def test_same_id_with_new_text_is_a_new_version(tmp_path, docs):
    d = by_id(docs)
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add([d[SARAQIB[0]], d[SARAQIB[1]]])
        before = holding(store, SARAQIB[0])
        changed = analyze(dataclasses.replace(
            next(a for a in read_inputs([ARTICLES]) if a.doc_id == SARAQIB[0]),
            text=d[SARAQIB[0]].text.replace("أربعة مدنيين", "ستة مدنيين")))
        result = store.add([changed])
        after = holding(store, SARAQIB[0])
        assert result.replaced == [SARAQIB[0]]
        assert after["incident_id"] == before["incident_id"]
        assert 6 in [c["min"] for c in after["claims"] if c["doc_id"] == SARAQIB[0]]
        assert store.documents([SARAQIB[0]])[0]["text"] == changed.text
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version FROM documents WHERE doc_id = ?", (SARAQIB[0],)).fetchone() == (2,)
    assert conn.execute("SELECT count(*) FROM claims WHERE doc_id = ? AND min = 6", (SARAQIB[0],)).fetchone() == (1,)


def _revised(doc_id: str, extra: str):
    """The article of ``doc_id`` with a sentence added: a new version of it."""
    article = next(a for a in read_inputs([ARTICLES]) if a.doc_id == doc_id)
    return analyze(dataclasses.replace(article, text=article.text + "\n\n" + extra))


def test_two_stored_incidents_joined_by_a_regroup_keep_the_older_id(tmp_path, docs):
    """The al-Mayadin reports of two days, kept apart by a strict setting (an event date before
    publication is not news), then regrouped under the defaults when one of them is revised:
    the older id survives, the other becomes its alias and still finds the incident."""
    d = by_id(docs)
    strict = MergeSettings(stale_days=0)
    with Store(tmp_path / "s.db") as store:
        store.add([d[MAYADIN[0]]], strict)
        store.add([d[MAYADIN[1]]], strict)
        older, newer = holding(store, MAYADIN[0])["incident_id"], holding(store, MAYADIN[1])["incident_id"]
        assert older != newer
        result = store.add([_revised(MAYADIN[1], "وأضاف المرصد أن الغارات دمرت آليات عسكرية.")])
        together = holding(store, MAYADIN[1])
        assert set(MAYADIN) <= set(together["doc_ids"])
        assert together["incident_id"] == older and together["aliases"] == [newer]
        assert result.aliased == {newer: older}
        assert store.incident(newer)["incident_id"] == older


def test_ids_are_unique_in_the_store_with_a_suffix_on_a_clash(tmp_path, docs):
    d = by_id(docs)
    with Store(tmp_path / "s.db") as store:
        store.add([d[SARAQIB[0]]])
        first = holding(store, SARAQIB[0])["incident_id"]
        assert store._unique_id(first, set()) == f"{first}-2"
        assert store._unique_id(first, {f"{first}-2"}) == f"{first}-3"
        assert store._unique_id("unused", set()) == "unused"


# ---- corrections --------------------------------------------------------------------------------

LOCATION = {"name_ar": "سراقب", "name_en": "Saraqib", "lat": 35.86, "lon": 36.80, "admin1": "Idlib",
            "admin2": "Idlib", "country": "SY", "precision": 1}


def test_field_corrections_are_applied_flagged_and_kept_through_add(tmp_path, docs):
    d = by_id(docs)
    with Store(tmp_path / "s.db") as store:
        store.add([d[SARAQIB[0]], d[SARAQIB[1]], d[MAYADIN[0]]])
        inc_id = holding(store, SARAQIB[0])["incident_id"]
        store.correct(inc_id, "location", LOCATION, "lina", "checked the civil defence list")
        store.correct(inc_id, "killed", [4, 5, 6], "lina", "names published")
        store.correct(inc_id, "grade", "fair", "omar", "two credible sources")
        store.correct(inc_id, "perpetrator", ["Russia"], "omar", "flight tracking")
        store.add([d[SARAQIB_DENIAL], d[MAYADIN[1]]])          # regroups the corrected incident
        inc = store.incident(inc_id)
    assert SARAQIB_DENIAL in inc["doc_ids"]
    assert inc["location"] == LOCATION
    assert (inc["killed"]["low"], inc["killed"]["best"], inc["killed"]["high"]) == (4, 5, 6)
    assert inc["grade"] == "fair" and inc["grade_reasons"] == ["set by omar: two credible sources"]
    assert [p["actor"] for p in inc["perpetrator"]] == ["Russia"]
    assert [(c["field"], c["who"]) for c in inc["corrections"]] == [
        ("location", "lina"), ("killed", "lina"), ("grade", "omar"), ("perpetrator", "omar")]
    assert all(c["when"] and c["why"] for c in inc["corrections"])


@pytest.mark.parametrize("field, value", [("grade", "certain"), ("killed", [5, 3, 9]), ("killed", [1, 2]),
                                          ("location", {"lat": 1}), ("colour", "red"), ("perpetrator", [{}])])
def test_a_bad_correction_is_refused_and_stores_nothing(tmp_path, docs, field, value):
    with Store(tmp_path / "s.db") as store:
        store.add(docs[:1])
        inc_id = store.incidents()[0]["incident_id"]
        with pytest.raises(ValueError):
            store.correct(inc_id, field, value, "lina", "test")
        assert store.incident(inc_id)["corrections"] == []


@pytest.mark.parametrize("name, english, admin1, precision", [
    ("سراقب", "Saraqib", "Idlib", 1),                 # a town: precision 1
    (" مدينة الباب ", "Al Bāb", "Aleppo", 1),          # with its kind and spaces around
    ("ريف إدلب", "Idlib", "Idlib", 2),                # around a town: ACLED's 2
    ("محافظة إدلب", "Idlib Governorate", "Idlib", 3),  # a governorate: its centre, 3
])
def test_a_location_given_by_name_is_looked_up_in_the_gazetteer(tmp_path, docs, name, english, admin1, precision):
    with Store(tmp_path / "s.db") as store:
        store.add(docs[:1])
        inc_id = store.incidents()[0]["incident_id"]
        store.correct(inc_id, "location", name, "lina", "the civil defence named the place")
        location = store.incident(inc_id)["location"]
    assert (location["name_ar"], location["name_en"], location["admin1"], location["precision"]) == (
        name.strip(), english, admin1, precision)
    assert location["lat"] and location["lon"] and location["country"] == "SY"


def test_a_place_the_gazetteer_does_not_know_is_refused(tmp_path, docs):
    with Store(tmp_path / "s.db") as store:
        store.add(docs[:1])
        inc_id = store.incidents()[0]["incident_id"]
        for name in ("مكان لا يعرفه أحد", "", "   "):
            with pytest.raises(ValueError, match="gazetteer"):
                store.correct(inc_id, "location", name, "lina", "test")
        assert store.incident(inc_id)["corrections"] == []


def test_a_correction_keeps_the_value_it_replaced(tmp_path, docs):
    d = by_id(docs)
    with Store(tmp_path / "s.db") as store:
        store.add([d[SARAQIB[0]], d[SARAQIB[1]]])
        machine = holding(store, SARAQIB[0])
        inc_id = machine["incident_id"]
        store.correct(inc_id, "killed", [4, 5, 6], "lina", "names published")
        store.correct(inc_id, "killed", {"low": 5, "best": 7, "high": None}, "omar", "a later list")
        store.correct(inc_id, "grade", "contested", "omar", "a denial")
        store.correct(inc_id, "location", LOCATION, "lina", "checked")
        corrections = store.incident(inc_id)["corrections"]
    figures = {k: machine["killed"][k] for k in ("low", "best", "high")}
    assert [(c["field"], c["old"], c["value"]) for c in corrections] == [
        ("killed", figures, {"low": 4, "best": 5, "high": 6}),
        ("killed", {"low": 4, "best": 5, "high": 6}, {"low": 5, "best": 7, "high": None}),
        ("grade", machine["grade"], "contested"),
        ("location", {k: (machine["location"] or {}).get(k) for k in LOCATION} if machine["location"] else None,
         LOCATION)]


def test_a_correction_needs_an_incident_who_and_why(tmp_path, docs):
    with Store(tmp_path / "s.db") as store:
        store.add(docs[:1])
        inc_id = store.incidents()[0]["incident_id"]
        with pytest.raises(KeyError):
            store.correct("no-such-incident", "grade", "weak", "lina", "test")
        with pytest.raises(ValueError):
            store.correct(inc_id, "grade", "weak", "", "test")
        with pytest.raises(ValueError):
            store.correct(inc_id, "grade", "weak", "lina", " ")


def test_a_moved_article_stays_out_through_later_adds(tmp_path, docs):
    d = by_id(docs)
    with Store(tmp_path / "s.db") as store:
        store.add([d[SARAQIB[0]], d[SARAQIB[1]]])
        source = holding(store, SARAQIB[1])["incident_id"]
        new_id = store.move_article(SARAQIB[1], source, "lina", "a different strike that morning")
        assert holding(store, SARAQIB[1])["incident_id"] == new_id
        assert SARAQIB[1] not in store.incident(source)["doc_ids"]
        store.add([d[SARAQIB_DENIAL], _revised(SARAQIB[1], "وأضاف المرصد أن الحصيلة مرشحة للارتفاع.")])
        after = store.incident(source)
        moved = holding(store, SARAQIB[1])
        assert SARAQIB[1] not in after["doc_ids"] and SARAQIB[0] in after["doc_ids"]
        assert moved["incident_id"] == new_id
        assert [c["field"] for c in after["corrections"]] == ["move"]
        assert [c["field"] for c in moved["corrections"]] == ["move"]
        with pytest.raises(KeyError):
            store.move_article(SARAQIB[1], source, "lina", "again")
        with pytest.raises(ValueError, match="only article"):
            store.move_article(SARAQIB[1], new_id, "lina", "nowhere to go")


def test_merged_incidents_stay_merged_through_later_adds(tmp_path, docs):
    d = by_id(docs)
    with Store(tmp_path / "s.db") as store:
        store.add([d[SARAQIB[0]], d[MAYADIN[0]]])
        keep, other = holding(store, SARAQIB[0])["incident_id"], holding(store, MAYADIN[0])["incident_id"]
        store.merge_incidents(keep, other, "omar", "one wave of strikes")
        assert store.incident(other)["incident_id"] == keep
        store.add([d[MAYADIN[1]], d[SARAQIB[1]]])
        merged = store.incident(keep)
        assert {SARAQIB[0], SARAQIB[1], MAYADIN[0], MAYADIN[1]} <= set(merged["doc_ids"])
        assert merged["aliases"] == [other] and [c["field"] for c in merged["corrections"]] == ["merge"]
        assert len([i for i in store.incidents() if set(i["doc_ids"]) & set(MAYADIN)]) == 1
        with pytest.raises(ValueError):
            store.merge_incidents(keep, other, "omar", "twice")


# ---- reading -------------------------------------------------------------------------------------

def test_filters_and_order(tmp_path, docs):
    with Store(tmp_path / "s.db") as store:
        store.add(docs)
        every = store.incidents()
        saraqib = holding(store, SARAQIB[0])["incident_id"]
        store.correct(saraqib, "location", LOCATION, "lina", "test")
        store.correct(saraqib, "grade", "contested", "lina", "test")
        keys = [((i["date"] or {}).get("start") or "9999", -len(i["doc_ids"]), i["incident_id"]) for i in every]
        assert keys == sorted(keys)
        assert [i["incident_id"] for i in store.incidents(IncidentFilter(admin1="idlib", grade="contested"))] == [saraqib]
        assert saraqib in [i["incident_id"] for i in store.incidents(IncidentFilter(perpetrator="russia"))]
        late = store.incidents(IncidentFilter(date_from=dt.date(2023, 5, 15)))
        assert late and all(i["date"]["start"] >= "2023-05-15" for i in late)
        early = store.incidents(IncidentFilter(date_to=dt.date(2023, 5, 11)))
        assert early and all(i["date"]["end"] <= "2023-05-11" for i in early)
        heavy = store.incidents(IncidentFilter(min_killed=9))
        assert heavy and all(i["killed"]["best"] >= 9 for i in heavy)
        assert len(heavy) < len(every)
        assert [x["doc_id"] for x in store.documents([MAYADIN[1], "unknown", SARAQIB[0]])] == [MAYADIN[1], SARAQIB[0]]
        assert store.incident("unknown") is None


def test_plain_tables_hold_the_key_columns(tmp_path, docs):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(docs)
        inc_id = holding(store, SARAQIB[0])["incident_id"]
        store.correct(inc_id, "location", LOCATION, "lina", "test")
        incidents = {i["incident_id"]: i for i in store.incidents()}
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"incidents", "documents", "claims", "incident_docs", "corrections", "aliases"} <= tables
    for row in conn.execute("SELECT * FROM incidents"):
        inc = incidents[row["id"]]
        assert (row["date_start"], row["killed_best"], row["civilians_killed_best"], row["doc_count"]) == (
            inc["date"]["start"], inc["killed"]["best"], inc["civilians_killed"]["best"], len(inc["doc_ids"]))
        assert row["perpetrators"] == "; ".join(p["actor"] for p in inc["perpetrator"])
    row = conn.execute("SELECT * FROM incidents WHERE id = ?", (inc_id,)).fetchone()
    assert (row["location_name"], row["location_lat"], row["admin1"], row["corrected"]) == ("Saraqib", 35.86, "Idlib", 1)
    claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert claims == sum(len(d.claims) for d in docs)
    links = {(r[0], r[1]) for r in conn.execute("SELECT incident_id, doc_id FROM incident_docs")}
    assert links == {(i, doc) for i, inc in incidents.items() for doc in inc["doc_ids"]}
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# ---- schema ---------------------------------------------------------------------------------------

def test_an_empty_file_is_migrated_to_the_latest_schema(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with Store(path):
        pass
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == schema.LATEST


def test_an_older_store_is_migrated_with_its_data(tmp_path, docs):
    """A version-1 store (no claims table, corrections without the replaced value) with a
    document and a correction in it: opening it adds the claims table, filled from the stored
    documents, and the corrections' ``old`` column, empty for the correction already there."""
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert schema.migrate(conn, upto=1) == 1
    doc = by_id(docs)[SARAQIB[0]]
    conn.execute("INSERT INTO documents (doc_id, version, text_sha1, added_at, json) VALUES (?,?,?,?,?)",
                 (doc.doc_id, 1, "x", "2023-05-10", json.dumps(stored_document_json(doc), ensure_ascii=False)))
    conn.execute("INSERT INTO corrections (incident_id, field, value, who, at, why) VALUES (?,?,?,?,?,?)",
                 ("sy-x", "grade", '"weak"', "lina", "2023-05-11", "one source"))
    conn.close()
    with Store(path) as store:
        assert store.documents([doc.doc_id])[0]["doc_id"] == doc.doc_id
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST == 3
    assert conn.execute("SELECT field, value, old FROM corrections").fetchall() == [("grade", '"weak"', None)]
    assert sorted(conn.execute("SELECT kind, min, max FROM claims WHERE doc_id = ?", (doc.doc_id,))) == sorted(
        (c.kind, c.min, c.max) for c in doc.claims)


def test_a_store_newer_than_rasd_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(path)


# ---- atomicity --------------------------------------------------------------------------------------

def test_a_failing_add_leaves_the_store_as_it_was(tmp_path, docs, monkeypatch):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(docs[:4])
    before = dump(path)

    def broken(*args, **kwargs):
        raise RuntimeError("grouping failed")

    monkeypatch.setattr("rasd.store.pool.sweep", broken)
    with Store(path) as store, pytest.raises(RuntimeError):
        store.add(docs)
    assert dump(path) == before


KILLED_MID_ADD = """
import sys, time
from pathlib import Path
import rasd.store as store_module
from rasd.ingest import read_inputs
from rasd.pipeline import analyze

db, articles, flag = sys.argv[1:4]
original = store_module.Store._materialize
def slow(self, incident_id):
    original(self, incident_id)
    Path(flag).write_text("mid-transaction")   # rows are written, nothing is committed
    time.sleep(60)
store_module.Store._materialize = slow
docs = [analyze(a) for a in read_inputs([Path(articles)])]
with store_module.Store(db) as store:
    store.add(docs)
"""


def test_a_process_killed_mid_add_leaves_the_store_as_before(tmp_path, docs):
    path, flag = tmp_path / "s.db", tmp_path / "flag"
    with Store(path) as store:
        store.add(docs[:3])
    before = dump(path)
    child = subprocess.Popen([sys.executable, "-c", KILLED_MID_ADD, str(path), str(ARTICLES), str(flag)])
    try:
        for _ in range(600):
            if flag.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert flag.exists(), "the child never reached the middle of its transaction"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert dump(path) == before
    with Store(path) as store:          # and the store takes the addition afterwards
        assert len(store.add(docs).added) == len(docs) - 3


def test_build_swaps_in_a_fresh_store(tmp_path, docs):
    path = tmp_path / "rasd.db"
    with Store(path) as store:
        store.add(docs)
        store.correct(store.incidents()[0]["incident_id"], "grade", "weak", "lina", "old run")
    build(path, docs[:2])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rasd.db"]
    with Store(path) as store:
        stored = store.incidents()
    assert {d for i in stored for d in i["doc_ids"]} == {d.doc_id for d in docs[:2]}
    assert all(not i["corrections"] for i in stored)


# ---- command line ------------------------------------------------------------------------------------

def test_cli_add_and_correct(tmp_path):
    runner = CliRunner()
    db = tmp_path / "s.db"
    first = runner.invoke(app, ["add", str(ARTICLES), "--db", str(db)])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["add", str(ARTICLES), "--db", str(db)])
    assert again.exit_code == 0 and "0 added" in again.output
    with Store(db) as store:
        saraqib = holding(store, SARAQIB[0])["incident_id"]
        mayadin = holding(store, MAYADIN[0])["incident_id"]
    fixed = runner.invoke(app, ["correct", "--db", str(db), saraqib, "--set", "location=سراقب",
                                "--set", "killed=4,5,6", "--set", "perpetrator=Russia, Syrian government",
                                "--set", "grade=contested", "--who", "lina", "--why", "local sources"])
    assert fixed.exit_code == 0, fixed.output
    moved = runner.invoke(app, ["correct", "--db", str(db), "--move", SARAQIB[1], "--from", saraqib,
                                "--who", "lina", "--why", "another strike"])
    assert moved.exit_code == 0, moved.output
    merged = runner.invoke(app, ["correct", "--db", str(db), "--merge", saraqib, mayadin,
                                 "--who", "omar", "--why", "one operation"])
    assert merged.exit_code == 0, merged.output
    with Store(db) as store:
        inc = store.incident(mayadin)
    assert inc["incident_id"] == saraqib and SARAQIB[1] not in inc["doc_ids"]
    assert inc["location"]["name_en"] == "Saraqib" and inc["location"]["admin1"] == "Idlib"
    assert inc["killed"]["best"] == 5 and inc["grade"] == "contested"
    assert [p["actor"] for p in inc["perpetrator"]] == ["Russia", "Syrian government"]
    assert {c["field"] for c in inc["corrections"]} == {"location", "killed", "perpetrator", "grade", "move", "merge"}
    unknown = runner.invoke(app, ["correct", "--db", str(db), "nope", "--set", "grade=weak",
                                  "--who", "lina", "--why", "x"])
    assert unknown.exit_code == 2 and "no incident" in unknown.output
    anonymous = runner.invoke(app, ["correct", "--db", str(db), saraqib, "--set", "grade=weak"])
    assert anonymous.exit_code != 0


def test_cli_add_reports_bad_records_and_keeps_the_good(tmp_path):
    runner = CliRunner()
    db = tmp_path / "s.db"
    bad = tmp_path / "mixed.jsonl"
    good = ARTICLES.read_text(encoding="utf-8").splitlines()[:2]
    bad.write_text("\n".join([good[0], "{not json", good[1]]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["add", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    with Store(db) as store:
        assert {d for i in store.incidents() for d in i["doc_ids"]} == set(SARAQIB)
    errors = (tmp_path / "s.db.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(errors) == 1 and json.loads(errors[0])["level"] == "error"
