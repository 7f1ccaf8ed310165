"""The one place an incident is coded at, as ACLED and UCDP GED code each event at one location.

Rule (docs/grade.md says why, beside the grade):
1. Each full report votes for the place it locates its event at: its first candidate place,
   which puts places stated with the figures before those of the headline and lead, villages
   before areas, and leaves out places abroad, datelines and background sentences
   (``incidents.events``); places abroad do not vote. A round-up's passing mention votes only when no full report does.
2. A place in the governorate most reports name places in wins over one elsewhere (a namesake,
   a passing mention); then the place with the most votes; among equal votes the finest
   precision, then the place named first in the earliest report.
3. ``precision`` is ACLED's ``geo_precision``: 1 a named town, village or site; 2 a part of a
   region or "near X" ("ريف X", "شرق X"), or a village the gazetteer lacks; 3 only a district or governorate (coded at its centre).
4. A countryside is named as such ("ريف إدلب الجنوبي", "Southern Idlib countryside"), at its
   town's or governorate's coordinates, as ACLED codes a part of a region.
"""
from __future__ import annotations

from collections import Counter

from rasd.geo import geo_precision
from rasd.incidents.events import Candidate, coarseness
from rasd.incidents.merge import place_key
from rasd.model import Location, PlaceMention


def choose_location(members: list[Candidate], home: str | None = None) -> Location | None:
    """The incident's single location (rule in the module docstring); None when unlocated.
    With ``home``, the country most of the incident's places are in, places abroad (datelines,
    capitals that reacted) do not vote."""
    voters = [c for c in members if not c.split_off and c.places] or [c for c in members if c.places]
    if not voters:
        return None
    votes: Counter[str] = Counter()
    first: dict[str, tuple[int, PlaceMention]] = {}
    for order, c in enumerate(sorted(voters, key=lambda c: (c.published is None, c.published, c.doc_id))):
        lead = c.spot if c.spot is not None and home in (None, c.spot.country) else \
            next((p for p in c.places if p.precision != "country" and home in (None, p.country)), None)
        if lead is None:
            continue
        key = place_key(lead)
        votes[key] += 1
        first.setdefault(key, (order, lead))
    if not votes:
        return None
    region = _region(voters, home)
    key = min(votes, key=lambda k: (first[k][1].admin1 != region, coarseness(first[k][1]) > 0, -votes[k],
                                    coarseness(first[k][1]), first[k][0]))
    p = first[key][1]
    # the place's name, not its hashtag: "#دارة_عزة" is دارة عزة
    return Location(name_ar=(p.area or p.text).replace("_", " "), name_en=p.area_en or p.name_en, lat=p.lat, lon=p.lon, country=p.country,
                    precision=geo_precision(p), admin1=p.admin1, admin2=p.admin2,
                    gazetteer_id=p.gazetteer_id)


def _region(voters: list[Candidate], home: str | None) -> str | None:
    """The governorate most of the incident's reports name places in (each report counted once
    per governorate): a lead place elsewhere is a namesake ("ذبيان" in Daraa read for "ذيبان" in
    Deir ez-Zor) or a passing mention."""
    regions: Counter[str] = Counter()
    for c in voters:
        # each report once per governorate, in the order it names them: ties go to the
        # governorate named first (a set's order would change with the hash seed)
        regions.update(list(dict.fromkeys(p.admin1 for p in c.places
                                          if p.admin1 and p.precision != "country" and home in (None, p.country))))
    return regions.most_common(1)[0][0] if regions else None
