"""Documents as the store keeps them: the contract's document JSON, and back.

``document_json`` (rasd.export.jsonout) writes each claim's sentence as text; the store adds
its ``sentence_span`` so that a rebuilt Document is the original, field for field (grouping
keys candidate events on sentence spans). Rebuilding also reads plain contract JSON
(docs.jsonl lines) by finding the sentence around the claim's span.

``StoredDocument`` is a document made ready for the store where it was extracted (a worker
process, a cluster node): its row as text and its ``Brief`` for grouping, so that the process
holding the store never needs the Document itself.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from rasd.export.jsonout import document_json
from rasd.model import (GENERIC_ATTACK, ActorMention, Claim, Document, EventDate, PlaceMention,
                        SiteMention, Source)
from rasd.store.grouping import Brief


@dataclass(frozen=True)
class StoredDocument:
    """A document as the store writes it: its key columns, its stored JSON as text (with the
    claim rows read from it) and its ``Brief``."""
    doc_id: str
    text_sha1: str
    json: str
    published: str | None              # as in the JSON
    title: str | None
    url: str | None
    days: tuple[str, str] | None       # the first and last day it speaks of (ISO), for regrouping
    brief: Brief


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def stored_document(doc: Document, contract: dict[str, Any] | None = None) -> StoredDocument:
    """``doc`` ready for the store; ``contract`` is its ``document_json`` when already made
    (it gets the sentence spans added)."""
    data = stored_document_json(doc, contract)
    days = [d for d in (doc.published, doc.event_date and doc.event_date.start,
                        doc.event_date and doc.event_date.end) if d]
    return StoredDocument(doc.doc_id, text_sha1(doc.text), json.dumps(data, ensure_ascii=False),
                          data["published"], doc.title, doc.url, (min(days).isoformat(), max(days).isoformat()) if days else None,
                          Brief.of(doc))


def stored_document_json(doc: Document, contract: dict[str, Any] | None = None) -> dict[str, Any]:
    """The contract's document JSON (``contract``, made if not given) plus each claim's
    ``sentence_span``."""
    out = document_json(doc) if contract is None else contract
    for claim_out, claim in zip(out["claims"], doc.claims):
        claim_out["sentence_span"] = list(claim.sentence_span)
    return out


def document_from_json(data: dict[str, Any]) -> Document:
    """The Document that ``document_json`` / ``stored_document_json`` wrote."""
    text = data["text"]
    return Document(
        doc_id=data["doc_id"], text=text, title=data.get("title"),
        published=_date(data.get("published")), outlet=data.get("outlet"), url=data.get("url"),
        claims=tuple(_claim(c, text) for c in data.get("claims", ())),
        places=tuple(_place(p) for p in data.get("places", ())),
        actors=tuple(ActorMention(text=a["text"], span=_span(a["span"]), actor=a["actor"],
                                  role=a.get("role", "other"), certainty=a.get("certainty", "stated"))
                     for a in data.get("actors", ())),
        event_date=_event_date(data.get("event_date")),
        warnings=tuple(data.get("warnings", ())),
        sites=tuple(SiteMention(text=s["text"], span=_span(s["span"]), strikes=s.get("strikes"))
                    for s in data.get("sites", ())),
        page_kind=data.get("page_kind", "article"),
        event_type=_event_type(data),
    )


def _event_type(data: dict[str, Any]) -> tuple[str, str] | None:
    """The document's (event_type, sub_event_type); null when it reports no violence. JSON
    written before event types were read gives the generic attack."""
    if "event_type" not in data:
        return GENERIC_ATTACK
    kind, sub = data.get("event_type"), data.get("sub_event_type")
    return (kind, sub) if kind else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _span(value: Any) -> tuple[int, int]:
    start, end = value
    return int(start), int(end)


def _event_date(data: dict[str, Any] | None) -> EventDate | None:
    if data is None:
        return None
    span = data.get("span")
    return EventDate(start=_date(data["start"]), end=_date(data["end"]), text=data.get("text", ""),
                     span=_span(span) if span else None)


def _place(p: dict[str, Any]) -> PlaceMention:
    return PlaceMention(text=p["text"], span=_span(p["span"]), name_en=p["name_en"], lat=p["lat"],
                        lon=p["lon"], country=p["country"], precision=p["precision"],
                        admin1=p.get("admin1"), admin2=p.get("admin2"),
                        gazetteer_id=p.get("gazetteer_id", ""), near=p.get("near", False),
                        settlement=p.get("settlement", False), area=p.get("area", ""),
                        area_en=p.get("area_en", ""))


def _claim(c: dict[str, Any], text: str) -> Claim:
    span = _span(c["span"])
    source = c["source"]
    source_span = source.get("span")
    sentence_span = (_span(c["sentence_span"]) if c.get("sentence_span")
                     else _sentence_span(text, c.get("sentence", ""), span))
    return Claim(kind=c["kind"], min=c["min"], max=c["max"], span=span, sentence_span=sentence_span,
                 source=Source(text=source["text"], kind=source["kind"],
                               span=_span(source_span) if source_span else None,
                               actor=source.get("actor")),
                 group=c.get("group"), group_kind=c.get("group_kind", "unknown"),
                 qualifier=c.get("qualifier"), approximate=c.get("approximate", False),
                 denial=c.get("denial", False), breakdown=c.get("breakdown", False),
                 toll_stage=c.get("toll_stage"), places=tuple(c.get("places", ())),
                 cumulative=c.get("cumulative", False), combined=c.get("combined", False))


def _sentence_span(text: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Where ``sentence`` sits in ``text``: the occurrence holding the claim's span (the first
    occurrence when none holds it; the claim's own span when the sentence is not found)."""
    found = []
    at = text.find(sentence)
    while sentence and at >= 0:
        found.append(at)
        at = text.find(sentence, at + 1)
    if not found:
        return span
    holding = [a for a in found if a <= span[0] and span[1] <= a + len(sentence)]
    start = (holding or found)[0]
    return start, start + len(sentence)
