"""A readable ``report.md``: one section per incident, its source-by-figure table and contradictions."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rasd.model import Document, Figure, Incident

_KINDS = ("killed", "injured", "strikes")


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
    places = ", ".join(p.name_en for p in inc.places[:3]) or "unknown place"
    date = f"{inc.date.start}" + (f" – {inc.date.end}" if inc.date and inc.date.end != inc.date.start else "") \
        if inc.date else "undated"
    lines = [f"## {date}: {inc.sub_event_type}, {places}", "",
             f"- incident `{inc.incident_id}`; {len(inc.doc_ids)} report(s): "
             + ", ".join(f"{d} ({docs[d].outlet or '?'})" for d in inc.doc_ids if d in docs),
             f"- perpetrator: " + (", ".join(f"{a.actor} ({a.certainty}; {', '.join(a.sources)})"
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
        lines.append(f"| {source.replace('|', '/')} | {doc_id} | {cells} |")
    if inc.sites:
        lines += ["", "Sites hit:"]
        lines += [f"- {f.site}: " + (f"{_range(f.strikes)} strikes" if f.strikes.best is not None
                                     else "strikes not counted") + f" ({', '.join(f.doc_ids)})"
                  for f in inc.sites]
    if inc.contradictions:
        lines += ["", "Contradictions:"]
        lines += [f"- **{c.kind}**: {c.note}" for c in inc.contradictions]
    return "\n".join(lines) + "\n"


def write_report(path: Path, incidents: list[Incident], docs: dict[str, Document]) -> None:
    body = "\n".join(incident_markdown(i, docs) for i in incidents)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(f"# rasd report: {len(incidents)} incidents from {len(docs)} articles\n\n{body}",
                   encoding="utf-8")
    tmp.replace(path)
