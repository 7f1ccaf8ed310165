"""An Airwars-style assessment of how well an incident is established, with its reasons.

The rules, in order (docs/grade.md gives the sources and the measurements):
- ``discounted``: reports deny that anyone was harmed and none reports a casualty;
- ``discounted`` too when a source records no civilian casualty and every casualty figure is of
  fighters (``_only_fighters``): Airwars discounts an event whose dead were all combatants;
- ``contested``: independent sources allege different belligerents (each alleged by at least
  ``MIN_SUPPORT`` of them: one stray mention is not a competing claim; where no party is named
  by two sources, one source each suffices, unless the incident has a single source; partners in declared
  joint operations are one allegation; an air force named by more sources than its ground ally
  stands alone, and the ally named as often or more makes both compete: ``allies``), even when
  one of them acknowledges a strike: a party
  saying it hit fighters there while others blame another party for the dead is a dispute;
- ``confirmed``: the most alleged perpetrator accepted civilian harm: its own voice (its
  ministry, army spokesperson or command: ``voices`` in ``data/belligerents.json``) states a
  civilian toll, no other party competing or denying it. Acknowledging the strike alone ("we struck
  terrorists there") confirms the action, not the harm: the rules below then apply;
- ``contested`` too when an alleged perpetrator denies it;
- ``fair``: two or more independent sources report it, one perpetrator alleged;
- ``weak``: a single source.
Independent sources are the distinct outlets that carry the incident's reports (one outlet
quoting several speakers is still one report of the event); a report that only relays the figures
of one catalogued outlet, monitor or rescue service ("نقلت وكالة سانا أن ...", "بحسب ما أورده
المرصد"), or of the outlet of another of the incident's reports named in its text (``_outlet_named``:
"ذكر موقع "نداء الشمال"" relaying Nida al-Shamal), is that source's, its headline restating the
quoted figure included.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from rasd.extract.sources import catalog_source
from rasd.geo.translit import arabic_skeleton, latin_skeleton
from rasd.model import ActorAttribution, Grade, SourcedClaim
from rasd.text.normalize import fold_term

CASUALTY_KINDS = frozenset({"killed", "injured"})
RELAYED_KINDS = frozenset({"state_media", "agency", "outlet", "monitor", "medical"})
MIN_SUPPORT = 2


@cache
def _data() -> tuple[dict[str, str], frozenset[frozenset[str]], dict[str, str]]:
    data = _catalog()
    return ({actor: name for name, actors in data["belligerents"].items() for actor in actors},
            frozenset(frozenset(pair) for pair in data["partners"]), data["voices"])


@cache
def _catalog() -> dict:
    return json.loads((Path(__file__).parent / "data" / "belligerents.json").read_text(encoding="utf-8"))


def _with_allies(competing: list[str], support: dict[str, set[str]]) -> list[str]:
    """The competing belligerents once an air force and its ground ally (``allies``) are
    weighed: named by more sources than its ally, the air force stands alone (reports name
    both for one raid); its ally named as often or more, the two compete, however few name
    the air force."""
    out = list(competing)
    for air, ally in _catalog()["allies"]:
        if air not in support or ally not in support:
            continue
        if len(support[air]) > len(support[ally]):
            out = [b for b in out if b != ally]
        elif len(support[ally]) > len(support[air]):
            out += [b for b in (air, ally) if b not in out]
    return sorted(out, key=lambda b: (-len(support[b]), b))


def belligerent(actor: str) -> str:
    """The party a catalogued actor's strike is attributed to (``data/belligerents.json``)."""
    return _data()[0].get(actor, actor)


@cache
def own_denials() -> re.Pattern[str]:
    """The first-person denials of a party's own statement (``own_denials``), as one pattern
    over folded text; group 1 is the phrase."""
    phrases = sorted(_catalog()["own_denials"], key=len, reverse=True)
    return re.compile(r"(?<!\w)[وف]?(" + "|".join(map(re.escape, phrases)) + r")(?!\w)")


def voice_of(outlet: str | None) -> str | None:
    """The actor whose voice the outlet is (its ministry, army or command: ``voices``), if any."""
    known = catalog_source(outlet) if outlet else None
    return _data()[2].get(known.name) if known else None


def speaks_for(outlet: str | None, actor: str) -> bool:
    """The outlet is the voice of the belligerent the actor's strikes are attributed to
    ("مركز المصالحة الروسي" for Russia)."""
    voice = voice_of(outlet)
    return voice is not None and belligerent(voice) == belligerent(actor)


def _competing(belligerents: list[str]) -> bool:
    """Two or more belligerents that are not declared partners in joint operations."""
    partners = _data()[1]
    return any(frozenset((a, b)) not in partners for i, a in enumerate(belligerents) for b in belligerents[i + 1:])


def independent_sources(doc_ids: Iterable[str], claims: Iterable[SourcedClaim],
                        outlet_of: Callable[[str], str | None]) -> set[str]:
    """The sources behind the reports: each report's outlet (by its catalogued name when it has
    one), or the one catalogued outlet, monitor or rescue service all its casualty figures are
    quoted from: relays of one report are one source, not one per outlet that carried it."""
    doc_ids = list(doc_ids)
    skeletons = {name: _skeleton(name) for doc_id in doc_ids if (name := outlet_of(doc_id))}
    quoted: dict[str, set[str | None]] = defaultdict(set)
    relayed_figures: dict[str, set[tuple]] = defaultdict(set)
    own: list[SourcedClaim] = []
    for s in claims:
        if s.claim.kind in CASUALTY_KINDS and not s.claim.cumulative:
            source = s.claim.source
            named = _outlet_named(source.text, skeletons) if source.span is not None and source.actor is None else None
            if source.span is not None and (source.kind in RELAYED_KINDS or named is not None
                                            or source.kind == "anonymous" and source.actor is not None):
                # a catalogued source, or its unnamed sources ("مصادر المرصد"، "سانا عن مصدر عسكري"),
                # or the outlet of another of the incident's reports, named (as a page or a team:
                # "نقلت صفحة "أخبار الساحل" أن", "نقلت فرق الإنقاذ العاملة في ...")
                quoted[s.doc_id].add(source.actor or named)
                relayed_figures[s.doc_id].add((s.claim.kind, s.claim.min, s.claim.max))
            else:
                own.append(s)
    for s in own:   # the outlet's own line restating a figure it quotes (a headline) adds no source
        restates = s.claim.source.span is None and (s.claim.kind, s.claim.min, s.claim.max) in relayed_figures[s.doc_id]
        if not restates:
            quoted[s.doc_id].add(None)
    out = set()
    for doc_id in doc_ids:
        relayed = quoted.get(doc_id, set())
        if len(relayed) == 1 and None not in relayed:
            out.add(next(iter(relayed)))
            continue
        out.add(_catalogued_name(outlet_of(doc_id) or doc_id))
    return out


OUTLET_CONSONANTS = 4   # the fewest consonants of an outlet's name matched in a report's words


def _outlet_named(text: str, skeletons: dict[str, str]) -> str | None:
    """The outlet of another report that a report quotes by a name the source catalog lacks
    ("ذكر موقع "نداء الشمال" المعارض" relaying Nida al-Shamal's report), by its catalogued name
    if it has one: the outlet's consonant skeleton, from Latin or Arabic letters, inside that of
    the words naming the source."""
    named = arabic_skeleton(fold_term(text))
    found = [outlet for outlet, skeleton in skeletons.items() if len(skeleton) >= OUTLET_CONSONANTS and skeleton in named]
    return _catalogued_name(found[0]) if len(found) == 1 else None


@cache
def _skeleton(outlet: str) -> str:
    """The outlet's name as consonants, without a bracketed note of what it is ("أخبار الساحل
    (صفحة فيسبوك)", "حوران الآن (قناة تلغرام)"), which a report quoting it leaves out."""
    name = _NOTE.sub(" ", outlet).strip() or outlet
    return latin_skeleton(name) if name.isascii() else arabic_skeleton(fold_term(name))


_NOTE = re.compile(r"\([^()]*\)")


@cache
def _catalogued_name(outlet: str) -> str:
    """An outlet by its source-catalog name when it has one ("سانا": SANA); read once per outlet,
    not once per report of every incident graded."""
    known = catalog_source(outlet)
    return known.name if known else outlet


def _only_fighters(harmed: list[SourcedClaim]) -> bool:
    """Every casualty figure is of fighters, or an unnamed toll that a fighters figure, or a
    report's fighters figures together, account for ("11 قتلى" = "عنصران من قوات النظام و9 مقاتلين";
    "ثلاثة شهداء" another source names as three members of a faction)."""
    fighters = [s for s in harmed if s.claim.group_kind == "fighters"]
    counts = {(s.claim.kind, s.claim.max) for s in fighters}
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for s in fighters:
        totals[(s.doc_id, s.claim.kind)] += s.claim.max or 0
    counts |= {(kind, total) for (_, kind), total in totals.items()}
    return all(s.claim.group_kind == "fighters"
               or s.claim.group_kind == "unknown" and (s.claim.kind, s.claim.max) in counts for s in harmed)


def grade(perpetrators: Iterable[ActorAttribution], claims: Iterable[SourcedClaim],
          outlets: Iterable[str]) -> tuple[Grade, tuple[str, ...]]:
    """The incident's grade and the reasons for it (rules in the module docstring)."""
    perpetrators = list(perpetrators)
    claims = list(claims)
    sources = sorted(set(outlets))
    n = len(sources)
    casualties = [s for s in claims if s.claim.kind in CASUALTY_KINDS]
    denials = [s for s in casualties if s.claim.denial]
    harmed = [s for s in casualties if not s.claim.denial and (s.claim.min or 0) > 0]
    if denials and not harmed:
        who = sorted({s.claim.source.text for s in denials})
        return "discounted", (f"{len(denials)} report(s) deny any casualties ({', '.join(who)}) "
                              "and none reports one",)
    spared = sorted({s.claim.source.text for s in denials if s.claim.group_kind in ("civilians", "unknown")})
    if spared and _only_fighters(harmed):
        return "discounted", (f"no civilian harmed according to {', '.join(spared)}; "
                              f"{'the casualties reported are fighters' if harmed else 'no casualty reported'}",)
    alleged = [a for a in perpetrators if a.certainty in ("stated", "suspected", "claimed")]
    denied = [a for a in perpetrators if a.certainty == "denied"]
    support: dict[str, set[str]] = defaultdict(set)
    for a in alleged:
        support[belligerent(a.actor)].update(a.sources)
    unnamed = set(_catalog()["unnamed"])
    leader = min(support, key=lambda b: (b in unnamed, -len(support[b]), b)) if support else None
    needed = min(MIN_SUPPORT, max((len(who) for who in support.values()), default=0)) if n >= 2 else MIN_SUPPORT
    competing = _with_allies([b for b, who in support.items() if len(who) >= needed], support)
    if any(b not in unnamed for b in competing):
        competing = [b for b in competing if b not in unnamed]
    if _competing(competing):
        listing = ", ".join(f"{b} ({len(support[b])} sources)" for b in competing)
        return "contested", (f"{len(competing)} belligerents alleged by different sources: {listing}",)
    accepted = [s for s in harmed if s.claim.group_kind == "civilians" and leader is not None
                and belligerent(_data()[2].get(s.claim.source.actor or "", "")) == leader]
    if accepted and not any(belligerent(a.actor) != leader for a in denied):
        # another alleged party denying it leaves the harm disputed, whoever states it
        return "confirmed", tuple(sorted({f"{leader}, the most alleged perpetrator, states civilian casualties "
                                          f"({s.claim.source.text})" for s in accepted}))
    if denied:
        return "contested", tuple(f"{a.actor} denies it ({', '.join(a.sources)})" for a in denied)
    if n >= 2:
        who = leader or "no perpetrator named"
        return "fair", (f"{n} independent sources ({', '.join(sources)}); one perpetrator alleged: {who}",)
    return "weak", (f"a single source ({sources[0] if sources else 'unknown'})",)
