"""ACLED's geo_precision of a resolved place mention.

ACLED codes how exactly an event's location is known: 1 the town or village itself (or a
point in it), 2 somewhere around a named town (its countryside "ريف X", "شرق X", "قرب X"),
3 only a larger area (a district, a governorate or the country). A mention's ``near``
flag is what says "around": "بريف إدلب الجنوبي" is near=True on Idlib, hence 2. A village the
gazetteer lacks ("قرية X بريف Y", coded at Y) is also 2: ACLED codes it at the nearest known place;
a neighbourhood it lacks inside a town ("حي X في مدينة Y") is a point of that town, 1.
"""
from __future__ import annotations

from rasd.model import PlaceMention

_AREAS = frozenset({"district", "governorate", "country"})


def geo_precision(place: PlaceMention) -> int:
    """1 a town, village or point; 2 near one (``near``) or unlisted; 3 a district, governorate or country.
    An unlisted neighbourhood inside a town ("حي X في مدينة Y", coded at Y as a point) is 1."""
    if place.near or not place.listed:
        return 1 if place.precision == "point" and not place.near else 2
    return 3 if place.precision in _AREAS else 1
