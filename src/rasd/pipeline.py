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
from rasd.extract.event_type import event_type
from rasd.extract.sites import find_sites
from rasd.geo.geocode import find_places, signs_for_outlet
from rasd.model import (GENERIC_ATTACK, ActorMention, Article, Claim, Document, EventDate, PlaceMention,
                        SiteMention, Span)
from rasd.text.dates import event_date
from rasd.text.normalize import Folded, fold
from rasd.text.sentences import split_sentences
from rasd.text.tokens import Tokens


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


def _readable_end(state: State) -> int:
    """Where the text worth reading ends: all of an article; only the first line (its title)
    of a page with no article body, which gives a place, a day and an event type but never
    a figure (see ``rasd.ingest.pages``)."""
    text = state.article.text
    if state.article.page_kind == "article":
        return len(text)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _sentences(state: State) -> list[Span]:
    return split_sentences(state.article.text)


def _tokens(state: State) -> Tokens:
    return Tokens(state.folded.text)


def _places(state: State) -> tuple[PlaceMention, ...]:
    end = _readable_end(state)
    text, outlet = state.article.text, state.article.outlet
    return tuple(p for p in find_places(text, state.folded) if p.span[0] < end and not signs_for_outlet(text, p, outlet))


def _actors(state: State) -> tuple[ActorMention, ...]:
    end = _readable_end(state)
    return tuple(a for a in find_actors(state.article.text, state.folded) if a.span[0] < end)


def _event_date(state: State) -> EventDate | None:
    end = _readable_end(state)
    text = state.article.text
    if end == len(text):
        return event_date(text, state.article.published, state.folded)
    return event_date(text[:end], state.article.published)


def _claims(state: State) -> tuple[Claim, ...]:
    if state.article.page_kind != "article":
        return ()
    sentences = state.assigned["sentences"]
    title_span = sentences[0] if sentences and state.article.title else None
    places = sorted(state.assigned["places"], key=lambda p: p.span[0])
    found = find_claims(state.folded, sentences, state.article.outlet, title_span,
                        state.assigned["tokens"].tokens, [p.span for p in places])
    starts = [p.span[0] for p in places]
    return tuple(_with_places(c, places, starts) for c in found)


def _sites(state: State) -> tuple[SiteMention, ...]:
    if state.article.page_kind != "article":
        return ()
    return find_sites(state.article.text, state.folded, state.assigned["sentences"], state.assigned["claims"],
                      state.assigned["tokens"])


def _event_type(state: State) -> tuple[str, str] | None:
    return event_type(state.article.text[:_readable_end(state)], state.assigned["claims"],
                      silent_is_violent=state.article.page_kind == "article")


STAGES: tuple[Stage, ...] = (
    Stage("sentences", _sentences),     # named functions: stages go to worker processes by name
    Stage("tokens", _tokens),
    Stage("places", _places),
    Stage("claims", _claims, requires=("sentences", "tokens", "places")),
    Stage("sites", _sites, requires=("sentences", "tokens", "claims")),
    Stage("actors", _actors),
    Stage("event_date", _event_date),
    Stage("event_type", _event_type, requires=("claims",)),
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
        event_date=out.get("event_date"), sites=out.get("sites", ()), page_kind=article.page_kind,
        event_type=out.get("event_type", GENERIC_ATTACK),
    )


def _with_places(claim: Claim, places: list[PlaceMention], starts: list[int]) -> Claim:
    """The claim with the names of the places stated in its sentence (``places`` sorted by
    where they start, ``starts`` those offsets: a lookup, not a scan of the article's places)."""
    start, end = claim.sentence_span
    here = places[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
    names = tuple(dict.fromkeys(p.text for p in here))
    return replace(claim, places=names) if names else claim


check_stages(STAGES)
