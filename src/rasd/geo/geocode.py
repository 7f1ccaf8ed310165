"""Find the places an Arabic text names and resolve them to coordinates, offline.

One pass over the folded tokens: each token is looked up (clitics included) in the
gazetteer's head index, and the longest catalogued name starting there wins. The words
before a name say what kind of place it is ("قرية", "محافظة"), that it is only near the
place ("ريف", "شرق", "قرب"), or that it is not a place at all ("فيلق القدس"). Names that
are also ordinary words need such a cue. Names several places share are settled by the
article's other, unambiguous places.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rasd.geo.gazetteer import TOKEN, Entry, Gazetteer, Head, Place, load
from rasd.model import PlaceMention, Precision
from rasd.text.normalize import Folded, fold

# Words naming the kind of place that follows; a stop-name needs one of these.
_SETTLEMENT_CUES = frozenset({"مدينه", "بلده", "قريه", "ناحيه", "مدينتي", "بلدتي", "قريتي",
                              "مدن", "بلدات", "قري", "البلده", "القريه", "المدينه"})
_GOVERNORATE_CUES = frozenset({"محافظه", "محافظتي", "محافظات"})
_CAMP_CUES = frozenset({"مخيم", "مخيمي", "مخيمات"})
# Weaker place words: enough for short or article-less names, not for stop-names.
_AREA_CUES = frozenset({"حي", "احياء", "منطقه", "مناطق", "مزرعه", "مزارع", "ضاحيه", "قطاع", "سهل",
                        "وادي", "اراضي", "جبهه", "جبهات", "محور", "تخوم", "داخل", "مركز"})
_PREPOSITIONS = frozenset({"في", "الى", "الي", "من", "علي", "نحو", "عند", "باتجاه", "بين", "حتي", "عبر"})
# "ريف X", "شرق X", ...: somewhere around X. The countryside of a governorate seat is the governorate.
_NEAR_CUES = frozenset({"شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "قرب",
                        "اطراف", "محيط", "ضواحي", "جوار", "مشارف", "تخوم", "محيطه"})
_COUNTRYSIDE_CUES = frozenset({"ريف", "ريفي", "باديه", "بوادي", "ارياف"})
_NEAR_OF = frozenset({"بالقرب", "قرب", "مقربه", "القرب"})   # "بالقرب من X"
# Organisations named after places: "فيلق القدس", "فرقة الحمزة", "لواء القدس".
_ORGANISATIONS = frozenset({"فيلق", "سرايا", "لواء", "الويه", "كتايب", "كتيبه", "جيش", "حركه", "فرقه",
                            "تجمع", "حزب", "فصيل", "غرفه", "تنظيم", "قوات", "صحيفه", "قناه", "وكاله",
                            "شبكه", "اذاعه", "تلفزيون", "مجموعه", "تيار", "هييه", "الجبهه", "اتحاد",
                            "ابن", "بن", "ابو", "ام", "عايله", "قبيله", "عشيره", "ال"})

_SETTLEMENT_KINDS = frozenset({"town", "village", "neighbourhood", "camp"})
_COARSER: dict[str, Precision] = {"point": "town", "town": "district", "district": "governorate",
                                  "governorate": "governorate", "country": "country"}
_MAJOR = 20_000


@dataclass(frozen=True, slots=True)
class _Cue:
    """What the words before a name say about it."""
    kind: str | None = None      # "settlement", "governorate", "camp", "area", "preposition", "org"
    near: bool = False
    countryside: bool = False


@dataclass(frozen=True, slots=True)
class _Match:
    start: int                   # folded offsets of the name as written, clitics excluded
    end: int
    key: str
    entry: Entry
    cue: _Cue


def _bare(word: str) -> list[str]:
    """A cue word and what is left after و/ف then ب/ل/ك ("وبريف" -> "ريف")."""
    forms = [word]
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
        forms.append(word)
    if len(word) > 3 and word[0] in "بلك":
        forms.append(word[1:])
    return forms


def _word_cue(word: str) -> str | None:
    for form in _bare(word):
        if form in _SETTLEMENT_CUES:
            return "settlement"
        if form in _GOVERNORATE_CUES:
            return "governorate"
        if form in _CAMP_CUES:
            return "camp"
        if form in _COUNTRYSIDE_CUES:
            return "countryside"
        if form in _NEAR_CUES:
            return "near"
        if form in _AREA_CUES:
            return "area"
        if form in _ORGANISATIONS:
            return "org"
    return "preposition" if word in _PREPOSITIONS else None


def _cue(folded: str, words: list[tuple[str, int, int]], i: int, clitic: str,
         after_place: bool) -> _Cue:
    """Read the (up to three) words before word ``i``: "على أطراف بلدة X", "بالقرب من X"."""
    kind: str | None = "preposition" if any(c in clitic for c in "بل") else None
    if after_place and clitic.startswith(("و", "ف")):
        kind = "list"        # "قصف كنصفرة والبارة": the list carries the first name's cue
    near = countryside = False
    j, pos = i - 1, words[i][1]
    while j >= 0 and j >= i - 3:
        word, start, end = words[j]
        if folded[end:pos].strip():
            break            # punctuation between: the cue belongs to something else
        found = _word_cue(word)
        if found == "org" and j == i - 1:
            return _Cue("org")
        if found == "countryside":
            near = countryside = True
        elif found == "near":
            near = True
        elif found in ("settlement", "governorate", "camp", "area") and j == i - 1:
            kind = found
        elif word == "من" and j > 0 and words[j - 1][0] in _NEAR_OF:
            near = True
        elif found == "preposition" and j == i - 1 and kind is None:
            kind = "preposition"
        else:
            break
        pos = start
        j -= 1
    if near and kind is None:
        kind = "near"
    return _Cue(kind, near, countryside)


def _scan(folded: str, gaz: Gazetteer) -> list[_Match]:
    words = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(folded)]
    heads, names = gaz.heads, gaz.names
    out: list[_Match] = []
    i, n, last_end = 0, len(words), -1
    while i < n:
        readings = heads.get(words[i][0])
        match = _match_at(folded, words, i, readings, names, gaz, last_end == i - 1) if readings else None
        if match is None:
            i += 1
            continue
        out.append(match[0])
        last_end = i + match[1] - 1
        i += match[1]
    return out


def _match_at(folded: str, words: list[tuple[str, int, int]], i: int, readings: tuple[Head, ...],
              names: dict[str, Entry], gaz: Gazetteer, after_place: bool) -> tuple[_Match, int] | None:
    """The longest acceptable name starting at word ``i``, and its length in words."""
    word, start, _ = words[i]
    for clitic_len, bare, lengths in readings:
        for length in lengths:
            if i + length > len(words):
                continue
            if length == 1:
                key = bare
            else:
                tail = words[i + 1:i + length]
                if any(folded[a[2]:b[1]] not in (" ", "-", "") for a, b in zip(words[i:], tail)):
                    continue
                key = " ".join([bare, *(w for w, _, _ in tail)])
            entry = names.get(key)
            if entry is None:
                continue
            cue = _cue(folded, words, i, word[:clitic_len], after_place)
            if _accepted(entry, cue, key, gaz):
                return _Match(start + clitic_len, words[i + length - 1][2], key, entry, cue), length
    return None


def _accepted(entry: Entry, cue: _Cue, key: str, gaz: Gazetteer) -> bool:
    if cue.kind == "org":
        return False
    if cue.kind == "governorate" and key in gaz.governorates:
        return True
    if entry.stop:
        return cue.kind in ("settlement", "governorate", "camp")
    if entry.weak:
        return cue.kind is not None
    return True


def _candidates(m: _Match, gaz: Gazetteer) -> tuple[Place, ...]:
    if m.cue.kind == "governorate" and m.key in gaz.governorates:
        return (gaz.governorates[m.key],)
    places = m.entry.places
    if m.cue.kind in ("settlement", "camp"):
        wanted = {"camp"} if m.cue.kind == "camp" else _SETTLEMENT_KINDS
        preferred = tuple(p for p in places if p.kind in wanted)
        return preferred or places
    return places


def _choose(cands: tuple[Place, ...], admin1s: Counter[str | None], countries: Counter[str]) -> Place:
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
    cands = [_candidates(m, gaz) for m in matches]
    admin1s: Counter[str | None] = Counter()
    countries: Counter[str] = Counter()
    for cs in cands:
        if len({(p.country, p.admin1) for p in cs}) == 1:
            admin1s[cs[0].admin1] += 1
            countries[cs[0].country] += 1
    return tuple(_mention(folded, m, _choose(cs, admin1s, countries), gaz)
                 for m, cs in zip(matches, cands))


def resolve(name: str) -> PlaceMention | None:
    """The place a bare name (as a claim records it: "ريف إدلب", "البوكمال") denotes.

    The caller vouches that ``name`` is a place, so common-word names resolve too; the
    mention's span is the whole name.
    """
    name = name.strip()
    if not name:
        return None
    gaz = load()
    folded = fold(name)
    matches = _scan(folded.text, gaz)
    entry = gaz.names.get(" ".join(TOKEN.findall(folded.text)))
    if entry is not None and not (matches and matches[0].end - matches[0].start == len(folded.text)):
        matches = [_Match(0, len(folded.text), "", entry, _Cue("settlement"))]
    if not matches:
        return None
    m = max(matches, key=lambda x: x.end - x.start)
    mention = _mention(folded, m, _choose(_candidates(m, gaz), Counter(), Counter()), gaz)
    return PlaceMention(text=name, span=(0, len(name)), name_en=mention.name_en, lat=mention.lat,
                        lon=mention.lon, country=mention.country, precision=mention.precision,
                        admin1=mention.admin1, admin2=mention.admin2,
                        gazetteer_id=mention.gazetteer_id, near=mention.near)
