"""Rebuild the dashboard's offline base map (static/basemap/outlines.geojson).

The outlines come as one GeoJSON file per country (Who's On First, already simplified); the
dashboard needs Syria and its neighbours in one small file, so this merges the chosen
countries, keeps only the properties the map shows and rounds coordinates to 3 decimals
(about 100 m, finer than a base map drawn at governorate scale needs), dropping the points
that rounding makes repeat.

    python -m rasd.web.build_basemap ../shared/data/boundaries src/rasd/web/static/basemap/outlines.geojson
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

COUNTRIES = ("sy", "iq", "lb", "ps")
KEPT_PROPERTIES = ("name", "name_ar", "placetype")


def _ring(points: list[list[float]], digits: int) -> list[list[float]]:
    rounded: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, digits), round(lat, digits)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def _geometry(geometry: dict[str, Any], digits: int) -> dict[str, Any] | None:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    kept = []
    for polygon in polygons:
        rings = [_ring(r, digits) for r in polygon]
        rings = [r for r in rings if len(r) >= 4]  # a ring rounded to a line or a point is gone
        if rings:
            kept.append(rings)
    return {"type": "MultiPolygon", "coordinates": kept} if kept else None


def build(source_dir: Path, countries: tuple[str, ...] = COUNTRIES, digits: int = 3) -> dict[str, Any]:
    features = []
    for country in countries:
        data = json.loads((source_dir / f"outlines-{country}.geojson").read_text(encoding="utf-8"))
        for feature in data["features"]:
            geometry = _geometry(feature["geometry"], digits)
            if geometry is None:
                continue
            properties = {k: feature["properties"].get(k) for k in KEPT_PROPERTIES}
            properties["country"] = country.upper()
            features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> None:
    source_dir, out = Path(argv[0]), Path(argv[1])
    out.write_text(json.dumps(build(source_dir), ensure_ascii=False, separators=(",", ":")),
                   encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
