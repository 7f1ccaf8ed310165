"""What the dashboard's pages show, computed from the store's incident and document dicts.

Pure functions over the contract's JSON shapes (CONTRACT.md v2): the routes in ``app`` pass
their results to the templates, which escape every value they print.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlencode, urlsplit

from rasd.store import IncidentFilter
from rasd.web.marks import Highlight, Piece, pieces

GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
FIGURES = (("killed", "Killed"), ("civilians_killed", "Civilians killed"), ("injured", "Injured"),
           ("civilians_injured", "Civilians injured"), ("strikes", "Strikes"))
MAX_TIMELINE_BARS = 400


class Filters(IncidentFilter):
    """The list's filters: the store's ``IncidentFilter``, and how the page links to them."""

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def query(self, **changes: Any) -> str:
        """The query string of these filters with ``changes`` applied (for links)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)} | changes
        return urlencode({k: str(v) for k, v in values.items() if v is not None})


def parse_filters(raw: Mapping[str, str | None]) -> tuple[Filters, list[str]]:
    """Filters from a form's values, leniently: an empty field is no filter, a value that does
    not read is dropped with a message for the page (a browser form sends both)."""
    problems: list[str] = []

    def text(name: str) -> str | None:
        value = (raw.get(name) or "").strip()
        return value or None

    def date(name: str) -> dt.date | None:
        value = text(name)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            problems.append(f"{name}: {value!r} is not a date (YYYY-MM-DD)")
            return None

    def number(name: str) -> int | None:
        value = text(name)
        if value is None:
            return None
        if value.isascii() and value.isdigit():
            return int(value)
        problems.append(f"{name}: {value!r} is not a whole number")
        return None

    filters = Filters(date_from=date("date_from"), date_to=date("date_to"), admin1=text("admin1"),
                      perpetrator=text("perpetrator"), grade=text("grade"),
                      min_killed=number("min_killed"))
    return filters, problems


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def incident_day(incident: Mapping[str, Any]) -> dt.date | None:
    return _day((incident.get("date") or {}).get("start"))


def actors(incident: Mapping[str, Any], role: str = "perpetrator") -> list[str]:
    return [a.get("actor") for a in incident.get(role) or [] if a.get("actor")]


def filter_choices(incidents: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """The values the filter menus offer: every perpetrator and governorate in the store."""
    perpetrators: set[str] = set()
    governorates: set[str] = set()
    for inc in incidents:
        perpetrators.update(actors(inc))
        admin1 = (inc.get("location") or {}).get("admin1")
        if admin1:
            governorates.add(admin1)
    return {"perpetrator": sorted(perpetrators), "admin1": sorted(governorates), "grade": list(GRADES)}


@dataclass(frozen=True)
class Bar:
    index: int
    start: dt.date
    end: dt.date
    incidents: int
    deaths: int
    incidents_height: float
    deaths_height: float


@dataclass(frozen=True)
class Timeline:
    bars: list[Bar]
    days_per_bar: int
    width: int
    max_incidents: int
    max_deaths: int
    first: dt.date
    last: dt.date


def timeline(incidents: Iterable[Mapping[str, Any]], max_bars: int = MAX_TIMELINE_BARS) -> Timeline | None:
    """Incidents and deaths (``killed.best``) per day from the first to the last incident; over a
    long span several days share a bar so that there are at most ``max_bars``."""
    dated = [(day, ((inc.get("killed") or {}).get("best") or 0))
             for inc in incidents if (day := incident_day(inc)) is not None]
    if not dated:
        return None
    first = min(d for d, _ in dated)
    last = max(d for d, _ in dated)
    days = (last - first).days + 1
    per_bar = math.ceil(days / max_bars)
    count = math.ceil(days / per_bar)
    incidents_per = [0] * count
    deaths_per = [0] * count
    for day, deaths in dated:
        index = (day - first).days // per_bar
        incidents_per[index] += 1
        deaths_per[index] += deaths
    max_incidents = max(incidents_per)
    max_deaths = max(deaths_per)
    bars = []
    for i in range(count):
        if not incidents_per[i]:
            continue
        start = first + dt.timedelta(days=i * per_bar)
        end = min(last, start + dt.timedelta(days=per_bar - 1))
        bars.append(Bar(i, start, end, incidents_per[i], deaths_per[i],
                        100 * incidents_per[i] / max_incidents,
                        100 * deaths_per[i] / max_deaths if max_deaths else 0.0))
    return Timeline(bars, per_bar, max(count, 30), max_incidents, max_deaths, first, last)


def claim_figure(minimum: int | None, maximum: int | None, approximate: bool = False) -> str:
    """A claim's figure as read: "6", "8+" (at least), "0–9", "20–99", "~20"."""
    if minimum is None and maximum is None:
        return "?"
    if maximum is None:
        text = f"{minimum}+"
    elif minimum is None or minimum == maximum:
        text = str(maximum)
    else:
        text = f"{minimum}–{maximum}"
    return f"~{text}" if approximate else text


def safe_link(url: str | None) -> str | None:
    """The URL if it is a plain web address (http/https), else None: a ``javascript:`` or
    ``data:`` URL from an article is shown as text, never made a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return value[0], value[1]
    return None


@dataclass(frozen=True)
class ClaimRow:
    """One row of the source-by-claim table."""
    key: str            # data-claim: "doc_id:start-end"
    doc_id: str
    source: str
    source_kind: str
    kind: str
    figure: str
    qualifier: str | None
    group: str | None
    group_kind: str | None
    text: str
    anchor: str | None  # id of the claim's mark in its article
    outlet: str | None
    denial: bool


@dataclass(frozen=True)
class ArticleView:
    doc_id: str
    anchor: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    link: str | None
    body: list[Piece]
    claims_here: int


def _claim_anchor(doc_index: int, claim_index: int) -> str:
    return f"a{doc_index}-c{claim_index}"


def incident_view(incident: Mapping[str, Any], documents: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The source-by-claim rows and the marked-up articles of one incident."""
    docs = {d.get("doc_id"): (i, d) for i, d in enumerate(documents)}
    incident_spans: dict[str, set[tuple[int, int]]] = {}
    for c in incident.get("claims") or []:
        span = _span(c.get("span"))
        if span:
            incident_spans.setdefault(c.get("doc_id"), set()).add(span)

    rows = []
    for c in incident.get("claims") or []:
        doc_id = c.get("doc_id") or ""
        span = _span(c.get("span"))
        index, doc = docs.get(doc_id, (None, {}))
        doc_claims = doc.get("claims") or []
        position = next((j for j, dc in enumerate(doc_claims)
                         if _span(dc.get("span")) == span and dc.get("kind") == c.get("kind")), None)
        read = doc_claims[position] if position is not None else {}
        text = read.get("text") or ""
        if not text and span and doc.get("text"):
            text = doc["text"][span[0]:span[1]]
        source = c.get("source") or {}
        rows.append(ClaimRow(
            key=f"{doc_id}:{span[0]}-{span[1]}" if span else doc_id,
            doc_id=doc_id, source=source.get("text") or "", source_kind=source.get("kind") or "",
            kind=c.get("kind") or "", figure=claim_figure(c.get("min"), c.get("max"), bool(read.get("approximate"))),
            qualifier=read.get("qualifier"), group=c.get("group"), group_kind=c.get("group_kind"),
            text=text, anchor=_claim_anchor(index, position) if index is not None and position is not None else None,
            outlet=doc.get("outlet"), denial=bool(c.get("denial"))))

    articles = []
    for i, doc in enumerate(documents):
        text = doc.get("text") or ""
        here = incident_spans.get(doc.get("doc_id"), set())
        highlights = []
        for j, claim in enumerate(doc.get("claims") or []):
            span = _span(claim.get("span"))
            if span:
                figure = claim_figure(claim.get("min"), claim.get("max"), bool(claim.get("approximate")))
                source = (claim.get("source") or {}).get("text") or ""
                highlights.append(Highlight(
                    span[0], span[1], "claim", f"{claim.get('kind')} {figure} — {source}",
                    _claim_anchor(i, j), f"claim-{claim.get('kind')}" + ("" if span in here else " elsewhere")))
            source_span = _span((claim.get("source") or {}).get("span"))
            if source_span:
                highlights.append(Highlight(*source_span, "source", "source of a claim"))
        for place in doc.get("places") or []:
            span = _span(place.get("span"))
            if span:
                label = ", ".join(v for v in (place.get("name_en"), place.get("admin1"), place.get("country")) if v)
                highlights.append(Highlight(*span, "place", label or "place"))
        event_date = doc.get("event_date") or {}
        span = _span(event_date.get("span"))
        if span:
            highlights.append(Highlight(*span, "date", " – ".join(
                v for v in (event_date.get("start"), event_date.get("end")) if v) or "date"))
        articles.append(ArticleView(
            doc_id=doc.get("doc_id") or "", anchor=f"a{i}", title=doc.get("title"), outlet=doc.get("outlet"),
            published=doc.get("published"), url=doc.get("url"), link=safe_link(doc.get("url")),
            body=pieces(text, highlights), claims_here=len(here)))
    missing = [d for d in incident.get("doc_ids") or [] if d not in docs]
    return {"claim_rows": rows, "articles": articles, "missing_docs": missing}



@dataclass(frozen=True)
class CorrectionRow:
    """One analyst's correction as the incident page lists it."""
    field: str
    old: str | None     # what the field showed before (None: not recorded, or a move / merge)
    new: str
    who: str
    when: str
    why: str


def correction_text(field: str, value: Any) -> str:
    """A correction's value in words: "4 / 5 / 6" (low / best / high), "Russia, Turkey", a
    place with its governorate, a grade, the article moved out, the incident merged in."""
    if field == "move" and isinstance(value, Mapping):
        return f"article {value.get('doc_id')} moved out, to {value.get('to')}"
    if field == "merge" and isinstance(value, Mapping):
        return f"incident {value.get('other')} merged in"
    if isinstance(value, Mapping) and {"low", "best", "high"} & set(value):
        return " / ".join("—" if value.get(k) is None else str(value.get(k)) for k in ("low", "best", "high"))
    if isinstance(value, Mapping):
        names = [value.get("name_en"), value.get("name_ar")]
        where = [value.get("admin1"), value.get("country")]
        return " ".join(str(v) for v in names if v) + (f" ({', '.join(str(v) for v in where if v)})"
                                                       if any(where) else "")
    if isinstance(value, list):
        return ", ".join(str(a.get("actor") if isinstance(a, Mapping) else a) for a in value) or "none named"
    return "—" if value is None else str(value)


def correction_rows(incident: Mapping[str, Any]) -> list[CorrectionRow]:
    """The incident's corrections, oldest first; ``old`` only where the store recorded it."""
    return [CorrectionRow(field=str(c.get("field") or ""),
                          old=correction_text(str(c.get("field")), c["old"]) if "old" in c else None,
                          new=correction_text(str(c.get("field")), c.get("value")), who=str(c.get("who") or ""),
                          when=str(c.get("when") or ""), why=str(c.get("why") or ""))
            for c in incident.get("corrections") or []]
