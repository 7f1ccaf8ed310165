"""A readable ``report.md``: one section per incident, its source-by-figure table and contradictions.

Everything that comes from the data (ids, outlets, sources, places, actors, sites, notes)
goes through ``_md``: Markdown and HTML in it are shown as text, never rendered, and no
link is made of it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from rasd.model import Document, Figure, Incident

_KINDS = ("killed", "injured", "strikes")
_MARKUP = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")
_BARE_LINK = re.compile(r"(?i)\b(www)\.|:(?=//)")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def _md(value: object) -> str:
    """Data as literal Markdown text: markup characters backslash-escaped (CommonMark lets
    any ASCII punctuation be), "www." and "://" broken so no link is guessed, lines joined."""
    text = _MARKUP.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(value)))
    return _BARE_LINK.sub(lambda m: f"{m[1]}\\." if m[1] else "\\:", text)


def _range(f: Figure) -> str:
    if f.best is None:
        return "–"
    return f"{f.low} / {f.best} / {f.high}"


def _cell(values: list[tuple[int | None, int | None]]) -> str:
    parts = []
    for lo, hi in values:
        if lo == hi:
            parts.append(str(lo))
        elif hi is None:
            parts.append(f"≥{lo}")
        else:
            parts.append(f"{lo}–{hi}")
    return ", ".join(parts) or ""


def incident_markdown(inc: Incident, docs: dict[str, Document]) -> str:
    places = ", ".join(_md(p.name_en) for p in inc.places[:3]) or "unknown place"
    date = f"{inc.date.start}" + (f" – {inc.date.end}" if inc.date and inc.date.end != inc.date.start else "") \
        if inc.date else "undated"
    lines = [f"## {date}: {_md(inc.sub_event_type)}, {places}", "",
             f"- incident {_md(inc.incident_id)}; {len(inc.doc_ids)} report(s): "
             + ", ".join(f"{_md(d)} ({_md(docs[d].outlet or '?')})" for d in inc.doc_ids if d in docs),
             "- perpetrator: " + (", ".join(f"{_md(a.actor)} ({_md(a.certainty)}; "
                                            f"{', '.join(map(_md, a.sources))})"
                                            for a in inc.perpetrator) or "not named"),
             f"- killed (low / best / high): {_range(inc.killed)}; civilians: {_range(inc.civilians_killed)}",
             f"- injured: {_range(inc.injured)}; civilians: {_range(inc.civilians_injured)}",
             f"- strikes: {_range(inc.strikes)}", "",
             "| source | report | " + " | ".join(_KINDS) + " |",
             "|---|---|" + "---|" * len(_KINDS)]
    table: dict[tuple[str, str], dict[str, list[tuple[int | None, int | None]]]] = defaultdict(
        lambda: defaultdict(list))
    for s in inc.claims:
        table[(s.claim.source.text, s.doc_id)][s.claim.kind].append((s.claim.min, s.claim.max))
    for (source, doc_id), row in table.items():
        cells = " | ".join(_cell(row.get(k, [])) for k in _KINDS)
        lines.append(f"| {_md(source)} | {_md(doc_id)} | {cells} |")
    if inc.sites:
        lines += ["", "Sites hit:"]
        lines += [f"- {_md(f.site)}: " + (f"{_range(f.strikes)} strikes" if f.strikes.best is not None
                                          else "strikes not counted") + f" ({', '.join(map(_md, f.doc_ids))})"
                  for f in inc.sites]
    if inc.contradictions:
        lines += ["", "Contradictions:"]
        lines += [f"- **{_md(c.kind)}**: {_md(c.note)}" for c in inc.contradictions]
    return "\n".join(lines) + "\n"


def write_report(path: Path, incidents: list[Incident], docs: dict[str, Document]) -> None:
    body = "\n".join(incident_markdown(i, docs) for i in incidents)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(f"# rasd report: {len(incidents)} incidents from {len(docs)} articles\n\n{body}",
                   encoding="utf-8")
    tmp.replace(path)
