"""Incidents as ACLED event rows (CONTRACT.md v2, "The store, exports and dashboard"): the column
names and meanings of ACLED's codebook, one row per incident. docs/exports.md gives the mapping
of every column and where rasd departs from ACLED's own coding.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasd.export import fields
from rasd.export.fields import DocumentsById, IncidentDict

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting",
           "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
           "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
SEPARATOR = "; "           # ACLED's separator inside one cell (associated actors, sources, tags)
DISORDER_TYPE = "Political violence"   # every event type rasd codes is political violence
CIVILIAN_TARGETING = "Civilian targeting"


def time_precision(incident: IncidentDict) -> int:
    """ACLED's 1 = the day is known, 2 = a range of up to a week (e.g. a night across two days),
    3 = only a longer span or nothing is known."""
    n = fields.days(incident)
    if n == 1:
        return 1
    return 2 if n is not None and n <= 7 else 3


def actors(incident: IncidentDict) -> dict[str, str]:
    """actor1 / assoc_actor_1: the main and the other alleged perpetrators. actor2 /
    assoc_actor_2: the armed targets, then the civilians when they were harmed (actor2 when no
    armed target is named), then the civilian bodies hit (a hospital, civil defence)."""
    day, country = fields.dates(incident)[0], fields.country_name(incident)
    perpetrators = [fields.acled_actor(a, day, country) for a in fields.perpetrators(incident)]
    if not perpetrators:
        perpetrators = [fields.generic_actor("unidentified", "acled", incident)]
    targets = [fields.acled_actor(a, day, country) for a in fields.armed_targets(incident)]
    if fields.civilians_harmed(incident):
        targets.append(fields.generic_actor("civilians", "acled", incident))
    targets += [fields.acled_actor(a, day, country) for a in fields.unarmed_targets(incident)]
    return {"actor1": perpetrators[0], "assoc_actor_1": SEPARATOR.join(perpetrators[1:]),
            "actor2": targets[0] if targets else "", "assoc_actor_2": SEPARATOR.join(targets[1:])}


def tags(incident: IncidentDict) -> str:
    """rasd's identity and assessment of the event, in ACLED's free ``tags`` field."""
    out = [f"rasd-id={incident['incident_id']}"]
    if incident.get("grade"):
        out.append(f"rasd-grade={incident['grade']}")
    if corrected := fields.corrected_fields(incident):
        out += ["corrected", "corrected-fields=" + ",".join(corrected)]
    if incident.get("aliases"):
        out.append("rasd-aliases=" + ",".join(incident["aliases"]))
    return SEPARATOR.join(out)


def acled_row(incident: IncidentDict, documents: DocumentsById) -> dict[str, Any]:
    start, _ = fields.dates(incident)
    loc = fields.location(incident)
    country = fields.country(incident)
    changed = fields.newest_change(incident, documents)
    who = actors(incident)
    iso3 = country.get("iso3") or (fields.country_code(incident) or "XXX").upper()
    return {
        "event_id_cnty": f"{iso3}{fields.export_number(incident['incident_id'])}",
        "event_date": fields.iso_date(start),
        "year": start.year if start else "",
        "time_precision": time_precision(incident),
        "disorder_type": DISORDER_TYPE,
        "event_type": incident.get("event_type") or "",
        "sub_event_type": incident.get("sub_event_type") or "",
        **who,
        "civilian_targeting": CIVILIAN_TARGETING if who["actor2"].startswith("Civilians") else "",
        "iso": country.get("iso", ""),
        "region": country.get("region", ""),
        "country": fields.country_name(incident),
        "admin1": fields.one_line(loc.get("admin1")),
        "admin2": fields.one_line(loc.get("admin2")),
        "admin3": "",
        "location": fields.one_line(loc.get("name_en")),
        "latitude": loc.get("lat", ""),
        "longitude": loc.get("lon", ""),
        "geo_precision": loc.get("precision", ""),
        "source": SEPARATOR.join(fields.sources(incident, documents)),
        "source_scale": "",
        "notes": fields.summary(incident),
        "fatalities": fields.figure(incident, "killed")[0] or 0,
        "tags": tags(incident),
        "timestamp": int(changed.timestamp()) if changed else "",
    }


def acled_rows(incidents: Iterable[IncidentDict],
               documents: Iterable[Mapping[str, Any]] | DocumentsById | None = None) -> list[dict[str, Any]]:
    """One ACLED row per incident, in the given order. ``documents`` (the incidents' document
    dicts) gives the outlets for ``source`` and the publication days for ``timestamp``."""
    docs = fields.documents_by_id(documents)
    return [acled_row(i, docs) for i in incidents]
