"""What the exports read from an incident dict (the contract's incident JSON), in one place:
its dates, country, actors under ACLED's and UCDP's names, reports, sources and a one-line
summary. Every function takes plain dicts, so exports work on what the store returns and on
``incidents.json`` alike, and every value is derived from the data, never from the clock.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from rasd.extract.actors import COMBATANT_KINDS, catalog, find_actors

IncidentDict = Mapping[str, Any]
DocumentsById = Mapping[str, Mapping[str, Any]]

# Actor kinds of the rasd catalog that fight for a state: a government, or states acting together.
STATE_KINDS = frozenset({"state", "coalition"})
_SPACE = re.compile(r"\s+")


@cache
def _data(name: str) -> Any:
    return json.loads((Path(__file__).parent / "data" / name).read_text(encoding="utf-8"))


def documents_by_id(documents: Iterable[Mapping[str, Any]] | DocumentsById | None) -> DocumentsById:
    """Document dicts by doc_id, from a list (``Store.documents``) or a mapping already."""
    if documents is None:
        return {}
    if isinstance(documents, Mapping):
        return documents
    return {d["doc_id"]: d for d in documents}


def one_line(text: Any) -> str:
    """A value as one line of text: line breaks and runs of spaces become one space."""
    return _SPACE.sub(" ", str(text)).strip() if text is not None else ""


def export_number(incident_id: str) -> int:
    """A stable number for an incident id (48 bits of its SHA-1): the numeric ids ACLED
    (after the country prefix) and UCDP GED use. The same id gives the same number everywhere."""
    return int(hashlib.sha1(incident_id.encode("utf-8")).hexdigest()[:12], 16)


def dates(incident: IncidentDict) -> tuple[dt.date | None, dt.date | None]:
    """The incident's first and last day (None when undated)."""
    span = incident.get("date") or {}
    start = dt.date.fromisoformat(span["start"]) if span.get("start") else None
    end = dt.date.fromisoformat(span["end"]) if span.get("end") else start
    return start, end


def days(incident: IncidentDict) -> int | None:
    """How many days the incident's date spans (1 for one known day); None when undated."""
    start, end = dates(incident)
    return (end - start).days + 1 if start and end else None


def iso_date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def location(incident: IncidentDict) -> Mapping[str, Any]:
    """The incident's coded location, {} when it has none."""
    return incident.get("location") or {}


def located(incident: IncidentDict) -> bool:
    loc = location(incident)
    return loc.get("lat") is not None and loc.get("lon") is not None


def country_code(incident: IncidentDict) -> str | None:
    """ISO alpha-2 of the coded location; without one, the country most places are in."""
    if code := location(incident).get("country"):
        return code
    counts = Counter(p.get("country") for p in incident.get("places") or () if p.get("country"))
    return counts.most_common(1)[0][0] if counts else None


def country(incident: IncidentDict) -> Mapping[str, Any]:
    """{iso, iso3, name, region} of the incident's country ({} when unknown or not listed)."""
    code = country_code(incident)
    return _data("countries.json")["countries"].get(code, {}) if code else {}


def country_name(incident: IncidentDict) -> str:
    return country(incident).get("name") or country_code(incident) or ""


def figure(incident: IncidentDict, name: str) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of one of the incident's figures, None where no article gives it."""
    f = incident.get(name) or {}
    return f.get("low"), f.get("best"), f.get("high")


def perpetrators(incident: IncidentDict) -> list[str]:
    """Alleged perpetrators, the most credibly named first; a denied attribution is left out."""
    return [a["actor"] for a in incident.get("perpetrator") or () if a.get("certainty") != "denied"]


def targets(incident: IncidentDict) -> list[str]:
    """Targeted actors, the main perpetrator left out: a side does not attack itself, and
    reports that name one actor in both roles are coded by the perpetrator role."""
    main = perpetrators(incident)[:1]
    return [a["actor"] for a in incident.get("target") or () if a["actor"] not in main]


def fights(actor: str) -> bool:
    """An armed side (state forces, coalition, armed group, militia); an actor the catalog does
    not know (a name an analyst typed) counts as one."""
    entry = catalog().get(actor)
    return entry is None or entry.kind in COMBATANT_KINDS


def armed_targets(incident: IncidentDict) -> list[str]:
    return [t for t in targets(incident) if fights(t)]


def unarmed_targets(incident: IncidentDict) -> list[str]:
    """Targets that are not a party: a hospital, civil defence, an outlet's office."""
    return [t for t in targets(incident) if not fights(t)]


def civilians_harmed(incident: IncidentDict) -> bool:
    """Civilians killed or injured per the incident's best figures, or a civilian body hit."""
    return bool(unarmed_targets(incident)) or any(
        (figure(incident, name)[1] or 0) > 0 for name in ("civilians_killed", "civilians_injured"))


def fights_for_a_state(actor: str) -> bool:
    """A government's forces or a coalition of states, per the rasd actor catalog."""
    entry = catalog().get(actor)
    return entry is not None and entry.kind in STATE_KINDS


def acled_actor(actor: str, day: dt.date | None, country: str | None = None) -> str:
    """The ACLED name of a rasd actor on a day (the period's name when it has periods), in a
    country (for a group ACLED names per country: "Islamic State (Syria)")."""
    name = _data("actors.json")["actors"].get(actor, {}).get("acled", actor)
    if not isinstance(name, str):
        when = (day or dt.date.max).isoformat()
        in_force = [p["name"] for p in name if p["from"] <= when]
        name = in_force[-1] if in_force else name[0]["name"]
    return name.replace("{country}", country or "unknown country")


def ucdp_actor(actor: str) -> str:
    return _data("actors.json")["actors"].get(actor, {}).get("ucdp", actor)


def generic_actor(kind: str, scheme: str, incident: IncidentDict) -> str:
    """The scheme's name for unidentified perpetrators or for civilians ("Civilians (Syria)")."""
    return _data("actors.json")[kind][scheme].format(country=country_name(incident) or "unknown country")


def reports(incident: IncidentDict, documents: DocumentsById) -> list[Mapping[str, Any]]:
    """The incident's articles that ``documents`` holds, in the incident's order."""
    return [documents[d] for d in incident.get("doc_ids") or () if d in documents]


def outlets(incident: IncidentDict, documents: DocumentsById) -> list[str]:
    """Distinct outlets of the incident's articles; without the documents, the outlets the
    perpetrator and target attributions name."""
    named = [one_line(d.get("outlet")) for d in reports(incident, documents) if d.get("outlet")]
    if not documents:
        named = [one_line(s) for a in (incident.get("perpetrator") or []) + (incident.get("target") or [])
                 for s in a.get("sources") or ()]
    return list(dict.fromkeys(n for n in named if n))


@cache
def catalog_names(text: str) -> tuple[str, ...]:
    """The actor catalog's English names of the actors a source phrase names
    ("فرق الدفاع المدني السوري" -> Syrian Civil Defence (White Helmets))."""
    return tuple(dict.fromkeys(m.actor for m in find_actors(text)))


def sources(incident: IncidentDict, documents: DocumentsById) -> list[str]:
    """The outlets, then who their figures are attributed to, under the actor catalog's names
    (a monitor, an agency, civil defence, an army speaking for itself). A phrase naming no
    catalogued actor ("مصادر محلية", "ناشطون") adds nothing: its outlet is already listed."""
    listed = outlets(incident, documents)
    seen = {s.casefold() for s in listed}
    attributed = [name for c in incident.get("claims") or ()
                  if (text := one_line((c.get("source") or {}).get("text"))) and text.casefold() not in seen
                  for name in catalog_names(text)]
    return list(dict.fromkeys(listed + attributed))


def newest_change(incident: IncidentDict, documents: DocumentsById) -> dt.datetime | None:
    """When the incident last changed by its data: its newest article's publication day, or a
    later correction's time; without documents, its last day. Never the clock."""
    days_known = [dt.date.fromisoformat(d["published"][:10]) for d in reports(incident, documents)
                  if d.get("published")]
    moments = [dt.datetime.combine(d, dt.time(), dt.timezone.utc) for d in days_known]
    if not moments and (end := dates(incident)[1]):
        moments.append(dt.datetime.combine(end, dt.time(), dt.timezone.utc))
    for c in incident.get("corrections") or ():
        try:
            when = dt.datetime.fromisoformat(str(c.get("when")))
        except ValueError:
            continue
        moments.append(when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc))
    return max(moments) if moments else None


def corrected_fields(incident: IncidentDict) -> list[str]:
    """The fields analysts corrected by hand, in the order first corrected."""
    return list(dict.fromkeys(str(c.get("field")) for c in incident.get("corrections") or ()))


def _range(values: tuple[int | None, int | None, int | None]) -> str:
    low, best, high = values
    return "unknown" if best is None else f"{low}/{best}/{high}"


def summary(incident: IncidentDict) -> str:
    """One line saying what happened, where, by whom, the figures and the grade."""
    start, end = dates(incident)
    when = "undated" if start is None else (start.isoformat() if start == end
                                            else f"{start.isoformat()} to {end.isoformat()}")
    loc = location(incident)
    where = loc.get("name_en") or next((p.get("name_en") for p in incident.get("places") or ()), None)
    if where and loc.get("admin1") and loc.get("admin1") != where:
        where = f"{where}, {loc['admin1']}"
    who = ", ".join(f"{a['actor']} ({a.get('certainty') or 'stated'})"
                    for a in incident.get("perpetrator") or ())
    grade = incident.get("grade")
    parts = [f"{when}: {incident.get('sub_event_type') or incident.get('event_type') or 'event'}"
             f" in {where or 'an unlocated place'}; " + (f"by {who}" if who else "perpetrator not named"),
             f"killed (low/best/high) {_range(figure(incident, 'killed'))}, "
             f"civilians {_range(figure(incident, 'civilians_killed'))}",
             f"injured {_range(figure(incident, 'injured'))}",
             f"{len(incident.get('doc_ids') or ())} report(s)"]
    if grade:
        reasons = "; ".join(incident.get("grade_reasons") or ())
        parts.append(f"rasd grade: {grade}" + (f" ({reasons})" if reasons else ""))
    if fields := corrected_fields(incident):
        parts.append("corrected by hand: " + ", ".join(fields))
    return one_line(". ".join(parts) + ".")
