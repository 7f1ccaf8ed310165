"""Incidents: many documents' claims grouped into attacks, with reconciled figures."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from rasd.extract.actors import combine_certainty
from rasd.extract.claims import denies_casualties
from rasd.incidents.events import Candidate, candidates, home_country
from rasd.incidents.grade import grade, independent_sources
from rasd.incidents.location import choose_location
from rasd.incidents.merge import DEFAULT_SETTINGS, Cluster, MergeSettings, group, reported_days
from rasd.incidents.reconcile import contradictions, figure, per_source, spread
from rasd.model import (ActorAttribution, Certainty, Contradiction, Document, EventDate, Figure, Incident,
                        Location, PlaceMention, SiteFigure, SourcedClaim)
from rasd.text.dates import adjacent_times, time_of_day, times_of_day
from rasd.text.normalize import fold_term

__all__ = ["MergeSettings", "build_incidents", "incident_of"]


def build_incidents(docs: Iterable[Document], settings: MergeSettings = DEFAULT_SETTINGS) -> list[Incident]:
    """Group the documents' candidate events into incidents and reconcile each."""
    docs = list(docs)
    by_id = {d.doc_id: d for d in docs}
    clusters = group([c for d in docs for c in candidates(d)], settings)
    return _unique_ids([incident_of(cl, by_id) for cl in clusters])


def incident_of(cluster: Cluster, docs: dict[str, Document]) -> Incident:
    """The reconciled incident of one group of candidate events (``docs``: their documents by
    id). ``build_incidents`` uses it for every group it forms; the store, for a group an analyst
    reshaped. The id is content-derived, not yet unique among several incidents."""
    members = cluster.members
    claims = tuple(s for c in members for s in c.claims)
    outlet_of = lambda doc_id: docs[doc_id].outlet  # noqa: E731
    rank = lambda doc_id: (docs[doc_id].published or dt.date.min, doc_id)  # noqa: E731
    figures: dict[str, Figure] = {}
    # Victims a report does not describe ("إصابة 5 أشخاص") count as civilians unless some
    # report of the incident names fighters among the casualties.
    fighters = any(s.claim.group_kind == "fighters" for s in claims if s.claim.kind != "strikes")
    civilian_kinds = ("civilians",) if fighters else ("civilians", "unknown")
    # "قُتل شخص وأصيب 3 مدنيين": a sentence that calls some victims civilians and not the
    # others does not say the others are.
    civilian_wounded = {(s.doc_id, s.claim.sentence_span) for s in claims
                        if s.claim.kind == "injured" and s.claim.group_kind == "civilians"}

    def civilian(s: SourcedClaim) -> bool:
        if s.claim.kind == "killed" and s.claim.group_kind == "unknown" \
                and (s.doc_id, s.claim.sentence_span) in civilian_wounded:
            return False
        return s.claim.group_kind in civilian_kinds
    civilian_share = _without_fighters(claims)
    found: list[Contradiction] = []
    for name, kind, civilians in (("killed", "killed", False), ("injured", "injured", False),
                                  ("strikes", "strikes", False), ("civilians_killed", "killed", True),
                                  ("civilians_injured", "injured", True)):
        if civilians:
            pool = [civilian_share.get(id(s), s) for s in claims if s.claim.kind == kind]
            pool = [s for s in pool if s is not None
                    and (s.claim.denial and s.claim.group_kind != "fighters" or civilian(s))]
        else:
            pool = [s for s in claims if s.claim.kind == kind]
        chosen = per_source(pool, outlet_of, rank)
        figures[name] = figure(chosen)
        if civilians and figures[name].best is None and figures[kind].best:
            # Every reported casualty is a fighter: no civilian among them (the contract's 0).
            figures[name] = Figure(0, 0, 0, figures[kind].basis)
        if not civilians:
            found.extend(contradictions(kind, chosen))
    if figures["civilians_injured"].best is None and not any(s.claim.kind == "injured" for s in claims):
        # "دون وقوع خسائر بشرية" and no report of any wounded: nobody was wounded either
        spared = tuple(s for s in claims if s.claim.denial and s.claim.group_kind != "fighters"
                       and denies_casualties(_claim_words(s)))
        if spared:
            figures["civilians_injured"] = Figure(0, 0, 0, spared)
    perpetrator = _attributions([(a, cert, c) for c in members for a, cert in c.perpetrators])
    perpetrator += _minor(_attributions([(a, cert, c) for c in members for a, cert in c.also_blamed]),
                          {a.actor for a in perpetrator})
    if len({a.actor for a in perpetrator if a.certainty in ("stated", "claimed")}) > 1:
        found.append(Contradiction("perpetrator", (), "sources name different perpetrators: "
                                   + ", ".join(a.actor for a in perpetrator)))
    when = _time_of_day(members)
    if when is not None:
        found.append(when)
    doc_ids = tuple(dict.fromkeys(c.doc_id for c in members))
    kind = Counter(c.event_type for c in members).most_common(1)[0][0]
    places = _places(members)
    location = choose_location(members, places[0].country if places else None)
    date = _date(members)
    graded, reasons = grade([a for a in perpetrator if not a.minor], claims,
                            independent_sources(doc_ids, claims, outlet_of))
    return Incident(
        incident_id=_incident_id(members, location, date, rank),
        event_type=kind[0], sub_event_type=kind[1],
        date=date, places=places, doc_ids=doc_ids,
        killed=figures["killed"], injured=figures["injured"], strikes=figures["strikes"],
        civilians_killed=figures["civilians_killed"], civilians_injured=figures["civilians_injured"],
        perpetrator=perpetrator,
        target=_attributions([(t, "stated", c) for c in members for t in c.targets]),
        claims=claims, contradictions=tuple(found), sites=_sites(members),
        location=location, grade=graded, grade_reasons=reasons,
    )


def _claim_words(s: SourcedClaim) -> str:
    """The words of a claim, read from its sentence (the store's briefs keep no article text)."""
    at = s.claim.sentence_span[0]
    return s.sentence[s.claim.span[0] - at:s.claim.span[1] - at]


def _without_fighters(claims: tuple[SourcedClaim, ...]) -> dict[int, SourcedClaim | None]:
    """The civilian share of each toll that names fighters among its victims ("قتل خمسة مدنيين
    بينهم عنصر في الشرطة": 4; "هم عنصران و9 من المقاتلين": none), by the toll's ``id``: the
    toll without those parts, its victims as it names them (the rest of "6 أشخاص بينهم 4
    عناصر" are still of no stated side), or None when nothing is left. A part belongs to the
    last toll of its kind before it in its sentence."""
    share: dict[int, SourcedClaim | None] = {}
    in_sentence: dict[tuple, list[SourcedClaim]] = defaultdict(list)
    for s in claims:
        if s.claim.kind in ("killed", "injured") and not s.claim.denial and not s.claim.cumulative:
            in_sentence[(s.doc_id, s.claim.sentence_span, s.claim.kind)].append(s)
    for told in in_sentence.values():
        total, fighters = None, 0
        for s in sorted(told, key=lambda s: s.claim.span[0]) + [None]:
            if s is None or not s.claim.breakdown:
                if total is not None and fighters and total.claim.group_kind != "fighters":
                    left = (total.claim.min or 0) - fighters
                    share[id(total)] = None if left <= 0 else replace(total, claim=replace(
                        total.claim, min=left,
                        max=None if total.claim.max is None else max(left, total.claim.max - fighters)))
                total, fighters = s, 0
            elif s.claim.group_kind == "fighters" and total is not None:
                fighters += s.claim.min or 0
    return share


def _time_of_day(members: list[Candidate]) -> Contradiction | None:
    """Reports that put the event in parts of the day that are not neighbours ("فجر اليوم"
    against "مساء اليوم"); neighbouring parts ("فجر" and "صباح") are the same hours told
    differently."""
    said: dict[str, dict[str, str]] = defaultdict(dict)        # part -> doc_id -> date text
    for c in members:
        if c.date is not None and c.date.text and (part := time_of_day(c.date.text)) is not None:
            said[part].setdefault(c.doc_id, c.date.text)
    parts = [p for p in times_of_day() if p in said]
    if all(adjacent_times(a, b) for a in parts for b in parts):
        return None
    sides = []
    for part in parts:
        ids, texts = list(said[part]), list(dict.fromkeys(said[part].values()))
        sides.append(f"{', '.join(ids)} {'says' if len(ids) == 1 else 'say'} {part} ({' / '.join(texts)})")
    return Contradiction("time_of_day", (), ", ".join(sides))


def _sites(members: list[Candidate]) -> tuple[SiteFigure, ...]:
    """The incident's sites, one per folded name: the strikes each report gives it (a report
    naming a site twice gives its largest count) reconciled like the figures (``spread``);
    the sites most reports name first."""
    names: dict[str, str] = {}
    counts: dict[str, dict[str, int | None]] = defaultdict(dict)   # site -> doc_id -> strikes
    for c in members:
        for site in c.sites:
            key = fold_term(site.text)
            names.setdefault(key, site.text)
            had = counts[key].get(c.doc_id)
            counts[key][c.doc_id] = site.strikes if had is None else max(had, site.strikes or 0)
    out = [SiteFigure(names[key], spread([v for v in by_doc.values() if v is not None]), tuple(by_doc))
           for key, by_doc in counts.items()]
    return tuple(sorted(out, key=lambda f: -len(f.doc_ids)))


def _attributions(named: list[tuple[str, Certainty, Candidate]]) -> tuple[ActorAttribution, ...]:
    """Every actor the reports name, with the outlets that name it, the most often named
    first; each actor's certainty combines its reports' (``combine_certainty``), and actors
    only suspected or only denying come after those stated."""
    sources: dict[str, list[str]] = defaultdict(list)
    certainties: dict[str, list[Certainty]] = defaultdict(list)
    for actor, certainty, c in named:
        sources[actor].append(c.outlet or c.doc_id)
        certainties[actor].append(certainty)
    combined = {a: combine_certainty(cs) for a, cs in certainties.items()}
    order = sorted(sources, key=lambda a: (combined[a] in ("suspected", "denied"), -len(set(sources[a]))))
    return tuple(ActorAttribution(a, tuple(dict.fromkeys(sources[a])), combined[a]) for a in order)


def _minor(named: tuple[ActorAttribution, ...], main: set[str]) -> tuple[ActorAttribution, ...]:
    """Attackers some report names beside the ones it blames most, and no report blames most:
    kept (every alleged perpetrator is listed) but marked minor, after the main ones."""
    return tuple(replace(a, minor=True) for a in named if a.actor not in main)


def _date(members: list[Candidate]) -> EventDate | None:
    """The span most reports date the event to (a stale or future date counts as the report's
    publication day, as in grouping); ties go to the earliest. Reports that write a date out
    ("فجر اليوم", "أمس الأحد") outvote those that give none, whose span is only a guess from
    their publication (the day before it through it)."""
    dated = [c for c in members if c.date is not None and c.date.text] \
        or [c for c in members if c.date is not None]
    dates = Counter(days for c in dated if (days := reported_days(c)) is not None)
    if not dates:
        return None
    (start, end), _ = min(dates.items(), key=lambda kv: (-kv[1], kv[0]))
    text = next((c.date.text for c in members if c.date and (c.date.start, c.date.end) == (start, end)), "")
    return EventDate(start, end, text)


def _places(members: list[Candidate]) -> tuple[PlaceMention, ...]:
    """Distinct places of the reports, the most often named first; places abroad are left
    out when the incident has places in the country most of its places are in (a dateline,
    a capital that reacted)."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], PlaceMention] = {}
    for c in members:
        for p in c.places:
            key = (p.gazetteer_id, p.name_en)
            counts[key] += 1
            # a place written plainly names it better than its hashtag ("#دارة_عزة")
            if key not in first or "_" in first[key].text and "_" not in p.text:
                first[key] = p
    home = home_country(tuple(p for c in members for p in c.places))
    return tuple(first[k] for k, _ in counts.most_common() if first[k].country == home)


def _incident_id(members: list[Candidate], location: Location | None, date: EventDate | None,
                 rank) -> str:
    """A readable id derived from the incident's content, not its position in the run:
    country, day, place and a digest of the earliest report and the place key
    ("sy-2021-01-13-deir-ez-zor-3f9a2c"). The same reports give the same id on every run."""
    earliest = min((c.doc_id for c in members), key=rank)
    country = (location.country if location else "xx").lower()
    day = date.start.isoformat() if date else "undated"
    slug = _slug(location.name_en) if location else "unlocated"
    digest = hashlib.sha1(f"{earliest}|{day}|{location.gazetteer_id if location else ''}".encode()).hexdigest()[:6]
    return f"{country}-{day}-{slug}-{digest}"


def _slug(name: str) -> str:
    """ASCII words of a place name joined by hyphens ("Ḩamāh" -> "hamah")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name)) or "place"


def _unique_ids(incidents: list[Incident]) -> list[Incident]:
    """Two incidents of one report at one place and day (a round-up's events) get a numbered
    suffix in their order, which is itself derived from the reports."""
    seen: Counter[str] = Counter()
    out = []
    for inc in incidents:
        seen[inc.incident_id] += 1
        n = seen[inc.incident_id]
        out.append(inc if n == 1 else replace(inc, incident_id=f"{inc.incident_id}-{n}"))
    return out
