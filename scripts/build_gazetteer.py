"""Build src/rasd/geo/data/gazetteer.tsv and common_names.txt from the shared raw place data.

Inputs (read at build time only; rasd never reads them at run time):
  ../shared/data/gazetteer/wof-{sy,iq,lb,ps,ye,ly}.tsv   Who's On First (see its README)
  ../shared/data/gazetteer/opensyria-*.json             OpenSyria governorates/districts/sub-districts
  scripts/geonames.tsv                                  GeoNames cities500 extract (extract_geonames.py)
  scripts/admin1.tsv                                    first-level division names
  src/rasd/geo/data/supplement.tsv                      curated places: they win over built rows

Selection: every Syrian locality, neighbourhood and site; for the five neighbours their regions,
counties, neighbourhoods and the localities that have a population or are a seat (or are in
GeoNames' cities500), and every Lebanese village; the GeoNames rows of other countries as they are. Syrian places get their
governorate (WOF region) and district (WOF county matched to OpenSyria's district, else the
nearest OpenSyria sub-district centroid within the governorate). Places with no Arabic name keep
their Latin names, matched at run time through a consonant skeleton after a place cue only.
Kurdish names (WOF's names_ku, in Arabic script) are folded to Arabic letters; a final ە is kept
both as ه and as ا, as Arabic reports write it ("زۆراڤە": "زورافه", "زورافا").

common_names.txt lists the names of small places (no population, not a seat) and of minor towns
abroad that are also frequent Arabic words (wordfreq's Arabic list) or generic village names:
such a name counts only after قرية/بلدة/....

It then rewrites the precomputed index (index.pickle) that rasd.geo.gazetteer.load() reads.

    python3 -m venv /tmp/gzb && /tmp/gzb/bin/pip install -e '.[build-data]'
    /tmp/gzb/bin/python scripts/build_gazetteer.py
"""
from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from wordfreq import zipf_frequency

from rasd.geo.gazetteer import name_variants, write_index
from rasd.geo.translit import latin_skeleton
from rasd.text.normalize import fold_term

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT / ".." / "shared" / "data" / "gazetteer").resolve()
SCRIPTS = ROOT / "scripts"
DATA = ROOT / "src" / "rasd" / "geo" / "data"
OUT = DATA / "gazetteer.tsv"
COMMON = DATA / "common_names.txt"

WOF_COUNTRIES = ("sy", "iq", "lb", "ps", "ye", "ly")
# Countries whose every village is kept (Lebanon's are few and often in the news).
ALL_VILLAGES = {"SY", "LB"}
SEAT_CODES = {"PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG"}
# A name of a small place that is this frequent a word (Zipf scale: 3 = once per million
# words) reads as the word, not the village.
COMMON_ZIPF = 3.3
# A one-word name this many Syrian villages bear is generic ("الجديدة", "المزرعة").
GENERIC_VILLAGES = 6
MAJOR_CITY = 100_000    # towns abroad this large are known by name (Doha, Haifa, Rafah)
SUPPLEMENT_WINS_KM = 15.0
# A locality this populous counts as a town (named without a cue); smaller ones as villages.
TOWN_POPULATION = 1000
AREA_KINDS = {"governorate", "country", "region", "desert", "plain", "mountain", "valley"}
AREA_ROWS = {"district", "subdistrict", "governorate"}
TWIN_KM = 8.0

_ARABIC_NAME = re.compile(r"[\u0621-\u063a\u0641-\u0652\u0670 \-]+")
_HARAKAT = re.compile(r"[\u064b-\u0652\u0670\u0640\u200e\u200f]")
# Kurdish letters written where Arabic news writes the nearest Arabic letter.
_KURDISH = str.maketrans({"ە": "ه", "ێ": "ي", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ی": "ي", "ک": "ك",
                          "پ": "ب", "گ": "ك", "چ": "ج", "ڤ": "ف", "ھ": "ه", "ۊ": "و", "ۇ": "و"})
_PREFIX = re.compile(r"^(?:مركز قضاء|مركز ناحية|مركز منطقة|محافظة|منطقة|ناحية|قضاء|مركز|مدينة|قرية|بلدة|حي|مخيم|مزرعة) ")

HEADER = ("id", "name_en", "names_ar", "latin", "lat", "lon", "country", "admin1", "admin2",
          "kind", "population", "pcode")


@dataclass
class Row:
    id: str
    name_en: str
    names_ar: list[str]
    lat: float
    lon: float
    country: str
    admin1: str = ""
    admin2: str = ""
    kind: str = "town"
    population: int = 0
    pcode: str = ""
    latin: list[str] = field(default_factory=list)

    def out(self) -> tuple[str, ...]:
        latin = "|".join(self.latin) if not self.names_ar else ""
        return (self.id, self.name_en, "|".join(self.names_ar), latin, f"{self.lat:.5f}",
                f"{self.lon:.5f}", self.country, self.admin1, self.admin2, self.kind,
                str(self.population), self.pcode)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat2 - lat1, dx)


def clean_arabic(raw: str, kurdish: bool = False) -> str | None:
    """An Arabic-script name with harakat and administrative prefixes dropped, or None."""
    name = " ".join(_HARAKAT.sub("", raw.translate(_KURDISH) if kurdish else raw).split())
    if not _ARABIC_NAME.fullmatch(name):
        return None
    name = _PREFIX.sub("", name).strip(" -")
    return name if len(name.replace(" ", "")) >= 2 else None


def arabic_names(values: list[str], kurdish: bool = False) -> list[str]:
    """Cleaned Arabic-script names. A Kurdish name's final ە (its short e/a) is written ه or ا in
    Arabic reports ("زۆراڤە": "زورافه", "زورافا"): both are kept."""
    out: dict[str, None] = {}
    for value in values:
        name = clean_arabic(value, kurdish)
        if name and (not kurdish or len(name.replace(" ", "")) >= 4):
            out[name] = None
            if kurdish and value.strip().endswith("ە"):
                out[name[:-1] + "ا"] = None
    return list(out)


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def key(name: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", fold_term(name)))


def bare(name: str) -> str:
    k = key(name)
    return k[2:] if k.startswith("ال") else k


class OpenSyria:
    """Governorates, districts and sub-districts, keyed to admin1.tsv's English names."""

    def __init__(self, admin1_by_ar: dict[tuple[str, str], str]) -> None:
        load = lambda part: json.loads((SHARED / f"opensyria-{part}.json").read_text(encoding="utf-8"))  # noqa: E731
        self.governorates = load("governorates")
        self.districts = load("districts")
        self.subdistricts = load("subdistricts")
        self.gov_name = {g["id"]: admin1_by_ar[("SY", bare(g["name"]["ar"]))] for g in self.governorates}
        self.district_by_id = {d["id"]: d for d in self.districts}
        self.district_by_key: dict[tuple[str, str], dict] = {}
        for d in self.districts:
            gov = self.gov_name[d["governorateId"]]
            for name in [d["name"]["ar"], *(a["value"] for a in d["aliases"] if a["language"] == "ar")]:
                self.district_by_key.setdefault((gov, bare(_PREFIX.sub("", name))), d)
            for name in [d["name"]["en"], *(a["value"] for a in d["aliases"] if a["language"] == "en")]:
                self.district_by_key.setdefault((gov, latin_skeleton(name.replace(" District", ""))), d)

    def nearest_subdistrict(self, lat: float, lon: float, governorate: str) -> dict:
        pool = [s for s in self.subdistricts if self.gov_name[s["governorateId"]] == governorate] \
            or self.subdistricts
        return min(pool, key=lambda s: km(lat, lon, s["centroid"]["latitude"], s["centroid"]["longitude"]))

    def rows(self) -> list[Row]:
        out = []
        for level, items in (("district", self.districts), ("subdistrict", self.subdistricts)):
            for item in items:
                names = arabic_names([item["name"]["ar"]]
                                     + [a["value"] for a in item["aliases"] if a["language"] == "ar"])
                district = self.district_by_id[item["districtId"]]["name"]["en"] if level == "subdistrict" \
                    else item["name"]["en"]
                pop = (item.get("population") or {}).get("value") or 0
                out.append(Row(f"opensyria:{item['id']}", item["name"]["en"], names,
                               item["centroid"]["latitude"], item["centroid"]["longitude"], "SY",
                               self.gov_name[item["governorateId"]], district, level, int(pop),
                               item.get("externalIds", {}).get("ochaPcode", "")))
        return out


def wof_rows(geonames: dict[str, dict[str, str]], admin1_by_ar: dict[tuple[str, str], str],
             syria: OpenSyria) -> list[Row]:
    out = []
    for cc in WOF_COUNTRIES:
        country = cc.upper()
        records = read_tsv(SHARED / f"wof-{cc}.tsv")
        regions: dict[str, str] = {}
        counties: dict[str, str] = {}
        for r in records:
            names = arabic_names(r["names_ar"].split("/"))
            if r["placetype"] == "region":
                regions[r["name"]] = next((admin1_by_ar[(country, bare(n))] for n in names
                                           if (country, bare(n)) in admin1_by_ar), r["name"])
            elif r["placetype"] == "county":
                counties[r["name"]] = next((n for n in names), "")
        for r in records:
            placetype, code = r["placetype"], r["feature_code"]
            if placetype in ("country", "placetype") or (country == "SY" and placetype in ("region", "county")):
                continue
            gn = geonames.get(r["geonames_id"]) if r["geonames_id"] else None
            pop = max(int(r["population"] or 0), int(gn["population"]) if gn else 0)
            seat = code in SEAT_CODES
            town = seat or gn is not None or pop >= TOWN_POPULATION
            if placetype == "locality" and country not in ALL_VILLAGES and not town:
                continue
            if code == "PPLQ" and not gn:      # abandoned and not among GeoNames' populated places
                continue
            names = arabic_names(r["names_ar"].split("/") + (gn["names_ar"].split("|") if gn else []))
            names += [n for n in arabic_names(r["names_ku"].split("/"), kurdish=True) if n not in names]
            latin = [n for n in dict.fromkeys(r["names_latin"].split("/")) if n][:4]
            if not names and not (country == "SY" and latin):
                continue
            kind = {"region": "governorate", "county": "district", "neighbourhood": "neighbourhood",
                    "campus": "point"}.get(placetype) or ("town" if town else "village")
            lat, lon = float(r["lat"]), float(r["lon"])
            admin1 = regions.get(r["region"], r["region"]) if placetype != "region" else \
                regions.get(r["name"], r["name"])
            admin2 = r["county"] if placetype not in ("region", "county") else ""
            if country == "SY":
                admin1, admin2 = syrian_admin(syria, admin1, counties.get(r["county"], ""), r["county"], lat, lon)
            wof_id = f"geonames:{r['geonames_id']}" if gn else f"wof:{r['wof_id']}"
            out.append(Row(wof_id, gn["name_en"] if gn else r["name"], names, lat, lon, country,
                           admin1, admin2, kind, pop, latin=latin))
            if gn:
                gn["used"] = "1"
    return out


def syrian_admin(syria: OpenSyria, admin1: str, county_ar: str, county_en: str,
                 lat: float, lon: float) -> tuple[str, str]:
    """(governorate, district) of a Syrian place: WOF's region and county (matched to OpenSyria's
    district by Arabic name, else by the Latin name's consonant skeleton), else the district of
    the nearest sub-district centroid in the governorate."""
    if admin1 not in syria.gov_name.values():
        sub = syria.nearest_subdistrict(lat, lon, "")
        return syria.gov_name[sub["governorateId"]], syria.district_by_id[sub["districtId"]]["name"]["en"]
    district = syria.district_by_key.get((admin1, bare(county_ar))) if county_ar else None
    if district is None and county_en:
        district = syria.district_by_key.get((admin1, latin_skeleton(county_en)))
    if district is None:
        district = syria.district_by_id[syria.nearest_subdistrict(lat, lon, admin1)["districtId"]]
    return admin1, district["name"]["en"]


def drop_supplemented(rows: list[Row]) -> list[Row]:
    """The supplement wins: a built district, sub-district or governorate loses each name a
    curated place of its country has; a built town or village each name a curated site
    (not a governorate or country) within SUPPLEMENT_WINS_KM has; a built governorate that the
    supplement has is dropped."""
    curated: dict[str, list[dict[str, str]]] = defaultdict(list)
    governorates = set()
    for r in read_tsv(DATA / "supplement.tsv"):
        for name in r["name_ar"].split("|"):
            curated[key(name)].append(r)
        if r["kind"] == "governorate":
            governorates.add((r["country"], r["admin1"]))

    def wins(row: Row, name: str) -> bool:
        for c in curated.get(key(name), ()):
            if c["country"] != row.country:
                continue
            if row.kind in AREA_ROWS:
                return True
            if c["kind"] not in AREA_KINDS and km(row.lat, row.lon, float(c["lat"]), float(c["lon"])) \
                    <= SUPPLEMENT_WINS_KM:
                return True
        return False

    kept = []
    for row in rows:
        if row.kind == "governorate" and (row.country, row.admin1) in governorates:
            continue
        row.names_ar = [n for n in row.names_ar if not wins(row, n)]
        if row.names_ar or row.latin:
            kept.append(row)
    return kept


def merge_twins(rows: list[Row]) -> list[Row]:
    """Rows of one town or village (same country, a shared Arabic name, within TWIN_KM: WOF
    holds some places twice, and GeoNames rows WOF lacks the id of) become one row: a GeoNames
    id first, then the larger place; names unioned, WOF's districts kept."""
    by_name: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if row.kind in ("town", "village"):
            for n in row.names_ar:
                by_name[row.country, key(n)].append(row)
    gone: set[int] = set()
    rank = lambda r: (r.id.startswith("geonames:"), r.kind == "town", r.population, len(r.names_ar))  # noqa: E731
    for row in sorted((r for r in rows if r.kind in ("town", "village")), key=rank, reverse=True):
        if id(row) in gone:
            continue
        for n in list(row.names_ar):
            for twin in by_name[row.country, key(n)]:
                if twin is row or id(twin) in gone or km(row.lat, row.lon, twin.lat, twin.lon) > TWIN_KM:
                    continue
                gone.add(id(twin))
                row.names_ar += [t for t in twin.names_ar if t not in row.names_ar]
                row.admin1, row.admin2 = row.admin1 or twin.admin1, row.admin2 or twin.admin2
                row.population = max(row.population, twin.population)
                if twin.kind == "town":
                    row.kind = "town"
    return [r for r in rows if id(r) not in gone]


def drop_direction_regions(rows: list[Row]) -> list[Row]:
    """Region names that are stop-names ("الشمال", "الجنوب": Lebanon's) are dropped: the
    direction is meant far more often, and "شمال لبنان" is read as near Lebanon."""
    stop = {key(ln.strip()) for ln in (DATA / "stopnames.txt").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}
    for row in rows:
        if row.kind == "governorate":
            row.names_ar = [n for n in row.names_ar if key(n) not in stop and "ال" + bare(n) not in stop]
    return [r for r in rows if r.names_ar or r.latin]


def drop_town_named_areas(rows: list[Row]) -> list[Row]:
    """A district or sub-district keeps a name only where no town of its governorate has it
    ("ناحية سراقب" is read as the town Saraqib)."""
    towns = {(r.country, r.admin1, k) for r in rows if r.kind in ("town", "village")
             for n in r.names_ar for k, _ in name_variants(n)}
    kept = []
    for row in rows:
        if row.kind in ("district", "subdistrict"):
            row.names_ar = [n for n in row.names_ar
                            if not any((row.country, row.admin1, k) in towns for k, _ in name_variants(n))]
            if not row.names_ar:
                continue
        kept.append(row)
    return kept


def commonable(row: Row) -> bool:
    """A place whose name may read as a word first: a small village, or a town abroad that is
    not a major city (GeoNames gives Antakya's Harbiye the name "حربيات")."""
    return row.kind in ("village", "neighbourhood") or \
        (row.kind == "town" and row.country != "SY" and row.population < MAJOR_CITY)


def common_names(rows: list[Row]) -> list[str]:
    """One-word names of commonable places that are frequent Arabic words (wordfreq, with or
    without the article) or that many Syrian villages share (a generic name: "المزرعة")."""
    zipf: dict[str, float] = {}
    villages: dict[str, int] = defaultdict(int)
    for r in rows:
        if not commonable(r):
            continue
        for name in r.names_ar:
            k = key(name)
            if " " in k:
                continue
            if r.country == "SY":
                villages[k] += 1
            forms = (name, name[2:]) if name.startswith("ال") else (name, "ال" + name)
            zipf[k] = max(zipf.get(k, 0.0), *(zipf_frequency(f, "ar") for f in forms))
    kept = {key(n) for r in rows if not commonable(r) for n in r.names_ar}
    kept |= {key(n) for r in read_tsv(DATA / "supplement.tsv") for n in r["name_ar"].split("|")}
    return sorted(k for k, z in zipf.items()
                  if k not in kept and (z >= COMMON_ZIPF or villages[k] >= GENERIC_VILLAGES))


def main() -> int:
    admin1_by_ar = {(r["country"], bare(r["name_ar"])): r["name_en"] for r in read_tsv(SCRIPTS / "admin1.tsv")}
    geonames = {r["geonameid"]: r for r in read_tsv(SCRIPTS / "geonames.tsv")}
    syria = OpenSyria(admin1_by_ar)
    rows = wof_rows(geonames, admin1_by_ar, syria) + syria.rows()
    for gid, g in geonames.items():
        if "used" in g:
            continue
        rows.append(Row(f"geonames:{gid}", g["name_en"], g["names_ar"].split("|"), float(g["lat"]),
                        float(g["lon"]), g["country"], g["admin1"], "", "town", int(g["population"])))
    rows = drop_town_named_areas(drop_supplemented(drop_direction_regions(merge_twins(rows))))
    rows.sort(key=lambda r: (r.country, r.admin1, r.admin2, r.kind, r.name_en, r.id))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Who's On First (https://whosonfirst.org/, license: https://whosonfirst.org/docs/licenses/), "
                 "GeoNames (CC BY 4.0) and OpenSyria (CC BY 4.0): see ATTRIBUTION.md; "
                 "built by scripts/build_gazetteer.py\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerow(HEADER)
        writer.writerows(r.out() for r in rows)
    common = common_names(rows)
    COMMON.write_text("# Names of small places (no population, not a seat) and minor towns abroad that are also\n"
                      f"# frequent Arabic words (wordfreq 3.1.1 Arabic list, Zipf >= {COMMON_ZIPF}, with or without\n"
                      f"# the article) or that {GENERIC_VILLAGES}+ Syrian villages share; such a name is a place only after\n"
                      "# قرية/بلدة/مدينة/حي/مخيم. Built by scripts/build_gazetteer.py.\n"
                      + "".join(f"{k}\n" for k in common), encoding="utf-8")
    counts = defaultdict(int)
    for r in rows:
        counts[r.country, r.kind] += 1
    print(f"{OUT}: {len(rows)} places, {OUT.stat().st_size / 1024:.0f} KiB; {len(common)} common names",
          file=sys.stderr)
    print(dict(sorted(counts.items())), file=sys.stderr)
    print(f"{write_index()}: rewritten", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
