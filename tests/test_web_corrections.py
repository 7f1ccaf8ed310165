"""Corrections from the dashboard (rasd.web with ``WriteAccess``), over a real store.

The store holds test_web.py's articles (two outlets on one strike in Maarrat al-Nu'man, a Turkish
shelling of Tell Rifaat, a hostile article); ``LATER`` is a third report of the Maarrat strike,
written for these tests, that a later ``Store.add`` groups with it and that changes its figures.
Writes go through FastAPI's TestClient at http://127.0.0.1:8000 (a loopback Host, as a browser
on the machine sends it) with the page's token unless a test says otherwise.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient

from rasd.model import Article
from rasd.pipeline import analyze
from rasd.store import Store
from rasd.web import WriteAccess, create_app
from rasd.web.pages import correction_text
from rasd.web.writes import LOOPBACK, READ_ONLY, TOKEN_HEADER
from test_web import ARTICLES, HOSTILE_DOC_ID, PAYLOAD

BASE = "http://127.0.0.1:8000"
LATER = Article("outlet-d-maarrat", "أعلن الدفاع المدني السوري مقتل سبعة مدنيين بينهم طفلان في غارات جوية "
                "روسية على مدينة معرة النعمان بريف إدلب الجنوبي فجر الأربعاء.", "test", title="سبعة قتلى",
                published=dt.date(2021, 3, 10), outlet="Outlet D", url="https://example.org/d/1")


@pytest.fixture(scope="module")
def analyzed() -> list:
    return [analyze(a) for a in ARTICLES]


@pytest.fixture
def store(tmp_path, analyzed) -> Store:
    with Store(tmp_path / "rasd.db", any_thread=True) as opened:
        opened.add(analyzed)
        yield opened


@pytest.fixture
def access() -> WriteAccess:
    return WriteAccess()


@pytest.fixture
def client(store, access) -> TestClient:
    return TestClient(create_app(store, access), base_url=BASE, headers={TOKEN_HEADER: access.token})


def holding(store: Store, doc_id: str) -> str:
    return next(i["incident_id"] for i in store.incidents() if doc_id in i["doc_ids"])


def url(incident_id: str, action: str) -> str:
    return f"/api/incidents/{quote(incident_id, safe='')}/{action}"


def page(client: TestClient, incident_id: str) -> lxml.html.HtmlElement:
    response = client.get(f"/incident/{quote(incident_id, safe='')}")
    assert response.status_code == 200, response.text[:300]
    return lxml.html.fromstring(response.text)


SIGNED = {"who": "lina", "why": "the civil defence published the names"}


# --- each kind of correction ----------------------------------------------------------------

@pytest.mark.parametrize("body, check", [
    ({"field": "grade", "value": "contested"}, lambda i: i["grade"] == "contested"),
    ({"field": "killed", "value": {"low": 6, "best": 7, "high": 9}},
     lambda i: (i["killed"]["low"], i["killed"]["best"], i["killed"]["high"]) == (6, 7, 9)),
    ({"field": "civilians_injured", "value": {"low": None, "best": "10", "high": None}},
     lambda i: (i["civilians_injured"]["low"], i["civilians_injured"]["best"]) == (None, 10)),
    ({"field": "perpetrator", "value": ["Syrian government", " Russia "]},
     lambda i: [p["actor"] for p in i["perpetrator"]] == ["Syrian government", "Russia"]),
    ({"field": "perpetrator", "value": []}, lambda i: i["perpetrator"] == []),
    ({"field": "location", "value": "سراقب"},
     lambda i: (i["location"]["name_en"], i["location"]["admin1"], i["location"]["precision"]) == ("Saraqib", "Idlib", 1)),
])
def test_a_field_correction_is_stored_shown_and_flagged(client, store, body, check):
    inc_id = holding(store, "outlet-a-maarrat")
    response = client.post(url(inc_id, "corrections"), json=body | SIGNED)
    assert response.status_code == 200, response.text
    assert check(response.json()) and check(store.incident(inc_id))
    correction = store.incident(inc_id)["corrections"][-1]
    assert (correction["field"], correction["who"], correction["why"]) == (body["field"], "lina", SIGNED["why"])
    shown = page(client, inc_id)
    assert shown.xpath("string(//h1/span[@class='flag-corrected'])") == "corrected"
    row = shown.xpath(f"//table[@class='corrections']//tr[@data-field='{body['field']}']")[0]
    cells = [td.text_content() for td in row.xpath("./td")]
    assert cells[1] == "lina" and cells[4] == SIGNED["why"] and cells[0] == correction["when"]
    assert cells[3] == f"{correction_text(body['field'], correction['old'])} → {correction_text(body['field'], correction['value'])}"
    listed = lxml.html.fromstring(client.get("/").text)
    assert listed.xpath(f"//tr[@data-incident-id='{inc_id}']//span[@class='flag-corrected']")


def test_the_page_shows_old_and_new_of_a_grade_and_of_figures(client, store):
    inc_id = holding(store, "outlet-a-maarrat")
    before = store.incident(inc_id)
    client.post(url(inc_id, "corrections"), json={"field": "grade", "value": "confirmed"} | SIGNED)
    client.post(url(inc_id, "corrections"), json={"field": "killed", "value": {"low": 6, "best": 7, "high": None}} | SIGNED)
    rows = page(client, inc_id).xpath("//table[@class='corrections']//tr[@data-field]")
    assert [r.xpath("string(./td[4])") for r in rows] == [
        f"{before['grade']} → confirmed",
        f"{before['killed']['low']} / {before['killed']['best']} / {before['killed']['high']} → 6 / 7 / —"]
    assert page(client, inc_id).xpath("//span[contains(@class,'grade-confirmed')]/text()") == ["confirmed"]


def test_an_article_is_moved_out_into_an_incident_of_its_own(client, store):
    inc_id = holding(store, "outlet-a-maarrat")
    response = client.post(url(inc_id, "move"), json={"doc_id": "outlet-b-maarrat"} | SIGNED)
    assert response.status_code == 200, response.text
    moved_to = response.json()["moved_to"]
    assert response.json()["incident"]["doc_ids"] == ["outlet-a-maarrat"]
    assert store.incident(moved_to)["doc_ids"] == ["outlet-b-maarrat"] and moved_to != inc_id
    for shown in (page(client, inc_id), page(client, moved_to)):
        assert "outlet-b-maarrat moved out" in shown.xpath("string(//table[@class='corrections'])")


def test_another_incident_is_merged_in_and_its_id_kept_as_an_alias(client, store):
    keep, other = holding(store, "outlet-a-maarrat"), holding(store, "outlet-c-tell-rifaat")
    response = client.post(url(keep, "merge"), json={"other_id": other} | SIGNED)
    assert response.status_code == 200, response.text
    assert "outlet-c-tell-rifaat" in response.json()["doc_ids"] and response.json()["aliases"] == [other]
    assert client.get(f"/incident/{other}", follow_redirects=False).headers["location"].endswith(f"/incident/{keep}")
    assert f"incident {other} merged in" in page(client, keep).xpath("string(//table[@class='corrections'])")


def test_corrections_made_from_the_dashboard_survive_a_later_add(client, store):
    inc_id = holding(store, "outlet-a-maarrat")
    for body in ({"field": "grade", "value": "confirmed"}, {"field": "killed", "value": {"low": 6, "best": 6, "high": 6}},
                 {"field": "location", "value": "معرة النعمان"}):
        assert client.post(url(inc_id, "corrections"), json=body | SIGNED).status_code == 200
    machine_before = store.incident(inc_id)
    result = store.add([analyze(LATER)])
    assert result.updated == [inc_id]                       # the corrected incident was regrouped
    after = client.get(f"/api/incidents/{inc_id}").json()
    assert "outlet-d-maarrat" in after["doc_ids"]
    assert after["grade"] == "confirmed"
    assert (after["killed"]["low"], after["killed"]["best"], after["killed"]["high"]) == (6, 6, 6)
    assert after["location"]["name_ar"] == "معرة النعمان" and after["location"]["admin1"] == "Idlib"
    assert after["corrections"] == machine_before["corrections"]


# --- refusals -----------------------------------------------------------------------------------

@pytest.mark.parametrize("action, body, status, words", [
    ("corrections", {"field": "colour", "value": "red"}, 422, "colour"),
    ("corrections", {"field": "grade", "value": "certain"}, 422, "certain"),
    ("corrections", {"field": "killed", "value": {"low": 9, "best": 3, "high": 12}}, 422, "low <= best <= high"),
    ("corrections", {"field": "killed", "value": {"low": -1, "best": 3, "high": 4}}, 422, "greater than or equal to 0"),
    ("corrections", {"field": "injured", "value": {"best": "many"}}, 422, "integer"),
    ("corrections", {"field": "location", "value": "مكان لا يعرفه أحد"}, 422, "gazetteer"),
    ("corrections", {"field": "perpetrator", "value": ["Russia", " "]}, 422, "at least 1 character"),
    ("move", {"doc_id": "outlet-c-tell-rifaat"}, 422, "is not in incident"),
    ("merge", {"other_id": "no-such-incident"}, 422, "no incident"),
    ("merge", {"other_id": "SELF"}, 422, "already one incident"),
])
def test_a_bad_correction_is_a_clear_4xx_and_stores_nothing(client, store, action, body, status, words):
    inc_id = holding(store, "outlet-a-maarrat")
    body = {k: inc_id if v == "SELF" else v for k, v in body.items()}
    response = client.post(url(inc_id, action), json=body | SIGNED)
    assert response.status_code == status, response.text
    assert words in str(response.json()["detail"])
    assert str(store.path) not in response.text                  # no server file named to the client
    assert all(not i["corrections"] for i in store.incidents())


@pytest.mark.parametrize("signed, missing", [
    ({"why": "names published"}, "who"), ({"who": "lina"}, "why"),
    ({"who": "   ", "why": "names published"}, "who"), ({"who": "lina", "why": ""}, "why"),
])
def test_a_correction_without_who_or_why_is_refused(client, store, signed, missing):
    inc_id = holding(store, "outlet-a-maarrat")
    for action, body in (("corrections", {"field": "grade", "value": "weak"}), ("move", {"doc_id": "outlet-b-maarrat"}),
                         ("merge", {"other_id": holding(store, "outlet-c-tell-rifaat")})):
        response = client.post(url(inc_id, action), json=body | signed)
        assert response.status_code == 422
        assert any(e["loc"][-1] == missing for e in response.json()["detail"]), response.text
    assert all(not i["corrections"] for i in store.incidents())


def test_an_unknown_incident_is_a_404(client, store):
    for action, body in (("corrections", {"field": "grade", "value": "weak"}), ("move", {"doc_id": "outlet-a-maarrat"}),
                         ("merge", {"other_id": holding(store, "outlet-a-maarrat")})):
        response = client.post(url("no-such-incident", action), json=body | SIGNED)
        assert response.status_code == 404 and "no-such-incident" in response.json()["detail"]


def test_the_dashboard_is_read_only_by_default(store):
    client = TestClient(create_app(store), base_url=BASE)
    inc_id = holding(store, "outlet-a-maarrat")
    for action, body in (("corrections", {"field": "grade", "value": "weak"}), ("move", {"doc_id": "outlet-b-maarrat"}),
                         ("merge", {"other_id": holding(store, "outlet-c-tell-rifaat")})):
        response = client.post(url(inc_id, action), json=body | SIGNED, headers={TOKEN_HEADER: "anything"})
        assert response.status_code == 403 and response.json()["detail"] == READ_ONLY
    assert "--allow-corrections" in READ_ONLY
    shown = page(client, inc_id)
    assert not shown.xpath("//form[@id='correction-form']") and "/static/correct.js" not in shown.xpath("//script/@src")
    assert all(not i["corrections"] for i in store.incidents())


@pytest.mark.parametrize("headers, words", [
    ({TOKEN_HEADER: None}, TOKEN_HEADER),                                  # no token
    ({TOKEN_HEADER: "guessed"}, TOKEN_HEADER),                             # a wrong one
    ({"Origin": "http://evil.example"}, "another origin"),                 # posted from another site
    ({"Origin": "null"}, "another origin"),                                # from a sandboxed frame or file
    ({"Origin": "http://127.0.0.1:9999"}, "another origin"),               # another server on this machine
    ({"Host": "evil.example:8000", "Origin": "http://evil.example:8000"}, "taken only at"),  # DNS rebinding
])
def test_a_write_from_elsewhere_is_refused_before_its_body_is_read(store, access, headers, words):
    inc_id = holding(store, "outlet-a-maarrat")
    sent = {TOKEN_HEADER: access.token} | {k: v for k, v in headers.items() if v is not None}
    if headers.get(TOKEN_HEADER, "") is None:
        del sent[TOKEN_HEADER]
    client = TestClient(create_app(store, access), base_url=BASE)
    for body in ({"field": "grade", "value": "weak"} | SIGNED, {"field": "nonsense"}):
        response = client.post(url(inc_id, "corrections"), json=body, headers=sent)
        assert response.status_code == 403 and words in response.json()["detail"], response.text
    assert all(not i["corrections"] for i in store.incidents())


def test_a_write_from_the_page_itself_is_taken(client, store):
    inc_id = holding(store, "outlet-a-maarrat")
    response = client.post(url(inc_id, "corrections"), json={"field": "grade", "value": "weak"} | SIGNED,
                           headers={"Origin": BASE})
    assert response.status_code == 200 and store.incident(inc_id)["grade"] == "weak"


def test_the_page_carries_the_form_and_this_process_token(client, store, access):
    inc_id = holding(store, "outlet-a-maarrat")
    form = page(client, inc_id).xpath("//form[@id='correction-form']")[0]
    assert form.get("data-token") == access.token and form.get("data-api") == f"/api/incidents/{inc_id}"
    assert set(form.xpath(".//select[@name='doc_id']/option/@value")) == {"outlet-a-maarrat", "outlet-b-maarrat"}
    assert {"who", "why"} <= set(form.xpath(".//input[@required]/@name"))
    assert WriteAccess().token != access.token


@pytest.mark.parametrize("host, hosts", [
    ("127.0.0.1", LOOPBACK), ("localhost", LOOPBACK), ("192.168.1.20", LOOPBACK | {"192.168.1.20"}),
    ("[::1]", LOOPBACK), ("0.0.0.0", None), ("::", None),
])
def test_write_access_for_the_address_served_on(host, hosts):
    assert WriteAccess.serving(host).hosts == hosts


@pytest.mark.parametrize("host, taken", [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("LOCALHOST", True), ("[::1]:8000", True),
    ("127.0.0.1.evil.example:8000", False), ("evil.example", False), ("", False),
])
def test_the_host_a_write_is_addressed_to(host, taken):
    access = WriteAccess()
    assert (access.refusal({"host": host, TOKEN_HEADER: access.token}) is None) == taken


# --- hostile text and the description -----------------------------------------------------------

def test_a_hostile_who_and_why_render_as_text(client, store):
    inc_id = holding(store, HOSTILE_DOC_ID)
    response = client.post(url(inc_id, "corrections"),
                           json={"field": "perpetrator", "value": [PAYLOAD], "who": f"lina {PAYLOAD}", "why": PAYLOAD})
    assert response.status_code == 200, response.text
    raw = client.get(f"/incident/{quote(inc_id, safe='')}").text
    shown = lxml.html.fromstring(raw)
    row = shown.xpath("//table[@class='corrections']//tr[@data-field='perpetrator']")[0]
    assert row.xpath("string(./td[2])") == f"lina {PAYLOAD}" and row.xpath("string(./td[5])") == PAYLOAD
    assert PAYLOAD in row.xpath("string(./td[4])")
    assert not shown.xpath("//img") and [s.get("src") for s in shown.iter("script")] == [
        "/static/leaflet/leaflet.js", "/static/basemap.js", "/static/incident.js", "/static/correct.js"]
    assert not [a for el in shown.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    assert raw.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3


def test_openapi_describes_the_write_api_with_its_request_models(client):
    spec = client.get("/openapi.json").json()
    for action, model in (("corrections", None), ("move", "MoveRequest"), ("merge", "MergeRequest")):
        post = spec["paths"][f"/api/incidents/{{incident_id}}/{action}"]["post"]
        assert {"403", "404", "422"} <= set(post["responses"])
        schema = post["requestBody"]["content"]["application/json"]["schema"]
        if model:
            assert schema["$ref"].endswith(model)
        else:
            assert schema["discriminator"]["propertyName"] == "field"
            assert {r["$ref"].rsplit("/", 1)[1] for r in schema["oneOf"]} == {
                "GradeCorrection", "FiguresCorrection", "PerpetratorCorrection", "LocationCorrection"}
    components = spec["components"]["schemas"]
    assert {"who", "why"} <= set(components["MoveRequest"]["required"])
    assert set(components["Figures"]["properties"]) == {"low", "best", "high"}


def test_serve_is_read_only_unless_told_to_take_corrections(tmp_path, monkeypatch, analyzed):
    import uvicorn
    from click.testing import CliRunner

    import rasd.web
    from rasd.cli import app

    db: Path = tmp_path / "rasd.db"
    with Store(db) as built:
        built.add(analyzed[:1])
    made: list = []
    monkeypatch.setattr(rasd.web, "create_app", lambda store, writes=None: made.append(writes) or "app")
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: None)
    runner = CliRunner()
    assert runner.invoke(app, ["serve", "--db", str(db)]).exit_code == 0
    allowed = runner.invoke(app, ["serve", "--db", str(db), "--allow-corrections"])
    assert allowed.exit_code == 0 and "corrections allowed" in allowed.output
    assert made[0] is None and made[1].hosts == LOOPBACK and len(made[1].token) >= 32
