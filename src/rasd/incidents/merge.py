"""Grouping candidate events across articles into incidents.

Two candidates are one incident when
- they are news of the same day (published the same day), or a later report puts the event
  on the cluster's days ("فجر أمس" in one report, "ليل الثلاثاء – الأربعاء" in another) at
  the same or a nearby place and with figures that agree (``cross_day_figures``); a report dated well before its publication (background, a
  misread weekday) is placed at its publication instead;
- their places agree: the same gazetteer place, places within ``same_place_km``, or the
  same governorate when one of them only names an area; a report that names no place
  joins the day's best-supported cluster;
- they do not state their figures at two different villages more than ``villages_apart_km``
  apart, neither naming the other's (two strikes on a busy day, though within the radius),
  nor at two different villages with tolls that disagree (``same_tolls``) or at hours that
  do not neighbour (``_other_hours``: a strike in the morning, another in the evening), nor
  at two catalogued villages more than ``neighbours_km`` apart that neither names
  (``_apart_unbridged``), whatever their tolls;
- a later report with no toll of its own joins when it mourns the victims or a party answers
  for the attack (``_follow_up``), and within ``FOLLOW_UP_DAYS`` even dated to its own day or
  undated (``_looks_back``);
- their perpetrators do not conflict (attackers of different camps, ``data/camps.json``),
  unless their places agree closely.
Candidates are taken in date order and each joins the best-scoring cluster of nearby days
or starts a new one: blocking by day keeps the cost near-linear in the number of reports.
A round-up's other events (a sentence each) are placed only once the full reports have
formed the incidents, so that a passing mention neither shifts an incident's places and
attackers nor bridges two incidents.
A report left alone at the end (its places matched no incident of its day: a misread place,
a page naming many towns) joins its day's incident when only one fits its perpetrators, or
the nearest one within ``orphan_km``: most reports of a day are about that day's incidents;
not one that states its figures at another village than the incident's with dead against none,
at hours that do not neighbour, or with a toll of another order (``_plainly_another_attack``).
Nor one whose reporters say nobody was hurt at its place (``_unharmed``) into an incident with
casualties: a party denying the toll is of the incident, a reporter seeing none is not.
A lone report naming no place (a belligerent's statement: "ضربة في شمال غرب سوريا أمس") may
also join an incident published on a day it dates its event to.

The thresholds are ``MergeSettings``; override them key by key
(``MergeSettings(same_place_km=10)``, ``build_incidents(docs, settings=...)``).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields, replace
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from rasd.incidents.events import Candidate, coarseness, distance_km, is_village
from rasd.incidents.grade import speaks_for
from rasd.model import EventDate, PlaceMention
from rasd.text.dates import adjacent_times, marks_past, month_words, time_of_day
from rasd.text.normalize import fold_term


@dataclass(frozen=True)
class MergeSettings:
    """How close two reports must be to be one incident."""
    same_place_km: float = 25.0        # the tolerance ACLED users and the Airwars record use for "the same place"
    stale_days: int = 2                # an event date this much before publication is not the report's news
    places_compared: int = 3           # a report's leading places that locate it (a fuller gazetteer finds the province and district before the village)
    perpetrator_conflict: float = 0.45 # place agreement lost when the attackers are of different camps
    cross_day_place: float = 0.95      # place agreement a report from another day needs (same place or nearby)
    orphan_km: float = 50.0            # how far a lone report may be from the day's incident it joins
    villages_apart_km: float = 15.0    # two villages, each with its own figures, this far apart are two attacks
    cross_day_figures: float = 3.5     # how many times another day's toll may differ from the incident's
    neighbours_km: float = 5.0         # catalogued villages this close may be one strike told from either

    @classmethod
    def from_mapping(cls, values: dict[str, object]) -> MergeSettings:
        """Defaults overridden by ``values`` (e.g. parsed ``key=value`` options); unknown keys are errors."""
        known = [f.name for f in fields(cls)]
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ValueError(f"unknown merge setting(s): {', '.join(unknown)}; known: {', '.join(known)}")
        defaults = cls()
        return cls(**{k: type(getattr(defaults, k))(v) for k, v in values.items()})


DEFAULT_SETTINGS = MergeSettings()
NEARBY_DAYS = 3      # a report is compared with the clusters of its day and of this many days around it

Graded = tuple[PlaceMention, bool]     # a place, and whether it only names an area (province, seat, "ريف X",
                                       # a village the gazetteer lacks, coded at its area)


def place_key(p: PlaceMention) -> str:
    """One place however it is written: its gazetteer id (its English name if it has none)."""
    return p.gazetteer_id or p.name_en


def graded(places: list[PlaceMention]) -> list[Graded]:
    return [(p, coarseness(p) > 0 or not p.listed) for p in places]


def reported_days(c: Candidate, settings: MergeSettings = DEFAULT_SETTINGS) -> tuple[dt.date, dt.date] | None:
    """The days the report dates its event to.

    A date well before publication is background or a misread weekday ("الاثنين" read as last
    week's Monday), unless written out to its year, and a date after publication a misprint
    ("الثلاثاء 22 كانون الثاني/نوفمبر" in a report of the 15th): both give way to the
    publication date."""
    published = c.published
    if published is None:
        return (c.date.start, c.date.end) if c.date is not None else None
    if (c.date is not None and (c.date.end >= published - dt.timedelta(days=settings.stale_days)
                                or _written_out(c.date, published))
            and c.date.start <= published + dt.timedelta(days=1)):
        return c.date.start, c.date.end
    return published, published


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DAY_OF_MONTH = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)\s*(?:من\s+)?(?:شهر\s+)?(\w+)")


MONTH_DAYS = 31     # a day of the month without a year is of the month before publication at most


def _written_out(date: EventDate, published: dt.date) -> bool:
    """The date is written out to its year, or to its day of the month within the month before
    publication ("ليل 26 تشرين الثاني/نوفمبر 2023", "يوم الإثنين 16 تشرين الأول" three days
    on), or said to be a past day ("يوم الاثنين الفائت"): a review or a later account of that
    day's event, not a misread weekday (nor a misprinted day read as last year's)."""
    folded = fold_term(date.text)                      # folding writes ٢٠٢٣ as 2023
    return _YEAR.search(folded) is not None or marks_past(folded) \
        or (published - date.end).days <= MONTH_DAYS \
        and any(m.group(1) in month_words() for m in _DAY_OF_MONTH.finditer(folded))


def span(c: Candidate, settings: MergeSettings = DEFAULT_SETTINGS) -> tuple[dt.date, dt.date] | None:
    """The days a report may share with another report of its event: those it dates the event
    to, through its publication day (news of last night is published today)."""
    days = reported_days(c, settings)
    if days is None or c.published is None or days[1] < c.published - dt.timedelta(days=settings.stale_days):
        return days                                # a review of an event weeks before, dated to its year
    return days[0], max(days[1], c.published)


@dataclass(eq=False)
class Cluster:
    """Reports of one incident; what they agree on is kept up to date as reports join, so
    scoring a new report costs the same however large the cluster has grown."""
    settings: MergeSettings = DEFAULT_SETTINGS
    members: list[Candidate] = field(default_factory=list)
    core: tuple[dt.date, dt.date] | None = None      # the days every member allows, when they agree
    published: set[dt.date | None] = field(default_factory=set)   # the days its news came out
    camps: set[str] = field(default_factory=set)
    pinned: dict[str, PlaceMention] = field(default_factory=dict)   # towns members state figures at
    places: list[PlaceMention] = field(default_factory=list)   # the places most reports lead with
    graded: list[Graded] = field(default_factory=list)         # the same, each with whether it is an area
    figures: dict[str, set[int]] = field(default_factory=dict)   # kind -> the tolls members state
    hours: set[str] = field(default_factory=set)   # the parts of the day pinned members date their event to
    sides: set[str] = field(default_factory=set)   # whose dead and wounded pinned members count (``victim_sides``)
    meanwhile: set[str] = field(default_factory=set)   # villages members tell of another event at (``Candidate.meanwhile``)
    _votes: Counter[str] = field(default_factory=Counter)
    _camp_votes: Counter[str] = field(default_factory=Counter)
    _first: dict[str, PlaceMention] = field(default_factory=dict)

    def add(self, c: Candidate, located: list[PlaceMention]) -> None:
        """Take in ``c``, whose leading places (``anchors``) are ``located``."""
        self.members.append(c)
        mine = span(c, self.settings)
        if self.core is None:
            self.core = mine
        elif mine is not None and (both := _overlap(self.core, mine)) is not None:
            self.core = both
        if mine is None or c.published is None or mine[1] >= c.published:
            # a later account dated to days before its publication (a death from wounds "يوم
            # الاثنين الفائت") is no news of its publication day: that day's other reports
            # are still another day's to the incident
            self.published.add(c.published)
        for kind, values in tolls(c).items():
            self.figures.setdefault(kind, set()).update(values)
        self.meanwhile.update(place_key(p) for p in c.meanwhile)
        if c.pinned:
            lead = c.places[0]
            self.pinned[place_key(lead)] = lead
            if (part := hour_of(c)) is not None:
                self.hours.add(part)
            self.sides |= victim_sides(c)
        # The camps most reports blame: one report naming every side must not open the
        # cluster to all of them.
        for camp in camps_of(c):
            self._camp_votes[camp] += 1
        top = max(self._camp_votes.values(), default=0)
        self.camps = {camp for camp, n in self._camp_votes.items() if 2 * n >= top}
        # The leading places by vote: the union of all would let one report naming two areas
        # bridge two incidents, and clusters would keep growing.
        compared = self.settings.places_compared
        for rank, p in enumerate(located):
            key = place_key(p)
            self._votes[key] += compared - rank
            self._first.setdefault(key, p)
        self.places = [self._first[key] for key, _ in self._votes.most_common(compared)]
        self.graded = graded(self.places)

    def day(self) -> dt.date | None:
        return self.core[1] if self.core else None


@cache
def _camps() -> dict[str, str]:
    data = json.loads((Path(__file__).parent / "data" / "camps.json").read_text(encoding="utf-8"))
    return {actor: camp for camp, actors in data["camps"].items() for actor in actors}


def camp_of(actor: str) -> str:
    """The side an actor fights on (itself when the catalog of camps does not list it)."""
    return _camps().get(actor, actor)


def camps_of(c: Candidate) -> set[str]:
    return {camp_of(a) for a, _ in c.perpetrators}


def tolls(c: Candidate) -> dict[str, set[int]]:
    """The killed and injured figures a report states for its event (no denials, parts or
    running totals)."""
    out: dict[str, set[int]] = {}
    for s in c.claims:
        claim = s.claim
        if claim.kind != "strikes" and not (claim.denial or claim.breakdown or claim.combined) and claim.min:
            out.setdefault(claim.kind, set()).add(claim.min)
    return out


def figures_agree(mine: dict[str, set[int]], theirs: dict[str, set[int]], ratio: float,
                  combined: set[int] = frozenset()) -> bool:
    """Some killed (else injured) figure of each side within ``ratio`` times the other, or 2
    apart; or a count of the killed and injured together (``combined``: "قتل وأصيب 16") within
    2 of some killed and injured figures of the other side added. Sources of one strike
    disagree widely (a monitor's 40 against a hospital's 13) and tolls rise as the dead are
    counted, so the test is loose; a report that states no figure, or a toll of another order,
    is another strike on the same town."""
    for kind in ("killed", "injured"):
        if mine.get(kind) and theirs.get(kind):
            return any(abs(a - b) <= 2 or max(a, b) <= ratio * min(a, b)
                       for a in mine[kind] for b in theirs[kind])
    return any(abs(n - (k + i)) <= 2 for n in combined
               for k in theirs.get("killed", ()) for i in theirs.get("injured", ()))


def combined_counts(c: Candidate) -> set[int]:
    """The counts of the killed and injured together a report states ("قتل وأصيب 16 مدنياً")."""
    return {s.claim.min for s in c.claims if s.claim.combined and s.claim.min and not s.claim.denial}


def same_tolls(mine: dict[str, set[int]], theirs: dict[str, set[int]]) -> bool:
    """Both sides tell of dead, or neither does, and some killed (else injured) figure of
    each is within 1, or 1.5 times, of the other's: what reports of one attack that name
    different villages state; two attacks on neighbouring villages leave different tolls."""
    if bool(mine.get("killed")) != bool(theirs.get("killed")):
        return False
    stated = [kind for kind in ("killed", "injured") if mine.get(kind) and theirs.get(kind)]
    return bool(stated) and all(
        any(abs(a - b) <= 1 or max(a, b) <= 1.5 * min(a, b) for a in mine[kind] for b in theirs[kind])
        for kind in stated)


def victim_sides(c: Candidate) -> set[str]:
    """Whose casualties a report counts: "civilians", "fighters" (no denials, parts or totals)."""
    return {s.claim.group_kind for s in c.claims if s.claim.kind != "strikes" and s.claim.group_kind != "unknown"
            and not (s.claim.denial or s.claim.breakdown or s.claim.cumulative)}


def _other_victims(c: Candidate, cluster: Cluster) -> bool:
    """``c`` counts only civilians where the cluster's village reports count only fighters, or
    the reverse: other people hit, not another count of the same ones."""
    mine = victim_sides(c)
    return len(mine) == 1 and len(cluster.sides) == 1 and mine != cluster.sides


def hour_of(c: Candidate) -> str | None:
    """The part of the day a report dates its event to ("فجر اليوم" -> dawn), if it says."""
    return time_of_day(c.date.text) if c.date is not None and c.date.text else None


def _another_attack(c: Candidate, cluster: Cluster) -> bool:
    """``c`` states its figures at another village than those the cluster's reports state
    theirs at, with a toll that disagrees (``same_tolls``), at hours that do not neighbour
    theirs, or with victims of the other side: another strike of a busy day."""
    return (c.pinned and bool(cluster.pinned) and place_key(c.places[0]) not in cluster.pinned
            and (not same_tolls(tolls(c), cluster.figures) or _other_hours(c, cluster) or _other_victims(c, cluster)
                 or _apart_unbridged(c, cluster)))


def _told_apart(c: Candidate, cluster: Cluster) -> bool:
    """``c`` tells of the cluster's village as the scene of another event going on meanwhile
    ("غارة على ملح بالتزامن مع غارات عرمان"), or the cluster's reports tell of ``c``'s village
    so: two events of one day, however near the villages are."""
    if not c.places:
        return False
    lead = place_key(c.places[0])
    theirs = set(cluster.pinned) | {place_key(p) for p in cluster.places[:1]}
    if lead in theirs:
        return False
    return any(place_key(p) in theirs for p in c.meanwhile) or lead in cluster.meanwhile


def _same_village_stated(c: Candidate, cluster: Cluster) -> bool:
    """``c`` states its figures at a village the gazetteer lacks where the cluster's reports
    state theirs, in the same governorate: the place agrees, though such a village never
    locates a report among its leading places (``anchors``) when it names a listed one."""
    lead = c.places[0] if c.pinned else None
    same = cluster.pinned.get(place_key(lead)) if lead is not None and not lead.listed else None
    return same is not None and same.admin1 == lead.admin1 and same.country == lead.country


def _apart_unbridged(c: Candidate, cluster: Cluster) -> bool:
    """``c`` and the cluster's reports state their figures at catalogued villages more than
    ``neighbours_km`` apart, and none of them names the other's: two strikes of a busy day,
    whatever their tolls (one raid on two villages is told by naming both). A village the
    gazetteer lacks is placed only at its area, and may be the other's own village spelt
    another way."""
    if not c.places[0].listed or not all(p.listed for p in cluster.pinned.values()):
        return False
    if place_key(c.places[0]) in {place_key(p) for m in cluster.members for p in m.places} \
            or {place_key(p) for p in c.places} & set(cluster.pinned):
        return False                               # one names the other's village: one wave
    return min(distance_km(c.places[0], p) for p in cluster.pinned.values()) > cluster.settings.neighbours_km


def _unharmed(c: Candidate) -> bool:
    """The report's own reporters say nobody was hurt ("اقتصرت الأضرار على الماديات", "لم
    تُسجّل إصابات") and it gives no other figure: what was seen at another strike, not a
    party denying the day's toll."""
    stated = [s.claim for s in c.claims if s.claim.kind != "strikes"]
    return bool(stated) and all(claim.denial and not claim.max and claim.source.actor is None
                                and claim.source.kind not in ("official", "state_media")
                                for claim in stated)


def _harmed(cluster: Cluster) -> bool:
    return any(cluster.figures.get(kind) for kind in ("killed", "injured"))


def _plainly_another_attack(c: Candidate, cluster: Cluster) -> bool:
    """``_another_attack`` on its plainest signs: dead against none, hours that do not
    neighbour, or a toll of another order (no figure within ``cross_day_figures`` times the
    incident's: 2 dead against 10). A lone report is kept out of its day's incident only on
    these: the lone report is most often about the day's known attack, and its figures may
    simply differ."""
    mine, theirs = tolls(c), cluster.figures
    far_apart = any(mine.get(kind) and theirs.get(kind) for kind in ("killed", "injured")) \
        and not figures_agree(mine, theirs, cluster.settings.cross_day_figures)
    return _another_attack(c, cluster) and (
        bool(mine.get("killed")) != bool(theirs.get("killed")) or _other_hours(c, cluster) or far_apart)


def _other_hours(c: Candidate, cluster: Cluster) -> bool:
    """``c`` dates its event to a part of the day that neighbours none of those the cluster's
    village reports give (a strike in the morning and another in the evening)."""
    part = hour_of(c)
    return part is not None and bool(cluster.hours) and not any(adjacent_times(part, h) for h in cluster.hours)


def _first_word(c: Candidate, cluster: Cluster, days: tuple[dt.date, dt.date],
                core: tuple[dt.date, dt.date]) -> bool:
    """One side is the news of the day itself, with no toll yet ("هزت انفجارات مدينة الميادين
    مساء اليوم"), published on the day the other side's later reports date the event to: the
    first word of that event, which the figures test (meant for the next day's strike on the
    same town) would keep apart."""
    def on(day: dt.date | None, span_: tuple[dt.date, dt.date]) -> bool:
        return day is not None and span_[0] <= day <= span_[1]
    return (not tolls(c) and on(c.published, core)) \
        or (not cluster.figures and all(on(m.published, days) for m in cluster.members))


FOLLOW_UP_DAYS = 3   # how long after an incident a follow-up that gives no date of its own may come


def _looks_back(c: Candidate, cluster: Cluster, core: tuple[dt.date, dt.date]) -> bool:
    """``c``, published within ``FOLLOW_UP_DAYS`` after the cluster's days, tells of that
    incident though it dates nothing to them: it mourns its victims (a funeral "اليوم" is the
    funeral's day) or, giving no date at all, counts the same dead (a relative's interview)."""
    if c.split_off or c.published is None \
            or not core[1] < c.published <= core[1] + dt.timedelta(days=FOLLOW_UP_DAYS):
        return False                 # (a round-up's passing sentence is no follow-up)
    if _follow_up(c, cluster):
        return True
    undated = c.date is None or not c.date.text
    same_dead = {n for n in tolls(c).get("killed", set()) if n > 1} & cluster.figures.get("killed", set())
    return undated and bool(same_dead)


def _follow_up(c: Candidate, cluster: Cluster) -> bool:
    """``c`` is a later report that speaks of the victims of an attack without a toll (a
    funeral, their names, a condemnation of the massacre: ``Candidate.mourns``), or a party's
    statement denying or claiming it, with no toll ("نفى المركز الإعلامي لقوات سوريا
    الديمقراطية أي علاقة لقواته بالقصف على مارع"), and the cluster's reports count dead: news of
    that attack, not another strike on the same town (a report of strikes with no toll names no
    victims and no party answering for them)."""
    answers = not tolls(c) and any(cert in ("denied", "claimed") for _, cert in c.perpetrators)
    return (c.mourns or answers) and bool(cluster.figures.get("killed")) \
        and all(m.published is not None and c.published is not None and m.published < c.published
                for m in cluster.members)


Names = dict[tuple[str, str], PlaceMention]    # (folded name, country) -> a village of that name


def village_names(places: Iterable[PlaceMention]) -> Names:
    """The listed villages among ``places`` by their folded name (``_as_named_by``)."""
    return {(fold_term(p.text), p.country): p for p in places if is_village(p) and p.listed}


def _as_named_by(c: Candidate, named: Names) -> Candidate:
    """``c`` with each village it names bare (``_bare``) replaced by the village of the same
    name in ``named``, when that is another of the name's places. Many villages share a name
    ("الحميدية" in Tartus, Quneitra, Homs ...); a local page that names only the village leaves
    the gazetteer a guess, which the reports that name the village with its province settle,
    as a reader would."""
    if not named:
        return c

    def read(p: PlaceMention) -> PlaceMention:
        theirs = named.get((fold_term(p.text), p.country))
        if theirs is not None and place_key(theirs) != place_key(p) and is_village(p) and _bare(p, c):
            return replace(theirs, text=p.text, span=p.span, near=p.near, settlement=p.settlement)
        return p
    places, headline = tuple(map(read, c.places)), tuple(map(read, c.headline_places))
    return c if (places, headline) == (c.places, c.headline_places) else replace(c, places=places, headline_places=headline)


def _bare(p: PlaceMention, c: Candidate) -> bool:
    """``c`` names no other place of ``p``'s governorate: nothing in the report chose ``p``
    among the places of its name."""
    return not any(q.admin1 == p.admin1 and q.country == p.country and place_key(q) != place_key(p)
                   for q in c.places)


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date] | None:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def anchors(c: Candidate, compared: int = DEFAULT_SETTINGS.places_compared) -> list[PlaceMention]:
    """The places that locate a report: its first named places in its main country.

    Places abroad in a report about Syria are datelines ("بيروت (رويترز)"), capitals that
    react, or related links, rarely where the attack was. A report that states no figure (a
    statement, a denial, a page of links) is located by its headline's place alone: its body
    names places for other reasons. A party's own statement claiming or denying the attack,
    under a headline that names no place ("نشرة مركز المصالحة ...": "وجّهت أمس ضربة إلى ورشة
    في ضواحي بلدة أريحا"), is located by the first place it names.
    """
    placed = [p for p in c.places if p.precision != "country"]
    # A village the gazetteer lacks locates a report only when it names no other place.
    named = [p for p in placed if p.listed] or placed
    if not c.claims:
        own_word = any(cert in ("denied", "claimed") and speaks_for(c.outlet, actor) for actor, cert in c.perpetrators)
        return list(c.headline_places[:1] or (named[:1] if own_word else ()))
    home = Counter(p.country for p in named).most_common(1)[0][0] if named else None
    seen: dict[str, PlaceMention] = {}
    for p in named:
        key = place_key(p)
        if p.country == home and (key not in seen or p.settlement and not seen[key].settlement):
            seen[key] = p           # a mention as the city ("بمدينة إدلب") tells more than the bare name
    return list(seen.values())[:compared]


@dataclass
class _Grouping:
    """One run of grouping under one set of settings."""
    settings: MergeSettings
    _located: dict[int, list[PlaceMention]] = field(default_factory=dict)

    def located(self, c: Candidate) -> list[PlaceMention]:
        """``c``'s anchors, read once per run: ordering, scoring and voting all use them."""
        if id(c) not in self._located:
            self._located[id(c)] = anchors(c, self.settings.places_compared)
        return self._located[id(c)]

    def forget(self, c: Candidate) -> None:
        """Drop ``c``'s anchors once it can no longer move (a windowed run lets candidates go,
        and a new one may then reuse its ``id``)."""
        self._located.pop(id(c), None)

    def place_score(self, mine: list[Graded], theirs: list[Graded]) -> float | None:
        """How well two sets of places agree: 1 the same place, down to 0.2 the same governorate;
        None when they name places in different areas; 0.1 when either names none.

        When both name villages or sites, only those are compared: two villages 40 km apart are
        two events even if both reports also say "ريف إدلب" or name the province's seat."""
        if not mine or not theirs:
            return 0.1
        sharp_mine = [g for g in mine if not g[1]]
        sharp_theirs = [g for g in theirs if not g[1]]
        if sharp_mine and sharp_theirs:
            mine, theirs = sharp_mine, sharp_theirs
        km = self.settings.same_place_km
        best: float | None = None
        for a, a_area in mine:
            for b, b_area in theirs:
                area = a_area or b_area      # a province, its seat, "ريف X"
                # "محيط مدينة نوى" and "نوى" are one town (not a governorate's seat, whose
                # "ريف" is the whole province, unless both name it as the city: "بمدينة إدلب")
                if a.gazetteer_id == b.gazetteer_id and a.gazetteer_id and (
                        not area or not a.listed or is_village(a) and is_village(b) or a.settlement and b.settlement):
                    return 1.0
                d = distance_km(a, b)
                if d <= km:
                    score = 0.5 if area else 0.9 - d / (km * 4)
                elif area and a.admin1 and a.admin1 == b.admin1 and a.country == b.country:
                    score = 0.3
                else:
                    continue
                best = max(best or 0.0, score)
        return best

    def score(self, c: Candidate, mine: list[Graded], cluster: Cluster) -> float | None:
        cross_day = c.published not in cluster.published
        if cross_day:
            # A report from another day joins only when it puts the event on the cluster's days
            # and at its place: the next day's report of last night's strike, not the next
            # day's strike on the same town.
            days, core = span(c, self.settings), cluster.core
            if days is None or core is None or (_overlap(days, core) is None and not _looks_back(c, cluster, core)):
                return None
            if not figures_agree(tolls(c), cluster.figures, self.settings.cross_day_figures, combined_counts(c)) \
                    and not _first_word(c, cluster, days, core) and not _follow_up(c, cluster):
                return None
        if c.pinned and cluster.pinned and self._another_village(c, mine, cluster):
            return None
        if _another_attack(c, cluster) or _told_apart(c, cluster):
            return None
        place = 1.0 if _same_village_stated(c, cluster) else self.place_score(mine, cluster.graded)
        if place is None or (cross_day and place < self.settings.cross_day_place):
            return None
        ours, theirs = camps_of(c), cluster.camps
        if ours and theirs and not ours & theirs:
            # Reports of one attack often name the other side too (a raid and the reply to it,
            # "قصف تركي" answering "قصف لقسد"): different camps keep apart only reports that
            # do not name the same place, and a report stating its figures at another village
            # than the cluster's (shelling and the shelling that answered it, 8 km apart).
            if c.pinned and cluster.pinned and place_key(c.places[0]) not in cluster.pinned:
                return None
            place -= self.settings.perpetrator_conflict
            if place <= 0:
                return None
        # the incident pinned at the report's own lead place before one it only names in passing
        lead = 0.05 if c.pinned and place_key(c.places[0]) in cluster.pinned else 0.0
        return place + lead + (0.1 if ours & theirs else 0.0) + 0.01 * min(len(cluster.members), 10)

    def _another_village(self, c: Candidate, mine: list[Graded], cluster: Cluster) -> bool:
        """A report stating its figures at a village well away from the villages the cluster's
        reports state theirs at, the two naming no village in common: another attack on a busy
        day (two strikes 17 km apart are two incidents), though within the radius."""
        theirs = {place_key(p) for p, area in cluster.graded if not area} | set(cluster.pinned)
        ours = {place_key(p) for p, area in mine if not area} | {place_key(c.places[0])}
        if ours & theirs:
            return False
        return min(distance_km(c.places[0], p) for p in cluster.pinned.values()) > self.settings.villages_apart_km

    def order(self, c: Candidate, reported: Mapping[tuple[dt.date | None, str], int]) -> tuple:
        """Where ``c`` comes in the run (``reported``: how many reports of each publication day
        lead with each place). Reports are taken by the last day they may share; within a day,
        reports that name a village or site go first, so that they found the clusters and
        reports naming only a province join the best of them; then reports that state a toll,
        so that a statement or a page without figures does not found an incident that another
        village's reports then join; among those, the reports of the day's most reported
        places go first, so that the big incidents form before a stray report can found a
        cluster between two of them."""
        located = self.located(c)
        specificity = min((coarseness(p) for p in located), default=9)
        support = max((reported.get((c.published, place_key(p)), 0) for p in located), default=0)
        return (span(c, self.settings) or (dt.date.min,) * 2)[1], specificity, not tolls(c), -support, c.doc_id

    def reported(self, candidates: Iterable[Candidate]) -> Counter[tuple[dt.date | None, str]]:
        """How many of the reports of each publication day lead with each place (``order``)."""
        counts: Counter[tuple[dt.date | None, str]] = Counter()
        for c in candidates:
            for p in self.located(c):
                counts[c.published, place_key(p)] += 1
        return counts

    def group(self, candidates: list[Candidate]) -> list[Cluster]:
        reported = self.reported(candidates)
        ordered = sorted(candidates, key=lambda c: self.order(c, reported))
        clusters = self.adopt_orphans(self._join([c for c in ordered if not c.split_off], []))
        # A round-up's other events, a sentence each, are placed once the full reports have
        # formed the incidents: a passing mention must not shift an incident's places or
        # attackers, nor bridge two incidents.
        return self._join([c for c in ordered if c.split_off], clusters)

    def _join(self, ordered: list[Candidate], clusters: list[Cluster]) -> list[Cluster]:
        """Each candidate joins the best-scoring cluster of nearby days or founds one."""
        by_day: dict[dt.date | None, list[Cluster]] = defaultdict(list)
        for cl in clusters:
            by_day[cl.day()].append(cl)
        for c in ordered:
            founded = self.join(c, by_day)
            if founded is not None:
                clusters.append(founded)
        return clusters

    def join(self, c: Candidate, by_day: dict[dt.date | None, list[Cluster]]) -> Cluster | None:
        """``c`` into the best-scoring cluster of ``by_day`` (clusters by day) within
        ``NEARBY_DAYS`` of its day; the cluster it founds (filed under its day), if none fits."""
        days = span(c, self.settings)
        nearby = by_day.get(None, []) if days is None else list(dict.fromkeys(
            cl for k in range(-NEARBY_DAYS, NEARBY_DAYS + 1)
            for cl in by_day.get(days[1] + dt.timedelta(days=k), ())))
        mine = graded(self.located(c))
        placed = village_names(p for p in c.places if not _bare(p, c))    # the villages c names with their province
        scored = []
        for cl in nearby:
            read, seen = self._homonyms_settled(c, placed, cl)
            ours = mine if read is c else graded(anchors(read, self.settings.places_compared))
            if (s := self.score(read, ours, seen)) is not None:
                scored.append((s, cl, read, seen))
        founded = None
        if scored:
            original = c
            _, best, c, seen = max(scored, key=lambda sc: sc[0])
            if c is not original:
                # ``c`` re-read with the cluster's villages joins in its place: the anchors cached
                # under the original's id would outlive it, and a later candidate given the same
                # id would read them as its own
                self.forget(original)
            if seen is not best:
                vars(best).update(vars(seen))    # the cluster re-read, under its own identity
        else:
            best = founded = Cluster(self.settings)
            by_day.setdefault(days[1] if days else None, []).append(best)
        best.add(c, self.located(c))        # a member: its id stays its own while the run lasts
        return founded

    def _homonyms_settled(self, c: Candidate, placed: Names, cluster: Cluster) -> tuple[Candidate, Cluster]:
        """``c`` and ``cluster`` with the villages one names bare read as the other's villages of
        the same name (``_as_named_by``; ``placed``: the villages ``c`` names with their
        province): the cluster's members are re-read, only when its places hold such a
        namesake, so scoring stays as cheap however large the cluster. New objects are never
        cached (``located``): one dropped may leave its id to another."""
        theirs = village_names(cluster.places)
        read = _as_named_by(c, theirs)
        if read is not c or not any(place_key(placed[name]) != place_key(q) for name, q in theirs.items() if name in placed):
            return read, cluster
        members = [_as_named_by(m, placed) for m in cluster.members]
        if all(m is n for m, n in zip(members, cluster.members)):
            return c, cluster
        settled = Cluster(self.settings)
        for m in members:
            settled.add(m, anchors(m, self.settings.places_compared))
        return c, settled

    def adopt_orphans(self, clusters: list[Cluster]) -> list[Cluster]:
        """Lone reports join their publication day's incident when one fits (module docstring)."""
        by_published: dict[dt.date | None, list[Cluster]] = defaultdict(list)
        for cl in clusters:
            if len(cl.members) > 1:
                for day in cl.published:
                    by_published[day].append(cl)
        kept = []
        for cl in clusters:
            if len(cl.members) > 1 or not self.adopt(cl.members[0], by_published):
                kept.append(cl)
        return kept

    def adopt(self, c: Candidate, by_published: Mapping[dt.date | None, list[Cluster]]) -> bool:
        """A lone report into its publication day's incident (``by_published``: the clusters
        of more than one report by each day they were published on), if one fits."""
        home = self._home_for(c, by_published)
        if home is not None:
            home.add(c, self.located(c))
        return home is not None

    def _home_for(self, c: Candidate, by_published: Mapping[dt.date | None, list[Cluster]]) -> Cluster | None:
        if c.published is None:
            return None
        ours = camps_of(c)
        mine = self.located(c)
        days = [c.published]
        if not mine and (reported := span(c, self.settings)) is not None:
            # A statement that names no place ("في شمال غرب سوريا") published the day after
            # the strike it tells of: the incidents of the days it dates its event to.
            days = [reported[0] + dt.timedelta(days=k) for k in range((reported[1] - reported[0]).days + 1)]
        nearby = list(dict.fromkeys(cl for day in days for cl in by_published.get(day, ())))
        fitting = [cl for cl in nearby if (not ours or not cl.camps or ours & cl.camps)
                   and not (mine and _unharmed(c) and _harmed(cl))]
        if c.pinned:
            # A report that states its figures at a town of its own is another attack, unless
            # a fitting incident is near it in the same governorate.
            regions = {(p.country, p.admin1) for p in mine if p.admin1}
            fitting = [cl for cl in fitting if regions & {(p.country, p.admin1) for p in cl.places}
                       and not _plainly_another_attack(c, cl)]
        elif len(fitting) == 1:
            return fitting[0]
        gap = {id(cl): min((distance_km(a, b) for a in mine for b in cl.places), default=float("inf"))
               for cl in fitting}
        nearest = min(fitting, key=lambda cl: gap[id(cl)], default=None)
        return nearest if nearest is not None and gap[id(nearest)] <= self.settings.orphan_km else None


def group(candidates: list[Candidate], settings: MergeSettings = DEFAULT_SETTINGS) -> list[Cluster]:
    """Clusters of candidates that report the same incident."""
    return _Grouping(settings).group(candidates)
