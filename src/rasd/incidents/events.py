"""Candidate events: what one article says about one attack, ready to be grouped.

An article usually reports one incident, but a round-up reports several ("قصف على X ...
وفي Y ..."). Its claims are split by the place stated in their sentence: claims at places
far apart (> ``SPLIT_KM``) become separate candidates; claims with no place stay with the
article's main event. Background sentences (earlier incidents, cumulative tolls, figures
dated days before the event), a line about another strike at a nearby village ("وفي هجوم
آخر ...", "بلدة كويا المجاورة", or another village's toll after the report's own: "- فليفل:
مقتل طفل") and a line about an unrelated event ("وفي سياق آخر") give no figures to the event.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from rasd.extract.actors import main_perpetrators
from rasd.geo.gazetteer import FOCUS_COUNTRY, great_circle_km
from rasd.geo.geocode import DATELINE_CHARS, line_around
from rasd.incidents.grade import own_denials, voice_of
from rasd.model import ActorMention, Certainty, Claim, Document, EventDate, PlaceMention, SiteMention, SourcedClaim
from rasd.text.dates import event_date, month_words, names_past_month
from rasd.text.normalize import fold, fold_term, fold_text
from rasd.text.sentences import split_sentences
from rasd.text.tokens import proclitic_forms

SPLIT_KM = 40.0
LEAD_SENTENCES = 3


@dataclass(frozen=True)
class Candidate:
    """One event as one article reports it."""
    doc_id: str
    published: dt.date | None
    date: EventDate | None
    places: tuple[PlaceMention, ...]          # where it happened, most telling first
    perpetrators: tuple[tuple[str, Certainty], ...]   # the attackers the report blames most
    targets: tuple[str, ...]
    claims: tuple[SourcedClaim, ...]
    event_type: tuple[str, str]
    outlet: str | None
    headline_places: tuple[PlaceMention, ...] = ()   # named in the first line, in order
    pinned: bool = False     # its first place is a village or town stated with its figures
    sites: tuple[SiteMention, ...] = ()      # the sites hit, as this event's sentences name them
    split_off: bool = False  # one of a round-up's other events, told in a sentence or two
    also_blamed: tuple[tuple[str, Certainty], ...] = ()   # attackers named beside the main ones
    spot: PlaceMention | None = None  # where the report says it struck, when not its first place
    mourns: bool = False     # speaks of the victims without a toll (a funeral, their names): ``mourns``
    part: int = 0            # its place among its report's events (0 the main one): with ``doc_id``, its name
    meanwhile: tuple[PlaceMention, ...] = ()   # villages where it says another event went on meanwhile


def distance_km(a: PlaceMention, b: PlaceMention) -> float:
    """Great-circle distance between two places."""
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


@cache
def _background_data() -> dict:
    return json.loads((Path(__file__).parent / "data" / "background.json").read_text(encoding="utf-8"))


@cache
def _background_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    """``data/background.json``: sentence openers, cumulative phrases, origin and position words, folded."""
    data = _background_data()
    return (frozenset(map(fold_term, data["openers"])), tuple(map(fold_term, data["cumulative"])),
            frozenset(map(fold_term, data["origin"])), frozenset(map(fold_term, data["positions"])))


@cache
def _origin_after_min() -> frozenset[str]:
    """``data/background.json``, ``origin_after_min``: "أبناء", "أهالي", folded (home only after "من")."""
    return frozenset(map(fold_term, _background_data()["origin_after_min"]))


@cache
def _origin_before_min() -> frozenset[str]:
    """``data/background.json``, ``origin_before_min``: "نازح", "المهجرين", folded (home only
    with "من" after them: "نازح من ريف X", not "نازحين في قرية X")."""
    return frozenset(map(fold_term, _background_data()["origin_before_min"]))


@cache
def _treatment_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``data/background.json``, ``treatment``: transfer verbs, "to", hospital words (their last word), folded."""
    data = _background_data()["treatment"]
    return (frozenset(map(fold_term, data["verbs"])), frozenset(map(fold_term, data["to"])),
            frozenset(fold_term(w).split()[-1] for w in data["hospitals"]))


def _words_before(text: str, start: int) -> list[str]:
    """The folded words of the 80 characters before ``start`` (the reach of every rule below)."""
    return fold_text(text[max(0, start - 80):start]).split()


def _listed(word: str, catalog: frozenset[str]) -> bool:
    """The folded word is in the catalog, as written or after a clitic و ف ب ل ("ومن أبناء",
    "وبالتزامن")."""
    return word in catalog or len(word) > 4 and word[0] in "وفبل" and word[1:] in catalog


ORIGIN_REACH = 3     # words before a place that may say it is someone's home ("من أبناء بلدة X")
POSITION_REACH = 4   # words before a place that may say the attackers fired from it
FROM_POSITIONS_REACH = 6   # words before a place that may hold "من مواقع X في" ("من مواقع قوات النظام في بلدة X")


def is_origin(text: str, p: PlaceMention, words: list[str] | None = None) -> bool:
    """The place is a person's home or origin ("من أبناء بلدة X", "المنحدر من مدينة X", "نازح
    من ريف X"; not "استيقظ أهالي بلدة X", its residents where it happened, nor "نازحين في قرية
    X", where the displaced shelter) or where the
    attackers fired from ("المتمركزة في محيط مدينة X", "من قواعدها في X"),
    not where the attack was (``data/background.json``, ``origin`` and ``positions``). A name in
    brackets after another ("كري سبي (تل أبيض)") is read with the words before the first.
    ``words``: ``_words_before(text, p.span[0])`` when the caller has them already."""
    start = p.span[0]
    stripped = text[max(0, start - 40):start].rstrip()
    extra = 2 if stripped.endswith("(") else 0
    if words is None:
        words = _words_before(text, start)
    before = [w for w in words if any(map(str.isalpha, w))]     # a word with a letter, tested in C
    _, _, origin, positions = _background_words()

    def named(words: list[str], catalog: frozenset[str]) -> bool:
        return any(_listed(w, catalog) for w in words)
    near = before[-(POSITION_REACH + extra):]
    reach = before[-(ORIGIN_REACH + extra + 1):]
    home = before[-(ORIGIN_REACH + extra):]
    after_min = before[-(FROM_POSITIONS_REACH + extra):]
    return named(home, origin) or named(near, positions) \
        or any(pair in _came_from() for pair in zip(near, near[1:])) \
        or _from_positions(after_min) \
        or any(first in ("من", "ومن") and named([w], _origin_after_min()) for first, w in zip(reach, reach[1:])) \
        or any(named([w], _origin_before_min()) and "من" in home[k + 1:] for k, w in enumerate(home))


_FROM = frozenset({"من", "ومن", "فمن"})


@cache
def _positions_after_min() -> tuple[frozenset[str], frozenset[str]]:
    """``positions_after_min`` (the first folded word of each) and ``partitive`` of
    ``data/background.json``."""
    data = _background_data()
    return (frozenset(fold_term(w).split()[0] for w in data["positions_after_min"]),
            frozenset(map(fold_term, data["partitive"])))


def _from_positions(words: list[str]) -> bool:
    """"من مواقع X في": the attackers' positions the fire came from, unless a quantity comes
    before ("عدداً من مواقع قسد في قرية X" is what was struck)."""
    positions, partitive = _positions_after_min()
    return any(words[k] in _FROM and words[k + 1].removeprefix("ال") in positions
               and not (k and words[k - 1] in partitive) for k in range(len(words) - 1))


@cache
def _came_from() -> frozenset[tuple[str, ...]]:
    """"من اتجاه X": the direction the attack came from (``data/background.json``, ``came_from``)."""
    return frozenset(tuple(fold_term(phrase).split()) for phrase in _background_data()["came_from"])


CONCURRENT_REACH = 8  # words before a place that may say another event happened there meanwhile


@cache
def _concurrent_words() -> tuple[frozenset[str], frozenset[str]]:
    """``data/background.json``, ``concurrent`` ("بالتزامن", "تزامناً") and ``concurrent_this``
    ("ذلك"), folded."""
    data = _background_data()
    return frozenset(map(fold_term, data["concurrent"])), frozenset(map(fold_term, data["concurrent_this"]))


def is_concurrent(text: str, p: PlaceMention | ActorMention, words: list[str] | None = None) -> bool:
    """The place is the scene of another event told as happening meanwhile ("بالتزامن مع غارات
    عرمان", "بالتزامن مع التصعيد الذي شهدته كويا"), not where this report's attack was
    (``data/background.json``, ``concurrent``); a comma or full stop after the cue ends its reach,
    and "بالتزامن مع ذلك" is this report's own event going on. A clause of its own with no comma
    after the other scene ("وبالتزامن مع غارات على الباب أصيب طفل في تادف") is still read as
    part of the meanwhile clause: its place falls back to an earlier mention. An actor is read
    the same way ("بالتزامن مع غارات روسية": the other event's attacker). ``words``:
    ``_words_before(text, p.span[0])`` when the caller has them already."""
    before = (_words_before(text, p.span[0]) if words is None else words)[-CONCURRENT_REACH:]
    cues, this = _concurrent_words()
    k = next((k for k in range(len(before) - 1, -1, -1) if _listed(before[k], cues)), None)
    return k is not None and not any(w[-1] in ",.،؛;:" or w in this for w in before[k:])


TREATMENT_REACH = 6  # words before a place that may say the wounded were taken there


def is_treatment(text: str, p: PlaceMention, words: list[str] | None = None) -> bool:
    """The place is where the wounded or the dead were taken ("نُقلوا إلى مشفى في مدينة X",
    "حُوّل أحدهما إلى مدينة X"), not where the attack was (``data/background.json``, ``treatment``).
    ``words``: ``_words_before(text, p.span[0])`` when the caller has them already."""
    before = (_words_before(text, p.span[0]) if words is None else words)[-TREATMENT_REACH:]
    verbs, to, hospitals = _treatment_words()
    for k, w in enumerate(before):
        if w in to and (any(v in verbs or (len(v) > 3 and v[0] in "وف" and v[1:] in verbs) for v in before[:k])
                        or any(h in hospitals or h[2:] in hospitals for h in before[k + 1:])):
            return True
    return False


SEAT_REACH = 6      # words before a place that may say a correspondent sits there (an outlet's name between)
LAUNCH_REACH = 6    # words before a place that may say the aircraft set out from it


@cache
def _vantage_words() -> dict[str, frozenset[str]]:
    """``data/background.json``, ``vantage``: seat, launch, toward, at and from words, folded."""
    return {k: frozenset(map(fold_term, v)) for k, v in _background_data()["vantage"].items()}


def is_vantage(text: str, p: PlaceMention, words: list[str] | None = None) -> bool:
    """The place is where the report was written from ("أفاد مراسلنا في قامشلو", "مراسل نورث برس
    في مدينة القامشلي") or the airfield the aircraft took off from ("أقلعت الطائرات من قاعدة
    حميميم"), not where the attack was (``data/background.json``, ``vantage``). ``words``:
    ``_words_before(text, p.span[0])`` when the caller has them already."""
    before = [w for w in (_words_before(text, p.span[0]) if words is None else words) if any(map(str.isalpha, w))]
    v = _vantage_words()
    bare = lambda w: w[1:] if len(w) > 3 and w[0] in "وف" else w  # noqa: E731
    seat = before[-SEAT_REACH:]
    k = next((k for k in range(len(seat) - 1, -1, -1) if seat[k] in v["seats"] or bare(seat[k]) in v["seats"]), None)
    if k is not None and any(x in v["at"] for x in seat[-2:]) \
            and not any(x in v["toward"] or x in v["said"] for x in seat[k + 1:]):
        return True          # "في" right before the place or one place word before it, the outlet's name between
    launch = before[-LAUNCH_REACH:]
    k = next((k for k, w in enumerate(launch) if w in v["launch"] or bare(w) in v["launch"]), None)
    rest = launch[k + 1:] if k is not None else []
    return any(x in v["from"] for x in rest) and not any(x in v["toward"] or bare(x) in v["toward"] for x in rest)


def _opens_background(folded: str) -> bool:
    """The folded sentence opens with a background word ("وكانت", "يذكر أن")."""
    return bool(folded) and folded.split(" ", 1)[0] in _background_words()[0]


def is_background(sentence: str) -> bool:
    """Earlier events and running totals: "وكانت ... قد", "منذ بداية العام", "خلال الفترة",
    "وفي شباط الماضي" (a past month), "وقتل حينها" (the time just recalled)."""
    return _background_folded(fold_text(sentence))


def _background_folded(f: str) -> bool:
    """``is_background`` of a sentence already folded."""
    return _opens_background(f) or any(c in f for c in _background_words()[1]) or names_past_month(f) \
        or any(_listed(w, _recalled_time()) for w in _WORD.findall(f))


@cache
def _recalled_time() -> frozenset[str]:
    """``data/background.json`` 'recalled_time': "حينها", "آنذاك" (folded)."""
    return frozenset(map(fold_term, _background_data()["recalled_time"]))


EARLIER_DAYS = 2    # a sentence dated this many days or more before the report's event tells another


_YEAR = re.compile(r"(?<![\d/.-])(19[89]\d|20\d\d)(?![\d/.-])")
_DIGIT = re.compile(r"\d")         # any script's digits (٢٠١٧ too)


def _names_earlier_year(sentence: str, year: int) -> bool:
    """The sentence dates something to a month of a year before ``year`` ("في نيسان 2017"،
    "في 22 من كانون الأول 2021"): it tells of another year's events (the massacre a town is
    known for, a past campaign). A bare year is not enough: a victim born in 1981, a family
    displaced in 2019, a depot used since 2018 are told of this year's event."""
    if not _DIGIT.search(sentence):
        return False                                    # most sentences: no folding needed
    folded = fold_text(sentence)
    return any(int(m.group(1)) < year and not month_words().isdisjoint(
                   re.split(r"[\s/]+", folded[max(0, m.start() - 24):m.start()])[-4:])
               for m in _YEAR.finditer(folded))


def _dated_earlier(doc: Document, span: tuple[int, int]) -> bool:
    """The sentence dates its figures days before the event the report is about ("وقبل
    يومين، قتلت طفلتان ...", "وفي 28 أيلول الفائت ...", "يوم الأربعاء الفائت"), or to an
    earlier year: an earlier attack told as background, whatever its opening words. When the
    report leaves its own day open (no day in its text: the day before publication or the day
    itself), days are counted from publication: "قبل يومين" is then before either day."""
    if doc.event_date is None:
        return False
    if _names_earlier_year(doc.text[span[0]:span[1]], doc.event_date.start.year):
        return True
    own = event_date(doc.text[span[0]:span[1]], doc.published)
    reference = doc.event_date.start if doc.event_date.text else doc.event_date.end
    return own is not None and bool(own.text) and (reference - own.end).days >= EARLIER_DAYS


@cache
def _extent_pattern() -> re.Pattern[str]:
    """``data/background.json``, ``extent``: "من X شرقاً حتى Y" over folded text, groups ``a``
    and ``b`` the words of the two bounds (up to three each, no punctuation)."""
    data = _background_data()["extent"]
    bound = r"[^\s،,.؛:]+(?:\s+[^\s،,.؛:]+){0,2}?"
    return re.compile(rf"(?<!\w)[وف]?من\s+(?P<a>{bound})\s+(?:{_longest_first(data['directions'])})\s+"
                      rf"[وف]?(?:{_longest_first(data['to'])})\s+(?P<b>{bound})(?=[\s،,.؛:]|$)")


def _longest_first(words: list[str]) -> str:
    """An alternation of the folded ``words``, the longest tried first."""
    return "|".join(sorted(map(re.escape, map(fold_term, words)), key=len, reverse=True))


def _extents(text: str) -> list[tuple[int, int]]:
    """Spans of the text that bound a stretch of land it describes ("القرى الحدودية الممتدة من
    ديريك شرقاً حتى الدرباسية غرباً"): places there are not where anything was struck."""
    if "من" not in text:
        return []
    folded = fold(text)
    out = []
    for m in _extent_pattern().finditer(folded.text):
        out += [folded.span(m.start(g), m.end(g)) for g in ("a", "b")]
    return out


@dataclass(frozen=True)
class _Elsewhere:
    """Spans of a report's places that are not where its event was: the victims' homes
    (``is_origin``), where the wounded were taken (``is_treatment``), where the report was
    written or the aircraft set out from (``is_vantage``) and the scenes of events told as
    happening meanwhile (``is_concurrent``) and the bounds of a stretch of land described
    (``_extents``), read once a report."""
    origins: frozenset[tuple[int, int]]
    treated: frozenset[tuple[int, int]]
    vantages: frozenset[tuple[int, int]]
    concurrent: frozenset[tuple[int, int]]
    bounds: frozenset[tuple[int, int]]

    @classmethod
    def of(cls, doc: Document) -> _Elsewhere:
        origins, treated, vantages, concurrent, bounds = set(), set(), set(), set(), set()
        extents = _extents(doc.text)
        for p in doc.places:
            if p.precision == "country":
                continue                                  # never where an event is placed
            if any(a <= p.span[0] < b for a, b in extents):
                bounds.add(p.span)
            words = _words_before(doc.text, p.span[0])      # folded once for every test
            if is_origin(doc.text, p, words):
                origins.add(p.span)
            if is_treatment(doc.text, p, words):
                treated.add(p.span)
            if is_vantage(doc.text, p, words):
                vantages.add(p.span)
            if is_concurrent(doc.text, p, words):
                concurrent.add(p.span)
        return cls(frozenset(origins), frozenset(treated), frozenset(vantages), frozenset(concurrent),
                   frozenset(bounds))

    def __contains__(self, p: PlaceMention) -> bool:
        return p.span in self.origins or p.span in self.treated or p.span in self.vantages \
            or p.span in self.concurrent or p.span in self.bounds


def _own_denial(doc: Document) -> list[ActorMention]:
    """A party's own statement denying in the first person ("إننا ننفي هذه الاتهامات", "لا علاقة
    لقواتنا بالتفجير"): the party its outlet speaks for (``voices``) denies the attack, though
    the statement names it only as "we" (``own_denials`` in ``data/belligerents.json``)."""
    actor = voice_of(doc.outlet)
    if actor is None:
        return []
    folded = fold(doc.text)
    found = own_denials().search(folded.text)
    if found is None:
        return []
    start, end = folded.span(found.start(1), found.end(1))
    return [ActorMention(text=doc.text[start:end], span=(start, end), actor=actor, role="perpetrator",
                         certainty="denied")]


def candidates(doc: Document) -> list[Candidate]:
    """The candidate events of one document (one, or one per distant place of a round-up);
    none when the document tells of no violent incident (its event type is None)."""
    kind = doc.event_type
    if kind is None:
        return []
    sentences = sorted({c.sentence_span for c in doc.claims})
    background = {span for span in sentences
                  if is_background(doc.text[span[0]:span[1]]) or _dated_earlier(doc, span)}
    lead_end = _lead_end(doc)
    elsewhere = _Elsewhere.of(doc)
    located = [p for p in doc.places if p.precision != "country" and p not in elsewhere]
    home = home_country(tuple(p for p in doc.places if not _dateline(doc.text, p)))
    # a capital abroad named in the lead ("رداً على الهجوم على أنقرة") does not place the event,
    # nor a place of an earlier attack the lead recalls ("وكانت إسرائيل قد استهدفت ...")
    earlier = _earlier_sentences(doc, lead_end)
    lead_places = [p for p in located if p.span[0] < lead_end and home in (None, p.country)
                   and not any(a <= p.span[0] < b for a, b in earlier)]
    stated = [c.sentence_span for c in doc.claims if not c.denial and c.sentence_span not in background][:2]
    with_figures = [p for p in located if any(a <= p.span[0] < b for a, b in stated)]
    main_places = with_figures + lead_places or located or [p for p in doc.places if p.precision != "country"]
    mentions = Counter(p.gazetteer_id for p in doc.places if not _hashtag(doc.text, p))
    figured = {p.gazetteer_id for p in with_figures}
    locators = _locators(doc, located)
    main_places = sorted(main_places, key=lambda p: (coarseness(p) > 0, not is_village(p) or p.gazetteer_id in locators,
                                                     p.gazetteer_id not in figured, coarseness(p),
                                                     -mentions[p.gazetteer_id], p.span[0]))
    # The edge of a village or town stated with the figures ("على أطراف مدينة عامودا") is where
    # it struck, before a town named plainly elsewhere (a dateline, a hospital's town); grouping
    # keeps the report's first place, the finer anchor.
    edges = [p for p in main_places if coarseness(p) > 0 and is_village(p) and p.gazetteer_id in figured]
    actors = sorted(_current_actors(doc, main_places[0] if main_places else None, elsewhere) + _own_denial(doc),
                    key=lambda m: m.span)
    perps = tuple(main_perpetrators(actors))
    also_blamed = tuple(a for a in main_perpetrators(actors, share=0.0) if a not in perps)
    targets = tuple(dict.fromkeys(a.actor for a in doc.actors if a.role == "target"))

    groups: list[tuple[PlaceMention | None, list[SourcedClaim]]] = [(main_places[0] if main_places else None, [])]
    main_told = False                     # a sentence before has stated a toll at the main place
    elsewhere_told: list[tuple[int, int]] = []
    for span in sentences:
        if span in background:
            continue
        sentence = doc.text[span[0]:span[1]]
        here = [c for c in doc.claims if c.sentence_span == span]
        place = _sentence_place(doc, span, home, elsewhere)
        if place is None and _abroad_only(doc, span, home, elsewhere):
            continue                      # an event abroad ("وفي موسكو ..."): not this report's
        target = groups[0]
        main = groups[0][0]
        if place is not None and main is not None and _apart(place, main):
            target = next((g for g in groups[1:] if g[0] and not _apart(place, g[0])), None) \
                or (place, [])
        elif _unrelated(sentence):
            continue                      # "في سياق آخر، أصيب 7 بانقلاب سيارة": not this event's
        elif place is not None and main is not None and _tells_another_strike(doc, span, place, main):
            elsewhere_told.append(span)   # another strike's sentence: neither its figures nor its places
            continue
        elif place is not None and main is not None and main_told and _village_toll(doc, span, place, main, here):
            continue
        if target not in groups:
            groups.append(target)
        main_told = main_told or target is groups[0] and main is not None and _tolls(here) \
            and _names(doc, span, main)
        target[1].extend(SourcedClaim(doc.doc_id, c, sentence) for c in here)

    # The main event is located without the other events' sentences.
    others = [s.claim.sentence_span for _, claims in groups[1:] for s in claims] + elsewhere_told \
        + _other_strike_asides(doc, main_places[0] if main_places else None)
    main_places = [p for p in main_places if not any(a <= p.span[0] < b for a, b in others)] or main_places
    # ... nor with the attackers those sentences name ("وفي سياق متصل، سقطت قذائف على مدينة مارع،
    # مصدرها مناطق انتشار القوات الكردية" in a report of Turkish shelling on Tal Rifaat), when
    # the report blames someone outside them
    aside = [a for a in actors if a.role == "perpetrator" and any(x <= a.span[0] < y for x, y in others)]
    if aside and any(a.role == "perpetrator" and a not in aside for a in actors):
        own_actors = [a for a in actors if a not in aside]
        perps = tuple(main_perpetrators(own_actors))
        also_blamed = tuple(a for a in main_perpetrators(own_actors, share=0.0) if a not in perps)
    first_line = len(doc.text) - len(doc.text.lstrip()) + len(doc.text.lstrip().split("\n", 1)[0])
    headline = tuple(p for p in doc.places if p.span[0] < first_line and p.precision != "country")
    loose = _loose_sites(doc, sentences)
    out = []
    for n, (place, claims) in enumerate(groups):
        if n and not claims:
            continue
        places = tuple(main_places) if n == 0 else (place,)
        spans = {s.claim.sentence_span for s in claims}
        sites = [site for site in doc.sites if any(a <= site.span[0] < b for a, b in spans)]
        pinned = bool(places) and is_village(places[0]) and (
            n > 0 or places[0].gazetteer_id in figured or _figures_at_lone_village(stated, figured, places))
        if n == 0:
            spot = _spot(places, edges, figured, {p.gazetteer_id for p in with_figures if not p.near})
            own = {p.gazetteer_id for p in places}
            meanwhile = tuple(p for p in doc.places if p.span in elsewhere.concurrent and is_village(p)
                              and p.gazetteer_id not in own)
            out.append(Candidate(doc.doc_id, doc.published, doc.event_date, places, perps, targets,
                                 tuple(claims), kind, doc.outlet, headline, pinned,
                                 tuple(sorted(sites + loose, key=lambda site: site.span)),
                                 also_blamed=also_blamed, spot=spot, mourns=mourns(doc), part=len(out),
                                 meanwhile=meanwhile))
            continue
        # A round-up's other events have their own attackers ("وفي إعزاز قصفت قسد ...") and
        # date, when their sentences name them.
        attackers = tuple(main_perpetrators([a for a in actors
                                             if any(x <= a.span[0] < y for x, y in spans)])) or perps
        out.append(Candidate(doc.doc_id, doc.published, _own_date(doc, sorted(spans)), places, attackers,
                             targets, tuple(claims), kind, doc.outlet, (), pinned, tuple(sites), split_off=True,
                             part=len(out)))
    return out


ELSEWHERE_KM = 15.0   # a denial told at a place this far from the event's denies another strike
LOCATOR_GAP = 16    # characters between a place and the place that locates it ("سرجة جنوبي مدينة أريحا")
BEARING_GAP = 40    # the same for a bearing ("قرب قرية زور مغار على ضفة نهر الفرات غربي كوباني")


def _figures_at_lone_village(stated: list[tuple[int, int]], figured: set[str],
                             places: tuple[PlaceMention, ...]) -> bool:
    """Figures stated with no place, in a report whose places name one Syrian village or town
    and only its areas ("تعرضت قرية X لقصف ... وأدى القصف إلى مقتل ثلاثة"): the figures are
    that village's."""
    villages = {p.gazetteer_id for p in places if is_village(p)}
    return bool(stated) and not figured and len(villages) == 1 and places[0].country == FOCUS_COUNTRY


def _spot(places: tuple[PlaceMention, ...], edges: list[PlaceMention], figured: set[str],
          plainly: set[str]) -> PlaceMention | None:
    """Where a report locates its strike when its first place is a town it does not state the
    figures at: a village it states them at ("قرية زور مغار غربي مدينة كوباني" under the dateline
    "كوباني"), else the edge of a town it states them at ("على أطراف مدينة عامودا")."""
    if not places or coarseness(places[0]) > 0 or places[0].gazetteer_id in plainly:
        return None
    village = next((p for p in places if coarseness(p) == 0 and p.gazetteer_id in plainly), None)
    if village is not None:
        return village
    return edges[0] if edges and places[0].gazetteer_id not in figured and edges[0] in places else None


def _locators(doc: Document, located: list[PlaceMention]) -> set[str]:
    """Gazetteer ids of the places a report names mostly to locate the place before them
    ("قرية سرجة جنوبي مدينة أريحا", "بلدة كنصفرة قرب البارة": around a place just named, in
    the same clause; "قرية أم جلود التابعة لمنطقة منبج": the place it belongs to), in more
    than half of their mentions that could place the event
    (``located``: not "مشفى أريحا"): the report's reference points, not where its event was."""
    placed = sorted((p for p in doc.places if p.precision != "country"), key=lambda p: p.span)
    locating: Counter[str] = Counter()
    for before, p in zip(placed, placed[1:]):
        between = doc.text[before.span[1]:p.span[0]]
        if 0 < len(between) <= (BEARING_GAP if p.near else LOCATOR_GAP) and not any(ch in between for ch in ".،,\n") \
                and not between.lstrip().startswith("و") and (p.near or _belonging(between)):
            locating[p.gazetteer_id] += 1
    named = Counter(p.gazetteer_id for p in located if not _hashtag(doc.text, p) and not _dateline(doc.text, p))
    return {place for place, n in locating.items() if 2 * n > named[place]}


_DATELINE_TAIL = re.compile(r"\s*(?:$|\n|[-–—:/(])")


_BULLETS = frozenset("-–—•*▪●◾🔹🔸📍")   # a list item's mark before its place ("- كنصفرة: مقتل ...")
HEADLINE_WORDS = 25   # the most words before the body's first line (a headline)
# what may stand before a dateline's place on its line: nothing, or an outlet's name and a dash
# or slash ("روداو – أربيل:", "عين العرب/ كوباني:")
_DATELINE_HEAD = re.compile(r"(?:\S+(?:\s+\S+)?\s*[-–—/]\s*)?")
_DATELINE_OPENS = re.compile(r"\s*(?:[-–—(]|:(?!:))")   # not a section's "حلب::"


def _dateline(text: str, p: PlaceMention) -> bool:
    """Where the report was filed from: a place on a short line of its own, at its end or before
    a dash, colon, slash or bracket ("منبج", "القامشلي – نورث برس", "عين العرب/ كوباني:"), or
    opening the body (after a headline at most) before a dash or colon, an outlet's name before
    it or not ("بيروت – شنّ الطيران ...", "روداو – أربيل: أُصيب ..."; not a later item's "درعا:
    اغتيال ...")."""
    start, end = p.span
    line_start, line_end = line_around(text, p.span)
    if _more_words_than(text, line_start, HEADLINE_WORDS) or text[line_start:start].strip() in _BULLETS:
        return False                # a later item's label ("درعا: اغتيال ...", "- كنصفرة: مقتل ...")
    if line_end - line_start <= DATELINE_CHARS:
        return _DATELINE_TAIL.match(text, end) is not None
    return _DATELINE_HEAD.fullmatch(text, line_start, start) is not None and _DATELINE_OPENS.match(text, end) is not None


_NON_SPACE = re.compile(r"\S+")


def _more_words_than(text: str, end: int, n: int) -> bool:
    """More than ``n`` words before ``end``, counting no further than ``n + 1`` (a report's
    whole text before each of its places had been split into words, every time)."""
    return next(itertools.islice(_NON_SPACE.finditer(text, 0, end), n, None), None) is not None


@cache
def _belonging_words() -> frozenset[str]:
    return frozenset(map(fold_term, _background_data()["belonging"]))


_WORD = re.compile(r"[^\W\d_]+")


@cache
def _past_periods() -> tuple[str, ...]:
    return tuple(map(fold_term, _background_data()["past_periods"]))


def _names_past_period(folded: str) -> bool:
    """The folded sentence names a period before the report's days ("الأسبوع الماضي")."""
    return any(p in folded for p in _past_periods())


@cache
def _mourning_words() -> frozenset[str]:
    return frozenset(map(fold_term, _background_data()["mourning"]))


def mourns(doc: Document) -> bool:
    """The report speaks of an attack's victims (``data/background.json``, ``mourning``: a
    funeral, the victims' names, the massacre) and states no figure, not even a denial; a
    denial of one side's casualties ("ولم يرصد سقوط ضحايا مدنيين") does not deny the dead."""
    words = _mourning_words()
    return all(c.denial and c.group_kind != "unknown" for c in doc.claims) and any(not words.isdisjoint(proclitic_forms(w)) for w in _WORD.findall(fold_text(doc.text)))


def _belonging(between: str) -> bool:
    """The words between two places say the first belongs to the second ("التابعة لمنطقة"):
    ``data/background.json``, ``belonging``."""
    words = fold_text(between).split()
    return bool(words) and words[0] in _belonging_words()


def _hashtag(text: str, p: PlaceMention) -> bool:
    """The place is written in a hashtag ("#منبج", "#ريف_إدلب"): a page's label, not a mention of
    where its event was."""
    word_start = max(text.rfind(" ", 0, p.span[0]), text.rfind("\n", 0, p.span[0])) + 1
    return text.startswith("#", word_start)


@cache
def _another_event_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """``data/background.json``, ``another_event``: the markers (one pattern) and the words
    that make a place the event's neighbour, folded."""
    data = _background_data()["another_event"]
    # each word also in the accusative ("نفذ هجوماً آخرَ" folds to "نفذ هجوما اخر")
    markers = "|".join(r"ا?\s+".join(map(re.escape, marker.split())) + "ا?"
                       for marker in sorted(map(fold_term, data["markers"]), key=len, reverse=True))
    return re.compile(rf"(?<!\w)[وفب]?(?:{markers})(?!\w)"), frozenset(map(fold_term, data["neighbour"]))


@cache
def _unrelated_openings() -> re.Pattern[str]:
    """``data/background.json``, ``unrelated``: one pattern for a sentence's opening."""
    return re.compile(rf"\W*و?\s*(?:{_longest_first(_background_data()['unrelated'])})(?!\w)")


def _unrelated(sentence: str) -> bool:
    """The sentence opens by saying it tells of an unrelated event ("وفي سياق آخر، ...")."""
    return _unrelated_openings().match(fold_text(sentence)) is not None


def _tells_another_strike(doc: Document, span: tuple[int, int], place: PlaceMention,
                          main: PlaceMention) -> bool:
    """The sentence, placed at another village than the event's, says it tells of another
    strike ("وفي هجوم آخر، ...", "بعد ساعات من ضربة مماثلة على قرية X") or of the event's
    neighbour ("شهدت بلدة كويا المجاورة قصفاً أدى إلى مقتل خمسة"): a round-up's line about
    a strike near the event, whose figures are not the event's."""
    if not (is_village(place) and is_village(main)) or place.gazetteer_id == main.gazetteer_id:
        return False
    markers, neighbour = _another_event_words()
    after = fold_text(doc.text[place.span[1]:place.span[1] + 20]).split()
    return (markers.search(fold_text(doc.text[span[0]:span[1]])) is not None
            or bool(after) and after[0] in neighbour)


def _other_strike_asides(doc: Document, main: PlaceMention | None) -> list[tuple[int, int]]:
    """Sentences without figures that say they tell of another strike and do not name the
    event's village ("وفي سياق متصل، رصد نشطاء المرصد غارة جوية على أطراف مدينة أريحا" in a
    report of Sarmin's shelling): their places are that strike's, not where this report's was."""
    if main is None or not is_village(main):
        return []
    markers, _ = _another_event_words()
    return [(a, b) for a, b in _sentences(doc.text)
            if not any(a <= c.span[0] < b for c in doc.claims)
            and (markers.search(folded := fold_text(doc.text[a:b])) is not None
                 or _unrelated_openings().match(folded) is not None)
            and not any(a <= p.span[0] < b and p.gazetteer_id == main.gazetteer_id for p in doc.places)]


VILLAGES_APART_KM = 2.5   # a village's own toll this far from the main village's is another strike


def _places_in(doc: Document, span: tuple[int, int]) -> list[PlaceMention]:
    """The places a sentence names, in the order of the text."""
    return [p for p in doc.places if span[0] <= p.span[0] < span[1]]


def _tolls(claims: list[Claim]) -> bool:
    """Some of the claims count dead or wounded (not "دون تسجيل إصابات")."""
    return any(c.kind in ("killed", "injured") and (c.max or c.min) for c in claims)


def _names(doc: Document, span: tuple[int, int], place: PlaceMention) -> bool:
    """The sentence names ``place``, however it is written ("عين العرب" for Kobani)."""
    return any(p.gazetteer_id == place.gazetteer_id for p in _places_in(doc, span))


def _village_toll(doc: Document, span: tuple[int, int], place: PlaceMention, main: PlaceMention,
                  claims: list[Claim]) -> bool:
    """After the report's toll at its village, a sentence states a toll at another village, named
    first in it, and does not name the report's ("- فليفل: مقتل طفل ..." after "- كنصفرة: مقتل ٣ مدنيين ..."): a
    round-up's line about another strike of the same day nearby, whose figures are not the
    event's (one raid on two villages is told by naming both)."""
    first = min(_places_in(doc, span), key=lambda p: p.span[0])
    return (first is place and coarseness(place) == 0 and is_village(main) and place.listed and main.listed
            and place.gazetteer_id != main.gazetteer_id and _tolls(claims)
            and distance_km(place, main) > VILLAGES_APART_KM and not _names(doc, span, main))


def _current_actors(doc: Document, main: PlaceMention | None, elsewhere: _Elsewhere) -> list[ActorMention]:
    """The document's actor mentions without the attackers of an earlier event told as
    background, and without the denials that deny another event: told as
    background ("وكانت قسد قد نفت أي صلة لها بهجوم أنقرة"), or in a sentence placed at
    another town than the report's event ("وتتهم الفصائل قسد بقصف منبج، وقسد تنفي" in a
    report of a strike 25 km away; a capital or a province names a government or a region
    there: "بعد اتهامات من دمشق")."""
    perpetrators = [m for m in doc.actors if m.role == "perpetrator"]
    denials = any(m.certainty == "denied" for m in doc.actors)
    if not perpetrators and not denials:
        return list(doc.actors)
    home = home_country(doc.places)
    sentences = _sentences(doc.text)
    starts = [a for a, _ in sentences]

    def inside(m: ActorMention, spans: list[tuple[int, int]]) -> bool:
        return any(x <= m.span[0] < y for x, y in spans)
    # an earlier event: a running total, a past month, a sentence dated days before
    # ("وكانت قسد قد اتهمت تركيا بالقصف" may tell of this event's earlier hours); only the
    # sentences that blame someone are read
    blaming = list(dict.fromkeys(sentences[k] for m in perpetrators
                                 if (k := bisect.bisect_right(starts, m.span[0]) - 1) >= 0))
    folded = {span: fold_text(doc.text[span[0]:span[1]]) for span in blaming}
    told_before = [span for span in blaming if _background_folded(folded[span])
                   and (not _opens_background(folded[span]) or _dated_earlier(doc, span))]
    # a background sentence naming a past week or month ("وكانت طائرات روسية قد شنت الأسبوع
    # الماضي غارات ...") tells of another event, whoever else the report blames
    long_before = [span for span in blaming if _opens_background(folded[span])
                   and (names_past_month(folded[span]) or _names_past_period(folded[span]))]
    # attackers of earlier events ("ومنذ بداية العام قتلت الغارات الروسية 40 مدنياً", "وفي
    # شباط الماضي قصفت تركيا القرية") are not this event's, when the report blames someone else
    if any(not inside(m, told_before) for m in perpetrators):
        actors = [m for m in doc.actors if not (m.role == "perpetrator" and inside(m, told_before + long_before))]
    else:
        actors = [m for m in doc.actors if not (m.role == "perpetrator" and inside(m, long_before))]
    # the attackers of the event told as going on meanwhile ("قصف طيران النظام سرمين بالتزامن مع
    # غارات روسية على قرية جوباس") are that event's, when the report blames someone for its own
    meanwhile = {m.span for m in actors if m.role == "perpetrator" and _in_meanwhile_clause(doc.text, m, elsewhere)}
    if any(m.role == "perpetrator" and m.span not in meanwhile for m in actors):
        actors = [m for m in actors if m.span not in meanwhile]
    if not any(a.certainty == "denied" for a in actors):
        return actors
    background = [(a, b) for a, b in sentences if is_background(doc.text[a:b])]
    other = background + [(a, b) for a, b in sentences
                          if main is not None and (place := _sentence_place(doc, (a, b), home, elsewhere)) is not None
                          and coarseness(place) == 0 and distance_km(place, main) > ELSEWHERE_KM]
    return [a for a in actors if a.certainty != "denied" or not inside(a, other)]


def _in_meanwhile_clause(text: str, m: ActorMention, elsewhere: _Elsewhere) -> bool:
    """The actor is named in a clause telling of another event going on meanwhile, before the
    place of that event in the same clause ("بالتزامن مع غارات روسية على قرية جوباس")."""
    return is_concurrent(text, m) and any(
        m.span[1] <= a and not _CLAUSE_BREAK.search(text, m.span[1], a)
        and len(text[m.span[1]:a].split()) < CONCURRENT_REACH for a, _ in elsewhere.concurrent)


_CLAUSE_BREAK = re.compile(r"[،,.؛;:\n]")


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences of a report's text, split once for the rules of ``candidates`` that read
    them all (the actors of current events, other strikes' asides, loose sites)."""
    return tuple(split_sentences(text))


def _loose_sites(doc: Document, figured: list[tuple[int, int]]) -> list[SiteMention]:
    """Sites named in sentences without figures, which belong to the article's main event
    unless the sentence is background ("وكانت الطائرات قد قصفت ...")."""
    loose = [site for site in doc.sites if not any(a <= site.span[0] < b for a, b in figured)]
    if not loose:
        return []
    sentences = _sentences(doc.text)
    return [site for site in loose
            if not any(a <= site.span[0] < b and is_background(doc.text[a:b]) for a, b in sentences)]


def _own_date(doc: Document, sentences: list[tuple[int, int]]) -> EventDate | None:
    """The date a round-up's other event's sentences give it ("وفي ريف حلب مساء أمس ..."),
    else the article's."""
    for start, end in sentences:
        found = event_date(doc.text[start:end], doc.published)
        if found is not None and found.text and found.span is not None:
            return replace(found, span=(found.span[0] + start, found.span[1] + start))
    return doc.event_date


def _apart(a: PlaceMention, b: PlaceMention) -> bool:
    """Far enough apart to be another event: beyond ``SPLIT_KM`` and in another governorate
    (one night's wave across one governorate stays one incident)."""
    return distance_km(a, b) > SPLIT_KM and (a.admin1 != b.admin1 or a.country != b.country)


def _earlier_sentences(doc: Document, end: int) -> list[tuple[int, int]]:
    """The sentences before ``end`` that recall an earlier event: opening with a background word
    ("وكانت إسرائيل قد استهدفت ...") or naming a past month ("إذ قُتل في أيار الماضي ...")."""
    spans = split_sentences(doc.text[:end])
    return [(a, b) for a, b in spans if _opens_background(f := fold_text(doc.text[a:b])) or names_past_month(f)]


def _lead_end(doc: Document) -> int:
    """End offset of the title and first paragraphs: where an article names its main event."""
    pos = paragraphs = 0
    for line in doc.text.splitlines(keepends=True):
        pos += len(line)
        if line.strip():
            paragraphs += 1
            if paragraphs > LEAD_SENTENCES:
                break
    return pos


def coarseness(p: PlaceMention) -> int:
    """How little a place pins an event down: 0 a village or site ... 4 a country.

    A governorate seat named bare ("قصف على إدلب") usually stands for its province, so it
    ranks after the villages an article names."""
    order = {"point": 0, "town": 0, "district": 2, "governorate": 3, "country": 4}
    return order.get(p.precision, 3) + (1 if p.near or is_seat(p) else 0)


def is_village(p: PlaceMention) -> bool:
    """A village, town or site, or the edge of one ("أطراف قرية X", "قرب بلدة X"): a place
    that pins an event down; the surroundings of a governorate's seat stand for its province."""
    return coarseness(p) == 0 or (p.near and p.precision == "district" and not _same_name(p.name_en, p.admin1))


def is_seat(p: PlaceMention) -> bool:
    """A governorate's capital, whose name is also the governorate's ("Idlib", "Hama")."""
    return p.precision == "town" and _same_name(p.name_en, p.admin1)


@lru_cache(maxsize=4096)
def _same_name(name: str, admin1: str | None) -> bool:
    """Whether two romanizations name the same place: "Ar Raqqah" / "Raqqa", "Dar‘ā" / "Daraa",
    "Al Qunayţirah" / "Quneitra" (compared by their consonants, article and diacritics left out)."""
    return bool(admin1) and _skeleton(name) == _skeleton(admin1)


def _skeleton(name: str) -> str:
    letters = "".join(ch for ch in unicodedata.normalize("NFKD", name.lower()) if "a" <= ch <= "z" or ch == " ")
    words = letters.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    word = "".join(words)
    word = re.sub(r"^(?:al|el)(?=[a-z]{3})", "", word).removesuffix("h")
    consonants = re.sub(r"[aeiouy]", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", word[:1] + consonants)


_ARTICLES = frozenset(("al", "el", "ar", "as", "ad", "ash", "at", "az", "an"))


def home_country(places: tuple[PlaceMention, ...]) -> str | None:
    """The country most of a report's places are in (its country names left out)."""
    counts = Counter(p.country for p in places if p.precision != "country")
    return counts.most_common(1)[0][0] if counts else None


def _abroad_only(doc: Document, span: tuple[int, int], home: str | None, elsewhere: _Elsewhere) -> bool:
    """The sentence names places, all of them outside the report's country, leaving out the
    victims' homes ("9 شهداء معظمهم من عائلات عراقية نازحة من مدينة القائم": a toll at home)."""
    inside = [p for p in _places_in(doc, span) if p.precision != "country" and p.span not in elsewhere.origins]
    return bool(inside) and home is not None and all(p.country != home for p in inside)


def _sentence_place(doc: Document, span: tuple[int, int], home: str | None,
                    elsewhere: _Elsewhere) -> PlaceMention | None:
    """The finest place a sentence names in the report's country, not where its wounded were
    taken ("نُقلوا إلى مشفى في مدينة الطبقة"): a dateline or a capital abroad ("موسكو",
    "أنقرة") or a hospital's town starts no event of a round-up. None when the finest is the
    victims' home ("مقتل امرأة وطفلها من أبناء مدينة معرة النعمان"): the sentence tells of
    where they came from, not of another place's event."""
    inside = [p for p in _places_in(doc, span) if p.precision != "country"
              and home in (None, p.country) and p.span not in elsewhere.treated
              and p.span not in elsewhere.vantages and p.span not in elsewhere.concurrent
              and not _dateline(doc.text, p)]
    finest = min(inside, key=lambda p: (coarseness(p), p.span[0])) if inside else None
    return None if finest is None or finest.span in elsewhere.origins else finest
