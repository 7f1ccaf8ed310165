"""The one data model that flows through rasd's stages.

Article (ingested input) -> Document (claims, places, actors, event date, all with spans)
-> Incident (many documents' claims merged and reconciled).

Every mention keeps a ``Span``: (start, end) character offsets into ``Document.text``
(the cleaned body), so any figure can be traced back to the words that state it.
This module imports no stage; stages import it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]

ClaimKind = Literal["killed", "injured", "strikes"]
GroupKind = Literal["civilians", "fighters", "unknown"]
SourceKind = Literal["monitor", "official", "state_media", "agency", "outlet",
                     "anonymous", "medical", "person", "other"]
TollStage = Literal["initial", "updated"]
Precision = Literal["point", "town", "district", "governorate", "country"]
ActorRole = Literal["perpetrator", "target", "other"]
Certainty = Literal["stated", "suspected", "claimed", "denied"]
Grade = Literal["confirmed", "fair", "weak", "contested", "discounted"]
PageKind = Literal["article", "link_list", "empty"]
# ACLED's generic type of a violent event whose form is unknown: what a Document built
# without reading its event words (a test's, a benchmark's) is taken to report.
GENERIC_ATTACK: tuple[str, str] = ("Violence against civilians", "Attack")


@dataclass(frozen=True, slots=True)
class Article:
    """One input article after ingest: cleaned body text plus its metadata."""
    doc_id: str
    text: str
    origin: str                      # file path (and line) it came from, for error messages
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()   # non-fatal problems (e.g. unreadable publication date)
    page_kind: PageKind = "article"  # "link_list": a page of headlines, no article body to read


@dataclass(frozen=True, slots=True)
class Source:
    """Who a claim is attributed to; with no attribution, the outlet itself."""
    text: str
    kind: SourceKind
    span: Span | None = None         # None when the source is the outlet (not in the text)
    actor: str | None = None         # canonical name from the source catalog ("SOHR" for every way of naming it)


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure stated in one sentence: N killed / injured / strikes, per a source."""
    kind: ClaimKind
    min: int | None
    max: int | None
    span: Span                       # the words stating the figure (number through noun)
    sentence_span: Span
    source: Source
    group: str | None = None         # victims as written ("عناصر من قوات النظام")
    group_kind: GroupKind = "unknown"
    qualifier: str | None = None
    approximate: bool = False
    denial: bool = False             # "نافياً وقوع أي خسائر بشرية" -> 0..0
    breakdown: bool = False          # part of a larger toll ("بينهم 3 أطفال", "والقتلى هم 9 من")
    toll_stage: TollStage | None = None   # "الحصيلة الأولية" / "ارتفاع حصيلة ... إلى"
    places: tuple[str, ...] = ()     # place names (as written) stated with the figure
    cumulative: bool = False         # a toll over a period ("منذ بداية العام", a monthly count), not one incident's
    combined: bool = False           # killed and injured counted together ("قتل وأصيب 80"): reconciled as neither


UNLISTED = "unlisted:"   # gazetteer_id prefix of a place the gazetteer lacks ("قرية X بريف Y")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, resolved against the gazetteer."""
    text: str                        # the name as written, without clitics ("البوكمال")
    span: Span
    name_en: str
    lat: float
    lon: float
    country: str                     # ISO 3166-1 alpha-2
    precision: Precision
    admin1: str | None = None
    admin2: str | None = None
    gazetteer_id: str = ""           # "geonames:170794", "supplement:<key>" or "unlisted:<name>"
    near: bool = False               # "ريف X", "شرق X", "قرب X": somewhere around X
    settlement: bool = False         # named after "مدينة"/"بلدة"/"قرية" ("مدينة إدلب"): the town itself,
                                     # not the province a governorate's seat also names
    area: str = ""                   # "ريف X" with the sides named ("ريف إدلب الجنوبي"): the countryside
    area_en: str = ""                # the name heads, which an incident located there is coded as

    @property
    def listed(self) -> bool:
        """False for a village the gazetteer lacks, coded at the area named beside it."""
        return not self.gazetteer_id.startswith(UNLISTED)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A catalogued actor named in the text, with the role the text gives it."""
    text: str
    span: Span
    actor: str                       # canonical English name from the actor catalog
    role: ActorRole = "other"
    certainty: Certainty = "stated"  # "يرجح أنه تابع للتحالف" -> suspected


@dataclass(frozen=True, slots=True)
class SiteMention:
    """A site an attack hit, as written ("مستودعات عياش", "مقراً للميليشيات"), and the
    strikes the text says it took (None when no count is stated with it)."""
    text: str                        # without leading clitics (و/ف), the article kept
    span: Span
    strikes: int | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """The (possibly two-day) date of the incident a text reports."""
    start: dt.date
    end: dt.date
    text: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An article with everything rasd read from it."""
    doc_id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    claims: tuple[Claim, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    event_date: EventDate | None = None
    warnings: tuple[str, ...] = ()
    sites: tuple[SiteMention, ...] = ()
    page_kind: PageKind = "article"
    # ACLED (event_type, sub_event_type) of the event reported; None: no violent incident
    # (an accident, a quake, a crime, a statement, a monthly toll), which forms no incident
    event_type: tuple[str, str] | None = GENERIC_ATTACK


@dataclass(frozen=True, slots=True)
class SourcedClaim:
    """A claim together with the document it was read from."""
    doc_id: str
    claim: Claim
    sentence: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A reconciled figure: low / best / high, and the one claim per source they come from."""
    low: int | None
    best: int | None
    high: int | None
    basis: tuple[SourcedClaim, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class ActorAttribution:
    actor: str
    sources: tuple[str, ...]         # who names this actor (source texts or outlets)
    certainty: Certainty = "stated"
    minor: bool = False              # blamed only beside a more-blamed attacker in each report


@dataclass(frozen=True, slots=True)
class SiteFigure:
    """One site of an incident across its reports: the strikes each report gives it,
    reconciled like the incident's figures, and the reports that name it."""
    site: str                        # as the first report writes it
    strikes: Figure
    doc_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    kind: str                        # "killed", "injured", "strikes", "perpetrator", "time_of_day"
    claims: tuple[SourcedClaim, ...]
    note: str


@dataclass(frozen=True, slots=True)
class Location:
    """The one place an incident is coded at (ACLED's and UCDP's single location).

    ``precision`` is ACLED's ``geo_precision``: 1 the named town or village, 2 a part of a
    region or "near X", 3 only a governorate or district (its centre)."""
    name_ar: str
    name_en: str
    lat: float
    lon: float
    country: str
    precision: int
    admin1: str | None = None
    admin2: str | None = None
    gazetteer_id: str = ""


@dataclass(frozen=True, slots=True)
class Incident:
    """One attack (or one night's wave of strikes) as reported by one or more documents."""
    incident_id: str
    event_type: str
    sub_event_type: str
    date: EventDate | None
    places: tuple[PlaceMention, ...]
    doc_ids: tuple[str, ...]
    killed: Figure
    injured: Figure
    strikes: Figure
    civilians_killed: Figure
    civilians_injured: Figure
    perpetrator: tuple[ActorAttribution, ...] = ()
    target: tuple[ActorAttribution, ...] = ()
    claims: tuple[SourcedClaim, ...] = ()
    contradictions: tuple[Contradiction, ...] = field(default=())
    sites: tuple[SiteFigure, ...] = ()
    location: Location | None = None
    grade: Grade | None = None
    grade_reasons: tuple[str, ...] = ()
