"""The dashboard's pages and API (rasd.web), over incidents built by the real pipeline.

``corpus()`` reads a few short Arabic reports written for these tests (two outlets on one strike
in Idlib, one report of shelling in Aleppo, and a hostile article carrying script payloads in
every field) through rasd.pipeline -> rasd.incidents -> rasd.export.jsonout, then sets the v2
fields (location, grade) that the store will hold. ``MemoryReader`` answers the Store's read
methods over them. The browser tests (test_web_browser.py) use the same corpus.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, strategies as st

from rasd.export.jsonout import document_json, incident_json
from rasd.incidents import build_incidents
from rasd.model import Article
from rasd.pipeline import analyze
from rasd.web import create_app
from rasd.web.marks import Highlight, Piece, pieces
from rasd.web.pages import (GRADES, Filters, claim_figure, parse_filters, safe_link,
                            timeline)

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>javascript:alert(1)"
HOSTILE_DOC_ID = "evil-<script>alert(1)</script><img src=x onerror=alert(1)>"
HOSTILE_INCIDENT_ID = 'sy-evil-"><img src=x onerror=alert(1)><script>alert(1)</script>'
GEOJSON_PROPERTIES = {"incident_id", "date_start", "date_end", "location", "admin1", "country",
                      "perpetrator", "killed_low", "killed_best", "killed_high", "civilians_killed_low",
                      "civilians_killed_best", "civilians_killed_high", "injured_low", "injured_best",
                      "injured_high", "grade", "sources"}

ARTICLES = (
    Article("outlet-a-maarrat", "قتل ستة مدنيين بينهم طفلان وأصيب عشرة آخرون، فجر اليوم الأربعاء، "
            "جراء غارات جوية استهدفت مدينة معرة النعمان في ريف إدلب الجنوبي، بحسب ما أفاد الدفاع "
            "المدني السوري. وقال المرصد السوري لحقوق الإنسان إن الطائرات الحربية الروسية شنت أربع "
            "غارات على أطراف المدينة.", "test", title="غارات روسية على معرة النعمان",
            published=dt.date(2021, 3, 10), outlet="وكالة الأنباء أ", url="https://example.org/a/1"),
    Article("outlet-b-maarrat", "أفاد المرصد السوري لحقوق الإنسان بمقتل ثمانية أشخاص على الأقل في "
            "غارات جوية روسية استهدفت مدينة معرة النعمان جنوبي إدلب فجر الأربعاء، مشيراً إلى أن عدد "
            "القتلى مرشح للارتفاع.", "test", title="ثمانية قتلى في معرة النعمان",
            published=dt.date(2021, 3, 10), outlet="Outlet B", url="https://example.org/b/1"),
    Article("outlet-c-tell-rifaat", "قتل ثلاثة عناصر من قوات النظام وأصيب خمسة آخرون بقصف مدفعي "
            "تركي استهدف قرية تل رفعت في ريف حلب الشمالي، أمس الجمعة، وفق ما ذكرته وكالة سانا.",
            "test", title="قصف تركي على تل رفعت", published=dt.date(2021, 4, 3), outlet="Outlet C",
            url="https://example.org/c/1"),
    Article(HOSTILE_DOC_ID, f"{PAYLOAD} قتل شخصان وأصيب أربعة آخرون في غارة جوية استهدفت مدينة "
            f"الباب شرقي حلب مساء الثلاثاء {PAYLOAD}", "test", title=f"عنوان {PAYLOAD}",
            published=dt.date(2021, 5, 5), outlet=f"outlet {PAYLOAD}", url="javascript:alert(1)"),
)


def _location(incident: dict[str, Any]) -> dict[str, Any] | None:
    """The v2 location the store will hold: here simply the first town named, else the first place."""
    places = incident["places"]
    if not places:
        return None
    place = next((p for p in places if p["precision"] == "town"), places[0])
    return {"name_ar": place["text"], "name_en": place["name_en"], "lat": place["lat"], "lon": place["lon"],
            "admin1": place["admin1"], "admin2": place["admin2"], "country": place["country"],
            "precision": 1 if place["precision"] == "town" else 3}


@lru_cache(maxsize=1)
def _built() -> tuple[str, str]:
    docs = [analyze(a) for a in ARTICLES]
    incidents = [incident_json(i) for i in build_incidents(docs)]
    for inc in incidents:
        inc["location"] = _location(inc)
        inc["corrections"], inc["aliases"] = [], []
        if HOSTILE_DOC_ID in inc["doc_ids"]:
            inc["incident_id"] = HOSTILE_INCIDENT_ID
            inc["grade"], inc["grade_reasons"] = "weak", [f"a single source {PAYLOAD}"]
            inc["location"]["name_en"] = f"al-Bab {PAYLOAD}"
        elif len(inc["doc_ids"]) > 1:
            inc["grade"], inc["grade_reasons"] = "fair", ["reported by 2 sources, one perpetrator alleged"]
            inc["aliases"] = ["sy-2021-03-10-old-alias"]
        else:
            inc["grade"], inc["grade_reasons"] = "weak", ["a single source"]
    return (json.dumps(incidents, ensure_ascii=False),
            json.dumps([document_json(d) for d in docs], ensure_ascii=False))


def corpus() -> tuple[list[dict], list[dict]]:
    """Fresh copies of the test incidents and documents (JSON dicts, as the store returns)."""
    incidents, documents = _built()
    return json.loads(incidents), json.loads(documents)


class MemoryReader:
    """The Store's read methods over lists of dicts, with the Store's filter semantics."""

    def __init__(self, incidents: list[dict], documents: list[dict]):
        self._incidents = sorted(incidents, key=lambda i: ((i["date"] or {}).get("start") or "", i["incident_id"]))
        self._documents = {d["doc_id"]: d for d in documents}

    def incidents(self, where: Any = None) -> list[dict]:
        return [i for i in self._incidents if where is None or self._matches(i, where)]

    @staticmethod
    def _matches(inc: dict, where: Any) -> bool:
        location = inc.get("location") or {}
        date = inc["date"] or {}
        return ((where.date_from is None or (date.get("start") or "") >= where.date_from.isoformat())
                and (where.date_to is None or (date.get("end") or "9") <= where.date_to.isoformat())
                and (where.admin1 is None or (location.get("admin1") or "").lower() == where.admin1.lower())
                and (where.perpetrator is None or where.perpetrator in {a["actor"] for a in inc["perpetrator"]})
                and (where.grade is None or inc.get("grade") == where.grade)
                and (where.min_killed is None or (inc["killed"]["best"] or 0) >= where.min_killed))

    def incident(self, incident_id: str) -> dict | None:
        return next((i for i in self._incidents
                     if incident_id == i["incident_id"] or incident_id in i.get("aliases", [])), None)

    def documents(self, doc_ids) -> list[dict]:
        return [self._documents[d] for d in doc_ids if d in self._documents]


def by_doc(incidents: list[dict], doc_id: str) -> dict:
    return next(i for i in incidents if doc_id in i["doc_ids"])


@pytest.fixture(scope="module")
def data() -> tuple[list[dict], list[dict]]:
    return corpus()


@pytest.fixture(scope="module")
def client(data) -> TestClient:
    return TestClient(create_app(MemoryReader(*data)))


def html(response) -> lxml.html.HtmlElement:
    assert response.status_code == 200, response.text[:500]
    return lxml.html.fromstring(response.text)


def test_the_corpus_forms_the_expected_incidents(data):
    incidents, _ = data
    assert len(incidents) == 3
    maarrat = by_doc(incidents, "outlet-a-maarrat")
    assert sorted(maarrat["doc_ids"]) == ["outlet-a-maarrat", "outlet-b-maarrat"]
    assert maarrat["location"]["admin1"] == "Idlib"
    assert all(i["location"] for i in incidents)


# --- the list page ---------------------------------------------------------------------------

def test_list_has_one_row_per_incident_with_its_id(client, data):
    page = html(client.get("/"))
    rows = page.xpath("//tr[@data-incident-id]")
    assert sorted(r.get("data-incident-id") for r in rows) == sorted(i["incident_id"] for i in data[0])
    maarrat = by_doc(data[0], "outlet-a-maarrat")
    row = page.xpath(f"//tr[@data-incident-id='{maarrat['incident_id']}']")[0]
    assert "Idlib" in row.text_content() and "Russia" in row.text_content()
    assert row.xpath(".//a/@href")[0] == f"/incident/{maarrat['incident_id']}"


def test_list_shows_map_timeline_and_filter_menus(client):
    page = html(client.get("/"))
    assert page.get_element_by_id("map").get("data-api") == "/api/incidents?"
    assert page.xpath("//select[@name='perpetrator']/option/@value") == ["", "Russia", "Turkey"]
    assert set(page.xpath("//select[@name='admin1']/option/@value")) == {"", "Idlib", "Aleppo"}
    assert page.xpath("//select[@name='grade']/option/@value") == ["", *GRADES]
    # three incidents on three days: three bars in each of the two timelines
    assert len(page.xpath("//svg[contains(@class,'incidents')]//rect")) == 3
    assert len(page.xpath("//svg[contains(@class,'deaths')]//rect")) == 3


@pytest.mark.parametrize("query, doc_ids", [
    ("perpetrator=Russia", {"outlet-a-maarrat"}),
    ("admin1=aleppo", {"outlet-c-tell-rifaat", HOSTILE_DOC_ID}),
    ("grade=fair", {"outlet-a-maarrat"}),
    ("date_from=2021-04-01&date_to=2021-04-30", {"outlet-c-tell-rifaat"}),
    ("min_killed=3", {"outlet-a-maarrat", "outlet-c-tell-rifaat"}),
    ("date_from=&perpetrator=&grade=", {"outlet-a-maarrat", "outlet-c-tell-rifaat", HOSTILE_DOC_ID}),
])
def test_list_filters(client, data, query, doc_ids):
    page = html(client.get(f"/?{query}"))
    shown = {r.get("data-incident-id") for r in page.xpath("//tr[@data-incident-id]")}
    assert shown == {by_doc(data[0], d)["incident_id"] for d in doc_ids}
    api = client.get(page.get_element_by_id("map").get("data-api")).json()  # what the map draws
    assert {f["properties"]["incident_id"] for f in api["features"]} == shown


def test_filters_are_kept_in_the_form_and_the_map_query(client):
    page = html(client.get("/?perpetrator=Russia&date_from=2021-03-01"))
    assert page.xpath("//select[@name='perpetrator']/option[@selected]/@value") == ["Russia"]
    assert page.xpath("//input[@name='date_from']/@value") == ["2021-03-01"]
    assert page.get_element_by_id("map").get("data-api") == "/api/incidents?date_from=2021-03-01&perpetrator=Russia"


def test_a_filter_that_does_not_read_is_ignored_with_a_message(client, data):
    page = html(client.get("/?date_from=yesterday&min_killed=many"))
    assert len(page.xpath("//tr[@data-incident-id]")) == len(data[0])
    problems = " ".join(page.xpath("//p[@class='problem']/text()"))
    assert "yesterday" in problems and "many" in problems


# --- the incident page -----------------------------------------------------------------------

def test_incident_page_shows_figures_grade_and_reasons(client, data):
    inc = by_doc(data[0], "outlet-a-maarrat")
    page = html(client.get(f"/incident/{inc['incident_id']}"))
    killed = page.xpath("//tr[@data-figure='killed']/td/text()")
    assert killed[:3] == [str(inc["killed"]["low"]), str(inc["killed"]["best"]), str(inc["killed"]["high"])]
    assert page.xpath("//tr[@data-figure='strikes']/td/text()")[:3] == ["4", "4", "4"]
    assert page.xpath("//span[contains(@class,'grade')]/text()") == ["fair"]
    assert "reported by 2 sources" in page.xpath("string(//ul[@class='reasons'])")
    assert "sy-2021-03-10-old-alias" in page.xpath("string(//p[@class='aliases'])")


def test_source_by_claim_table_has_one_row_per_claim(client, data):
    inc = by_doc(data[0], "outlet-a-maarrat")
    page = html(client.get(f"/incident/{inc['incident_id']}"))
    rows = page.xpath("//tr[@data-claim]")
    assert len(rows) == len(inc["claims"])
    keys = [r.get("data-claim") for r in rows]
    assert f"outlet-b-maarrat:{inc['claims'][-1]['span'][0]}-{inc['claims'][-1]['span'][1]}" in keys
    observatory = next(r for r in rows if r.get("data-claim").startswith("outlet-b-maarrat"))
    cells = [c.text_content().strip() for c in observatory.xpath("./td")]
    assert cells[0] == "المرصد السوري لحقوق الإنسان"
    assert cells[2] == "killed" and cells[3] == "8+" and cells[4] == "على الأقل"
    assert cells[7].startswith("outlet-b-maarrat")


def test_each_claim_row_links_to_its_mark_in_the_article(client, data):
    inc = by_doc(data[0], "outlet-a-maarrat")
    page = html(client.get(f"/incident/{inc['incident_id']}"))
    for row in page.xpath("//tr[@data-claim]"):
        anchor = row.xpath(".//a/@href")[0].lstrip("#")
        mark = page.get_element_by_id(anchor)
        assert mark.tag == "mark" and "claim" in mark.get("class").split()
        assert mark.text_content() == row.xpath("./td")[6].text_content().strip()


def test_articles_are_right_to_left_with_claims_places_and_dates_marked(client, data):
    incidents, documents = data
    inc = by_doc(incidents, "outlet-a-maarrat")
    doc = next(d for d in documents if d["doc_id"] == "outlet-a-maarrat")
    page = html(client.get(f"/incident/{inc['incident_id']}"))
    body = page.xpath("//article[@data-doc-id='outlet-a-maarrat']//div[@class='article-text']")[0]
    assert body.get("dir") == "rtl" and body.get("lang") == "ar"
    assert body.text_content() == doc["text"]  # marking only cuts the text
    marks = {(m.get("class"), m.text_content()) for m in body.iter("mark")}
    assert ("place", "معرة النعمان") in marks
    assert ("date", doc["event_date"]["text"]) in marks
    assert {text for cls, text in marks if cls.startswith("claim")} >= {c["text"] for c in doc["claims"]}
    meta = page.xpath("string(//article[@data-doc-id='outlet-a-maarrat']//p[@class='meta'])")
    assert f"{sum(c['doc_id'] == 'outlet-a-maarrat' for c in inc['claims'])} claim(s) in this incident" in meta
    title = page.xpath("//article[@data-doc-id='outlet-a-maarrat']//h3")[0]
    assert (title.get("dir"), title.get("lang"), title.text) == ("rtl", "ar", "غارات روسية على معرة النعمان")


def test_incident_map_reads_the_incident_from_the_api(client, data):
    inc = by_doc(data[0], HOSTILE_DOC_ID)
    page = html(client.get("/incident/" + quote(inc["incident_id"])))
    api = page.get_element_by_id("incident-map").get("data-api")
    assert client.get(api).json()["incident_id"] == inc["incident_id"]


def test_an_alias_redirects_to_the_incident(client, data):
    inc = by_doc(data[0], "outlet-a-maarrat")
    response = client.get("/incident/sy-2021-03-10-old-alias", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"].endswith(f"/incident/{inc['incident_id']}")


def test_an_unknown_incident_is_a_404_page_and_a_404_api_answer(client):
    page = client.get("/incident/no-such-id")
    assert page.status_code == 404 and "no-such-id" in page.text
    assert client.get("/api/incidents/no-such-id").status_code == 404


# --- the API ---------------------------------------------------------------------------------

def test_api_incidents_is_the_geojson_export(client, data):
    response = client.get("/api/incidents")
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(data[0])
    inc = by_doc(data[0], "outlet-a-maarrat")
    feature = next(f for f in collection["features"] if f["properties"]["incident_id"] == inc["incident_id"])
    assert feature["geometry"] == {"type": "Point", "coordinates": [inc["location"]["lon"], inc["location"]["lat"]]}
    assert set(feature["properties"]) >= GEOJSON_PROPERTIES
    assert feature["properties"]["killed_best"] == inc["killed"]["best"]
    assert feature["properties"]["perpetrator"] == "Russia"


def test_api_incident_is_the_incident_json(client, data):
    inc = by_doc(data[0], "outlet-c-tell-rifaat")
    response = client.get(f"/api/incidents/{inc['incident_id']}")
    assert response.status_code == 200 and response.json() == inc


def test_api_rejects_a_malformed_filter(client):
    assert client.get("/api/incidents?date_from=yesterday").status_code == 422


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/api/incidents", "/api/incidents/{incident_id}",
                                  *(f"/api/incidents/{{incident_id}}/{a}" for a in ("corrections", "move", "merge"))}
    names = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert names == {"date_from", "date_to", "admin1", "perpetrator", "grade", "min_killed"}


# --- security and offline --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/incident/x", "/api/incidents", "/static/style.css", "/openapi.json"])
def test_every_response_carries_the_content_security_policy(client, path):
    policy = client.get(path).headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'none'"
    assert "unsafe-inline" not in policy and "http" not in policy


def _local_references(page: lxml.html.HtmlElement) -> list[str]:
    return page.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src")


def test_pages_load_nothing_from_elsewhere_and_carry_no_inline_script_or_style(client, data):
    inc = by_doc(data[0], "outlet-a-maarrat")
    for path in ("/", f"/incident/{inc['incident_id']}"):
        page = html(client.get(path))
        for ref in _local_references(page):
            assert ref.startswith("/") and not ref.startswith("//") or ref == "data:,", ref
        assert all(s.get("src") for s in page.iter("script")), "inline script"
        assert not page.xpath("//style | //*[@style]"), "inline style"
        assert not [a for el in page.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]


def test_static_files_are_served(client):
    for path in ("/static/leaflet/leaflet.js", "/static/leaflet/leaflet.css", "/static/dashboard.js",
                 "/static/basemap.js", "/static/incident.js",
                 "/static/basemap/outlines.geojson", "/static/leaflet/images/layers.png"):
        assert client.get(path).status_code == 200, path
    outlines = client.get("/static/basemap/outlines.geojson").json()
    countries = {f["properties"]["name"] for f in outlines["features"] if f["properties"]["placetype"] == "country"}
    assert countries == {"Syria", "Iraq", "Lebanon", "Palestine"}


def test_vendored_files_keep_their_licenses():
    static = Path(__file__).parents[1] / "src/rasd/web/static"
    assert "Agafonkin" in (static / "leaflet/LICENSE").read_text()
    assert "Who's On First" in (static / "basemap/README.md").read_text()
    assert (static / "basemap/outlines.geojson").stat().st_size < 300_000


def test_hostile_article_renders_as_text_everywhere(client, data):
    inc = by_doc(data[0], HOSTILE_DOC_ID)
    for path, expected in (("/", ("al-Bab",)), (f"/incident/{inc['incident_id']}", ("عنوان", "outlet", "evil-"))):
        response = client.get(path)
        page = html(response)
        scripts = [s.get("src") for s in page.iter("script")]
        assert scripts[:2] == ["/static/leaflet/leaflet.js", "/static/basemap.js"] and len(scripts) == 3
        assert not page.xpath("//img"), "an <img> from the data became an element"
        assert not [a for el in page.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
        assert not [h for h in page.xpath("//@href") if h.strip().lower().startswith("javascript:")]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
        assert all(word in page.text_content() for word in expected)
    page = html(client.get(f"/incident/{inc['incident_id']}"))
    assert PAYLOAD in page.xpath("string(//article//h3)")
    assert page.xpath("string(//article//bdi[@class='url'])") == "javascript:alert(1)"
    assert page.xpath("//tr[@data-incident-id]") == []


def test_hostile_incident_id_round_trips_through_links(client, data):
    assert by_doc(data[0], HOSTILE_DOC_ID)["incident_id"] == HOSTILE_INCIDENT_ID
    page = html(client.get("/"))
    rows = page.xpath("//tr[@data-incident-id]")
    hostile = next(r for r in rows if r.get("data-incident-id") == HOSTILE_INCIDENT_ID)
    href = hostile.xpath(".//a/@href")[0]
    assert "<" not in href and '"' not in href
    assert html(client.get(href)).xpath("string(//h1/bdi)") == HOSTILE_INCIDENT_ID
    assert client.get(f"/api/incidents/{href.removeprefix('/incident/')}").json()["incident_id"] == HOSTILE_INCIDENT_ID


# --- the pieces ------------------------------------------------------------------------------

def _flatten(nodes: list[Piece]) -> str:
    return "".join(n.text if n.highlight is None else _flatten(n.children) for n in nodes)


def test_pieces_nest_a_place_inside_a_claim_and_cut_a_crossing_span():
    text = "قتل ستة في معرة النعمان اليوم"
    town = text.index("معرة النعمان")
    claim = Highlight(0, town + len("معرة النعمان"), "claim")
    place = Highlight(town, claim.end, "place")
    crossing = Highlight(town + len("معرة "), len(text) - 2, "date")  # "النعمان الي" crosses both ends
    out = pieces(text, [place, crossing, claim])
    assert [n.highlight.kind if n.highlight else n.text for n in out] == ["claim", " اليوم"]
    inner = out[0].children
    assert [n.highlight.kind if n.highlight else n.text for n in inner] == ["قتل ستة في ", "place"]
    assert [n.highlight.kind if n.highlight else n.text for n in inner[1].children] == ["معرة ", "date"]
    assert _flatten(out) == text


def test_pieces_ignore_spans_outside_the_text():
    out = pieces("abc", [Highlight(5, 9, "claim"), Highlight(2, 2, "place"), Highlight(-3, 1, "date")])
    assert [(n.highlight.kind if n.highlight else None, _flatten([n])) for n in out] == [("date", "a"), (None, "bc")]


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(-2, 45), st.integers(-2, 45),
                                                st.sampled_from(["claim", "place", "date", "source"])), max_size=8))
def test_pieces_always_give_the_text_back_with_well_formed_marks(text, spans):
    out = pieces(text, [Highlight(a, b, kind) for a, b, kind in spans])
    assert _flatten(out) == text

    def check(nodes: list[Piece], start: int, end: int) -> None:
        at = start
        for n in nodes:
            if n.highlight is None:
                assert text[at:at + len(n.text)] == n.text
                at += len(n.text)
            else:
                assert start <= n.highlight.start == at < n.highlight.end <= end
                check(n.children, n.highlight.start, n.highlight.end)
                at = n.highlight.end
        assert at == end
    check(out, 0, len(text))


# --- small helpers ---------------------------------------------------------------------------

@pytest.mark.parametrize("minimum, maximum, approximate, shown", [
    (6, 6, False, "6"), (8, None, False, "8+"), (0, 9, False, "0–9"), (20, 99, False, "20–99"),
    (20, 20, True, "~20"), (None, None, False, "?"), (0, 0, False, "0"),
])
def test_claim_figure(minimum, maximum, approximate, shown):
    assert claim_figure(minimum, maximum, approximate) == shown


@pytest.mark.parametrize("url, link", [
    ("https://example.org/a", "https://example.org/a"), ("http://x.y/", "http://x.y/"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,<b>", None),
    ("vbscript:x", None), ("", None), (None, None), ("//evil.example/x", None),
])
def test_safe_link_keeps_only_web_addresses(url, link):
    assert safe_link(url) == link


def test_parse_filters_reads_the_form_and_reports_what_does_not_read():
    filters, problems = parse_filters({"date_from": "2021-03-01", "date_to": "", "admin1": " Idlib ",
                                       "min_killed": "٣", "grade": "fair"})
    assert filters == Filters(date_from=dt.date(2021, 3, 1), admin1="Idlib", grade="fair")
    assert len(problems) == 1 and "min_killed" in problems[0]


def test_timeline_counts_incidents_and_deaths_per_day_and_bins_a_long_span():
    def incident(day: str, killed: int | None) -> dict:
        return {"date": {"start": day, "end": day}, "killed": {"best": killed}}

    line = timeline([incident("2021-01-01", 3), incident("2021-01-01", None), incident("2021-01-03", 5)])
    assert [(b.start.isoformat(), b.incidents, b.deaths) for b in line.bars] == [
        ("2021-01-01", 2, 3), ("2021-01-03", 1, 5)]
    assert line.days_per_bar == 1 and line.bars[1].deaths_height == 100
    long = timeline([incident("2020-01-01", 1), incident("2022-12-31", 2)], max_bars=100)
    assert long.days_per_bar == 11 and len(long.bars) == 2 and long.bars[-1].index == 99
    assert timeline([{"date": None}]) is None


def test_serve_refuses_a_store_that_does_not_exist(tmp_path):
    from click.testing import CliRunner

    from rasd.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2 and "missing.db" in result.output


def test_serve_opens_the_store_and_serves_it_on_localhost(tmp_path, monkeypatch, data):
    """The command's wiring, with a stand-in for rasd.store (the real one lives on its own
    branch) and for uvicorn.run: the app it would serve answers over the opened store."""
    import sys
    import types

    import uvicorn
    from click.testing import CliRunner

    from rasd.cli import app

    opened: list[str] = []

    class FakeStore(MemoryReader):
        def __init__(self, path):
            opened.append(str(path))
            super().__init__(*data)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            opened.append("closed")

    served: dict = {}
    monkeypatch.setitem(sys.modules, "rasd.store", types.SimpleNamespace(Store=FakeStore))
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: served.update(app=application, **options))
    db = tmp_path / "rasd.db"
    db.write_bytes(b"")
    result = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert opened == [str(db), "closed"]
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    page = html(TestClient(served["app"]).get("/"))
    assert len(page.xpath("//tr[@data-incident-id]")) == len(data[0])


def test_pages_take_a_sparse_incident_without_failing():
    """What a store may hold for a thin report: no location, no grade, no date, null figures,
    an article missing from the store, and a document whose spans run past its text."""
    empty = {"low": None, "best": None, "high": None, "sources": []}
    sparse = {"incident_id": "sparse-1", "date": None, "places": [], "doc_ids": ["gone", "short"],
              "killed": empty, "injured": empty, "strikes": empty, "civilians_killed": empty,
              "civilians_injured": empty, "perpetrator": [], "target": [], "contradictions": [],
              "claims": [{"doc_id": "short", "kind": "killed", "min": 3, "max": None, "span": [2, 99],
                          "source": {"text": "مصدر", "kind": "anonymous"}}]}
    short = {"doc_id": "short", "text": "قتل ثلاثة", "title": None, "outlet": None, "url": None,
             "published": None, "places": [{"text": "x", "span": [50, 60]}], "event_date": None,
             "claims": [{"kind": "killed", "min": 3, "max": None, "span": [2, 99], "source": {}}]}
    client = TestClient(create_app(MemoryReader([sparse], [short])))
    row = html(client.get("/")).xpath("//tr[@data-incident-id='sparse-1']")[0]
    assert "not located" in row.text_content()
    page = html(client.get("/incident/sparse-1"))
    assert page.xpath("//tr[@data-claim]/@data-claim") == ["short:2-99"]
    assert page.xpath("string(//div[@class='article-text'])") == "قتل ثلاثة"
    assert page.xpath("string(//div[@class='article-text']/mark)") == "ل ثلاثة"
    assert "gone" in page.xpath("string(//p[@class='problem'])")
    assert client.get("/api/incidents").json() == {"type": "FeatureCollection", "features": []}
