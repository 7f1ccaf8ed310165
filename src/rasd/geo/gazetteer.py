"""The place catalog: gazetteer.tsv (built from Who's On First, GeoNames and OpenSyria by
scripts/build_gazetteer.py) plus the curated supplement, which wins where it names a place.

Loaded once per process (stdlib only) and indexed by folded name, so that matching a
text is one dictionary lookup per token. The proclitics Arabic glues to a name's first
word (و ف ب ل ك and لل for ل + ال) are peeled once per distinct written word and the
readings memoized, so the matcher never has to peel clitics itself.

Small places (villages and neighbourhoods with no population and no seat) are most of the
catalog and many of their names are ordinary words: their entries are marked ``small`` and
the matcher wants a place cue or the place's governorate/district in the report for them.
Names of small places that are frequent Arabic words (common_names.txt) want "قرية X".
Places known only by Latin names are indexed by consonant skeleton (translit.py).
"""
from __future__ import annotations

import hashlib
import math
import pickle
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any, TypeVar, cast

from rasd.geo.translit import arabic_skeleton, latin_skeleton, usable
from rasd.model import Precision
from rasd.text.normalize import fold_term

DATA = Path(__file__).resolve().parent / "data"

# Tokens of folded text: runs of letters and digits ("T4" stays one token).
TOKEN = re.compile(r"[^\W_]+")

# The country rasd reads reports of (ISO 3166-1 alpha-2); its neighbours are in the gazetteer too.
FOCUS_COUNTRY = "SY"
# Country order for breaking ties between same-named places: rasd reads Syria first.
COUNTRY_RANK = {cc: i for i, cc in enumerate((FOCUS_COUNTRY, "IQ", "LB", "JO", "TR", "PS", "IL", "YE", "LY"))}
# Names at most this long (without the article) are also ordinary words or syllables:
# they need a cue ("في", "بلدة", ...) unless the place is big.
SHORT_NAME = 3
BIG_PLACE = 100_000
# Single-word names that are written split as often as joined ("كفرنبل" / "كفر نبل").
_SPLIT_PREFIXES = ("كفر", "دير", "تل", "عين", "بيت", "ام", "ابو", "راس", "جسر", "خان")
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) between two points."""
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


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

    @property
    def small(self) -> bool:
        """A village or neighbourhood with no population and no seat, not curated."""
        return self.kind in SMALL_KINDS and not self.curated


@dataclass(frozen=True, slots=True)
class Entry:
    """The places one folded name denotes, and how much evidence the name needs."""
    places: tuple[Place, ...]
    stop: bool                   # also a common word: only after قرية/بلدة/مدينة/ناحية/محافظة
    weak: bool                   # short, article-less or name-like: needs some place cue ("في X")
    small: bool = False          # only small places: a cue, or their governorate/district named


# A reading of a written word: (clitic length, bare first word, lengths in words of the names it
# starts, longest first, the second words of those names).
Head = tuple[int, str, tuple[int, ...], frozenset[str]]
# The clitics a name's first word may carry, longest first within each reading order.
_CLITICS = tuple(dict.fromkeys(c + p for c in _CONJUNCTIONS for p in _PREPOSITIONS))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """All places, and the indexes the matcher reads."""
    places: Sequence[Place]
    names: Mapping[str, Entry]                    # folded name ("دير الزور") -> entry
    starts: Mapping[str, tuple[tuple[int, ...], frozenset[str]]]   # first word -> (lengths, second words)
    governorates: dict[str, Place]                # folded bare name ("ادلب") -> the governorate
    skeletons: Mapping[str, tuple[Place, ...]]    # consonant skeleton -> places with only Latin names
    heads: dict[str, tuple[Head, ...]] = field(default_factory=dict)   # written word -> readings (memo)

    def readings(self, word: str) -> tuple[Head, ...]:
        """The names ``word`` ("وبدير") may begin, clitics peeled; memoized per process.

        The bare word is tried before a clitic reading ("بنش" is Binnish before ب + "نش").
        """
        found = self.heads.get(word)
        if found is None:
            out = []
            for clitic in _CLITICS:
                bare = word[len(clitic):]
                if word.startswith(clitic) and bare in self.starts:
                    out.append((len(clitic), bare, *self.starts[bare]))
            for conj in _CONJUNCTIONS:
                head = "ال" + word[len(conj) + 2:]        # ل + ال: "للميادين"
                if word.startswith(conj + "لل") and head in self.starts:
                    out.append((len(conj) + 2, head, *self.starts[head]))
            found = self.heads[word] = tuple(sorted(out, key=lambda r: r[0]))
        return found

    def lookup(self, name: str) -> Entry | None:
        return self.names.get(" ".join(TOKEN.findall(fold_term(name))))


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


SMALL_KINDS = frozenset({"village", "neighbourhood"})
_PRECISION_OF_KIND: dict[str, Precision] = {
    "town": "town", "village": "town", "neighbourhood": "town", "point": "point",
    "district": "district", "subdistrict": "district", "governorate": "governorate", "country": "country"}
# Words that end a village's name and tell its part ("الطيبة الغربية", "سفتك تحتاني", "سفتك
# الأولى", Kurdish "زير"/"زور", lower/upper): a name with one of them is also known by its stem
# where no place has the stem as its own name. Not the size words ("الكبيرة"): "قريتا شيخ حسن
# الكبيرة ومرعناز" names a village the gazetteer lacks, not Idlib's Shaykh Hasan.
DIRECTIONS = frozenset(fold_term(w) for w in (
    "الشمالية", "الجنوبية", "الشرقية", "الغربية", "الشمالي", "الجنوبي", "الشرقي", "الغربي",
    "الفوقاني", "التحتاني", "الفوقانية", "التحتانية",
    "فوقاني", "تحتاني", "فوقانية", "تحتانية", "الأولى", "الثانية", "الوسطى", "الوسطي", "زير", "زور"))


def _built_places() -> tuple[list[tuple[Place, list[str]]], list[tuple[Place, list[str]]]]:
    """(places with Arabic names, places with only Latin names) of gazetteer.tsv."""
    named, latin = [], []
    for r in _rows(DATA / "gazetteer.tsv"):
        place = Place(r["id"], r["name_en"], float(r["lat"]), float(r["lon"]), r["country"],
                      r["admin1"] or None, r["admin2"] or None, _PRECISION_OF_KIND[r["kind"]],
                      r["kind"], int(r["population"]), False)
        if r["names_ar"]:
            named.append((place, r["names_ar"].split("|")))
        else:
            latin.append((place, r["latin"].split("|")))
    return named, latin


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
    without its article ("الميادين" -> "ميادين", "الشيخ مقصود" -> "شيخ مقصود"). (Adding the
    article to article-less names would make each of them weak: see the bare-form rule in
    ``build``.)
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
        first = form.split(" ")[0]
        if form.startswith("ال") and (len(first) > 2 + SHORT_NAME or (" " in form and len(first) > 4)):
            forms.setdefault(form[2:], True)          # "الميادين" -> "ميادين", "الشيخ مقصود" -> "شيخ مقصود"
    return list(forms.items())


def _variants(by_key: dict[str, list[Place]]) -> list[tuple[str, list[Place]]]:
    """variants.tsv: local and Kurdish names, each with the places its `name` denotes there."""
    out = []
    for r in _rows(DATA / "variants.tsv"):
        key = " ".join(TOKEN.findall(fold_term(r["name"])))
        places = [p for p in by_key.get(key, ()) if p.country == r["country"] and p.admin1 == r["admin1"]
                  and r["admin2"] in ("", p.admin2)]
        if places:
            out.append((r["variant"], places))
    return out


def _commonable(place: Place) -> bool:
    """A place whose name may be listed in common_names.txt (as scripts/build_gazetteer.py
    chooses): a small place, or a town abroad that is not a major city."""
    return place.small or (place.kind == "town" and place.country != FOCUS_COUNTRY and not place.curated
                           and place.population < 100_000)


def _common_names() -> frozenset[str]:
    """common_names.txt: names of small places and minor towns abroad that are also frequent
    words or generic village names."""
    lines = (DATA / "common_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln for ln in lines if ln and not ln.startswith("#"))


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


INDEX = DATA / "index.pickle"
_INDEX_INPUTS = ("gazetteer.tsv", "supplement.tsv", "stopnames.txt", "common_names.txt", "variants.tsv")


def fingerprint() -> str:
    """A hash of everything the index is built from: the data files and this code."""
    digest = hashlib.blake2b(digest_size=16)
    for path in (*(DATA / name for name in _INDEX_INPUTS), Path(__file__),
                 Path(__file__).with_name("translit.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def load() -> Gazetteer:
    """The gazetteer, shared once loaded: from the precomputed index (index.pickle, plain
    builtins) when it matches the data and code, else built from the data (several times
    slower; ``python -m rasd.geo.gazetteer`` rewrites the index)."""
    stamp = fingerprint()
    if INDEX.exists():
        with INDEX.open("rb") as fh:
            data = pickle.load(fh)
        if data[0] == stamp:
            return _from_index(data)
    return build()


def _to_index(gaz: Gazetteer, stamp: str) -> tuple:
    """The gazetteer as plain strings: one row per place, name and first word, each decoded
    when first read. Unpickling a string costs next to nothing; the tuples, floats and
    frozensets they stand for took 0.05 s of every run to unpickle and rebuild."""
    number = {p: i for i, p in enumerate(gaz.places)}
    places = ["\t".join(_field_text(getattr(p, f)) for f in Place.__slots__) for p in gaz.places]
    names = {k: " ".join(str(number[p]) for p in e.places) + "\t"
             + "".join("1" if flag else "0" for flag in (e.stop, e.weak, e.small)) for k, e in gaz.names.items()}
    governorates = {k: number[p] for k, p in gaz.governorates.items()}
    skeletons = {k: tuple(number[p] for p in ps) for k, ps in gaz.skeletons.items()}
    starts = {k: " ".join(map(str, lengths)) + "\t" + " ".join(sorted(seconds))   # sorted: stable bytes
              for k, (lengths, seconds) in gaz.starts.items()}
    return (stamp, places, names, starts, governorates, skeletons)


def _field_text(value: str | float | bool | None) -> str:
    """A place's field in its index row: None as "" (no name or admin is empty), a float as
    its repr (which reads back to the same float), True as "1"."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    return repr(value) if isinstance(value, float) else str(value)


def _place(row: str) -> Place:
    gazetteer_id, name_en, lat, lon, country, admin1, admin2, precision, kind, population, curated = row.split("\t")
    return Place(gazetteer_id, name_en, float(lat), float(lon), country, admin1 or None, admin2 or None,
                 cast(Precision, precision), kind, int(population), curated == "1")


def _entry(places: Sequence[Place], row: str) -> Entry:
    numbers, (stop, weak, small) = row.split("\t")
    return Entry(tuple(places[int(i)] for i in numbers.split()), stop == "1", weak == "1", small == "1")


def _places_of(places: Sequence[Place], numbers: tuple[int, ...]) -> tuple[Place, ...]:
    return tuple(places[i] for i in numbers)


def _start(row: str) -> tuple[tuple[int, ...], frozenset[str]]:
    lengths, seconds = row.split("\t")
    return tuple(map(int, lengths.split())), frozenset(seconds.split())


_V = TypeVar("_V")


class _Decoded(Mapping[str, _V]):
    """Index rows by key, each decoded when first looked up (once): a run reads a few hundred
    of the 26,000 names and 20,000 first words."""

    def __init__(self, rows: dict[str, Any], decode: Callable[[Any], _V]) -> None:
        self._rows, self._decode, self._made = rows, decode, {}

    def __getitem__(self, key: str) -> _V:
        value = self._made.get(key)
        if value is None:
            value = self._made[key] = self._decode(self._rows[key])
        return value

    def get(self, key: str, default: _V | None = None) -> _V | None:   # type: ignore[override]
        return self[key] if key in self._rows else default

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class _IndexedPlaces(Sequence[Place]):
    """The index's places, each made a ``Place`` when first asked for (once, so an entry, a
    governorate and a skeleton that share a place share the object): building all 15,000
    was half of loading the index."""

    def __init__(self, rows: list[str]) -> None:
        self._rows = rows
        self._made: dict[int, Place] = {}

    def __getitem__(self, i: int) -> Place:   # type: ignore[override]
        place = self._made.get(i)
        if place is None:
            place = self._made[i] = _place(self._rows[i])
        return place

    def __len__(self) -> int:
        return len(self._rows)


def _from_index(data: tuple) -> Gazetteer:
    _, rows, names, starts, governorates, skeletons = data
    places = _IndexedPlaces(rows)
    return Gazetteer(places, _Decoded(names, partial(_entry, places)), _Decoded(starts, _start),
                     {k: places[i] for k, i in governorates.items()},
                     _Decoded(skeletons, partial(_places_of, places)))


def write_index() -> Path:
    """Build the gazetteer from its data and store the index load() reads."""
    with INDEX.open("wb") as fh:
        pickle.dump(_to_index(build(), fingerprint()), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return INDEX


# Letters that differ only in their dots: one written shape ("جباتا" and "جباثا" are one village)
_DOTLESS = str.maketrans("تثنيىئجخذزشضظغفة", "ببببببححدرسصطعقه")
SAME_SETTLEMENT_KM = 3.0   # two records of one village: same shape of name, this close


def _record_rank(p: Place) -> tuple:
    """Which of two records of one settlement stands for both: the curated, else the more
    populous, else the first id."""
    return not p.curated, -p.population, p.gazetteer_id


def _one_settlement(by_key: dict[str, list[Place]]) -> dict[Place, Place]:
    """Records of one settlement under two ids (a curated row and a Who's On First one, or two
    imports), their names written alike but for a letter's dots and lying within
    ``SAME_SETTLEMENT_KM``: each mapped to one of them (``_record_rank``), so that reports
    spelling it either way name the same place."""
    by_shape: dict[str, set[Place]] = {}
    for key, found in by_key.items():
        shape = (key[2:] if key.startswith("ال") else key).translate(_DOTLESS).replace(" ", "")
        for p in found:
            if p.precision in ("town", "point"):
                by_shape.setdefault(shape, set()).add(p)
    same: dict[Place, Place] = {}
    for group in by_shape.values():
        ranked = sorted(group, key=_record_rank)
        for i, p in enumerate(ranked):
            for q in ranked[:i]:
                if great_circle_km(p.lat, p.lon, q.lat, q.lon) <= SAME_SETTLEMENT_KM:
                    same.setdefault(p, same.get(q, q))
                    break
    return same


def _latin_twins(names: dict[str, Entry], latin_only: list[tuple[Place, list[str]]]) -> dict[Place, Place]:
    """A record known only by Latin names that is another record of a place named in Arabic
    ("Jubbata al Khashab" beside the curated "جباتا الخشب"): the same consonant skeleton,
    within ``SAME_SETTLEMENT_KM``; mapped to the Arabic-named one."""
    by_skeleton: dict[str, list[Place]] = {}
    for key, entry in names.items():
        for p in entry.places:
            if p.precision in ("town", "point"):
                by_skeleton.setdefault(arabic_skeleton(key), []).append(p)
    twins: dict[Place, Place] = {}
    for place, written in latin_only:
        near = [q for name in written for q in by_skeleton.get(latin_skeleton(name), ())
                if great_circle_km(place.lat, place.lon, q.lat, q.lon) <= SAME_SETTLEMENT_KM]
        if near:
            twins[place] = min(near, key=_record_rank)
    return twins


def build() -> Gazetteer:
    """The gazetteer built from its data files."""
    stopnames, weaknames, nevernames = _load_stopnames()
    common = _common_names()
    built, latin_only = _built_places()
    pairs = built + _supplement_places()
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
    same = _one_settlement(by_key)      # on the names as written, before stems are derived
    # A governorate is named bare ("الأنبار") only where no town takes the name ("إدلب").
    for key, place in governorates.items():
        if key not in settlement_keys:
            by_key[key] = [place]
            weak_key[key] = False
    # A bare form of a name that also has the article ("رقة" beside "الرقة") is read like
    # the article form would be, and needs a cue: bare, it is too often part of a word
    # ("فرقة" = ف + "رقة") or a common noun ("مزرعة"). A curated place known by the bare
    # form alone ("حوران") keeps it strong.
    for key, found in by_key.items():
        with_article = by_key.get("ال" + key)
        if with_article and set(found) & set(with_article) \
                and not any(p.curated and p not in with_article for p in found):
            weak_key[key] = True
    for variant, places in _variants(by_key):
        for key, weak in name_variants(variant):
            found = by_key.setdefault(key, [])
            if any(p.curated for p in found):
                continue     # the supplement already names the place so
            found.extend(p for p in places if p not in found)
            weak_key[key] = weak_key.get(key, True) and weak
    # "X الشرقية" is also called "X" where nothing else is.
    for key in [k for k in by_key if " " in k and k.rsplit(" ", 1)[1] in DIRECTIONS]:
        stem = key.rsplit(" ", 1)[0]
        if stem not in by_key and stem not in nevernames and len(stem.replace(" ", "")) > SHORT_NAME:
            by_key[stem] = []
            weak_key[stem] = True
    for key in [k for k in by_key if not by_key[k]]:
        by_key[key] = list(dict.fromkeys(p for d in sorted(DIRECTIONS) for p in by_key.get(f"{key} {d}", ())))
    names = {}
    for key, found in by_key.items():
        found = list(dict.fromkeys(same.get(p, p) for p in found))
        small = all(p.small for p in found)
        stop = key in stopnames or "ال" + key in stopnames or \
            ((key in common or "ال" + key in common) and all(_commonable(p) for p in found))
        names[key] = Entry(tuple(found), stop, weak_key[key], small)
    lengths: dict[str, set[int]] = {}
    seconds: dict[str, set[str]] = {}
    for key in names:
        toks = key.split(" ")
        lengths.setdefault(toks[0], set()).add(len(toks))
        seconds.setdefault(toks[0], set()).update(toks[1:2])
    starts = {head: (tuple(sorted(ns, reverse=True)), frozenset(seconds[head])) for head, ns in lengths.items()}
    skeletons: dict[str, list[Place]] = {}
    twins = _latin_twins(names, latin_only)
    for place, written in latin_only:
        for skeleton in sorted({latin_skeleton(name) for name in written}):
            if usable(skeleton):
                found = skeletons.setdefault(skeleton, [])
                if twins.get(place, place) not in found:
                    found.append(twins.get(place, place))
    places = tuple(dict.fromkeys(p for p, _ in pairs + latin_only))
    return Gazetteer(places, names, starts, governorates, {k: tuple(v) for k, v in skeletons.items()})


if __name__ == "__main__":
    print(write_index(), file=sys.stderr)
