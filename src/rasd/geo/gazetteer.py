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
from typing import cast

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
    weak: bool                   # short, article-less or name-like: needs some place cue ("في X")


# A reading of a written word: (clitic length, bare first word, lengths in words of the names it
# starts, longest first, the second words of those names).
Head = tuple[int, str, tuple[int, ...], frozenset[str]]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """All places, and the indexes the matcher reads."""
    places: tuple[Place, ...]
    names: dict[str, Entry]                       # folded name ("دير الزور") -> entry
    heads: dict[str, tuple[Head, ...]]           # token as written ("وبدير") -> its readings
    governorates: dict[str, Place]                # folded bare name ("ادلب") -> the governorate

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
                      cast(Precision, r["precision"]), r["kind"], 0, True)
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
    for form in list(forms):
        if form.startswith("ال") and len(form.split(" ")[0]) > 2 + SHORT_NAME:
            forms.setdefault(form[2:], True)
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


def _load_stopnames() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(stop-names, weak names, never names): stopnames.txt lines, "~" marking the weak
    ones and "!" the words that only begin longer names."""
    stop: set[str] = set()
    weak: set[str] = set()
    never: set[str] = set()
    for line in (DATA / "stopnames.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            target = weak if line.startswith("~") else never if line.startswith("!") else stop
            target.add(" ".join(TOKEN.findall(fold_term(line.lstrip("~!")))))
    return frozenset(stop), frozenset(weak), frozenset(never)


@cache
def load() -> Gazetteer:
    """The gazetteer, built on first use and shared afterwards."""
    stopnames, weaknames, nevernames = _load_stopnames()
    pairs = _geonames_places() + _supplement_places()
    by_key: dict[str, list[Place]] = {}
    weak_key: dict[str, bool] = {}
    governorates: dict[str, Place] = {}
    settlement_keys: set[str] = set()
    for place, written in pairs:
        for name in written:
            for key, weak in name_variants(name):
                if key in nevernames:
                    continue
                if place.kind == "governorate":
                    governorates.setdefault(key, place)
                    continue
                settlement_keys.add(key)
                bare = key[2:] if key.startswith("ال") else key
                weak = weak or key in weaknames or (" " not in key and len(bare) <= SHORT_NAME
                                                    and place.population < BIG_PLACE and not place.curated)
                if place not in by_key.setdefault(key, []):
                    by_key[key].append(place)
                weak_key[key] = weak_key.get(key, True) and weak
    # A governorate is named bare ("الأنبار") only where no town takes the name ("إدلب").
    for key, place in governorates.items():
        if key not in settlement_keys:
            by_key[key] = [place]
            weak_key[key] = False
    # A bare form of a name that also has the article ("رقة" beside "الرقة") is read like
    # the article form would be, and needs a cue: bare, it is too often part of a word
    # ("فرقة" = ف + "رقة") or a common noun ("مزرعة").
    for key, found in by_key.items():
        with_article = by_key.get("ال" + key)
        if with_article and set(found) & set(with_article):
            weak_key[key] = True
    names = {key: Entry(tuple(found), key in stopnames or "ال" + key in stopnames, weak_key[key])
             for key, found in by_key.items()}
    lengths: dict[str, set[int]] = {}
    seconds: dict[str, set[str]] = {}
    for key in names:
        toks = key.split(" ")
        lengths.setdefault(toks[0], set()).add(len(toks))
        seconds.setdefault(toks[0], set()).update(toks[1:2])
    readings: dict[str, list[Head]] = {}
    for head, ns in lengths.items():
        spec = (head, tuple(sorted(ns, reverse=True)), frozenset(seconds[head]))
        for form, clitic in _clitic_forms(head):
            readings.setdefault(form, []).append((clitic, *spec))
    # The bare word is tried before a clitic reading ("بنش" is Binnish before ب + "نش").
    heads = {form: tuple(sorted(rs)) for form, rs in readings.items()}
    places = tuple(dict.fromkeys(p for p, _ in pairs))
    return Gazetteer(places, names, heads, governorates)
