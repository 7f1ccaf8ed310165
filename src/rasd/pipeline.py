"""Per-article pipeline: Article -> Document.

Like spaCy's components, each stage declares what it requires and what it assigns, and the
stages run in order over one shared state (the article, its folded text, its sentences and
what earlier stages assigned). A model-based claim reader can replace the rule-based one by
passing another ``Stage("claims", ...)``; ``check_stages`` refuses an order in which a stage
would run before what it needs.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rasd.extract.actors import find_actors
from rasd.extract.claims import find_claims
from rasd.extract.sites import find_sites
from rasd.geo.geocode import find_places
from rasd.model import Article, Claim, Document, PlaceMention, SiteMention
from rasd.text.dates import event_date
from rasd.text.normalize import Folded, fold
from rasd.text.sentences import split_sentences


@dataclass
class State:
    """What the stages of one article share; ``assigned`` holds each stage's output by name."""
    article: Article
    folded: Folded
    assigned: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[State], Any]
    requires: tuple[str, ...] = ()


def _claims(state: State) -> tuple[Claim, ...]:
    sentences = state.assigned["sentences"]
    title_span = sentences[0] if sentences and state.article.title else None
    found = find_claims(state.folded, sentences, state.article.outlet, title_span)
    places = sorted(state.assigned["places"], key=lambda p: p.span[0])
    starts = [p.span[0] for p in places]
    return tuple(_with_places(c, places, starts) for c in found)


def _sites(state: State) -> tuple[SiteMention, ...]:
    return find_sites(state.article.text, state.folded, state.assigned["sentences"], state.assigned["claims"])


STAGES: tuple[Stage, ...] = (
    Stage("sentences", lambda s: split_sentences(s.article.text)),
    Stage("places", lambda s: find_places(s.article.text, s.folded)),
    Stage("claims", _claims, requires=("sentences", "places")),
    Stage("sites", _sites, requires=("sentences", "claims")),
    Stage("actors", lambda s: find_actors(s.article.text, s.folded)),
    Stage("event_date", lambda s: event_date(s.article.text, s.article.published, s.folded)),
)


def check_stages(stages: Sequence[Stage]) -> None:
    """Raise ValueError when a stage requires something no earlier stage assigns."""
    done: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in done]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing}, assigned by no earlier stage")
        done.add(stage.name)


def analyze(article: Article, stages: Sequence[Stage] = STAGES) -> Document:
    """Everything rasd reads from one article."""
    state = State(article, fold(article.text))
    for stage in stages:
        state.assigned[stage.name] = stage.run(state)
    out = state.assigned
    return Document(
        doc_id=article.doc_id, text=article.text, title=article.title, published=article.published,
        outlet=article.outlet, url=article.url, warnings=article.warnings,
        claims=out.get("claims", ()), places=out.get("places", ()), actors=out.get("actors", ()),
        event_date=out.get("event_date"), sites=out.get("sites", ()),
    )


def _with_places(claim: Claim, places: list[PlaceMention], starts: list[int]) -> Claim:
    """The claim with the names of the places stated in its sentence (``places`` sorted by
    where they start, ``starts`` those offsets: a lookup, not a scan of the article's places)."""
    start, end = claim.sentence_span
    here = places[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
    names = tuple(dict.fromkeys(p.text for p in here))
    return replace(claim, places=names) if names else claim


check_stages(STAGES)
