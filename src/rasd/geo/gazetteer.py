"""The place catalog: GeoNames extract (gazetteer.tsv) plus the curated supplement.

Loaded once per process (stdlib only) and indexed by folded name, so that matching a
text is one dictionary lookup per token. Every token a name can start with is also
indexed with the proclitics Arabic glues to it (و ف ب ل ك and لل for ل + ال), so the
matcher never has to peel clitics itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rasd.model import Precision
from rasd.text.normalize import fold_term

DATA = Path(__file__).resolve().parent / "data"

# Tokens of folded text: runs of letters and digits ("T4" stays one token).
TOKEN = re.compile(r"[^\W_]+")

# Country order for breaking ties between same-named places: rasd reads Syria first.
COUNTRY_RANK = {cc: i for i, cc in enumerate(("SY", "IQ", "LB", "JO", "TR", "PS", "IL", "YE", "LY"))}
# Names at most this long (without the article) are also ordinary words or syllables:
# they need a cue ("في", "بلدة", ...) unless the place is big.
SHORT_NAME = 3
BIG_PLACE = 100_000
# Single-word names that are written split as often as joined ("كفرنبل" / "كفر نبل").
_SPLIT_PREFIXES = ("كفر", "دير", "تل", "عين", "بيت", "ام", "ابو", "راس", "جسر", "خان")
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Place:
    """One catalogued place."""
    gazetteer_id: str            # "geonames:170794" or "supplement:<key>"
    name_en: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    precision: Precision
    kind: str                    # "town" for GeoNames rows; see supplement.tsv for the rest
    population: int
    curated: bool                # from supplement.tsv

    @property
    def rank(self) -> int:
        return COUNTRY_RANK.get(self.country, len(COUNTRY_RANK))


@dataclass(frozen=True, slots=True)
class Entry:
    """The places one folded name denotes, and how much evidence the name needs."""
    places: tuple[Place, ...]
    stop: bool                   # also a common word: only after قرية/بلدة/مدينة/ناحية/محافظة
    weak: bool                   # short or article-less form: needs some place cue


# A reading of a written token: (clitic length, bare first word, name lengths in words, longest first).
Head = tuple[int, str, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: tuple[Place, ...]
    names: dict[str, Entry]                       # folded name ("دير الزور") -> entry
    heads: dict[str, tuple[Head, ...]]           # token as written ("وبدير") -> its readings
    governorates: dict[str, Place]                # folded bare name ("ادلب") -> the governorate
    stopnames: frozenset[str]

    def lookup(self, name: str) -> Entry | None:
        return self.names.get(" ".join(TOKEN.findall(fold_term(name))))


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


def _geonames_places() -> list[tuple[Place, list[str]]]:
    out = []
    for r in _rows(DATA / "gazetteer.tsv"):
        place = Place(f"geonames:{r['geonameid']}", r["name_en"], float(r["lat"]), float(r["lon"]),
                      r["country"], r["admin1"] or None, None, "town", "town",
                      int(r["population"]), False)
        out.append((place, r["names_ar"].split("|")))
    return out


def _supplement_places() -> list[tuple[Place, list[str]]]:
    out = []
    for r in _rows(DATA / "supplement.tsv"):
        place = Place(f"supplement:{r['key']}", r["name_en"], float(r["lat"]), float(r["lon"]),
                      r["country"], r["admin1"] or None, r["admin2"] or None,
                      r["precision"], r["kind"], int(r.get("population") or 0), True)  # type: ignore[arg-type]
        out.append((place, r["name_ar"].split("|")))
    return out


def name_variants(name: str) -> list[tuple[str, bool]]:
    """Folded keys a name is written as, each with whether that form is weak evidence.

    Joined and split spellings ("دير الزور"/"ديرالزور", "كفرنبل"/"كفر نبل", "معرة
    مصرين"/"معرتمصرين"), final hamza ("السوداء"/"السودا") and, as weak forms, the name
    without its article ("الميادين" -> "ميادين").
    """
    toks = TOKEN.findall(fold_term(name))
    if not toks:
        return []
    key = " ".join(toks)
    forms = {key: False}
    if len(toks) == 2:
        forms.setdefault(toks[0] + toks[1], False)
        if toks[0].endswith("ه"):
            forms.setdefault(toks[0][:-1] + "ت" + toks[1], False)
    elif len(toks) == 1:
        word = "معره" + key[4:] if key.startswith("معرت") else key
        for prefix in (*_SPLIT_PREFIXES, "معره"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                forms.setdefault(f"{prefix} {word[len(prefix):]}", False)
    if key.endswith("اء"):
        forms.setdefault(key[:-1], False)
    first = toks[0]
    if first.startswith("ال") and len(first) > 2 + SHORT_NAME:
        forms.setdefault(" ".join([first[2:], *toks[1:]]), True)
    return list(forms.items())


def _clitic_forms(head: str) -> list[tuple[str, int]]:
    """``head`` as it may be written with proclitics, with the length of the clitics."""
    forms = []
    for conj in _CONJUNCTIONS:
        for prep in _PREPOSITIONS:
            forms.append((conj + prep + head, len(conj) + len(prep)))
        if head.startswith("ال"):
            forms.append((conj + "لل" + head[2:], len(conj) + 2))   # ل + ال: "للميادين"
    return forms


def _load_stopnames() -> frozenset[str]:
    lines = (DATA / "stopnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold_term(ln) for ln in lines if ln.strip() and not ln.startswith("#"))


@cache
def load() -> Gazetteer:
    """The gazetteer, built on first use and shared afterwards."""
    stopnames = _load_stopnames()
    pairs = _geonames_places() + _supplement_places()
    by_key: dict[str, list[Place]] = {}
    weak_key: dict[str, bool] = {}
    governorates: dict[str, Place] = {}
    settlement_keys: set[str] = set()
    for place, names in pairs:
        for name in names:
            for key, weak in name_variants(name):
                if place.kind == "governorate":
                    governorates.setdefault(key, place)
                    continue
                settlement_keys.add(key)
                bare = key[2:] if key.startswith("ال") else key
                weak = weak or (" " not in key and len(bare) <= SHORT_NAME
                                and place.population < BIG_PLACE and not place.curated)
                if place not in by_key.setdefault(key, []):
                    by_key[key].append(place)
                weak_key[key] = weak_key.get(key, True) and weak
    # A governorate is named bare ("الأنبار") only where no town takes the name ("إدلب").
    for key, place in governorates.items():
        if key not in settlement_keys:
            by_key[key] = [place]
            weak_key[key] = False
    names = {key: Entry(tuple(places), key in stopnames, weak_key[key])
             for key, places in by_key.items()}
    lengths: dict[str, set[int]] = {}
    for key in names:
        toks = key.split(" ")
        lengths.setdefault(toks[0], set()).add(len(toks))
    readings: dict[str, list[Head]] = {}
    for head, ns in lengths.items():
        spec = tuple(sorted(ns, reverse=True))
        for form, clitic in _clitic_forms(head):
            readings.setdefault(form, []).append((clitic, head, spec))
    # The bare word is tried before a clitic reading ("بنش" is Binnish before ب + "نش").
    heads = {form: tuple(sorted(rs)) for form, rs in readings.items()}
    places = tuple(dict.fromkeys(p for p, _ in pairs))
    return Gazetteer(places, names, heads, governorates, stopnames)
