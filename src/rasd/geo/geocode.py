"""Find the places an Arabic text names and resolve them to coordinates, offline.

One pass over the folded words: the words are split out in C (one ``re.split``), the few
that can start a catalogued name (clitics included: "وبالبوكمال") are picked by one dict
lookup each, and at each of those the longest catalogued name wins. The words before a
name say what kind of place it is ("قرية", "محافظة"), that the place is only nearby ("ريف",
"شرق", "قرب"), or that the name is not a place here ("فيلق القدس"). Names that are also
ordinary words need such a cue. Names several places share are settled by the article's
other, unambiguous places.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate, compress

from rasd.geo.gazetteer import DATA, Entry, Gazetteer, Place, load
from rasd.model import PlaceMention, Precision
from rasd.text.normalize import Folded, fold, fold_term

def _cue_words() -> dict[str, tuple[str, ...]]:
    """``data/cues.json``: the words before a name that say what it is (see its ``_about``)."""
    data = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    return {kind: tuple(fold_term(w) for w in words) for kind, words in data.items() if not kind.startswith("_")}


_WORDS = _cue_words()
_NEAR_OF = frozenset(_WORDS["near_of"])   # "بالقرب من X"


def _cue_table() -> dict[str, str]:
    """Every cue word as it may be written ("وبريف", "لمدينة") -> what it says."""
    table: dict[str, str] = {}
    groups = (("org", _WORDS["not_a_place"]), ("settlement", _WORDS["settlement"]),
              ("governorate", _WORDS["governorate"]), ("camp", _WORDS["camp"]),
              ("countryside", _WORDS["countryside"]), ("near", _WORDS["near"]), ("area", _WORDS["area"]))
    for clitic in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"):
        for kind, words in groups:
            for word in words:
                table.setdefault(clitic + word, kind)
        if clitic in ("", "و", "ف"):
            for word in _WORDS["preposition"]:
                table.setdefault(clitic + word, "preposition")
    return table


_CUES = _cue_table()
_SPLIT = re.compile(r"([^\W_]+)")      # words of folded text, kept with what lies between
_SETTLEMENT_KINDS = frozenset({"town", "village", "neighbourhood", "camp"})
_COARSER: dict[str, Precision] = {"point": "town", "town": "district", "district": "governorate",
                                  "governorate": "governorate", "country": "country"}
_MAJOR = 20_000
_FOREIGN_MIN = 100_000   # towns abroad smaller than this are kept only in their own country's news


@dataclass(frozen=True, slots=True)
class _Cue:
    """What the words before a name say about it."""
    kind: str | None = None      # settlement, governorate, camp, area, preposition, near, list, org
    near: bool = False
    countryside: bool = False


@dataclass(frozen=True, slots=True)
class _Match:
    """A catalogued name found in the text, before choosing among the places it names."""
    start: int                   # folded offsets of the name as written, clitics excluded
    end: int
    key: str
    entry: Entry
    cue: _Cue


# Cues are few: share one instance per combination rather than build one per name.
_CUE_OF = {(kind, near, countryside): _Cue(kind, near, countryside)
           for kind in (None, "settlement", "governorate", "camp", "area", "preposition", "near", "list")
           for near in (False, True) for countryside in (False, True)}
_ORG = _Cue("org")


class _Words:
    """The words of a folded text, their offsets, and what lies between them."""
    __slots__ = ("words", "gaps", "ends")

    def __init__(self, text: str) -> None:
        parts = _SPLIT.split(text)
        self.words: list[str] = parts[1::2]
        self.gaps: list[str] = parts[0::2]       # gaps[k] is before word k, gaps[k + 1] after it
        self.ends: list[int] = list(accumulate(map(len, parts)))


def _cue(w: _Words, i: int, clitic: str, prev: _Match | None) -> _Cue:
    """Read the (up to three) words before word ``i``: "على أطراف بلدة X", "بالقرب من X"."""
    kind: str | None = "preposition" if "ب" in clitic or "ل" in clitic else None
    if prev is not None and (clitic[:1] in ("و", "ف") or w.gaps[i].strip() in ("-", "/", ",")):
        kind = "list"        # "قصف كنصفرة والبارة", "اليعقوبية-الجديدة": a list of places
    elif clitic[:1] in ("و", "ف"):
        return _CUE_OF[kind, False, False]   # "و"/"ف" opens a new phrase: "في فرقة" is not في + ف + رقة
    near = countryside = False
    j = i - 1
    while j >= 0 and j >= i - 3 and not w.gaps[j + 1].strip():
        word = w.words[j]
        found = _CUES.get(word)
        if found == "org":
            if j == i - 1:
                return _ORG
            break
        if found == "countryside":
            near = countryside = True
        elif found == "near":
            near = True
        elif found in ("settlement", "governorate", "camp", "area") and j == i - 1:
            kind = found
        elif word == "من" and j > 0 and w.words[j - 1] in _NEAR_OF:
            near = True
            j -= 1
        elif found == "preposition" and j == i - 1 and kind is None:
            kind = found
        else:
            break
        j -= 1
    if kind == "list" and prev is not None:     # "ريفي حلب وإدلب": the countryside of both
        near, countryside = near or prev.cue.near, countryside or prev.cue.countryside
    if near and kind is None:
        kind = "near"
    return _CUE_OF[kind, near, countryside]


def _accepted(entry: Entry, cue: _Cue, key: str, gaz: Gazetteer, prev: _Match | None) -> bool:
    if cue.kind == "org":
        return False
    if cue.kind == "governorate" and key in gaz.governorates:
        return True
    if entry.stop:
        if cue.kind == "list" and prev is not None:
            # A common word continues a list of places only as a place of the same governorate.
            areas = {(p.country, p.admin1) for p in prev.entry.places}
            return any((p.country, p.admin1) in areas for p in entry.places)
        return cue.kind in ("settlement", "governorate", "camp")
    return not entry.weak or cue.kind is not None


def _match_at(w: _Words, i: int, gaz: Gazetteer, prev: _Match | None) -> tuple[_Match, int] | None:
    """The longest acceptable name starting at word ``i``, and its length in words.

    ``prev`` is the place named just before, if the name directly follows it.
    """
    words, names, n = w.words, gaz.names, len(w.words)
    for clitic_len, bare, lengths, seconds in gaz.heads[words[i]]:
        keys = [bare]        # keys[k]: the k + 1 words from i, as far as the names go
        if i + 1 < n and words[i + 1] in seconds and not w.gaps[i + 1].strip(" -/"):
            for k in range(i + 1, min(i + lengths[0], n)):
                if k > i + 1 and w.gaps[k].strip(" -/"):
                    break    # "دير، الزور" is two words, not one name
                keys.append(keys[-1] + " " + words[k])
        for length in lengths:
            entry = names.get(keys[length - 1]) if length <= len(keys) else None
            if entry is None:
                continue
            if (entry.stop or entry.weak) and prev is None and clitic_len == 0 \
                    and (i == 0 or words[i - 1] not in _CUES):
                continue     # no cue at all: the common reading (most such words are not places)
            cue = _cue(w, i, words[i][:clitic_len], prev)
            if _accepted(entry, cue, keys[length - 1], gaz, prev):
                end = w.ends[2 * (i + length - 1) + 1]
                return _Match(w.ends[2 * i] + clitic_len, end, keys[length - 1], entry, cue), length
    return None


def _scan(text: str, gaz: Gazetteer) -> list[_Match]:
    w = _Words(text)
    out: list[_Match] = []
    last = -2                    # index of the last word of the last match
    for i in compress(range(len(w.words)), map(gaz.heads.__contains__, w.words)):
        if i <= last:
            continue
        found = _match_at(w, i, gaz, out[-1] if out and last == i - 1 else None)
        if found is not None:
            out.append(found[0])
            last = i + found[1] - 1
    return out


def _candidates(m: _Match, gaz: Gazetteer) -> tuple[Place, ...]:
    if m.cue.kind == "governorate" and m.key in gaz.governorates:
        return (gaz.governorates[m.key],)
    places = m.entry.places
    if m.cue.kind in ("settlement", "camp"):
        wanted = {"camp"} if m.cue.kind == "camp" else _SETTLEMENT_KINDS
        return tuple(p for p in places if p.kind in wanted) or places
    return places


def _choose(cands: tuple[Place, ...], admin1s: Counter[str | None], countries: Counter[str]) -> Place:
    """Same governorate as the article's other places, then country, curated, size, Syria first."""
    if len(cands) == 1:
        return cands[0]
    return max(cands, key=lambda p: (admin1s[p.admin1] if p.admin1 else 0, countries[p.country],
                                     p.curated, p.population >= _MAJOR, -p.rank, p.population))


def _mention(folded: Folded, m: _Match, place: Place, gaz: Gazetteer) -> PlaceMention:
    precision = place.precision
    if m.cue.near:
        precision = "governorate" if m.cue.countryside and m.key in gaz.governorates \
            else _COARSER[precision]
    span = folded.span(m.start, m.end)
    return PlaceMention(text=folded.original[span[0]:span[1]], span=span, name_en=place.name_en,
                        lat=place.lat, lon=place.lon, country=place.country, precision=precision,
                        admin1=place.admin1, admin2=place.admin2,
                        gazetteer_id=place.gazetteer_id, near=m.cue.near)


def find_places(text: str, folded: Folded | None = None) -> tuple[PlaceMention, ...]:
    """Every place named in ``text``, in order; ``folded`` is ``fold(text)`` if already made."""
    folded = folded or fold(text)
    gaz = load()
    matches = _scan(folded.text, gaz)
    if not matches:
        return ()
    cands = [_candidates(m, gaz) for m in matches]
    admin1s: Counter[str | None] = Counter()
    countries: Counter[str] = Counter()
    for cs in cands:
        if len(cs) == 1 or len({(p.country, p.admin1) for p in cs}) == 1:
            admin1s[cs[0].admin1] += 1
            countries[cs[0].country] += 1
    chosen = [(m, _choose(cs, admin1s, countries)) for m, cs in zip(matches, cands)]
    home = _home_country(chosen)
    return tuple(_mention(folded, m, place, gaz) for m, place in chosen
                 if home is None or place.country == home or _known_abroad(place, home))


def _home_country(chosen: list[tuple[_Match, Place]]) -> str | None:
    """The country most of an article's towns are in (None when it names no town)."""
    towns = Counter(p.country for _, p in chosen if p.kind != "country")
    return towns.most_common(1)[0][0] if towns else None


def _known_abroad(place: Place, home: str) -> bool:
    """A place outside the article's country that is worth keeping: a country, a curated
    site, a large city ("واشنطن") or a town across the border. A village of a distant
    country that shares its name with a word of the text ("مودية" in a Syrian report) is a
    false match."""
    return (place.kind == "country" or place.curated or place.population >= _FOREIGN_MIN
            or place.country in _neighbours().get(home, ()))


@cache
def _neighbours() -> dict[str, list[str]]:
    data = json.loads((DATA / "neighbours.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def resolve(name: str) -> PlaceMention | None:
    """The place a bare name denotes ("ريف إدلب", "البوكمال"), spanning the whole name.

    For a name already known to be a place (e.g. the place of a claim). Weak names need no
    cue here, stop-names still do ("بلدة الجديدة" resolves, "الجديدة" does not).
    """
    name = name.strip()
    gaz = load()
    folded = fold(name)
    matches = _scan(folded.text, gaz)
    if not matches:
        entry = gaz.lookup(name)
        if entry is None or entry.stop:
            return None
        matches = [_Match(0, len(folded.text), "", entry, _Cue())]
    m = max(matches, key=lambda x: x.end - x.start)
    mention = _mention(folded, m, _choose(_candidates(m, gaz), Counter(), Counter()), gaz)
    return replace(mention, text=name, span=(0, len(name)))
