"""Per-article pipeline: Article -> Document.

The stages, in order, each a plain function over the folded text:
sentences -> claims (with sources) -> places -> actors -> event date; then each claim
gets the place names stated in its sentence. Extraction stages know nothing of each
other; this module is where their outputs meet.
"""
from __future__ import annotations

from dataclasses import replace

from rasd.extract.actors import find_actors
from rasd.extract.claims import find_claims
from rasd.geo.geocode import find_places
from rasd.model import Article, Claim, Document, PlaceMention
from rasd.text.dates import event_date
from rasd.text.normalize import fold
from rasd.text.sentences import split_sentences


def analyze(article: Article) -> Document:
    """Everything rasd reads from one article."""
    text = article.text
    folded = fold(text)
    sentences = split_sentences(text)
    title_span = sentences[0] if sentences and article.title else None
    claims = find_claims(folded, sentences, article.outlet, title_span)
    places = find_places(text, folded)
    return Document(
        doc_id=article.doc_id, text=text, title=article.title, published=article.published,
        outlet=article.outlet, url=article.url,
        claims=tuple(_with_places(c, places) for c in claims),
        places=places,
        actors=find_actors(text, folded),
        event_date=event_date(text, article.published, folded),
        warnings=article.warnings,
    )


def _with_places(claim: Claim, places: tuple[PlaceMention, ...]) -> Claim:
    start, end = claim.sentence_span
    names = tuple(dict.fromkeys(p.text for p in places if start <= p.span[0] < end))
    return replace(claim, places=names) if names else claim
