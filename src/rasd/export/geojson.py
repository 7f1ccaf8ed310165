"""Incidents as an RFC 7946 GeoJSON FeatureCollection (CONTRACT.md v2): one Point per located
incident at its coded location, coordinates [longitude, latitude] in WGS 84, and flat
properties (lists joined with "; ") so that GIS programs such as QGIS read every one as a column.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasd.export import fields
from rasd.export.fields import DocumentsById, IncidentDict

SEPARATOR = "; "
FIGURES = ("killed", "civilians_killed", "injured")


def properties(incident: IncidentDict, documents: DocumentsById) -> dict[str, Any]:
    """The contract's properties, then a few more a map needs (Arabic name, precision, type)."""
    start, end = fields.dates(incident)
    loc = fields.location(incident)
    out: dict[str, Any] = {
        "incident_id": incident["incident_id"],
        "date_start": fields.iso_date(start) or None,
        "date_end": fields.iso_date(end) or None,
        "location": loc.get("name_en"),
        "admin1": loc.get("admin1"),
        "country": fields.country_name(incident) or None,
        "perpetrator": SEPARATOR.join(fields.perpetrators(incident)),
    }
    for name in FIGURES:
        low, best, high = fields.figure(incident, name)
        out |= {f"{name}_low": low, f"{name}_best": best, f"{name}_high": high}
    out |= {
        "grade": incident.get("grade"),
        "sources": SEPARATOR.join(fields.sources(incident, documents)),
        "location_ar": loc.get("name_ar"),
        "precision": loc.get("precision"),
        "event_type": incident.get("event_type"),
        "sub_event_type": incident.get("sub_event_type"),
        "reports": len(incident.get("doc_ids") or ()),
        "corrected": bool(incident.get("corrections")),
    }
    return out


def feature(incident: IncidentDict, documents: DocumentsById) -> dict[str, Any]:
    loc = fields.location(incident)
    return {"type": "Feature", "id": incident["incident_id"],
            "geometry": {"type": "Point", "coordinates": [float(loc["lon"]), float(loc["lat"])]},
            "properties": properties(incident, documents)}


def geojson(incidents: Iterable[IncidentDict],
            documents: Iterable[Mapping[str, Any]] | DocumentsById | None = None) -> dict[str, Any]:
    """A FeatureCollection of the located incidents, in the given order (the others are left
    out: a feature needs a point). ``documents`` adds the outlets to ``sources``."""
    docs = fields.documents_by_id(documents)
    return {"type": "FeatureCollection",
            "features": [feature(i, docs) for i in incidents if fields.located(i)]}
