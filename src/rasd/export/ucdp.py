"""Incidents as UCDP GED event rows (CONTRACT.md v2): the column names and scales of UCDP's
Georeferenced Event Dataset codebook, one row per incident. docs/exports.md gives the mapping
of every column and where rasd departs from UCDP's own coding.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasd.export import fields
from rasd.export.fields import DocumentsById, IncidentDict

COLUMNS = ("id", "year", "type_of_violence", "side_a", "side_b", "number_of_sources", "source_article",
           "source_office", "source_date", "source_headline", "where_prec", "where_coordinates",
           "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "country",
           "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
           "deaths_civilians", "deaths_unknown", "best", "high", "low")
SEPARATOR = ";"            # between the articles in source_article, source_office, source_date, ...
STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3
# grades whose events UCDP would call unclear (2): the perpetrator is disputed, or reports deny it
UNCLEAR_GRADES = frozenset({"contested", "discounted"})


def type_of_violence(incident: IncidentDict) -> int:
    """3 one-sided when the only dead are civilians and no armed target is named; else 1
    state-based when the main perpetrator is a government's forces or a coalition of states;
    else 2 non-state (an armed group or an unnamed perpetrator)."""
    killed = fields.figure(incident, "killed")[1] or 0
    civilians = fields.figure(incident, "civilians_killed")[1] or 0
    if not fields.armed_targets(incident) and fields.civilians_harmed(incident) and civilians >= killed:
        return ONE_SIDED
    main = fields.perpetrators(incident)
    return STATE_BASED if main and fields.fights_for_a_state(main[0]) else NON_STATE


def where_prec(incident: IncidentDict) -> int | str:
    """UCDP's 1..7 from the location's ACLED precision: 1 the town itself -> 1; 2 "near X" or a
    part of a region -> 2; 3 only a district -> 3, only a governorate -> 4; no coded location
    but a known country -> 6; nothing known -> empty."""
    loc = fields.location(incident)
    precision = loc.get("precision")
    if precision in (1, 2):
        return precision
    if precision == 3:
        return 4 if loc.get("name_en") and loc.get("name_en") == loc.get("admin1") else 3
    return 6 if fields.country_code(incident) else ""


def date_prec(incident: IncidentDict) -> int:
    """UCDP's 1 exact day, 2 a span of 2-6 days, 3 a week, 4 8-30 days, 5 longer or unknown."""
    n = fields.days(incident)
    if n is None:
        return 5
    for most, prec in ((1, 1), (6, 2), (7, 3), (30, 4)):
        if n <= most:
            return prec
    return 5


def deaths(incident: IncidentDict) -> dict[str, int]:
    """best split as UCDP does: deaths_a (the perpetrator side: rasd does not count them, 0),
    deaths_b (the armed target side), deaths_civilians, deaths_unknown; they add up to best."""
    best = fields.figure(incident, "killed")[1] or 0
    civilians = min(fields.figure(incident, "civilians_killed")[1] or 0, best)
    rest = best - civilians
    armed_target = bool(fields.armed_targets(incident))
    return {"deaths_a": 0, "deaths_b": rest if armed_target else 0, "deaths_civilians": civilians,
            "deaths_unknown": 0 if armed_target else rest}


def _article_list(values: Iterable[Any]) -> str:
    """UCDP's list of per-article values, each on one line and without the separator."""
    return SEPARATOR.join(fields.one_line(v).replace(SEPARATOR, ",") for v in values)


def where_description(incident: IncidentDict) -> str:
    """The location's Arabic name as written, then every place the articles name."""
    parts = [fields.one_line(fields.location(incident).get("name_ar"))]
    places = dict.fromkeys(p["name_en"] for p in incident.get("places") or () if p.get("name_en"))
    if places:
        parts.append("places named: " + ", ".join(places))
    return "; ".join(p for p in parts if p)


def source_columns(incident: IncidentDict, documents: DocumentsById) -> dict[str, str]:
    """Per article, in the incident's order: its address (URL, else doc id), outlet, day, title.
    Without the documents, only the doc ids are known."""
    reports = fields.reports(incident, documents)
    if not reports:
        return {"source_article": _article_list(incident.get("doc_ids") or ()), "source_office": "",
                "source_date": "", "source_headline": ""}
    return {"source_article": _article_list(d.get("url") or d["doc_id"] for d in reports),
            "source_office": _article_list(d.get("outlet") or "" for d in reports),
            "source_date": _article_list(d.get("published") or "" for d in reports),
            "source_headline": _article_list(d.get("title") or "" for d in reports)}


def ucdp_row(incident: IncidentDict, documents: DocumentsById) -> dict[str, Any]:
    start, end = fields.dates(incident)
    loc = fields.location(incident)
    low, best, high = fields.figure(incident, "killed")
    main = fields.perpetrators(incident)
    kind = type_of_violence(incident)
    armed = fields.armed_targets(incident)
    side_b = (fields.generic_actor("civilians", "ucdp", incident) if kind == ONE_SIDED
              else fields.ucdp_actor(armed[0]) if armed else "")
    lat, lon = loc.get("lat"), loc.get("lon")
    return {
        "id": fields.export_number(incident["incident_id"]),
        "year": start.year if start else "",
        "type_of_violence": kind,
        "side_a": fields.ucdp_actor(main[0]) if main else fields.generic_actor("unidentified", "ucdp", incident),
        "side_b": side_b,
        "number_of_sources": len(incident.get("doc_ids") or ()),
        **source_columns(incident, documents),
        "where_prec": where_prec(incident),
        "where_coordinates": fields.one_line(loc.get("name_en")),
        "where_description": where_description(incident),
        "adm_1": fields.one_line(loc.get("admin1")),
        "adm_2": fields.one_line(loc.get("admin2")),
        "latitude": "" if lat is None else lat,
        "longitude": "" if lon is None else lon,
        "geom_wkt": f"POINT ({lon} {lat})" if fields.located(incident) else "",
        "country": fields.country_name(incident),
        "event_clarity": 2 if incident.get("grade") in UNCLEAR_GRADES else 1,
        "date_prec": date_prec(incident),
        "date_start": fields.iso_date(start),
        "date_end": fields.iso_date(end),
        **deaths(incident),
        "best": best or 0, "high": high or 0, "low": low or 0,
    }


def ucdp_rows(incidents: Iterable[IncidentDict],
              documents: Iterable[Mapping[str, Any]] | DocumentsById | None = None) -> list[dict[str, Any]]:
    """One UCDP GED row per incident, in the given order. ``documents`` (the incidents' document
    dicts) fills the per-article source columns (address, outlet, day, headline)."""
    docs = fields.documents_by_id(documents)
    return [ucdp_row(i, docs) for i in incidents]
