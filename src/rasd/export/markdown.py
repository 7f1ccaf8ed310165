"""A readable Markdown report: one section per incident with its figures, grade, source-by-figure
table, sites, contradictions and corrections. It reads incident and document dicts (the store's,
or ``incidents.json``/``docs.jsonl``), and every value from the data (ids, outlets, titles, source
names, places, notes) is escaped: rendered by any Markdown tool it shows as text, never as HTML,
a link or formatting.
"""
from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from rasd.export.fields import DocumentsById, IncidentDict, documents_by_id, one_line

_KINDS = ("killed", "injured", "strikes")
# Inline Markdown syntax (emphasis, code, links, images, raw HTML, entities, table cells,
# strikethrough) plus ':' '.' '@', which bare-URL autolinking (GFM, linkify) needs: a backslash
# before any ASCII punctuation makes CommonMark print it as is.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>&|!~#:.@])")


def escape(value: Any) -> str:
    """Untrusted text as Markdown that renders to exactly that text, on one line."""
    return _SPECIAL.sub(r"\\\1", one_line(value))


def _range(f: Mapping[str, Any] | None) -> str:
    f = f or {}
    if f.get("best") is None:
        return "–"
    return f"{f.get('low')} / {f.get('best')} / {f.get('high')}"


def _cell(values: list[tuple[int | None, int | None]]) -> str:
    parts = []
    for lo, hi in values:
        if lo == hi:
            parts.append(str(lo))
        elif hi is None:
            parts.append(f"≥{lo}")
        else:
            parts.append(f"{lo}–{hi}")
    return ", ".join(parts)


def _date(incident: IncidentDict) -> str:
    span = incident.get("date") or {}
    if not span.get("start"):
        return "undated"
    end = span.get("end")
    return escape(span["start"]) + (f" – {escape(end)}" if end and end != span["start"] else "")


def _report_line(doc_id: str, documents: DocumentsById) -> str:
    doc = documents.get(doc_id) or {}
    details = ", ".join(escape(v) for v in (doc.get("outlet"), doc.get("published")) if v)
    title = f": {escape(doc['title'])}" if doc.get("title") else ""
    return f"  - {escape(doc_id)}" + (f" ({details})" if details else "") + title


def _where(incident: IncidentDict) -> str:
    loc = incident.get("location") or {}
    if loc.get("name_en") or loc.get("name_ar"):
        names = " / ".join(escape(loc[k]) for k in ("name_en", "name_ar") if loc.get(k))
        admin = ", ".join(escape(loc[k]) for k in ("admin2", "admin1", "country") if loc.get(k))
        return names + (f" ({admin})" if admin else "") + (
            f", precision {escape(loc['precision'])}" if loc.get("precision") is not None else "")
    return "not located"


def incident_markdown(incident: IncidentDict, documents: DocumentsById) -> str:
    """One incident's section; ``documents`` maps doc_id to document dict (outlet, title)."""
    places = ", ".join(escape(p.get("name_en")) for p in (incident.get("places") or [])[:3]) or "unknown place"
    doc_ids = incident.get("doc_ids") or []
    kind = escape(incident.get("sub_event_type") or incident.get("event_type") or "event")
    lines = [f"## {_date(incident)}: {kind}, {places}", "",
             f"- incident {escape(incident.get('incident_id'))}"
             + (f" (also known as {', '.join(escape(a) for a in incident['aliases'])})"
                if incident.get("aliases") else ""),
             f"- location: {_where(incident)}"]
    if incident.get("grade"):
        reasons = "; ".join(escape(r) for r in incident.get("grade_reasons") or ())
        lines.append(f"- grade: {escape(incident['grade'])}" + (f" ({reasons})" if reasons else ""))
    lines += ["- perpetrator: " + (", ".join(
                  f"{escape(a.get('actor'))} ({escape(a.get('certainty') or 'stated')}; "
                  f"{', '.join(escape(s) for s in a.get('sources') or ())})"
                  for a in incident.get("perpetrator") or ()) or "not named"),
              f"- killed (low / best / high): {_range(incident.get('killed'))}; "
              f"civilians: {_range(incident.get('civilians_killed'))}",
              f"- injured: {_range(incident.get('injured'))}; civilians: {_range(incident.get('civilians_injured'))}",
              f"- strikes: {_range(incident.get('strikes'))}",
              f"- {len(doc_ids)} report(s):"]
    lines += [_report_line(d, documents) for d in doc_ids]
    lines += ["", "| source | report | " + " | ".join(_KINDS) + " |", "|---|---|" + "---|" * len(_KINDS)]
    table: dict[tuple[str, str], dict[str, list[tuple[int | None, int | None]]]] = defaultdict(
        lambda: defaultdict(list))
    for c in incident.get("claims") or ():
        table[((c.get("source") or {}).get("text") or "", c.get("doc_id") or "")][c["kind"]].append(
            (c.get("min"), c.get("max")))
    for (source, doc_id), row in table.items():
        cells = " | ".join(_cell(row.get(k, [])) for k in _KINDS)
        lines.append(f"| {escape(source)} | {escape(doc_id)} | {cells} |")
    if incident.get("sites"):
        lines += ["", "Sites hit:"]
        lines += [f"- {escape(s.get('site'))}: "
                  + (f"{_range(s.get('strikes'))} strikes" if (s.get("strikes") or {}).get("best") is not None
                     else "strikes not counted")
                  + f" ({', '.join(escape(d) for d in s.get('doc_ids') or ())})"
                  for s in incident["sites"]]
    if incident.get("contradictions"):
        lines += ["", "Contradictions:"]
        lines += [f"- **{escape(c.get('kind'))}**: {escape(c.get('note'))}" for c in incident["contradictions"]]
    if incident.get("corrections"):
        lines += ["", "Corrected by hand:"]
        lines += [f"- {escape(c.get('field'))} set to {escape(c.get('value'))} by {escape(c.get('who'))}"
                  f" on {escape(c.get('when'))}: {escape(c.get('why'))}" for c in incident["corrections"]]
    return "\n".join(lines) + "\n"


def report_markdown(incidents: Iterable[IncidentDict],
                    documents: Iterable[Mapping[str, Any]] | DocumentsById | None = None) -> str:
    """The whole report: a title line, then one section per incident in the given order."""
    incidents = list(incidents)
    out = io.StringIO()
    write_markdown(incidents, len(incidents), documents_by_id(documents), out)
    return out.getvalue()


class MarkdownWriter:
    """The report written section after section: the title at once (``count``: how many
    incidents), then each incident's section as it is added."""

    def __init__(self, handle: TextIO, documents: DocumentsById, count: int):
        self._handle, self._documents = handle, documents
        handle.write(f"# rasd report: {count} incidents from {len(documents)} articles\n\n")
        self._first = True

    def add(self, incident: IncidentDict) -> None:
        self._handle.write(("" if self._first else "\n") + incident_markdown(incident, self._documents))
        self._first = False

    def end(self) -> None:
        """Nothing follows the last section."""


def write_markdown(incidents: Iterable[IncidentDict], count: int, documents: DocumentsById, handle: TextIO) -> None:
    """The report written with a ``MarkdownWriter``."""
    writer = MarkdownWriter(handle, documents, count)
    for incident in incidents:
        writer.add(incident)
