"""Analysts' corrections of one incident's fields: what may be set, in what shape, and how a
stored correction shows in the incident dict.

Moving an article out and merging two incidents change which reports form an incident; the
store replays those on every regroup (``rasd.store``). The field corrections here are laid over
the incident as grouping made it whenever it is written, so a later ``rasd add`` that
reconciles the incident anew never undoes them.
"""
from __future__ import annotations

from typing import Any

from rasd.geo.geocode import resolve
from rasd.incidents.location import geo_precision

GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
FIGURES = ("killed", "injured", "strikes", "civilians_killed", "civilians_injured")
FIELDS = ("location", "perpetrator", "grade") + FIGURES
_LOCATION_KEYS = ("name_ar", "name_en", "lat", "lon", "admin1", "admin2", "country", "precision")


def normalized(field: str, value: Any) -> Any:
    """The value in the incident JSON's shape; ValueError when it cannot be one. A location
    may be given as a place name, looked up in the gazetteer (``location_named``)."""
    if field == "grade":
        if value not in GRADES:
            raise ValueError(f"grade must be one of {', '.join(GRADES)}, not {value!r}")
        return value
    if field in FIGURES:
        return _figure(field, value)
    if field == "perpetrator":
        return _perpetrators(value)
    if field == "location":
        return _location(value)
    raise ValueError(f"cannot correct {field!r}; fields: {', '.join(FIELDS)}")


def _figure(field: str, value: Any) -> dict[str, int | None]:
    if isinstance(value, dict):
        value = [value.get("low"), value.get("best"), value.get("high")]
    if not isinstance(value, (list, tuple)) or len(value) != 3:
        raise ValueError(f"{field} needs low, best and high")
    try:
        low, best, high = (None if v in (None, "") else int(v) for v in value)
    except (TypeError, ValueError):
        raise ValueError(f"{field} figures must be whole numbers: {value!r}") from None
    known = [v for v in (low, best, high) if v is not None]
    if any(v < 0 for v in known) or known != sorted(known):
        raise ValueError(f"{field} needs 0 <= low <= best <= high: {value!r}")
    return {"low": low, "best": best, "high": high}


def _perpetrators(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        value = [value]
    out = []
    for item in value or ():
        if isinstance(item, str):
            item = {"actor": item}
        actor = str(item.get("actor", "")).strip()
        if not actor:
            raise ValueError(f"a perpetrator needs an actor: {item!r}")
        out.append({"actor": actor, "sources": list(item.get("sources", [])),
                    "certainty": item.get("certainty", "stated")})
    return out


def location_named(name: str) -> dict[str, Any]:
    """The incident location of a place name as the gazetteer resolves it (``rasd correct
    --set location=NAME`` and the dashboard's form), with ACLED's precision as the automatic
    location has it; ValueError when the gazetteer does not know the name."""
    name = name.strip()
    place = resolve(name) if name else None
    if place is None:
        raise ValueError(f"no place {name!r} in the gazetteer; give the location as an object instead")
    return {"name_ar": name, "name_en": place.name_en, "lat": place.lat, "lon": place.lon,
            "admin1": place.admin1, "admin2": place.admin2, "country": place.country,
            "precision": geo_precision(place)}


def _location(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return location_named(value)
    if not isinstance(value, dict):
        raise ValueError(f"a location is an object with {', '.join(_LOCATION_KEYS)}")
    out = {k: value.get(k) for k in _LOCATION_KEYS}
    if not (out["name_en"] or out["name_ar"]):
        raise ValueError("a location needs a name (name_en or name_ar)")
    for key in ("lat", "lon"):
        if out[key] is not None:
            out[key] = float(out[key])
    if out["lat"] is not None and not -90 <= out["lat"] <= 90 or out["lon"] is not None and not -180 <= out["lon"] <= 180:
        raise ValueError(f"coordinates out of range: {out['lat']}, {out['lon']}")
    return out


def current(field: str, incident: dict[str, Any]) -> Any:
    """What the incident shows for ``field`` now, in the shape a correction's value has: kept
    with a new correction as the value it replaced."""
    value = incident.get(field)
    if field in FIGURES:
        return {k: (value or {}).get(k) for k in ("low", "best", "high")}
    if field == "location":
        return {k: value.get(k) for k in _LOCATION_KEYS} if value else None
    return value


def applied(incident: dict[str, Any], corrections: list[dict[str, Any]]) -> dict[str, Any]:
    """The incident with the corrections (oldest first, so the latest wins) laid over it and
    listed under "corrections" (with ``old``, what a field showed before, where recorded:
    not for moves and merges, nor corrections stored before schema step 3)."""
    out = dict(incident)
    for c in corrections:
        field, value = c["field"], c["value"]
        if field in FIGURES:
            out[field] = {**(out.get(field) or {}), **value}
        elif field == "perpetrator":
            by = f"correction by {c['who']}"
            out[field] = [{**p, "sources": p["sources"] or [by]} for p in value]
        elif field == "grade":
            out["grade"] = value
            out["grade_reasons"] = [f"set by {c['who']}: {c['why']}"]
        elif field in FIELDS:
            out[field] = value
    out["corrections"] = [{k: c[k] for k in ("field", "value", "old", "who", "when", "why") if k in c}
                          for c in corrections]
    return out
