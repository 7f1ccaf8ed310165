"""Find the places an Arabic text names and resolve them to coordinates, offline.

One pass over the folded words: the words are split out in C (one ``re.split``), the few
that can start a catalogued name (clitics included: "وبالبوكمال") are picked by one dict
lookup each, and at each of those the longest catalogued name wins. The words before a
name say what kind of place it is ("قرية", "محافظة"), that the place is only nearby ("ريف",
"شرق", "قرب"), or that the name is not a place here ("فيلق القدس", a person: "الطفل جاسم",
"ابن أخيه جاسم"). Names that are also ordinary words need such a cue. A word that reads
whole as such a common name ("فاطمة", "كريم", "بلاد") is that word, not a clitic and a
one-word place ("ف" + أطمة, "ك" + ريم).

Small places (villages without population or seat: most of the catalog) count after a place
word ("قرية X", "بلدة X", "حي X", "منطقة X"), or, after a weaker cue ("في X", "قرب X", a list
"وX") or none, only where the report names their governorate or district ("ريف حلب",
"محافظة إدلب", "منطقة منبج"). Places with only Latin names are matched by consonant skeleton
right after a place word. "X الشمالية" with no entry of its own is X.

Names several places share are settled by the governorate or district the report names
(and the side of it: "بريف حلب الشمالي", "جنوب غرب حلب" keep the village north, or south-west,
of Aleppo), then by the article's other, unambiguous places (same governorate, then nearest),
then its country.

Precision: a mention's ``near`` (ريف X, شرق X, قرب X) is ACLED geo_precision 2, a
governorate, district or country alone is 3, a town, village or point is 1
(see ``rasd.geo.precision.geo_precision``).
"""
from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import accumulate, compress

from rasd.geo.gazetteer import DATA, DIRECTIONS, FOCUS_COUNTRY, SHORT_NAME, Entry, Gazetteer, Place, great_circle_km, load
from rasd.geo.translit import arabic_skeleton
from rasd.model import UNLISTED, PlaceMention, Precision, Span
from rasd.text.normalize import Folded, fold, fold_term

DATELINE_CHARS = 40   # the longest line before a report's body that names where it was filed ("دير الزور – الميادين")

# ``data/cues.json``: the words before a name that say what it is (see its ``_about``).
_CUE_DATA = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
_WORDS = {kind: tuple(fold_term(w) for w in words) for kind, words in _CUE_DATA.items()
          if not kind.startswith("_") and isinstance(words, list)}
# An inline link to another article: its marker line, or the line after a marker alone.
_LINK_LINE = re.compile(r"^[ \t\-•*]*(?:" + "|".join(
    sorted((re.escape(w) for w in _CUE_DATA["related_links"]),
           key=len, reverse=True)) + r")[ \t:：\-–]*\n?[^\n]*", re.MULTILINE | re.IGNORECASE)
_NEAR_OF = frozenset(_WORDS["near_of"])   # "بالقرب من X"


def _as_written(words: tuple[str, ...]) -> frozenset[str]:
    """The words with the clitics a place word may carry ("وبقرية", "لبلدتي")."""
    return frozenset(clitic + word for clitic in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل") for word in words)


# "قريتي X وY", "بلدات X وY": the words that announce several places, as they may be written.
_OPENERS = _as_written(_WORDS["list_openers"])
_OPENER_REACH = 4        # the "وY" of a pair is at most this many words after the opener word
_UNLISTED_AFTER = _as_written(_WORDS["unlisted_after"])
_NEIGHBOURHOOD = _as_written(("حي",))   # "حي X في مدينة Y": a point inside the town
_NAME_HEADS = frozenset(_WORDS["name_heads"])
_NAME_TAILS = frozenset(_WORDS["name_tails"])
_UNLISTED_REACH = 40     # characters from an uncatalogued village to the area that places it


def _cue_table() -> dict[str, str]:
    """Every cue word as it may be written ("وبريف", "لمدينة") -> what it says."""
    table: dict[str, str] = {}
    groups = (("org", _WORDS["not_a_place"]), ("settlement", _WORDS["settlement"]),
              ("subdistrict", _WORDS["subdistrict"]), ("settlements", _WORDS["settlements"]),
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
_PERSON_TITLES = frozenset(_WORDS["person_titles"])
_PERSON_NAME_WORDS = 4   # words of a full name after its title ("المدعو عبد الحكيم علي الجاسم المحمد")
# A cue word is never a place's name by itself ("قرى" is a village in al-Hasakah).
_NAME_PARTS = ("name_heads", "name_tails", "unlisted_after",     # words of names, not cues
               "outlets_named_like_places", "speaking", "speaks_after")
_OUTLETS = frozenset(_WORDS["outlets_named_like_places"])
_SPEAKING = frozenset(_WORDS["speaking"])
_SPEAKING_REACH = 4      # words between a word of speaking and "لـ" + the outlet
_CUE_NAMES = frozenset(w for kind, words in _WORDS.items() if kind not in ("not_a_place", "preposition", *_NAME_PARTS)
                       for w in words) | {"ال" + w for kind, words in _WORDS.items() if kind not in _NAME_PARTS
                                          for w in words}
_SPLIT = re.compile(r"([^\W_]+)")      # words of folded text, kept with what lies between
_HASHTAG_MARKS = str.maketrans("#_", "  ")
_SETTLEMENT_WORDS = frozenset(_WORDS["settlement"])
_SETTLEMENT_KINDS = frozenset({"town", "village", "neighbourhood", "camp"})
_COARSER: dict[str, Precision] = {"point": "town", "town": "district", "district": "governorate",
                                  "governorate": "governorate", "country": "country"}
_MAJOR = 20_000
_FOREIGN_MIN = 100_000   # towns abroad smaller than this are kept only in their own country's news


@dataclass(frozen=True, slots=True)
class _Cue:
    """What the words before a name say about it."""
    kind: str | None = None      # settlement(s), governorate, camp, area, preposition, near, list, org, hashtag
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
    tentative: bool = False      # a small place: kept only if the report names its area


# Cues are few: share one instance per combination rather than build one per name.
_CUE_OF = {(kind, near, countryside): _Cue(kind, near, countryside)
           for kind in (None, "settlement", "settlements", "governorate", "camp", "area", "preposition", "near",
                        "list", "hashtag")
           for near in (False, True) for countryside in (False, True)}
_ORG = _Cue("org")


class _Words:
    """The words of a folded text, their offsets, and what lies between them."""
    __slots__ = ("words", "gaps", "ends", "folded")

    def __init__(self, folded: Folded) -> None:
        parts = _SPLIT.split(folded.text)
        self.words: list[str] = parts[1::2]
        self.gaps: list[str] = parts[0::2]       # gaps[k] is before word k, gaps[k + 1] after it
        self.ends: list[int] = list(accumulate(map(len, parts)))
        self.folded = folded

    def line_break_before(self, i: int) -> bool:
        """The original text breaks the line between word ``i - 1`` and word ``i`` (folding
        made every break a space)."""
        index = self.folded.index
        return "\n" in self.folded.original[index[self.ends[2 * i - 1] - 1] + 1:index[self.ends[2 * i]]]

    def hashtag(self, i: int) -> bool:
        """Word ``i`` is a hashtag of one word ("#طفس", not "#مشهد_مؤلم"): a page's label for
        a place or a topic."""
        start, end = self.folded.index[self.ends[2 * i]], self.folded.index[self.ends[2 * i + 1] - 1] + 1
        return start > 0 and self.folded.original[start - 1] == "#" \
            and self.folded.original[end:end + 1] != "_"


def _in_person_name(w: _Words, i: int) -> bool:
    """Word ``i`` is among the name words after a person's title ("المدعو (عبد الحكيم علي
    الجاسم"), with no cue, preposition or punctuation but an opening bracket between."""
    for j in range(i - 1, max(-1, i - 1 - _PERSON_NAME_WORDS), -1):
        if w.gaps[j + 1].strip() not in ("", "("):
            return False
        if w.words[j] in _PERSON_TITLES:
            return True
        if w.words[j] in _CUES:
            return False
    return False


def _cue(w: _Words, i: int, clitic: str, prev: _Match | None) -> _Cue:
    """Read the (up to three) words before word ``i``: "على أطراف بلدة X", "بالقرب من X"."""
    if not clitic and _in_person_name(w, i):
        return _ORG          # "المدعو (عبد الحكيم علي الجاسم المحمد)": a person's name
    kind: str | None = "preposition" if "ب" in clitic or "ل" in clitic else None
    if prev is not None and not clitic and w.gaps[i].strip() == "(":
        return prev.cue      # "جنوبي مدينة عين العرب (كوباني)": the same place, said again
    if prev is not None and (clitic[:1] in ("و", "ف") or w.gaps[i].strip() in ("-", "/", ",")):
        kind = "list"        # "قصف كنصفرة والبارة", "اليعقوبية-الجديدة": a list of places
    elif clitic[:1] in ("و", "ف"):
        return _CUE_OF[kind, False, False]   # "و"/"ف" opens a new phrase: "في فرقة" is not في + ف + رقة
    near = countryside = False
    j = i - 1
    while j >= 0 and j >= i - 3 and (not w.gaps[j + 1].strip() or j == i - 1 and _opens_quote(w.gaps[i])):
        word = w.words[j]
        found = _CUES.get(word)
        if found == "org":
            if j == i - 1 and kind is None and not w.line_break_before(i):
                return _ORG      # "الطفل جاسم"; not "الصحفي بسوريا", nor a headline's last word over a dateline
            break
        if found == "countryside":
            near = countryside = True
        elif found == "near":
            near = True
        elif found in ("settlement", "settlements", "governorate", "camp", "area") and j == i - 1:
            kind = found
        elif found == "subdistrict" and j == i - 1:
            # "ناحية تل تمر": somewhere in the town's sub-district; "مركز ناحية X": the town itself
            kind, near = "settlement", not (j > 0 and w.words[j - 1] in _CENTRE_WORDS and not w.gaps[j].strip())
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


_OPENING_QUOTES = frozenset('"“”«\'(')
_CLOSING_QUOTES = frozenset('"“”»\')')
QUOTED_WORDS = 3         # the most words of a name in quotes after a place word


def _opens_quote(gap: str) -> bool:
    """The gap between a place word and the next word is a space and an opening quote or
    bracket ("قرية "الحريجية"", "مخيم “مريم”", "قرية (بينين)"): the name comes next."""
    gap = gap.strip()
    return len(gap) == 1 and gap in _OPENING_QUOTES


_CENTRE_WORDS = frozenset({"مركز", "ومركز", "بمركز", "لمركز"})
_FIRM_FOR_SMALL = frozenset({"settlement", "settlements", "camp", "area"})


def _same_area(entry: Entry, prev: _Match) -> bool:
    areas = {(p.country, p.admin1) for p in prev.entry.places}
    return any((p.country, p.admin1) in areas for p in entry.places)


def _accepted(entry: Entry, cue: _Cue, key: str, gaz: Gazetteer, prev: _Match | None) -> bool | None:
    """True: a place; False: not one; None: a small place, if the report names its area."""
    if cue.kind == "org":
        return False
    if cue.kind == "governorate" and key in gaz.governorates:
        return True
    if entry.stop:
        if cue.kind == "list" and prev is not None:
            # A common word continues a list of places only as a place of the same governorate.
            return _same_area(entry, prev)
        if entry.small:      # a common word as a village: "قرية X", not "أحياء سكنية" nor "مخيمات اللاجئين"
            return cue.kind == "settlement"
        # a Syrian town's countryside or desert ("ريف القريتين", "بادية القريتين"), not a common
        # word after ريف ("ريف المدينة": the city's countryside)
        return cue.kind in ("settlement", "settlements", "governorate", "camp") or cue.countryside and any(
            not p.small and p.country == FOCUS_COUNTRY for p in entry.places)
    if entry.small:
        if cue.kind in _FIRM_FOR_SMALL or (cue.kind == "list" and prev is not None and _same_area(entry, prev)):
            return True
        if cue.kind == "preposition" and _headed(key) and not entry.weak:
            return True      # "في عين ديوار", "من تل حميس": a name head and its name, no common phrase
        return None if cue.kind is not None or not entry.weak else False
    return not entry.weak or cue.kind is not None


def _match_at(w: _Words, i: int, gaz: Gazetteer, prev: _Match | None,
              listed: bool = False) -> tuple[_Match, int] | None:
    """The longest acceptable name starting at word ``i``, and its length in words.

    ``prev`` is the place named just before, if the name directly follows it; ``listed``: the
    word follows an opener of several places ("قريتي خالد كلو وتل زيوان").
    """
    words, names, n = w.words, gaz.names, len(w.words)
    common_word = False      # a shorter reading of the word is a common word, not a place
    for clitic_len, bare, lengths, seconds in gaz.readings(words[i]):
        keys = [bare]        # keys[k]: the k + 1 words from i, as far as the names go
        if i + 1 < n and words[i + 1] in seconds and not w.gaps[i + 1].strip(" -/_"):
            for k in range(i + 1, min(i + lengths[0], n)):
                if k > i + 1 and w.gaps[k].strip(" -/_"):
                    break    # "دير، الزور" is two words, not one name
                keys.append(keys[-1] + " " + words[k])
        for length in lengths:
            entry = names.get(keys[length - 1]) if length <= len(keys) else None
            if entry is None or (length == 1 and (bare in _CUE_NAMES and not _named_settlement(w, i) or common_word)):
                continue     # a common word ("فاطمة", "وكريم") is no clitic + a one-word name ("اطمة");
                             # a place word's own name may be a cue word: "بلدة المزرعة"
            common_word = common_word or (length == 1 and entry.stop)   # unless accepted below
            if length == 1 and clitic_len and words[i][0] not in "وف" and (entry.weak or entry.stop or entry.small) \
                    and words[i] in _frequent_words():
                continue     # "كبيرة" (big) is no ك + "بيرة", "لزيارة" (to visit) no ل + "زيارة";
                             # a list of places goes on with و: "والجديدة"
            if (entry.stop or entry.weak) and prev is None and clitic_len == 0 \
                    and (i == 0 or words[i - 1] not in _CUES) and not _place_tag(w, i):
                continue     # no cue at all: the common reading (most such words are not places)
            cue = _cue(w, i, words[i][:clitic_len], prev)
            if length == 1 and _told_to(w, i, keys[0], words[i][:clitic_len]):
                cue = _ORG       # "قال مصدر أمني للميادين": the channel spoken to
            if cue.kind is None and not clitic_len and _place_tag(w, i):
                cue = _CUE_OF["hashtag", False, False]   # "#طفس | استشهاد سيدة": a page labels its post
            if listed and cue.kind is None and words[i][:1] == "و" and clitic_len:
                cue = _CUE_OF["settlement", False, False]
            if entry.small and clitic_len and cue.kind is None:
                continue     # "وزارة" is و + "زارة" only after a place word or in a list of places
            if length == 1 and entry.weak and not clitic_len and cue.kind == "preposition" \
                    and "ال" + bare in names and words[i] in _frequent_words():
                continue     # "عائدة من زيارة أقارب": a frequent word after a preposition is that
                             # word, not a place named with the article ("الزيارة")
            accepted = _accepted(entry, cue, keys[length - 1], gaz, prev)
            if accepted is not False:
                last = i + length - 1
                if last + 1 < n and words[last + 1] in DIRECTIONS and not w.gaps[last + 1].strip() \
                        and not cue.near:
                    last += 1        # "قرية الطيبة الغربية" read as الطيبة where it has no entry of its own
                return _Match(w.ends[2 * i] + clitic_len, w.ends[2 * last + 1], keys[length - 1], entry, cue,
                              accepted is None), last - i + 1
    return None


def _place_tag(w: _Words, i: int) -> bool:
    """A one-word hashtag labels a place when the word is no frequent Arabic word ("#طفس";
    "#مشهد" is a scene, not Mashhad)."""
    return w.hashtag(i) and w.words[i] not in _frequent_words()


def _told_to(w: _Words, i: int, key: str, clitic: str) -> bool:
    """An outlet named like a place, after ل and a word of speaking (``cues.json``)."""
    return key in _OUTLETS and clitic.endswith("ل") and any(
        w.words[j].lstrip("وف") in _SPEAKING for j in range(max(0, i - _SPEAKING_REACH), i))


def _scan(w: _Words, gaz: Gazetteer) -> list[_Match]:
    out: list[_Match] = []
    last = -2                    # index of the last word of the last match
    known = gaz.heads
    for word in set(w.words).difference(known):
        gaz.readings(word)       # memoized: afterwards every word is a key of gaz.heads
    taken: set[int] = set()
    openers = [] if _OPENERS.isdisjoint(w.words) else [k for k, word in enumerate(w.words) if word in _OPENERS]
    for i in compress(range(len(w.words)), map(known.__getitem__, w.words)):
        if i <= last:
            continue
        prev = out[-1] if out and last == i - 1 else None
        found = _match_at(w, i, gaz, prev, prev is None and _after_opener(w, i, openers))
        if found is not None:
            out.append(found[0])
            last = i + found[1] - 1
            taken.update(range(i, last + 1))
    if gaz.skeletons:
        out.extend(_latin_named(w, gaz, taken))
        out.sort(key=lambda m: m.start)
    return out


def _after_opener(w: _Words, i: int, openers: list[int]) -> bool:
    """Word ``i`` is the "وY" of "قريتي X وY": an opener a few words before, no punctuation between."""
    return any(0 < i - o <= _OPENER_REACH and not any(g.strip() for g in w.gaps[o + 1:i + 1])
               for o in openers)


_PLACE_WORDS = frozenset(word for word, kind in _CUES.items() if kind in ("settlement", "camp"))


def _named_settlement(w: _Words, i: int) -> bool:
    """Word i, with the article, names the town or village the word right before it announces
    ("بلدة المزرعة", "قرية المخيم"): a cue word is a name there."""
    return i > 0 and w.words[i].startswith("ال") and w.words[i - 1] in _SETTLEMENT_WORDS \
        and not w.gaps[i].strip()


def _latin_named(w: _Words, gaz: Gazetteer, taken: set[int]) -> list[_Match]:
    """Places known only by a Latin name, written in Arabic right after a place word
    ("قرية تل جيهان" -> "Tall Jihan"): the one or two words after it, by consonant skeleton."""
    out = []
    words = w.words
    for j in compress(range(len(words)), map(_PLACE_WORDS.__contains__, words)):
        i = j + 1
        if i >= len(words) or i in taken or w.gaps[i].strip() or words[i] in _CUES \
                or words[i].startswith("و"):      # "المدينة والريف": a new phrase
            continue
        for length in (2, 1):
            if i + length > len(words) or any(k in taken for k in range(i, i + length)) \
                    or (length == 2 and (w.gaps[i + 1].strip() or words[i + 1] in _CUES)) \
                    or (length == 1 and words[i] in _NAME_HEADS):     # "خربة" alone begins a name
                continue
            if length == 1 and words[i] in _frequent_words() and not words[i].startswith("ال"):
                continue     # "مدينة كبيرة" (a big town) is no "Kubri"
            places = gaz.skeletons.get(arabic_skeleton(" ".join(words[i:i + length])))
            if places:
                entry = Entry(places, False, False, True)
                cue = _CUE_OF["settlement", False, False]
                out.append(_Match(w.ends[2 * i], w.ends[2 * (i + length - 1) + 1], "", entry, cue))
                taken.update(range(i, i + length))
                break
    return out


def _candidates(m: _Match, gaz: Gazetteer) -> tuple[Place, ...]:
    if m.cue.kind == "governorate" and m.key in gaz.governorates:
        return (gaz.governorates[m.key],)
    places = m.entry.places
    if m.cue.kind in ("settlement", "settlements", "camp"):
        wanted = {"camp"} if m.cue.kind == "camp" else _SETTLEMENT_KINDS
        return tuple(p for p in places if p.kind in wanted) or places
    return places


def _bare_namesakes(m: _Match, gaz: Gazetteer) -> tuple[Place, ...]:
    """The places recorded without the article a name is written with ("الشيخ سعد" in Daraa is
    listed as "شيخ سعد"): records drop or keep the article as their sources did. Such a place is
    a candidate where the report names its governorate or district (``find_places``)."""
    if not m.key.startswith("ال") or len(m.key) <= 2 + SHORT_NAME:
        return ()
    bare = gaz.names.get(m.key[2:])
    return tuple(p for p in bare.places if p not in m.entry.places) if bare is not None else ()


def _alike_in_area(m: _Match, gaz: Gazetteer, ctx: _Context) -> tuple[Place, ...]:
    """The one village of an area the report names spelt like a village the gazetteer lists only
    elsewhere under another spelling (``_spelt_so``: "معرزاف" of Hama in a report on rural Idlib
    is Idlib's "معرزف"), if there is one."""
    alike = {p for key in _spellings_of(m.key) if key != m.key
             for p in gaz.names[key].places if ctx.fits(p) and p not in m.entry.places}
    return tuple(alike) if len(alike) == 1 else ()


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rest of a report says about where it is."""
    named: frozenset[tuple[str, str | None]] = frozenset()   # (country, admin1) it names
    districts: frozenset[str] = frozenset()                  # admin2 (districts) it names
    admin1s: Counter[str | None] = field(default_factory=Counter)   # governorates of its unambiguous places
    countries: Counter[str] = field(default_factory=Counter)
    anchors: tuple[tuple[float, float], ...] = ()            # its unambiguous towns
    # ("ريف حلب الشمالي", "شمال مدينة منبج"): the area's coordinates and the sides of it named
    toward: tuple[float, float, frozenset[str]] | None = None

    def fits(self, p: Place) -> bool:
        return (p.country, p.admin1) in self.named or (p.admin2 is not None and p.admin2 in self.districts)

    def plausible(self, p: Place) -> bool:
        """A small place fits a report that names its area, lies near the report's other
        towns, or the report says nothing of where it is."""
        if not (self.named or self.districts or self.anchors or self.admin1s):
            return True
        return self.fits(p) or (p.admin1 is not None and self.admin1s[p.admin1] > 0) \
            or (bool(self.anchors) and self.distance(p) <= _NEAR_ANCHOR)

    def lies_toward(self, p: Place) -> bool:
        """The place lies on the side of the area the report names ("بريف حلب الشمالي": north
        of Aleppo); True when the report names no side."""
        if self.toward is None:
            return True
        lat, lon, sides = self.toward
        return all({"north": p.lat > lat, "south": p.lat < lat, "east": p.lon > lon,
                    "west": p.lon < lon}[side] for side in sides)

    def distance(self, p: Place) -> float:
        """Squared degrees to the nearest anchor (a ranking, not a distance)."""
        return min(((p.lat - a) ** 2 + (p.lon - b) ** 2 for a, b in self.anchors), default=0.0)


_NO_CONTEXT = _Context()
# Characters within which an area named after a place is that place's ("قرية X في محافظة Y").
_LOCAL_CHARS = 30
_SENTENCE_END = re.compile(r"[.!?؟؛;]")
# Squared degrees within which a small place counts as near a report's other town (~35 km).
_NEAR_ANCHOR = 0.1


def _choose(cands: tuple[Place, ...], ctx: _Context) -> Place:
    """The district or governorate the report names, then a town before a small village, the
    side of the area the report names ("بريف حلب الشمالي"), the governorate of the report's
    other places, their country, curated, size, the nearest to its other towns, Syria first."""
    if len(cands) == 1:
        return cands[0]
    admin1s, countries = ctx.admin1s, ctx.countries
    return max(cands, key=lambda p: (p.admin2 in ctx.districts if p.admin2 else False, ctx.fits(p),
                                     not p.small, ctx.lies_toward(p), admin1s[p.admin1] if p.admin1 else 0,
                                     countries[p.country], p.curated, p.population >= _MAJOR,
                                     -ctx.distance(p), -p.rank, p.population))


def _headed(key: str) -> bool:
    """A name of two words or more opened by a word that begins place names ("عين ديوار", "تل
    حميس", "كفر نبودة"): after a preposition it is a place, as after a place word."""
    head, _, rest = key.partition(" ")
    return bool(rest) and head in _NAME_HEADS


def _eligible(m: _Match, cands: tuple[Place, ...], ctx: _Context) -> tuple[Place, ...]:
    """The candidates a mention may denote. A small place needs its area named in the report,
    or a place word before it and a plausible area; it never displaces a town of the same
    name without a place word ("في القاهرة" is Cairo, "قرية القاهرة بريف حماة" the village)."""
    place_word = not m.tentative and (m.cue.kind in _FIRM_FOR_SMALL or m.cue.kind == "preposition" and _headed(m.key))
    if not place_word and any(not p.small for p in cands):
        return tuple(p for p in cands if not p.small)
    firm = place_word or (not m.tentative and m.cue.kind == "list")
    return tuple(p for p in cands if not p.small or ctx.fits(p) or (firm and ctx.plausible(p)))


def _in_report_country(m: _Match, cands: tuple[Place, ...], ctx: _Context) -> tuple[Place, ...]:
    """After a place word ("ميناء البيضا", "قرية القاهرة"), the namesakes in the report's country
    (the one its unambiguous places are in most, Syria when none is) before a bigger town abroad."""
    if m.tentative or m.cue.kind not in _FIRM_FOR_SMALL:
        return cands
    country = ctx.countries.most_common(1)[0][0] if ctx.countries else FOCUS_COUNTRY
    return tuple(p for p in cands if p.country == country) or cands


def _areas(m: _Match, cs: tuple[Place, ...], gaz: Gazetteer) -> tuple[set[tuple[str, str | None]], set[str]]:
    """The governorates ((country, admin1)) and districts a mention names: "ريف حلب",
    "محافظة إدلب", "منطقة منبج", "في حلب" (a governorate's seat)."""
    named: set[tuple[str, str | None]] = set()
    districts: set[str] = set()
    if m.tentative:
        return named, districts
    if m.cue.near and m.key in gaz.governorates:
        # "بريف القنيطرة", "جنوب القنيطرة": the governorate, whatever villages share its name
        seat = gaz.governorates[m.key]
        named.add((seat.country, seat.admin1))
    one_area = len({(p.country, p.admin1) for p in cs}) == 1
    for p in cs if one_area or m.cue.kind == "governorate" else ():
        if p.small or p.kind == "country":
            continue
        if p.kind in ("governorate", "district", "subdistrict") or m.key in gaz.governorates or m.cue.countryside:
            named.add((p.country, p.admin1))
            # "ريف منبج" names Manbij's district; "ريف حلب" the governorate, not the city's district
            if p.admin2 and (p.kind in ("district", "subdistrict")
                             or (m.cue.countryside and m.key not in gaz.governorates)):
                districts.add(p.admin2)
    return named, districts


def _context(matches: list[_Match], cands: list[tuple[Place, ...]], gaz: Gazetteer) -> _Context:
    """The areas a report names and its unambiguous places."""
    named: set[tuple[str, str | None]] = set()
    districts: set[str] = set()
    admin1s: Counter[str | None] = Counter()
    countries: Counter[str] = Counter()
    anchors = []
    for m, cs in zip(matches, cands):
        if m.tentative:
            continue
        areas, dists = _areas(m, cs, gaz)
        named |= areas
        districts |= dists
        if len({(p.country, p.admin1) for p in cs}) == 1:
            admin1s[cs[0].admin1] += 1
            countries[cs[0].country] += 1
            if len(cs) == 1 and cs[0].precision in ("town", "point"):
                anchors.append((cs[0].lat, cs[0].lon))
    return _Context(frozenset(named), frozenset(districts), admin1s, countries, tuple(anchors))


def _local(i: int, matches: list[_Match], cands: list[tuple[Place, ...]], gaz: Gazetteer,
           ctx: _Context, text: str) -> _Context:
    """``ctx`` narrowed to the area named right after mention ``i`` in its sentence ("قرية X في
    محافظة Y", "بلدة X قرب دوما بريف دمشق"): that area decides first."""
    for k in range(i + 1, min(i + 3, len(matches))):
        cue = matches[k].cue
        if matches[k].start - matches[i].end > _LOCAL_CHARS or cue.kind == "list" \
                or _SENTENCE_END.search(text, matches[i].end, matches[k].start):
            break        # "درعا وجاسم ودير الزور" lists places; it does not place Jasim
        if cue.countryside or cue.near or cue.kind in ("preposition", "governorate"):
            named, districts = _areas(matches[k], cands[k], gaz)
            if named:
                sides = _sides(text, matches[k]) if cue.countryside or cue.near else frozenset()
                area = _choose(cands[k], ctx) if sides and cands[k] else None
                return replace(ctx, named=frozenset(named), districts=frozenset(districts),
                               toward=(area.lat, area.lon, sides) if area is not None else None)
    return ctx


# The sides of an area a report names (cues.json, "sides"): folded word -> "north" ...
_SIDES = {fold_term(w): side for side, words in _CUE_DATA["sides"].items() for w in words}


def _sides(text: str, area: _Match) -> frozenset[str]:
    """The sides of ``area`` its words name: up to two words after it ("ريف حلب الشمالي
    الغربي"), or one of the three words before it ("شمالي مدينة منبج")."""
    after = text[area.end:area.end + 30].split()[:2]
    sides = {_SIDES[w] for w in itertools.takewhile(lambda w: w in _SIDES and w.startswith("ال"), after)}
    if not sides:
        before = text[max(0, area.start - 30):area.start].split()[-3:]
        bare = [w.lstrip("وب") for w in before if not w.startswith("ال")]
        sides = {_SIDES[w] for w in bare if w in _SIDES}
    return frozenset(sides) if len(sides) <= 2 else frozenset()


def _mention(folded: Folded, m: _Match, place: Place, gaz: Gazetteer) -> PlaceMention:
    precision = place.precision
    if m.cue.near:
        precision = "governorate" if m.cue.countryside and m.key in gaz.governorates \
            else _COARSER[precision]
    span = folded.span(m.start, m.end)
    text = folded.original[span[0]:span[1]]
    area, area_en = _countryside(text, folded.original[span[1]:span[1] + 30], place) if m.cue.countryside else ("", "")
    return PlaceMention(text=text, span=span, name_en=place.name_en,
                        lat=place.lat, lon=place.lon, country=place.country, precision=precision,
                        admin1=place.admin1, admin2=place.admin2,
                        gazetteer_id=place.gazetteer_id, near=m.cue.near,
                        settlement=m.cue.kind == "settlement" and not m.cue.near, area=area, area_en=area_en)


_SIDE_EN = {"north": "North", "south": "South", "east": "East", "west": "West"}
_WORD = re.compile(r"[^\W\d_]+|\S")


def _countryside(name: str, after: str, place: Place) -> tuple[str, str]:
    """"ريف X" and the sides of it written right after the name, in Arabic and English:
    ("ريف إدلب الجنوبي", "Southern Idlib countryside"), ("ريف حلب الشمالي الغربي",
    "North-western Aleppo countryside")."""
    words: list[str] = []
    sides: list[str] = []
    for w in _WORD.findall(after)[:2]:
        side = _SIDES.get(fold_term(w)) if w.startswith("ال") else None
        if side is None:
            break
        words.append(w)
        sides.append(side)
    if len(set(sides)) != len(sides):
        words, sides = [], []
    side_en = "-".join([_SIDE_EN[sides[0]], *(_SIDE_EN[s].lower() for s in sides[1:])]) + "ern " if sides else ""
    return " ".join(["ريف", name, *words]), f"{side_en}{place.name_en} countryside"


_BYLINE_MARK = re.compile(r"[-–—/]\s*$")
_WORD = re.compile(r"\w+")


def line_around(text: str, span: Span) -> tuple[int, int]:
    """Where the line holding ``span`` starts and ends (its line break excluded)."""
    end = text.find("\n", span[1])
    return text.rfind("\n", 0, span[0]) + 1, len(text) if end < 0 else end


def signs_for_outlet(text: str, place: PlaceMention, outlet: str | None) -> bool:
    """The place is the report's outlet signing a dateline: a word of the outlet's name right
    after a dash or slash on a line of its own ("دمشق-دانا" for "وكالة دمشق للأنباء (دانا)",
    "دير الزور – الميادين" for the channel), not al-Mayadin or Dana the towns."""
    if not outlet:
        return False
    line_start, line_end = line_around(text, place.span)
    return line_end - line_start <= DATELINE_CHARS and _BYLINE_MARK.search(text, line_start, place.span[0]) is not None \
        and set(_WORD.findall(fold_term(place.text))) <= set(_WORD.findall(fold_term(outlet)))


def find_places(text: str, folded: Folded | None = None) -> tuple[PlaceMention, ...]:
    """Every place named in ``text``, in order; ``folded`` is ``fold(text)`` if already made."""
    folded = folded or fold(text)
    # a hashtag's marks are spaces to the reader of places: "بريف #حمص" is "بريف حمص",
    # "#تل_رفعت" is "تل رفعت" (the same length: offsets keep)
    folded = replace(folded, text=folded.text.translate(_HASHTAG_MARKS))
    gaz = load()
    words = _Words(folded)
    matches = _scan(words, gaz)
    if not matches:
        return ()
    cands = [_candidates(m, gaz) for m in matches]
    # Places in a link to another article do not say where this report is.
    links = [(k.start(), k.end()) for k in _LINK_LINE.finditer(folded.original)]
    telling = [i for i, m in enumerate(matches) if not (links and _inside(folded, m, links))]
    ctx = _context([matches[i] for i in telling], [cands[i] for i in telling], gaz)
    chosen = []
    for i, (m, cs) in enumerate(zip(matches, cands)):
        cs = _in_report_country(m, _eligible(m, cs, ctx) + tuple(p for p in _bare_namesakes(m, gaz) if ctx.fits(p)), ctx)
        if cs and all(p.small and not ctx.fits(p) for p in cs):
            cs = _alike_in_area(m, gaz, ctx) or cs
        if not cs:
            continue
        local = _local(i, matches, cands, gaz, ctx, folded.text) if len(cs) > 1 else ctx
        chosen.append((m, _choose(cs, local if any(local.fits(p) for p in cs) else ctx)))
    chosen = _in_their_city(chosen, folded.text)
    chosen = [(m, place) for m, place in chosen
              if not _head_of_longer_name(folded.text, m) and not _tail_of_longer_name(folded.text, m)
              and not _speaking_government(folded, m)]
    home = _home_country(chosen)
    chosen = [(m, place) for m, place in chosen
              if home is None or place.country == home or _known_abroad(place, home)]
    found = _namesakes_elsewhere(chosen, folded, gaz, home)
    if not _UNLISTED_AFTER.isdisjoint(words.words):
        found = sorted(found + _unlisted(folded, words, [m for m, _ in chosen], found, home), key=lambda f: f[0])
    return tuple(mention for _, mention in found)


# "قرية X", "بلدة X": a village or small town named after the word.
_VILLAGE_BEFORE = re.compile(r"(?:^|\s)[وفبل]{0,2}(?:قريه|بلده|قريتي|بلدتي)\s+$")
# "حي X" (also after و ب ل ف, and "حيي X وY"): a city's quarter, named by the words before it.
_QUARTER_BEFORE = re.compile(r"(?:^|\s)[وفبل]{0,2}حيي?\s+$")
# A quarter's city: named soon after it in the same clause, after "في", "ب" or "مدينة"/"بلدة"
# ("حي الثورة وشارع الثلاثين بمدينة إدلب"; not "في حي جوبر، وطفل ... في عدوان").
_CITY_LEAD = re.compile(r"(?:(?<!\S)في\s+|(?<!\S)ب|مدينه\s+|بلده\s+)$")
_CLAUSE_END = re.compile(r"[،,.!?؟؛;:\n]")
_QUARTER_KM2 = 0.01      # squared degrees (~10 km): how far a quarter may lie from its city


_NEXT_WORD = re.compile(r"[ \t]+([^\W_]+)")


def _head_of_longer_name(text: str, m: _Match) -> bool:
    """A village word, then a catalogued word that begins names ("حمام", "تل", "عين"), then a word
    with the article: the village's whole name is longer than the catalogue's ("قرية حمام
    التركمان" is not Hammam); the unlisted pass codes it at its area."""
    if m.key not in _NAME_HEADS or not _VILLAGE_BEFORE.search(text, max(0, m.start - 12), m.start):
        return False
    after = _NEXT_WORD.match(text, m.end)
    word = after.group(1) if after else ""
    return word.startswith("ال") and len(word) > 3 and word not in _NAME_TAILS and word not in _CUE_NAMES


_SPEAKS_AFTER = frozenset(_WORDS["speaks_after"])


def _speaking_government(folded: Folded, m: _Match) -> bool:
    """A name no place word or preposition introduces, right before a verb of speaking or stance
    in the same line ("وأنقرة تتحدث عن «إرهابيين»", "موسكو تنفي"): the government speaks; no
    place is meant (a headline's last word over a line opening "نفت ..." stays a place)."""
    if m.cue.kind not in (None, "list"):
        return False
    after = _NEXT_WORD.match(folded.text, m.end)
    if after is None or after.group(1) not in _SPEAKS_AFTER:
        return False
    start, end = folded.span(m.end, after.start(1))
    return "\n" not in folded.original[start:end]


# "قرية عين X": a village word, then a word that begins names.
_HEAD_BEFORE = re.compile(r"(?:^|\s)[وفبل]{0,2}(?:قريه|بلده|قريتي|بلدتي|مزرعه)\s+(\S+)\s+$")


def _tail_of_longer_name(text: str, m: _Match) -> bool:
    """A village word and a word that begins names before a catalogued name: the village is
    named by both ("قرية عين الحمرا" is not al-Hamra, "بلدة تل الحمرا" not either); the
    catalogue lacks it, and the unlisted pass codes it at its area."""
    before = _HEAD_BEFORE.search(text, max(0, m.start - 20), m.start)
    return before is not None and before.group(1) in _NAME_HEADS


def _city_after(gap: str) -> bool:
    gap = gap.rstrip("#")        # "بمدينة #إدلب" in social posts
    return len(gap) <= _UNLISTED_REACH and not _CLAUSE_END.search(gap) and _CITY_LEAD.search(gap) is not None


def _quarter(text: str, start: int) -> bool:
    return _QUARTER_BEFORE.search(text, max(0, start - 8), start) is not None


def _in_their_city(chosen: list[tuple[_Match, Place]], text: str) -> list[tuple[_Match, Place]]:
    """Quarters away from the city named right after them dropped: "حي الثورة بمدينة إدلب" is
    a quarter of Idlib, not al-Thawrah (Tabqa) in Raqqa; the unlisted pass codes it at its city."""
    kept = []
    for k, (m, place) in enumerate(chosen):
        city = chosen[k + 1][1] if k + 1 < len(chosen) else None
        if (city is not None and city.kind in ("town", "village") and _quarter(text, m.start)
                and _city_after(text[m.end:chosen[k + 1][0].start])
                and (place.lat - city.lat) ** 2 + (place.lon - city.lon) ** 2 > _QUARTER_KM2):
            continue
        kept.append((m, place))
    return kept


_VILLAGE_CUES = frozenset({"settlement", "settlements", "camp"})
NAMESAKE_KM = 100.0  # a namesake this near the area named after a village may be that village
                     # ("الحسينية جنوبي دمشق" is in Rif Dimashq, not the Damascus governorate)


def _namesakes_elsewhere(chosen: list[tuple[_Match, Place]], folded: Folded,
                         gaz: Gazetteer, home: str | None) -> list[tuple[int, PlaceMention]]:
    """The mentions of ``chosen``, a village named with its cue read against the area named
    right after it in the same clause ("قرية الدردارة بريف بلدة تل تمر"), or later in the
    sentence when the village's place lies in another country than the area: a namesake in that
    area's governorate or within ``NAMESAKE_KM`` of it is the village; with none, a listed
    place there spelt with the same consonants ("قرية ذبيان بريف دير الزور": ذيبان); with
    none either ("قرية صيدا قرب بلدة عين عيسى" is no Sidon), a village the gazetteer lacks,
    coded at that area as ``_unlisted`` codes one (precision 2). A town abroad listed among
    the report's own villages is read so too, without a place word ("دارة عزة وارحاب غربي
    حلب" is no Rehab of Jordan, "قرى الفطيرة وبنين وشنان" no Benin City): ``_abroad_in_list``."""
    found = [(m.start, _mention(folded, m, place, gaz)) for m, place in chosen]
    out = []
    for k, ((m, place), (start, mention)) in enumerate(zip(chosen, found)):
        area = found[k + 1][1] if k + 1 < len(found) else None
        if home is not None and (at_home := _abroad_in_list(k, chosen, found, folded, home)) is not None:
            mention = _at_area(mention.text, mention.span, at_home)
        elif area is not None and m.cue.kind in _VILLAGE_CUES and not m.cue.near and area.near \
                and area.precision != "country" and (
                    found[k + 1][0] - m.end <= _UNLISTED_REACH and not _CLAUSE_END.search(folded.text, m.end, found[k + 1][0])
                    # a namesake abroad, the area later in the sentence at home ("قرية صيدا ... في ريف عين عيسى")
                    or place.country != area.country and not _SENTENCE_END.search(folded.text, m.end, found[k + 1][0])):
            def gap(p: Place) -> float:
                return 0.0 if (p.country, p.admin1) == (area.country, area.admin1) \
                    else great_circle_km(p.lat, p.lon, area.lat, area.lon)
            nearest = min(m.entry.places, key=gap)
            if gap(nearest) > NAMESAKE_KM and (alike := _spelt_alike(fold_term(mention.text), area, gaz)) is not None:
                mention = _mention(folded, m, alike, gaz)         # "قرية ذبيان بريف دير الزور": ذيبان
            elif gap(nearest) > NAMESAKE_KM:     # "حي المرجة جنوب حلب": a quarter of Aleppo
                quarter = _QUARTER_BEFORE.search(folded.text, max(0, m.start - 8), m.start) is not None
                mention = _at_area(mention.text, mention.span, area, inside=quarter and _a_town(area))
            elif gap(place) > NAMESAKE_KM:
                mention = _mention(folded, m, nearest, gaz)
        out.append((start, mention))
    return out


def _abroad_in_list(k: int, chosen: list[tuple[_Match, Place]], found: list[tuple[int, PlaceMention]],
                    folded: Folded, home: str) -> PlaceMention | None:
    """Where the ``k``-th place, a town abroad joined by "و" to what comes before it, lies at
    home: the area at home named next in its clause ("معرة موخص والبريج بريف إدلب": near
    Idlib), else the village listed just before it ("قرى الفطيرة وبنين": near al-Fatira; not
    "دمشق وعمّان"). None when the place is at home, a country, or not so joined."""
    m, place = chosen[k]
    joined = m.cue.kind == "list" or folded.text[max(0, m.start - 2):m.start] in (" و", "\nو")
    if not joined or place.country == home or place.kind == "country":
        return None
    for at, area in found[k + 1:]:
        if at - m.end > _UNLISTED_REACH or _CLAUSE_END.search(folded.text, m.end, at):
            break
        if area.country == home and area.near and area.precision != "country":
            return area
    if k == 0:
        return None
    (before_match, before_place), before = chosen[k - 1], found[k - 1][1]
    if m.cue.kind == "list" and before.country == home and not before.near \
            and (before_place.small or before_match.cue.kind in _VILLAGE_CUES) \
            and not _CLAUSE_END.search(folded.text, before_match.end, m.start):
        return before
    return None


_LONG_VOWELS = str.maketrans("", "", "اويىءئؤأإآ")


def _without_article(folded_name: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in folded_name.split())


def _spelling(folded_name: str) -> tuple[str, str]:
    """What two spellings of one name share: each word (article dropped) with the alefs inside it
    dropped and its و and ي taken out, and those و and ي in order of letter."""
    words = [w[0] + w[1:-1].replace("ا", "") + w[-1] if len(w) > 2 else w
             for w in _without_article(folded_name).split()]
    moved = "".join(sorted(c for w in words for c in w if c in "وي"))
    return " ".join(w.replace("و", "").replace("ي", "") for w in words), moved


def _spelt_so(a: str, b: str) -> bool:
    """Two folded names are one name spelt two ways: an alef written or not inside a word
    ("معرزاف", "معرزف"; "شيخ بحار", "الشيخ بحر"), a و or ي moved ("ذيبان", "ذبيان"). A و or ي
    more or less, another first or last letter, make another name ("عمير" is not "عمر",
    "قيروان" not "قرين", "الأسدية" not "السادة", "كفر ناية" not "كفر ناها")."""
    return _spelling(a) == _spelling(b)


def _consonants(folded_name: str) -> str:
    """A folded name's consonants, articles dropped ("ذيبان", "ذبيان" -> "ذبن"): the key under
    which the names it may be a spelling of are looked up (``_spelt_so`` then decides)."""
    return " ".join(w.translate(_LONG_VOWELS) for w in _without_article(folded_name).split())


@cache
def _consonant_index() -> dict[str, tuple[str, ...]]:
    """The gazetteer's folded names by their consonants (built on first use: few reports need it)."""
    index: dict[str, list[str]] = {}
    for key in load().names:
        index.setdefault(_consonants(key), []).append(key)
    return {k: tuple(v) for k, v in index.items()}


def _spellings_of(name: str) -> Iterator[str]:
    """The gazetteer's folded names that are ``name`` (folded) spelt so or another way."""
    return (key for key in _consonant_index().get(_consonants(name), ()) if _spelt_so(key, name))


def _spelt_alike(name: str, area: PlaceMention, gaz: Gazetteer) -> Place | None:
    """A listed place of ``area``'s governorate, within ``NAMESAKE_KM`` of it, that ``name``
    (folded) may be: the nearest named so with or without the article ("العريبة": "عريبة"), else
    the only one whose name is another spelling of it (``_spelt_so``); None when there is none,
    or two such spellings of different places (which one is not known)."""
    bare = _without_article(name)
    alike = {p: _without_article(key) == bare
             for key in _spellings_of(name) for p in gaz.names[key].places
             if (p.country, p.admin1) == (area.country, area.admin1)
             and great_circle_km(p.lat, p.lon, area.lat, area.lon) <= NAMESAKE_KM}
    exact = [p for p, same in alike.items() if same]
    if exact:        # namesakes spelt as written: the nearest
        return min(exact, key=lambda p: great_circle_km(p.lat, p.lon, area.lat, area.lon))
    return next(iter(alike)) if len(alike) == 1 else None


def _unlisted(folded: Folded, w: _Words, chosen: list[_Match],
              found: list[tuple[int, PlaceMention]], home: str | None) -> list[tuple[int, PlaceMention]]:
    """Villages the gazetteer lacks, named after a place word ("قرية الخويرة بريف تل تمر"):
    each is coded at the place named next after it in its sentence, else at the one just before
    it in its clause ("على طريق القامشلي – عامودا قرب قرية هيمو"; its area, as an analyst
    codes a village missing from the gazetteer at the nearest known place, precision 2) unless
    the area lists it under another spelling (``_spelt_alike``: "قرية العريبة" is "عريبة").
    A frequent word is no name ("قرية مجاورة"), and nothing is coded without such an area."""
    out: list[tuple[int, PlaceMention]] = []
    for k, word in enumerate(w.words[:-1]):
        quoted = _opens_quote(w.gaps[k + 1])
        if word not in _UNLISTED_AFTER or w.gaps[k + 1].strip() and not quoted:
            continue
        start = w.ends[2 * k + 1] + len(w.gaps[k + 1])
        last = _quoted_name(w, k + 1) if quoted else _unlisted_name(w, k + 1, quarter=word in _NEIGHBOURHOOD)
        if last is None:
            continue
        end = w.ends[2 * last + 1]
        if any(m.start < end and start < m.end for m in chosen):
            continue         # a catalogued place there (or inside: "قرية X الشرقية")
        quarter = word in _NEIGHBOURHOOD
        at, area = next(((at, p) for at, p in found if end < at <= end + _UNLISTED_REACH), (0, None))
        if area is None or _SENTENCE_END.search(folded.text, end, at):
            # none after it: the place just before it in its clause ("على طريق القامشلي – عامودا قرب قرية هيمو")
            before = max((m for m in chosen if m.end <= start), key=lambda m: m.end, default=None)
            area = next((p for at, p in found if before is not None and at == before.start), None)
            if area is None or start - before.end > _UNLISTED_REACH or _CLAUSE_END.search(folded.text, before.end, start):
                # a quarter with no town beside it: near the report's town (``_city_of_report``)
                area, quarter = (_city_of_report(found, start, home), False) if quarter else (None, False)
                if area is None:
                    continue
        span = folded.span(start, end)
        name = folded.original[span[0]:span[1]]
        inside = quarter and _a_town(area)
        alike = None if inside else _spelt_alike(fold_term(name), area, load())
        out.append((start, _at_place(name, span, alike) if alike is not None else _at_area(name, span, area, inside)))
    return out


def _a_town(p: PlaceMention) -> bool:
    """A catalogued town, also named with a side or "near" ("شرق مدينة الرقة", coarsened to a
    district by ``_mention``), not its countryside: the town a quarter named beside it lies in
    ("حي الرميلة شرق مدينة الرقة" is the east of the city, not outside it)."""
    return p.listed and (p.precision == "town" or p.near and not p.area and p.precision == _COARSER["town"])


def _city_of_report(found: list[tuple[int, PlaceMention]], start: int, home: str | None) -> PlaceMention | None:
    """The town a report's quarter with no town beside it lies near ("#المشلب ارتفعت حصيلة
    ضحايا غارة التحالف على حي المشلب ..." in a report on Raqqa): the catalogued town of the
    report's country it names nearest to the quarter, when it names one (coded near it,
    precision 2: the town may be another than the quarter's); ``home``: the report's country."""
    towns = [(abs(at - start), p) for at, p in found
             if p.precision == "town" and p.listed and not p.near and p.country == home]
    return min(towns, key=lambda t: t[0])[1] if towns else None


def _at_place(name: str, span: Span, place: Place) -> PlaceMention:
    """A village named after its place word, found under another spelling in its area."""
    return PlaceMention(text=name, span=span, name_en=place.name_en, lat=place.lat, lon=place.lon,
                        country=place.country, precision=place.precision, admin1=place.admin1,
                        admin2=place.admin2, gazetteer_id=place.gazetteer_id, settlement=True)


def _at_area(name: str, span: Span, area: PlaceMention, inside: bool = False) -> PlaceMention:
    """A village the gazetteer lacks, coded at the area named beside it (precision 2); a
    neighbourhood ``inside`` the town named beside it is a point of that town (precision 1)."""
    return PlaceMention(text=name, span=span, name_en=f"{'in' if inside else 'near'} {area.name_en}",
                        lat=area.lat, lon=area.lon, country=area.country,
                        precision="point" if inside else "town", admin1=area.admin1, admin2=area.admin2,
                        gazetteer_id=UNLISTED + fold_term(name))


def _unlisted_name(w: _Words, i: int, quarter: bool = False) -> int | None:
    """The index of the last word of the uncatalogued name starting at word ``i``, or None when
    the words there are no name: a frequent word (not after a name head: "الشيخ بحر"), a cue,
    a clitic-led word ("للنازحين"). A
    frequent word with the article is a name there ("حي الثورة", "قرية الشعاب"): an adjective
    after the indefinite place word ("قرية مجاورة") takes none. A ``quarter``'s name may be two
    frequent words, the second with the article ("حي بستان القصر", "حي باب النيرب": a construct;
    "حي سكني" is an adjective), or a frequent word and a rarer one ("حي نزلة شحادة")."""
    last = i
    while last < i + 2 and w.words[last] in _NAME_HEADS and last + 1 < len(w.words) \
            and not w.gaps[last + 1].strip():
        last += 1
    word = w.words[last]
    frequent = last == i and word in _frequent_words() and not word.startswith("ال")   # "الشيخ بحر" is a name
    if frequent and last + 1 < len(w.words) and not w.gaps[last + 1].strip() \
            and (nxt := w.words[last + 1]).startswith("ال") and len(nxt) > 4 \
            and nxt not in _CUES and nxt not in _CUE_NAMES and nxt not in _NAME_TAILS \
            and nxt not in _frequent_words():
        last, word, frequent = last + 1, w.words[last + 1], False   # "قرية عون الدادات": a construct name
    elif frequent and quarter and last + 1 < len(w.words) and not w.gaps[last + 1].strip() \
            and len(nxt := w.words[last + 1]) > 2 and nxt not in _CUES and nxt not in _CUE_NAMES \
            and nxt not in _NAME_TAILS and not _clitic_led(nxt) \
            and (nxt.startswith("ال") or nxt not in _frequent_words()):
        last, word, frequent = last + 1, nxt, False
    if len(word) < 3 or word in _CUES or word in _CUE_NAMES or frequent \
            or (last == i and _clitic_led(word)):
        return None
    if last + 1 < len(w.words) and w.words[last + 1] in _NAME_TAILS and not w.gaps[last + 1].strip():
        last += 1
    return last


def _quoted_name(w: _Words, i: int) -> int | None:
    """The index of the last word of a name in quotes that starts at word ``i`` ("مخيم “مريم”",
    "بلدة “الشيخ بحر”"): the quotes mark it as a name, frequent word or not; None when no
    closing quote follows within ``QUOTED_WORDS`` words."""
    for last in range(i, min(i + QUOTED_WORDS, len(w.words))):
        after = w.gaps[last + 1].strip() if last + 1 < len(w.gaps) else ""
        if after[:1] in _CLOSING_QUOTES and after:
            return last if len(w.words[i]) > 1 and w.words[i] not in _CUES else None
        if after:
            return None      # a comma, a full stop: no name in quotes here
    return None


def _clitic_led(word: str) -> bool:
    """A word after a place word that starts with a conjunction or a preposition is no name:
    "قرية وحرش", "مخيم للنازحين", "مدينة بإدلب" (a name there takes no clitic)."""
    return word.startswith(("و", "لل")) or (word[:1] in ("ب", "ل") and (word[1:] in load().names
                                                                            or word[1:] in _frequent_words()))


@cache
def _frequent_words() -> _SortedWords:
    """``data/frequent_words.txt``: words too frequent to be an uncatalogued village's name."""
    text = (DATA / "frequent_words.txt").read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):      # its comment lines, at its head
        start = text.index("\n", start) + 1
    return _SortedWords(text[start:])


class _SortedWords:
    """A sorted list of words, one a line, asked about word by word: the lines that begin with
    a word's first two letters (next to each other, found by two scans in C) become a set
    when first needed. Splitting all 66,000 frequent words into one set took 0.03 s of every
    run; a report needs a few of their 610 blocks."""

    def __init__(self, lines: str) -> None:
        self._text = "\n" + lines.rstrip("\n")
        self._blocks: dict[str, frozenset[str]] = {}

    def __contains__(self, word: str) -> bool:
        if not word:                        # no line is empty
            return False
        prefix = word[:2]
        block = self._blocks.get(prefix)
        if block is None:
            block = self._blocks[prefix] = self._block(prefix)
        return word in block

    def _block(self, prefix: str) -> frozenset[str]:
        first = self._text.find("\n" + prefix)
        if first < 0:
            return frozenset()
        last = self._text.rfind("\n" + prefix)
        end = self._text.find("\n", last + 1)
        return frozenset(self._text[first + 1:end if end >= 0 else None].split("\n"))


def _inside(folded: Folded, m: _Match, links: list[tuple[int, int]]) -> bool:
    """Whether the match lies in a line that links to another article."""
    start = folded.index[m.start]
    return any(a <= start < b for a, b in links)


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
    matches = _scan(_Words(folded), gaz)
    if not matches:
        entry = gaz.lookup(name)
        if entry is None or entry.stop:
            return None
        matches = [_Match(0, len(folded.text), "", entry, _Cue())]
    m = max(matches, key=lambda x: x.end - x.start)
    mention = _mention(folded, m, _choose(_candidates(m, gaz), _NO_CONTEXT), gaz)
    return replace(mention, text=name, span=(0, len(name)))
