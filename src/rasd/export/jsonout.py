"""The contract's JSON shapes (shared/spec/CONTRACT.md v1) for documents and incidents."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import orjson

from rasd.model import (ActorAttribution, Claim, Contradiction, Document, EventDate, Figure,
                        Incident, Location, PlaceMention, SiteFigure, SiteMention, SourcedClaim,
                        Span)


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def event_date_json(e: EventDate | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {"start": _date(e.start), "end": _date(e.end), "text": e.text,
            "span": list(e.span) if e.span else None}


SENTENCE_EXCERPT_CHARS = 600


def sentence_excerpt(sentence: Span, claim: Span) -> Span:
    """The part of a claim's sentence written beside it: the whole sentence up to
    ``SENTENCE_EXCERPT_CHARS`` characters, else that many around the claim's words (cut at
    the window's ends, the claim whole), so that the output grows with the article, not
    with its claims times its longest sentence."""
    start, end = sentence
    if end - start <= SENTENCE_EXCERPT_CHARS:
        return sentence
    room = max(0, SENTENCE_EXCERPT_CHARS - (claim[1] - claim[0]))
    lo = max(start, min(claim[0] - room // 2, end - SENTENCE_EXCERPT_CHARS))
    return lo, min(end, max(claim[1], lo + SENTENCE_EXCERPT_CHARS))


def claim_json(c: Claim, text: str) -> dict[str, Any]:
    excerpt = sentence_excerpt(c.sentence_span, c.span)
    return {
        "kind": c.kind, "min": c.min, "max": c.max, "qualifier": c.qualifier,
        "approximate": c.approximate, "group": c.group, "group_kind": c.group_kind,
        "source": {"text": c.source.text, "kind": c.source.kind,
                   "span": list(c.source.span) if c.source.span else None, "actor": c.source.actor},
        "places": list(c.places), "span": list(c.span), "text": text[c.span[0]:c.span[1]],
        "sentence": text[excerpt[0]:excerpt[1]], "sentence_span": list(excerpt),
        "denial": c.denial, "breakdown": c.breakdown, "toll_stage": c.toll_stage,
        "cumulative": c.cumulative, "combined": c.combined,
    }


_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(PlaceMention))


def place_json(p: PlaceMention) -> dict[str, Any]:
    """The mention's fields in their order (its values are flat: ``asdict``'s deep copy
    was most of the time spent writing a document)."""
    out = {name: getattr(p, name) for name in _PLACE_FIELDS}
    out["span"] = list(p.span)
    return out


def site_json(s: SiteMention) -> dict[str, Any]:
    return {"text": s.text, "span": list(s.span), "strikes": s.strikes}


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id, "outlet": doc.outlet, "published": _date(doc.published),
        "url": doc.url, "title": doc.title, "text": doc.text,
        "claims": [claim_json(c, doc.text) for c in doc.claims],
        "places": [place_json(p) for p in doc.places],
        "actors": [{"text": a.text, "span": list(a.span), "actor": a.actor, "role": a.role,
                    "certainty": a.certainty} for a in doc.actors],
        "event_date": event_date_json(doc.event_date),
        "sites": [site_json(s) for s in doc.sites],
        "warnings": list(doc.warnings),
        "page_kind": doc.page_kind,
        # ACLED's type of the event reported, both null when the report tells of no violence
        "event_type": doc.event_type[0] if doc.event_type else None,
        "sub_event_type": doc.event_type[1] if doc.event_type else None,
    }


def _figure(f: Figure) -> dict[str, Any]:
    """low / best / high, and per source the claim they were taken from (for tracing)."""
    return {"low": f.low, "best": f.best, "high": f.high,
            "sources": [{"source": s.claim.source.text, "doc_id": s.doc_id, "min": s.claim.min,
                         "max": s.claim.max, "span": list(s.claim.span), "denial": s.claim.denial}
                        for s in f.basis]}


def _sourced(s: SourcedClaim) -> dict[str, Any]:
    c = s.claim
    return {"doc_id": s.doc_id, "kind": c.kind, "min": c.min, "max": c.max,
            "group": c.group, "group_kind": c.group_kind,
            "source": {"text": c.source.text, "kind": c.source.kind, "actor": c.source.actor},
            "places": list(c.places), "span": list(c.span), "sentence": _sourced_sentence(s),
            "denial": c.denial, "breakdown": c.breakdown, "toll_stage": c.toll_stage,
            "cumulative": c.cumulative, "combined": c.combined}


def _sourced_sentence(s: SourcedClaim) -> str:
    """The claim's sentence as written with it, cut like a document's (``sentence_excerpt``)."""
    start = s.claim.sentence_span[0]
    lo, hi = sentence_excerpt((start, start + len(s.sentence)), s.claim.span)
    return s.sentence[lo - start:hi - start]


def _attribution(a: ActorAttribution) -> dict[str, Any]:
    return {"actor": a.actor, "sources": list(a.sources), "certainty": a.certainty, "minor": a.minor}


def _site_figure(f: SiteFigure) -> dict[str, Any]:
    """A site with its strikes per the reports that count them (null when none does)."""
    return {"site": f.site, "strikes": {"low": f.strikes.low, "best": f.strikes.best, "high": f.strikes.high},
            "doc_ids": list(f.doc_ids)}


def _contradiction(c: Contradiction) -> dict[str, Any]:
    return {"kind": c.kind, "note": c.note, "claims": [_sourced(s) for s in c.claims]}


def incident_json(inc: Incident) -> dict[str, Any]:
    return {
        "incident_id": inc.incident_id, "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date": event_date_json(inc.date),
        "places": [place_json(p) for p in inc.places],
        "doc_ids": list(inc.doc_ids),
        "killed": _figure(inc.killed), "injured": _figure(inc.injured),
        "strikes": _figure(inc.strikes),
        "civilians_killed": _figure(inc.civilians_killed),
        "civilians_injured": _figure(inc.civilians_injured),
        "perpetrator": [_attribution(a) for a in inc.perpetrator],
        "target": [_attribution(a) for a in inc.target],
        "sites": [_site_figure(f) for f in inc.sites],
        "claims": [_sourced(s) for s in inc.claims],
        "contradictions": [_contradiction(c) for c in inc.contradictions],
        "location": location_json(inc.location),
        "grade": inc.grade, "grade_reasons": list(inc.grade_reasons),
    }


def location_json(loc: Location | None) -> dict[str, Any] | None:
    """The contract's v2 location; ``text`` repeats the Arabic name as places write it."""
    if loc is None:
        return None
    return {"name_ar": loc.name_ar, "text": loc.name_ar, "name_en": loc.name_en, "lat": loc.lat,
            "lon": loc.lon, "admin1": loc.admin1, "admin2": loc.admin2, "country": loc.country,
            "precision": loc.precision, "gazetteer_id": loc.gazetteer_id}


def dumps(obj: Any) -> str:
    """One JSON line; ``ValueError`` (not a failed write later) when a string in it holds a
    lone surrogate, which no UTF-8 file can store."""
    try:
        return orjson.dumps(obj).decode("utf-8")   # compact, UTF-8, keys in order; 5x json's speed
    except orjson.JSONEncodeError:                  # lone surrogate, integer beyond 64 bits, ...
        line = json.dumps(obj, ensure_ascii=False)
        line.encode("utf-8")
        return line
