"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright.

The app serves the corpus of test_web.py from a uvicorn server in a thread on a free port. The
tests follow an analyst's path (list -> map marker -> incident page -> highlighted span), record
every request the pages make (none may go to another host), every console error (a Content
Security Policy violation is one) and every dialog (the hostile article must open none), and save
screenshots of the list, the map and an incident page to out/screenshots (or $RASD_SCREENSHOTS).
One test corrects an incident's grade through the page's form, over a real store.
"""
from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from rasd.pipeline import analyze
from rasd.store import Store
from rasd.web import WriteAccess, create_app
from test_web import ARTICLES, HOSTILE_DOC_ID, PAYLOAD, MemoryReader, by_doc, corpus

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(os.environ.get("RASD_SCREENSHOTS", Path(__file__).parents[1] / "out" / "screenshots"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def data() -> tuple[list[dict], list[dict]]:
    return corpus()


@contextmanager
def serving(reader: MemoryReader | Store, writes: WriteAccess | None = None) -> Iterator[str]:
    """The dashboard over ``reader`` on a free local port, in a thread; yields its base URL."""
    port = _free_port()
    config = uvicorn.Config(create_app(reader, writes), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def server(data) -> Iterator[str]:
    with serving(MemoryReader(*data)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: `make chromium` installs Debian's chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with what it did recorded: requested URLs, console errors, dialogs."""

    def __init__(self, page: Page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:  # noqa: ANN001
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def check(self, base: str) -> None:
        origin = urlsplit(base).netloc
        elsewhere = [u for u in self.requests if urlsplit(u).scheme != "data" and urlsplit(u).netloc != origin]
        assert not elsewhere, f"requests left the machine: {elsewhere}"
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


@pytest.fixture
def watched(browser, server) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="en-US")
    # Should anything try another host, it is refused here as well as reported by check().
    context.route(lambda url: urlsplit(url).netloc != urlsplit(server).netloc and not url.startswith("data:"),
                  lambda route: route.abort())
    page = Watched(context.new_page())
    yield page
    context.close()


def _map_loaded(page: Page) -> None:
    expect(page.locator("#map")).to_have_attribute("data-loaded", "3")


def test_list_to_marker_to_incident_to_highlighted_span(watched, server, data):
    page = watched.page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    _map_loaded(page)
    incident = by_doc(data[0], "outlet-a-maarrat")
    iid = incident["incident_id"]

    rows = page.locator("tr[data-incident-id]")
    expect(rows).to_have_count(3)
    expect(page.locator(f'tr[data-incident-id="{iid}"]')).to_contain_text("Russia")
    expect(page.locator("path.incident-marker")).to_have_count(3)
    expect(page.locator("path.outline-region").first).to_be_attached()
    page.locator("table.incidents").screenshot(path=SCREENSHOTS / "list.png")
    page.locator(".overview").screenshot(path=SCREENSHOTS / "map.png")

    page.locator(f'path[data-marker-for="{iid}"]').click()
    popup_link = page.locator(".leaflet-popup a.popup-title")
    expect(popup_link).to_contain_text("2021-03-10")
    popup_link.click()
    page.wait_for_url(f"**/incident/{iid}")

    located = [p for p in incident["places"] if p["lat"] is not None]
    expect(page.locator("#incident-map")).to_have_attribute("data-loaded", str(len(located) + 1))
    expect(page.locator('#incident-map path[data-location="coded"]')).to_have_class(re.compile(r"\bgrade-fair\b"))
    expect(page.locator("tr[data-claim]")).to_have_count(len(incident["claims"]))
    claim_row = page.locator('tr[data-claim^="outlet-b-maarrat:"]')
    claim_row.locator("a").click()
    target = page.locator("mark:target")
    expect(target).to_have_count(1)
    expect(target).to_have_class("claim claim-killed")
    expect(target).to_be_in_viewport()
    outlet_b = next(d for d in data[1] if d["doc_id"] == "outlet-b-maarrat")
    claim_text = next(c["text"] for c in outlet_b["claims"] if c["kind"] == "killed")
    expect(target).to_have_text(claim_text)
    article = page.locator('article[data-doc-id="outlet-b-maarrat"] .article-text')
    assert article.evaluate("e => getComputedStyle(e).direction") == "rtl"
    expect(article.locator("mark.place").first).to_have_text("معرة النعمان")
    page.screenshot(path=SCREENSHOTS / "incident.png", full_page=True)
    watched.check(server)


def test_locate_button_opens_the_incident_on_the_map(watched, server, data):
    page = watched.page
    page.goto(server + "/")
    _map_loaded(page)
    iid = by_doc(data[0], "outlet-c-tell-rifaat")["incident_id"]
    page.locator(f'button[data-locate="{iid}"]').click()
    expect(page.locator(".leaflet-popup")).to_contain_text("Turkey")
    watched.check(server)


def test_filters_narrow_the_list_the_map_and_the_timeline(watched, server, data):
    page = watched.page
    page.goto(server + "/")
    _map_loaded(page)
    page.select_option("select[name=perpetrator]", "Russia")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*perpetrator=Russia*")
    expect(page.locator("tr[data-incident-id]")).to_have_count(1)
    expect(page.locator("#map")).to_have_attribute("data-loaded", "1")
    expect(page.locator("svg.bars.incidents rect")).to_have_count(1)
    watched.check(server)


def test_hostile_article_runs_nothing(watched, server, data):
    page = watched.page
    page.goto(server + "/")
    _map_loaded(page)
    hostile = by_doc(data[0], HOSTILE_DOC_ID)["incident_id"]
    page.locator("tr[data-incident-id]").filter(has_text="al-Bab").locator("a").first.click()
    page.wait_for_load_state()
    assert unquote(urlsplit(page.url).path) == f"/incident/{hostile}"
    expect(page.locator("article h3")).to_have_text(f"عنوان {PAYLOAD}")
    expect(page.locator("article .meta")).to_contain_text(f"outlet {PAYLOAD}")
    expect(page.locator("article .article-text")).to_contain_text(PAYLOAD)
    expect(page.locator("a[href^='javascript:']")).to_have_count(0)
    expect(page.locator("#incident-map")).to_have_attribute("data-loaded", re.compile(r"^[1-9]"))
    page.locator('#incident-map path[data-location="coded"]').hover()
    expect(page.locator(".leaflet-tooltip").filter(has_text="Coded location")).to_contain_text(PAYLOAD)
    assert page.evaluate("document.querySelectorAll('script:not([src]), img').length") == 0
    page.screenshot(path=SCREENSHOTS / "hostile.png", full_page=True)

    page.goto(server + "/")
    _map_loaded(page)
    page.locator(f"path.incident-marker[data-marker-for={json.dumps(hostile)}]").click()
    expect(page.locator(".leaflet-popup")).to_contain_text(PAYLOAD)
    page.wait_for_timeout(200)  # give any injected handler the chance to fire
    watched.check(server)


def test_map_opens_on_the_region_even_with_an_incident_coded_far_away(browser, data):
    incidents, documents = corpus()
    far = json.loads(json.dumps(by_doc(incidents, "outlet-c-tell-rifaat")))
    far["incident_id"] = "far-away"
    far["location"] = {"name_en": "Moscow", "lat": 55.75, "lon": 37.62, "admin1": None, "country": "RU"}
    with serving(MemoryReader([*incidents, far], documents)) as url:
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        page.goto(url + "/")
        expect(page.locator("#map")).to_have_attribute("data-loaded", "4")
        shown = page.locator("#map").bounding_box()

        def inside(selector: str) -> bool:
            """Drawn within the map (Leaflet gives a circle out of view an empty path)."""
            box = page.locator(selector).bounding_box()
            return (box is not None and box["width"] > 4
                    and shown["x"] <= box["x"] and box["x"] + box["width"] <= shown["x"] + shown["width"]
                    and shown["y"] <= box["y"] and box["y"] + box["height"] <= shown["y"] + shown["height"])

        maarrat = by_doc(incidents, "outlet-a-maarrat")["incident_id"]
        assert inside(f'path[data-marker-for="{maarrat}"]')
        assert not inside('path[data-marker-for="far-away"]')
        page.close()


def test_correcting_the_grade_from_the_incident_page(browser, tmp_path):
    """An analyst fills the form on a dashboard served with corrections allowed: the page comes
    back with the new grade, the corrected flag and the correction listed (old -> new)."""
    with Store(tmp_path / "rasd.db", any_thread=True) as store:
        store.add([analyze(a) for a in ARTICLES])
        incident = next(i for i in store.incidents() if "outlet-a-maarrat" in i["doc_ids"])
        new_grade = "contested" if incident["grade"] != "contested" else "weak"
        with serving(store, WriteAccess()) as url:
            context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="en-US")
            context.route(lambda u: urlsplit(u).netloc != urlsplit(url).netloc and not u.startswith("data:"),
                          lambda route: route.abort())
            watched = Watched(context.new_page())
            page = watched.page
            page.goto(f"{url}/incident/{incident['incident_id']}")
            form = page.locator("#correction-form")
            expect(form.locator("select[name=grade]")).to_be_visible()
            expect(form.locator("input[name=best]")).to_be_hidden()
            form.locator("select[name=grade]").select_option(new_grade)
            form.locator("input[name=who]").fill("لينا")
            form.locator("input[name=why]").fill("the Turkish ministry denied it")
            with page.expect_navigation():
                form.locator("button[type=submit]").click()
            expect(page.locator(".grade-box .grade")).to_have_text(new_grade)
            expect(page.locator("h1 .flag-corrected")).to_have_text("corrected")
            row = page.locator("table.corrections tr[data-field=grade]")
            expect(row).to_have_count(1)
            expect(row.locator("td").nth(1)).to_have_text("لينا")
            expect(row.locator("td").nth(3)).to_have_text(f"{incident['grade']} → {new_grade}")
            expect(page.locator(".reasons")).to_contain_text("the Turkish ministry denied it")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / "correction.png", full_page=True)
            watched.check(url)
            context.close()
        assert store.incident(incident["incident_id"])["grade"] == new_grade
